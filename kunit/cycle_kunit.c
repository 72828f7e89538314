// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: the suspend cycle tracker (pmic_sleepdiag/cycle.c), driven through
 * its real inputs — the PM notifier and the suspend_resume probe — with the
 * sequences the kernel emits (kernel/power/suspend.c,
 * drivers/base/power/main.c).
 */
#include <kunit/test.h>
#include <linux/suspend.h>

#include "psd_kunit.h"
#include "summary_text.h"
#include "suspend_seq.h"

#define N_EV	32

/* The events since the last reset, as "phase/start" and "end/result". */
static unsigned int collect(struct psd_record *out, unsigned int max)
{
	unsigned int n = 0;
	u64 pos = 0;

	while (n < max && psd_events_get(&pos, &out[n])) {
		pos++;
		n++;
	}
	return n;
}

/* Records are ~100 bytes: keep arrays of them off the kernel stack. */
static struct psd_record *events(struct kunit *test, unsigned int n)
{
	struct psd_record *ev = kunit_kcalloc(test, n, sizeof(*ev), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, ev);
	return ev;
}

static void expect_phases(struct kunit *test, const struct psd_record *ev,
			  unsigned int n, const u8 (*want)[2], unsigned int nw)
{
	unsigned int i;

	KUNIT_ASSERT_GE(test, n, nw);
	for (i = 0; i < nw; i++) {
		KUNIT_EXPECT_EQ_MSG(test, ev[i].type, PSD_EV_PHASE, "event %u", i);
		KUNIT_EXPECT_STREQ_MSG(test, psd_phase_name(ev[i].phase),
				       psd_phase_name(want[i][0]), "event %u", i);
		KUNIT_EXPECT_EQ_MSG(test, ev[i].flag, want[i][1], "event %u", i);
	}
}

static void cycle_s2idle_resumed(struct kunit *test)
{
	static const u8 want[][2] = {
		{ PSD_PH_PREPARE, 1 }, { PSD_PH_PREPARE, 0 },
		{ PSD_PH_SUSPEND, 1 }, { PSD_PH_SUSPEND, 0 },
		{ PSD_PH_SUSPEND_LATE, 1 }, { PSD_PH_SUSPEND_LATE, 0 },
		{ PSD_PH_SUSPEND_NOIRQ, 1 }, { PSD_PH_SUSPEND_NOIRQ, 0 },
		{ PSD_PH_S2IDLE, 1 }, { PSD_PH_S2IDLE, 0 },
		{ PSD_PH_S2IDLE, 1 }, { PSD_PH_S2IDLE, 0 },
		{ PSD_PH_RESUME_NOIRQ, 1 }, { PSD_PH_RESUME_NOIRQ, 0 },
		{ PSD_PH_RESUME_EARLY, 1 }, { PSD_PH_RESUME_EARLY, 0 },
		{ PSD_PH_RESUME, 1 }, { PSD_PH_RESUME, 0 },
		{ PSD_PH_POST, 1 },
	};
	struct psd_record *ev = events(test, N_EV);
	struct psd_cycle c;
	u64 count = psd_cycle_count();
	unsigned int n;

	begin_state(FREEZE);
	suspend_devices();
	s2idle_round();
	s2idle_round();
	end_cycle();

	KUNIT_EXPECT_EQ(test, psd_cycle_count(), count + 1);
	c = ended(test, PSD_RES_RESUMED);
	KUNIT_EXPECT_EQ(test, c.s2idle_loops, 2U);
	KUNIT_EXPECT_EQ(test, c.state, (u8)FREEZE);
	KUNIT_EXPECT_EQ(test, c.t_woke, c.t_end[PSD_PH_S2IDLE]);
	KUNIT_EXPECT_LE(test, c.t_start[PSD_PH_PREPARE],
			c.t_start[PSD_PH_SUSPEND]);
	KUNIT_EXPECT_LE(test, c.t_start[PSD_PH_SUSPEND], c.t_woke);

	n = collect(ev, N_EV);
	expect_phases(test, ev, n, want, ARRAY_SIZE(want));
	KUNIT_ASSERT_EQ(test, n, (unsigned int)ARRAY_SIZE(want) + 1);
	KUNIT_EXPECT_EQ(test, ev[n - 1].type, PSD_EV_CYCLE_END);
	KUNIT_EXPECT_EQ(test, ev[n - 1].flag, PSD_RES_RESUMED);
	KUNIT_EXPECT_EQ(test, ev[n - 1].v[0], 2);
	KUNIT_EXPECT_EQ(test, ev[n - 1].cycle, c.id);
}

