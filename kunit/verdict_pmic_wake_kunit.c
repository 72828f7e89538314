// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: the PMIC verdict rules (pmic_sleepdiag/pmic_report.c) judged on the
 * first PMIC snapshot after the wake.  A misconfiguration that exists only
 * in SLEEP (set after the last pre-sleep read, undone by the resume's
 * writes) shows there; it is the cause when the alarm came later than the
 * RTC's one-second step, and the detail names the lateness.
 */
#include <kunit/test.h>
#include <linux/string.h>

#include "psd_kunit.h"
#include "records.h"

static u32 rule_bit(struct kunit *test, const char *id)
{
	unsigned int i;

	for (i = 0; i < psd_pmic_nr_lint_rules && i < 32; i++)
		if (!strcmp(psd_pmic_lint_id(i), id))
			return BIT(i);
	KUNIT_FAIL(test, "no lint rule %s", id);
	return 0;
}

static void lint(struct psd_rpt_pmic *p, u8 phase, u32 warn)
{
	p->rule_id = psd_pmic_lint_id;
	p->nrules = min(psd_pmic_nr_lint_rules, 32U);
	p->chip = "tps65910";
	p->phase = phase;
	p->warn = warn;
}

/* Resumed; a clean pre-sleep snapshot; @warn after the wake. */
static struct psd_report_cycle *woke_with(struct kunit *test, u32 warn)
{
	struct psd_report_cycle *r = psd_kunit_record(test);

	r->c.id = 7;
	r->c.result = PSD_RES_RESUMED;
	r->c.s2idle_loops = 1;
	r->c.wake_irq = 14;
	lint(psd_kunit_pmic(r, false), PSD_PH_SUSPEND_LATE, 0);
	lint(psd_kunit_pmic(r, true), PSD_PH_RESUME_EARLY, warn);
	return r;
}

static void late_alarm(struct psd_report_cycle *r, const char *cause,
		       s64 late_ms)
{
	psd_kunit_alarm(r, &(struct psd_rpt_alarm){
		.type = "BOOTTIME",
		.cause = cause,
		.late_known = true,
		.late_ms = late_ms,
	});
	r->an[PSD_AN_ALARM_LATE].count = 1;
}

static void expect(struct kunit *test, const struct psd_report_cycle *r,
		   const char *rule, const char *const *words)
{
	struct psd_verdict v;

	psd_verdict(r, &v);
	KUNIT_ASSERT_NOT_NULL(test, v.rule);
	KUNIT_EXPECT_STREQ(test, v.rule->name, rule);
	for (; *words; words++)
		KUNIT_EXPECT_NOT_NULL_MSG(test, strstr(v.detail, *words),
					  "detail=\"%s\" lacks %s", v.detail,
					  *words);
}

/* Masked in SLEEP only, the board woken 4 s late by another RTC. */
static void wake_lint_names_the_cause(struct kunit *test)
{
	static const char *const words[] = {
		"rtc_alarm_masked", "resume_early", "late by 4012 ms", NULL
	};
	struct psd_report_cycle *r;

	r = woke_with(test, rule_bit(test, "rtc_alarm_masked"));
	late_alarm(r, "unknown", 4012);
	expect(test, r, "pmic_wake_path", words);

	r = woke_with(test, rule_bit(test, "rtc_pwdn"));
	late_alarm(r, "unknown", 3990);
	expect(test, r, "pmic_rtc_clock", (const char *const[]){
		"rtc_pwdn", "resume_early", "late by 3990 ms", NULL });
}

/* After a PMIC wake the alarm's status is still set: not a cause. */
static void wake_lint_ignored_when_on_time(struct kunit *test)
{
	static const char *const none[] = { NULL };
	struct psd_report_cycle *r;

	r = woke_with(test, rule_bit(test, "rtc_alarm_stale") |
			    rule_bit(test, "int_pending"));
	expect(test, r, "ok", none);
	late_alarm(r, "rtc_granularity", 300);
	expect(test, r, "alarm_rtc_granularity", none);
}

/* A rule on the pre-sleep snapshot wins and also gets the lateness. */
static void presleep_lint_first(struct kunit *test)
{
	static const char *const words[] = {
		"rtc_stopped", "suspend_late", "late by 5000 ms", NULL
	};
	struct psd_report_cycle *r;

	r = woke_with(test, rule_bit(test, "rtc_alarm_masked"));
	psd_kunit_pmic(r, false)->warn = rule_bit(test, "rtc_stopped");
	late_alarm(r, "unknown", 5000);
	expect(test, r, "pmic_rtc_clock", words);
}

/*
 * IT_SLEEP_MASK_EN: no snapshot shows it, but the PMIC's RTC interrupt
 * fired as a wake IRQ only after irq 14 had woken the system.
 */
static void held_rtc_irq_points_to_sleep_mask(struct kunit *test)
{
	static const char *const words[] = {
		"tps65910-rtc", "irq 14", "rtc_it_sleep_masked",
		"late by 3927 ms", NULL
	};
	static const char *const none[] = { NULL };
	struct psd_report_cycle *r;

	r = woke_with(test, 0);
	r->c.t_end[PSD_PH_S2IDLE] = 1000;
	r->has_held = true;
	r->held_irq = 21;
	r->held_parent = 20;
	r->held_ns = 1500;
	strscpy(r->held_name, "tps65910-rtc", sizeof(r->held_name));
	expect(test, r, "ok", none);		/* on time: not a cause */
	late_alarm(r, "unknown", 3927);
	expect(test, r, "pmic_wake_path", words);

	r->held_ns = 900;			/* during the sleep: a wake */
	expect(test, r, "alarm_late", none);
}

static struct kunit_case pmic_wake_cases[] = {
	KUNIT_CASE(held_rtc_irq_points_to_sleep_mask),
	KUNIT_CASE(wake_lint_names_the_cause),
	KUNIT_CASE(wake_lint_ignored_when_on_time),
	KUNIT_CASE(presleep_lint_first),
	{}
};

static struct kunit_suite pmic_wake_suite = {
	.name = "pmic_sleepdiag_verdict_pmic_wake",
	.test_cases = pmic_wake_cases,
};

kunit_test_suite(pmic_wake_suite);
