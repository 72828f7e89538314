// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: the scan for GIC lines stuck pending that nobody watched
 * (pmic_sleepdiag/irqpend_scan.c): a line is judged only on a pair of
 * looks that straddles the sleep (suspend_noirq, then a poll after
 * resume), never while it may be legitimately masked; the followed and
 * kept lists are bounded and count what does not fit; the irq/gic line.
 */
#include <kunit/test.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "psd_kunit.h"
#include "render.h"

#define MS	((u64)NSEC_PER_MSEC)
#define STUCK	(1000 * MS)
#define T0	(5000 * MS)

static struct psd_gscan *new_scan(struct kunit *test)
{
	struct psd_gscan *g = kunit_kzalloc(test, sizeof(*g), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, g);
	return g;
}

/* One line followed from suspend_noirq at T0 with handler count 7. */
static struct psd_gscan_cand *follow_one(struct kunit *test,
					 struct psd_gscan *g)
{
	psd_gscan_before(g);
	KUNIT_ASSERT_TRUE(test, psd_gscan_follow(g, 40, 12, T0, 7));
	return &g->cand[0];
}

static enum psd_gscan_verdict judge(struct psd_gscan *g,
				    struct psd_gscan_cand *c,
				    enum psd_gscan_at at, bool pending,
				    u64 count, u64 ms)
{
	return psd_gscan_judge(g, c, at, pending, count, T0 + ms * MS, STUCK);
}

static void scan_straddle_judged_stuck(struct kunit *test)
{
	struct psd_gscan *g = new_scan(test);
	struct psd_gscan_cand *c = follow_one(test, g);

	/* resume_noirq: lines are still suspended, whatever the time. */
	g->resumed = true;
	KUNIT_EXPECT_EQ(test, judge(g, c, PSD_GSCAN_MASKED, true, 7, 5000),
			PSD_GSCAN_WAIT);
	/* After resume, pending, never handled, stuck_ms apart: stuck. */
	KUNIT_EXPECT_EQ(test, judge(g, c, PSD_GSCAN_AFTER, true, 7, 5000),
			PSD_GSCAN_STUCK);
	KUNIT_EXPECT_EQ(test, judge(g, c, PSD_GSCAN_AFTER, true, 7, 1000),
			PSD_GSCAN_STUCK);
}

static void scan_no_straddle_no_judgement(struct kunit *test)
{
	struct psd_gscan *g = new_scan(test);
	struct psd_gscan_cand *c = follow_one(test, g);

	/* A poll before any resume: both looks on the masked side. */
	KUNIT_EXPECT_EQ(test, judge(g, c, PSD_GSCAN_AFTER, true, 7, 60000),
			PSD_GSCAN_WAIT);
	/* A new sleep starts: what was followed is forgotten. */
	g->resumed = true;
	psd_gscan_before(g);
	KUNIT_EXPECT_FALSE(test, g->resumed);
	KUNIT_EXPECT_EQ(test, g->ncand, 0U);
}

static void scan_short_pair_waits(struct kunit *test)
{
	struct psd_gscan *g = new_scan(test);
	struct psd_gscan_cand *c = follow_one(test, g);

	g->resumed = true;
	KUNIT_EXPECT_EQ(test, judge(g, c, PSD_GSCAN_AFTER, true, 7, 999),
			PSD_GSCAN_WAIT);
	/* A clock that went back never makes a line stuck. */
	KUNIT_EXPECT_EQ(test, psd_gscan_judge(g, c, PSD_GSCAN_AFTER, true, 7,
					      T0 - MS, STUCK),
			PSD_GSCAN_WAIT);
}

static void scan_cleared_or_handled_dropped(struct kunit *test)
{
	struct psd_gscan *g = new_scan(test);
	struct psd_gscan_cand *c = follow_one(test, g);
	enum psd_gscan_at at;

	g->resumed = true;
	/* Delivered once unmasked: the count moved, or the bit cleared. */
	for (at = PSD_GSCAN_BEFORE; at <= PSD_GSCAN_AFTER; at++) {
		KUNIT_EXPECT_EQ(test, judge(g, c, at, true, 8, 5000),
				PSD_GSCAN_DROP);
		KUNIT_EXPECT_EQ(test, judge(g, c, at, false, 7, 5000),
				PSD_GSCAN_DROP);
	}
}

