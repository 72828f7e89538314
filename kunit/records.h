/* SPDX-License-Identifier: GPL-2.0 */
/*
 * KUnit helpers for the suites that build per-cycle report records by
 * hand (verdict, json).
 */
#ifndef _PSD_KUNIT_RECORDS_H
#define _PSD_KUNIT_RECORDS_H

#include <linux/types.h>

struct kunit;

u32 psd_kunit_lint_bit(struct kunit *test, const char *id);
u32 psd_kunit_lint_bits(struct kunit *test, const char *ids);

#endif /* _PSD_KUNIT_RECORDS_H */
