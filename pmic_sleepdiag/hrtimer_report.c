// SPDX-License-Identifier: GPL-2.0
/*
 * What the hrtimer layer puts in the report: each cycle's post_resume
 * timer window, and the verdict rule that blames late timer expiries
 * after the wake.
 */
#include <linux/bits.h>
#include <linux/kernel.h>

#include "hrtimer.h"

#define PSD_HRT(m, ty) PSD_FIELD(struct psd_rpt_hrt, m, #m, ty)

/* hrtimer=post_resume ...: timer latency after the wake. */
static const struct psd_field psd_hrt_fields[] = {
	PSD_HRT(count, U64),
	PSD_HRT(max_ns, U64),
	PSD_HRT(late, U64),
	PSD_HRT(late_us, U32),
	PSD_HRT(suspended, U64),
	{}
};

static void psd_hrt_text(struct seq_file *m, const void *part)
{
	psd_fields_text(m, "hrtimer=post_resume", part, psd_hrt_fields);
}

static void psd_hrt_json(struct psd_json *j, const void *part)
{
	psd_fields_json(j, "hrtimer_post_resume", part, psd_hrt_fields);
}

static bool psd_rule_hrtimer(const struct psd_report_cycle *r, char *detail,
			     size_t len)
{
	const struct psd_rpt_hrt *h = psd_report_part_of(r, &psd_hrtimer_layer);
	u8 windows = psd_rpt_anomaly_flags(r, PSD_AN_HRTIMER_LATE);

	if (!(windows & BIT(PSD_HRT_POST_RESUME)) && !(h && h->late))
		return false;
	if (h)
		scnprintf(detail, len,
			  "%llu of %llu timer expiries after the wake later than %u us, the latest by %llu ns (HRTIMER_LATE)",
			  h->late, h->count, h->late_us, h->max_ns);
	else
		scnprintf(detail, len,
			  "timer expiries after the wake were late (HRTIMER_LATE window=post_resume)");
	return true;
}

static const struct psd_verdict_rule psd_hrt_rules[] = {
	{ "hrtimer_late_after_resume", "hrtimer anomaly", psd_rule_hrtimer,
	  PSD_SHARE_THAW, 110 },
	{}
};

const struct psd_part psd_hrt_part = {
	.size = sizeof(struct psd_rpt_hrt),
	.text_at = PSD_PLACE_IRQ + 3,
	.json_at = PSD_PLACE_IRQ_JSON + 1,
	.text = psd_hrt_text,
	.json = psd_hrt_json,
	.rules = psd_hrt_rules,
};
