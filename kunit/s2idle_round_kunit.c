// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: s2idle rounds that never slept (pmic_sleepdiag/cycle.c,
 * wakesrc_trace/wakesrc.c, wakesrc_trace/alarm.c).  s2idle_enter() traces
 * its start before its last pm_wakeup_pending() check; a round that finds
 * a wakeup there returns at once.  Such a round honored the wakeup: it is
 * no sleep (s2idle_loops, the s2idle window, woke_ns) and judges no
 * wakeup source as not honored.  A round slept when the CPU that began it
 * went idle, the tick froze or a wake IRQ came in it.  Driven through the
 * tracker's real inputs, as suspend_seq.h does.
 */
#include <kunit/test.h>
#include <linux/alarmtimer.h>
#include <linux/cpumask.h>
#include <linux/smp.h>
#include <linux/timekeeping.h>
#include <trace/events/power.h>

#include "anomaly_log.h"
#include "psd_kunit.h"
#include "render.h"
#include "suspend_seq.h"

/* A round that found a wakeup pending and returned without sleeping. */
static void round_found_wakeup(void)
{
	tp("machine_suspend", FREEZE, true);
	tp("machine_suspend", FREEZE, false);
}

/* A wakeup source reported an event while devices suspended. */
static void suspend_with_event(void)
{
	tp("dpm_suspend", 2, true);
	psd_ws_tp_activate(NULL, "psdk-round", 0);
	psd_ws_tp_deactivate(NULL, "psdk-round", 0);
	tp("dpm_suspend", 2, false);
	both("dpm_suspend_late", 2);
	both("dpm_suspend_noirq", 2);
}

static unsigned int count_anomalies(unsigned int cls)
{
	return anomalies_of(0, cls, NULL);
}

/* The newest s2idle end edge in events: its slept= (1 when not shown). */
static int last_round_slept_key(struct kunit *test)
{
	struct psd_record r, last = {};
	struct seq_file *m = psd_kunit_seq(test, 256);
	u64 pos = 0;

	while (psd_events_get(&pos, &r)) {
		pos++;
		if (r.type == PSD_EV_PHASE && r.phase == PSD_PH_S2IDLE &&
		    !r.flag)
			last = r;
	}
	KUNIT_ASSERT_EQ(test, last.type, (u16)PSD_EV_PHASE);
	psd_event_show(m, &last);
	return strstr(psd_kunit_text(test, m), " slept=0") ? 0 : 1;
}

static int round_init(struct kunit *test)
{
	psd_kunit_core(test);
	psd_ws_forget();
	return 0;
}

static void round_without_sleep_is_no_sleep(struct kunit *test)
{
	struct psd_cycle c;

	begin_state(FREEZE);
	suspend_devices();
	round_found_wakeup();
	end_cycle();

	c = ended(test, PSD_RES_NO_SLEEP);
	KUNIT_EXPECT_EQ(test, c.s2idle_loops, 0U);
	KUNIT_EXPECT_EQ(test, c.t_start[PSD_PH_S2IDLE], 0ULL);
	KUNIT_EXPECT_EQ(test, c.t_end[PSD_PH_S2IDLE], 0ULL);
	KUNIT_EXPECT_EQ(test, c.t_woke, 0ULL);
	KUNIT_EXPECT_EQ(test, last_round_slept_key(test), 0);
}

static void honored_wakeup_is_not_judged(struct kunit *test)
{
	begin_state(FREEZE);
	suspend_with_event();
	round_found_wakeup();
	end_cycle();

	ended(test, PSD_RES_NO_SLEEP);
	KUNIT_EXPECT_EQ(test, count_anomalies(PSD_AN_WS_NOT_HONORED), 0U);
}

static void slept_round_judges_the_source(struct kunit *test)
{
	begin_state(FREEZE);
	suspend_with_event();
	s2idle_round();
	end_cycle();

	KUNIT_EXPECT_EQ(test, ended(test, PSD_RES_RESUMED).s2idle_loops, 1U);
	KUNIT_EXPECT_EQ(test, count_anomalies(PSD_AN_WS_NOT_HONORED), 1U);
	KUNIT_EXPECT_EQ(test, last_round_slept_key(test), 1);
}

