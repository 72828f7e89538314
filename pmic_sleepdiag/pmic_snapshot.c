// SPDX-License-Identifier: GPL-2.0
/*
 * PMIC snapshots: read a profile's registers through the driver's regmap,
 * mark what changed since the previous snapshot, keep the last keep_cycles
 * cycles (one slot per snapshot phase, the latest manual one included),
 * and format them when pmic/snapshots is read.
 *
 * A store knows nothing of where the regmap came from; pmic.c owns the
 * attachment and guarantees the regmap is alive while it reads.  All
 * memory is allocated when the store is created.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/bitmap.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/mutex.h>
#include <linux/regmap.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "pmic.h"

/* Phases a snapshot is taken in, in slot order. */
static const u8 psd_pmic_slot_phase[PSD_PMIC_NR_SLOTS] = {
	PSD_PH_PREPARE, PSD_PH_SUSPEND, PSD_PH_SUSPEND_LATE,
	PSD_PH_RESUME_EARLY, PSD_PH_RESUME, PSD_PH_POST, PSD_PH_MANUAL,
};

struct psd_pmic_group {
	u32 cycle;
	bool used;
	struct psd_pmic_snap snap[PSD_PMIC_NR_SLOTS];
};

struct psd_pmic_store {
	struct mutex lock;		/* everything below */
	unsigned int keep;
	u32 newest;			/* highest cycle stored */
	bool have_last;
	struct psd_pmic_snap last;	/* the previous snapshot, for changed= */
	struct psd_pmic_group group[];
};

/**
 * psd_pmic_slot() - the store slot of a snapshot phase
 * @phase: enum psd_phase
 *
 * Return: the slot, or -1 when no snapshot is taken in @phase.
 */
int psd_pmic_slot(unsigned int phase)
{
	unsigned int i;

	for (i = 0; i < PSD_PMIC_NR_SLOTS; i++)
		if (psd_pmic_slot_phase[i] == phase)
			return i;
	return -1;
}

/**
 * psd_pmic_store_create() - allocate a store for @keep cycles
 * @keep: cycles kept (keep_cycles)
 *
 * Return: the store, or NULL.
 */
struct psd_pmic_store *psd_pmic_store_create(unsigned int keep)
{
	struct psd_pmic_store *st;

	st = kvzalloc(struct_size(st, group, keep), GFP_KERNEL);
	if (!st)
		return NULL;
	st->keep = keep;
	mutex_init(&st->lock);
	return st;
}

/**
 * psd_pmic_store_destroy() - free a store
 * @st: the store, or NULL
 */
void psd_pmic_store_destroy(struct psd_pmic_store *st)
{
	if (!st)
		return;
	mutex_destroy(&st->lock);
	kvfree(st);
}

/**
 * psd_pmic_store_reset() - forget every snapshot (control "reset")
 * @st: the store
 */
void psd_pmic_store_reset(struct psd_pmic_store *st)
{
	unsigned int i;

	mutex_lock(&st->lock);
	for (i = 0; i < st->keep; i++)
		st->group[i].used = false;
	st->newest = 0;
	st->have_last = false;
	mutex_unlock(&st->lock);
}

/**
 * psd_pmic_read() - read a profile's registers, range by range
 * @map: the PMIC's regmap, alive for the whole call
 * @prof: what to read
 * @s: filled: @val, @failed and @err; the caller set the rest
 *
 * A range that fails to read marks its registers failed; the other ranges
 * are still read.
 *
 * Context: process; sleeps on the bus.
 * Return: the number of regmap_bulk_read() calls made.
 */
unsigned int psd_pmic_read(struct regmap *map,
			   const struct psd_pmic_profile *prof,
			   struct psd_pmic_snap *s)
{
	u8 buf[PSD_PMIC_NR_ADDR];
	unsigned int r, i = 0;
	int ret;

	s->err = 0;
	bitmap_zero(s->failed, PSD_PMIC_MAX_REGS);
	for (r = 0; r < prof->nranges; r++) {
		const struct psd_pmic_range *rg = &prof->ranges[r];

		ret = regmap_bulk_read(map, rg->first, buf + rg->first,
				       rg->last - rg->first + 1);
		if (ret && !s->err)
			s->err = ret;
		/* Rows are sorted: walk the ones inside this range. */
		for (; i < prof->nregs && prof->regs[i].addr <= rg->last; i++) {
			if (prof->regs[i].addr < rg->first)
				continue;
			if (ret) {
				__set_bit(i, s->failed);
				s->val[i] = 0;
			} else {
				s->val[i] = buf[prof->regs[i].addr];
			}
		}
	}
	return prof->nranges;
}

