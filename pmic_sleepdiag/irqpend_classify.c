// SPDX-License-Identifier: GPL-2.0
/*
 * irqpend, the part that needs no interrupt: the bounded watch table, the
 * stuck-pending classifier and the text of irq/pending lines and
 * IRQ_STUCK_PENDING anomalies.  irqpend.c feeds it samples taken from the
 * irqchips; KUnit feeds it synthetic ones.
 *
 * Classification (Documentation/interface.rst): an IRQ is stuck when it
 * is enabled or wake-armed and its pending bit was seen set in at least
 * PSD_IRQP_MIN_SAMPLES consecutive samples spanning stuck_ms, all with the
 * same handler count.  The episode ends when the bit clears, the count
 * moves, or the IRQ stops qualifying; each episode is announced once.
 *
 * Wake-armed means armed for a sleep (IRQD_WAKEUP_ARMED): enable_irq_wake()
 * leaves IRQD_WAKEUP_STATE set while awake, where a disabled line may
 * legitimately stay pending.  A streak that began armed goes on after the
 * resume: the line was pending and never handled across the sleep.  A
 * chained parent is never judged: its handler is the flow handler, which
 * counts nothing, so a serviced storm and a dead line look the same.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/kernel.h>
#include <linux/math64.h>
#include <linux/seq_file.h>
#include <linux/string.h>

#include "irqpend.h"

/**
 * psd_irqp_classify() - take one sample into an IRQ's classifier state
 * @c: the state, updated
 * @s: the sample, newer than every sample before it
 * @stuck_ns: the stuck_ms setting, in ns
 *
 * Return: true when this sample begins a stuck episode (raise one anomaly).
 */
bool psd_irqp_classify(struct psd_irqp_class *c,
		       const struct psd_irqp_sample *s, u64 stuck_ns)
{
	bool was = c->stuck;

	/* Cleared, or the chip cannot tell: no episode can go on. */
	if (s->pending != PSD_IRQP_YES) {
		memset(c, 0, sizeof(*c));
		return false;
	}
	if (!c->pending) {
		c->pending = true;
		c->pend_t0 = s->t_ns;
	}
	/*
	 * Disabled and not armed for a sleep (nor pending since it was):
	 * pending is legitimate.  No count to judge a chained parent by.
	 */
	if (s->chained ||
	    (!s->enabled && !s->armed &&
	     !(s->wake && c->streak_n && c->streak_armed))) {
		c->streak_n = 0;
		c->stuck = false;
		return false;
	}
	/* The handler ran: pending and being serviced, not stuck. */
	if (!c->streak_n || s->count != c->streak_count) {
		c->streak_n = 1;
		c->streak_t0 = s->t_ns;
		c->streak_count = s->count;
		c->streak_armed = s->armed;
		c->stuck = false;
		return false;
	}
	c->streak_armed |= s->armed;
	if (c->streak_n < U32_MAX)
		c->streak_n++;
	if (!c->stuck && c->streak_n >= PSD_IRQP_MIN_SAMPLES &&
	    s->t_ns >= c->streak_t0 && s->t_ns - c->streak_t0 >= stuck_ns)
		c->stuck = true;
	return c->stuck && !was;
}

/**
 * psd_irqp_pending_ms() - how long the pending bit has been seen set
 * @c: the state after @s was classified
 * @s: the latest sample
 *
 * Return: ms since the first sample of the current pending run, 0 when
 * not pending.
 */
u64 psd_irqp_pending_ms(const struct psd_irqp_class *c,
			const struct psd_irqp_sample *s)
{
	if (!c->pending || s->t_ns < c->pend_t0)
		return 0;
	return div_u64(s->t_ns - c->pend_t0, NSEC_PER_MSEC);
}

/**
 * psd_irqp_find() - the entry of an IRQ
 * @t: the table
 * @irq: Linux IRQ number
 *
 * Return: the entry, or NULL when @irq is not watched.
 */
struct psd_irqp_entry *psd_irqp_find(struct psd_irqp_table *t,
				     unsigned int irq)
{
	unsigned int i;

	for (i = 0; i < t->n; i++)
		if (t->e[i].irq == irq)
			return &t->e[i];
	return NULL;
}

