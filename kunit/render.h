/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Render what a seq_file show function writes into a string the test
 * owns: one helper for every suite.
 */
#ifndef _PSD_KUNIT_RENDER_H
#define _PSD_KUNIT_RENDER_H

#include <linux/types.h>

struct kunit;
struct seq_file;

struct seq_file *psd_kunit_seq(struct kunit *test, size_t size);
char *psd_kunit_text(struct kunit *test, struct seq_file *m);
char *psd_kunit_render(struct kunit *test, size_t size,
		       int (*show)(struct seq_file *m, void *data), void *data);

#endif /* _PSD_KUNIT_RENDER_H */
