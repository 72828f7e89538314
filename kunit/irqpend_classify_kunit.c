// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: irqpend's pure part (pmic_sleepdiag/irqpend_classify.c): the
 * stuck-pending classifier fed synthetic sample sequences, the bounded
 * watch table, the stuck log, and the irq/pending and IRQ_STUCK_PENDING
 * line formats.
 */
#include <kunit/test.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "psd_kunit.h"
#include "render.h"

#define MS	((u64)NSEC_PER_MSEC)
#define STUCK	(1000 * MS)
#define T0	(5000 * MS)	/* boot time of the first sample */

struct feed {
	struct psd_irqp_class c;
	struct psd_irqp_sample s;
	unsigned int raised;
};

/* One sample: @ms after T0, pending bit, handler count. */
static bool feed(struct feed *f, u64 ms, u8 pending, u64 count)
{
	bool r;

	f->s.t_ns = T0 + ms * MS;
	f->s.pending = pending;
	f->s.count = count;
	r = psd_irqp_classify(&f->c, &f->s, STUCK);
	f->raised += r;
	return r;
}

static void feed_init(struct feed *f, bool enabled, bool wake)
{
	memset(f, 0, sizeof(*f));
	f->s.enabled = enabled;
	f->s.wake = wake;
	f->s.armed = wake;	/* inside a cycle; irqpend_wake_kunit.c: not */
	f->s.active = PSD_IRQP_NO;
	f->s.masked = PSD_IRQP_YES;
}

/* Pending at @ms, 500 and 1000 ms later, handler count @count: stuck. */
static void feed_until_stuck(struct kunit *test, struct feed *f, u64 ms,
			     u64 count)
{
	feed(f, ms, PSD_IRQP_YES, count);
	feed(f, ms + 500, PSD_IRQP_YES, count);
	feed(f, ms + 1000, PSD_IRQP_YES, count);
	KUNIT_EXPECT_TRUE(test, f->c.stuck);
}

/* Every 250 ms for 20 s, @pending with count @count: nothing raised. */
static void feed_20s(struct kunit *test, struct feed *f, u8 pending, u64 count)
{
	u64 ms;

	for (ms = 0; ms <= 20000; ms += 250)
		feed(f, ms, pending, count);
	KUNIT_EXPECT_EQ(test, f->raised, 0U);
}

/*
 * A second episode, begun stuck_ms before @at: samples at @a and @b do
 * not make it stuck, the one at @at does and raises the second anomaly.
 */
static void second_episode(struct kunit *test, struct feed *f, u64 a, u64 b,
			   u64 at, u64 count)
{
	feed(f, a, PSD_IRQP_YES, count);
	feed(f, b, PSD_IRQP_YES, count);
	KUNIT_EXPECT_FALSE(test, f->c.stuck);
	KUNIT_EXPECT_TRUE(test, feed(f, at, PSD_IRQP_YES, count));
	KUNIT_EXPECT_EQ(test, f->raised, 2U);
}

static void classify_stuck_after_stuck_ms(struct kunit *test)
{
	struct feed f;

	feed_init(&f, true, false);
	KUNIT_EXPECT_FALSE(test, feed(&f, 0, PSD_IRQP_YES, 7));
	KUNIT_EXPECT_FALSE(test, feed(&f, 400, PSD_IRQP_YES, 7));
	KUNIT_EXPECT_FALSE(test, feed(&f, 999, PSD_IRQP_YES, 7));
	KUNIT_EXPECT_FALSE(test, f.c.stuck);
	KUNIT_EXPECT_TRUE(test, feed(&f, 1000, PSD_IRQP_YES, 7));
	KUNIT_EXPECT_TRUE(test, f.c.stuck);
	KUNIT_EXPECT_EQ(test, psd_irqp_pending_ms(&f.c, &f.s), 1000ULL);
	/* One anomaly per episode, not per sample. */
	KUNIT_EXPECT_FALSE(test, feed(&f, 1300, PSD_IRQP_YES, 7));
	KUNIT_EXPECT_FALSE(test, feed(&f, 60000, PSD_IRQP_YES, 7));
	KUNIT_EXPECT_TRUE(test, f.c.stuck);
	KUNIT_EXPECT_EQ(test, f.raised, 1U);
}