static struct psd_pmic_group *psd_pmic_group_of(struct psd_pmic_store *st,
						u32 cycle)
{
	struct psd_pmic_group *g = &st->group[cycle % st->keep];

	if (!g->used || g->cycle != cycle) {
		memset(g, 0, sizeof(*g));
		g->cycle = cycle;
		g->used = true;
	}
	return g;
}

/**
 * psd_pmic_store_add() - mark changes against the previous snapshot, keep
 * @st: the store
 * @s: the snapshot just read; its @changed is filled in
 *
 * A register is changed when the previous snapshot read the same chip,
 * both reads of it succeeded and the values differ.
 */
void psd_pmic_store_add(struct psd_pmic_store *st, struct psd_pmic_snap *s)
{
	const struct psd_pmic_snap *prev = &st->last;
	int slot = psd_pmic_slot(s->phase);
	unsigned int i;

	if (slot < 0)
		return;
	mutex_lock(&st->lock);
	bitmap_zero(s->changed, PSD_PMIC_MAX_REGS);
	if (st->have_last && prev->prof == s->prof) {
		for (i = 0; i < s->prof->nregs; i++)
			if (!test_bit(i, s->failed) &&
			    !test_bit(i, prev->failed) &&
			    s->val[i] != prev->val[i])
				__set_bit(i, s->changed);
	}
	/* A cycle older than the window kept is not stored. */
	if (s->cycle + st->keep > st->newest) {
		psd_pmic_group_of(st, s->cycle)->snap[slot] = *s;
		st->newest = max(st->newest, s->cycle);
	}
	st->last = *s;
	st->have_last = true;
	mutex_unlock(&st->lock);
}

/**
 * psd_pmic_store_latest() - copy the most recent snapshot
 * @st: the store
 * @out: where to copy it
 *
 * Return: true if there is one.
 */
bool psd_pmic_store_latest(struct psd_pmic_store *st, struct psd_pmic_snap *out)
{
	bool have;

	mutex_lock(&st->lock);
	have = st->have_last;
	if (have)
		*out = st->last;
	mutex_unlock(&st->lock);
	return have;
}

/**
 * psd_pmic_store_get() - copy the snapshot of a cycle and phase
 * @st: the store
 * @cycle: the cycle
 * @phase: enum psd_phase
 * @out: where to copy it
 *
 * Return: true if it is kept.
 */
bool psd_pmic_store_get(struct psd_pmic_store *st, u32 cycle,
			unsigned int phase, struct psd_pmic_snap *out)
{
	int slot = psd_pmic_slot(phase);
	struct psd_pmic_group *g;
	bool found = false;

	if (slot < 0)
		return false;
	mutex_lock(&st->lock);
	g = &st->group[cycle % st->keep];
	if (g->used && g->cycle == cycle && g->snap[slot].prof) {
		*out = g->snap[slot];
		found = true;
	}
	mutex_unlock(&st->lock);
	return found;
}

/**
 * psd_pmic_store_presleep() - mark a cycle's latest pre-sleep snapshot
 * @st: the store
 * @cycle: the cycle
 * @out: a copy of the snapshot marked
 *
 * For a cycle whose suspend_late snapshot could not be taken: the latest
 * of its earlier ones (suspend, then prepare) becomes its pre-sleep one.
 *
 * Return: true if the cycle has one.
 */
bool psd_pmic_store_presleep(struct psd_pmic_store *st, u32 cycle,
			     struct psd_pmic_snap *out)
{
	static const u8 earlier[] = { PSD_PH_SUSPEND, PSD_PH_PREPARE };
	struct psd_pmic_group *g;
	bool found = false;
	unsigned int i;

	mutex_lock(&st->lock);
	g = &st->group[cycle % st->keep];
	for (i = 0; i < ARRAY_SIZE(earlier) && g->used && g->cycle == cycle;
	     i++) {
		struct psd_pmic_snap *s = &g->snap[psd_pmic_slot(earlier[i])];

		if (!s->prof)
			continue;
		s->presleep = true;
		*out = *s;
		found = true;
		break;
	}
	mutex_unlock(&st->lock);
	return found;
}

/**
 * psd_pmic_store_nth() - copy the @n-th kept snapshot, by cycle then phase
 * @st: the store
 * @n: position, from 0
 * @out: where to copy it
 *
 * Return: true if there is an @n-th.
 */
