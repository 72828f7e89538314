// SPDX-License-Identifier: GPL-2.0
/*
 * The report and report.json files: each kept cycle's record and verdict,
 * oldest first.  One seq_file record per cycle, so a read holds one
 * cycle's text at a time whatever keep_cycles is.  The cycles a read
 * covers are fixed when the file is opened; one forgotten meanwhile shows
 * as gone.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/bug.h>
#include <linux/fs.h>
#include <linux/seq_file.h>
#include <linux/slab.h>

#include "core.h"

/* What a wakeup source did, as the report names it. */
static const struct {
	u8 bit;
	const char *key;
} psd_ws_whats[] = {
	{ PSD_RPT_WS_IN_SUSPEND, "in_suspend" },
	{ PSD_RPT_WS_DEACTIVATED, "deactivated" },
	{ PSD_RPT_WS_NOT_HONORED, "not_honored" },
	{ PSD_RPT_WS_STUCK, "stuck" },
	{ PSD_RPT_WS_ABORTED, "aborted" },
};

/* An IRQ's cause= : "none" while it was not seen stuck in the cycle. */
static const char *psd_rpt_irq_cause(const struct psd_rpt_irq *e)
{
	if (!e->stuck)
		return "none";
	return e->cause ?: "unknown";
}

/* Write the names of the lint rules in @bits, separated by @sep. */
static void psd_lint_names(struct seq_file *m, const struct psd_rpt_pmic *p,
			   u32 bits, char sep)
{
	bool first = true;
	unsigned int i;

	for (i = 0; i < p->nrules; i++) {
		if (!(bits & BIT(i)))
			continue;
		if (!first)
			seq_putc(m, sep);
		seq_puts(m, p->rule_id(i));
		first = false;
	}
}

/* A snapshot's lint: "<key>=<chip> phase= err= warn= info= unknown=". */
static void psd_report_text_pmic(struct seq_file *m, const char *key,
				 const struct psd_rpt_pmic *p)
{
	seq_printf(m, "%s=%s phase=%s err=%d warn=\"", key, p->chip,
		   psd_phase_name(p->phase), p->err);
	psd_lint_names(m, p, p->warn, ' ');
	seq_puts(m, "\" info=\"");
	psd_lint_names(m, p, p->info, ' ');
	seq_puts(m, "\" unknown=\"");
	psd_lint_names(m, p, p->unknown, ' ');
	seq_puts(m, "\"\n");
}

static void psd_report_text_cycle(struct seq_file *m,
				  const struct psd_report_cycle *r)
{
	const struct psd_cycle *c = &r->c;

	seq_printf(m, "cycle=%u state=%s result=%s s2idle_loops=%u machine_suspends=%u step=%s",
		   c->id, psd_state_name(c->state), psd_result_name(c->result),
		   c->s2idle_loops, c->machine_suspends,
		   psd_step_name(c->step));
	seq_putc(m, ' ');
	psd_seq_wake_irq(m, c->wake_irq);
	seq_putc(m, ' ');
	psd_seq_str(m, "wake_irq_name", r->wake_irq_name);
	if (r->wake_child) {
		seq_printf(m, " wake_child_irq=%u ", r->wake_child_irq);
		psd_seq_str(m, "wake_child_name", r->wake_child_name);
	}
	if (c->abort_ws[0]) {
		seq_putc(m, ' ');
		psd_seq_str(m, "abort_ws", c->abort_ws);
	}
	if (c->abort_err) {
		seq_putc(m, ' ');
		psd_seq_str(m, "abort_dev", c->abort_dev);
		seq_printf(m, " abort_err=%d", c->abort_err);
	}
	seq_putc(m, '\n');
}

static const char *const psd_devpm_dirs[PSD_DEVPM_NR_DIRS] = {
	[PSD_DEVPM_SUSPEND] = "suspend",
	[PSD_DEVPM_RESUME] = "resume",
};

