// SPDX-License-Identifier: GPL-2.0
/*
 * The per-cycle record behind report and report.json.
 *
 * The per-cycle store: keep_cycles slots, one per kept cycle, and one
 * lock.  A slot holds the cycle tracker's record of the cycle, the core's
 * digest of it (the wakeup sources and the wake IRQ from the events
 * timeline, the anomalies by class, the watched IRQs seen pending) and
 * each layer's part (report_part.h).  The tracker opens a slot when its
 * cycle opens and keeps its record there under the store's lock
 * (psd_store_lock()); the rest is written as things happen, so the report
 * does not depend on the timeline ring still holding them and nothing is
 * asked of a layer when the file is read.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/hash.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/stringhash.h>

#include "core.h"

/* The store of the instance in use (see psd_core()). */
static struct psd_store *psd_store(void)
{
	return &psd_core()->store;
}

/**
 * psd_report_init() - allocate an instance's store
 * @c: the instance
 * @keep: cycles kept (keep_cycles)
 *
 * Return: 0 or -ENOMEM.
 */
int psd_report_init(struct psd_core *c, unsigned int keep)
{
	struct psd_store *s = &c->store;
	size_t size = psd_report_cycle_size();

	raw_spin_lock_init(&s->lock);
	mutex_init(&s->scratch_lock);
	s->scratch = kmalloc(size, GFP_KERNEL);
	s->d = kcalloc(keep, size, GFP_KERNEL);
	if (!s->d || !s->scratch) {
		kfree(s->d);
		kfree(s->scratch);
		s->d = NULL;
		s->scratch = NULL;
		return -ENOMEM;
	}
	s->keep = keep;
	s->size = size;
	return 0;
}

/**
 * psd_report_cycle_size() - the bytes of a struct psd_report_cycle with
 *	every layer's part
 *
 * Return: the size; fixed once the layers are registered.
 */
size_t psd_report_cycle_size(void)
{
	return ALIGN(sizeof(struct psd_report_cycle) + psd_layers_parts_size(),
		     8);
}

/**
 * psd_store_lock() - take a store's lock
 * @s: the store
 * @flags: where the interrupt state goes
 *
 * Context: any; the lock is a leaf: nothing else is taken under it.
 */
void psd_store_lock(struct psd_store *s, unsigned long *flags)
	__acquires(&s->lock)
{
	raw_spin_lock_irqsave(&s->lock, *flags);
}

/**
 * psd_store_unlock() - release a store's lock
 * @s: the store
 * @flags: what psd_store_lock() saved
 */
void psd_store_unlock(struct psd_store *s, unsigned long flags)
	__releases(&s->lock)
{
	raw_spin_unlock_irqrestore(&s->lock, flags);
}

/* The slot of @cycle, whatever it holds now; NULL for cycle 0.  Lock held. */
static struct psd_report_cycle *psd_slot(struct psd_store *s, u32 cycle)
{
	if (!cycle || !s->d)
		return NULL;
	return s->d + (size_t)(cycle % s->keep) * s->size;
}

/**
 * psd_store_open() - give a new cycle its slot, emptied
 * @s: the store
 * @id: the cycle, newer than every one before
 *
 * The cycle that held the slot is forgotten.  Context: store lock held.
 * Return: the slot's record of the cycle, or NULL when there is no store.
 */
struct psd_cycle *psd_store_open(struct psd_store *s, u32 id)
{
	struct psd_report_cycle *d = psd_slot(s, id);

	if (!d)
		return NULL;
	memset(d, 0, s->size);
	d->c.id = id;
	return &d->c;
}

/**
 * psd_store_cycle() - the tracker's record of a cycle in its slot
 * @s: the store
 * @id: the cycle
 *
 * Context: store lock held.
 * Return: the record, or NULL when the slot holds another cycle.
 */
struct psd_cycle *psd_store_cycle(struct psd_store *s, u32 id)
{
	struct psd_report_cycle *d = psd_slot(s, id);

	return d && d->c.id == id ? &d->c : NULL;
}

/**
 * psd_report_exit() - free an instance's store; nothing may report any more
 * @c: the instance
 */
void psd_report_exit(struct psd_core *c)
{
	struct psd_store *s = &c->store;
	unsigned long flags;
	void *d;

	raw_spin_lock_irqsave(&s->lock, flags);
	d = s->d;
	s->d = NULL;
	s->keep = 0;
	raw_spin_unlock_irqrestore(&s->lock, flags);
	kfree(d);
	mutex_lock(&s->scratch_lock);
	kfree(s->scratch);
	s->scratch = NULL;
	mutex_unlock(&s->scratch_lock);
}