bool psd_pmic_store_nth(struct psd_pmic_store *st, loff_t n,
			struct psd_pmic_snap *out)
{
	u32 first, c;
	unsigned int slot;
	bool found = false;

	mutex_lock(&st->lock);
	first = st->newest >= st->keep ? st->newest - st->keep + 1 : 0;
	for (c = first; c <= st->newest && !found; c++) {
		struct psd_pmic_group *g = &st->group[c % st->keep];

		if (!g->used || g->cycle != c)
			continue;
		for (slot = 0; slot < PSD_PMIC_NR_SLOTS; slot++) {
			if (!g->snap[slot].prof)
				continue;
			if (n-- == 0) {
				*out = g->snap[slot];
				found = true;
				break;
			}
		}
	}
	mutex_unlock(&st->lock);
	return found;
}

/**
 * psd_pmic_fields_show() - a register's fields as "NAME=v NAME=v"
 * @m: the seq_file
 * @reg: the register row
 * @val: its value
 */
void psd_pmic_fields_show(struct seq_file *m, const struct psd_pmic_reg *reg,
			  u8 val)
{
	const struct psd_pmic_field *f;

	for (f = reg->fields; f->name; f++)
		seq_printf(m, "%s%s=%u", f == reg->fields ? "" : " ", f->name,
			   psd_pmic_field_val(val, f->mask));
}

/**
 * psd_pmic_snap_show() - one snapshot: its header line, then its registers
 * @m: the seq_file
 * @s: the snapshot
 */
void psd_pmic_snap_show(struct seq_file *m, const struct psd_pmic_snap *s)
{
	const struct psd_pmic_profile *prof = s->prof;
	unsigned int i;

	seq_printf(m, "cycle=%u phase=%s t_ns=%llu err=%d chip=%s failed=%u presleep=%u\n",
		   s->cycle, psd_phase_name(s->phase), s->t_ns, s->err,
		   prof->chip, bitmap_weight(s->failed, prof->nregs),
		   s->presleep);
	for (i = 0; i < prof->nregs; i++) {
		const struct psd_pmic_reg *reg = &prof->regs[i];

		seq_printf(m, "reg=0x%02x name=%s ", reg->addr, reg->name);
		if (test_bit(i, s->failed)) {
			seq_printf(m, "val=none changed=0 fields=\"\" cached=%u err=%d\n",
				   reg->cached, s->err);
			continue;
		}
		seq_printf(m, "val=0x%02x changed=%u fields=\"", s->val[i],
			   test_bit(i, s->changed));
		psd_pmic_fields_show(m, reg, s->val[i]);
		seq_printf(m, "\" cached=%u\n", reg->cached);
	}
}

/* pmic/snapshots: one snapshot per seq_file record. */
struct psd_pmic_iter {
	struct psd_pmic_store *st;
	struct psd_pmic_snap snap;
};

static void *psd_pmic_seq_start(struct seq_file *m, loff_t *pos)
{
	struct psd_pmic_iter *it = m->private;

	if (!it->st)
		return *pos ? NULL : SEQ_START_TOKEN;
	return psd_pmic_store_nth(it->st, *pos, &it->snap) ? it : NULL;
}

static void *psd_pmic_seq_next(struct seq_file *m, void *v, loff_t *pos)
{
	++*pos;
	return psd_pmic_seq_start(m, pos);
}

static void psd_pmic_seq_stop(struct seq_file *m, void *v)
{
}

static int psd_pmic_seq_show(struct seq_file *m, void *v)
{
	struct psd_pmic_iter *it = v;

	if (v == SEQ_START_TOKEN)
		seq_puts(m, "# pmic component not running\n");
	else
		psd_pmic_snap_show(m, &it->snap);
	return 0;
}

static const struct seq_operations psd_pmic_seq_ops = {
	.start = psd_pmic_seq_start,
	.next = psd_pmic_seq_next,
	.stop = psd_pmic_seq_stop,
	.show = psd_pmic_seq_show,
};

/**
 * psd_pmic_store_seq_open() - open pmic/snapshots on a store
 * @file: the file being opened
 * @st: the store, or NULL when the component is not running
 *
 * Return: 0 or -ENOMEM; release with seq_release_private().
 */
int psd_pmic_store_seq_open(struct file *file, struct psd_pmic_store *st)
{
	struct psd_pmic_iter *it;

	it = __seq_open_private(file, &psd_pmic_seq_ops, sizeof(*it));
	if (!it)
		return -ENOMEM;
	it->st = st;
	return 0;
}
