// SPDX-License-Identifier: GPL-2.0
/*
 * The verdict: the most likely cause of a late or failed wake in one
 * cycle, from the cycle's record.  The rules are rows, tried in order; the
 * first that holds is the verdict, the others that hold are listed after
 * it.  Each rule names the report lines it reads (uses=) and writes one
 * line of evidence from them, so a reader can check it.
 *
 * Order: a cause that stops the wake itself comes before one that only
 * delays it, and what the hardware did before what software saw.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/time64.h>

#include "core.h"

/*
 * An argument of a rule's evidence: the PMIC lint rules it looks for and,
 * when the lint cannot show it, the rule an RTC interrupt held back by
 * the PMIC until the system was awake points to.
 */
struct psd_verdict_lint {
	const char *rules[4];
	const char *means;
	const char *held;
};

static const struct psd_verdict_lint psd_lint_rtc_clock = {
	{ "rtc_pwdn", "rtc_stopped", "ck32k_sleep_off" },
	"the RTC cannot keep time or raise its alarm in SLEEP",
};

static const struct psd_verdict_lint psd_lint_wake_path = {
	{ "rtc_alarm_masked", "rtc_alarm_stale", "int_pending",
	  "rtc_it_sleep_masked" },
	"the PMIC's wake interrupt path is blocked in SLEEP",
	"rtc_it_sleep_masked",
};

static bool psd_rule_in_progress(const struct psd_report_cycle *r,
				 char *detail, size_t len)
{
	if (r->c.result != PSD_RES_OPEN)
		return false;
	scnprintf(detail, len, "cycle %u has not ended yet", r->c.id);
	return true;
}

static bool psd_rule_irq_stuck(const struct psd_report_cycle *r,
			       char *detail, size_t len)
{
	const struct psd_rpt_irq *e = NULL;
	unsigned int i;
	size_t n;

	for (i = 0; i < r->nirq; i++)
		if (r->irq[i].stuck && (!e || (r->irq[i].wake && !e->wake)))
			e = &r->irq[i];
	if (e && r->an[PSD_AN_IRQ_STUCK_PENDING].count)
		scnprintf(detail, len,
			  "irq %u%s pending at suspend=%s resume=%s and never handled (IRQ_STUCK_PENDING x%u)",
			  e->irq, e->wake ? " (wake-armed)" : "",
			  psd_irqp_bit_name(e->at_suspend),
			  psd_irqp_bit_name(e->at_resume),
			  r->an[PSD_AN_IRQ_STUCK_PENDING].count);
	else if (e)	/* one anomaly per episode, raised in an earlier cycle */
		scnprintf(detail, len,
			  "irq %u%s pending at suspend=%s resume=%s and never handled, stuck since before this cycle",
			  e->irq, e->wake ? " (wake-armed)" : "",
			  psd_irqp_bit_name(e->at_suspend),
			  psd_irqp_bit_name(e->at_resume));
	else if (r->an[PSD_AN_IRQ_STUCK_PENDING].count)
		scnprintf(detail, len,
			  "IRQ_STUCK_PENDING seq=%llu: a watched IRQ stayed pending, never handled",
			  r->an[PSD_AN_IRQ_STUCK_PENDING].first_seq);
	else
		return false;
	/* The irqchip's reason, and what to do about it. */
	n = strlen(detail);
	if (e && e->cause)
		scnprintf(detail + n, len - n, "; cause=%s: %s", e->cause,
			  e->advice ?: "");
	return true;
}

static const struct psd_rpt_ws *psd_ws_with(const struct psd_report_cycle *r,
					    u8 what)
{
	unsigned int i;

	for (i = 0; i < r->nws; i++)
		if (r->ws[i].what & what)
			return &r->ws[i];
	return NULL;
}

static bool psd_rule_ws_not_honored(const struct psd_report_cycle *r,
				    char *detail, size_t len)
{
	const struct psd_rpt_ws *w = psd_ws_with(r, PSD_RPT_WS_NOT_HONORED);
	u32 n = r->an[PSD_AN_WS_NOT_HONORED].count;

	if (!n && !w)
		return false;
	scnprintf(detail, len,
		  "wakeup event of %s while suspending did not stop the sleep (WS_NOT_HONORED x%u)",
		  w ? w->name : "?", n);
	return true;
}

static bool psd_alarm_was_late(const struct psd_report_cycle *r)
{
	return r->has_alarm && r->an[PSD_AN_ALARM_LATE].count;
}

/* Late by more than the RTC's one-second step. */
static bool psd_alarm_was_very_late(const struct psd_report_cycle *r)
{
	return psd_alarm_was_late(r) &&
	       strcmp(r->alarm.cause, "rtc_granularity");
}

