// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: lines irqpend must not call stuck, and how it looks at them.  A
 * chained parent's flow handler counts nothing, so its handler count
 * cannot tell a serviced storm from a dead line; IRQD_WAKEUP_STATE stays
 * set while awake, where a disabled line may stay pending; and the chip
 * hierarchy is walked under the descriptor's lock.  Synthetic samples go
 * to the classifier; fake chips on IRQ descriptors of our own go through
 * the live layer (control watch_irq, irq/pending, anomalies).
 */
#include <kunit/test.h>
#include <linux/delay.h>
#include <linux/interrupt.h>
#include <linux/irq.h>
#include <linux/irqdesc.h>
#include <linux/seq_file.h>
#include <linux/string.h>

#include "psd_kunit.h"
#include "render.h"

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

static void free_desc(void *irq)
{
	irq_set_chip((uintptr_t)irq, NULL);
	irq_free_desc((uintptr_t)irq);
}

static void unwatch(void *irq)
{
	char cmd[32];

	snprintf(cmd, sizeof(cmd), "unwatch_irq %u", (unsigned int)(uintptr_t)irq);
	submit(cmd);
}

static void unwake(void *irq)
{
	irq_set_irq_wake((uintptr_t)irq, 0);
}

static void unchain(void *irq)
{
	irq_set_chained_handler_and_data((uintptr_t)irq, NULL, NULL);
}

static void chained_flow(struct irq_desc *desc)
{
}

static unsigned int fake_irq(struct kunit *test, struct irq_chip *chip)
{
	int irq = irq_alloc_desc(NUMA_NO_NODE), ret;

	if (irq < 0)
		kunit_skip(test, "no free IRQ descriptor: %d", irq);
	KUNIT_ASSERT_EQ(test, irq_set_chip(irq, chip), 0);
	ret = kunit_add_action_or_reset(test, free_desc, (void *)(uintptr_t)irq);
	KUNIT_ASSERT_EQ(test, ret, 0);
	return irq;
}

/* Watch @irq (unwatched before its descriptor goes). */
static void watch(struct kunit *test, unsigned int irq)
{
	char cmd[32];
	int ret;

	snprintf(cmd, sizeof(cmd), "watch_irq %u", irq);
	KUNIT_ASSERT_EQ(test, submit(cmd), 0);
	ret = kunit_add_action_or_reset(test, unwatch, (void *)(uintptr_t)irq);
	KUNIT_ASSERT_EQ(test, ret, 0);
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

static unsigned int stuck_anomalies(unsigned int irq)
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

/* Samples far beyond stuck_ms 10 and 3 samples: any episode would show. */
static void sample_a_while(struct kunit *test, unsigned int irq)
{
	char cmd[32];
	unsigned int i;

	snprintf(cmd, sizeof(cmd), "watch_irq %u", irq);
	for (i = 0; i < 10; i++) {
		msleep(20);
		KUNIT_EXPECT_EQ(test, submit(cmd), 0);
	}
}

static void restore_stuck_ms(void *ms)
{
	char cmd[32];

	snprintf(cmd, sizeof(cmd), "set stuck_ms %u", (u32)(uintptr_t)ms);
	submit(cmd);
}

static int false_stuck_init(struct kunit *test)
{
	ctl = NULL;
	if (!psd_layer_on(&psd_irqpend_layer))
		return 0;
	ctl = kunit_kzalloc(test, sizeof(*ctl), GFP_KERNEL);
	if (!ctl)
		return -ENOMEM;
	ctl->layers = &psd_module_layers;
	ctl->settings = psd_settings;
	ctl->reset = psd_reset_core;
	mutex_init(&ctl->lock);
	return 0;
}

/* The live layer, sampling with stuck_ms 10 until the test ends. */
static void need_live(struct kunit *test)
{
	int ret;

	if (!ctl)
		kunit_skip(test, "irqpend is off");
	ret = kunit_add_action_or_reset(test, restore_stuck_ms,
					(void *)(uintptr_t)psd_setting(PSD_SET_STUCK_MS));
	KUNIT_ASSERT_EQ(test, ret, 0);
	KUNIT_ASSERT_EQ(test, submit("set stuck_ms 10"), 0);
}

static void live_chained_parent_not_stuck(struct kunit *test)
{
	unsigned int irq;
	char *l;
	int ret;

	need_live(test);
	irq = fake_irq(test, &pending_chip);
	irq_set_chained_handler_and_data(irq, chained_flow, NULL);
	ret = kunit_add_action_or_reset(test, unchain, (void *)(uintptr_t)irq);
	KUNIT_ASSERT_EQ(test, ret, 0);
	watch(test, irq);
	sample_a_while(test, irq);
	KUNIT_EXPECT_EQ(test, stuck_anomalies(irq), 0U);
	l = line_of(test, irq);
	KUNIT_ASSERT_NOT_NULL(test, l);
	KUNIT_EXPECT_NOT_NULL(test, strstr(l, " enabled=1 pending=1 "));
	KUNIT_EXPECT_NOT_NULL(test, strstr(l, " stuck=0 "));
	KUNIT_EXPECT_NOT_NULL(test, strstr(l, " chained=1 "));
}

static void live_plain_line_not_chained(struct kunit *test)
{
	unsigned int irq;
	char *l;

	need_live(test);
	irq = fake_irq(test, &pending_chip);
	watch(test, irq);
	l = line_of(test, irq);
	KUNIT_ASSERT_NOT_NULL(test, l);
	KUNIT_EXPECT_NOT_NULL(test, strstr(l, " chained=0 "));
}

static void live_wake_enabled_disabled_awake_not_stuck(struct kunit *test)
{
	unsigned int irq;
	char *l;
	int ret;

	need_live(test);
	irq = fake_irq(test, &pending_chip);
	KUNIT_ASSERT_EQ(test, irq_set_irq_wake(irq, 1), 0);
	ret = kunit_add_action_or_reset(test, unwake, (void *)(uintptr_t)irq);
	KUNIT_ASSERT_EQ(test, ret, 0);
	watch(test, irq);
	sample_a_while(test, irq);
	KUNIT_EXPECT_EQ(test, stuck_anomalies(irq), 0U);
	l = line_of(test, irq);
	KUNIT_ASSERT_NOT_NULL(test, l);
	KUNIT_EXPECT_NOT_NULL(test, strstr(l, " wake=1 enabled=0 pending=1 "));
	KUNIT_EXPECT_NOT_NULL(test, strstr(l, " stuck=0 "));
	KUNIT_EXPECT_NOT_NULL(test, strstr(l, " armed=0 "));
}

static void live_hierarchy_walked_locked(struct kunit *test)
{
	unsigned int irq;
	char *l;

	need_live(test);
	irq = fake_irq(test, &unnamed_chip);
	print_called = false;
	print_locked = false;
	watch(test, irq);
	l = line_of(test, irq);
	KUNIT_ASSERT_NOT_NULL(test, l);
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
