// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: alarms armed through the freezer path (wakesrc_trace/alarm.c).
 * A frozen clock_nanosleep(CLOCK_*_ALARM) sleeper is traced by
 * alarmtimer_suspend as ALARM_REALTIME_FREEZER (3) or
 * ALARM_BOOTTIME_FREEZER (4), its expiry in the base clock's time.  Driven
 * through the real probe and the cycle tracker's inputs.
 */
#include <kunit/test.h>
#include <linux/alarmtimer.h>
#include <linux/delay.h>
#include <linux/seq_file.h>
#include <linux/string.h>
#include <linux/timekeeping.h>

#include "anomaly_log.h"
#include "psd_kunit.h"
#include "render.h"
#include "suspend_seq.h"

static unsigned int late_anomalies(void)
{
	return anomalies_of(0, PSD_AN_ALARM_LATE, NULL);
}

/* BOOTTIME_FREEZER is a BOOTTIME alarm (& 1 made it REALTIME). */
static void freezer_boottime(struct kunit *test)
{
	s64 exp = ktime_get_boot_fast_ns() + 3600LL * NSEC_PER_SEC;
	struct psd_alarm a = {};
	char *text;

	KUNIT_ASSERT_TRUE(test, psd_layer_on(&psd_alarm_layer));
	cycle_with_alarm(exp, ALARM_BOOTTIME_FREEZER);
	KUNIT_ASSERT_TRUE(test, psd_alarm_get(0, &a));
	KUNIT_EXPECT_EQ(test, a.type, (u8)ALARM_BOOTTIME);
	KUNIT_EXPECT_TRUE(test, a.freezer);
	KUNIT_EXPECT_EQ(test, a.expected_ns, (u64)exp);
	/* Woken an hour early: not late. */
	KUNIT_EXPECT_EQ(test, late_anomalies(), 0U);
	text = psd_kunit_render(test, PAGE_SIZE, psd_alarm_history_show, NULL);
	KUNIT_EXPECT_NOT_NULL(test, strstr(text, "type=BOOTTIME "));
	KUNIT_EXPECT_NOT_NULL(test, strstr(text, " via=freezer\n"));
}

/* REALTIME_FREEZER is a REALTIME alarm: its epoch expiry is converted. */
static void freezer_realtime(struct kunit *test)
{
	s64 in = 3600LL * NSEC_PER_SEC;
	s64 exp = ktime_get_real_ns() + in;
	s64 boot = ktime_get_boottime_ns() + in;
	struct psd_alarm a = {};
	s64 off_by;

	cycle_with_alarm(exp, ALARM_REALTIME_FREEZER);
	KUNIT_ASSERT_TRUE(test, psd_alarm_get(0, &a));
	KUNIT_EXPECT_EQ(test, a.type, (u8)ALARM_REALTIME);
	KUNIT_EXPECT_TRUE(test, a.freezer);
	/* The offset is taken at prepare: within a second of ours. */
	off_by = abs((s64)a.expected_ns - boot);
	KUNIT_EXPECT_LT(test, off_by, (s64)NSEC_PER_SEC);
	KUNIT_EXPECT_EQ(test, late_anomalies(), 0U);
}

/* A plain alarm is not via=freezer. */
static void freezer_not_for_plain_alarms(struct kunit *test)
{
	s64 exp = ktime_get_boot_fast_ns() + 3600LL * NSEC_PER_SEC;
	struct psd_alarm a = {};
	char *text;

	cycle_with_alarm(exp, ALARM_BOOTTIME);
	KUNIT_ASSERT_TRUE(test, psd_alarm_get(0, &a));
	KUNIT_EXPECT_EQ(test, a.type, (u8)ALARM_BOOTTIME);
	KUNIT_EXPECT_FALSE(test, a.freezer);
	text = psd_kunit_render(test, PAGE_SIZE, psd_alarm_history_show, NULL);
	KUNIT_EXPECT_NULL(test, strstr(text, "via="));
}

/* Any other type is ignored and counted, never guessed at. */
static void freezer_unknown_type_ignored(struct kunit *test)
{
	s64 exp = ktime_get_boot_fast_ns() + 3600LL * NSEC_PER_SEC;
	struct psd_alarm a = {};
	char *text;

	cycle_with_alarm(exp, ALARM_NUMTYPE);
	cycle_with_alarm(exp, ALARM_BOOTTIME_FREEZER + 1);
	KUNIT_EXPECT_FALSE(test, psd_alarm_get(0, &a));
	text = psd_kunit_render(test, PAGE_SIZE, psd_alarm_history_show, NULL);
	KUNIT_EXPECT_NOT_NULL(test, strstr(text, "# unknown_types=2 "));
	KUNIT_EXPECT_NULL(test, strstr(text, "cycle="));
}

static struct kunit_case freezer_cases[] = {
	KUNIT_CASE(freezer_boottime),
	KUNIT_CASE(freezer_realtime),
	KUNIT_CASE(freezer_not_for_plain_alarms),
	KUNIT_CASE(freezer_unknown_type_ignored),
	{}
};

static struct kunit_suite freezer_suite = {
	.name = "pmic_sleepdiag_alarm_freezer",
	.init = psd_kunit_core_init,
	.test_cases = freezer_cases,
};

kunit_test_suite(freezer_suite);
