// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: the verdict rule table (pmic_sleepdiag/verdict.c).  Each row of
 * verdict_cases builds a cycle record by hand, from a clean resumed cycle,
 * and names the verdict and the other rules that must hold on it, and
 * what the evidence line must name.  Every rule has a row where it holds
 * and a near miss where it must not; more rows set several causes at once
 * and check which one wins.  PMIC lint bits are found by rule name.
 */
#include <kunit/test.h>
#include <linux/string.h>

#include "../pmic_sleepdiag/devpm.h"
#include "../pmic_sleepdiag/sleepers.h"
#include "psd_kunit.h"
#include "records.h"

#define CYCLE_ID	4711

struct verdict_case {
	const char *desc;
	void (*setup)(struct kunit *test, struct psd_report_cycle *r);
	const char *rule;	/* the verdict */
	const char *also[12];	/* every other rule that holds */
	const char *evidence[6];/* in the detail line */
	const char *absent;	/* not in the detail line */
	const char *miss;	/* a near miss for this rule */
};

/* A cycle that slept once and woke by IRQ 33, and nothing else. */
static void clean(struct psd_report_cycle *r)
{
	memset(r, 0, psd_report_cycle_size());
	r->c.id = CYCLE_ID;
	r->c.state = 1;
	r->c.result = PSD_RES_RESUMED;
	r->c.step = PSD_STEP_SUSPEND_NOIRQ;
	r->c.s2idle_loops = 1;
	r->c.wake_irq = 33;
}

/* The row of a verdict rule, by its name, without psd_verdict_rule_index. */
static unsigned int rule_row(struct kunit *test, const char *name)
{
	unsigned int i;

	for (i = 0; psd_verdict_rule(i); i++)
		if (!strcmp(psd_verdict_rule(i)->name, name))
			break;
	KUNIT_ASSERT_NOT_NULL_MSG(test, psd_verdict_rule(i), "rule %s", name);
	return i;
}

static void add_ws(struct psd_report_cycle *r, const char *name, u8 what)
{
	struct psd_rpt_ws *w = &r->ws[r->nws++];

	strscpy(w->name, name, sizeof(w->name));
	w->activations = 1;
	w->what = what;
}

static void add_irq(struct psd_report_cycle *r, u32 irq, u8 at_suspend,
		    u8 at_resume, bool wake, bool stuck)
{
	r->irq[r->nirq++] = (struct psd_rpt_irq){
		.irq = irq, .at_suspend = at_suspend, .at_resume = at_resume,
		.wake = wake, .stuck = stuck,
	};
}

static void set_an(struct psd_report_cycle *r, unsigned int cls, u32 count,
		   u64 first_seq)
{
	r->an[cls].count = count;
	r->an[cls].first_seq = first_seq;
}

static void set_alarm(struct psd_report_cycle *r, const char *type,
		      const char *cause, s64 late_ms, bool late)
{
	psd_kunit_alarm(r, &(struct psd_rpt_alarm){
		.type = type,
		.cause = cause,
		.expected_ns = 5000000000ULL,
		.woke_ns = 5000000000ULL + late_ms * 1000000,
		.late_ms = late_ms,
		.late_known = true,
	});
	if (late)
		set_an(r, PSD_AN_ALARM_LATE, 1, 300);
}

static void set_pmic(struct psd_report_cycle *r, const char *chip, int err)
{
	struct psd_rpt_pmic *p = psd_kunit_pmic(r, false);

	p->rule_id = psd_pmic_lint_id;
	p->nrules = min(psd_pmic_nr_lint_rules, 32U);
	p->chip = chip;
	p->phase = PSD_PH_SUSPEND_LATE;
	p->err = err;
}

/* Lint ids separated by spaces, or NULL for none: their bits. */
static u32 lint(struct kunit *test, const char *ids)
{
	return ids ? psd_kunit_lint_bits(test, ids) : 0;
}

/*
 * @chip read without error; the lint rules that warn, that only inform and
 * that could not be checked.
 */