static void psd_report_text_devpm_cb(struct seq_file *m, const char *what,
				     const struct psd_rpt_devpm_cb *cb)
{
	seq_printf(m, "devpm=%s dir=%s phase=%s ", what,
		   psd_devpm_dirs[cb->dir % PSD_DEVPM_NR_DIRS], cb->phase);
	psd_seq_str(m, "dev", cb->dev);
	seq_putc(m, ' ');
	psd_seq_str(m, "driver", cb->driver);
	seq_printf(m, " dur_us=%u err=%d\n", cb->dur_us, cb->err);
}

/* Failed callbacks, then the slowest few of each direction. */
static void psd_report_text_devpm(struct seq_file *m,
				  const struct psd_rpt_devpm *d)
{
	unsigned int i, dir;

	for (i = 0; i < d->nfailed; i++)
		psd_report_text_devpm_cb(m, "failed", &d->failed[i]);
	if (d->failed_more)
		seq_printf(m, "devpm=failed_more count=%u\n", d->failed_more);
	for (dir = 0; dir < PSD_DEVPM_NR_DIRS; dir++)
		for (i = 0; i < d->nslow[dir]; i++)
			psd_report_text_devpm_cb(m, "slow", &d->slow[dir][i]);
}

/* The worst victims: sleeper=<how> comm= pid= clock= and the split. */
static void psd_report_text_sleepers(struct seq_file *m,
				     const struct psd_rpt_sleepers *sl)
{
	unsigned int i;

	for (i = 0; i < sl->n; i++) {
		const struct psd_rpt_sleeper *s = &sl->s[i];

		seq_printf(m, "sleeper=%s ", s->how);
		psd_seq_str(m, "comm", s->comm);
		seq_printf(m, " pid=%d clock=%s overslept_ms=%u presleep_ms=%u suspended_ms=%u resume_ms=%u thaw_ms=%u\n",
			   s->pid, s->clock, s->overslept_ms, s->presleep_ms,
			   s->suspended_ms, s->resume_ms, s->thaw_ms);
	}
	if (sl->more)
		seq_printf(m, "sleeper_more=%u\n", sl->more);
}

static void psd_report_text_phases(struct seq_file *m,
				   const struct psd_report_cycle *r)
{
	const struct psd_cycle *c = &r->c;
	unsigned int p;

	for (p = 0; p < PSD_PH_MANUAL; p++) {
		if (!c->t_start[p] && !c->t_end[p])
			continue;
		seq_printf(m, "phase=%s start_ns=%llu end_ns=%llu",
			   psd_phase_name(p), c->t_start[p], c->t_end[p]);
		if (c->t_start[p] && c->t_end[p] >= c->t_start[p])
			seq_printf(m, " dur_us=%llu",
				   div_u64(c->t_end[p] - c->t_start[p],
					   NSEC_PER_USEC));
		seq_putc(m, '\n');
	}
}

static void psd_report_text_layers(struct seq_file *m,
				   const struct psd_report_cycle *r)
{
	unsigned int i, k;

	if (r->has_alarm) {
		seq_printf(m, "alarm=%s expected_ns=%llu woke_ns=%llu fired_ns=%llu",
			   r->alarm.type, r->alarm.expected_ns,
			   r->alarm.woke_ns, r->alarm.fired_ns);
		if (r->alarm.late_known)
			seq_printf(m, " late_ms=%lld", r->alarm.late_ms);
		else
			seq_puts(m, " late_ms=unknown");
		seq_printf(m, " cause=%s\n", r->alarm.cause);
	}
	for (i = 0; i < r->nws; i++) {
		const struct psd_rpt_ws *w = &r->ws[i];

		psd_seq_str(m, "ws", w->name);
		seq_printf(m, " activations=%u", w->activations);
		for (k = 0; k < ARRAY_SIZE(psd_ws_whats); k++)
			seq_printf(m, " %s=%u", psd_ws_whats[k].key,
				   !!(w->what & psd_ws_whats[k].bit));
		seq_putc(m, '\n');
	}
	if (r->ws_more)
		seq_printf(m, "ws_more=%u\n", r->ws_more);
	if (r->has_pmic)
		psd_report_text_pmic(m, "pmic", &r->pmic);
	if (r->has_pmic_wake)
		psd_report_text_pmic(m, "pmic_wake", &r->pmic_wake);
	if (r->has_held) {
		seq_printf(m, "held_irq=%u ", r->held_irq);
		psd_seq_str(m, "name", r->held_name);
		seq_printf(m, " parent=%u t_ns=%llu\n", r->held_parent,
			   r->held_ns);
	}
	for (i = 0; i < r->nirq; i++)
		seq_printf(m, "irq=%u wake=%u pending_at_suspend=%s pending_at_resume=%s stuck=%u cause=%s\n",
			   r->irq[i].irq, r->irq[i].wake,
			   psd_irqp_bit_name(r->irq[i].at_suspend),
			   psd_irqp_bit_name(r->irq[i].at_resume),
			   r->irq[i].stuck, psd_rpt_irq_cause(&r->irq[i]));
	if (r->irq_more)
		seq_printf(m, "irq_more=%u\n", r->irq_more);
	if (r->has_devpm)
		psd_report_text_devpm(m, &r->devpm);
	if (r->has_sleepers)
		psd_report_text_sleepers(m, &r->sleepers);
	if (r->has_hrt)
		seq_printf(m, "hrtimer=post_resume count=%llu max_ns=%llu late=%llu late_us=%u suspended=%llu\n",
			   r->hrt.count, r->hrt.max_ns, r->hrt.late,
			   r->hrt.late_us, r->hrt.suspended);
	for (i = 0; i < PSD_NR_ANOMALY_CLASSES; i++)
		if (r->an[i].count)
			seq_printf(m, "anomaly=%s count=%u first_seq=%llu\n",
				   psd_anomaly_class_name(i), r->an[i].count,
				   r->an[i].first_seq);
}