static void scan_follow_bounded(struct kunit *test)
{
	struct psd_gscan *g = new_scan(test);
	unsigned int i;

	psd_gscan_before(g);
	for (i = 0; i < PSD_GSCAN_MAX_CAND; i++)
		KUNIT_EXPECT_TRUE(test, psd_gscan_follow(g, 32 + i, 0, T0, 0));
	KUNIT_EXPECT_FALSE(test, psd_gscan_follow(g, 999, 0, T0, 0));
	KUNIT_EXPECT_FALSE(test, psd_gscan_follow(g, 998, 0, T0, 0));
	KUNIT_EXPECT_EQ(test, g->ncand, (unsigned int)PSD_GSCAN_MAX_CAND);
	KUNIT_EXPECT_EQ(test, g->cand_overflow, 2ULL);

	/* Dropping makes room; the last entry takes the dropped one's place. */
	psd_gscan_drop(g, &g->cand[0]);
	KUNIT_EXPECT_EQ(test, g->ncand, (unsigned int)PSD_GSCAN_MAX_CAND - 1);
	KUNIT_EXPECT_EQ(test, g->cand[0].hwirq, 32U + PSD_GSCAN_MAX_CAND - 1);
	KUNIT_EXPECT_TRUE(test, psd_gscan_follow(g, 999, 0, T0, 0));
}

static void scan_keep_bounded(struct kunit *test)
{
	struct psd_gscan *g = new_scan(test);
	struct psd_gscan_line *l;
	unsigned int i;

	for (i = 0; i < PSD_GSCAN_MAX_STUCK; i++) {
		l = psd_gscan_keep(g, 100 + i);
		KUNIT_ASSERT_NOT_NULL(test, l);
		KUNIT_EXPECT_EQ(test, l->hwirq, 100U + i);
	}
	/* One found again keeps its entry; a new one overflows. */
	KUNIT_EXPECT_PTR_EQ(test, psd_gscan_keep(g, 103), &g->stuck[3]);
	KUNIT_EXPECT_NULL(test, psd_gscan_keep(g, 500));
	KUNIT_EXPECT_NULL(test, psd_gscan_keep(g, 501));
	KUNIT_EXPECT_EQ(test, g->nstuck, (unsigned int)PSD_GSCAN_MAX_STUCK);
	KUNIT_EXPECT_EQ(test, g->overflow, 2ULL);
	/* A new sleep keeps what was found stuck. */
	psd_gscan_before(g);
	KUNIT_EXPECT_EQ(test, g->nstuck, (unsigned int)PSD_GSCAN_MAX_STUCK);
}

static void scan_line_format(struct kunit *test)
{
	struct seq_file *m = psd_kunit_seq(test, PAGE_SIZE);
	struct psd_gscan_line l = {
		.hwirq = 77, .irq = 0, .cycle = 3, .requested = false,
		.cause = PSD_GIC_CAUSE_DISABLED, .pending_ms = 4321,
	};

	psd_gscan_show_line(m, &l);
	KUNIT_EXPECT_STREQ(test, psd_kunit_text(test, m),
			   "irq=0 hwirq=77 requested=0 pending_ms=4321 cause=disabled cycle=3\n");
}

static struct kunit_case irqpend_scan_cases[] = {
	KUNIT_CASE(scan_straddle_judged_stuck),
	KUNIT_CASE(scan_no_straddle_no_judgement),
	KUNIT_CASE(scan_short_pair_waits),
	KUNIT_CASE(scan_cleared_or_handled_dropped),
	KUNIT_CASE(scan_follow_bounded),
	KUNIT_CASE(scan_keep_bounded),
	KUNIT_CASE(scan_line_format),
	{}
};

static struct kunit_suite irqpend_scan_suite = {
	.name = "pmic_sleepdiag_irqpend_scan",
	.test_cases = irqpend_scan_cases,
};

kunit_test_suite(irqpend_scan_suite);