/* The loop went on after a sleep and then found the wakeup pending. */
static void last_round_empty_keeps_the_wake(struct kunit *test)
{
	struct psd_alarm a = {};
	struct psd_cycle c;
	u64 woke;

	begin_state(FREEZE);
	suspend_with_alarm(ktime_get_boot_fast_ns() + 60LL * NSEC_PER_SEC,
			   ALARM_BOOTTIME);
	s2idle_round();
	KUNIT_ASSERT_TRUE(test, psd_cycle_get(psd_cycle_current(), &c));
	woke = c.t_woke;
	round_found_wakeup();
	end_cycle();

	c = ended(test, PSD_RES_RESUMED);
	KUNIT_EXPECT_EQ(test, c.s2idle_loops, 1U);
	KUNIT_EXPECT_NE(test, woke, 0ULL);
	KUNIT_EXPECT_EQ(test, c.t_woke, woke);
	KUNIT_EXPECT_EQ(test, c.t_end[PSD_PH_S2IDLE], woke);
	KUNIT_ASSERT_TRUE(test, psd_alarm_get(0, &a));
	KUNIT_EXPECT_EQ(test, a.woke_ns, woke);
}

/* How a round can show it slept, besides the default idle call. */
enum round_signal { SIG_FREEZE, SIG_WAKE_IRQ, SIG_IDLE_ELSEWHERE,
		    SIG_IDLE_EXIT };

static const struct round_case {
	const char *what;
	enum round_signal signal;
	bool slept;
} round_cases[] = {
	{ "the tick froze (cpuidle s2idle state)", SIG_FREEZE, true },
	{ "a wake IRQ came", SIG_WAKE_IRQ, true },
	{ "another CPU went idle", SIG_IDLE_ELSEWHERE, false },
	{ "an idle exit only", SIG_IDLE_EXIT, false },
};

static void round_case_desc(const struct round_case *t, char *desc)
{
	strscpy(desc, t->what, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(round, round_cases, round_case_desc);

static void round_signals(struct kunit *test)
{
	const struct round_case *t = test->param_value;
	unsigned int cpu = raw_smp_processor_id();
	struct psd_cycle c;

	begin_state(FREEZE);
	suspend_devices();
	tp("machine_suspend", FREEZE, true);
	switch (t->signal) {
	case SIG_FREEZE:
		both("timekeeping_freeze", cpu);
		break;
	case SIG_WAKE_IRQ:
		psd_wakeirq_note(42, 7, "rtc-pl031");
		break;
	case SIG_IDLE_ELSEWHERE:
		psd_cycle_tp_cpu_idle(NULL, 1, cpu + 1);
		break;
	case SIG_IDLE_EXIT:
		psd_cycle_tp_cpu_idle(NULL, PWR_EVENT_EXIT, cpu);
		break;
	}
	tp("machine_suspend", FREEZE, false);
	end_cycle();

	c = ended(test, t->slept ? PSD_RES_RESUMED : PSD_RES_NO_SLEEP);
	KUNIT_EXPECT_EQ(test, c.s2idle_loops, t->slept ? 1U : 0U);
}

static struct kunit_case round_kunit_cases[] = {
	KUNIT_CASE(round_without_sleep_is_no_sleep),
	KUNIT_CASE(honored_wakeup_is_not_judged),
	KUNIT_CASE(slept_round_judges_the_source),
	KUNIT_CASE(last_round_empty_keeps_the_wake),
	KUNIT_CASE_PARAM(round_signals, round_gen_params),
	{}
};

static struct kunit_suite round_suite = {
	.name = "pmic_sleepdiag_s2idle_round",
	.init = round_init,
	.test_cases = round_kunit_cases,
};

kunit_test_suite(round_suite);
