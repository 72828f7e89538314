// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: alarms across suspend (wakesrc_trace/alarm.c), driven through the
 * real alarmtimer_suspend/alarmtimer_fired probes and the cycle tracker's
 * inputs, which call the layer's phase and PM hooks.  Expiries are placed
 * relative to the clock the tracker reads, far enough that the outcome
 * does not depend on how fast the test runs.
 */
#include <kunit/test.h>
#include <linux/alarmtimer.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/suspend.h>
#include <linux/timekeeping.h>

#include "anomaly_log.h"
#include "psd_kunit.h"
#include "render.h"
#include "suspend_seq.h"

/* One s2idle cycle with a BOOTTIME alarm armed, woken by @irq. */
static void sleep_with_alarm(s64 expires, unsigned int irq, s64 hwirq,
			     const char *who)
{
	begin_state(FREEZE);
	suspend_with_alarm(expires, ALARM_BOOTTIME);
	tp("machine_suspend", FREEZE, true);
	psd_wakeirq_note(irq, hwirq, who);
	tp("machine_suspend", FREEZE, false);
	resume_devices();
}

static void fire(s64 expires, int type, s64 now)
{
	struct alarm a = { .type = type };

	a.node.expires = ns_to_ktime(expires);
	psd_alarm_tp_fired(NULL, &a, ns_to_ktime(now));
}

static s64 boot_now(void)
{
	return ktime_get_boot_fast_ns();
}

static unsigned int late_anomalies(struct psd_record *last)
{
	return anomalies_of(0, PSD_AN_ALARM_LATE, last);
}

static struct psd_alarm newest(struct kunit *test)
{
	struct psd_alarm a = {};

	KUNIT_EXPECT_TRUE(test, psd_alarm_get(0, &a));
	return a;
}

/*
 * The sleep ends, the alarm due at @exp fires on resume, the cycle ends:
 * ALARM_LATE number @nth since the reset, with @cause.
 */
static void wake_late(struct kunit *test, s64 exp, unsigned int nth,
		      u8 cause)
{
	struct psd_record an;

	s2idle_round();
	resume_devices();
	fire(exp, ALARM_BOOTTIME, boot_now());
	notify(PM_POST_SUSPEND);
	KUNIT_ASSERT_EQ(test, late_anomalies(&an), nth);
	KUNIT_EXPECT_EQ(test, an.phase, cause);
}

static void alarm_on_time(struct kunit *test)
{
	s64 exp = boot_now() + 3600LL * NSEC_PER_SEC;
	struct psd_alarm a;

	KUNIT_ASSERT_TRUE(test, psd_layer_on(&psd_alarm_layer));
	cycle_with_alarm(exp, ALARM_BOOTTIME);
	fire(exp, ALARM_BOOTTIME, exp);

	a = newest(test);
	KUNIT_EXPECT_EQ(test, a.cycle, psd_cycle_current());
	KUNIT_EXPECT_EQ(test, a.type, (u8)ALARM_BOOTTIME);
	KUNIT_EXPECT_EQ(test, a.expected_ns, (u64)exp);
	KUNIT_EXPECT_GT(test, a.woke_ns, 0ULL);
	KUNIT_EXPECT_GT(test, a.fired_ns, 0ULL);
	KUNIT_EXPECT_EQ(test, a.cause, (u8)PSD_ALARM_ON_TIME);
	KUNIT_EXPECT_EQ(test, late_anomalies(NULL), 0U);
}

/* Woke by the RTC, late but within its one-second step. */
static void alarm_late_rtc_granularity(struct kunit *test)
{
	s64 exp = boot_now() - 200 * NSEC_PER_MSEC;
	struct psd_record an;
	struct psd_alarm a;

	sleep_with_alarm(exp, 42, 1, "rtc-pl031");
	fire(exp, ALARM_BOOTTIME, boot_now());	/* fires on resume */
	KUNIT_EXPECT_EQ(test, late_anomalies(NULL), 0U);  /* not before post */
	notify(PM_POST_SUSPEND);

	a = newest(test);
	KUNIT_EXPECT_EQ(test, a.cause, (u8)PSD_ALARM_RTC_GRANULARITY);
	KUNIT_ASSERT_EQ(test, late_anomalies(&an), 1U);
	KUNIT_EXPECT_EQ(test, an.cycle, a.cycle);
	KUNIT_EXPECT_EQ(test, an.phase, (u8)PSD_ALARM_RTC_GRANULARITY);
	KUNIT_EXPECT_EQ(test, an.v[0], exp);
	KUNIT_EXPECT_EQ(test, (u64)an.v[1], a.woke_ns);
	KUNIT_EXPECT_EQ(test, (u64)an.v[2], a.fired_ns);
	KUNIT_EXPECT_EQ(test, an.v[3],
			div_s64(max(a.woke_ns, a.fired_ns) - exp,
				NSEC_PER_MSEC));
	KUNIT_EXPECT_GE(test, an.v[3], 200LL);
}

