// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit helpers for the irqpend layer's suites (irqpend,
 * irqpend_false_stuck).
 */
#include <kunit/test.h>
#include <linux/delay.h>
#include <linux/interrupt.h>
#include <linux/irq.h>
#include <linux/irqdesc.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "fake_irq.h"
#include "psd_kunit.h"
#include "render.h"

static void free_desc(void *irq)
{
	irq_set_chip((uintptr_t)irq, NULL);
	irq_free_desc((uintptr_t)irq);
}

/**
 * psd_kunit_fake_irq() - an IRQ descriptor of the test's own
 * @test: the test; it is skipped if no descriptor is free
 * @chip: the descriptor's chip
 *
 * Return: the IRQ, freed when the test ends.
 */
unsigned int psd_kunit_fake_irq(struct kunit *test, struct irq_chip *chip)
{
	int irq = irq_alloc_desc(NUMA_NO_NODE), ret;

	if (irq < 0)
		kunit_skip(test, "no free IRQ descriptor: %d", irq);
	KUNIT_ASSERT_EQ(test, irq_set_chip(irq, chip), 0);
	ret = kunit_add_action_or_reset(test, free_desc, (void *)(uintptr_t)irq);
	KUNIT_ASSERT_EQ(test, ret, 0);
	return irq;
}

static void unwake(void *irq)
{
	irq_set_irq_wake((uintptr_t)irq, 0);
}

/**
 * psd_kunit_irq_wake() - enable_irq_wake() @irq until the test ends
 * @test: the test
 * @irq: an IRQ from psd_kunit_fake_irq()
 */
void psd_kunit_irq_wake(struct kunit *test, unsigned int irq)
{
	int ret;

	KUNIT_ASSERT_EQ(test, irq_set_irq_wake(irq, 1), 0);
	ret = kunit_add_action_or_reset(test, unwake, (void *)(uintptr_t)irq);
	KUNIT_ASSERT_EQ(test, ret, 0);
}

/**
 * psd_kunit_irq_unwake() - disarm @irq now, not when the test ends
 * @test: the test
 * @irq: an IRQ armed by psd_kunit_irq_wake()
 */
void psd_kunit_irq_unwake(struct kunit *test, unsigned int irq)
{
	kunit_release_action(test, unwake, (void *)(uintptr_t)irq);
}

/**
 * psd_kunit_layers_control() - a control file over the module's layers
 * @test: the test that owns it
 *
 * Its commands act on the case's core instance (psd_kunit_core()): the
 * layers' data there, its settings and its reset.
 *
 * Return: the control file.
 */
struct psd_control *psd_kunit_layers_control(struct kunit *test)
{
	struct psd_control *ctl = kunit_kzalloc(test, sizeof(*ctl), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, ctl);
	ctl->layers = &psd_module_layers;
	ctl->settings = psd_kunit_core(test)->settings;
	ctl->reset = psd_reset_core;
	mutex_init(&ctl->lock);
	return ctl;
}

/**
 * psd_kunit_watch() - control "watch_irq" or "unwatch_irq" @irq
 * @ctl: the control file
 * @irq: the IRQ; watching it again samples it
 * @watch: watch it, or unwatch it
 *
 * Return: what the command returned.
 */
int psd_kunit_watch(struct psd_control *ctl, unsigned int irq, bool watch)
{
	char cmd[32];

	snprintf(cmd, sizeof(cmd), "%s %u", watch ? "watch_irq" : "unwatch_irq",
		 irq);
	return psd_control_exec(ctl, cmd, strlen(cmd), 0);
}

/**
 * psd_kunit_sample_a_while() - sample a watched @irq 10 times, 20 ms apart
 * @test: the test; it fails if a sample does
 * @ctl: the control file
 * @irq: the IRQ
 *
 * With stuck_ms 10, far beyond stuck_ms and 3 samples: any episode would
 * show.
 */
void psd_kunit_sample_a_while(struct kunit *test, struct psd_control *ctl,
			      unsigned int irq)
{
	unsigned int i;

	for (i = 0; i < 10; i++) {
		msleep(20);
		KUNIT_EXPECT_EQ(test, psd_kunit_watch(ctl, irq, true), 0);
	}
}

/* The irq/pending line of @irq, or NULL. */
static char *line_of(struct kunit *test, unsigned int irq)
{
	char *text = psd_kunit_render(test, 4 * PAGE_SIZE,
				      psd_irqpend_pending_show, NULL), *l;
	char want[24];

	snprintf(want, sizeof(want), "irq=%u ", irq);
	while ((l = strsep(&text, "\n")))
		if (!strncmp(l, want, strlen(want)))
			return l;
	return NULL;
}

/**
 * psd_kunit_irq_listed() - does irq/pending list @irq?
 * @test: the test
 * @irq: the IRQ
 *
 * Return: true if it has a line.
 */
bool psd_kunit_irq_listed(struct kunit *test, unsigned int irq)
{
	return line_of(test, irq);
}

/**
 * psd_kunit_irq_line() - the irq/pending line of @irq
 * @test: the test; it fails if there is no such line
 * @irq: the IRQ
 *
 * Return: the line, without its newline.
 */
char *psd_kunit_irq_line(struct kunit *test, unsigned int irq)
{
	char *l = line_of(test, irq);

	KUNIT_ASSERT_NOT_NULL_MSG(test, l, "irq %u not listed", irq);
	return l;
}

/**
 * psd_kunit_stuck_anomalies() - IRQ_STUCK_PENDING anomalies about @irq
 * @irq: the IRQ
 *
 * Return: how many the anomaly log holds.
 */
unsigned int psd_kunit_stuck_anomalies(unsigned int irq)
{
	struct psd_record r;
	unsigned int n = 0;
	u64 pos = 0;

	while (psd_anomalies_get(&pos, &r)) {
		pos = r.seq + 1;
		n += r.type == PSD_AN_IRQ_STUCK_PENDING && r.v[0] == irq;
	}
	return n;
}
