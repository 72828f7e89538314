// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: a wake through a nested irqchip (wakesrc_trace/wakeirq.c).  On a
 * TPS65910 board the RTC alarm is a nested-thread child of the PMIC's
 * regmap-irq chip: the kernel records the PMIC's parent line as the wake
 * IRQ, and the child runs only when the chip's thread demultiplexes it
 * after resume.  Driven through the cores of the two kprobes (the wake on
 * the parent, handle_nested_irq() on the child) and the cycle tracker.
 */
#include <kunit/test.h>
#include <linux/alarmtimer.h>
#include <linux/string.h>
#include <linux/timekeeping.h>

#include "anomaly_log.h"
#include "psd_kunit.h"
#include "records.h"
#include "render.h"
#include "suspend_seq.h"

#define PARENT		40	/* the PMIC's line */
#define CHILD		41	/* its RTC alarm */

/* WAKE_IRQ events; the newest is copied to @last (unless NULL). */
static unsigned int wake_events(struct psd_record *last)
{
	return events_of(PSD_EV_WAKE_IRQ, last);
}

/* A cycle with a BOOTTIME alarm due at @expires, woken by the PMIC line. */
static void sleep_on_pmic(s64 expires)
{
	begin_state(FREEZE);
	suspend_with_alarm(expires, ALARM_BOOTTIME);
	tp("machine_suspend", FREEZE, true);
	psd_wakeirq_hold(PARENT, 5, "tps65910");
	tp("machine_suspend", FREEZE, false);
}

static void fire(s64 expires)
{
	struct alarm a = { .type = ALARM_BOOTTIME };

	a.node.expires = ns_to_ktime(expires);
	psd_alarm_tp_fired(NULL, &a, ns_to_ktime(ktime_get_boot_fast_ns()));
}

static void nested_parents_learnt(struct kunit *test)
{
	psd_wakeirq_add_nested_parent(PARENT);
	psd_wakeirq_add_nested_parent(PARENT);
	KUNIT_EXPECT_TRUE(test, psd_wakeirq_is_nested_parent(PARENT));
	KUNIT_EXPECT_FALSE(test, psd_wakeirq_is_nested_parent(CHILD));
}

/*
 * The RTC alarm child runs after resume: one event names the parent line
 * and the child, the cycle's wake IRQ stays the parent, and the cycle was
 * woken by the RTC, so an alarm late within the RTC's second is
 * rtc_granularity.
 */
static void nested_wake_resolves_to_rtc_child(struct kunit *test)
{
	s64 exp = ktime_get_boot_fast_ns() - 200 * NSEC_PER_MSEC;
	struct psd_report_cycle *r;
	struct psd_record ev;
	struct seq_file *m;
	struct psd_alarm a;

	r = psd_kunit_record(test);
	sleep_on_pmic(exp);
	KUNIT_EXPECT_EQ(test, wake_events(NULL), 0U);	/* held for the child */
	both("dpm_resume_noirq", 16);
	psd_wakeirq_child(CHILD + 10, PARENT + 10, "other-chip-child");
	KUNIT_EXPECT_EQ(test, wake_events(NULL), 0U);
	psd_wakeirq_child(CHILD, PARENT, "tps65910-rtc");
	psd_wakeirq_child(CHILD + 1, PARENT, "tps65910-pwron"); /* later */
	both("dpm_resume_early", 16);
	both("dpm_resume", 16);
	both("dpm_complete", 16);
	both("resume_console", FREEZE);
	fire(exp);
	notify(PM_POST_SUSPEND);

	KUNIT_EXPECT_EQ(test, wake_events(NULL), 1U);
	KUNIT_ASSERT_TRUE(test, wake_events(&ev));
	KUNIT_EXPECT_EQ(test, ev.v[0], PARENT);
	KUNIT_EXPECT_EQ(test, ev.v[1], 5);
	KUNIT_EXPECT_EQ(test, ev.v[2], CHILD);
	KUNIT_EXPECT_STREQ(test, ev.pair.first, "tps65910");
	KUNIT_EXPECT_STREQ(test, ev.pair.second, "tps65910-rtc");
	KUNIT_EXPECT_EQ(test, ev.flag, 1);

	m = psd_kunit_seq(test, 256);
	psd_wakeirq_event_show(m, &ev);
	KUNIT_EXPECT_STREQ(test, psd_kunit_text(test, m),
			   " irq=40 hwirq=5 action=\"tps65910\" rtc=1 child_irq=41 child_name=\"tps65910-rtc\"");

	KUNIT_ASSERT_TRUE(test, psd_report_get(ev.cycle, r));
	KUNIT_EXPECT_EQ(test, r->c.wake_irq, PARENT);
	KUNIT_EXPECT_STREQ(test, r->wake_irq_name, "tps65910");
	KUNIT_EXPECT_TRUE(test, r->wake_child);
	KUNIT_EXPECT_EQ(test, r->wake_child_irq, (u32)CHILD);
	KUNIT_EXPECT_STREQ(test, r->wake_child_name, "tps65910-rtc");
	KUNIT_EXPECT_TRUE(test, psd_report_woke_by_rtc(ev.cycle));

	KUNIT_ASSERT_TRUE(test, psd_alarm_get(0, &a));
	KUNIT_EXPECT_EQ(test, a.cycle, ev.cycle);
	KUNIT_EXPECT_EQ(test, a.cause, (u8)PSD_ALARM_RTC_GRANULARITY);
}

/* The chip's thread never ran the child: the parent alone, at post. */
static void nested_wake_unresolved_at_post(struct kunit *test)
{
	s64 exp = ktime_get_boot_fast_ns() - 200 * NSEC_PER_MSEC;
	struct psd_record ev;
	struct psd_alarm a;

	sleep_on_pmic(exp);
	resume_devices();
	KUNIT_EXPECT_EQ(test, wake_events(NULL), 0U);
	fire(exp);
	notify(PM_POST_SUSPEND);

	KUNIT_ASSERT_TRUE(test, wake_events(&ev));
	KUNIT_EXPECT_EQ(test, wake_events(NULL), 1U);
	KUNIT_EXPECT_EQ(test, ev.v[0], PARENT);
	KUNIT_EXPECT_EQ(test, ev.v[2], -1);
	KUNIT_EXPECT_STREQ(test, ev.name, "tps65910");
	KUNIT_EXPECT_EQ(test, ev.flag, 0);
	KUNIT_EXPECT_FALSE(test, psd_report_woke_by_rtc(ev.cycle));
	KUNIT_ASSERT_TRUE(test, psd_alarm_get(0, &a));
	KUNIT_EXPECT_NE(test, a.cause, (u8)PSD_ALARM_RTC_GRANULARITY);

	/* A child running after the cycle changes nothing. */
	psd_wakeirq_child(CHILD, PARENT, "tps65910-rtc");
	KUNIT_EXPECT_EQ(test, wake_events(NULL), 1U);
}

static struct kunit_case nested_cases[] = {
	KUNIT_CASE(nested_parents_learnt),
	KUNIT_CASE(nested_wake_resolves_to_rtc_child),
	KUNIT_CASE(nested_wake_unresolved_at_post),
	{}
};

static struct kunit_suite nested_suite = {
	.name = "pmic_sleepdiag_wakeirq_nested",
	.init = seq_init_past,
	.test_cases = nested_cases,
};

kunit_test_suite(nested_suite);
