// SPDX-License-Identifier: GPL-2.0
/*
 * The bounded record behind the devpm file: which device PM callbacks
 * failed in a cycle and which were slowest, and the callbacks in flight.
 *
 * Asynchronous suspend runs callbacks of many devices at once, so their
 * start and end events interleave: a start is matched to its end by the
 * device, which runs one callback at a time.  Everything is fixed-size;
 * what does not fit is counted.  The callers hold the layer's lock.
 */
#include <linux/kernel.h>
#include <linux/string.h>

#include "devpm.h"

static const char *const psd_devpm_phase_names[] = {
	[PSD_DP_PREPARE] = "prepare",
	[PSD_DP_SUSPEND] = "suspend",
	[PSD_DP_SUSPEND_LATE] = "suspend_late",
	[PSD_DP_SUSPEND_NOIRQ] = "suspend_noirq",
	[PSD_DP_RESUME_NOIRQ] = "resume_noirq",
	[PSD_DP_RESUME_EARLY] = "resume_early",
	[PSD_DP_RESUME] = "resume",
	[PSD_DP_COMPLETE] = "complete",
};

/**
 * psd_devpm_phase_name() - the phase= name of a dpm_* step
 * @phase: enum psd_devpm_phase
 *
 * Return: the name, or "unknown".
 */
const char *psd_devpm_phase_name(unsigned int phase)
{
	return phase < ARRAY_SIZE(psd_devpm_phase_names) ?
	       psd_devpm_phase_names[phase] : "unknown";
}

/**
 * psd_devpm_phase_dir() - the direction of a dpm_* step
 * @phase: enum psd_devpm_phase
 *
 * Return: PSD_DEVPM_SUSPEND up to suspend_noirq, else PSD_DEVPM_RESUME.
 */
enum psd_devpm_dir psd_devpm_phase_dir(unsigned int phase)
{
	return phase <= PSD_DP_SUSPEND_NOIRQ ? PSD_DEVPM_SUSPEND :
					       PSD_DEVPM_RESUME;
}

/* Keep @cb among the slowest of its direction, slowest first. */
static void psd_devpm_rec_slow(struct psd_devpm_rec *r,
			       const struct psd_rpt_devpm_cb *cb)
{
	struct psd_rpt_devpm_cb *row = r->slow[cb->dir];
	u8 *n = &r->nslow[cb->dir];
	unsigned int i;

	/* Ties keep the earlier one: the later must be strictly slower. */
	for (i = *n; i > 0 && row[i - 1].dur_us < cb->dur_us; i--)
		;
	if (i == PSD_DEVPM_SLOWEST)
		return;
	if (*n < PSD_DEVPM_SLOWEST)
		(*n)++;
	memmove(&row[i + 1], &row[i], (*n - 1 - i) * sizeof(row[0]));
	row[i] = *cb;
}

/**
 * psd_devpm_rec_add() - record one callback that ended
 * @r: the cycle's record
 * @cb: the callback; @cb->dir must be a direction
 *
 * Context: any; bounded work, no allocation.
 */
void psd_devpm_rec_add(struct psd_devpm_rec *r,
		       const struct psd_rpt_devpm_cb *cb)
{
	if (cb->dir >= PSD_DEVPM_NR_DIRS)
		return;
	r->calls[cb->dir]++;
	if (cb->err) {
		if (r->nfailed < PSD_DEVPM_FAILED)
			r->failed[r->nfailed++] = *cb;
		else
			r->failed_more++;
	}
	psd_devpm_rec_slow(r, cb);
}

/**
 * psd_devpm_flight_start() - a callback of @dev started
 * @in: the table
 * @dev: the device
 * @t_ns: when
 * @phase: enum psd_devpm_phase
 *
 * Return: false when every slot is taken (counted in @in->dropped).
 */
bool psd_devpm_flight_start(struct psd_devpm_inflight *in, const void *dev,
			    u64 t_ns, u8 phase)
{
	struct psd_devpm_flight *free = NULL;
	unsigned int i;

	for (i = 0; i < PSD_DEVPM_INFLIGHT; i++) {
		/* A start whose end was never seen: this one replaces it. */
		if (in->f[i].dev == dev) {
			free = &in->f[i];
			break;
		}
		if (!in->f[i].dev && !free)
			free = &in->f[i];
	}
	if (!free) {
		in->dropped++;
		return false;
	}
	free->dev = dev;
	free->t_ns = t_ns;
	free->phase = phase;
	return true;
}

/**
 * psd_devpm_flight_end() - the callback of @dev ended
 * @in: the table
 * @dev: the device
 * @out: its start, and the slot is freed
 *
 * Return: false when no start of @dev is in flight (counted in
 * @in->unmatched).
 */
bool psd_devpm_flight_end(struct psd_devpm_inflight *in, const void *dev,
			  struct psd_devpm_flight *out)
{
	unsigned int i;

	for (i = 0; i < PSD_DEVPM_INFLIGHT; i++) {
		if (in->f[i].dev != dev)
			continue;
		*out = in->f[i];
		in->f[i].dev = NULL;
		return true;
	}
	in->unmatched++;
	return false;
}
