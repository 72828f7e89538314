/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The irqpend layer: interrupts left pending (irqpend.c), the watch
 * table and classifier behind it (irqpend_classify.c) and the scan of the
 * GIC's pending bits for lines nobody watched (irqpend_scan.c).
 */
#ifndef _PMIC_SLEEPDIAG_IRQPEND_H
#define _PMIC_SLEEPDIAG_IRQPEND_H

#include "gic_dist.h"
#include "internal.h"

/* ---- irqpend: interrupts stuck pending (irqpend.c) ---- */

extern struct psd_layer psd_irqpend_layer;
int psd_irqpend_pending_show(struct seq_file *m, void *unused);
int psd_irqpend_gic_show(struct seq_file *m, void *unused);

/* ---- irqpend: watch table, classifier, lines (irqpend_classify.c) ---- */

/* Watched IRQs at most, as Documentation/interface.rst says. */
#define PSD_IRQP_MAX		64
#define PSD_IRQP_MIN_SAMPLES	3	/* samples before "stuck" */

/* Why an IRQ is watched; the entry goes when no reason is left. */
#define PSD_IRQP_WHY_WAKE	BIT(0)	/* wake-armed at the last refresh */
#define PSD_IRQP_WHY_PARAM	BIT(1)	/* watch_irqs= */
#define PSD_IRQP_WHY_USER	BIT(2)	/* control watch_irq */
#define PSD_IRQP_WHY_PARENT	BIT(3)	/* parent of an unsupported one */

/* Where a sample was taken, as the anomaly's at= shows it. */
#define PSD_IRQP_AT_POLL	PSD_NR_PHASES

/**
 * struct psd_irqp_sample - one look at one IRQ
 * @t_ns:	CLOCK_BOOTTIME of the look
 * @count:	handler count, summed over CPUs
 * @pending:	enum psd_irqp_bit, IRQCHIP_STATE_PENDING
 * @active:	enum psd_irqp_bit, IRQCHIP_STATE_ACTIVE
 * @masked:	enum psd_irqp_bit, IRQCHIP_STATE_MASKED
 * @wake:	wake-enabled (irqd_is_wakeup_set), also while awake
 * @armed:	wake-armed for a sleep (irqd_is_wakeup_armed): only between
 *		suspend_device_irqs() and resume_device_irqs()
 * @chained:	a chained parent: its handler is the flow, kstat never moves
 * @enabled:	not disabled (for per-CPU IRQs: on the sampling CPU)
 * @gic:	the GIC answers for the IRQ: @line, @pmr and @cause are filled
 * @pmr:	the priority mask Linux runs with (struct psd_gic_dist_facts)
 * @cause:	enum psd_gic_cause; PSD_GIC_CAUSE_UNKNOWN without @gic
 * @line:	the line as the GIC distributor holds it
 */
struct psd_irqp_sample {
	u64 t_ns;
	u64 count;
	u8 pending;
	u8 active;
	u8 masked;
	bool wake;
	bool armed;
	bool chained;
	bool enabled;
	bool gic;
	u8 pmr;
	u8 cause;
	struct psd_gic_line line;
};

/**
 * struct psd_irqp_class - classifier state of one IRQ
 * @pend_t0:	first sample of the current run of pending samples
 * @streak_t0:	first sample of the current stuck candidate streak
 * @streak_count: handler count during the streak
 * @streak_n:	samples in the streak (0: none)
 * @streak_armed: a sample of the streak was wake-armed for a sleep
 * @pending:	the last sample was pending
 * @stuck:	stuck now; set once per episode
 */
struct psd_irqp_class {
	u64 pend_t0;
	u64 streak_t0;
	u64 streak_count;
	u32 streak_n;
	bool streak_armed;
	bool pending;
	bool stuck;
};

/**
 * struct psd_irqp_entry - one watched IRQ
 * @irq:	Linux IRQ number
 * @why:	PSD_IRQP_WHY_* bits
 * @hwirq:	hwirq at the chip level that answers (GIC INTID)
 * @parent_irq:	the descriptor's parent line (nested PMIC IRQs), 0: none
 * @ident:	irq_data seen when added, never dereferenced: reuse check
 * @ident_domain: its domain, same purpose
 * @ident_hwirq: its hwirq, same purpose
 * @last:	the last sample
 * @cls:	classifier state
 * @chip:	name of the chip that answers (or of the top chip)
 */
struct psd_irqp_entry {
	unsigned int irq;
	u8 why;
	unsigned long hwirq;
	unsigned int parent_irq;
	const void *ident;
	const void *ident_domain;
	unsigned long ident_hwirq;
	struct psd_irqp_sample last;
	struct psd_irqp_class cls;
	char chip[PSD_NAME_LEN];
};

/**
 * struct psd_irqp_table - the bounded watch list, sorted by IRQ
 * @n:		entries in use
 * @overflow:	IRQs that did not fit
 * @dropped:	entries dropped because their descriptor went away
 * @e:		the entries
 */
struct psd_irqp_table {
	unsigned int n;
	u64 overflow;
	u64 dropped;
	struct psd_irqp_entry e[PSD_IRQP_MAX];
};

