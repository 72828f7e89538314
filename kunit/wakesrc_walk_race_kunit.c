// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: the walk of the existing wakeup sources at load against a source
 * that changes state meanwhile (wakesrc_trace/wakesrc.c).  A hard
 * interrupt deactivates a real wakeup source while the table is learned again
 * and again; the table's count of the source's activations must match
 * the source, read with the source's lock held.  A deactivation the walk
 * does not see would leave the entry active for ever.  Interrupts that
 * come while the walk holds the source's lock are taken when it lets go,
 * which is where a walk that does not insert under that lock goes wrong.
 */
#include <kunit/test.h>
#include <linux/hrtimer.h>
#include <linux/device.h>
#include <linux/spinlock.h>

#include "psd_kunit.h"

/* Enough deactivations that some land in the walk, whatever the timer's grain. */
#define RACE_RELAXED	1000
#define RACE_WALKS_MAX	50000000
#define RACE_PERIOD_NS	(50 * NSEC_PER_USEC)

static struct wakeup_source *race_ws;
static struct hrtimer race_timer;
static unsigned int race_relaxed;

/* The interrupt only ever deactivates; the walk's loop activates. */
static enum hrtimer_restart race_relax(struct hrtimer *t)
{
	if (race_ws->active) {
		__pm_relax(race_ws);
		WRITE_ONCE(race_relaxed, race_relaxed + 1);
	}
	hrtimer_forward_now(t, ns_to_ktime(RACE_PERIOD_NS));
	return HRTIMER_RESTART;
}

/* Whether the table agrees with the source; its lock keeps both still. */
static bool race_agrees(void)
{
	struct psd_ws_info w = {};
	unsigned long flags;
	bool known, active;

	spin_lock_irqsave(&race_ws->lock, flags);
	active = race_ws->active;
	known = psd_ws_info_get("psdk-walk-race", &w);
	spin_unlock_irqrestore(&race_ws->lock, flags);
	return known && w.nest == (active ? 1 : 0);
}

/*
 * The race is with the real probes, which an hrtimer's __pm_relax() runs
 * in hardirq context: attached once more for the case's own instance, and
 * the walk learns that one, leaving the module's table alone.
 */
static int walk_race_init(struct kunit *test)
{
	psd_kunit_ws_probes(test);
	return 0;
}

static void walk_race_nest_follows_source(struct kunit *test)
{
	unsigned int i, wrong = 0;

	race_relaxed = 0;
	race_ws = wakeup_source_register(NULL, "psdk-walk-race");
	KUNIT_ASSERT_NOT_NULL(test, race_ws);
	hrtimer_init(&race_timer, CLOCK_MONOTONIC, HRTIMER_MODE_REL_HARD);
	race_timer.function = race_relax;
	hrtimer_start(&race_timer, ns_to_ktime(RACE_PERIOD_NS),
		      HRTIMER_MODE_REL_HARD);
	for (i = 0; READ_ONCE(race_relaxed) < RACE_RELAXED &&
	     i < RACE_WALKS_MAX && !wrong; i++) {
		if (!race_ws->active)
			__pm_stay_awake(race_ws);
		psd_ws_forget();	/* learn the table as at start */
		wrong += !race_agrees();
	}
	hrtimer_cancel(&race_timer);
	if (race_ws->active)
		__pm_relax(race_ws);
	KUNIT_EXPECT_EQ_MSG(test, wrong, 0U, "after %u walks", i);
	KUNIT_EXPECT_TRUE(test, race_agrees());
	wakeup_source_unregister(race_ws);
}

static struct kunit_case walk_race_cases[] = {
	KUNIT_CASE(walk_race_nest_follows_source),
	{}
};

static struct kunit_suite walk_race_suite = {
	.name = "pmic_sleepdiag_wakesrc_walk_race",
	.init = walk_race_init,
	.test_cases = walk_race_cases,
};

kunit_test_suite(walk_race_suite);
