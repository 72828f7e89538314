/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The layers' descriptors, for the table in main.c that registers them.
 * A layer is its own files, its line here and its row there.
 */
#ifndef _PMIC_SLEEPDIAG_LAYERS_H
#define _PMIC_SLEEPDIAG_LAYERS_H

struct psd_layer;

extern struct psd_layer psd_pmic_layer;
extern struct psd_layer psd_wakesrc_layer;
extern struct psd_layer psd_alarm_layer;
extern struct psd_layer psd_irqpend_layer;
extern struct psd_layer psd_hrtimer_layer;
extern struct psd_layer psd_devpm_layer;
extern struct psd_layer psd_sleepers_layer;

#endif /* _PMIC_SLEEPDIAG_LAYERS_H */
