// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: lines irqpend must not call stuck, and how it looks at them.  A
 * chained parent's flow handler counts nothing, so its handler count
 * cannot tell a serviced storm from a dead line; IRQD_WAKEUP_STATE stays
 * set while awake, where a disabled line may stay pending; and the chip
 * hierarchy is walked under the descriptor's lock.  Synthetic samples go
 * to the classifier; fake chips on IRQ descriptors of our own go through
 * the layer, in the case's core instance (control watch_irq, irq/pending,
 * anomalies).
 */
#include <kunit/test.h>
#include <linux/interrupt.h>
#include <linux/irq.h>
#include <linux/irqdesc.h>
#include <linux/seq_file.h>
#include <linux/string.h>

#include "fake_irq.h"
#include "psd_kunit.h"

#define MS	((u64)NSEC_PER_MSEC)
#define STUCK	(1000 * MS)

/* Samples of one line every @step ms from 0, pending, count 0: anomalies. */
static unsigned int feed_pending(struct psd_irqp_class *c,
				 struct psd_irqp_sample *s, u64 from_ms,
				 unsigned int n, u64 step_ms)
{
	unsigned int i, raised = 0;

	for (i = 0; i < n; i++) {
		s->t_ns = (from_ms + i * step_ms) * MS;
		s->pending = PSD_IRQP_YES;
		raised += psd_irqp_classify(c, s, STUCK);
	}
	return raised;
}

static void wake_enabled_disabled_awake_not_stuck(struct kunit *test)
{
	struct psd_irqp_sample s = { .wake = true, .masked = PSD_IRQP_YES };
	struct psd_irqp_class c = {};

	/* enable_irq_wake() and disable_irq() while awake: legitimate. */
	KUNIT_EXPECT_EQ(test, feed_pending(&c, &s, 0, 10, 500), 0U);
	KUNIT_EXPECT_FALSE(test, c.stuck);
}

static void armed_streak_goes_on_after_resume(struct kunit *test)
{
	struct psd_irqp_sample s = { .wake = true, .masked = PSD_IRQP_YES };
	struct psd_irqp_class c = {};

	/* suspend_noirq and resume_noirq: armed for the sleep. */
	s.armed = true;
	KUNIT_EXPECT_EQ(test, feed_pending(&c, &s, 0, 2, 100), 0U);
	/* The polls after the resume: still pending, never handled. */
	s.armed = false;
	KUNIT_EXPECT_EQ(test, feed_pending(&c, &s, 600, 2, 600), 1U);
	KUNIT_EXPECT_TRUE(test, c.stuck);

	/* Cleared, then pending again while awake: a new, unarmed run. */
	s.pending = PSD_IRQP_NO;
	psd_irqp_classify(&c, &s, STUCK);
	KUNIT_EXPECT_EQ(test, feed_pending(&c, &s, 3000, 10, 500), 0U);
	KUNIT_EXPECT_FALSE(test, c.stuck);
}

static void chained_parent_never_stuck(struct kunit *test)
{
	struct psd_irqp_sample s = { .enabled = true, .chained = true };
	struct psd_irqp_class c = {};

	KUNIT_EXPECT_EQ(test, feed_pending(&c, &s, 0, 10, 500), 0U);
	s.armed = true;
	KUNIT_EXPECT_EQ(test, feed_pending(&c, &s, 5000, 10, 500), 0U);
	KUNIT_EXPECT_FALSE(test, c.stuck);
}

/* ---- the live layer, over fake chips ---- */

static struct psd_control *ctl;
static bool print_locked, print_called;

static int submit(const char *s)
{
	return psd_control_exec(ctl, s, strlen(s), 0);
}

static int fake_get_state(struct irq_data *d, enum irqchip_irq_state which,
			  bool *state)
{
	*state = which == IRQCHIP_STATE_PENDING;
	return 0;
}

/*
 * Called in the hierarchy walk.  UML is UP without spinlock debugging: a
 * held raw_spin_lock_irqsave() shows only as interrupts off.
 */
static void fake_print_chip(struct irq_data *d, struct seq_file *m)
{
	print_called = true;
	print_locked = irqs_disabled();
	seq_puts(m, "psd-kunit-unnamed");
}

static struct irq_chip pending_chip = {
	.name = "psd-kunit-pending",
	.irq_get_irqchip_state = fake_get_state,
	.flags = IRQCHIP_SKIP_SET_WAKE,
};

static struct irq_chip unnamed_chip = {
	.irq_get_irqchip_state = fake_get_state,
	.irq_print_chip = fake_print_chip,
};

static void unwatch(void *irq)
{
	psd_kunit_watch(ctl, (uintptr_t)irq, false);
}