/* Where a slot's digest and parts begin: all but the tracker's record. */
#define PSD_DIGEST_OFF	offsetof(struct psd_report_cycle, wake_irq_name)

/**
 * psd_report_reset() - forget every digest and part (control "reset");
 *	the tracker's records stay, for it forgets them itself
 */
void psd_report_reset(void)
{
	struct psd_store *s = psd_store();
	unsigned long flags;
	unsigned int i;

	raw_spin_lock_irqsave(&s->lock, flags);
	for (i = 0; s->d && i < s->keep; i++)
		memset(s->d + (size_t)i * s->size + PSD_DIGEST_OFF,
		       0, s->size - PSD_DIGEST_OFF);
	raw_spin_unlock_irqrestore(&s->lock, flags);
}

/* The slot of @cycle if it still holds it, else NULL.  Lock held. */
static struct psd_report_cycle *psd_digest(struct psd_store *s, u32 cycle)
{
	struct psd_report_cycle *d = psd_slot(s, cycle);

	return d && d->c.id == cycle ? d : NULL;
}

/*
 * Count one more that did not fit, once per hash bucket: the digest has
 * no room to remember them, so two that share one of 64 buckets count
 * once (an undercount, never an overcount).
 */
static void psd_digest_more(u32 *more, u64 *seen, u32 hash)
{
	u64 bit = BIT_ULL(hash_32(hash, 6));

	if (!(*seen & bit)) {
		*seen |= bit;
		(*more)++;
	}
}

/* The entry for @name, added if there is room.  Lock held. */
static struct psd_rpt_ws *psd_digest_ws(struct psd_report_cycle *d,
					const char *name)
{
	unsigned int i;

	if (!name[0])
		return NULL;
	for (i = 0; i < d->nws; i++)
		if (!strcmp(d->ws[i].name, name))
			return &d->ws[i];
	if (d->nws == PSD_RPT_MAX_WS) {
		psd_digest_more(&d->ws_more, &d->ws_more_seen,
				full_name_hash(NULL, name, strlen(name)));
		return NULL;
	}
	strscpy(d->ws[d->nws].name, name, sizeof(d->ws[0].name));
	return &d->ws[d->nws++];
}

static void psd_digest_ws_mark(struct psd_report_cycle *d, const char *name,
			       u8 what)
{
	struct psd_rpt_ws *w = psd_digest_ws(d, name);

	if (w)
		w->what |= what;
}

/* Activations from prepare until resume begins count as in suspend. */
static bool psd_phase_suspending(u8 phase)
{
	return phase < PSD_PH_RESUME_NOIRQ;
}

/**
 * psd_report_event() - digest an event of the timeline
 * @rec: the event, as it was added
 *
 * Context: any; called for every event, so it looks at few types.
 */
void psd_report_event(const struct psd_record *rec)
{
	struct psd_store *s = psd_store();
	struct psd_rpt_ws *w;
	struct psd_report_cycle *d;
	unsigned long flags;

	switch (rec->type) {
	case PSD_EV_WS_ACTIVATE:
	case PSD_EV_WS_DEACTIVATE:
	case PSD_EV_WAKE_IRQ:
	case PSD_EV_CYCLE_END:
		break;
	default:
		return;
	}

	raw_spin_lock_irqsave(&s->lock, flags);
	d = psd_digest(s, rec->cycle);
	if (!d)
		goto out;
	switch (rec->type) {
	case PSD_EV_WS_ACTIVATE:
		w = psd_digest_ws(d, rec->name);
		if (!w)
			break;
		w->activations++;
		w->what |= PSD_RPT_WS_ACTIVATED;
		if (psd_phase_suspending(rec->phase))
			w->what |= PSD_RPT_WS_IN_SUSPEND;
		break;
	case PSD_EV_WS_DEACTIVATE:
		psd_digest_ws_mark(d, rec->name, PSD_RPT_WS_DEACTIVATED);
		break;
	case PSD_EV_WAKE_IRQ:
		if (!d->wake_irq_name[0])
			strscpy(d->wake_irq_name, rec->name,
				sizeof(d->wake_irq_name));
		if (!d->wake_seen && rec->v[2] >= 0) {
			d->wake_child = true;
			d->wake_child_irq = rec->v[2];
			strscpy(d->wake_child_name, rec->pair.second,
				sizeof(d->wake_child_name));
		}
		/*
		 * An RTC child's line firing again after the cycle's wake,
		 * while device interrupts are still suspended: held back by
		 * its chip until the system was awake.
		 */
		if (d->wake_seen && !d->has_held && rec->v[2] >= 0 &&
		    rec->flag) {
			d->has_held = true;
			d->held_irq = rec->v[2];
			d->held_parent = rec->v[0];
			d->held_ns = rec->t_ns;
			strscpy(d->held_name, rec->pair.second,
				sizeof(d->held_name));
		}
		if (!d->wake_seen)
			d->wake_rtc = rec->flag;
		d->wake_seen = true;
		break;
	case PSD_EV_CYCLE_END:
		if (rec->flag == PSD_RES_ABORTED)
			psd_digest_ws_mark(d, rec->name, PSD_RPT_WS_ABORTED);
		break;
	}
out:
	raw_spin_unlock_irqrestore(&s->lock, flags);
}

