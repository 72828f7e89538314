/* SPDX-License-Identifier: GPL-2.0 */
/*
 * KUnit helpers for the suites that build per-cycle report records by
 * hand (verdict, json), and their layers' parts.
 */
#ifndef _PSD_KUNIT_RECORDS_H
#define _PSD_KUNIT_RECORDS_H

#include <linux/types.h>

struct kunit;
struct psd_layer;
struct psd_report_cycle;
struct psd_rpt_alarm;
struct psd_rpt_pmic;

u32 psd_kunit_lint_bit(struct kunit *test, const char *id);
u32 psd_kunit_lint_bits(struct kunit *test, const char *ids);
struct psd_report_cycle *psd_kunit_record(struct kunit *test);
void *psd_kunit_part(struct psd_report_cycle *r, const struct psd_layer *l);
void psd_kunit_alarm(struct psd_report_cycle *r, const struct psd_rpt_alarm *a);
struct psd_rpt_pmic *psd_kunit_pmic(struct psd_report_cycle *r, bool wake);
unsigned int psd_kunit_nr_rules(void);

#endif /* _PSD_KUNIT_RECORDS_H */
