// SPDX-License-Identifier: GPL-2.0
/*
 * The verdict: the most likely cause of a late or failed wake in one
 * cycle, from the cycle's record.  The rules are rows, the core's and
 * each layer's, tried in precedence order; the first that holds is the
 * verdict, the others that hold are listed after it.  Each rule names
 * the report lines it reads (uses=) and writes one line of evidence from
 * them, so a reader can check it.
 *
 * Order (struct psd_verdict_rule.prio): a cause that stops the wake itself
 * comes before one that only delays it, and what the hardware did before
 * what software saw.  The layers' rules sit between the core's:
 *
 *   0 in_progress, 10 irq_stuck_pending, 20 ws_not_honored,
 *   30 pmic_rtc_clock, 40 pmic_wake_path (pmic), 50 alarm_rtc_granularity
 *   (alarm), 60 resume_slow (devpm), 70 alarm_late (alarm),
 *   80 ws_stuck_active, 90 suspend_aborted, 100 no_sleep,
 *   110 hrtimer_late_after_resume (hrtimer), 120 pmic_unreadable (pmic),
 *   255 ok.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/time64.h>

#include "core.h"
#include "../kunit/visible.h"

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

/*
 * Whether a wakeup-source rule holds: a source is marked @what or anomaly
 * @cls was raised.  *@name is the first such source ("?" if none is
 * marked), *@n the anomaly's count.
 */
static bool psd_ws_rule_holds(const struct psd_report_cycle *r, u8 what,
			      unsigned int cls, const char **name, u32 *n)
{
	const struct psd_rpt_ws *w = psd_ws_with(r, what);

	*n = r->an[cls].count;
	*name = w ? w->name : "?";
	return *n || w;
}

static bool psd_rule_ws_not_honored(const struct psd_report_cycle *r,
				    char *detail, size_t len)
{
	const char *name;
	u32 n;

	if (!psd_ws_rule_holds(r, PSD_RPT_WS_NOT_HONORED,
			       PSD_AN_WS_NOT_HONORED, &name, &n))
		return false;
	scnprintf(detail, len,
		  "wakeup event of %s while suspending did not stop the sleep (WS_NOT_HONORED x%u)",
		  name, n);
	return true;
}