static void classify_needs_three_samples(struct kunit *test)
{
	struct feed f;

	feed_init(&f, true, false);
	feed(&f, 0, PSD_IRQP_YES, 0);
	feed(&f, 10000, PSD_IRQP_YES, 0);	/* long, but only two looks */
	KUNIT_EXPECT_FALSE(test, f.c.stuck);
	KUNIT_EXPECT_TRUE(test, feed(&f, 10001, PSD_IRQP_YES, 0));
}

static void classify_serviced_while_pending(struct kunit *test)
{
	struct feed f;
	u64 ms;

	/* Always pending, but the handler keeps running: a storm, not stuck. */
	feed_init(&f, true, true);
	for (ms = 0; ms <= 20000; ms += 250)
		feed(&f, ms, PSD_IRQP_YES, ms);
	KUNIT_EXPECT_FALSE(test, f.c.stuck);
	KUNIT_EXPECT_EQ(test, f.raised, 0U);
	KUNIT_EXPECT_EQ(test, psd_irqp_pending_ms(&f.c, &f.s), 20000ULL);
}

static void classify_flapping(struct kunit *test)
{
	struct feed f;
	unsigned int ms;	/* divided: no 64-bit division on 32-bit */

	feed_init(&f, true, true);
	for (ms = 0; ms <= 20000; ms += 250)
		feed(&f, ms, (ms / 250) % 2 ? PSD_IRQP_NO : PSD_IRQP_YES, 3);
	KUNIT_EXPECT_EQ(test, f.raised, 0U);
	KUNIT_EXPECT_FALSE(test, f.c.stuck);
	/* The last sample (20000 ms, an even step) is pending, just begun. */
	KUNIT_EXPECT_EQ(test, psd_irqp_pending_ms(&f.c, &f.s), 0ULL);
}

static void classify_cleared_then_new_episode(struct kunit *test)
{
	struct feed f;

	feed_init(&f, true, false);
	feed_until_stuck(test, &f, 0, 1);
	feed(&f, 1500, PSD_IRQP_NO, 1);
	KUNIT_EXPECT_FALSE(test, f.c.stuck);
	KUNIT_EXPECT_EQ(test, psd_irqp_pending_ms(&f.c, &f.s), 0ULL);
	/* Pending again: a new episode needs stuck_ms again. */
	feed(&f, 2000, PSD_IRQP_YES, 1);
	second_episode(test, &f, 2500, 2900, 3000, 1);
}

static void classify_count_moves_ends_episode(struct kunit *test)
{
	struct feed f;

	feed_init(&f, false, true);	/* disabled but wake-armed: counts */
	feed_until_stuck(test, &f, 0, 1);
	feed(&f, 1100, PSD_IRQP_YES, 2);	/* serviced once */
	KUNIT_EXPECT_FALSE(test, f.c.stuck);
	/* Still pending throughout: pending_ms runs on. */
	KUNIT_EXPECT_EQ(test, psd_irqp_pending_ms(&f.c, &f.s), 1100ULL);
	second_episode(test, &f, 1600, 2000, 2100, 2);
}

static void classify_unsupported_never_stuck(struct kunit *test)
{
	struct feed f;

	feed_init(&f, true, true);
	feed_20s(test, &f, PSD_IRQP_UNSUPPORTED, 0);
	KUNIT_EXPECT_EQ(test, psd_irqp_pending_ms(&f.c, &f.s), 0ULL);
	/* A stuck episode ends when the chip stops answering. */
	feed_init(&f, true, false);
	feed_until_stuck(test, &f, 0, 0);
	feed(&f, 1500, PSD_IRQP_UNSUPPORTED, 0);
	KUNIT_EXPECT_FALSE(test, f.c.stuck);
}