/**
 * psd_report_text() - one cycle of the report file
 * @m: the seq_file
 * @r: the cycle's record
 * @v: its verdict
 *
 * A '#' header, the cycle line, its phases, one line per thing the layers
 * saw, and last the verdict line.  Each line starts with the key that
 * names it; uses= in the verdict refers to those keys.
 */
void psd_report_text(struct seq_file *m, const struct psd_report_cycle *r,
		     const struct psd_verdict *v)
{
	unsigned int i;
	bool first = true;

	seq_printf(m, "# cycle %u\n", r->c.id);
	psd_report_text_cycle(m, r);
	psd_report_text_phases(m, r);
	psd_report_text_layers(m, r);
	seq_printf(m, "verdict=%s cycle=%u uses=\"%s\" also=\"", v->rule->name,
		   r->c.id, v->rule->uses);
	for (i = 0; i < psd_nr_verdict_rules; i++) {
		if (!(v->also & BIT(i)))
			continue;
		seq_printf(m, "%s%s", first ? "" : " ",
			   psd_verdict_rules[i].name);
		first = false;
	}
	seq_puts(m, "\" ");
	psd_seq_str(m, "detail", v->detail);
	seq_putc(m, '\n');
}

/* ---- JSON ---- */

static void psd_json_lint(struct psd_json *j, const struct psd_rpt_pmic *p,
			  const char *key, u32 bits)
{
	unsigned int i;

	psd_json_open(j, key, true);
	for (i = 0; i < p->nrules; i++)
		if (bits & BIT(i))
			psd_json_str(j, NULL, p->rule_id(i));
	psd_json_close(j, true);
}

/* A snapshot's lint as an object, or null. */
static void psd_json_pmic(struct psd_json *j, const char *key,
			  const struct psd_rpt_pmic *p)
{
	if (!p) {
		psd_json_null(j, key);
		return;
	}
	psd_json_open(j, key, false);
	psd_json_str(j, "chip", p->chip);
	psd_json_str(j, "phase", psd_phase_name(p->phase));
	psd_json_s64(j, "err", p->err);
	psd_json_lint(j, p, "warn", p->warn);
	psd_json_lint(j, p, "info", p->info);
	psd_json_lint(j, p, "unknown", p->unknown);
	psd_json_close(j, false);
}

static void psd_json_devpm_cb(struct psd_json *j,
			      const struct psd_rpt_devpm_cb *cb)
{
	psd_json_open(j, NULL, false);
	psd_json_str(j, "dir", psd_devpm_dirs[cb->dir % PSD_DEVPM_NR_DIRS]);
	psd_json_str(j, "phase", cb->phase);
	psd_json_str(j, "dev", cb->dev);
	psd_json_str(j, "driver", cb->driver);
	psd_json_u64(j, "dur_us", cb->dur_us);
	psd_json_s64(j, "err", cb->err);
	psd_json_close(j, false);
}