static void set_lint(struct kunit *test, struct psd_report_cycle *r,
		     const char *chip, const char *warn, const char *info,
		     const char *unknown)
{
	set_pmic(r, chip, 0);
	psd_kunit_pmic(r, false)->warn = lint(test, warn);
	psd_kunit_pmic(r, false)->info = lint(test, info);
	psd_kunit_pmic(r, false)->unknown = lint(test, unknown);
}

/* ---- one cause each ---- */

static void open_cycle(struct kunit *test, struct psd_report_cycle *r)
{
	r->c.result = PSD_RES_OPEN;
	r->c.s2idle_loops = 0;
	r->c.wake_irq = PSD_WAKE_IRQ_NONE;
}

static void nothing(struct kunit *test, struct psd_report_cycle *r)
{
}

static void irq_stuck(struct kunit *test, struct psd_report_cycle *r)
{
	add_irq(r, 17, PSD_IRQP_YES, PSD_IRQP_NO, false, false);
	add_irq(r, 45, PSD_IRQP_YES, PSD_IRQP_YES, true, true);
	set_an(r, PSD_AN_IRQ_STUCK_PENDING, 1, 7);
}

/* The irqchip's reason and its advice, as irqpend gives them. */
static void irq_stuck_cause(struct kunit *test, struct psd_report_cycle *r)
{
	irq_stuck(test, r);
	r->irq[1].cause = psd_gic_cause_name(PSD_GIC_CAUSE_ACTIVE_NOT_EOI);
	r->irq[1].advice = psd_gic_cause_advice(PSD_GIC_CAUSE_ACTIVE_NOT_EOI,
						true);
}

static void irq_stuck_two(struct kunit *test, struct psd_report_cycle *r)
{
	add_irq(r, 30, PSD_IRQP_YES, PSD_IRQP_YES, false, true);
	add_irq(r, 31, PSD_IRQP_YES, PSD_IRQP_UNSUPPORTED, true, true);
	set_an(r, PSD_AN_IRQ_STUCK_PENDING, 2, 8);
}

/* The episode's anomaly was raised in an earlier cycle. */
static void irq_stuck_earlier(struct kunit *test, struct psd_report_cycle *r)
{
	add_irq(r, 52, PSD_IRQP_YES, PSD_IRQP_YES, true, true);
}

static void irq_stuck_unlisted(struct kunit *test, struct psd_report_cycle *r)
{
	r->irq_more = 3;
	set_an(r, PSD_AN_IRQ_STUCK_PENDING, 1, 977);
}

static void irq_pending_not_stuck(struct kunit *test,
				  struct psd_report_cycle *r)
{
	add_irq(r, 17, PSD_IRQP_YES, PSD_IRQP_YES, true, false);
}

static void ws_not_honored(struct kunit *test, struct psd_report_cycle *r)
{
	add_ws(r, "psdv-fine", PSD_RPT_WS_ACTIVATED | PSD_RPT_WS_IN_SUSPEND |
	       PSD_RPT_WS_DEACTIVATED);
	add_ws(r, "psdv-keys", PSD_RPT_WS_ACTIVATED | PSD_RPT_WS_IN_SUSPEND |
	       PSD_RPT_WS_NOT_HONORED);
	set_an(r, PSD_AN_WS_NOT_HONORED, 1, 11);
}

static void ws_honored(struct kunit *test, struct psd_report_cycle *r)
{
	add_ws(r, "psdv-keys", PSD_RPT_WS_ACTIVATED | PSD_RPT_WS_IN_SUSPEND |
	       PSD_RPT_WS_DEACTIVATED);
}

static void pmic_rtc_clock(struct kunit *test, struct psd_report_cycle *r)
{
	set_lint(test, r, "tps65911", "rtc_pwdn ck32k_sleep_off", "ck32k_rc",
		 NULL);
}

static void pmic_rtc_clock_info(struct kunit *test, struct psd_report_cycle *r)
{
	set_lint(test, r, "tps65911", NULL,
		 "rtc_pwdn rtc_stopped ck32k_sleep_off vrtc_lowpower",
		 "rtc_stopped");
}

static void pmic_wake_path(struct kunit *test, struct psd_report_cycle *r)
{
	set_lint(test, r, "tps65910", "int_pending rtc_it_sleep_masked",
		 "i2chs_off", NULL);
}