/**
 * psd_report_anomaly() - digest an anomaly
 * @rec: the anomaly, with its seq
 *
 * Context: any.
 */
void psd_report_anomaly(const struct psd_record *rec)
{
	struct psd_store *s = psd_store();
	struct psd_rpt_an *an;
	struct psd_report_cycle *d;
	unsigned long flags;

	if (rec->type >= PSD_NR_ANOMALY_CLASSES)
		return;
	raw_spin_lock_irqsave(&s->lock, flags);
	d = psd_digest(s, rec->cycle);
	if (!d)
		goto out;
	an = &d->an[rec->type];
	if (!an->count++)
		an->first_seq = rec->seq;
	if (rec->flag < 8)
		an->flags |= BIT(rec->flag);
	switch (rec->type) {
	case PSD_AN_WS_NOT_HONORED:
		psd_digest_ws_mark(d, rec->name, PSD_RPT_WS_NOT_HONORED);
		break;
	case PSD_AN_WS_STUCK_ACTIVE:
		psd_digest_ws_mark(d, rec->name, PSD_RPT_WS_STUCK);
		break;
	}
out:
	raw_spin_unlock_irqrestore(&s->lock, flags);
}

static bool psd_irq_was_seen(const struct psd_rpt_irq *e)
{
	return e->stuck || e->at_suspend == PSD_IRQP_YES ||
	       e->at_resume == PSD_IRQP_YES;
}

/*
 * An entry for @irq: a free one, or for an IRQ seen pending or stuck
 * (@seen) that of a wake-armed IRQ never seen so.  Lock held.
 */
static struct psd_rpt_irq *psd_digest_irq_slot(struct psd_report_cycle *d,
					       unsigned int irq, bool seen)
{
	struct psd_rpt_irq *e = NULL;
	unsigned int i;

	if (d->nirq < PSD_RPT_MAX_IRQS) {
		e = &d->irq[d->nirq++];
	} else if (seen) {
		for (i = 0; i < d->nirq && !e; i++)
			if (!psd_irq_was_seen(&d->irq[i]))
				e = &d->irq[i];
		if (e)
			psd_digest_more(&d->irq_more, &d->irq_more_seen,
					e->irq);
	}
	if (!e) {
		psd_digest_more(&d->irq_more, &d->irq_more_seen, irq);
		return NULL;
	}
	memset(e, 0, sizeof(*e));
	e->irq = irq;
	e->at_suspend = PSD_RPT_NOT_SEEN;
	e->at_resume = PSD_RPT_NOT_SEEN;
	return e;
}

/**
 * psd_report_irq() - note a watched IRQ's pending bit in a cycle
 * @cycle: the cycle
 * @irq: Linux IRQ number
 * @at: PSD_PH_SUSPEND_NOIRQ or PSD_PH_RESUME_NOIRQ for those samples,
 *	anything else for a poll
 * @pending: enum psd_irqp_bit
 * @wake: wake-armed
 * @stuck: the classifier calls it stuck
 *
 * Wake-armed IRQs and those seen pending or stuck take an entry; when
 * the entries run out, one seen pending or stuck takes the place of a
 * wake-armed one that never was.
 * Context: any.
 */