bool psd_irqp_classify(struct psd_irqp_class *c,
		       const struct psd_irqp_sample *s, u64 stuck_ns);
u64 psd_irqp_pending_ms(const struct psd_irqp_class *c,
			const struct psd_irqp_sample *s);
struct psd_irqp_entry *psd_irqp_find(struct psd_irqp_table *t,
				     unsigned int irq);
struct psd_irqp_entry *psd_irqp_add(struct psd_irqp_table *t,
				    unsigned int irq, u8 why);
void psd_irqp_remove(struct psd_irqp_table *t, struct psd_irqp_entry *e);
void psd_irqp_sweep(struct psd_irqp_table *t);
unsigned int psd_irqp_unsupported(const struct psd_irqp_table *t);
u8 psd_irqp_cause(const struct psd_irqp_sample *s);
void psd_irqp_show_line(struct seq_file *m, const struct psd_irqp_entry *e,
			const struct psd_irqp_sample *s,
			const struct psd_irqp_class *c);
void psd_irqp_stuck_record(struct psd_record *rec,
			   const struct psd_irqp_entry *e,
			   const struct psd_irqp_sample *s,
			   const struct psd_irqp_class *c, u32 cycle, u8 at);
void psd_irqpend_stuck_show(struct seq_file *m, const struct psd_record *rec);

/* ---- irqpend: GIC lines stuck pending that nobody watched (irqpend_scan.c) */

#define PSD_GSCAN_MAX_CAND	64	/* SPIs followed across one sleep */
#define PSD_GSCAN_MAX_STUCK	16	/* unwatched stuck SPIs kept */

/* Where a scan of the distributor's pending bits was taken. */
enum psd_gscan_at {
	PSD_GSCAN_BEFORE,	/* suspend_noirq: the last look before the sleep */
	PSD_GSCAN_MASKED,	/* resume_noirq: device IRQs are still suspended */
	PSD_GSCAN_AFTER,	/* a poll after resume_device_irqs() */
};

/* What a scan says of a followed SPI. */
enum psd_gscan_verdict {
	PSD_GSCAN_WAIT,		/* still pending; no judgement yet */
	PSD_GSCAN_DROP,		/* cleared or handled: not stuck */
	PSD_GSCAN_STUCK,	/* pending across the sleep, never handled */
};

/**
 * struct psd_gscan_cand - an SPI seen pending at the last look before a sleep
 * @hwirq:	INTID
 * @irq:	Linux IRQ it is mapped to, 0: none
 * @t_ns:	CLOCK_BOOTTIME of that look
 * @count:	its handler count then (0 when unmapped)
 * @judged:	found stuck; followed only to update the kept line
 */
struct psd_gscan_cand {
	u32 hwirq;
	u32 irq;
	u64 t_ns;
	u64 count;
	bool judged;
};

/**
 * struct psd_gscan_line - an unwatched SPI found stuck, as irq/gic shows it
 * @hwirq:	INTID
 * @irq:	Linux IRQ, 0: unmapped
 * @cycle:	the cycle it was found stuck in
 * @requested:	a handler was installed when it was found
 * @cause:	enum psd_gic_cause
 * @pending_ms:	pending for at least this long, at the latest look
 */
struct psd_gscan_line {
	u32 hwirq;
	u32 irq;
	u32 cycle;
	bool requested;
	u8 cause;
	u64 pending_ms;
};

/**
 * struct psd_gscan - the scan's state, sized at build time
 * @resumed:	the system resumed since @cand was taken
 * @ncand:	entries in @cand
 * @cand_overflow: SPIs pending before a sleep that did not fit in @cand
 * @cand:	the SPIs followed across the last sleep
 * @nstuck:	entries in @stuck
 * @overflow:	stuck SPIs that did not fit in @stuck
 * @stuck:	unwatched SPIs found stuck, until control "reset"
 */
struct psd_gscan {
	bool resumed;
	unsigned int ncand;
	u64 cand_overflow;
	struct psd_gscan_cand cand[PSD_GSCAN_MAX_CAND];
	unsigned int nstuck;
	u64 overflow;
	struct psd_gscan_line stuck[PSD_GSCAN_MAX_STUCK];
};

void psd_gscan_before(struct psd_gscan *g);
bool psd_gscan_follow(struct psd_gscan *g, u32 hwirq, u32 irq, u64 t_ns,
		      u64 count);
void psd_gscan_drop(struct psd_gscan *g, struct psd_gscan_cand *c);
enum psd_gscan_verdict psd_gscan_judge(const struct psd_gscan *g,
				       const struct psd_gscan_cand *c,
				       enum psd_gscan_at at, bool pending,
				       u64 count, u64 t_ns, u64 stuck_ns);
struct psd_gscan_line *psd_gscan_keep(struct psd_gscan *g, u32 hwirq);
void psd_gscan_show_line(struct seq_file *m, const struct psd_gscan_line *l);

#endif /* _PMIC_SLEEPDIAG_IRQPEND_H */
