// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: which fired alarm is the one a sleep covered (wakesrc_trace/alarm.c).
 * The board woke before the alarm was due; the alarm was then cancelled or
 * re-armed, and another alarm of its type fired later.  That one must not
 * be joined to it.  The covered alarm is known by (type, expiry), so the
 * freezer path's restarted on-stack copy still is.  Driven through the
 * real probes and the cycle tracker's inputs; the cases wait until the
 * covered alarm is due, so that a wrong join would make it late.
 */
#include <kunit/test.h>
#include <linux/alarmtimer.h>
#include <linux/delay.h>
#include <linux/timekeeping.h>

#include "anomaly_log.h"
#include "psd_kunit.h"
#include "suspend_seq.h"

#define MATCH_AHEAD_NS	(300 * NSEC_PER_MSEC)	/* due after the wake */

static s64 boot_now(void)
{
	return ktime_get_boot_fast_ns();
}

/* Until @t has passed by more than the ALARM_LATE threshold. */
static void wait_past(s64 t)
{
	s64 until = t + 2LL * psd_setting(PSD_SET_ALARM_LATE_MS) * NSEC_PER_MSEC;

	while (boot_now() <= until)
		msleep(20);
}

/* alarmtimer_fired for an alarm of @type due at @expires, traced now. */
static void fire(int type, s64 expires)
{
	struct alarm a = { .type = type };

	a.node.expires = ns_to_ktime(expires);
	psd_alarm_tp_fired(NULL, &a, ns_to_ktime(boot_now()));
}

static unsigned int late_anomalies(void)
{
	return anomalies_of(0, PSD_AN_ALARM_LATE, NULL);
}

static struct psd_alarm newest(struct kunit *test)
{
	struct psd_alarm a = {};

	KUNIT_EXPECT_TRUE(test, psd_alarm_get(0, &a));
	return a;
}

static int match_init(struct kunit *test)
{
	psd_kunit_core(test);
	/* Only the alarm's own expiry may join, in these cases. */
	psd_setting_apply(PSD_SET_POST_RESUME_MS, 1);
	return 0;
}

/* Cancelled, then another alarm fires after it was due: not joined. */
static void match_cancelled_not_joined(struct kunit *test)
{
	s64 exp = boot_now() + MATCH_AHEAD_NS;
	struct psd_alarm a;

	KUNIT_ASSERT_TRUE(test, psd_layer_on(&psd_alarm_layer));
	cycle_with_alarm(exp, ALARM_BOOTTIME);
	wait_past(exp);
	fire(ALARM_BOOTTIME, boot_now() - NSEC_PER_MSEC);	/* another one */
	a = newest(test);
	KUNIT_EXPECT_EQ(test, a.fired_ns, 0ULL);
	KUNIT_EXPECT_EQ(test, a.cause, (u8)PSD_ALARM_PENDING);
	KUNIT_EXPECT_EQ(test, late_anomalies(), 0U);

	/* Judged on the wake alone when the next cycle arms: on time. */
	cycle_with_alarm(boot_now() + 3600LL * NSEC_PER_SEC, ALARM_BOOTTIME);
	KUNIT_ASSERT_TRUE(test, psd_alarm_get(1, &a));
	KUNIT_EXPECT_EQ(test, a.fired_ns, 0ULL);
	KUNIT_EXPECT_EQ(test, a.cause, (u8)PSD_ALARM_ON_TIME);
	KUNIT_EXPECT_EQ(test, late_anomalies(), 0U);
}

/* Re-armed for later, fired then: not the alarm the sleep covered. */
static void match_rearmed_not_joined(struct kunit *test)
{
	s64 exp = boot_now() + MATCH_AHEAD_NS;

	cycle_with_alarm(exp, ALARM_BOOTTIME);
	wait_past(exp);
	fire(ALARM_BOOTTIME, exp + NSEC_PER_SEC);
	KUNIT_EXPECT_EQ(test, newest(test).fired_ns, 0ULL);
	KUNIT_EXPECT_EQ(test, late_anomalies(), 0U);
}

/*
 * A frozen sleeper comes back after thaw as a new alarm of the base type
 * with the same expiry: that one is joined, however late.
 */
static void match_freezer_restart_joined(struct kunit *test)
{
	s64 exp = boot_now() + MATCH_AHEAD_NS;
	struct psd_alarm a;

	cycle_with_alarm(exp, ALARM_BOOTTIME_FREEZER);
	wait_past(exp);
	fire(ALARM_BOOTTIME, exp);
	a = newest(test);
	KUNIT_EXPECT_TRUE(test, a.freezer);
	KUNIT_EXPECT_GT(test, a.fired_ns, (u64)exp);
	KUNIT_EXPECT_EQ(test, late_anomalies(), 1U);
}

/* A periodic alarm that moved on joins only right after the wake. */
static void match_periodic_within_post_resume(struct kunit *test)
{
	s64 exp = boot_now() - NSEC_PER_MSEC;	/* due before the wake */

	psd_setting_apply(PSD_SET_POST_RESUME_MS, 600000);
	psd_setting_apply(PSD_SET_ALARM_LATE_MS, 600000);
	cycle_with_alarm(exp, ALARM_BOOTTIME);
	fire(ALARM_BOOTTIME, exp + NSEC_PER_SEC);
	KUNIT_EXPECT_GT(test, newest(test).fired_ns, 0ULL);
}

static struct kunit_case match_cases[] = {
	KUNIT_CASE(match_cancelled_not_joined),
	KUNIT_CASE(match_rearmed_not_joined),
	KUNIT_CASE(match_freezer_restart_joined),
	KUNIT_CASE(match_periodic_within_post_resume),
	{}
};

static struct kunit_suite match_suite = {
	.name = "pmic_sleepdiag_alarm_match",
	.init = match_init,
	.test_cases = match_cases,
};

kunit_test_suite(match_suite);
