// SPDX-License-Identifier: GPL-2.0
/*
 * irqpend_scan: GIC SPIs stuck pending that nobody watched, the part that
 * needs no interrupt.  irqpend.c reads the distributor's ISPENDR words at
 * the samples it already takes and feeds this; KUnit feeds it synthetic
 * looks.
 *
 * A line pending while it is legitimately masked is not stuck:
 * suspend_device_irqs() masks every line that is not wake-armed for the
 * whole sleep, and a ONESHOT line stays masked while its thread runs.  So
 * a line is judged only on a pair of looks that straddles the sleep: the
 * last look before it (suspend_noirq) and a poll after resume, when
 * resume_device_irqs() has unmasked every line again.  It is stuck when it
 * was pending at both, stuck_ms apart, and its handler count did not move.
 * A look in between (resume_noirq, lines still suspended) can only clear
 * it.  Bounded: PSD_GSCAN_MAX_CAND lines followed across a sleep,
 * PSD_GSCAN_MAX_STUCK kept; what does not fit is counted.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/kernel.h>
#include <linux/math64.h>
#include <linux/seq_file.h>
#include <linux/string.h>

#include "irqpend.h"

/**
 * psd_gscan_before() - start following afresh, at the last look before a sleep
 * @g: the scan
 *
 * Lines still followed from an earlier sleep are forgotten; those kept as
 * stuck stay.
 */
void psd_gscan_before(struct psd_gscan *g)
{
	g->ncand = 0;
	g->resumed = false;
}

/*
 * A zeroed entry appended to @arr, which holds @max of @size bytes and
 * has @n in use; NULL when it is full, counted in @overflow.
 */
static void *psd_gscan_add(void *arr, unsigned int *n, unsigned int max,
			   size_t size, u64 *overflow)
{
	void *e;

	if (*n == max) {
		++*overflow;
		return NULL;
	}
	e = arr + size * (*n)++;
	memset(e, 0, size);
	return e;
}

/**
 * psd_gscan_follow() - follow a line seen pending before the sleep
 * @g: the scan
 * @hwirq: INTID
 * @irq: Linux IRQ, 0 when unmapped
 * @t_ns: CLOCK_BOOTTIME of the look
 * @count: its handler count at the look
 *
 * Return: false when @g is full (counted in @g->cand_overflow).
 */
bool psd_gscan_follow(struct psd_gscan *g, u32 hwirq, u32 irq, u64 t_ns,
		      u64 count)
{
	struct psd_gscan_cand *c;

	c = psd_gscan_add(g->cand, &g->ncand, PSD_GSCAN_MAX_CAND, sizeof(*c),
			  &g->cand_overflow);
	if (!c)
		return false;
	c->hwirq = hwirq;
	c->irq = irq;
	c->t_ns = t_ns;
	c->count = count;
	return true;
}

/**
 * psd_gscan_drop() - stop following a line
 * @g: the scan
 * @c: an entry of @g->cand; it then holds the last one (order is not kept)
 */
void psd_gscan_drop(struct psd_gscan *g, struct psd_gscan_cand *c)
{
	*c = g->cand[--g->ncand];
}

/**
 * psd_gscan_judge() - what a new look says of a followed line
 * @g: the scan
 * @c: the line, as seen before the sleep
 * @at: where the new look was taken
 * @pending: its pending bit at the new look
 * @count: its handler count at the new look
 * @t_ns: CLOCK_BOOTTIME of the new look
 * @stuck_ns: the stuck_ms setting, in ns
 *
 * Return: PSD_GSCAN_STUCK only for a look after resume that is at least
 * @stuck_ns after @c's, with the line still pending and never handled.
 */
enum psd_gscan_verdict psd_gscan_judge(const struct psd_gscan *g,
				       const struct psd_gscan_cand *c,
				       enum psd_gscan_at at, bool pending,
				       u64 count, u64 t_ns, u64 stuck_ns)
{
	if (!pending || count != c->count)
		return PSD_GSCAN_DROP;
	/* Both looks on one side of the unmasking: it may be masked still. */
	if (at != PSD_GSCAN_AFTER || !g->resumed)
		return PSD_GSCAN_WAIT;
	if (t_ns < c->t_ns || t_ns - c->t_ns < stuck_ns)
		return PSD_GSCAN_WAIT;
	return PSD_GSCAN_STUCK;
}

/**
 * psd_gscan_keep() - the kept entry of a stuck line, added if there is room
 * @g: the scan
 * @hwirq: INTID
 *
 * A line found stuck again keeps its entry; a new one is zeroed but for
 * @hwirq.
 *
 * Return: the entry, or NULL when @g is full (counted in @g->overflow).
 */
struct psd_gscan_line *psd_gscan_keep(struct psd_gscan *g, u32 hwirq)
{
	struct psd_gscan_line *l;
	unsigned int i;

	for (i = 0; i < g->nstuck; i++)
		if (g->stuck[i].hwirq == hwirq)
			return &g->stuck[i];
	l = psd_gscan_add(g->stuck, &g->nstuck, PSD_GSCAN_MAX_STUCK, sizeof(*l),
			  &g->overflow);
	if (l)
		l->hwirq = hwirq;
	return l;
}

/**
 * psd_gscan_show_line() - one stuck line of irq/gic
 * @m: the seq_file
 * @l: the line
 */
void psd_gscan_show_line(struct seq_file *m, const struct psd_gscan_line *l)
{
	seq_printf(m, "irq=%u hwirq=%u requested=%u pending_ms=%llu cause=%s cycle=%u\n",
		   l->irq, l->hwirq, l->requested, l->pending_ms,
		   psd_gic_cause_name(l->cause), l->cycle);
}