static void classify_disabled_not_wake_not_flagged(struct kunit *test)
{
	struct feed f;

	/* Lazily disabled, not wake-armed: may stay pending legitimately. */
	feed_init(&f, false, false);
	feed_20s(test, &f, PSD_IRQP_YES, 9);
	KUNIT_EXPECT_EQ(test, psd_irqp_pending_ms(&f.c, &f.s), 20000ULL);

	/* Enabled again and still not serviced: stuck_ms from then on. */
	f.s.enabled = true;
	feed(&f, 20250, PSD_IRQP_YES, 9);
	feed(&f, 20500, PSD_IRQP_YES, 9);
	feed(&f, 21000, PSD_IRQP_YES, 9);
	KUNIT_EXPECT_FALSE(test, f.c.stuck);
	KUNIT_EXPECT_TRUE(test, feed(&f, 21250, PSD_IRQP_YES, 9));

	/* Disabled but wake-armed: flagged. */
	feed_init(&f, false, true);
	feed(&f, 0, PSD_IRQP_YES, 0);
	feed(&f, 500, PSD_IRQP_YES, 0);
	KUNIT_EXPECT_TRUE(test, feed(&f, 1000, PSD_IRQP_YES, 0));
}

static void classify_stuck_ms_bounds(struct kunit *test)
{
	struct psd_irqp_class c = {};
	struct psd_irqp_sample s = { .pending = PSD_IRQP_YES,
				     .enabled = true };
	unsigned int i;

	/* 10 ms, the smallest stuck_ms: three samples still needed. */
	for (i = 0; i < 2; i++) {
		s.t_ns = T0 + i * 100 * MS;
		KUNIT_EXPECT_FALSE(test, psd_irqp_classify(&c, &s, 10 * MS));
	}
	s.t_ns += MS;
	KUNIT_EXPECT_TRUE(test, psd_irqp_classify(&c, &s, 10 * MS));

	/* 600000 ms, the largest, exactly. */
	memset(&c, 0, sizeof(c));
	for (i = 0; i < 3; i++) {
		s.t_ns = T0 + i * 299999ULL * MS;
		KUNIT_EXPECT_FALSE(test, psd_irqp_classify(&c, &s, 600000 * MS));
	}
	s.t_ns = T0 + 600000ULL * MS;
	KUNIT_EXPECT_TRUE(test, psd_irqp_classify(&c, &s, 600000 * MS));
}

/* A table on the heap: it is too large for a kernel stack. */
static struct psd_irqp_table *table(struct kunit *test)
{
	struct psd_irqp_table *t = kunit_kzalloc(test, sizeof(*t), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, t);
	return t;
}

static void expect_sorted(struct kunit *test, const struct psd_irqp_table *t)
{
	unsigned int i;

	for (i = 1; i < t->n; i++)
		KUNIT_EXPECT_LT(test, t->e[i - 1].irq, t->e[i].irq);
}

