// SPDX-License-Identifier: GPL-2.0
/*
 * What the sleepers layer puts in the report: the user tasks whose timed
 * sleep each cycle prolonged, the worst first, and the worst one's share
 * of the verdict's cause added to its evidence.
 */
#include <linux/kernel.h>
#include <linux/seq_file.h>
#include <linux/string.h>

#include "sleepers.h"

#define PSD_SL(m, ty, ...) \
	PSD_FIELD(struct psd_rpt_sleeper, m, #m, ty, __VA_ARGS__)

/* sleeper=<how> ...: a user task whose timed sleep the cycle prolonged. */
static const struct psd_field psd_sleeper_fields[] = {
	PSD_SL(how, STR, .text = "sleeper"),
	PSD_SL(comm, NAME),
	PSD_SL(pid, S32),
	PSD_SL(clock, STR),
	PSD_SL(overslept_ms, U32),
	PSD_SL(presleep_ms, U32),
	PSD_SL(suspended_ms, U32),
	PSD_SL(resume_ms, U32),
	PSD_SL(thaw_ms, U32),
	{}
};

static void psd_sleepers_text(struct seq_file *m, const void *part)
{
	const struct psd_rpt_sleepers *sl = part;
	unsigned int i;

	for (i = 0; i < sl->n; i++)
		psd_fields_text(m, NULL, &sl->s[i], psd_sleeper_fields);
	if (sl->more)
		seq_printf(m, "sleeper_more=%u\n", sl->more);
}

/* The worst victims as an array (empty when none were seen). */
static void psd_sleepers_json(struct psd_json *j, const void *part)
{
	const struct psd_rpt_sleepers *sl = part;
	unsigned int i;

	psd_json_open(j, "sleepers", true);
	for (i = 0; sl && i < sl->n; i++)
		psd_fields_json(j, NULL, &sl->s[i], psd_sleeper_fields);
	psd_json_close(j, true);
	psd_json_u64(j, "sleepers_more", sl ? sl->more : 0);
}

/*
 * "; worst sleeper ..." after the rule's own evidence: the victim that
 * overslept most, and the part of it the rule's cause accounts for.
 */
static void psd_sleepers_note(const void *part, u8 share, char *detail,
			      size_t len)
{
	const struct psd_rpt_sleepers *sl = part;
	const struct psd_rpt_sleeper *s;
	size_t n = strnlen(detail, len);

	if (!sl || !sl->n)
		return;
	s = &sl->s[0];
	n += scnprintf(detail + n, len - n,
		       "; worst sleeper %s (pid %d) overslept %u ms", s->comm,
		       s->pid, s->overslept_ms);
	if (share == PSD_SHARE_ALL) {
		scnprintf(detail + n, len - n,
			  " (presleep %u, suspended %u, resume %u, thaw %u ms)",
			  s->presleep_ms, s->suspended_ms, s->resume_ms,
			  s->thaw_ms);
	} else if (share >= PSD_SHARE_PRESLEEP && share <= PSD_SHARE_THAW) {
		const struct {
			u32 ms;
			const char *where;
		} cut[] = {
			[PSD_SHARE_PRESLEEP] = { s->presleep_ms, "before the sleep" },
			[PSD_SHARE_SUSPENDED] = { s->suspended_ms, "while suspended" },
			[PSD_SHARE_RESUME] = { s->resume_ms, "in device resume" },
			[PSD_SHARE_THAW] = { s->thaw_ms, "from resume to thaw" },
		};

		scnprintf(detail + n, len - n, ", %u ms of it %s",
			  cut[share].ms, cut[share].where);
	}
}

const struct psd_part psd_sleepers_part = {
	.size = sizeof(struct psd_rpt_sleepers),
	.text_at = PSD_PLACE_IRQ + 2,
	.json_at = PSD_PLACE_HELD + 2,
	.text = psd_sleepers_text,
	.json = psd_sleepers_json,
	.note = psd_sleepers_note,
};