/* The last cycle, which must have been aborted in @step. */
static struct psd_cycle aborted_in(struct kunit *test, const char *step)
{
	struct psd_cycle c = ended(test, PSD_RES_ABORTED);

	KUNIT_EXPECT_STREQ(test, psd_step_name(c.step), step);
	return c;
}

static void cycle_aborted_in_freeze(struct kunit *test)
{
	struct psd_record *ev = events(test, N_EV);
	unsigned int n;

	/* suspend_prepare(): freezing fails, no suspend_enter end. */
	tp("suspend_enter", FREEZE, true);
	notify(PM_SUSPEND_PREPARE);
	both("freeze_processes", 0);
	notify(PM_POST_SUSPEND);

	aborted_in(test, "freeze");
	n = collect(ev, N_EV);
	KUNIT_ASSERT_EQ(test, n, 3U);
	KUNIT_EXPECT_EQ(test, ev[2].type, PSD_EV_CYCLE_END);
	KUNIT_EXPECT_EQ(test, ev[2].flag, PSD_RES_ABORTED);
	KUNIT_EXPECT_STREQ(test, psd_step_name(ev[2].v[3]), "freeze");
	KUNIT_EXPECT_EQ(test, ev[2].v[0], 0);
}

static void cycle_aborted_by_notifier(struct kunit *test)
{
	tp("suspend_enter", FREEZE, true);
	notify(PM_SUSPEND_PREPARE);
	notify(PM_POST_SUSPEND);
	aborted_in(test, "notifier");
}

static void cycle_aborted_in_suspend_late(struct kunit *test)
{
	struct psd_cycle c;

	begin_state(FREEZE);
	both("dpm_suspend", 2);
	both("dpm_suspend_late", 2);	/* fails: it resumes early itself */
	both("dpm_resume_early", 16);
	both("dpm_resume", 16);
	notify(PM_POST_SUSPEND);
	c = aborted_in(test, "suspend_late");
	KUNIT_EXPECT_EQ(test, c.t_start[PSD_PH_SUSPEND_NOIRQ], 0ULL);
}

static void cycle_no_sleep(struct kunit *test)
{
	struct psd_record *ev = events(test, N_EV);
	struct psd_cycle c;
	unsigned int n;

	begin_state(FREEZE);
	suspend_devices();
	resume_devices();	/* s2idle_loop() saw a wakeup pending */
	notify(PM_POST_SUSPEND);
	c = ended(test, PSD_RES_NO_SLEEP);
	KUNIT_EXPECT_EQ(test, c.s2idle_loops, 0U);
	KUNIT_EXPECT_EQ(test, c.t_woke, 0ULL);
	n = collect(ev, N_EV);
	KUNIT_ASSERT_GT(test, n, 0U);
	KUNIT_EXPECT_EQ(test, ev[n - 1].flag, PSD_RES_NO_SLEEP);
	KUNIT_EXPECT_EQ(test, ev[n - 1].name[0], '\0');
}