static void table_bound_and_churn(struct kunit *test)
{
	struct psd_irqp_table *t = table(test);
	struct psd_irqp_entry *e;
	unsigned int i, irq;

	KUNIT_EXPECT_NULL(test, psd_irqp_find(t, 0));
	/* 64 IRQs in a scrambled order (37 is prime to 64). */
	for (i = 0; i < PSD_IRQP_MAX; i++) {
		irq = (i * 37) % PSD_IRQP_MAX * 3 + 1;
		e = psd_irqp_add(t, irq, PSD_IRQP_WHY_WAKE);
		KUNIT_ASSERT_NOT_NULL(test, e);
		KUNIT_EXPECT_EQ(test, e->irq, irq);
	}
	KUNIT_EXPECT_EQ(test, t->n, (unsigned int)PSD_IRQP_MAX);
	expect_sorted(test, t);

	/* Full: a 65th does not fit, and is counted. */
	KUNIT_EXPECT_NULL(test, psd_irqp_add(t, 1000, PSD_IRQP_WHY_USER));
	KUNIT_EXPECT_EQ(test, t->overflow, 1ULL);
	KUNIT_EXPECT_NULL(test, psd_irqp_find(t, 1000));
	/* A watched one still takes another reason. */
	e = psd_irqp_add(t, 4, PSD_IRQP_WHY_USER);
	KUNIT_ASSERT_NOT_NULL(test, e);
	KUNIT_EXPECT_EQ(test, e->why, PSD_IRQP_WHY_WAKE | PSD_IRQP_WHY_USER);
	KUNIT_EXPECT_EQ(test, t->n, (unsigned int)PSD_IRQP_MAX);

	/* Remove one in the middle: order kept, the slot is free again. */
	e = psd_irqp_find(t, 31);
	KUNIT_ASSERT_NOT_NULL(test, e);
	e->cls.stuck = true;
	psd_irqp_remove(t, e);
	KUNIT_EXPECT_NULL(test, psd_irqp_find(t, 31));
	KUNIT_EXPECT_EQ(test, t->n, (unsigned int)PSD_IRQP_MAX - 1);
	expect_sorted(test, t);
	e = psd_irqp_add(t, 31, PSD_IRQP_WHY_USER);
	KUNIT_ASSERT_NOT_NULL(test, e);
	/* A re-added IRQ starts afresh. */
	KUNIT_EXPECT_FALSE(test, e->cls.stuck);
	KUNIT_EXPECT_EQ(test, e->why, PSD_IRQP_WHY_USER);

	/* Sweep: drop the entries without a reason, keep the others. */
	for (i = 0; i < t->n; i++)
		t->e[i].why &= ~PSD_IRQP_WHY_WAKE;
	psd_irqp_sweep(t);
	KUNIT_EXPECT_EQ(test, t->n, 2U);
	KUNIT_EXPECT_EQ(test, t->e[0].irq, 4U);
	KUNIT_EXPECT_EQ(test, t->e[1].irq, 31U);

	/* Ends of the number range. */
	KUNIT_EXPECT_NOT_NULL(test, psd_irqp_add(t, UINT_MAX, 1));
	KUNIT_EXPECT_NOT_NULL(test, psd_irqp_add(t, 0, 1));
	KUNIT_EXPECT_EQ(test, t->e[0].irq, 0U);
	KUNIT_EXPECT_EQ(test, t->e[t->n - 1].irq, UINT_MAX);
	while (t->n)
		psd_irqp_remove(t, &t->e[t->n - 1]);
	psd_irqp_sweep(t);
	KUNIT_EXPECT_EQ(test, t->n, 0U);
}

static void table_unsupported_count(struct kunit *test)
{
	struct psd_irqp_table *t = table(test);

	psd_irqp_add(t, 1, 1)->last.pending = PSD_IRQP_UNSUPPORTED;
	psd_irqp_add(t, 2, 1)->last.pending = PSD_IRQP_YES;
	psd_irqp_add(t, 3, 1)->last.pending = PSD_IRQP_UNSUPPORTED;
	KUNIT_EXPECT_EQ(test, psd_irqp_unsupported(t), 2U);
	psd_irqp_remove(t, psd_irqp_find(t, 1));
	KUNIT_EXPECT_EQ(test, psd_irqp_unsupported(t), 1U);
}

/* Render through a show function into a string the test owns. */
static char *render_line(struct kunit *test, const struct psd_irqp_entry *e,
			 const struct psd_irqp_sample *s,
			 const struct psd_irqp_class *c)
{
	struct seq_file *m = psd_kunit_seq(test, PAGE_SIZE);

	psd_irqp_show_line(m, e, s, c);
	return psd_kunit_text(test, m);
}

static char *render_anomaly(struct kunit *test, const struct psd_record *r)
{
	struct seq_file *m = psd_kunit_seq(test, PAGE_SIZE);

	psd_irqpend_stuck_show(m, r);
	return psd_kunit_text(test, m);
}