static void pmic_wake_path_info(struct kunit *test, struct psd_report_cycle *r)
{
	set_lint(test, r, "tps65910", NULL,
		 "rtc_alarm_masked rtc_alarm_stale int_pending rtc_it_sleep_masked",
		 "int_pending");
}

static void alarm_rtc(struct kunit *test, struct psd_report_cycle *r)
{
	set_alarm(r, "BOOTTIME", "rtc_granularity", 640, true);
}

static void alarm_rtc_unknown(struct kunit *test, struct psd_report_cycle *r)
{
	set_alarm(r, "BOOTTIME", "unknown", 640, true);
}

static void alarm_rtc_not_late(struct kunit *test, struct psd_report_cycle *r)
{
	/* Within the step but under alarm_late_ms: no ALARM_LATE. */
	set_alarm(r, "BOOTTIME", "rtc_granularity", 640, false);
}

static void alarm_late(struct kunit *test, struct psd_report_cycle *r)
{
	set_alarm(r, "REALTIME", "unknown", 2500, true);
}

static void alarm_on_time(struct kunit *test, struct psd_report_cycle *r)
{
	set_alarm(r, "REALTIME", "none", -2, false);
}

/* psdv-slow's resume took 320 ms; a faster one is listed after it. */
static void resume_slow(struct kunit *test, struct psd_report_cycle *r)
{
	static const struct { const char *dev; u32 dur_us; } cbs[] = {
		{ "psdv-slow", 320000 }, { "psdv-quick", 150000 },
	};
	struct psd_devpm_rec *d = psd_kunit_part(r, &psd_devpm_layer);
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(cbs); i++) {
		struct psd_rpt_devpm_cb *cb = &d->slow[PSD_DEVPM_RESUME][i];

		strscpy(cb->dev, cbs[i].dev, sizeof(cb->dev));
		strscpy(cb->driver, "psdv-drv", sizeof(cb->driver));
		cb->phase = "resume";
		cb->dur_us = cbs[i].dur_us;
		cb->dir = PSD_DEVPM_RESUME;
	}
	d->nslow[PSD_DEVPM_RESUME] = ARRAY_SIZE(cbs);
	set_an(r, PSD_AN_RESUME_SLOW, 2, 40);
}

/* The same callbacks, none over resume_slow_ms: no RESUME_SLOW. */
static void resume_not_slow(struct kunit *test, struct psd_report_cycle *r)
{
	resume_slow(test, r);
	set_an(r, PSD_AN_RESUME_SLOW, 0, 0);
}

static void resume_slow_and_alarm(struct kunit *test,
				  struct psd_report_cycle *r)
{
	resume_slow(test, r);
	alarm_late(test, r);
}

/* psdv-sleep overslept 1234 ms: 10 + 1000 + 200 + 24; another, less. */
static void add_sleepers(struct psd_report_cycle *r)
{
	static const struct {
		const char *comm;
		pid_t pid;
		u8 clock;
		u8 how;
		struct psd_sl_split split;
	} s[] = {
		{ "psdv-sleep", 77, CLOCK_MONOTONIC, PSD_SL_EXPIRED,
		  { 1234, 10, 1000, 200, 24 } },
		{ "psdv-other", 78, CLOCK_BOOTTIME, PSD_SL_CANCELLED,
		  { 50, 50, 0, 0, 0 } },
	};
	struct psd_sl_cycle *sl = psd_kunit_part(r, &psd_sleepers_layer);
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(s); i++) {
		strscpy(sl->v[i].comm, s[i].comm, sizeof(sl->v[i].comm));
		sl->v[i].pid = s[i].pid;
		sl->v[i].clock = s[i].clock;
		sl->v[i].how = s[i].how;
		sl->split[i] = s[i].split;
	}
	sl->nvict = ARRAY_SIZE(s);
}

static void sleepers_only(struct kunit *test, struct psd_report_cycle *r)
{
	add_sleepers(r);
}

static void sleepers_resume_slow(struct kunit *test,
				 struct psd_report_cycle *r)
{
	resume_slow(test, r);
	add_sleepers(r);
}

static void sleepers_alarm_rtc(struct kunit *test, struct psd_report_cycle *r)
{
	alarm_rtc(test, r);
	add_sleepers(r);
}