static void cycle_suspend_to_ram(struct kunit *test)
{
	struct psd_record *ev = events(test, N_EV);
	struct psd_cycle c;
	unsigned int n, i, found = 0;

	begin_state(MEM);
	suspend_devices();
	both("machine_suspend", MEM);
	end_cycle();
	c = ended(test, PSD_RES_RESUMED);
	KUNIT_EXPECT_EQ(test, c.s2idle_loops, 0U);
	KUNIT_EXPECT_EQ(test, c.machine_suspends, 1U);
	KUNIT_EXPECT_EQ(test, c.t_woke, c.t_end[PSD_PH_MACHINE_SUSPEND]);
	n = collect(ev, N_EV);
	for (i = 0; i < n; i++)
		if (ev[i].type == PSD_EV_PHASE &&
		    ev[i].phase == PSD_PH_MACHINE_SUSPEND) {
			KUNIT_EXPECT_EQ(test, ev[i].v[0], (s64)MEM);
			found++;
		}
	KUNIT_EXPECT_EQ(test, found, 2U);
}

static void cycle_ignores_hibernation(struct kunit *test)
{
	struct psd_record *ev = events(test, N_EV);
	u64 count = psd_cycle_count();
	u32 id = psd_cycle_current();

	/* hibernate(): no PM_SUSPEND_PREPARE, the same dpm_* steps. */
	notify(PM_HIBERNATION_PREPARE);
	both("dpm_prepare", 8);
	both("dpm_suspend", 8);
	both("dpm_resume", 32);
	notify(PM_POST_HIBERNATION);
	KUNIT_EXPECT_EQ(test, psd_cycle_count(), count);
	KUNIT_EXPECT_EQ(test, psd_cycle_current(), id);
	KUNIT_EXPECT_EQ(test, collect(ev, N_EV), 0U);
}

static void cycle_keeps_the_last_cycles(struct kunit *test)
{
	struct psd_cycle c;
	u32 first = psd_cycle_current() + 1;
	unsigned int i;

	for (i = 0; i < psd_params.keep_cycles + 2; i++) {
		begin_state(FREEZE);
		notify(PM_POST_SUSPEND);
	}
	KUNIT_EXPECT_FALSE(test, psd_cycle_get(first, &c));
	KUNIT_EXPECT_FALSE(test, psd_cycle_get(first + 1, &c));
	KUNIT_EXPECT_TRUE(test, psd_cycle_get(first + 2, &c));
	KUNIT_EXPECT_EQ(test, c.id, first + 2);
	KUNIT_EXPECT_TRUE(test, psd_cycle_get(psd_cycle_current(), &c));
	KUNIT_EXPECT_FALSE(test, psd_cycle_get(psd_cycle_current() + 1, &c));
	KUNIT_EXPECT_FALSE(test, psd_cycle_get(0, &c));

	/* reset forgets them all; ids keep growing */
	psd_cycles_reset();
	KUNIT_EXPECT_FALSE(test, psd_cycle_get(psd_cycle_current(), &c));
	KUNIT_EXPECT_EQ(test, psd_cycle_count(), 0ULL);
}

/* One attempt that slept and resumed. */
static void s2idle_resumed(void)
{
	s2idle_cycle();
}

/*
 * Per-result counts come from the cycles as they close, not from the kept
 * ones: more cycles than keep_cycles are all counted, each by its result.
 */