/*
 * The PMIC's RTC interrupt fired only after another IRQ had woken the
 * system (once the last sleep was over, before device interrupts were
 * back): the PMIC held it in SLEEP, as IT_SLEEP_MASK_EN makes it do; the
 * register is rewritten by then, so no snapshot shows it.
 */
static bool psd_rtc_held(const struct psd_report_cycle *r)
{
	u64 woke = max(r->c.t_end[PSD_PH_S2IDLE],
		       r->c.t_end[PSD_PH_MACHINE_SUSPEND]);

	return r->has_held && r->c.wake_irq >= 0 &&
	       r->held_parent != (u32)r->c.wake_irq && woke &&
	       r->held_ns >= woke;
}

/* Name @l's lint rules that warn in @p into @detail; the length written. */
static size_t psd_lint_held(const struct psd_rpt_pmic *p,
			    const struct psd_verdict_lint *l, char *detail,
			    size_t len)
{
	size_t n = 0;
	unsigned int i;
	int idx;

	for (i = 0; i < ARRAY_SIZE(l->rules) && l->rules[i]; i++) {
		for (idx = 0; idx < (int)p->nrules; idx++)
			if (!strcmp(p->rule_id(idx), l->rules[i]))
				break;
		if (idx == (int)p->nrules || !(p->warn & BIT(idx)))
			continue;
		n += scnprintf(detail + n, len - n, "%s%s", n ? "," : "",
			       l->rules[i]);
	}
	return n;
}

/*
 * Which of @l's lint rules warn on the cycle's pre-sleep snapshot or,
 * when the alarm came later than the RTC's step, on its first snapshot
 * after the wake: what went wrong in SLEEP (a sticky fault, a change after
 * the last pre-sleep read) shows there, before the resume's writes undo
 * it.  The alarm's lateness is the effect, named with the cause.
 */
static bool psd_rule_lint(const struct psd_report_cycle *r,
			  const struct psd_verdict_lint *l, char *detail,
			  size_t len)
{
	bool late = psd_alarm_was_very_late(r);
	const struct psd_rpt_pmic *p = NULL;
	size_t n = 0;

	if (r->has_pmic) {
		p = &r->pmic;
		n = psd_lint_held(p, l, detail, len);
	}
	if (!n && late && r->has_pmic_wake) {
		p = &r->pmic_wake;
		n = psd_lint_held(p, l, detail, len);
	}
	if (!n && late && l->held && psd_rtc_held(r)) {
		n = scnprintf(detail, len,
			      "%s interrupt held back until irq %d woke the system, as %s does",
			      r->held_name, r->c.wake_irq, l->held);
		p = NULL;
	}
	if (!n)
		return false;
	if (p)
		n += scnprintf(detail + n, len - n,
			       " hold on %s's %s snapshot: %s", p->chip,
			       psd_phase_name(p->phase), l->means);
	if (late)
		scnprintf(detail + n, len - n, "; %s alarm late by %lld ms",
			  r->alarm.type, r->alarm.late_ms);
	return true;
}

static bool psd_rule_pmic_rtc_clock(const struct psd_report_cycle *r,
				    char *detail, size_t len)
{
	return psd_rule_lint(r, &psd_lint_rtc_clock, detail, len);
}

static bool psd_rule_pmic_wake_path(const struct psd_report_cycle *r,
				    char *detail, size_t len)
{
	return psd_rule_lint(r, &psd_lint_wake_path, detail, len);
}

static bool psd_rule_alarm_rtc(const struct psd_report_cycle *r,
			       char *detail, size_t len)
{
	if (!psd_alarm_was_late(r) ||
	    strcmp(r->alarm.cause, "rtc_granularity"))
		return false;
	scnprintf(detail, len,
		  "%s alarm late by %lld ms, woken by the RTC within its one-second step (ALARM_LATE)",
		  r->alarm.type, r->alarm.late_ms);
	return true;
}

static bool psd_rule_alarm_late(const struct psd_report_cycle *r,
				char *detail, size_t len)
{
	if (!psd_alarm_was_late(r) ||
	    !strcmp(r->alarm.cause, "rtc_granularity"))
		return false;
	scnprintf(detail, len, "%s alarm late by %lld ms, cause=%s (ALARM_LATE)",
		  r->alarm.type, r->alarm.late_ms, r->alarm.cause);
	return true;
}