static void ws_stuck(struct kunit *test, struct psd_report_cycle *r)
{
	add_ws(r, "psdv-held", PSD_RPT_WS_ACTIVATED | PSD_RPT_WS_STUCK);
	set_an(r, PSD_AN_WS_STUCK_ACTIVE, 2, 12);
}

static void ws_released(struct kunit *test, struct psd_report_cycle *r)
{
	add_ws(r, "psdv-held", PSD_RPT_WS_ACTIVATED | PSD_RPT_WS_DEACTIVATED);
	r->ws[0].activations = 5;
}

static void aborted(struct kunit *test, struct psd_report_cycle *r)
{
	r->c.result = PSD_RES_ABORTED;
	r->c.step = PSD_STEP_SUSPEND;
	r->c.s2idle_loops = 0;
	r->c.wake_irq = PSD_WAKE_IRQ_NONE;
	strscpy(r->c.abort_ws, "psdv-abort", sizeof(r->c.abort_ws));
	add_ws(r, "psdv-abort", PSD_RPT_WS_ACTIVATED | PSD_RPT_WS_IN_SUSPEND |
	       PSD_RPT_WS_ABORTED);
}

static void aborted_anon(struct kunit *test, struct psd_report_cycle *r)
{
	r->c.result = PSD_RES_ABORTED;
	r->c.step = PSD_STEP_FREEZE;
	r->c.s2idle_loops = 0;
}

static void ws_in_suspend(struct kunit *test, struct psd_report_cycle *r)
{
	add_ws(r, "psdv-abort", PSD_RPT_WS_ACTIVATED | PSD_RPT_WS_IN_SUSPEND |
	       PSD_RPT_WS_DEACTIVATED);
}

static void no_sleep(struct kunit *test, struct psd_report_cycle *r)
{
	r->c.result = PSD_RES_NO_SLEEP;
	r->c.s2idle_loops = 0;
	r->c.wake_irq = PSD_WAKE_IRQ_NONE;
}

static void hrt_late(struct kunit *test, struct psd_report_cycle *r)
{
	*(struct psd_rpt_hrt *)psd_kunit_part(r, &psd_hrtimer_layer) =
		(struct psd_rpt_hrt){
		.count = 50, .max_ns = 2500000, .late = 3, .suspended = 2,
		.late_us = 1000,
	};
	r->an[PSD_AN_HRTIMER_LATE].flags = BIT(PSD_HRT_POST_RESUME);
	set_an(r, PSD_AN_HRTIMER_LATE, 1, 20);
}

static void hrt_late_window(struct kunit *test, struct psd_report_cycle *r)
{
	r->an[PSD_AN_HRTIMER_LATE].flags = BIT(PSD_HRT_POST_RESUME);
	set_an(r, PSD_AN_HRTIMER_LATE, 1, 20);
}

static void hrt_on_time(struct kunit *test, struct psd_report_cycle *r)
{
	*(struct psd_rpt_hrt *)psd_kunit_part(r, &psd_hrtimer_layer) =
		(struct psd_rpt_hrt){
		.count = 50, .max_ns = 900000, .late = 0, .suspended = 4,
		.late_us = 1000,
	};
	/* Late timers in the other windows are not about the wake. */
	r->an[PSD_AN_HRTIMER_LATE].flags = BIT(PSD_HRT_ALL) | BIT(PSD_HRT_PROBE);
	set_an(r, PSD_AN_HRTIMER_LATE, 2, 21);
}

static void pmic_err(struct kunit *test, struct psd_report_cycle *r)
{
	set_pmic(r, "tps65910", -121);
}

static void pmic_io_anomaly(struct kunit *test, struct psd_report_cycle *r)
{
	set_an(r, PSD_AN_PMIC_IO_ERROR, 2, 30);
}

static void pmic_unknown(struct kunit *test, struct psd_report_cycle *r)
{
	set_lint(test, r, "tps65910", NULL, NULL, "rtc_pwdn");
}

/* ---- several causes ---- */

static void irq_and_ws(struct kunit *test, struct psd_report_cycle *r)
{
	irq_stuck(test, r);
	ws_not_honored(test, r);
}