static void cycle_counts_results(struct kunit *test)
{
	unsigned int i, n = psd_params.keep_cycles + 2;
	char line[48];

	for (i = 0; i < n; i++)
		s2idle_resumed();
	begin_state(FREEZE);		/* aborted in suspend_late */
	both("dpm_suspend", 2);
	both("dpm_suspend_late", 2);
	both("dpm_resume_early", 16);
	both("dpm_resume", 16);
	notify(PM_POST_SUSPEND);
	begin_state(FREEZE);		/* a wakeup pending: no sleep */
	suspend_devices();
	end_cycle();

	KUNIT_EXPECT_EQ(test, psd_cycle_count(), (u64)n + 2);
	KUNIT_EXPECT_EQ(test, psd_cycles_ended(PSD_RES_RESUMED), (u64)n);
	KUNIT_EXPECT_EQ(test, psd_cycles_ended(PSD_RES_ABORTED), 1ULL);
	KUNIT_EXPECT_EQ(test, psd_cycles_ended(PSD_RES_NO_SLEEP), 1ULL);
	KUNIT_EXPECT_EQ(test, psd_cycles_ended(PSD_RES_UNKNOWN), 0ULL);
	KUNIT_EXPECT_EQ(test, psd_cycles_ended(PSD_RES_OPEN), 0ULL);
	KUNIT_EXPECT_EQ(test, psd_cycles_ended(PSD_NR_RESULTS), 0ULL);

	snprintf(line, sizeof(line), "cycles.resumed: %u", n);
	KUNIT_EXPECT_TRUE_MSG(test, summary_has(test, line), "%s", line);
	KUNIT_EXPECT_TRUE(test, summary_has(test, "cycles.aborted: 1"));
	KUNIT_EXPECT_TRUE(test, summary_has(test, "cycles.no_sleep: 1"));
	KUNIT_EXPECT_TRUE(test, summary_has(test, "cycles.unknown: 0"));
	KUNIT_EXPECT_FALSE(test, summary_has(test, "cycles.open: 0"));
}

/*
 * reset zeroes the per-result counts; an attempt open across the reset is
 * counted once, when it closes, as cycles: counts it.
 */
static void cycle_result_counts_reset(struct kunit *test)
{
	unsigned int i;

	s2idle_resumed();
	KUNIT_ASSERT_EQ(test, psd_cycles_ended(PSD_RES_RESUMED), 1ULL);
	psd_cycles_reset();
	for (i = 0; i < PSD_NR_RESULTS; i++)
		KUNIT_EXPECT_EQ_MSG(test, psd_cycles_ended(i), 0ULL, "%s",
				    psd_result_name(i));

	begin_state(FREEZE);
	suspend_devices();
	psd_cycles_reset();		/* while the attempt is open */
	s2idle_round();
	end_cycle();
	KUNIT_EXPECT_EQ(test, psd_cycle_count(), 1ULL);
	KUNIT_EXPECT_EQ(test, psd_cycles_ended(PSD_RES_RESUMED), 1ULL);
	KUNIT_EXPECT_EQ(test, psd_cycles_ended(PSD_RES_ABORTED), 0ULL);
}

/* The own device's callbacks, as drivers/base/power/main.c calls them. */
static void devpm_suspend(void)
{
	psd_cycle_devpm(PSD_PH_SUSPEND);
	psd_cycle_devpm(PSD_PH_SUSPEND_LATE);
	psd_cycle_devpm(PSD_PH_SUSPEND_NOIRQ);
}

static void devpm_resume(void)
{
	psd_cycle_devpm(PSD_PH_RESUME_NOIRQ);
	psd_cycle_devpm(PSD_PH_RESUME_EARLY);
	psd_cycle_devpm(PSD_PH_RESUME);
}

static void devpm_phases_off(void *unused)
{
	psd_cycle_set_devpm_phases(false);
}

