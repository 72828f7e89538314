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
#include "../kunit/visible.h"

/* ---- the fields of each line, and of its report.json object ---- */

#define PSD_RC(m, key, ty, ...) \
	PSD_FIELD(struct psd_report_cycle, m, key, ty, __VA_ARGS__)

static const char *psd_rpt_state(unsigned int v)
{
	return psd_state_name(v);
}

static bool psd_rpt_has_child(const void *rec)
{
	return ((const struct psd_report_cycle *)rec)->wake_child;
}

static bool psd_rpt_has_abort_ws(const void *rec)
{
	return ((const struct psd_report_cycle *)rec)->c.abort_ws[0];
}

static bool psd_rpt_has_abort_dev(const void *rec)
{
	return ((const struct psd_report_cycle *)rec)->c.abort_err;
}

/* cycle= ...: the tracker's record, the wake IRQ and an abort's cause. */
static const struct psd_field psd_cycle_fields[] = {
	PSD_RC(c.id, "cycle", U32),
	PSD_RC(c.state, "state", WORD, .word = psd_rpt_state),
	PSD_RC(c.result, "result", WORD, .word = psd_result_name),
	PSD_RC(c.s2idle_loops, "s2idle_loops", U32),
	PSD_RC(c.machine_suspends, "machine_suspends", U32),
	PSD_RC(c.step, "step", WORD, .word = psd_step_name),
	PSD_RC(c.wake_irq, "wake_irq", WAKE_IRQ),
	PSD_RC(wake_irq_name, "wake_irq_name", NAME),
	PSD_RC(wake_child_irq, "wake_child_irq", U32,
	       .when = psd_rpt_has_child),
	PSD_RC(wake_child_name, "wake_child_name", NAME,
	       .when = psd_rpt_has_child),
	PSD_RC(c.abort_ws, "abort_ws", NAME, .when = psd_rpt_has_abort_ws),
	PSD_RC(c.abort_dev, "abort_dev", NAME, .when = psd_rpt_has_abort_dev),
	PSD_RC(c.abort_err, "abort_err", S32, .when = psd_rpt_has_abort_dev),
	{}
};

/* One phase the cycle passed, as its phase= line shows it. */
struct psd_rpt_phase {
	const char *phase;
	u64 start_ns;
	u64 end_ns;
	u64 dur_us;
	bool has_dur;
};

static bool psd_rpt_phase_has_dur(const void *rec)
{
	return ((const struct psd_rpt_phase *)rec)->has_dur;
}