static void unchain(void *irq)
{
	irq_set_chained_handler_and_data((uintptr_t)irq, NULL, NULL);
}

static void chained_flow(struct irq_desc *desc)
{
}

/* Watch @irq (unwatched before its descriptor goes). */
static void watch(struct kunit *test, unsigned int irq)
{
	int ret;

	KUNIT_ASSERT_EQ(test, psd_kunit_watch(ctl, irq, true), 0);
	ret = kunit_add_action_or_reset(test, unwatch, (void *)(uintptr_t)irq);
	KUNIT_ASSERT_EQ(test, ret, 0);
}

static int false_stuck_init(struct kunit *test)
{
	ctl = NULL;
	if (psd_layer_on(&psd_irqpend_layer))
		ctl = psd_kunit_layers_control(test);
	return 0;
}

/* The layer, in the case's core instance, sampling with stuck_ms 10. */
static void need_live(struct kunit *test)
{
	if (!ctl)
		kunit_skip(test, "irqpend is off");
	KUNIT_ASSERT_EQ(test, submit("set stuck_ms 10"), 0);
}

/* An IRQ of the test's own on @chip, for the live layer. */
static unsigned int live_irq(struct kunit *test, struct irq_chip *chip)
{
	need_live(test);
	return psd_kunit_fake_irq(test, chip);
}

/* @irq watched: the line irq/pending shows for it. */
static char *watched_line(struct kunit *test, unsigned int irq)
{
	watch(test, irq);
	return psd_kunit_irq_line(test, irq);
}

/*
 * @irq watched and sampled a while: no episode (no anomaly, not stuck), and
 * the line it shows.
 */
static char *sampled_line(struct kunit *test, unsigned int irq)
{
	char *l;

	watch(test, irq);
	psd_kunit_sample_a_while(test, ctl, irq);
	KUNIT_EXPECT_EQ(test, psd_kunit_stuck_anomalies(irq), 0U);
	l = psd_kunit_irq_line(test, irq);
	KUNIT_EXPECT_NOT_NULL(test, strstr(l, " stuck=0 "));
	return l;
}

static void live_chained_parent_not_stuck(struct kunit *test)
{
	unsigned int irq = live_irq(test, &pending_chip);
	char *l;
	int ret;

	irq_set_chained_handler_and_data(irq, chained_flow, NULL);
	ret = kunit_add_action_or_reset(test, unchain, (void *)(uintptr_t)irq);
	KUNIT_ASSERT_EQ(test, ret, 0);
	l = sampled_line(test, irq);
	KUNIT_EXPECT_NOT_NULL(test, strstr(l, " enabled=1 pending=1 "));
	KUNIT_EXPECT_NOT_NULL(test, strstr(l, " chained=1 "));
}

static void live_plain_line_not_chained(struct kunit *test)
{
	unsigned int irq = live_irq(test, &pending_chip);

	KUNIT_EXPECT_NOT_NULL(test, strstr(watched_line(test, irq),
					   " chained=0 "));
}

static void live_wake_enabled_disabled_awake_not_stuck(struct kunit *test)
{
	unsigned int irq = live_irq(test, &pending_chip);
	char *l;

	psd_kunit_irq_wake(test, irq);
	l = sampled_line(test, irq);
	KUNIT_EXPECT_NOT_NULL(test, strstr(l, " wake=1 enabled=0 pending=1 "));
	KUNIT_EXPECT_NOT_NULL(test, strstr(l, " armed=0 "));
}

static void live_hierarchy_walked_locked(struct kunit *test)
{
	unsigned int irq = live_irq(test, &unnamed_chip);
	char *l;

	print_called = false;
	print_locked = false;
	l = watched_line(test, irq);
	KUNIT_EXPECT_NOT_NULL(test, strstr(l, " chip=psd-kunit-unnamed "));
	KUNIT_ASSERT_TRUE(test, print_called);
	KUNIT_EXPECT_TRUE(test, print_locked);
}

static struct kunit_case false_stuck_cases[] = {
	KUNIT_CASE(wake_enabled_disabled_awake_not_stuck),
	KUNIT_CASE(armed_streak_goes_on_after_resume),
	KUNIT_CASE(chained_parent_never_stuck),
	KUNIT_CASE(live_chained_parent_not_stuck),
	KUNIT_CASE(live_plain_line_not_chained),
	KUNIT_CASE(live_wake_enabled_disabled_awake_not_stuck),
	KUNIT_CASE(live_hierarchy_walked_locked),
	{}
};

static struct kunit_suite false_stuck_suite = {
	.name = "pmic_sleepdiag_irqpend_false_stuck",
	.init = false_stuck_init,
	.test_cases = false_stuck_cases,
};

kunit_test_suite(false_stuck_suite);