static void psd_json_devpm(struct psd_json *j, const struct psd_rpt_devpm *d)
{
	unsigned int i, dir;

	psd_json_open(j, "devpm", false);
	psd_json_open(j, "failed", true);
	for (i = 0; i < d->nfailed; i++)
		psd_json_devpm_cb(j, &d->failed[i]);
	psd_json_close(j, true);
	psd_json_u64(j, "failed_more", d->failed_more);
	psd_json_open(j, "slowest", true);
	for (dir = 0; dir < PSD_DEVPM_NR_DIRS; dir++)
		for (i = 0; i < d->nslow[dir]; i++)
			psd_json_devpm_cb(j, &d->slow[dir][i]);
	psd_json_close(j, true);
	psd_json_close(j, false);
}

/* The worst victims as an array (empty when none were seen). */
static void psd_json_sleepers(struct psd_json *j,
			      const struct psd_rpt_sleepers *sl)
{
	unsigned int i;

	psd_json_open(j, "sleepers", true);
	for (i = 0; sl && i < sl->n; i++) {
		const struct psd_rpt_sleeper *s = &sl->s[i];

		psd_json_open(j, NULL, false);
		psd_json_str(j, "how", s->how);
		psd_json_str(j, "comm", s->comm);
		psd_json_s64(j, "pid", s->pid);
		psd_json_str(j, "clock", s->clock);
		psd_json_u64(j, "overslept_ms", s->overslept_ms);
		psd_json_u64(j, "presleep_ms", s->presleep_ms);
		psd_json_u64(j, "suspended_ms", s->suspended_ms);
		psd_json_u64(j, "resume_ms", s->resume_ms);
		psd_json_u64(j, "thaw_ms", s->thaw_ms);
		psd_json_close(j, false);
	}
	psd_json_close(j, true);
	psd_json_u64(j, "sleepers_more", sl ? sl->more : 0);
}

