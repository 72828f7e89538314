// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: the irqpend component (pmic_sleepdiag/irqpend.c) through
 * the control file and irq/pending.  In UML no real irqchip reports
 * pending state, so a watched IRQ must show pending=unsupported, never 0,
 * and be counted in summary; fake chips on IRQ descriptors of our own
 * stand in for a GIC (answers) and a regmap-irq chip (bus lock: must never
 * be asked).  The commands go through a control instance of the suite's
 * over the module's layers; they act on the case's core instance, whose
 * layer is never started: a watch command samples, as the poll would.
 */
#include <kunit/test.h>
#include <linux/bitmap.h>
#include <linux/delay.h>
#include <linux/interrupt.h>
#include <linux/irq.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "../pmic_sleepdiag/compat.h"
#include "fake_irq.h"
#include "psd_kunit.h"
#include "render.h"
#include "summary_text.h"

#define TEXT_SIZE	(4 * PAGE_SIZE)

/* The suite's control file. */
static struct psd_control *ctl;

static int submit(const char *s)
{
	return psd_control_exec(ctl, s, strlen(s), 0);
}

static char *render(struct kunit *test, int (*show)(struct seq_file *, void *))
{
	return psd_kunit_render(test, TEXT_SIZE, show, NULL);
}

static unsigned int count_lines(struct kunit *test, const char *needle)
{
	char *text = render(test, psd_irqpend_pending_show), *l;
	unsigned int n = 0;

	while ((l = strsep(&text, "\n")))
		n += *l && *l != '#' && (!needle || strstr(l, needle));
	return n;
}

/* Watch @irq (again: sample it). */
static int watch(unsigned int irq)
{
	return psd_kunit_watch(ctl, irq, true);
}

/* Watch @irq: the line irq/pending shows for it. */
static char *watched_line(struct kunit *test, unsigned int irq)
{
	KUNIT_ASSERT_EQ(test, watch(irq), 0);
	return psd_kunit_irq_line(test, irq);
}

static bool error_has(struct kunit *test, const char *what)
{
	struct seq_file *m = psd_kunit_seq(test, 256);

	psd_control_error_show(ctl, m);
	return strstr(psd_kunit_text(test, m), what);
}

/* Which IRQs irq/pending lists. */
static void watched_set(struct kunit *test, unsigned long *bits,
			unsigned int nbits)
{
	char *text = render(test, psd_irqpend_pending_show), *l;
	unsigned int irq;

	bitmap_zero(bits, nbits);
	while ((l = strsep(&text, "\n")))
		if (sscanf(l, "irq=%u ", &irq) == 1 && irq < nbits)
			__set_bit(irq, bits);
}

/* An existing IRQ, not watched yet, with no handler: its count stays. */
static unsigned int unwatched_irq(struct kunit *test)
{
	unsigned int irq, nr = irq_get_nr_irqs(), fallback = 0;
	unsigned long *bits = kunit_kcalloc(test, BITS_TO_LONGS(nr),
					    sizeof(long), GFP_KERNEL);
	struct irq_data *d;

	KUNIT_ASSERT_NOT_NULL(test, bits);
	watched_set(test, bits, nr);
	for (irq = 1; irq < nr; irq++) {
		d = irq_get_irq_data(irq);
		if (!d || test_bit(irq, bits))
			continue;
		if (!irq_data_to_desc(d)->action)
			return irq;
		fallback = fallback ?: irq;
	}
	if (!fallback)
		kunit_skip(test, "no unwatched IRQ");
	return fallback;
}

static int irqpend_init(struct kunit *test)
{
	ctl = NULL;
	if (!psd_layer_on(&psd_irqpend_layer))
		kunit_skip(test, "irqpend is off");
	ctl = psd_kunit_layers_control(test);
	return 0;
}

