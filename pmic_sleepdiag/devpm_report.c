// SPDX-License-Identifier: GPL-2.0
/*
 * What the devpm layer puts in the report: each cycle's failed device PM
 * callbacks and its slowest of each direction, and the verdict rule that
 * blames a slow resume callback.
 */
#include <linux/kernel.h>
#include <linux/minmax.h>
#include <linux/seq_file.h>
#include <linux/time64.h>

#include "devpm.h"

static const char *const psd_devpm_dirs[PSD_DEVPM_NR_DIRS] = {
	[PSD_DEVPM_SUSPEND] = "suspend",
	[PSD_DEVPM_RESUME] = "resume",
};

static const char *psd_rpt_devpm_dir(unsigned int v)
{
	return psd_devpm_dirs[v % PSD_DEVPM_NR_DIRS];
}

#define PSD_CB(m, ty, ...) \
	PSD_FIELD(struct psd_rpt_devpm_cb, m, #m, ty, __VA_ARGS__)

/* devpm=failed|slow ...: one device PM callback (and a line of devpm). */
const struct psd_field psd_devpm_cb_fields[] = {
	PSD_CB(dir, WORD, .word = psd_rpt_devpm_dir),
	PSD_CB(phase, STR),
	PSD_CB(dev, NAME),
	PSD_CB(driver, NAME),
	PSD_CB(dur_us, U32),
	PSD_CB(err, S32),
	{}
};

/* The failed callbacks the report shows: the first few. */
static unsigned int psd_rpt_devpm_failed(const struct psd_devpm_rec *d)
{
	return min_t(unsigned int, d->nfailed, PSD_RPT_DEVPM_FAILED);
}

/* Failed callbacks the report does not show. */
static u32 psd_rpt_devpm_failed_more(const struct psd_devpm_rec *d)
{
	return d->failed_more + d->nfailed - psd_rpt_devpm_failed(d);
}

/* The slowest callbacks of @dir the report shows. */
static unsigned int psd_rpt_devpm_slow(const struct psd_devpm_rec *d,
				       unsigned int dir)
{
	return min_t(unsigned int, d->nslow[dir], PSD_RPT_DEVPM_SLOW);
}

/* Failed callbacks, then the slowest few of each direction. */
static void psd_devpm_text(struct seq_file *m, const void *part)
{
	const struct psd_devpm_rec *d = part;
	unsigned int i, dir;

	for (i = 0; i < psd_rpt_devpm_failed(d); i++)
		psd_fields_text(m, "devpm=failed", &d->failed[i],
				psd_devpm_cb_fields);
	if (psd_rpt_devpm_failed_more(d))
		seq_printf(m, "devpm=failed_more count=%u\n",
			   psd_rpt_devpm_failed_more(d));
	for (dir = 0; dir < PSD_DEVPM_NR_DIRS; dir++)
		for (i = 0; i < psd_rpt_devpm_slow(d, dir); i++)
			psd_fields_text(m, "devpm=slow", &d->slow[dir][i],
					psd_devpm_cb_fields);
}

static void psd_devpm_json(struct psd_json *j, const void *part)
{
	const struct psd_devpm_rec *d = part;
	unsigned int i, dir;

	if (!d) {
		psd_json_null(j, "devpm");
		return;
	}
	psd_json_open(j, "devpm", false);
	psd_json_open(j, "failed", true);
	for (i = 0; i < psd_rpt_devpm_failed(d); i++)
		psd_fields_json(j, NULL, &d->failed[i], psd_devpm_cb_fields);
	psd_json_close(j, true);
	psd_json_u64(j, "failed_more", psd_rpt_devpm_failed_more(d));
	psd_json_open(j, "slowest", true);
	for (dir = 0; dir < PSD_DEVPM_NR_DIRS; dir++)
		for (i = 0; i < psd_rpt_devpm_slow(d, dir); i++)
			psd_fields_json(j, NULL, &d->slow[dir][i],
					psd_devpm_cb_fields);
	psd_json_close(j, true);
	psd_json_close(j, false);
}

static bool psd_rule_resume_slow(const struct psd_report_cycle *r,
				 char *detail, size_t len)
{
	const struct psd_devpm_rec *d = psd_report_part_of(r, &psd_devpm_layer);
	u32 n = psd_rpt_anomalies(r, PSD_AN_RESUME_SLOW);
	const struct psd_rpt_devpm_cb *cb;

	if (!n)
		return false;
	/* The slowest resume callback is at least as slow as any flagged. */
	if (d && d->nslow[PSD_DEVPM_RESUME]) {
		cb = &d->slow[PSD_DEVPM_RESUME][0];
		scnprintf(detail, len,
			  "device %s (driver %s) took %u ms in %s (RESUME_SLOW x%u)",
			  cb->dev, cb->driver,
			  cb->dur_us / (u32)USEC_PER_MSEC, cb->phase, n);
	} else {
		scnprintf(detail, len,
			  "a device's resume callback was slow (RESUME_SLOW x%u)",
			  n);
	}
	return true;
}

static const struct psd_verdict_rule psd_devpm_rules[] = {
	{ "resume_slow", "devpm anomaly", psd_rule_resume_slow,
	  PSD_SHARE_RESUME, 60 },
	{}
};

const struct psd_part psd_devpm_part = {
	.size = sizeof(struct psd_devpm_rec),
	.text_at = PSD_PLACE_IRQ + 1,
	.json_at = PSD_PLACE_HELD + 1,
	.text = psd_devpm_text,
	.json = psd_devpm_json,
	.rules = psd_devpm_rules,
};