#define PSD_PH(m, ty, ...) \
	PSD_FIELD(struct psd_rpt_phase, m, #m, ty, __VA_ARGS__)

static const struct psd_field psd_phase_fields[] = {
	PSD_PH(phase, STR),
	PSD_PH(start_ns, U64),
	PSD_PH(end_ns, U64),
	PSD_PH(dur_us, U64, .when = psd_rpt_phase_has_dur, .text_only = true),
	{}
};

#define PSD_WS(m, key, ty, ...) \
	PSD_FIELD(struct psd_rpt_ws, m, key, ty, __VA_ARGS__)

/* ws= ...: a wakeup source, and what it did in the cycle. */
static const struct psd_field psd_ws_fields[] = {
	PSD_WS(name, "name", NAME, .text = "ws"),
	PSD_WS(activations, "activations", U32),
	PSD_WS(what, "in_suspend", BIT, .bit = PSD_RPT_WS_IN_SUSPEND),
	PSD_WS(what, "deactivated", BIT, .bit = PSD_RPT_WS_DEACTIVATED),
	PSD_WS(what, "not_honored", BIT, .bit = PSD_RPT_WS_NOT_HONORED),
	PSD_WS(what, "stuck", BIT, .bit = PSD_RPT_WS_STUCK),
	PSD_WS(what, "aborted", BIT, .bit = PSD_RPT_WS_ABORTED),
	{}
};

/* held_irq= ...: an RTC interrupt its nested irqchip held back. */
static const struct psd_field psd_held_fields[] = {
	PSD_RC(held_irq, "irq", U32, .text = "held_irq"),
	PSD_RC(held_name, "name", NAME),
	PSD_RC(held_parent, "parent", U32),
	PSD_RC(held_ns, "t_ns", U64),
	{}
};

static const char *psd_rpt_irqp_word(unsigned int v)
{
	return psd_irqp_bit_name(v);
}

/* An IRQ's cause= : "none" while it was not seen stuck in the cycle. */
static const char *psd_rpt_irq_cause(const void *rec)
{
	const struct psd_rpt_irq *e = rec;

	if (!e->stuck)
		return "none";
	return e->cause ?: "unknown";
}

#define PSD_IRQ(m, key, ty, ...) \
	PSD_FIELD(struct psd_rpt_irq, m, key, ty, __VA_ARGS__)

/* irq= ...: a watched IRQ seen pending in the cycle. */
static const struct psd_field psd_irq_fields[] = {
	PSD_IRQ(irq, "irq", U32),
	PSD_IRQ(wake, "wake", BOOL),
	PSD_IRQ(at_suspend, "pending_at_suspend", WORD,
		.word = psd_rpt_irqp_word),
	PSD_IRQ(at_resume, "pending_at_resume", WORD,
		.word = psd_rpt_irqp_word),
	PSD_IRQ(stuck, "stuck", BOOL),
	PSD_IRQ(irq, "cause", FN, .fn = psd_rpt_irq_cause),
	{}
};

/* One anomaly class raised in the cycle. */
struct psd_rpt_an_line {
	const char *name;
	u32 count;
	u64 first_seq;
};

#define PSD_AN(m, key, ty, ...) \
	PSD_FIELD(struct psd_rpt_an_line, m, key, ty, __VA_ARGS__)

static const struct psd_field psd_an_fields[] = {
	PSD_AN(name, "class", STR, .text = "anomaly"),
	PSD_AN(count, "count", U32),
	PSD_AN(first_seq, "first_seq", U64),
	{}
};

/* Phase @p of @c as its line's record; false if the cycle did not pass it. */
static bool psd_rpt_phase(const struct psd_cycle *c, unsigned int p,
			  struct psd_rpt_phase *out)
{
	*out = (struct psd_rpt_phase){
		.phase = psd_phase_name(p),
		.start_ns = c->t_start[p],
		.end_ns = c->t_end[p],
		.has_dur = c->t_start[p] && c->t_end[p] >= c->t_start[p],
	};
	if (out->has_dur)
		out->dur_us = div_u64(c->t_end[p] - c->t_start[p],
				      NSEC_PER_USEC);
	return c->t_start[p] || c->t_end[p];
}

/* The anomaly class @i of @r as a line's record; false if none raised. */
static bool psd_rpt_an(const struct psd_report_cycle *r, unsigned int i,
		       struct psd_rpt_an_line *out)
{
	out->name = psd_anomaly_class_name(i);
	out->count = r->an[i].count;
	out->first_seq = r->an[i].first_seq;
	return out->count;
}

/* ---- the report ---- */

/* The layers' parts whose place is below @to, from *@i on. */
static void psd_report_text_parts(struct seq_file *m,
				  const struct psd_report_cycle *r,
				  unsigned int *i, unsigned int to)
{
	const struct psd_layer *l;
	const void *part;

	for (; (l = psd_layer_part(*i, false)) && l->part->text_at < to; ++*i) {
		part = psd_report_part_of(r, l);
		if (part)
			l->part->text(m, part);
	}
}

/*
 * A list the record keeps: a line for each of its @n records, @size bytes
 * apart from @recs, and "@more_key=@more" when some did not fit.
 */
static void psd_report_text_list(struct seq_file *m, const void *recs,
				 unsigned int n, size_t size,
				 const struct psd_field *f,
				 const char *more_key, u32 more)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		psd_fields_text(m, NULL, recs + i * size, f);
	if (more)
		seq_printf(m, "%s=%u\n", more_key, more);
}