static bool psd_rule_ws_stuck(const struct psd_report_cycle *r, char *detail,
			      size_t len)
{
	const char *name;
	u32 n;

	if (!psd_ws_rule_holds(r, PSD_RPT_WS_STUCK, PSD_AN_WS_STUCK_ACTIVE,
			       &name, &n))
		return false;
	scnprintf(detail, len,
		  "wakeup source %s held active too long or across two aborted attempts (WS_STUCK_ACTIVE x%u)",
		  name, n);
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

static bool psd_rule_ok(const struct psd_report_cycle *r, char *detail,
			size_t len)
{
	scnprintf(detail, len, "no layer saw anything wrong");
	return true;
}

/*
 * The core's own rules; each layer brings its own in its struct psd_part.
 * uses= names the report lines by their first key; share is the part of a
 * sleeper's oversleep the cause explains; prio places the rule among all.
 */
static const struct psd_verdict_rule psd_verdict_core_rules[] = {
	{ "in_progress", "cycle", psd_rule_in_progress, PSD_SHARE_NONE, 0 },
	{ "irq_stuck_pending", "irq anomaly", psd_rule_irq_stuck,
	  PSD_SHARE_SUSPENDED, 10 },
	{ "ws_not_honored", "ws anomaly", psd_rule_ws_not_honored,
	  PSD_SHARE_SUSPENDED, 20 },
	{ "ws_stuck_active", "ws anomaly", psd_rule_ws_stuck,
	  PSD_SHARE_PRESLEEP, 80 },
	{ "suspend_aborted", "cycle ws devpm", psd_rule_aborted,
	  PSD_SHARE_PRESLEEP, 90 },
	{ "no_sleep", "cycle", psd_rule_no_sleep, PSD_SHARE_PRESLEEP, 100 },
	{ "ok", "cycle", psd_rule_ok, PSD_SHARE_ALL, U8_MAX },
	{}
};

/* Every layer's rules and the core's, in precedence order. */
#define PSD_MAX_RULES	32	/* bits of struct psd_verdict.also */
static const struct psd_verdict_rule *psd_verdict_order[PSD_MAX_RULES];
static unsigned int psd_verdict_nr;

/**
 * psd_verdict_add() - take in a layer's verdict rules
 * @rules: the rules, ending with an empty one; or NULL
 *
 * Return: 0, -EINVAL if a rule's precedence is taken, -E2BIG past 32.
 */
int psd_verdict_add(const struct psd_verdict_rule *rules)
{
	unsigned int i, k;

	for (i = 0; rules && rules[i].name; i++) {
		if (psd_verdict_nr == PSD_MAX_RULES)
			return -E2BIG;
		/* Its place, checked before anything moves. */
		k = 0;
		while (k < psd_verdict_nr &&
		       psd_verdict_order[k]->prio < rules[i].prio)
			k++;
		if (k < psd_verdict_nr &&
		    psd_verdict_order[k]->prio == rules[i].prio)
			return -EINVAL;
		memmove(&psd_verdict_order[k + 1], &psd_verdict_order[k],
			(psd_verdict_nr - k) * sizeof(psd_verdict_order[0]));
		psd_verdict_order[k] = &rules[i];
		psd_verdict_nr++;
	}
	return 0;
}

/**
 * psd_verdict_init() - forget the layers' rules, keep the core's
 *
 * Return: 0.
 */
int psd_verdict_init(void)
{
	psd_verdict_nr = 0;
	return psd_verdict_add(psd_verdict_core_rules);
}

/**
 * psd_verdict_rule() - a verdict rule by its rank in precedence
 * @i: the rank, from 0
 *
 * Return: the rule, or NULL past the last.
 */
const struct psd_verdict_rule *psd_verdict_rule(unsigned int i)
{
	return i < psd_verdict_nr ? psd_verdict_order[i] : NULL;
}

/**
 * psd_rpt_anomalies() - how many anomalies of a class a cycle raised
 * @r: the cycle
 * @cls: enum psd_anomaly_class
 *
 * Return: the count.
 */
u32 psd_rpt_anomalies(const struct psd_report_cycle *r, unsigned int cls)
{
	return cls < PSD_NR_ANOMALY_CLASSES ? r->an[cls].count : 0;
}

/**
 * psd_rpt_anomaly_flags() - the flag values of a class's anomalies in a
 *	cycle (a layer's sub-kind: the hrtimer window, ...)
 * @r: the cycle
 * @cls: enum psd_anomaly_class
 *
 * Return: bit f set when one had flag f (below 8).
 */
u8 psd_rpt_anomaly_flags(const struct psd_report_cycle *r, unsigned int cls)
{
	return cls < PSD_NR_ANOMALY_CLASSES ? r->an[cls].flags : 0;
}

/**
 * psd_rpt_wake_alarm() - the alarm armed across a cycle's suspend
 * @r: the cycle
 *
 * Return: the alarm as its layer told it, or NULL if none was.
 */
const struct psd_rpt_wake_alarm *
psd_rpt_wake_alarm(const struct psd_report_cycle *r)
{
	return r->has_wake_alarm ? &r->wake_alarm : NULL;
}

/**
 * psd_rpt_held_back() - an RTC interrupt a nested irqchip held back in
 *	SLEEP, by name
 * @r: the cycle
 * @woke_by: set to the IRQ that woke the system instead
 *
 * The PMIC's RTC interrupt fired only after another IRQ had woken the
 * system (once the last sleep was over, before device interrupts were
 * back): the PMIC held it in SLEEP, as IT_SLEEP_MASK_EN makes it do; the
 * register is rewritten by then, so no snapshot shows it.
 *
 * Return: the held interrupt's action name, or NULL.
 */
const char *psd_rpt_held_back(const struct psd_report_cycle *r, int *woke_by)
{
	u64 woke = max(r->c.t_end[PSD_PH_S2IDLE],
		       r->c.t_end[PSD_PH_MACHINE_SUSPEND]);

	if (!r->has_held || r->c.wake_irq < 0 ||
	    r->held_parent == (u32)r->c.wake_irq || !woke ||
	    r->held_ns < woke)
		return NULL;
	*woke_by = r->c.wake_irq;
	return r->held_name;
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
	const struct psd_layer *l;
	unsigned int i;

	memset(v, 0, sizeof(*v));
	for (i = 0; i < psd_verdict_nr; i++) {
		const struct psd_verdict_rule *rule = psd_verdict_order[i];

		if (!v->rule) {
			if (rule->holds(r, v->detail, sizeof(v->detail)))
				v->rule = rule;
		} else if (rule->holds(r, other, sizeof(other)) &&
			   strcmp(rule->name, "ok")) {
			v->also |= BIT(i);
		}
	}
	/* What the layers add to the evidence: the worst sleeper's share. */
	for (i = 0; (l = psd_layer_part(i, false)); i++)
		if (l->part->note)
			l->part->note(psd_report_part_of(r, l), v->rule->share,
				      v->detail, sizeof(v->detail));
}

#if IS_ENABLED(CONFIG_KUNIT)
/**
 * psd_verdict_rule_index() - the row of a verdict rule
 * @name: its verdict= name
 *
 * Return: the row, or -ENOENT.
 */
int psd_verdict_rule_index(const char *name)
{
	unsigned int i;

	for (i = 0; i < psd_verdict_nr; i++)
		if (!strcmp(psd_verdict_order[i]->name, name))
			return i;
	return -ENOENT;
}
#endif