static bool psd_rule_ws_stuck(const struct psd_report_cycle *r, char *detail,
			      size_t len)
{
	const struct psd_rpt_ws *w = psd_ws_with(r, PSD_RPT_WS_STUCK);
	u32 n = r->an[PSD_AN_WS_STUCK_ACTIVE].count;

	if (!n && !w)
		return false;
	scnprintf(detail, len,
		  "wakeup source %s held active too long or across two aborted attempts (WS_STUCK_ACTIVE x%u)",
		  w ? w->name : "?", n);
	return true;
}

static bool psd_rule_aborted(const struct psd_report_cycle *r, char *detail,
			     size_t len)
{
	const struct psd_rpt_ws *w = psd_ws_with(r, PSD_RPT_WS_ABORTED);

	if (r->c.result != PSD_RES_ABORTED)
		return false;
	/* A failed callback is the cause, whatever source was active. */
	if (r->c.abort_err) {
		scnprintf(detail, len,
			  "suspend aborted in step %s by device %s: its PM callback returned %d",
			  psd_step_name(r->c.step), r->c.abort_dev,
			  r->c.abort_err);
		return true;
	}
	scnprintf(detail, len, "suspend aborted in step %s%s%s",
		  psd_step_name(r->c.step), w ? " by wakeup source " : "",
		  w ? w->name : "");
	return true;
}

static bool psd_rule_no_sleep(const struct psd_report_cycle *r, char *detail,
			      size_t len)
{
	if (r->c.result != PSD_RES_NO_SLEEP)
		return false;
	scnprintf(detail, len,
		  "devices suspended, then a pending wakeup ended the cycle before it slept");
	return true;
}

static bool psd_rule_hrtimer(const struct psd_report_cycle *r, char *detail,
			     size_t len)
{
	if (!(r->hrt_late_windows & BIT(PSD_HRT_POST_RESUME)) &&
	    !(r->has_hrt && r->hrt.late))
		return false;
	if (r->has_hrt)
		scnprintf(detail, len,
			  "%llu of %llu timer expiries after the wake later than %u us, the latest by %llu ns (HRTIMER_LATE)",
			  r->hrt.late, r->hrt.count, r->hrt.late_us,
			  r->hrt.max_ns);
	else
		scnprintf(detail, len,
			  "timer expiries after the wake were late (HRTIMER_LATE window=post_resume)");
	return true;
}

static bool psd_rule_pmic_unreadable(const struct psd_report_cycle *r,
				     char *detail, size_t len)
{
	if (!r->an[PSD_AN_PMIC_IO_ERROR].count && !(r->has_pmic && r->pmic.err))
		return false;
	scnprintf(detail, len,
		  "PMIC reads failed (err=%d, PMIC_IO_ERROR x%u): its sleep configuration is partly unknown",
		  r->has_pmic ? r->pmic.err : 0, r->an[PSD_AN_PMIC_IO_ERROR].count);
	return true;
}

static bool psd_rule_resume_slow(const struct psd_report_cycle *r,
				 char *detail, size_t len)
{
	const struct psd_rpt_devpm_cb *cb = &r->devpm.slow[PSD_DEVPM_RESUME][0];
	unsigned int n = r->an[PSD_AN_RESUME_SLOW].count;

	if (!n)
		return false;
	/* The slowest resume callback is at least as slow as any flagged. */
	if (r->has_devpm && r->devpm.nslow[PSD_DEVPM_RESUME])
		scnprintf(detail, len,
			  "device %s (driver %s) took %u ms in %s (RESUME_SLOW x%u)",
			  cb->dev, cb->driver,
			  cb->dur_us / (u32)USEC_PER_MSEC,
			  cb->phase, n);
	else
		scnprintf(detail, len,
			  "a device's resume callback was slow (RESUME_SLOW x%u)",
			  n);
	return true;
}

static bool psd_rule_ok(const struct psd_report_cycle *r, char *detail,
			size_t len)
{
	scnprintf(detail, len, "no layer saw anything wrong");
	return true;
}

/*
 * In precedence order.  uses= names the report lines by their first key;
 * the last column is the part of a sleeper's oversleep the cause explains.
 */
