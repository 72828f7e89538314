// SPDX-License-Identifier: GPL-2.0
/*
 * Fixed-size record rings behind the events timeline and the anomaly log.
 *
 * Sized once at load; writers may run in any context (tracepoint probes,
 * hardirq), so the lock is a raw spinlock taken with interrupts off and held
 * only to copy one record.  When full, the oldest record is overwritten and
 * counted as dropped: readers see the gap in the sequence numbers, and
 * summary shows the count.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/math64.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/vmalloc.h>

#include "core.h"

struct psd_ring {
	raw_spinlock_t lock;
	unsigned int capacity;
	u64 next;	/* sequence number of the next record */
	u64 first;	/* oldest sequence number still meaningful */
	u64 dropped;
	struct psd_record *slots;
};

/* 64-bit modulo without libgcc helpers: 32-bit ARM has none in the kernel. */
static unsigned int psd_slot(const struct psd_ring *ring, u64 seq)
{
	u32 slot;

	div_u64_rem(seq, ring->capacity, &slot);
	return slot;
}

/**
 * psd_ring_create() - allocate a ring of @capacity records
 * @capacity: number of records kept; at least 1
 *
 * Return: the ring, or NULL when out of memory.
 */
struct psd_ring *psd_ring_create(unsigned int capacity)
{
	struct psd_ring *ring;

	ring = kzalloc(sizeof(*ring), GFP_KERNEL);
	if (!ring)
		return NULL;
	ring->slots = vcalloc(capacity, sizeof(*ring->slots));
	if (!ring->slots) {
		kfree(ring);
		return NULL;
	}
	raw_spin_lock_init(&ring->lock);
	ring->capacity = capacity;
	return ring;
}

/**
 * psd_ring_destroy() - free a ring; no writer or reader may be left
 * @ring: ring from psd_ring_create(), or NULL
 */
void psd_ring_destroy(struct psd_ring *ring)
{
	if (!ring)
		return;
	vfree(ring->slots);
	kfree(ring);
}

/**
 * psd_ring_add() - append a record, overwriting the oldest when full
 * @ring: the ring
 * @rec: the record; its @seq is filled in
 *
 * Context: any, including hardirq and NMI-free atomic sections.
 */
void psd_ring_add(struct psd_ring *ring, struct psd_record *rec)
{
	unsigned long flags;

	raw_spin_lock_irqsave(&ring->lock, flags);
	rec->seq = ring->next++;
	if (ring->next - ring->first > ring->capacity) {
		ring->first++;
		ring->dropped++;
	}
	ring->slots[psd_slot(ring, rec->seq)] = *rec;
	raw_spin_unlock_irqrestore(&ring->lock, flags);
}

/**
 * psd_ring_get() - copy out the oldest record at or after *@pos
 * @ring: the ring
 * @pos: in: first sequence number wanted; out: that of the copied record
 * @out: where to copy it
 *
 * Return: true if a record was copied, false at the end of the ring.
 */
bool psd_ring_get(struct psd_ring *ring, u64 *pos, struct psd_record *out)
{
	unsigned long flags;
	bool found = false;

	raw_spin_lock_irqsave(&ring->lock, flags);
	if (*pos < ring->first)
		*pos = ring->first;
	if (*pos < ring->next) {
		*out = ring->slots[psd_slot(ring, *pos)];
		found = true;
	}
	raw_spin_unlock_irqrestore(&ring->lock, flags);
	return found;
}

/**
 * psd_ring_clear() - forget every record; sequence numbers keep growing
 * @ring: the ring
 */
void psd_ring_clear(struct psd_ring *ring)
{
	unsigned long flags;

	raw_spin_lock_irqsave(&ring->lock, flags);
	ring->first = ring->next;
	ring->dropped = 0;
	raw_spin_unlock_irqrestore(&ring->lock, flags);
}

/**
 * psd_ring_dropped() - records overwritten before anyone could read them
 * @ring: the ring
 *
 * Return: the count since load or the last psd_ring_clear().
 */
u64 psd_ring_dropped(struct psd_ring *ring)
{
	unsigned long flags;
	u64 n;

	raw_spin_lock_irqsave(&ring->lock, flags);
	n = ring->dropped;
	raw_spin_unlock_irqrestore(&ring->lock, flags);
	return n;
}

/**
 * psd_ring_total() - records added since load or the last clear
 * @ring: the ring
 *
 * Return: that count, dropped ones included.
 */
u64 psd_ring_total(struct psd_ring *ring)
{
	unsigned long flags;
	u64 n;

	raw_spin_lock_irqsave(&ring->lock, flags);
	n = ring->next - ring->first + ring->dropped;
	raw_spin_unlock_irqrestore(&ring->lock, flags);
	return n;
}

/* ---- seq_file iteration, shared by every file that lists a ring ---- */

struct psd_ring_iter {
	struct psd_ring *ring;
	psd_ring_show_t show;
	struct psd_record rec;
};

static void *psd_ring_seq_start(struct seq_file *m, loff_t *pos)
{
	struct psd_ring_iter *it = m->private;
	u64 p = *pos;

	if (!psd_ring_get(it->ring, &p, &it->rec))
		return NULL;
	*pos = p;
	return &it->rec;
}

/**
 * psd_ring_show_kind() - one record's line in the timeline's or the
 * anomaly log's way
 * @m: the seq_file
 * @r: the record
 * @word: the key of its kind's name ("type", "class")
 * @k: its kind, or NULL when unknown
 *
 * The common keys, the kind's name, what the kind's @show adds, and a
 * newline.
 */
void psd_ring_show_kind(struct seq_file *m, const struct psd_record *r,
			const char *word, const struct psd_kind *k)
{
	seq_printf(m, "seq=%llu t_ns=%llu cycle=%u %s=%s", r->seq, r->t_ns,
		   r->cycle, word, k ? k->name : "unknown");
	if (k && k->show)
		k->show(m, r);
	seq_putc(m, '\n');
}

/**
 * psd_seq_next() - seq_operations.next of a file whose start finds any
 * position afresh
 * @m: the seq_file
 * @v: the current record (unused)
 * @pos: the position, advanced here
 *
 * Return: what the file's own start returns for the next position.
 */
void *psd_seq_next(struct seq_file *m, void *v, loff_t *pos)
{
	++*pos;
	return m->op->start(m, pos);
}

/**
 * psd_seq_stop() - seq_operations.stop of a file whose start holds
 * nothing across calls
 * @m: the seq_file
 * @v: the last record (unused)
 */
void psd_seq_stop(struct seq_file *m, void *v)
{
}

static int psd_ring_seq_show(struct seq_file *m, void *v)
{
	struct psd_ring_iter *it = m->private;

	it->show(m, v);
	return 0;
}

static const struct seq_operations psd_ring_seq_ops = {
	.start = psd_ring_seq_start,
	.next = psd_seq_next,
	.stop = psd_seq_stop,
	.show = psd_ring_seq_show,
};

/**
 * psd_ring_seq_open() - open a file that lists @ring oldest first
 * @file: the file being opened
 * @ring: the ring to list
 * @show: prints one record as one line
 *
 * Each record is copied out under the ring's lock, so writers never wait
 * for a reader's formatting.
 *
 * Return: 0 or a negative errno.
 */
int psd_ring_seq_open(struct file *file, struct psd_ring *ring,
		      psd_ring_show_t show)
{
	struct psd_ring_iter *it;

	it = __seq_open_private(file, &psd_ring_seq_ops, sizeof(*it));
	if (!it)
		return -ENOMEM;
	it->ring = ring;
	it->show = show;
	return 0;
}