/**
 * psd_irqp_add() - watch an IRQ for one more reason
 * @t: the table
 * @irq: Linux IRQ number
 * @why: PSD_IRQP_WHY_* bits to add
 *
 * A new entry is zeroed but for @irq and @why; the table stays sorted.
 *
 * Return: the entry, or NULL when the table is full (counted in
 * @t->overflow).
 */
struct psd_irqp_entry *psd_irqp_add(struct psd_irqp_table *t,
				    unsigned int irq, u8 why)
{
	struct psd_irqp_entry *e = psd_irqp_find(t, irq);
	unsigned int i;

	if (e) {
		e->why |= why;
		return e;
	}
	if (t->n == PSD_IRQP_MAX) {
		t->overflow++;
		return NULL;
	}
	for (i = t->n; i > 0 && t->e[i - 1].irq > irq; i--)
		;
	memmove(&t->e[i + 1], &t->e[i], (t->n - i) * sizeof(t->e[0]));
	t->n++;
	e = &t->e[i];
	memset(e, 0, sizeof(*e));
	e->irq = irq;
	e->why = why;
	return e;
}

/**
 * psd_irqp_remove() - stop watching an IRQ, whatever the reasons
 * @t: the table
 * @e: an entry of @t; invalid afterwards
 */
void psd_irqp_remove(struct psd_irqp_table *t, struct psd_irqp_entry *e)
{
	unsigned int i = e - t->e;

	memmove(&t->e[i], &t->e[i + 1], (t->n - i - 1) * sizeof(t->e[0]));
	t->n--;
}

/**
 * psd_irqp_sweep() - drop the entries no reason is left for
 * @t: the table
 */
void psd_irqp_sweep(struct psd_irqp_table *t)
{
	unsigned int i = 0;

	while (i < t->n) {
		if (t->e[i].why)
			i++;
		else
			psd_irqp_remove(t, &t->e[i]);
	}
}

/**
 * psd_irqp_unsupported() - entries whose chip cannot report pending
 * @t: the table
 *
 * Return: the count, for summary's irq_unsupported.
 */
unsigned int psd_irqp_unsupported(const struct psd_irqp_table *t)
{
	unsigned int i, n = 0;

	for (i = 0; i < t->n; i++)
		n += t->e[i].last.pending == PSD_IRQP_UNSUPPORTED;
	return n;
}

static const struct {
	u8 bit;
	const char *name;
} psd_irqp_whys[] = {
	{ PSD_IRQP_WHY_WAKE, "wake" },
	{ PSD_IRQP_WHY_PARAM, "param" },
	{ PSD_IRQP_WHY_USER, "user" },
	{ PSD_IRQP_WHY_PARENT, "parent" },
};

/**
 * psd_irqp_show_line() - one irq/pending line
 * @m: the seq_file
 * @e: the entry (number, chip, why)
 * @s: the sample to show
 * @c: the classifier state after @s
 *
 * The keys of Documentation/interface.rst in its order, then active=,
 * masked=, armed= (wake-armed for a sleep now), chained= (a chained
 * parent, never judged stuck) and watch= (why the IRQ is watched), and for a GIC line the
 * distributor's group= prio= pmr= route= cause= (cause=none while the
 * distributor does not hold it pending; active= is then ISACTIVER, which
 * the GIC answers with).
 */
void psd_irqp_show_line(struct seq_file *m, const struct psd_irqp_entry *e,
			const struct psd_irqp_sample *s,
			const struct psd_irqp_class *c)
{
	const char *sep = "";
	unsigned int i;

	seq_printf(m, "irq=%u hwirq=%lu", e->irq, e->hwirq);
	seq_putc(m, ' ');
	psd_seq_str(m, "chip", e->chip);
	seq_printf(m, " wake=%u enabled=%u pending=%s pending_ms=%llu count=%llu stuck=%u active=%s masked=%s armed=%u chained=%u watch=",
		   s->wake, s->enabled, psd_irqp_bit_name(s->pending),
		   psd_irqp_pending_ms(c, s), s->count, c->stuck,
		   psd_irqp_bit_name(s->active), psd_irqp_bit_name(s->masked),
		   s->armed, s->chained);
	for (i = 0; i < ARRAY_SIZE(psd_irqp_whys); i++) {
		if (!(e->why & psd_irqp_whys[i].bit))
			continue;
		seq_printf(m, "%s%s", sep, psd_irqp_whys[i].name);
		sep = ",";
	}
	if (s->gic)
		seq_printf(m, " group=%s prio=0x%02x pmr=0x%02x route=0x%llx cause=%s",
			   psd_gic_tri_name(s->line.group), s->line.prio,
			   s->pmr, s->line.route,
			   s->line.pending ? psd_gic_cause_name(s->cause) :
					     "none");
	seq_putc(m, '\n');
}

