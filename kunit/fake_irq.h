/* SPDX-License-Identifier: GPL-2.0 */
/*
 * KUnit helpers for the suites that drive the irqpend layer: IRQ
 * descriptors of the test's own, the control file over the module's
 * layers and the case's core instance, and a watched line as irq/pending
 * shows it.
 */
#ifndef _PSD_KUNIT_FAKE_IRQ_H
#define _PSD_KUNIT_FAKE_IRQ_H

#include <linux/types.h>

struct irq_chip;
struct kunit;
struct psd_control;

unsigned int psd_kunit_fake_irq(struct kunit *test, struct irq_chip *chip);
void psd_kunit_irq_wake(struct kunit *test, unsigned int irq);
void psd_kunit_irq_unwake(struct kunit *test, unsigned int irq);
struct psd_control *psd_kunit_layers_control(struct kunit *test);
int psd_kunit_watch(struct psd_control *ctl, unsigned int irq, bool watch);
void psd_kunit_sample_a_while(struct kunit *test, struct psd_control *ctl,
			      unsigned int irq);
bool psd_kunit_irq_listed(struct kunit *test, unsigned int irq);
char *psd_kunit_irq_line(struct kunit *test, unsigned int irq);
unsigned int psd_kunit_stuck_anomalies(unsigned int irq);

#endif /* _PSD_KUNIT_FAKE_IRQ_H */