static void ws_and_alarm(struct kunit *test, struct psd_report_cycle *r)
{
	ws_not_honored(test, r);
	set_alarm(r, "BOOTTIME", "ws_not_honored", 3000, true);
}

static void rtc_clock_and_alarm(struct kunit *test, struct psd_report_cycle *r)
{
	pmic_rtc_clock(test, r);
	alarm_rtc(test, r);
}

static void rtc_clock_and_wake_path(struct kunit *test,
				    struct psd_report_cycle *r)
{
	pmic_rtc_clock(test, r);
	psd_kunit_pmic(r, false)->warn |= psd_kunit_lint_bits(test, "int_pending");
}

static void alarm_and_ws_stuck(struct kunit *test, struct psd_report_cycle *r)
{
	alarm_late(test, r);
	ws_stuck(test, r);
}

static void aborted_and_ws_stuck(struct kunit *test,
				 struct psd_report_cycle *r)
{
	aborted(test, r);
	ws_stuck(test, r);
}

static void no_sleep_and_hrt(struct kunit *test, struct psd_report_cycle *r)
{
	no_sleep(test, r);
	hrt_late(test, r);
}

static void hrt_and_pmic_err(struct kunit *test, struct psd_report_cycle *r)
{
	hrt_late(test, r);
	pmic_err(test, r);
}

static void everything_open(struct kunit *test, struct psd_report_cycle *r)
{
	irq_stuck(test, r);
	ws_not_honored(test, r);
	ws_stuck(test, r);
	rtc_clock_and_wake_path(test, r);
	psd_kunit_pmic(r, false)->err = -5;
	alarm_rtc(test, r);
	hrt_late(test, r);
	open_cycle(test, r);
}