static void psd_report_text_layers(struct seq_file *m,
				   const struct psd_report_cycle *r)
{
	struct psd_rpt_an_line an;
	unsigned int i, p = 0;

	psd_report_text_parts(m, r, &p, PSD_PLACE_WS);
	psd_report_text_list(m, r->ws, r->nws, sizeof(r->ws[0]), psd_ws_fields,
			     "ws_more", r->ws_more);
	psd_report_text_parts(m, r, &p, PSD_PLACE_HELD);
	if (r->has_held)
		psd_fields_text(m, NULL, r, psd_held_fields);
	psd_report_text_parts(m, r, &p, PSD_PLACE_IRQ);
	psd_report_text_list(m, r->irq, r->nirq, sizeof(r->irq[0]),
			     psd_irq_fields, "irq_more", r->irq_more);
	psd_report_text_parts(m, r, &p, PSD_PLACE_ANOMALY);
	for (i = 0; i < PSD_NR_ANOMALY_CLASSES; i++)
		if (psd_rpt_an(r, i, &an))
			psd_fields_text(m, NULL, &an, psd_an_fields);
	psd_report_text_parts(m, r, &p, U8_MAX + 1);
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
VISIBLE_IF_KUNIT void psd_report_text(struct seq_file *m,
				      const struct psd_report_cycle *r,
				      const struct psd_verdict *v)
{
	const struct psd_verdict_rule *rule;
	struct psd_rpt_phase ph;
	bool first = true;
	unsigned int i;

	seq_printf(m, "# cycle %u\n", r->c.id);
	psd_fields_text(m, NULL, r, psd_cycle_fields);
	for (i = 0; i < PSD_PH_MANUAL; i++)
		if (psd_rpt_phase(&r->c, i, &ph))
			psd_fields_text(m, NULL, &ph, psd_phase_fields);
	psd_report_text_layers(m, r);
	seq_printf(m, "verdict=%s cycle=%u uses=\"%s\" also=\"", v->rule->name,
		   r->c.id, v->rule->uses);
	for (i = 0; (rule = psd_verdict_rule(i)); i++) {
		if (!(v->also & BIT(i)))
			continue;
		seq_printf(m, "%s%s", first ? "" : " ", rule->name);
		first = false;
	}
	seq_puts(m, "\" ");
	psd_seq_str(m, "detail", v->detail);
	seq_putc(m, '\n');
}

/* ---- report.json ---- */

/* The layers' parts whose report.json place is below @to, from *@i on. */
static void psd_report_json_parts(struct psd_json *j,
				  const struct psd_report_cycle *r,
				  unsigned int *i, unsigned int to)
{
	const struct psd_layer *l;

	for (; (l = psd_layer_part(*i, true)) && l->part->json_at < to; ++*i)
		l->part->json(j, psd_report_part_of(r, l));
}

/*
 * A list the record keeps: the array @key of its @n records, @size bytes
 * apart from @recs, then @more_key: how many did not fit.
 */
static void psd_json_list(struct psd_json *j, const char *key,
			  const void *recs, unsigned int n, size_t size,
			  const struct psd_field *f, const char *more_key,
			  u32 more)
{
	unsigned int i;

	psd_json_open(j, key, true);
	for (i = 0; i < n; i++)
		psd_fields_json(j, NULL, recs + i * size, f);
	psd_json_close(j, true);
	psd_json_u64(j, more_key, more);
}

static void psd_json_layers(struct psd_json *j,
			    const struct psd_report_cycle *r)
{
	struct psd_rpt_an_line an;
	unsigned int i, p = 0;

	psd_report_json_parts(j, r, &p, PSD_PLACE_WS);
	psd_json_list(j, "wakeup_sources", r->ws, r->nws, sizeof(r->ws[0]),
		      psd_ws_fields, "wakeup_sources_more", r->ws_more);

	psd_report_json_parts(j, r, &p, PSD_PLACE_HELD);
	psd_fields_json(j, "held_irq", r->has_held ? r : NULL, psd_held_fields);

	psd_report_json_parts(j, r, &p, PSD_PLACE_IRQ_JSON);
	psd_json_list(j, "irqs", r->irq, r->nirq, sizeof(r->irq[0]),
		      psd_irq_fields, "irqs_more", r->irq_more);

	psd_report_json_parts(j, r, &p, PSD_PLACE_ANOMALY);
	psd_json_open(j, "anomalies", true);
	for (i = 0; i < PSD_NR_ANOMALY_CLASSES; i++)
		if (psd_rpt_an(r, i, &an))
			psd_fields_json(j, NULL, &an, psd_an_fields);
	psd_json_close(j, true);
	psd_report_json_parts(j, r, &p, U8_MAX + 1);
}

/**
 * psd_report_json() - one cycle of report.json, as one object
 * @j: the writer, positioned where the object goes
 * @r: the cycle's record
 * @v: its verdict
 */
VISIBLE_IF_KUNIT void psd_report_json(struct psd_json *j,
				      const struct psd_report_cycle *r,
				      const struct psd_verdict *v)
{
	const struct psd_verdict_rule *rule;
	struct psd_rpt_phase ph;
	unsigned int i;

	psd_json_open(j, NULL, false);
	psd_fields_json_members(j, r, psd_cycle_fields);

	psd_json_open(j, "phases", true);
	for (i = 0; i < PSD_PH_MANUAL; i++)
		if (psd_rpt_phase(&r->c, i, &ph))
			psd_fields_json(j, NULL, &ph, psd_phase_fields);
	psd_json_close(j, true);

	psd_json_layers(j, r);

	psd_json_open(j, "verdict", false);
	psd_json_str(j, "rule", v->rule->name);
	psd_json_str(j, "uses", v->rule->uses);
	psd_json_open(j, "also", true);
	for (i = 0; (rule = psd_verdict_rule(i)); i++)
		if (v->also & BIT(i))
			psd_json_str(j, NULL, rule->name);
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
	struct psd_verdict v;
	struct psd_report_cycle *r;	/* psd_report_cycle_size(), after us */
} __aligned(8);

/* Records: one per cycle, then one for the end (JSON's closing). */
static void *psd_report_start(struct seq_file *m, loff_t *pos)
{
	struct psd_report_iter *it = m->private;

	return *pos <= it->n ? it : NULL;
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
	if (psd_report_get(it->first + pos, it->r)) {
		psd_verdict(it->r, &it->v);
		psd_report_json(&j, it->r, &it->v);
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
	if (psd_report_get(it->first + pos, it->r)) {
		psd_verdict(it->r, &it->v);
		psd_report_text(m, it->r, &it->v);
	} else {
		seq_printf(m, "# cycle %lld forgotten while reading\n",
			   it->first + pos);
	}
	return 0;
}

static const struct seq_operations psd_report_sops = {
	.start = psd_report_start,
	.next = psd_seq_next,
	.stop = psd_seq_stop,
	.show = psd_report_show,
};

static int psd_report_open_as(struct file *file, bool json)
{
	struct psd_report_iter *it;
	u32 last;

	it = __seq_open_private(file, &psd_report_sops,
				sizeof(*it) + psd_report_cycle_size());
	if (!it)
		return -ENOMEM;
	it->r = (struct psd_report_cycle *)(it + 1);
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

DEFINE_PSD_SEQ_PRIVATE_FOPS(psd_report_fops, psd_report_open);
DEFINE_PSD_SEQ_PRIVATE_FOPS(psd_report_json_fops, psd_report_json_open);
