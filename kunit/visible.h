/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Entry points that exist for KUnit only: static unless CONFIG_KUNIT
 * (VISIBLE_IF_KUNIT), declared here for the suites and their definers.
 */
#ifndef _PSD_KUNIT_VISIBLE_H
#define _PSD_KUNIT_VISIBLE_H

#include <kunit/visibility.h>

#if IS_ENABLED(CONFIG_KUNIT)
struct notifier_block;
struct psd_layer;
struct psd_layer_ops;

void psd_layer_use_ops(struct psd_layer *l, const struct psd_layer_ops *ops);

/* The tracker's inputs, exposed so KUnit can drive it like the kernel. */
void psd_cycle_tp_suspend_resume(void *data, const char *action, int val,
				 bool start);
int psd_cycle_pm_notify(struct notifier_block *nb, unsigned long action,
			void *unused);
#endif

#endif /* _PSD_KUNIT_VISIBLE_H */