static const struct verdict_case verdict_cases[] = {
	{ "in_progress_holds", open_cycle, "in_progress", {},
	  { "4711" } },
	{ "in_progress_miss_ended", nothing, "ok", {}, {},
	  .miss = "in_progress" },
	{ "irq_stuck_holds", irq_stuck, "irq_stuck_pending", {},
	  { "irq 45", "wake-armed", "suspend=1", "resume=1", "x1" }, "irq 17" },
	{ "irq_stuck_names_cause", irq_stuck_cause, "irq_stuck_pending", {},
	  { "irq 45", "x1", "; cause=active_not_eoi: ",
	    "chained_irq_exit()" } },
	{ "irq_stuck_prefers_wake_armed", irq_stuck_two, "irq_stuck_pending",
	  {}, { "irq 31", "resume=unsupported", "x2" }, "irq 30" },
	{ "irq_stuck_earlier", irq_stuck_earlier, "irq_stuck_pending", {},
	  { "irq 52", "since before this cycle" }, "IRQ_STUCK_PENDING x" },
	{ "irq_stuck_unlisted", irq_stuck_unlisted, "irq_stuck_pending", {},
	  { "seq=977" } },
	{ "irq_stuck_miss_not_stuck", irq_pending_not_stuck, "ok", {}, {},
	  .miss = "irq_stuck_pending" },
	{ "ws_not_honored_holds", ws_not_honored, "ws_not_honored", {},
	  { "of psdv-keys while", "x1" }, "psdv-fine" },
	{ "ws_not_honored_miss_honored", ws_honored, "ok", {}, {},
	  .miss = "ws_not_honored" },
	{ "pmic_rtc_clock_holds", pmic_rtc_clock, "pmic_rtc_clock", {},
	  { "rtc_pwdn", "ck32k_sleep_off", "tps65911" }, "rtc_stopped" },
	{ "pmic_rtc_clock_miss_info", pmic_rtc_clock_info, "ok", {}, {},
	  .miss = "pmic_rtc_clock" },
	{ "pmic_wake_path_holds", pmic_wake_path, "pmic_wake_path", {},
	  { "int_pending", "rtc_it_sleep_masked", "tps65910" },
	  "rtc_alarm_masked" },
	{ "pmic_wake_path_miss_info", pmic_wake_path_info, "ok", {}, {},
	  .miss = "pmic_wake_path" },
	/* alarm_late is for other causes: not listed in also. */
	{ "alarm_rtc_holds", alarm_rtc, "alarm_rtc_granularity",
	  {}, { "BOOTTIME", "640 ms" } },
	{ "alarm_rtc_miss_unknown_cause", alarm_rtc_unknown, "alarm_late", {},
	  { "640 ms", "cause=unknown" }, .miss = "alarm_rtc_granularity" },
	{ "alarm_rtc_miss_not_late", alarm_rtc_not_late, "ok", {}, {},
	  .miss = "alarm_rtc_granularity" },
	{ "alarm_late_holds", alarm_late, "alarm_late", {},
	  { "REALTIME", "2500 ms", "cause=unknown" } },
	{ "alarm_late_miss_on_time", alarm_on_time, "ok", {}, {},
	  .miss = "alarm_late" },
	{ "resume_slow_holds", resume_slow, "resume_slow", {},
	  { "device psdv-slow", "psdv-drv", "320 ms", "resume",
	    "RESUME_SLOW x2" }, "psdv-quick" },
	{ "resume_slow_miss_under", resume_not_slow, "ok", {}, {},
	  .miss = "resume_slow" },
	{ "resume_slow_beats_alarm_late", resume_slow_and_alarm,
	  "resume_slow", { "alarm_late" }, { "psdv-slow" } },
	/* Victims: the worst named, with the share of the verdict's cause. */
	{ "sleepers_no_fault_ok", sleepers_only, "ok", {},
	  { "psdv-sleep (pid 77) overslept 1234 ms",
	    "presleep 10, suspended 1000, resume 200, thaw 24 ms" },
	  "psdv-other" },
	{ "sleepers_resume_slow_share", sleepers_resume_slow, "resume_slow",
	  {}, { "psdv-slow", "psdv-sleep", "200 ms of it in device resume" } },
	{ "sleepers_alarm_rtc_share", sleepers_alarm_rtc,
	  "alarm_rtc_granularity", {},
	  { "640 ms", "psdv-sleep", "1000 ms of it while suspended" } },
	{ "ws_stuck_holds", ws_stuck, "ws_stuck_active", {},
	  { "source psdv-held held", "x2" } },
	{ "ws_stuck_miss_released", ws_released, "ok", {}, {},
	  .miss = "ws_stuck_active" },
	{ "aborted_holds", aborted, "suspend_aborted", {},
	  { "step suspend", "source psdv-abort" } },
	{ "aborted_no_source", aborted_anon, "suspend_aborted", {},
	  { "step freeze" }, "wakeup source" },
	{ "aborted_miss_resumed", ws_in_suspend, "ok", {}, {},
	  .miss = "suspend_aborted" },
	{ "no_sleep_holds", no_sleep, "no_sleep", {}, { "pending wakeup" } },
	{ "no_sleep_miss_slept", nothing, "ok", {}, {}, .miss = "no_sleep" },
	{ "hrtimer_holds", hrt_late, "hrtimer_late_after_resume", {},
	  { "3 of 50", "1000 us", "2500000 ns" } },
	{ "hrtimer_window_only", hrt_late_window, "hrtimer_late_after_resume",
	  {}, { "post_resume" } },
	{ "hrtimer_miss_not_late", hrt_on_time, "ok", {}, {},
	  .miss = "hrtimer_late_after_resume" },
	{ "pmic_unreadable_holds", pmic_err, "pmic_unreadable", {},
	  { "err=-121" } },
	{ "pmic_unreadable_anomaly", pmic_io_anomaly, "pmic_unreadable", {},
	  { "x2" } },
	{ "pmic_unreadable_miss_unknown", pmic_unknown, "ok", {}, {},
	  .miss = "pmic_unreadable" },
	{ "ok_when_clean", nothing, "ok", {} },
	{ "irq_stuck_beats_ws_not_honored", irq_and_ws, "irq_stuck_pending",
	  { "ws_not_honored" }, { "irq 45" }, "psdv-keys" },
	{ "ws_not_honored_beats_alarm", ws_and_alarm, "ws_not_honored",
	  { "alarm_late" }, { "psdv-keys" } },
	{ "rtc_clock_beats_alarm_rtc", rtc_clock_and_alarm, "pmic_rtc_clock",
	  { "alarm_rtc_granularity" }, { "rtc_pwdn" }, "640" },
	{ "rtc_clock_beats_wake_path", rtc_clock_and_wake_path,
	  "pmic_rtc_clock", { "pmic_wake_path" }, { "rtc_pwdn" },
	  "int_pending" },
	{ "alarm_beats_ws_stuck", alarm_and_ws_stuck, "alarm_late",
	  { "ws_stuck_active" }, { "2500 ms" } },
	{ "ws_stuck_beats_aborted", aborted_and_ws_stuck, "ws_stuck_active",
	  { "suspend_aborted" }, { "psdv-held" } },
	{ "no_sleep_beats_hrtimer", no_sleep_and_hrt, "no_sleep",
	  { "hrtimer_late_after_resume" } },
	{ "hrtimer_beats_unreadable", hrt_and_pmic_err,
	  "hrtimer_late_after_resume", { "pmic_unreadable" }, { "3 of 50" } },
	{ "in_progress_beats_all", everything_open, "in_progress",
	  { "irq_stuck_pending", "ws_not_honored", "pmic_rtc_clock",
	    "pmic_wake_path", "alarm_rtc_granularity",
	    "ws_stuck_active", "hrtimer_late_after_resume",
	    "pmic_unreadable" }, { "4711" } },
};