static void line_format_stuck(struct kunit *test)
{
	struct psd_irqp_entry e = {
		.irq = 42, .hwirq = 79, .chip = "GICv3",
		.why = PSD_IRQP_WHY_WAKE | PSD_IRQP_WHY_USER,
	};
	struct feed f;

	feed_init(&f, false, true);
	feed(&f, 0, PSD_IRQP_YES, 0);
	feed(&f, 600, PSD_IRQP_YES, 0);
	feed(&f, 1234, PSD_IRQP_YES, 0);
	KUNIT_EXPECT_STREQ(test, render_line(test, &e, &f.s, &f.c),
			   "irq=42 hwirq=79 chip=GICv3 wake=1 enabled=0 pending=1 pending_ms=1234 count=0 stuck=1 active=0 masked=1 armed=1 chained=0 watch=wake,user\n");
}

static void line_format_unsupported(struct kunit *test)
{
	struct psd_irqp_entry e = {
		.irq = 180, .hwirq = 3, .chip = "tps65910 irq",
		.why = PSD_IRQP_WHY_PARAM,
	};
	struct psd_irqp_sample s = {
		.t_ns = T0, .count = 12, .wake = false, .enabled = true,
		.pending = PSD_IRQP_UNSUPPORTED,
		.active = PSD_IRQP_UNSUPPORTED,
		.masked = PSD_IRQP_UNSUPPORTED,
	};
	struct psd_irqp_class c = {};

	psd_irqp_classify(&c, &s, STUCK);
	/* Never a false 0; a name with a space is quoted. */
	KUNIT_EXPECT_STREQ(test, render_line(test, &e, &s, &c),
			   "irq=180 hwirq=3 chip=\"tps65910 irq\" wake=0 enabled=1 pending=unsupported pending_ms=0 count=12 stuck=0 active=unsupported masked=unsupported armed=0 chained=0 watch=param\n");
}

static void line_format_odd_names(struct kunit *test)
{
	struct psd_irqp_entry e = { .irq = 1, .why = PSD_IRQP_WHY_PARENT };
	struct psd_irqp_sample s = { .t_ns = T0 };
	struct psd_irqp_class c = {};

	KUNIT_EXPECT_STREQ(test, render_line(test, &e, &s, &c),
			   "irq=1 hwirq=0 chip=\"\" wake=0 enabled=0 pending=0 pending_ms=0 count=0 stuck=0 active=0 masked=0 armed=0 chained=0 watch=parent\n");
	strscpy(e.chip, "a\"b\\c=d", sizeof(e.chip));
	KUNIT_EXPECT_STREQ(test, render_line(test, &e, &s, &c),
			   "irq=1 hwirq=0 chip=\"a?b?c=d\" wake=0 enabled=0 pending=0 pending_ms=0 count=0 stuck=0 active=0 masked=0 armed=0 chained=0 watch=parent\n");
}

/* A GIC line: the distributor's keys after the others. */
static void line_format_gic(struct kunit *test)
{
	struct psd_irqp_entry e = {
		.irq = 42, .hwirq = 79, .chip = "GICv3",
		.why = PSD_IRQP_WHY_USER,
	};
	struct psd_record r = {};
	struct feed f;

	feed_init(&f, true, false);
	f.s.gic = true;
	f.s.pmr = 0xf0;
	f.s.cause = PSD_GIC_CAUSE_PRIORITY_MASKED;
	f.s.line = (struct psd_gic_line){
		.hwirq = 79, .enabled = true, .pending = true, .group = PSD_GIC_YES,
		.prio = 0xf0, .route = 0x80000000ULL, .routed = PSD_GIC_YES,
	};
	feed(&f, 0, PSD_IRQP_YES, 3);
	feed(&f, 600, PSD_IRQP_YES, 3);
	KUNIT_ASSERT_TRUE(test, feed(&f, 1000, PSD_IRQP_YES, 3));
	KUNIT_EXPECT_STREQ(test, render_line(test, &e, &f.s, &f.c),
			   "irq=42 hwirq=79 chip=GICv3 wake=0 enabled=1 pending=1 pending_ms=1000 count=3 stuck=1 active=0 masked=1 armed=0 chained=0 watch=user group=1 prio=0xf0 pmr=0xf0 route=0x80000000 cause=priority_masked\n");
	psd_irqp_stuck_record(&r, &e, &f.s, &f.c, 7, PSD_IRQP_AT_POLL);
	KUNIT_EXPECT_NOT_NULL(test, strstr(render_anomaly(test, &r),
					   " at=poll cause=priority_masked"));

	/* Not pending in the distributor: nothing keeps it from delivery. */
	f.s.line.pending = false;
	KUNIT_EXPECT_NOT_NULL(test, strstr(render_line(test, &e, &f.s, &f.c),
					   " cause=none\n"));
}

