// SPDX-License-Identifier: GPL-2.0
/*
 * What the sleepers layer puts in the report: the user tasks whose timed
 * sleep each cycle prolonged, the worst first, and the worst one's share
 * of the verdict's cause added to its evidence.
 */
#include <linux/kernel.h>
#include <linux/minmax.h>
#include <linux/seq_file.h>
#include <linux/string.h>

#include "sleepers.h"

/**
 * struct psd_rpt_sleeper - a user task's timed sleep that a cycle prolonged,
 *	as its report line shows it
 * @comm:	the task's comm
 * @pid:	its pid
 * @clock:	static name of the timer's clock
 * @how:	static "expired" or "cancelled"
 * @overslept_ms: thaw time minus its deadline
 * @presleep_ms: of it, before the sleep (freezing, device suspend)
 * @suspended_ms: in s2idle or machine suspend
 * @resume_ms:	in device resume
 * @thaw_ms:	from the end of device resume to the thaw
 */
struct psd_rpt_sleeper {
	char comm[TASK_COMM_LEN];
	s32 pid;
	const char *clock;
	const char *how;
	u32 overslept_ms;
	u32 presleep_ms;
	u32 suspended_ms;
	u32 resume_ms;
	u32 thaw_ms;
};

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

/* The victims the report shows: the worst few. */
static unsigned int psd_rpt_sleepers_shown(const struct psd_sl_cycle *r)
{
	return min_t(u32, r->nvict, PSD_RPT_SLEEPERS);
}

/* Victims of the cycle the report does not show, kept or not. */
static u32 psd_rpt_sleepers_more(const struct psd_sl_cycle *r)
{
	return r->nvict - psd_rpt_sleepers_shown(r) + r->dropped;
}

/* Victim @i of a judged cycle as its report line shows it. */
static void psd_rpt_sleeper_of(const struct psd_sl_cycle *r, unsigned int i,
			       struct psd_rpt_sleeper *s)
{
	memcpy(s->comm, r->v[i].comm, sizeof(s->comm));
	s->pid = r->v[i].pid;
	s->clock = psd_sl_clock_name(r->v[i].clock);
	s->how = psd_sl_how_name(r->v[i].how);
	s->overslept_ms = r->split[i].overslept_ms;
	s->presleep_ms = r->split[i].presleep_ms;
	s->suspended_ms = r->split[i].suspended_ms;
	s->resume_ms = r->split[i].resume_ms;
	s->thaw_ms = r->split[i].thaw_ms;
}

static void psd_sleepers_text(struct seq_file *m, const void *part)
{
	const struct psd_sl_cycle *r = part;
	struct psd_rpt_sleeper s;
	unsigned int i;

	for (i = 0; i < psd_rpt_sleepers_shown(r); i++) {
		psd_rpt_sleeper_of(r, i, &s);
		psd_fields_text(m, NULL, &s, psd_sleeper_fields);
	}
	if (psd_rpt_sleepers_more(r))
		seq_printf(m, "sleeper_more=%u\n", psd_rpt_sleepers_more(r));
}

/* The worst victims as an array (empty when none were seen). */
static void psd_sleepers_json(struct psd_json *j, const void *part)
{
	const struct psd_sl_cycle *r = part;
	struct psd_rpt_sleeper s;
	unsigned int i;

	psd_json_open(j, "sleepers", true);
	for (i = 0; r && i < psd_rpt_sleepers_shown(r); i++) {
		psd_rpt_sleeper_of(r, i, &s);
		psd_fields_json(j, NULL, &s, psd_sleeper_fields);
	}
	psd_json_close(j, true);
	psd_json_u64(j, "sleepers_more", r ? psd_rpt_sleepers_more(r) : 0);
}

/*
 * "; worst sleeper ..." after the rule's own evidence: the victim that
 * overslept most, and the part of it the rule's cause accounts for.
 */
static void psd_sleepers_note(const void *part, u8 share, char *detail,
			      size_t len)
{
	const struct psd_sl_cycle *r = part;
	size_t n = strnlen(detail, len);
	const struct psd_sl_split *s;

	if (!r || !r->nvict)
		return;
	s = &r->split[0];
	n += scnprintf(detail + n, len - n,
		       "; worst sleeper %s (pid %d) overslept %u ms",
		       r->v[0].comm, r->v[0].pid, s->overslept_ms);
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
	.size = sizeof(struct psd_sl_cycle),
	.text_at = PSD_PLACE_IRQ + 2,
	.json_at = PSD_PLACE_HELD + 2,
	.text = psd_sleepers_text,
	.json = psd_sleepers_json,
	.note = psd_sleepers_note,
};