static void psd_json_layers(struct psd_json *j,
			    const struct psd_report_cycle *r)
{
	unsigned int i, k;

	if (r->has_alarm) {
		psd_json_open(j, "alarm", false);
		psd_json_str(j, "type", r->alarm.type);
		psd_json_u64(j, "expected_ns", r->alarm.expected_ns);
		psd_json_u64(j, "woke_ns", r->alarm.woke_ns);
		psd_json_u64(j, "fired_ns", r->alarm.fired_ns);
		if (r->alarm.late_known)
			psd_json_s64(j, "late_ms", r->alarm.late_ms);
		else
			psd_json_null(j, "late_ms");
		psd_json_str(j, "cause", r->alarm.cause);
		psd_json_close(j, false);
	} else {
		psd_json_null(j, "alarm");
	}

	psd_json_open(j, "wakeup_sources", true);
	for (i = 0; i < r->nws; i++) {
		psd_json_open(j, NULL, false);
		psd_json_str(j, "name", r->ws[i].name);
		psd_json_u64(j, "activations", r->ws[i].activations);
		for (k = 0; k < ARRAY_SIZE(psd_ws_whats); k++)
			psd_json_bool(j, psd_ws_whats[k].key,
				      r->ws[i].what & psd_ws_whats[k].bit);
		psd_json_close(j, false);
	}
	psd_json_close(j, true);
	psd_json_u64(j, "wakeup_sources_more", r->ws_more);

	psd_json_pmic(j, "pmic", r->has_pmic ? &r->pmic : NULL);
	psd_json_pmic(j, "pmic_wake", r->has_pmic_wake ? &r->pmic_wake : NULL);
	if (r->has_held) {
		psd_json_open(j, "held_irq", false);
		psd_json_u64(j, "irq", r->held_irq);
		psd_json_str(j, "name", r->held_name);
		psd_json_u64(j, "parent", r->held_parent);
		psd_json_u64(j, "t_ns", r->held_ns);
		psd_json_close(j, false);
	} else {
		psd_json_null(j, "held_irq");
	}

	if (r->has_devpm)
		psd_json_devpm(j, &r->devpm);
	else
		psd_json_null(j, "devpm");
	psd_json_sleepers(j, r->has_sleepers ? &r->sleepers : NULL);

	psd_json_open(j, "irqs", true);
	for (i = 0; i < r->nirq; i++) {
		psd_json_open(j, NULL, false);
		psd_json_u64(j, "irq", r->irq[i].irq);
		psd_json_bool(j, "wake", r->irq[i].wake);
		psd_json_str(j, "pending_at_suspend",
			     psd_irqp_bit_name(r->irq[i].at_suspend));
		psd_json_str(j, "pending_at_resume",
			     psd_irqp_bit_name(r->irq[i].at_resume));
		psd_json_bool(j, "stuck", r->irq[i].stuck);
		psd_json_str(j, "cause", psd_rpt_irq_cause(&r->irq[i]));
		psd_json_close(j, false);
	}
	psd_json_close(j, true);
	psd_json_u64(j, "irqs_more", r->irq_more);

	if (r->has_hrt) {
		psd_json_open(j, "hrtimer_post_resume", false);
		psd_json_u64(j, "count", r->hrt.count);
		psd_json_u64(j, "max_ns", r->hrt.max_ns);
		psd_json_u64(j, "late", r->hrt.late);
		psd_json_u64(j, "late_us", r->hrt.late_us);
		psd_json_u64(j, "suspended", r->hrt.suspended);
		psd_json_close(j, false);
	} else {
		psd_json_null(j, "hrtimer_post_resume");
	}

	psd_json_open(j, "anomalies", true);
	for (i = 0; i < PSD_NR_ANOMALY_CLASSES; i++) {
		if (!r->an[i].count)
			continue;
		psd_json_open(j, NULL, false);
		psd_json_str(j, "class", psd_anomaly_class_name(i));
		psd_json_u64(j, "count", r->an[i].count);
		psd_json_u64(j, "first_seq", r->an[i].first_seq);
		psd_json_close(j, false);
	}
	psd_json_close(j, true);
}

/**
 * psd_report_json() - one cycle of report.json, as one object
 * @j: the writer, positioned where the object goes
 * @r: the cycle's record
 * @v: its verdict
 */
void psd_report_json(struct psd_json *j, const struct psd_report_cycle *r,
		     const struct psd_verdict *v)
{
	const struct psd_cycle *c = &r->c;
	unsigned int p;

	psd_json_open(j, NULL, false);
	psd_json_u64(j, "cycle", c->id);
	psd_json_str(j, "state", psd_state_name(c->state));
	psd_json_str(j, "result", psd_result_name(c->result));
	psd_json_u64(j, "s2idle_loops", c->s2idle_loops);
	psd_json_u64(j, "machine_suspends", c->machine_suspends);
	psd_json_str(j, "step", psd_step_name(c->step));
	if (c->wake_irq >= 0)
		psd_json_s64(j, "wake_irq", c->wake_irq);
	else
		psd_json_str(j, "wake_irq", psd_wake_irq_word(c->wake_irq));
	psd_json_str(j, "wake_irq_name", r->wake_irq_name);
	if (r->wake_child)
		psd_json_u64(j, "wake_child_irq", r->wake_child_irq);
	else
		psd_json_null(j, "wake_child_irq");
	psd_json_str(j, "wake_child_name",
		     r->wake_child ? r->wake_child_name : NULL);
	psd_json_str(j, "abort_ws", c->abort_ws[0] ? c->abort_ws : NULL);
	psd_json_str(j, "abort_dev", c->abort_err ? c->abort_dev : NULL);
	if (c->abort_err)
		psd_json_s64(j, "abort_err", c->abort_err);
	else
		psd_json_null(j, "abort_err");

	psd_json_open(j, "phases", true);
	for (p = 0; p < PSD_PH_MANUAL; p++) {
		if (!c->t_start[p] && !c->t_end[p])
			continue;
		psd_json_open(j, NULL, false);
		psd_json_str(j, "phase", psd_phase_name(p));
		psd_json_u64(j, "start_ns", c->t_start[p]);
		psd_json_u64(j, "end_ns", c->t_end[p]);
		psd_json_close(j, false);
	}
	psd_json_close(j, true);

	psd_json_layers(j, r);

	psd_json_open(j, "verdict", false);
	psd_json_str(j, "rule", v->rule->name);
	psd_json_str(j, "uses", v->rule->uses);
	psd_json_open(j, "also", true);
	for (p = 0; p < psd_nr_verdict_rules; p++)
		if (v->also & BIT(p))
			psd_json_str(j, NULL, psd_verdict_rules[p].name);
	psd_json_close(j, true);
	psd_json_str(j, "detail", v->detail);
	psd_json_close(j, false);

	psd_json_close(j, false);
}