static void anomaly_format(struct kunit *test)
{
	struct psd_irqp_entry e = { .irq = 42, .hwirq = 79, .chip = "GICv3" };
	struct psd_record r = {};
	struct feed f;

	feed_init(&f, false, true);
	feed(&f, 0, PSD_IRQP_YES, 5);
	feed(&f, 500, PSD_IRQP_YES, 5);
	KUNIT_ASSERT_TRUE(test, feed(&f, 1001, PSD_IRQP_YES, 5));
	psd_irqp_stuck_record(&r, &e, &f.s, &f.c, 7, PSD_IRQP_AT_POLL);
	KUNIT_EXPECT_EQ(test, r.type, (u16)PSD_AN_IRQ_STUCK_PENDING);
	KUNIT_EXPECT_EQ(test, r.cycle, 7U);
	KUNIT_EXPECT_EQ(test, r.t_ns, f.s.t_ns);
	KUNIT_EXPECT_STREQ(test, render_anomaly(test, &r),
			   " irq=42 hwirq=79 chip=GICv3 wake=1 enabled=0 masked=1 pending_ms=1001 count=5 at=poll cause=unknown");

	f.s.masked = PSD_IRQP_UNSUPPORTED;
	f.s.enabled = true;
	psd_irqp_stuck_record(&r, &e, &f.s, &f.c, 7, PSD_PH_RESUME_NOIRQ);
	KUNIT_EXPECT_STREQ(test, render_anomaly(test, &r),
			   " irq=42 hwirq=79 chip=GICv3 wake=1 enabled=1 masked=unsupported pending_ms=1001 count=5 at=resume_noirq cause=unknown");
	psd_irqp_stuck_record(&r, &e, &f.s, &f.c, 7, PSD_PH_MANUAL);
	KUNIT_EXPECT_NOT_NULL(test, strstr(render_anomaly(test, &r), " at=control"));
}

static struct kunit_case irqpend_classify_cases[] = {
	KUNIT_CASE(classify_stuck_after_stuck_ms),
	KUNIT_CASE(classify_needs_three_samples),
	KUNIT_CASE(classify_serviced_while_pending),
	KUNIT_CASE(classify_flapping),
	KUNIT_CASE(classify_cleared_then_new_episode),
	KUNIT_CASE(classify_count_moves_ends_episode),
	KUNIT_CASE(classify_unsupported_never_stuck),
	KUNIT_CASE(classify_disabled_not_wake_not_flagged),
	KUNIT_CASE(classify_stuck_ms_bounds),
	KUNIT_CASE(table_bound_and_churn),
	KUNIT_CASE(table_unsupported_count),
	KUNIT_CASE(line_format_stuck),
	KUNIT_CASE(line_format_unsupported),
	KUNIT_CASE(line_format_odd_names),
	KUNIT_CASE(line_format_gic),
	KUNIT_CASE(anomaly_format),
	{}
};

static struct kunit_suite irqpend_classify_suite = {
	.name = "pmic_sleepdiag_irqpend_classify",
	.test_cases = irqpend_classify_cases,
};

kunit_test_suite(irqpend_classify_suite);