/* rec->flag bits of an IRQ_STUCK_PENDING record */
#define PSD_IRQP_REC_WAKE	BIT(0)
#define PSD_IRQP_REC_ENABLED	BIT(1)
#define PSD_IRQP_REC_MASKED	2	/* shift of the masked psd_irqp_bit */
#define PSD_IRQP_REC_CAUSE	4	/* shift of the enum psd_gic_cause */
#define PSD_IRQP_REC_CAUSE_MASK	GENMASK(6, 4)

static_assert(PSD_GIC_NR_CAUSES <= 8);

/**
 * psd_irqp_cause() - why a sampled IRQ is not delivered
 * @s: the sample
 *
 * Return: enum psd_gic_cause from the GIC's registers; unknown when the
 * GIC does not answer for the IRQ.
 */
u8 psd_irqp_cause(const struct psd_irqp_sample *s)
{
	return s->gic ? s->cause : PSD_GIC_CAUSE_UNKNOWN;
}

/**
 * psd_irqp_stuck_record() - fill an IRQ_STUCK_PENDING anomaly
 * @rec: the record, zeroed by the caller
 * @e: the stuck entry
 * @s: the sample that made it stuck
 * @c: the classifier state after @s
 * @cycle: the current cycle
 * @at: enum psd_phase of the sample point, or PSD_IRQP_AT_POLL
 */
void psd_irqp_stuck_record(struct psd_record *rec,
			   const struct psd_irqp_entry *e,
			   const struct psd_irqp_sample *s,
			   const struct psd_irqp_class *c, u32 cycle, u8 at)
{
	rec->t_ns = s->t_ns;
	rec->cycle = cycle;
	rec->type = PSD_AN_IRQ_STUCK_PENDING;
	rec->phase = at;
	rec->flag = (s->wake ? PSD_IRQP_REC_WAKE : 0) |
		    (s->enabled ? PSD_IRQP_REC_ENABLED : 0) |
		    s->masked << PSD_IRQP_REC_MASKED |
		    psd_irqp_cause(s) << PSD_IRQP_REC_CAUSE;
	rec->v[0] = e->irq;
	rec->v[1] = e->hwirq;
	rec->v[2] = psd_irqp_pending_ms(c, s);
	rec->v[3] = s->count;
	strscpy(rec->name, e->chip, sizeof(rec->name));
}

/**
 * psd_irqpend_stuck_show() - the class keys of an IRQ_STUCK_PENDING line
 * @m: the seq_file
 * @rec: a record filled by psd_irqp_stuck_record()
 */
void psd_irqpend_stuck_show(struct seq_file *m, const struct psd_record *rec)
{
	const char *at = "poll";

	if (rec->phase == PSD_PH_MANUAL)
		at = "control";
	else if (rec->phase < PSD_NR_PHASES)
		at = psd_phase_name(rec->phase);
	seq_printf(m, " irq=%lld hwirq=%lld", rec->v[0], rec->v[1]);
	seq_putc(m, ' ');
	psd_seq_str(m, "chip", rec->name);
	seq_printf(m, " wake=%u enabled=%u masked=%s pending_ms=%lld count=%lld at=%s cause=%s",
		   !!(rec->flag & PSD_IRQP_REC_WAKE),
		   !!(rec->flag & PSD_IRQP_REC_ENABLED),
		   psd_irqp_bit_name(rec->flag >> PSD_IRQP_REC_MASKED & 3),
		   rec->v[2], rec->v[3], at,
		   psd_gic_cause_name((rec->flag & PSD_IRQP_REC_CAUSE_MASK) >>
				      PSD_IRQP_REC_CAUSE));
}
