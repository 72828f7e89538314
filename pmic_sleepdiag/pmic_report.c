// SPDX-License-Identifier: GPL-2.0
/*
 * What the pmic layer puts in the report: the lint of each cycle's
 * pre-sleep snapshot and of its first after the wake, and the verdict
 * rules that blame the PMIC's sleep configuration or its bus.
 */
#include <linux/bits.h>
#include <linux/kernel.h>
#include <linux/string.h>

#include "pmic.h"

/* The name of rule @bit of a lint, NULL past the last. */
static const char *psd_rpt_pmic_rule(const void *rec, unsigned int bit)
{
	const struct psd_rpt_pmic *p = rec;

	return bit < p->nrules ? p->rule_id(bit) : NULL;
}

/* pmic= or pmic_wake= ...: a snapshot's lint; @key_ names the line. */
#define PSD_PMIC_FIELDS(key_) {						\
	PSD_FIELD(struct psd_rpt_pmic, chip, "chip", STR, .text = key_), \
	PSD_FIELD(struct psd_rpt_pmic, phase, "phase", WORD,		\
		  .word = psd_phase_name),				\
	PSD_FIELD(struct psd_rpt_pmic, err, "err", S32),		\
	PSD_FIELD(struct psd_rpt_pmic, warn, "warn", BITS,		\
		  .bit_name = psd_rpt_pmic_rule),			\
	PSD_FIELD(struct psd_rpt_pmic, info, "info", BITS,		\
		  .bit_name = psd_rpt_pmic_rule),			\
	PSD_FIELD(struct psd_rpt_pmic, unknown, "unknown", BITS,	\
		  .bit_name = psd_rpt_pmic_rule),			\
	{}								\
}

static const struct psd_field psd_pmic_fields[] = PSD_PMIC_FIELDS("pmic");
static const struct psd_field psd_pmic_wake_fields[] =
	PSD_PMIC_FIELDS("pmic_wake");

static void psd_pmic_text(struct seq_file *m, const void *part)
{
	const struct psd_pmic_part *pp = part;

	if (pp->presleep.has)
		psd_fields_text(m, NULL, &pp->presleep.lint, psd_pmic_fields);
	if (pp->wake.has)
		psd_fields_text(m, NULL, &pp->wake.lint, psd_pmic_wake_fields);
}

static const struct psd_rpt_pmic *psd_pmic_lint(const struct psd_pmic_seen *s)
{
	return s->has ? &s->lint : NULL;
}

static void psd_pmic_json(struct psd_json *j, const void *part)
{
	static const struct psd_pmic_part none;
	const struct psd_pmic_part *pp = part ?: &none;

	psd_fields_json(j, "pmic", psd_pmic_lint(&pp->presleep),
			psd_pmic_fields);
	psd_fields_json(j, "pmic_wake", psd_pmic_lint(&pp->wake),
			psd_pmic_wake_fields);
}

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
	const struct psd_pmic_part *pp = psd_report_part_of(r, &psd_pmic_layer);
	const struct psd_rpt_wake_alarm *a = psd_rpt_wake_alarm(r);
	bool late = a && a->beyond_step &&
		    psd_rpt_anomalies(r, PSD_AN_ALARM_LATE);
	const struct psd_rpt_pmic *p = NULL;
	const char *held;
	size_t n = 0;
	int woke_by;

	if (pp && pp->presleep.has) {
		p = &pp->presleep.lint;
		n = psd_lint_held(p, l, detail, len);
	}
	if (!n && late && pp && pp->wake.has) {
		p = &pp->wake.lint;
		n = psd_lint_held(p, l, detail, len);
	}
	held = late && l->held ? psd_rpt_held_back(r, &woke_by) : NULL;
	if (!n && held) {
		n = scnprintf(detail, len,
			      "%s interrupt held back until irq %d woke the system, as %s does",
			      held, woke_by, l->held);
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
			  a->type, a->late_ms);
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

static bool psd_rule_pmic_unreadable(const struct psd_report_cycle *r,
				     char *detail, size_t len)
{
	const struct psd_pmic_part *pp = psd_report_part_of(r, &psd_pmic_layer);
	int err = pp && pp->presleep.has ? pp->presleep.lint.err : 0;
	u32 n = psd_rpt_anomalies(r, PSD_AN_PMIC_IO_ERROR);

	if (!n && !err)
		return false;
	scnprintf(detail, len,
		  "PMIC reads failed (err=%d, PMIC_IO_ERROR x%u): its sleep configuration is partly unknown",
		  err, n);
	return true;
}

static const struct psd_verdict_rule psd_pmic_rules[] = {
	{ "pmic_rtc_clock", "pmic pmic_wake alarm", psd_rule_pmic_rtc_clock,
	  PSD_SHARE_SUSPENDED, 30 },
	{ "pmic_wake_path", "pmic pmic_wake held_irq alarm",
	  psd_rule_pmic_wake_path, PSD_SHARE_SUSPENDED, 40 },
	{ "pmic_unreadable", "pmic anomaly", psd_rule_pmic_unreadable,
	  PSD_SHARE_NONE, 120 },
	{}
};

const struct psd_part psd_pmic_part = {
	.size = sizeof(struct psd_pmic_part),
	.text_at = PSD_PLACE_WS + 1,
	.json_at = PSD_PLACE_WS + 1,
	.text = psd_pmic_text,
	.json = psd_pmic_json,
	.rules = psd_pmic_rules,
};