/* ---- the files ---- */

/* One open file: the cycles it covers and room for one cycle's record. */
struct psd_report_iter {
	u32 first;
	u32 n;			/* cycles covered */
	bool json;
	struct psd_report_cycle r;
	struct psd_verdict v;
};

/* Records: one per cycle, then one for the end (JSON's closing). */
static void *psd_report_start(struct seq_file *m, loff_t *pos)
{
	struct psd_report_iter *it = m->private;

	return *pos <= it->n ? it : NULL;
}

static void *psd_report_next(struct seq_file *m, void *v, loff_t *pos)
{
	++*pos;
	return psd_report_start(m, pos);
}

static void psd_report_stop(struct seq_file *m, void *v)
{
}

static void psd_report_show_json(struct seq_file *m,
				 struct psd_report_iter *it, loff_t pos)
{
	struct psd_json j;

	psd_json_resume(&j, m, true, pos);
	if (!pos)
		seq_printf(m, "{\"version\":%d,\"cycles\":[",
			   PSD_INTERFACE_VERSION);
	if (pos == it->n) {
		seq_puts(m, "]}\n");
		return;
	}
	if (psd_report_get(it->first + pos, &it->r)) {
		psd_verdict(&it->r, &it->v);
		psd_report_json(&j, &it->r, &it->v);
	} else {
		psd_json_open(&j, NULL, false);
		psd_json_u64(&j, "cycle", it->first + pos);
		psd_json_bool(&j, "gone", true);
		psd_json_close(&j, false);
	}
	WARN_ON_ONCE(j.err || j.depth != 1);
}

static int psd_report_show(struct seq_file *m, void *v)
{
	struct psd_report_iter *it = v;
	loff_t pos = m->index;

	if (it->json) {
		psd_report_show_json(m, it, pos);
		return 0;
	}
	if (!pos && !it->n)
		seq_puts(m, "# no suspend cycle seen yet\n");
	if (pos == it->n)
		return 0;
	if (psd_report_get(it->first + pos, &it->r)) {
		psd_verdict(&it->r, &it->v);
		psd_report_text(m, &it->r, &it->v);
	} else {
		seq_printf(m, "# cycle %lld forgotten while reading\n",
			   it->first + pos);
	}
	return 0;
}

static const struct seq_operations psd_report_sops = {
	.start = psd_report_start,
	.next = psd_report_next,
	.stop = psd_report_stop,
	.show = psd_report_show,
};

static int psd_report_open_as(struct file *file, bool json)
{
	struct psd_report_iter *it;
	u32 last;

	it = __seq_open_private(file, &psd_report_sops, sizeof(*it));
	if (!it)
		return -ENOMEM;
	it->json = json;
	if (psd_report_range(&it->first, &last))
		it->n = last - it->first + 1;
	return 0;
}

static int psd_report_open(struct inode *inode, struct file *file)
{
	return psd_report_open_as(file, false);
}

static int psd_report_json_open(struct inode *inode, struct file *file)
{
	return psd_report_open_as(file, true);
}

const struct file_operations psd_report_fops = {
	.owner = THIS_MODULE,
	.open = psd_report_open,
	.read = seq_read,
	.llseek = seq_lseek,
	.release = seq_release_private,
};

const struct file_operations psd_report_json_fops = {
	.owner = THIS_MODULE,
	.open = psd_report_json_open,
	.read = seq_read,
	.llseek = seq_lseek,
	.release = seq_release_private,
};