void psd_report_irq(u32 cycle, unsigned int irq, enum psd_phase at,
		    u8 pending, bool wake, bool stuck)
{
	struct psd_store *s = psd_store();
	bool seen = pending == PSD_IRQP_YES || stuck;
	struct psd_rpt_irq *e = NULL;
	struct psd_report_cycle *d;
	unsigned long flags;
	unsigned int i;

	raw_spin_lock_irqsave(&s->lock, flags);
	d = psd_digest(s, cycle);
	if (!d)
		goto out;
	for (i = 0; i < d->nirq; i++)
		if (d->irq[i].irq == irq)
			e = &d->irq[i];
	if (!e && (seen || wake))
		e = psd_digest_irq_slot(d, irq, seen);
	if (!e)
		goto out;
	if (at == PSD_PH_SUSPEND_NOIRQ)
		e->at_suspend = pending;
	else if (at == PSD_PH_RESUME_NOIRQ)
		e->at_resume = pending;
	e->wake |= wake;
	e->stuck |= stuck;
out:
	raw_spin_unlock_irqrestore(&s->lock, flags);
}

/**
 * psd_report_irq_cause() - why a stuck IRQ of a cycle is not delivered
 * @cycle: the cycle
 * @irq: Linux IRQ number, already noted stuck by psd_report_irq()
 * @cause: the cause's name, a static string
 * @advice: one line of what to do about it, a static string
 *
 * The latest judgement wins.  Nothing happens for an IRQ without an entry.
 * Context: any.
 */
void psd_report_irq_cause(u32 cycle, unsigned int irq, const char *cause,
			  const char *advice)
{
	struct psd_store *s = psd_store();
	struct psd_report_cycle *d;
	unsigned long flags;
	unsigned int i;

	raw_spin_lock_irqsave(&s->lock, flags);
	d = psd_digest(s, cycle);
	for (i = 0; d && i < d->nirq; i++) {
		if (d->irq[i].irq != irq)
			continue;
		d->irq[i].cause = cause;
		d->irq[i].advice = advice;
	}
	raw_spin_unlock_irqrestore(&s->lock, flags);
}

/**
 * psd_report_part() - write into a layer's part of a cycle
 * @l: the layer, with a struct psd_part
 * @cycle: the cycle
 * @off: where in the part
 * @v: what to write there
 * @len: its bytes; @off + @len stay within the part's size
 *
 * The part counts as written from then on.  Nothing happens for cycle 0
 * or one no longer kept.
 * Context: any.
 */
void psd_report_part(const struct psd_layer *l, u32 cycle, size_t off,
		     const void *v, size_t len)
{
	struct psd_store *s = psd_store();
	struct psd_report_cycle *d;
	unsigned long flags;

	if (!l->part || off + len > l->part->size)
		return;
	raw_spin_lock_irqsave(&s->lock, flags);
	d = psd_digest(s, cycle);
	if (d) {
		memcpy(d->part + l->state.part_off + off, v, len);
		d->parts |= BIT(l->state.index);
	}
	raw_spin_unlock_irqrestore(&s->lock, flags);
}

/**
 * psd_report_part_of() - a layer's part of an assembled cycle
 * @r: the cycle, from psd_report_get()
 * @l: the layer
 *
 * Return: the part, or NULL when the layer wrote none in the cycle.
 */
const void *psd_report_part_of(const struct psd_report_cycle *r,
			       const struct psd_layer *l)
{
	if (!l->part || !(r->parts & BIT(l->state.index)))
		return NULL;
	return r->part + l->state.part_off;
}

/**
 * psd_report_parts_show() - a layer's parts of the kept cycles, for its file
 * @m: the seq_file
 * @l: the layer
 * @show: called with each kept cycle the layer wrote a part of, oldest
 *	first, and a copy of that part
 *
 * Context: process.
 * Return: 0, or -ENOMEM.
 */
int psd_report_parts_show(struct seq_file *m, const struct psd_layer *l,
			  void (*show)(struct seq_file *m, u32 cycle,
				       const void *part))
{
	struct psd_store *s = psd_store();
	struct psd_report_cycle *d;
	unsigned long flags;
	u32 first, last, id;
	void *part;
	bool has;

	if (!l->part || !psd_report_range(&first, &last))
		return 0;
	part = kmalloc(l->part->size, GFP_KERNEL);
	if (!part)
		return -ENOMEM;
	for (id = first; id <= last; id++) {
		raw_spin_lock_irqsave(&s->lock, flags);
		d = psd_digest(s, id);
		has = d && (d->parts & BIT(l->state.index));
		if (has)
			memcpy(part, d->part + l->state.part_off,
			       l->part->size);
		raw_spin_unlock_irqrestore(&s->lock, flags);
		if (has)
			show(m, id, part);
	}
	kfree(part);
	return 0;
}

/**
 * psd_report_wake_alarm() - note the alarm armed across a cycle's suspend
 * @cycle: the cycle
 * @a: the alarm, for other layers' verdict rules; a later call replaces it
 *
 * Context: any.
 */