static void alarm_under_threshold(struct kunit *test)
{
	s64 exp = boot_now() - 200 * NSEC_PER_MSEC;

	psd_setting_apply(PSD_SET_ALARM_LATE_MS, 600000);
	sleep_with_alarm(exp, 42, 1, "rtc-pl031");
	notify(PM_POST_SUSPEND);
	fire(exp, ALARM_BOOTTIME, boot_now());	/* after post */
	KUNIT_EXPECT_EQ(test, newest(test).cause,
			(u8)PSD_ALARM_RTC_GRANULARITY);
	KUNIT_EXPECT_EQ(test, late_anomalies(NULL), 0U);
}

/* Late by seconds: not the RTC's step; the cause is what else went wrong. */
static void alarm_late_causes(struct kunit *test)
{
	/*
	 * Woken by another IRQ, nothing else seen: unknown, late by seconds
	 * or within a second (not the RTC's step: not woken by the RTC).
	 */
	static const s64 late_ns[] = { 3LL * NSEC_PER_SEC, 200 * NSEC_PER_MSEC };
	struct psd_record an;
	unsigned int i;
	s64 exp;

	for (i = 0; i < ARRAY_SIZE(late_ns); i++) {
		exp = boot_now() - late_ns[i];
		sleep_with_alarm(exp, 43, 2, "virtio0");
		fire(exp, ALARM_BOOTTIME, boot_now());
		notify(PM_POST_SUSPEND);
		KUNIT_ASSERT_EQ(test, late_anomalies(&an), i + 1);
		KUNIT_EXPECT_EQ(test, an.phase, (u8)PSD_ALARM_UNKNOWN);
	}

	/* A wakeup event that did not stop the sleep. */
	exp = boot_now() - 3LL * NSEC_PER_SEC;
	begin_state(FREEZE);
	suspend_with_alarm(exp, ALARM_BOOTTIME);
	psd_ws_tp_activate(NULL, "psdk-alarm-ws", 0);
	psd_ws_tp_deactivate(NULL, "psdk-alarm-ws", 0);
	wake_late(test, exp, 3, PSD_ALARM_WS_NOT_HONORED);
}

static void alarm_late_irq_stuck(struct kunit *test)
{
	s64 exp = boot_now() - 3LL * NSEC_PER_SEC;
	struct psd_record stuck = {
		.t_ns = boot_now(),
		.type = PSD_AN_IRQ_STUCK_PENDING,
	};

	begin_state(FREEZE);
	suspend_with_alarm(exp, ALARM_BOOTTIME);
	stuck.cycle = psd_cycle_current();
	psd_anomaly_raise(&stuck);	/* as the irqpend layer would */
	wake_late(test, exp, 1, PSD_ALARM_IRQ_STUCK_PENDING);
}

static void alarm_realtime_to_boottime(struct kunit *test)
{
	s64 real = ktime_get_real_ns() + 3600LL * NSEC_PER_SEC;
	s64 want = boot_now() + 3600LL * NSEC_PER_SEC;
	struct psd_alarm a;
	s64 diff;

	cycle_with_alarm(real, ALARM_REALTIME);
	a = newest(test);
	KUNIT_EXPECT_EQ(test, a.type, (u8)ALARM_REALTIME);
	KUNIT_EXPECT_EQ(test, a.expires, real);
	/* Within a second of the same instant in CLOCK_BOOTTIME. */
	diff = (s64)a.expected_ns - want;
	KUNIT_EXPECT_LT(test, abs(diff), (s64)NSEC_PER_SEC);
	KUNIT_EXPECT_EQ(test, a.cause, (u8)PSD_ALARM_PENDING);
}

/* Not fired by post, but the wake alone is already too late. */
static void alarm_judged_at_post_without_fire(struct kunit *test)
{
	s64 exp = boot_now() - 3LL * NSEC_PER_SEC;
	struct psd_record an;

	cycle_with_alarm(exp, ALARM_BOOTTIME);
	KUNIT_ASSERT_EQ(test, late_anomalies(&an), 1U);
	KUNIT_EXPECT_EQ(test, an.v[2], 0LL);
	fire(exp, ALARM_BOOTTIME, boot_now());	/* judged once only */
	KUNIT_EXPECT_EQ(test, late_anomalies(NULL), 1U);
	KUNIT_EXPECT_GT(test, newest(test).fired_ns, 0ULL);
}