/* A kernel without tracepoints: notifier and our callbacks only. */
static void cycle_devpm_phases_slept(struct kunit *test)
{
	static const u8 want[][2] = {
		{ PSD_PH_PREPARE, 1 }, { PSD_PH_SUSPEND, 1 },
		{ PSD_PH_SUSPEND_LATE, 1 }, { PSD_PH_SUSPEND_NOIRQ, 1 },
		{ PSD_PH_RESUME_NOIRQ, 1 }, { PSD_PH_RESUME_EARLY, 1 },
		{ PSD_PH_RESUME, 1 }, { PSD_PH_POST, 1 },
	};
	struct psd_record *ev = events(test, N_EV);
	struct psd_cycle c;
	unsigned int n;

	psd_cycle_set_devpm_phases(true);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, devpm_phases_off,
							NULL), 0);
	notify(PM_SUSPEND_PREPARE);
	devpm_suspend();
	devpm_resume();
	notify(PM_POST_SUSPEND);

	KUNIT_ASSERT_TRUE(test, psd_cycle_get(psd_cycle_current(), &c));
	/* Slept or found a wakeup pending: nothing here says which. */
	KUNIT_EXPECT_STREQ(test, psd_result_name(c.result), "unknown");
	KUNIT_EXPECT_EQ(test, c.s2idle_loops, 0U);
	KUNIT_EXPECT_EQ(test, c.t_woke, 0ULL);
	KUNIT_EXPECT_STREQ(test, psd_state_name(c.state), "unknown");
	n = collect(ev, N_EV);
	expect_phases(test, ev, n, want, ARRAY_SIZE(want));
	KUNIT_ASSERT_EQ(test, n, (unsigned int)ARRAY_SIZE(want) + 1);
	KUNIT_EXPECT_EQ(test, ev[n - 1].type, PSD_EV_CYCLE_END);
	KUNIT_EXPECT_EQ(test, ev[n - 1].flag, PSD_RES_UNKNOWN);
	KUNIT_EXPECT_EQ(test, psd_cycles_ended(PSD_RES_UNKNOWN), 1ULL);
	KUNIT_EXPECT_EQ(test, psd_cycles_ended(PSD_RES_RESUMED), 0ULL);
}

static void cycle_devpm_phases_aborted(struct kunit *test)
{
	psd_cycle_set_devpm_phases(true);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, devpm_phases_off,
							NULL), 0);
	/* A device after ours failed suspend_late: ours resumes at once. */
	notify(PM_SUSPEND_PREPARE);
	psd_cycle_devpm(PSD_PH_SUSPEND);
	psd_cycle_devpm(PSD_PH_SUSPEND_LATE);
	psd_cycle_devpm(PSD_PH_RESUME_EARLY);
	psd_cycle_devpm(PSD_PH_RESUME);
	notify(PM_POST_SUSPEND);

	aborted_in(test, "suspend_late");
}

/* With the tracepoint, our callbacks add no second set of phases. */
static void cycle_devpm_ignored_with_tracepoint(struct kunit *test)
{
	struct psd_record *ev = events(test, N_EV);
	unsigned int n_tp, n;

	s2idle_cycle();
	n_tp = collect(ev, N_EV);

	psd_events_reset();
	begin_state(FREEZE);
	both("dpm_suspend", 2);
	devpm_suspend();
	both("dpm_suspend_late", 2);
	both("dpm_suspend_noirq", 2);
	s2idle_round();
	devpm_resume();
	end_cycle();
	n = collect(ev, N_EV);
	KUNIT_EXPECT_EQ(test, n, n_tp);
	KUNIT_EXPECT_FALSE(test, psd_cycle_devpm_phases());
}

static struct kunit_case cycle_cases[] = {
	KUNIT_CASE(cycle_s2idle_resumed),
	KUNIT_CASE(cycle_aborted_in_freeze),
	KUNIT_CASE(cycle_aborted_by_notifier),
	KUNIT_CASE(cycle_aborted_in_suspend_late),
	KUNIT_CASE(cycle_no_sleep),
	KUNIT_CASE(cycle_suspend_to_ram),
	KUNIT_CASE(cycle_ignores_hibernation),
	KUNIT_CASE(cycle_keeps_the_last_cycles),
	KUNIT_CASE(cycle_counts_results),
	KUNIT_CASE(cycle_result_counts_reset),
	KUNIT_CASE(cycle_devpm_phases_slept),
	KUNIT_CASE(cycle_devpm_phases_aborted),
	KUNIT_CASE(cycle_devpm_ignored_with_tracepoint),
	{}
};

static struct kunit_suite cycle_suite = {
	.name = "pmic_sleepdiag_cycle",
	.init = psd_kunit_core_init,
	.test_cases = cycle_cases,
};

kunit_test_suite(cycle_suite);