void psd_report_wake_alarm(u32 cycle, const struct psd_rpt_wake_alarm *a)
{
	struct psd_store *s = psd_store();
	struct psd_report_cycle *d;
	unsigned long flags;

	raw_spin_lock_irqsave(&s->lock, flags);
	d = psd_digest(s, cycle);
	if (d) {
		d->wake_alarm = *a;
		d->has_wake_alarm = true;
	}
	raw_spin_unlock_irqrestore(&s->lock, flags);
}

/*
 * Read one bit of a kept cycle's digest; false when the cycle is not kept.
 * For a layer judging a cause named by another layer, through the core.
 */
typedef bool (*psd_digest_test_t)(const struct psd_report_cycle *d,
				  unsigned int arg);

static bool psd_report_test(u32 cycle, psd_digest_test_t test,
			    unsigned int arg)
{
	struct psd_store *s = psd_store();
	struct psd_report_cycle *d;
	unsigned long flags;
	bool ret = false;

	raw_spin_lock_irqsave(&s->lock, flags);
	d = psd_digest(s, cycle);
	if (d)
		ret = test(d, arg);
	raw_spin_unlock_irqrestore(&s->lock, flags);
	return ret;
}

static bool psd_digest_has_anomaly(const struct psd_report_cycle *d,
				   unsigned int cls)
{
	return psd_rpt_anomalies(d, cls);
}

static bool psd_digest_woke_by_rtc(const struct psd_report_cycle *d,
				   unsigned int unused)
{
	return d->wake_rtc;
}

/**
 * psd_report_has_anomaly() - was an anomaly of a class raised in a cycle?
 * @cycle: the cycle
 * @cls: enum psd_anomaly_class
 *
 * Context: any.
 * Return: true if @cycle is kept and has one.
 */
bool psd_report_has_anomaly(u32 cycle, unsigned int cls)
{
	return psd_report_test(cycle, psd_digest_has_anomaly, cls);
}

/**
 * psd_report_woke_by_rtc() - was a cycle's first wake IRQ the RTC's?
 * @cycle: the cycle
 *
 * Context: any.
 * Return: true if @cycle is kept and its first wake_irq event had rtc=1.
 */
bool psd_report_woke_by_rtc(u32 cycle)
{
	return psd_report_test(cycle, psd_digest_woke_by_rtc, 0);
}

/**
 * psd_report_get() - assemble everything known of a kept cycle
 * @id: the cycle
 * @out: where to put it
 *
 * Context: any.
 * Return: true if cycle @id is kept.
 */
bool psd_report_get(u32 id, struct psd_report_cycle *out)
{
	struct psd_store *s = psd_store();
	struct psd_report_cycle *d;
	unsigned long flags;

	memset(out, 0, psd_report_cycle_size());
	if (!psd_cycle_get(id, &out->c))
		return false;

	/* The digest of the cycle the tracker's record came from. */
	raw_spin_lock_irqsave(&s->lock, flags);
	d = psd_digest(s, id);
	if (d)
		memcpy((u8 *)out + PSD_DIGEST_OFF, (u8 *)d + PSD_DIGEST_OFF,
		       s->size - PSD_DIGEST_OFF);
	raw_spin_unlock_irqrestore(&s->lock, flags);
	return true;
}

/**
 * psd_report_range() - the kept cycles, oldest and newest
 * @first: the oldest kept cycle
 * @last: the newest
 *
 * Return: false if no cycle is kept.
 */
bool psd_report_range(u32 *first, u32 *last)
{
	unsigned int keep = psd_store()->keep;
	u32 id = psd_cycle_current(), lo;
	struct psd_cycle c;

	if (!id)
		return false;
	lo = id >= keep ? id - keep + 1 : 1;
	while (lo <= id && !psd_cycle_get(lo, &c))
		lo++;
	if (lo > id)
		return false;
	*first = lo;
	*last = id;
	return true;
}

/**
 * psd_report_verdict_name() - judge a cycle now
 * @id: the cycle
 *
 * Context: process; for the cycle_end trace event.
 * Return: the verdict's name, "unknown" if the cycle is not kept.
 */
const char *psd_report_verdict_name(u32 id)
{
	struct psd_store *s = psd_store();
	const char *name = "unknown";
	struct psd_verdict v;

	mutex_lock(&s->scratch_lock);
	if (s->scratch && psd_report_get(id, s->scratch)) {
		psd_verdict(s->scratch, &v);
		name = v.rule->name;
	}
	mutex_unlock(&s->scratch_lock);
	return name;
}