static void watch_shows_unsupported_and_unwatch_removes(struct kunit *test)
{
	unsigned int irq = unwatched_irq(test), lines;
	char cmd[32], *l;

	snprintf(cmd, sizeof(cmd), "watch_irq %u\n", irq);
	KUNIT_ASSERT_EQ(test, submit(cmd), 0);
	l = psd_kunit_irq_line(test, irq);
	KUNIT_EXPECT_NOT_NULL(test, strstr(l, " pending=unsupported "));
	KUNIT_EXPECT_NOT_NULL(test, strstr(l, " pending_ms=0 "));
	KUNIT_EXPECT_NOT_NULL(test, strstr(l, " stuck=0"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(l, " watch=user"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(l, " chip="));
	/* summary counts exactly the unsupported lines. */
	KUNIT_EXPECT_GE(test, summary_value(test, "irq_unsupported"), 1);
	KUNIT_EXPECT_EQ(test, summary_value(test, "irq_unsupported"),
			(long)count_lines(test, " pending=unsupported "));

	/* Watching again changes nothing. */
	lines = count_lines(test, NULL);
	KUNIT_EXPECT_EQ(test, submit(cmd), 0);
	KUNIT_EXPECT_EQ(test, count_lines(test, NULL), lines);

	snprintf(cmd, sizeof(cmd), "unwatch_irq %u", irq);
	KUNIT_EXPECT_EQ(test, submit(cmd), 0);
	KUNIT_EXPECT_FALSE(test, psd_kunit_irq_listed(test, irq));
	KUNIT_EXPECT_EQ(test, summary_value(test, "irq_unsupported"),
			(long)count_lines(test, " pending=unsupported "));

	KUNIT_EXPECT_EQ(test, submit(cmd), -EINVAL);
	KUNIT_EXPECT_TRUE(test, error_has(test, "not watched"));
}

static void watch_bound_is_64(struct kunit *test)
{
	unsigned int irq, nr = irq_get_nr_irqs();
	unsigned int watched = count_lines(test, NULL);
	unsigned long *bits = kunit_kcalloc(test, BITS_TO_LONGS(nr),
					    sizeof(long), GFP_KERNEL);
	int ret;

	KUNIT_ASSERT_NOT_NULL(test, bits);
	watched_set(test, bits, nr);
	for (irq = 0; irq < nr; irq++) {
		if (!irq_get_irq_data(irq) || test_bit(irq, bits))
			continue;
		ret = watch(irq);
		if (watched < PSD_IRQP_MAX) {
			KUNIT_EXPECT_EQ_MSG(test, ret, 0, "irq %u", irq);
			watched += !ret;
			continue;
		}
		KUNIT_EXPECT_EQ_MSG(test, ret, -EINVAL, "irq %u", irq);
		KUNIT_EXPECT_TRUE(test, error_has(test, "full"));
	}
	KUNIT_EXPECT_EQ(test, count_lines(test, NULL), watched);
	KUNIT_EXPECT_LE(test, watched, (unsigned int)PSD_IRQP_MAX);
	KUNIT_EXPECT_EQ(test, summary_value(test, "irq_unsupported"),
			(long)count_lines(test, " pending=unsupported "));
}

static void reads_change_nothing(struct kunit *test)
{
	unsigned int irq = unwatched_irq(test);
	u64 anomalies = psd_anomalies_total();
	char *first = kstrdup(watched_line(test, irq), GFP_KERNEL);
	unsigned int i;

	KUNIT_ASSERT_NOT_NULL(test, first);
	for (i = 0; i < 20; i++)
		KUNIT_EXPECT_STREQ(test, psd_kunit_irq_line(test, irq), first);
	kfree(first);
	KUNIT_EXPECT_EQ(test, psd_anomalies_total(), anomalies);
}

static void header_line(struct kunit *test)
{
	char *text = render(test, psd_irqpend_pending_show);

	KUNIT_EXPECT_TRUE(test, strstarts(text, "# watched="));
	KUNIT_EXPECT_NOT_NULL(test, strstr(text, " max=64 "));
}

/* Fake irqchips: one answers from fake_pending, one has a bus lock. */
static bool fake_pending;
static unsigned int fake_calls, bus_calls;

static int fake_get_state(struct irq_data *d, enum irqchip_irq_state which,
			  bool *state)
{
	fake_calls++;
	switch (which) {
	case IRQCHIP_STATE_PENDING:
		*state = READ_ONCE(fake_pending);
		return 0;
	case IRQCHIP_STATE_MASKED:
		*state = true;
		return 0;
	default:
		return -EINVAL;
	}
}

static int bus_get_state(struct irq_data *d, enum irqchip_irq_state which,
			 bool *state)
{
	bus_calls++;
	*state = true;
	return 0;
}

static void bus_noop(struct irq_data *d)
{
}

static struct irq_chip fake_chip = {
	.name = "psd kunit",
	.irq_get_irqchip_state = fake_get_state,
	.flags = IRQCHIP_SKIP_SET_WAKE,
};

static struct irq_chip bus_chip = {
	.name = "psd-kunit-bus",
	.irq_get_irqchip_state = bus_get_state,
	.irq_bus_lock = bus_noop,
	.irq_bus_sync_unlock = bus_noop,
};

static irqreturn_t fake_handler(int irq, void *data)
{
	return IRQ_NONE;
}

static void free_fake(void *irq)
{
	free_irq((uintptr_t)irq, &fake_pending);
}

/*
 * Requested, so activated (enable_irq() starts only an activated line
 * without a WARNING), but left disabled (IRQF_NO_AUTOEN).
 */
static void request_fake(struct kunit *test, unsigned int irq)
{
	int ret;

	irq_clear_status_flags(irq, IRQ_NOREQUEST);
	ret = request_irq(irq, fake_handler, IRQF_NO_AUTOEN, "psd kunit",
			  &fake_pending);
	KUNIT_ASSERT_EQ(test, ret, 0);
	ret = kunit_add_action_or_reset(test, free_fake,
					(void *)(uintptr_t)irq);
	KUNIT_ASSERT_EQ(test, ret, 0);
}

static void fake_chip_stuck_then_cleared(struct kunit *test)
{
	unsigned int irq = psd_kunit_fake_irq(test, &fake_chip), i;
	char *l;

	request_fake(test, irq);
	psd_kunit_irq_wake(test, irq);
	/* Enabled: awake, wake-enabled alone does not qualify a line. */
	enable_irq(irq);
	WRITE_ONCE(fake_pending, false);
	KUNIT_ASSERT_EQ(test, submit("set stuck_ms 10"), 0);
	l = watched_line(test, irq);
	KUNIT_EXPECT_NOT_NULL(test, strstr(l, " chip=\"psd kunit\" wake=1 enabled=1 pending=0 "));
	KUNIT_EXPECT_NOT_NULL(test, strstr(l, " active=unsupported masked=1 "));

	/* Pending, enabled, never serviced: the samples must flag it. */
	WRITE_ONCE(fake_pending, true);
	for (i = 0; i < 500 && !psd_kunit_stuck_anomalies(irq); i++) {
		KUNIT_ASSERT_EQ(test, watch(irq), 0);	/* samples */
		msleep(20);
	}
	KUNIT_ASSERT_EQ(test, psd_kunit_stuck_anomalies(irq), 1U);
	l = psd_kunit_irq_line(test, irq);
	KUNIT_EXPECT_NOT_NULL(test, strstr(l, " pending=1 "));
	KUNIT_EXPECT_NOT_NULL(test, strstr(l, " stuck=1 "));

	/* Many more samples of the same episode: still one anomaly. */
	for (i = 0; i < 10; i++)
		KUNIT_EXPECT_EQ(test, watch(irq), 0);
	msleep(50);
	KUNIT_EXPECT_EQ(test, psd_kunit_stuck_anomalies(irq), 1U);

	/* The bit clears: so does stuck. */
	WRITE_ONCE(fake_pending, false);
	l = psd_kunit_irq_line(test, irq);
	KUNIT_EXPECT_NOT_NULL(test, strstr(l, " pending=0 pending_ms=0 "));
	KUNIT_EXPECT_NOT_NULL(test, strstr(l, " stuck=0 "));

	KUNIT_EXPECT_EQ(test, submit("reset"), 0);
	/* Disarm it while the descriptor is ours. */
	psd_kunit_irq_unwake(test, irq);
}

static void fake_chip_disabled_not_wake_not_flagged(struct kunit *test)
{
	unsigned int irq = psd_kunit_fake_irq(test, &fake_chip);
	char *l;

	WRITE_ONCE(fake_pending, true);
	KUNIT_ASSERT_EQ(test, submit("set stuck_ms 10"), 0);
	KUNIT_ASSERT_EQ(test, watch(irq), 0);
	psd_kunit_sample_a_while(test, ctl, irq);
	KUNIT_EXPECT_EQ(test, psd_kunit_stuck_anomalies(irq), 0U);
	l = psd_kunit_irq_line(test, irq);
	KUNIT_EXPECT_NOT_NULL(test, strstr(l, " wake=0 enabled=0 pending=1 "));
	KUNIT_EXPECT_NOT_NULL(test, strstr(l, " stuck=0 "));
	WRITE_ONCE(fake_pending, false);
}

static void bus_locked_chip_is_never_called(struct kunit *test)
{
	unsigned int irq = psd_kunit_fake_irq(test, &bus_chip);
	char *l;

	bus_calls = 0;
	l = watched_line(test, irq);
	KUNIT_EXPECT_NOT_NULL(test, strstr(l, " chip=psd-kunit-bus "));
	KUNIT_EXPECT_NOT_NULL(test, strstr(l, " pending=unsupported "));
	KUNIT_EXPECT_EQ(test, bus_calls, 0U);
	KUNIT_EXPECT_EQ(test, summary_value(test, "irq_unsupported"),
			(long)count_lines(test, " pending=unsupported "));
	KUNIT_EXPECT_EQ(test, psd_kunit_watch(ctl, irq, false), 0);
	KUNIT_EXPECT_EQ(test, bus_calls, 0U);
}

static struct kunit_case irqpend_cases[] = {
	KUNIT_CASE(fake_chip_stuck_then_cleared),
	KUNIT_CASE(fake_chip_disabled_not_wake_not_flagged),
	KUNIT_CASE(bus_locked_chip_is_never_called),
	KUNIT_CASE(watch_shows_unsupported_and_unwatch_removes),
	KUNIT_CASE(watch_bound_is_64),
	KUNIT_CASE(reads_change_nothing),
	KUNIT_CASE(header_line),
	{}
};

static struct kunit_suite irqpend_suite = {
	.name = "pmic_sleepdiag_irqpend",
	.init = irqpend_init,
	.test_cases = irqpend_cases,
};

kunit_test_suite(irqpend_suite);