static void verdict_case_desc(const struct verdict_case *c, char *desc)
{
	strscpy(desc, c->desc, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(verdict, verdict_cases, verdict_case_desc);

static void verdict_judges(struct kunit *test)
{
	const struct verdict_case *c = test->param_value;
	struct psd_report_cycle *r;
	struct psd_verdict v;
	u32 also = 0;
	unsigned int i;

	r = psd_kunit_record(test);
	clean(r);
	c->setup(test, r);
	for (i = 0; i < ARRAY_SIZE(c->also) && c->also[i]; i++)
		also |= BIT(rule_row(test, c->also[i]));

	psd_verdict(r, &v);
	KUNIT_ASSERT_NOT_NULL(test, v.rule);
	KUNIT_EXPECT_STREQ(test, v.rule->name, c->rule);
	KUNIT_EXPECT_EQ_MSG(test, v.also, also, "detail: %s", v.detail);
	KUNIT_EXPECT_FALSE(test, v.also & BIT(rule_row(test, c->rule)));
	KUNIT_EXPECT_FALSE(test, v.also & BIT(rule_row(test, "ok")));
	KUNIT_EXPECT_LT(test, strnlen(v.detail, sizeof(v.detail)),
			sizeof(v.detail));
	KUNIT_EXPECT_GT(test, strlen(v.detail), (size_t)0);
	for (i = 0; i < ARRAY_SIZE(c->evidence) && c->evidence[i]; i++)
		KUNIT_EXPECT_NOT_NULL_MSG(test, strstr(v.detail, c->evidence[i]),
					  "no \"%s\" in: %s", c->evidence[i],
					  v.detail);
	if (c->absent)
		KUNIT_EXPECT_NULL_MSG(test, strstr(v.detail, c->absent),
				      "\"%s\" in: %s", c->absent, v.detail);
}

/* Each rule has a row where it is the verdict and a near miss. */
static void verdict_every_rule_tested(struct kunit *test)
{
	unsigned int i, k, holds, misses;

	for (i = 0; psd_verdict_rule(i); i++) {
		const char *name = psd_verdict_rule(i)->name;

		holds = 0;
		misses = 0;
		for (k = 0; k < ARRAY_SIZE(verdict_cases); k++) {
			holds += !strcmp(verdict_cases[k].rule, name);
			misses += verdict_cases[k].miss &&
				  !strcmp(verdict_cases[k].miss, name);
		}
		KUNIT_EXPECT_GT_MSG(test, holds, 0U, "rule %s", name);
		if (strcmp(name, "ok"))
			KUNIT_EXPECT_GT_MSG(test, misses, 0U, "rule %s", name);
	}
	/* And no row names a rule the table lacks. */
	for (k = 0; k < ARRAY_SIZE(verdict_cases); k++)
		rule_row(test, verdict_cases[k].rule);
}

static void verdict_table_is_sound(struct kunit *test)
{
	unsigned int i, k, n = psd_kunit_nr_rules();

	KUNIT_ASSERT_GT(test, n, 1U);
	KUNIT_EXPECT_LE(test, n, 32U);
	KUNIT_EXPECT_STREQ(test, psd_verdict_rule(0)->name, "in_progress");
	KUNIT_EXPECT_STREQ(test, psd_verdict_rule(n - 1)->name, "ok");
	for (i = 0; i < n; i++) {
		const struct psd_verdict_rule *r = psd_verdict_rule(i);

		KUNIT_EXPECT_NOT_NULL(test, r->holds);
		KUNIT_EXPECT_GT(test, strlen(r->uses), (size_t)0);
		KUNIT_EXPECT_EQ(test, psd_verdict_rule_index(r->name), (int)i);
		if (i)	/* precedence is strict: no two rules tie */
			KUNIT_EXPECT_GT(test, r->prio,
					psd_verdict_rule(i - 1)->prio);
		for (k = 0; k < i; k++)
			KUNIT_EXPECT_STRNEQ(test, r->name,
					    psd_verdict_rule(k)->name);
	}
	KUNIT_EXPECT_EQ(test, psd_verdict_rule_index("no_such_rule"), -ENOENT);
	KUNIT_EXPECT_EQ(test, psd_verdict_rule_index(""), -ENOENT);
}

/* A verdict starts from nothing: nothing of a previous one leaks in. */
static void verdict_overwrites_everything(struct kunit *test)
{
	struct psd_report_cycle *r;
	struct psd_verdict v;

	r = psd_kunit_record(test);
	clean(r);
	everything_open(test, r);
	psd_verdict(r, &v);
	KUNIT_EXPECT_NE(test, v.also, 0U);

	clean(r);
	psd_verdict(r, &v);
	KUNIT_ASSERT_NOT_NULL(test, v.rule);
	KUNIT_EXPECT_STREQ(test, v.rule->name, "ok");
	KUNIT_EXPECT_EQ(test, v.also, 0U);
	KUNIT_EXPECT_NULL(test, strstr(v.detail, "4711"));
}

/* A 39-byte source name and every lint rule still give one short line. */
static void verdict_detail_bounded(struct kunit *test)
{
	static const char long_name[] = "psdv-a-very-long-wakeup-source-name-xyz";
	struct psd_report_cycle *r;
	struct psd_verdict v;

	r = psd_kunit_record(test);
	KUNIT_ASSERT_EQ(test, sizeof(long_name), (size_t)PSD_NAME_LEN);
	clean(r);
	add_ws(r, long_name, PSD_RPT_WS_NOT_HONORED);
	set_an(r, PSD_AN_WS_NOT_HONORED, 4000000000U, 1);
	psd_verdict(r, &v);
	KUNIT_EXPECT_STREQ(test, v.rule->name, "ws_not_honored");
	KUNIT_EXPECT_NOT_NULL(test, strstr(v.detail, long_name));
	KUNIT_EXPECT_LT(test, strlen(v.detail), sizeof(v.detail));

	clean(r);
	set_lint(test, r, "tps65911", "rtc_pwdn rtc_stopped ck32k_sleep_off",
		 NULL, NULL);
	psd_verdict(r, &v);
	KUNIT_EXPECT_STREQ(test, v.rule->name, "pmic_rtc_clock");
	KUNIT_EXPECT_NOT_NULL(test, strstr(v.detail, "rtc_pwdn"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(v.detail, "rtc_stopped"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(v.detail, "ck32k_sleep_off"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(v.detail, "tps65911"));
	KUNIT_EXPECT_LT(test, strlen(v.detail), sizeof(v.detail));
}

static struct kunit_case verdict_test_cases[] = {
	KUNIT_CASE_PARAM(verdict_judges, verdict_gen_params),
	KUNIT_CASE(verdict_every_rule_tested),
	KUNIT_CASE(verdict_table_is_sound),
	KUNIT_CASE(verdict_overwrites_everything),
	KUNIT_CASE(verdict_detail_bounded),
	{}
};

static struct kunit_suite verdict_suite = {
	.name = "pmic_sleepdiag_verdict",
	.test_cases = verdict_test_cases,
};

kunit_test_suite(verdict_suite);