const struct psd_verdict_rule psd_verdict_rules[] = {
	{ "in_progress", "cycle", psd_rule_in_progress, PSD_SHARE_NONE },
	{ "irq_stuck_pending", "irq anomaly", psd_rule_irq_stuck,
	  PSD_SHARE_SUSPENDED },
	{ "ws_not_honored", "ws anomaly", psd_rule_ws_not_honored,
	  PSD_SHARE_SUSPENDED },
	{ "pmic_rtc_clock", "pmic pmic_wake alarm", psd_rule_pmic_rtc_clock,
	  PSD_SHARE_SUSPENDED },
	{ "pmic_wake_path", "pmic pmic_wake held_irq alarm",
	  psd_rule_pmic_wake_path, PSD_SHARE_SUSPENDED },
	{ "alarm_rtc_granularity", "alarm anomaly", psd_rule_alarm_rtc,
	  PSD_SHARE_SUSPENDED },
	{ "resume_slow", "devpm anomaly", psd_rule_resume_slow,
	  PSD_SHARE_RESUME },
	{ "alarm_late", "alarm anomaly", psd_rule_alarm_late,
	  PSD_SHARE_SUSPENDED },
	{ "ws_stuck_active", "ws anomaly", psd_rule_ws_stuck,
	  PSD_SHARE_PRESLEEP },
	{ "suspend_aborted", "cycle ws devpm", psd_rule_aborted,
	  PSD_SHARE_PRESLEEP },
	{ "no_sleep", "cycle", psd_rule_no_sleep, PSD_SHARE_PRESLEEP },
	{ "hrtimer_late_after_resume", "hrtimer anomaly", psd_rule_hrtimer,
	  PSD_SHARE_THAW },
	{ "pmic_unreadable", "pmic anomaly", psd_rule_pmic_unreadable,
	  PSD_SHARE_NONE },
	{ "ok", "cycle", psd_rule_ok, PSD_SHARE_ALL },
};

const unsigned int psd_nr_verdict_rules = ARRAY_SIZE(psd_verdict_rules);

static_assert(ARRAY_SIZE(psd_verdict_rules) <= 32);

/*
 * "; worst sleeper ..." after the rule's own evidence: the victim that
 * overslept most, and the part of it the rule's cause accounts for.
 */
static void psd_verdict_sleeper(const struct psd_report_cycle *r, u8 share,
				char *detail, size_t len)
{
	static const char *const where[] = {
		[PSD_SHARE_PRESLEEP] = "before the sleep",
		[PSD_SHARE_SUSPENDED] = "while suspended",
		[PSD_SHARE_RESUME] = "in device resume",
		[PSD_SHARE_THAW] = "from resume to thaw",
	};
	const struct psd_rpt_sleeper *s = &r->sleepers.s[0];
	size_t n = strnlen(detail, len);
	u32 part;

	if (!r->has_sleepers || !r->sleepers.n)
		return;
	n += scnprintf(detail + n, len - n,
		       "; worst sleeper %s (pid %d) overslept %u ms", s->comm,
		       s->pid, s->overslept_ms);
	switch (share) {
	case PSD_SHARE_PRESLEEP:
		part = s->presleep_ms;
		break;
	case PSD_SHARE_SUSPENDED:
		part = s->suspended_ms;
		break;
	case PSD_SHARE_RESUME:
		part = s->resume_ms;
		break;
	case PSD_SHARE_THAW:
		part = s->thaw_ms;
		break;
	case PSD_SHARE_ALL:
		scnprintf(detail + n, len - n,
			  " (presleep %u, suspended %u, resume %u, thaw %u ms)",
			  s->presleep_ms, s->suspended_ms, s->resume_ms,
			  s->thaw_ms);
		return;
	default:
		return;
	}
	scnprintf(detail + n, len - n, ", %u ms of it %s", part, where[share]);
}

/**
 * psd_verdict() - judge a cycle
 * @r: the cycle's record
 * @v: the verdict: the first rule that holds, its evidence, the others
 *
 * Context: any; reads @r only.
 */
void psd_verdict(const struct psd_report_cycle *r, struct psd_verdict *v)
{
	char other[PSD_VERDICT_DETAIL];
	unsigned int i;

	memset(v, 0, sizeof(*v));
	for (i = 0; i < psd_nr_verdict_rules; i++) {
		const struct psd_verdict_rule *rule = &psd_verdict_rules[i];

		if (!v->rule) {
			if (rule->holds(r, v->detail, sizeof(v->detail)))
				v->rule = rule;
		} else if (rule->holds(r, other, sizeof(other)) &&
			   strcmp(rule->name, "ok")) {
			v->also |= BIT(i);
		}
	}
	psd_verdict_sleeper(r, v->rule->share, v->detail, sizeof(v->detail));
}

/**
 * psd_verdict_rule_index() - the row of a verdict rule
 * @name: its verdict= name
 *
 * Return: the row, or -ENOENT.
 */
int psd_verdict_rule_index(const char *name)
{
	unsigned int i;

	for (i = 0; i < psd_nr_verdict_rules; i++)
		if (!strcmp(psd_verdict_rules[i].name, name))
			return i;
	return -ENOENT;
}
