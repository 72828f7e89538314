// SPDX-License-Identifier: GPL-2.0
/*
 * What the alarm layer puts in the report: the alarm armed across each
 * cycle's suspend, and the verdict rules that blame a late alarm on the
 * RTC's one-second step or on a cause it names.
 */
#include <linux/kernel.h>
#include <linux/string.h>

#include "internal.h"

static bool psd_rpt_alarm_late_known(const void *rec)
{
	return ((const struct psd_rpt_alarm *)rec)->late_known;
}

#define PSD_AL(m, key, ty, ...) \
	PSD_FIELD(struct psd_rpt_alarm, m, key, ty, __VA_ARGS__)

/* alarm= ...: the alarm armed across the suspend. */
static const struct psd_field psd_alarm_fields[] = {
	PSD_AL(type, "type", STR, .text = "alarm"),
	PSD_AL(expected_ns, "expected_ns", U64),
	PSD_AL(woke_ns, "woke_ns", U64),
	PSD_AL(fired_ns, "fired_ns", U64),
	PSD_AL(late_ms, "late_ms", S64, .when = psd_rpt_alarm_late_known,
	       .unset = "unknown"),
	PSD_AL(cause, "cause", STR),
	{}
};

static void psd_alarm_text(struct seq_file *m, const void *part)
{
	psd_fields_text(m, NULL, part, psd_alarm_fields);
}

static void psd_alarm_json(struct psd_json *j, const void *part)
{
	psd_fields_json(j, "alarm", part, psd_alarm_fields);
}

/* The cycle's alarm if it was late (ALARM_LATE), else NULL. */
static const struct psd_rpt_alarm *
psd_alarm_was_late(const struct psd_report_cycle *r)
{
	const struct psd_rpt_alarm *a = psd_report_part_of(r, &psd_alarm_layer);

	return a && psd_rpt_anomalies(r, PSD_AN_ALARM_LATE) ? a : NULL;
}

static bool psd_rule_alarm_rtc(const struct psd_report_cycle *r,
			       char *detail, size_t len)
{
	const struct psd_rpt_alarm *a = psd_alarm_was_late(r);

	if (!a || strcmp(a->cause, "rtc_granularity"))
		return false;
	scnprintf(detail, len,
		  "%s alarm late by %lld ms, woken by the RTC within its one-second step (ALARM_LATE)",
		  a->type, a->late_ms);
	return true;
}

static bool psd_rule_alarm_late(const struct psd_report_cycle *r,
				char *detail, size_t len)
{
	const struct psd_rpt_alarm *a = psd_alarm_was_late(r);

	if (!a || !strcmp(a->cause, "rtc_granularity"))
		return false;
	scnprintf(detail, len, "%s alarm late by %lld ms, cause=%s (ALARM_LATE)",
		  a->type, a->late_ms, a->cause);
	return true;
}

static const struct psd_verdict_rule psd_alarm_rules[] = {
	{ "alarm_rtc_granularity", "alarm anomaly", psd_rule_alarm_rtc,
	  PSD_SHARE_SUSPENDED, 50 },
	{ "alarm_late", "alarm anomaly", psd_rule_alarm_late,
	  PSD_SHARE_SUSPENDED, 70 },
	{}
};

const struct psd_part psd_alarm_part = {
	.size = sizeof(struct psd_rpt_alarm),
	.text_at = PSD_PLACE_WS - 1,
	.json_at = PSD_PLACE_WS - 1,
	.text = psd_alarm_text,
	.json = psd_alarm_json,
	.rules = psd_alarm_rules,
};