/* An aborted cycle never slept: the fire alone decides. */
static void alarm_aborted_cycle(struct kunit *test)
{
	s64 exp = boot_now() + 3600LL * NSEC_PER_SEC;
	struct psd_alarm a;

	begin_state(FREEZE);
	suspend_with_alarm(exp, ALARM_BOOTTIME);
	both("dpm_resume_early", 16);
	both("dpm_resume", 16);
	notify(PM_POST_SUSPEND);
	a = newest(test);
	KUNIT_EXPECT_EQ(test, a.woke_ns, 0ULL);
	KUNIT_EXPECT_EQ(test, a.cause, (u8)PSD_ALARM_PENDING);
	fire(exp, ALARM_BOOTTIME, exp);
	a = newest(test);
	KUNIT_EXPECT_EQ(test, a.cause, (u8)PSD_ALARM_ON_TIME);
	KUNIT_EXPECT_EQ(test, late_anomalies(NULL), 0U);
}

static void alarm_other_alarms_do_not_match(struct kunit *test)
{
	s64 exp = boot_now() + 3600LL * NSEC_PER_SEC;

	cycle_with_alarm(exp, ALARM_BOOTTIME);
	fire(exp, ALARM_REALTIME, exp);			/* other type */
	fire(boot_now(), ALARM_BOOTTIME, boot_now());	/* armed after */
	KUNIT_EXPECT_EQ(test, newest(test).fired_ns, 0ULL);
	/* A periodic alarm already moved on, but it was due. */
	fire(exp + NSEC_PER_SEC, ALARM_BOOTTIME, exp + 1);
	KUNIT_EXPECT_GT(test, newest(test).fired_ns, 0ULL);
}

static void alarm_interleaved_cycles(struct kunit *test)
{
	s64 exp1 = boot_now() + 3600LL * NSEC_PER_SEC;
	s64 exp2 = boot_now() - 3LL * NSEC_PER_SEC;
	struct psd_alarm a1, a2;

	/* Alarm 1 never fires (cancelled). */
	cycle_with_alarm(exp1, ALARM_BOOTTIME);

	begin_state(FREEZE);
	suspend_with_alarm(exp2, ALARM_BOOTTIME);
	s2idle_round();
	resume_devices();
	fire(exp2, ALARM_BOOTTIME, boot_now());
	notify(PM_POST_SUSPEND);

	KUNIT_ASSERT_TRUE(test, psd_alarm_get(1, &a1));
	KUNIT_ASSERT_TRUE(test, psd_alarm_get(0, &a2));
	KUNIT_EXPECT_EQ(test, a1.cycle + 1, a2.cycle);
	KUNIT_EXPECT_EQ(test, a1.fired_ns, 0ULL);
	KUNIT_EXPECT_EQ(test, a1.cause, (u8)PSD_ALARM_ON_TIME);
	KUNIT_EXPECT_GT(test, a2.fired_ns, 0ULL);
	KUNIT_EXPECT_EQ(test, late_anomalies(NULL), 1U);
}

static char *render(struct kunit *test)
{
	return psd_kunit_render(test, 16 * 1024, psd_alarm_history_show, NULL);
}

static void alarm_history_file(struct kunit *test)
{
	unsigned int i, lines = 0;
	char want[96], *text, *l;
	s64 exp = 0;

	for (i = 0; i < psd_params.keep_cycles + 2; i++) {
		exp = boot_now() + 3600LL * NSEC_PER_SEC;
		cycle_with_alarm(exp, ALARM_BOOTTIME);
	}
	text = render(test);
	KUNIT_EXPECT_NOT_NULL(test, strstr(text, "# dropped=2 "));
	snprintf(want, sizeof(want), "cycle=%u type=BOOTTIME expected_ns=%lld woke_ns=",
		 psd_cycle_current(), exp);
	KUNIT_EXPECT_NOT_NULL(test, strstr(text, want));
	KUNIT_EXPECT_NOT_NULL(test, strstr(text, " late_ms=-"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(text, " cause=pending\n"));
	while ((l = strsep(&text, "\n")))
		lines += !strncmp(l, "cycle=", 6);
	KUNIT_EXPECT_EQ(test, lines, psd_params.keep_cycles);
}

static struct kunit_case alarm_cases[] = {
	KUNIT_CASE(alarm_on_time),
	KUNIT_CASE(alarm_late_rtc_granularity),
	KUNIT_CASE(alarm_under_threshold),
	KUNIT_CASE(alarm_late_causes),
	KUNIT_CASE(alarm_late_irq_stuck),
	KUNIT_CASE(alarm_realtime_to_boottime),
	KUNIT_CASE(alarm_judged_at_post_without_fire),
	KUNIT_CASE(alarm_aborted_cycle),
	KUNIT_CASE(alarm_other_alarms_do_not_match),
	KUNIT_CASE(alarm_interleaved_cycles),
	KUNIT_CASE(alarm_history_file),
	{}
};

static struct kunit_suite alarm_suite = {
	.name = "pmic_sleepdiag_alarm",
	.init = seq_init_past,
	.test_cases = alarm_cases,
};

kunit_test_suite(alarm_suite);
