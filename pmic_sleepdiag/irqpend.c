// SPDX-License-Identifier: GPL-2.0
/*
 * irqpend: interrupts whose pending bit stays set while nobody services
 * them.  /sys/kernel/debug/irq/ shows only the kernel's software state; a
 * line the GIC holds pending but never delivers keeps a board asleep or
 * wakes it into a storm, and only the irqchip knows.
 *
 * Watched: every wake-armed IRQ (refreshed at each suspend_noirq, when
 * dev_pm_set_wake_irq() ones are armed too), watch_irqs=, control
 * watch_irq, and the parent line of any watched IRQ whose chip cannot
 * answer (nested PMIC interrupts).  At most PSD_IRQP_MAX.
 *
 * Sampled, in process context under one mutex: at suspend_noirq and
 * resume_noirq (the module's own device callbacks), by a delayed work on
 * the freezable workqueue (so it rests while the system sleeps) during a
 * window after each resume and for as long as a watched IRQ is pending,
 * and at each control command.  Reads of irq/pending look again too, but
 * into a scratch copy: readers never change state, so what a read sees is
 * not remembered and raises nothing.
 *
 * A sample asks irq_get_irqchip_state() only when the chip hierarchy
 * answers without a bus lock (a regmap-irq chip would do I2C under a
 * mutex); otherwise the IRQ is pending=unsupported.  Each sample looks the
 * IRQ up again and drops the entry when its descriptor went away or the
 * number now belongs to another interrupt.  The chip hierarchy (parent
 * irq_data, freed with plain kfree()) is walked under the descriptor's
 * lock, as irq_get_irqchip_state() walks it; the descriptor itself is
 * freed after an RCU grace period.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/atomic.h>
#include <linux/ctype.h>
#include <linux/interrupt.h>
#include <linux/irq.h>
#include <linux/irqdesc.h>
#include <linux/irqdomain.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mutex.h>
#include <linux/preempt.h>
#include <linux/rcupdate.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/timekeeping.h>
#include <linux/workqueue.h>

#include "compat.h"
#include "irqpend.h"

/*
 * The layer's data in a core instance (psd_layer_data()).  Only the
 * module's is started: a KUnit case's never polls.
 */
struct psd_irqp {
	struct mutex lock;		/* everything below */
	bool running;
	bool any_pending;		/* at the last sample */
	u64 window_end;			/* poll until then after a resume */
	struct delayed_work work;
	struct psd_irqp_table tab;
	struct psd_gic_dist_facts gic;	/* at the last sample */
	struct psd_gscan scan;
	DECLARE_BITMAP(spis, PSD_GIC_MAX_LINES);	/* scan scratch */
	atomic_t unsupported_now;	/* summary's, read without the lock */
};

static void psd_irqp_work(struct work_struct *work);

static struct psd_irqp *psd_irqp(void)
{
	return psd_layer_data(&psd_irqpend_layer);
}

static int psd_irqp_data_init(void *data)
{
	struct psd_irqp *ip = data;

	mutex_init(&ip->lock);
	INIT_DELAYED_WORK(&ip->work, psd_irqp_work);
	return 0;
}

static u64 psd_irqp_stuck_ns(void)
{
	return (u64)psd_setting(PSD_SET_STUCK_MS) * NSEC_PER_MSEC;
}

/* The irq_data of @e's IRQ if it is still the one watched; under RCU. */
static struct irq_data *psd_irqp_lookup(const struct psd_irqp_entry *e)
{
	struct irq_data *d = irq_get_irq_data(e->irq);

	if (!d || d != e->ident || d->domain != e->ident_domain ||
	    d->hwirq != e->ident_hwirq)
		return NULL;
	return d;
}

/*
 * The level whose chip irq_get_irqchip_state() would ask, found the way
 * the core finds it; NULL when none answers or a chip on the way has a
 * bus lock (the call would sleep).
 */
static struct irq_data *psd_irqp_state_level(struct irq_data *d)
{
	while (d) {
		struct irq_chip *chip = irq_data_get_irq_chip(d);

		if (!chip || chip->irq_bus_lock)
			return NULL;
		if (chip->irq_get_irqchip_state)
			return d;
#ifdef CONFIG_IRQ_DOMAIN_HIERARCHY
		d = d->parent_data;
#else
		d = NULL;
#endif
	}
	return NULL;
}

/*
 * A chained parent: irq_set_chained_handler*() installs the core's own
 * action on a line it marks unrequestable, unprobeable and unthreaded;
 * request_irq() never leaves an action on an unrequestable line.
 */
static bool psd_irqp_chained(const struct irq_desc *desc)
{
	const unsigned int marks = IRQ_NOREQUEST | IRQ_NOPROBE | IRQ_NOTHREAD;

	return READ_ONCE(desc->action) &&
	       (READ_ONCE(desc->status_use_accessors) & marks) == marks;
}

/* The level of @d's hierarchy that is the GIC's, NULL when none is. */
static struct irq_data *psd_irqp_gic_level(struct irq_data *d)
{
	while (d && !psd_gic_dist_owns(d)) {
#ifdef CONFIG_IRQ_DOMAIN_HIERARCHY
		d = d->parent_data;
#else
		d = NULL;
#endif
	}
	return d;
}

/*
 * The chip's name as /proc/interrupts shows it: some chips (the GICv2 in
 * SVC mode) have no .name and print one with .irq_print_chip, which
 * show_interrupts() calls with the descriptor's raw lock held, so it
 * neither sleeps nor changes state.  Else the domain's name, else "none".
 */
static void psd_irqp_chip_name(struct irq_data *d, struct irq_chip *chip,
			       char *buf, size_t len)
{
	struct seq_file m = { .buf = buf, .size = len - 1 };

	if (chip && chip->name) {
		strscpy(buf, chip->name, len);
		return;
	}
	if (chip && chip->irq_print_chip) {
		chip->irq_print_chip(d, &m);
		if (m.count && !seq_has_overflowed(&m)) {
			buf[m.count] = '\0';
			return;
		}
	}
	strscpy(buf, d->domain && d->domain->name ? d->domain->name : "none",
		len);
}

/* The GIC's registers for @s's IRQ, INTID @ghw (@g: the GIC has it). */
static void psd_irqp_gic_look(const struct psd_gic_dist_facts *f, bool g,
			      unsigned long ghw, struct psd_irqp_sample *s)
{
	if (!g || !psd_gic_dist_read_line(f, ghw, &s->line))
		return;
	s->line.wake = s->wake;
	s->gic = true;
	s->pmr = f->pmr;
	s->cause = psd_gic_cause(f, &s->line);
}

static u8 psd_irqp_state(unsigned int irq, enum irqchip_irq_state which)
{
	bool on;

	if (irq_get_irqchip_state(irq, which, &on))
		return PSD_IRQP_UNSUPPORTED;
	return on ? PSD_IRQP_YES : PSD_IRQP_NO;
}

/* kstat_irqs_cpu() is not exported; the inline accessor is. */
static u64 psd_irqp_count(struct irq_desc *desc)
{
	unsigned int cpu;
	u64 n = 0;

	for_each_possible_cpu(cpu)
		n += irq_desc_kstat_cpu(desc, cpu);
	return n;
}

/*
 * Look at @e's IRQ now: fill @s and @e's chip, hwirq and parent line; @f
 * is the GIC distributor, read for this round of looks.  Return false
 * when its descriptor went away or was reused.
 */
static bool psd_irqp_look(struct psd_irqp_entry *e, struct psd_irqp_sample *s,
			  const struct psd_gic_dist_facts *f)
{
	struct irq_data *d, *lvl, *g;
	unsigned long flags, ghw = 0;
	struct irq_desc *desc;
	struct irq_chip *chip;
	bool percpu;

	memset(s, 0, sizeof(*s));
	rcu_read_lock();
	d = psd_irqp_lookup(e);
	if (!d) {
		rcu_read_unlock();
		return false;
	}
	desc = irq_data_to_desc(d);
	/* Parent levels live as long as the mapping: walk them locked. */
	raw_spin_lock_irqsave(&desc->lock, flags);
	if (psd_irqp_lookup(e) != d) {
		raw_spin_unlock_irqrestore(&desc->lock, flags);
		rcu_read_unlock();
		return false;
	}
	lvl = psd_irqp_state_level(d);
	chip = irq_data_get_irq_chip(lvl ?: d);
	psd_irqp_chip_name(lvl ?: d, chip, e->chip, sizeof(e->chip));
	e->hwirq = irqd_to_hwirq(lvl ?: d);
	g = psd_irqp_gic_level(d);
	if (g)
		ghw = irqd_to_hwirq(g);
	e->parent_irq = desc->parent_irq > 0 ? desc->parent_irq : 0;
	s->wake = irqd_is_wakeup_set(d);
	s->armed = irqd_is_wakeup_armed(d);
	s->chained = psd_irqp_chained(desc);
	raw_spin_unlock_irqrestore(&desc->lock, flags);

	/* A per-CPU interrupt's state is the sampling CPU's: stay on it. */
	percpu = irqd_is_per_cpu(d) || desc->percpu_enabled;
	if (percpu)
		preempt_disable();
	s->t_ns = ktime_get_boot_fast_ns();
	if (desc->percpu_enabled)
		s->enabled = cpumask_test_cpu(smp_processor_id(),
					      desc->percpu_enabled);
	else
		s->enabled = !irqd_irq_disabled(d);
	/* irq_get_irqchip_state() takes the lock itself. */
	if (lvl) {
		s->pending = psd_irqp_state(e->irq, IRQCHIP_STATE_PENDING);
		s->active = psd_irqp_state(e->irq, IRQCHIP_STATE_ACTIVE);
		s->masked = psd_irqp_state(e->irq, IRQCHIP_STATE_MASKED);
	} else {
		s->pending = PSD_IRQP_UNSUPPORTED;
		s->active = PSD_IRQP_UNSUPPORTED;
		s->masked = PSD_IRQP_UNSUPPORTED;
	}
	psd_irqp_gic_look(f, !!g, ghw, s);
	/* After the bits: a handler that ran meanwhile shows as a move. */
	s->count = psd_irqp_count(desc);
	if (percpu)
		preempt_enable();
	rcu_read_unlock();
	return true;
}

/* Is GIC INTID @hwirq watched?  Lock held. */
static bool psd_irqp_watches_gic(struct psd_irqp *ip, u32 hwirq)
{
	const struct psd_irqp_table *t = &ip->tab;
	unsigned int i;

	for (i = 0; i < t->n; i++)
		if (t->e[i].last.gic && t->e[i].last.line.hwirq == hwirq)
			return true;
	return false;
}

/* Handler count, and whether a handler is installed, of Linux IRQ @irq. */
static u64 psd_irqp_count_of(unsigned int irq, bool *requested, bool *wake)
{
	struct irq_desc *desc;
	struct irq_data *d;
	u64 n = 0;

	*requested = false;
	*wake = false;
	if (!irq)
		return 0;
	rcu_read_lock();
	d = irq_get_irq_data(irq);
	if (d) {
		desc = irq_data_to_desc(d);
		n = psd_irqp_count(desc);
		*requested = !!READ_ONCE(desc->action);
		*wake = irqd_is_wakeup_set(d);
	}
	rcu_read_unlock();
	return n;
}

/* A followed SPI found stuck: keep it in irq/gic with its cause. */
static void psd_irqp_scan_stuck(struct psd_irqp *ip, struct psd_gscan_cand *c,
				u64 t_ns, u32 cycle)
{
	struct psd_gscan_line *l = psd_gscan_keep(&ip->scan, c->hwirq);
	struct psd_gic_line line;
	bool requested, wake;

	c->judged = true;
	if (!l)
		return;
	l->irq = psd_gic_dist_irq(c->hwirq);
	l->cycle = cycle;
	psd_irqp_count_of(l->irq, &requested, &wake);
	l->requested = requested;
	l->pending_ms = div_u64(t_ns - c->t_ns, NSEC_PER_MSEC);
	l->cause = PSD_GIC_CAUSE_UNKNOWN;
	if (psd_gic_dist_read_line(&ip->gic, c->hwirq, &line)) {
		line.wake = wake;
		l->cause = psd_gic_cause(&ip->gic, &line);
	}
}

/* A judged line still pending: how long it has been, in its kept entry. */
static void psd_irqp_scan_update(struct psd_irqp *ip,
				 const struct psd_gscan_cand *c, u64 t_ns)
{
	struct psd_gscan *g = &ip->scan;
	unsigned int i;

	for (i = 0; i < g->nstuck; i++)
		if (g->stuck[i].hwirq == c->hwirq && t_ns >= c->t_ns)
			g->stuck[i].pending_ms = div_u64(t_ns - c->t_ns,
							 NSEC_PER_MSEC);
}

/*
 * Scan the distributor's pending bits (one MMIO read per 32 lines) for
 * SPIs nobody watches: follow those pending at suspend_noirq, judge them
 * at the looks after (irqpend_scan.c).  Return true while a followed line
 * awaits judgement (keep polling).  Lock held.
 */
static bool psd_irqp_scan(struct psd_irqp *ip, u8 at, u32 cycle)
{
	struct psd_gscan *g = &ip->scan;
	enum psd_gscan_at where = PSD_GSCAN_AFTER;
	u64 t_ns, count, stuck_ns = psd_irqp_stuck_ns();
	struct psd_gscan_cand *c;
	bool requested, wake, waiting = false;
	unsigned int hw, i;

	if (!psd_setting(PSD_SET_GIC_SCAN) ||
	    ip->gic.version == PSD_GIC_NONE)
		return false;
	psd_gic_dist_scan_pending(&ip->gic, ip->spis,
				  PSD_GIC_MAX_LINES);
	t_ns = ktime_get_boot_fast_ns();
	if (at == PSD_PH_SUSPEND_NOIRQ) {
		psd_gscan_before(g);
		for_each_set_bit(hw, ip->spis, PSD_GIC_MAX_LINES) {
			unsigned int irq = psd_gic_dist_irq(hw);

			if (psd_irqp_watches_gic(ip, hw))
				continue;
			count = psd_irqp_count_of(irq, &requested, &wake);
			psd_gscan_follow(g, hw, irq, t_ns, count);
		}
		return g->ncand;
	}
	if (at == PSD_PH_RESUME_NOIRQ) {
		g->resumed = true;
		where = PSD_GSCAN_MASKED;
	} else if (at != PSD_IRQP_AT_POLL) {
		where = PSD_GSCAN_MASKED;	/* control: not a poll's pair */
	}
	i = 0;
	while (i < g->ncand) {
		c = &g->cand[i];
		count = psd_irqp_count_of(c->irq, &requested, &wake);
		switch (psd_gscan_judge(g, c, where,
					test_bit(c->hwirq, ip->spis),
					count, t_ns, stuck_ns)) {
		case PSD_GSCAN_DROP:
			psd_gscan_drop(g, c);
			continue;
		case PSD_GSCAN_STUCK:
			if (c->judged)
				psd_irqp_scan_update(ip, c, t_ns);
			else
				psd_irqp_scan_stuck(ip, c, t_ns, cycle);
			break;
		case PSD_GSCAN_WAIT:
			waiting |= !c->judged;
			break;
		}
		i++;
	}
	return waiting;
}

/* Watch @irq for @why; NULL when it does not exist or the table is full. */
static struct psd_irqp_entry *psd_irqp_want(struct psd_irqp_table *t,
					    unsigned int irq, u8 why)
{
	struct psd_irqp_entry *e = psd_irqp_find(t, irq);
	struct irq_data *d;

	if (e) {
		e->why |= why;
		return e;
	}
	rcu_read_lock();
	d = irq_get_irq_data(irq);
	if (d) {
		e = psd_irqp_add(t, irq, why);
		if (e) {
			e->ident = d;
			e->ident_domain = d->domain;
			e->ident_hwirq = d->hwirq;
		}
	}
	rcu_read_unlock();
	return e;
}

/* Sample one entry into the real state. Return false if it was dropped. */
static bool psd_irqp_sample_one(struct psd_irqp *ip, struct psd_irqp_entry *e,
				u32 cycle, u8 at)
{
	struct psd_irqp_table *t = &ip->tab;
	struct psd_irqp_sample s;
	struct psd_record rec = {};
	enum psd_gic_cause cause;

	if (!psd_irqp_look(e, &s, &ip->gic)) {
		t->dropped++;
		psd_irqp_remove(t, e);
		return false;
	}
	e->last = s;
	if (psd_irqp_classify(&e->cls, &s, psd_irqp_stuck_ns())) {
		psd_irqp_stuck_record(&rec, e, &s, &e->cls, cycle, at);
		psd_anomaly_raise(&rec);
	}
	psd_report_irq(cycle, e->irq, at, s.pending, s.wake, e->cls.stuck);
	cause = psd_irqp_cause(&s);
	if (e->cls.stuck)
		psd_report_irq_cause(cycle, e->irq, psd_gic_cause_name(cause),
				     psd_gic_cause_advice(cause, s.wake));
	return true;
}

/*
 * Sample every entry (@fresh: only those never sampled), then watch the
 * parent line of each unsupported one and sample those.  Lock held.
 */
static void psd_irqp_sample(struct psd_irqp *ip, u8 at, bool fresh)
{
	struct psd_irqp_table *t = &ip->tab;
	u32 cycle = psd_cycle_current();
	unsigned int i, pass;
	bool any = false;

	psd_gic_dist_facts(&ip->gic);
	for (pass = 0; pass < 2; pass++) {
		i = 0;
		while (i < t->n) {
			struct psd_irqp_entry *e = &t->e[i];

			if ((fresh && e->last.t_ns) ||
			    psd_irqp_sample_one(ip, e, cycle, at))
				i++;
		}
		/* Parents join unsampled; the second pass looks at them. */
		for (i = 0; i < t->n; i++)
			if (t->e[i].last.pending == PSD_IRQP_UNSUPPORTED &&
			    t->e[i].parent_irq &&
			    !psd_irqp_find(t, t->e[i].parent_irq))
				psd_irqp_want(t, t->e[i].parent_irq,
					      PSD_IRQP_WHY_PARENT);
		fresh = true;
	}
	for (i = 0; i < t->n; i++)
		any |= t->e[i].last.pending == PSD_IRQP_YES;
	any |= psd_irqp_scan(ip, at, cycle);
	ip->any_pending = any;
	atomic_set(&ip->unsupported_now, psd_irqp_unsupported(t));
}

/*
 * Renew the wake-armed part of the list: forget reasons that no longer
 * hold, then add every IRQ armed now.  Lock held.
 */
static void psd_irqp_refresh(struct psd_irqp *ip)
{
	struct psd_irqp_table *t = &ip->tab;
	unsigned int irq, nr = irq_get_nr_irqs();
	struct psd_irqp_entry *e, *p;
	struct irq_data *d;
	unsigned int i;
	bool wake;

	for (i = 0; i < t->n; i++) {
		e = &t->e[i];
		e->why &= ~PSD_IRQP_WHY_PARENT;
		if (!(e->why & PSD_IRQP_WHY_WAKE))
			continue;
		rcu_read_lock();
		d = psd_irqp_lookup(e);
		if (!d || !irqd_is_wakeup_set(d))
			e->why &= ~PSD_IRQP_WHY_WAKE;
		rcu_read_unlock();
	}
	/* Parents stay, with their history, while a child needs them. */
	for (i = 0; i < t->n; i++) {
		e = &t->e[i];
		if (e->why && e->last.pending == PSD_IRQP_UNSUPPORTED &&
		    e->parent_irq) {
			p = psd_irqp_find(t, e->parent_irq);
			if (p)
				p->why |= PSD_IRQP_WHY_PARENT;
		}
	}
	psd_irqp_sweep(t);

	for (irq = 0; irq < nr; irq++) {
		rcu_read_lock();
		d = irq_get_irq_data(irq);
		wake = d && irqd_is_wakeup_set(d);
		rcu_read_unlock();
		if (wake)
			psd_irqp_want(t, irq, PSD_IRQP_WHY_WAKE);
	}
}

/* watch_irqs=, syntax-checked at load: "12,34". Lock held. */
static void psd_irqp_watch_param(struct psd_irqp *ip)
{
	const char *p = psd_params.watch_irqs;
	unsigned long irq;
	bool big;

	while (p && *p) {
		if (!isdigit(*p))
			break;
		for (irq = 0, big = false; isdigit(*p); p++) {
			irq = irq * 10 + (*p - '0');
			big |= irq > INT_MAX;
			if (big)
				irq = INT_MAX;
		}
		if (*p == ',')
			p++;
		if (big || !psd_irqp_want(&ip->tab, irq, PSD_IRQP_WHY_PARAM))
			pr_warn("watch_irqs: IRQ %lu%s does not exist or the watch list is full; not watched\n",
				irq, big ? "+" : "");
	}
}

/* Four looks per stuck_ms: the three samples fit well inside it. */
static unsigned long psd_irqp_period(void)
{
	return max_t(unsigned long, 1,
		     msecs_to_jiffies(psd_setting(PSD_SET_STUCK_MS) / 4));
}

/* Poll while something is pending or the window is open. Lock held. */
static void psd_irqp_schedule(struct psd_irqp *ip)
{
	if (ip->running &&
	    (ip->any_pending ||
	     ktime_get_boot_fast_ns() < ip->window_end))
		queue_delayed_work(system_freezable_wq, &ip->work,
				   psd_irqp_period());
}

static void psd_irqp_work(struct work_struct *work)
{
	struct psd_irqp *ip = container_of(to_delayed_work(work),
					   struct psd_irqp, work);

	mutex_lock(&ip->lock);
	if (ip->running) {
		psd_irqp_sample(ip, PSD_IRQP_AT_POLL, false);
		psd_irqp_schedule(ip);
	}
	mutex_unlock(&ip->lock);
}

static int psd_irqp_start(const char **why)
{
	struct psd_irqp *ip = psd_irqp();

	/* No GIC, another irqchip, ACPI: gic=none and cause=unknown. */
	psd_gic_dist_init();
	mutex_lock(&ip->lock);
	memset(&ip->tab, 0, sizeof(ip->tab));
	memset(&ip->scan, 0, sizeof(ip->scan));
	ip->any_pending = false;
	ip->window_end = 0;
	psd_irqp_watch_param(ip);
	psd_irqp_refresh(ip);
	ip->running = true;
	psd_irqp_sample(ip, PSD_IRQP_AT_POLL, false);
	psd_irqp_schedule(ip);
	mutex_unlock(&ip->lock);
	return 0;
}

static void psd_irqp_stop(void)
{
	struct psd_irqp *ip = psd_irqp();

	mutex_lock(&ip->lock);
	ip->running = false;
	mutex_unlock(&ip->lock);
	/* The work may be queued, running or re-queueing itself. */
	cancel_delayed_work_sync(&ip->work);
	mutex_lock(&ip->lock);
	ip->tab.n = 0;
	atomic_set(&ip->unsupported_now, 0);
	mutex_unlock(&ip->lock);
	psd_gic_dist_exit();
}

/* control "reset": forget episodes, keep the list. */
static void psd_irqp_reset(void)
{
	struct psd_irqp *ip = psd_irqp();
	struct psd_irqp_table *t = &ip->tab;
	unsigned int i;

	mutex_lock(&ip->lock);
	for (i = 0; i < t->n; i++)
		memset(&t->e[i].cls, 0, sizeof(t->e[i].cls));
	t->overflow = 0;
	t->dropped = 0;
	memset(&ip->scan, 0, sizeof(ip->scan));
	mutex_unlock(&ip->lock);
}

static void psd_irqp_apply(unsigned int setting, u32 value)
{
	struct psd_irqp *ip = psd_irqp();

	mutex_lock(&ip->lock);
	/* A new stuck_ms: the next poll comes at the new period. */
	if (ip->running && delayed_work_pending(&ip->work))
		mod_delayed_work(system_freezable_wq, &ip->work,
				 psd_irqp_period());
	mutex_unlock(&ip->lock);
}

static void psd_irqp_devpm(u32 cycle, enum psd_phase phase)
{
	struct psd_irqp *ip = psd_irqp();
	u64 window;

	if (phase != PSD_PH_SUSPEND_NOIRQ && phase != PSD_PH_RESUME_NOIRQ)
		return;
	mutex_lock(&ip->lock);
	if (phase == PSD_PH_SUSPEND_NOIRQ)
		psd_irqp_refresh(ip);	/* dev_pm_set_wake_irq() ones armed now */
	psd_irqp_sample(ip, phase, false);
	if (phase == PSD_PH_RESUME_NOIRQ) {
		window = max(psd_setting(PSD_SET_STUCK_MS),
			     psd_setting(PSD_SET_POST_RESUME_MS));
		ip->window_end = ktime_get_boot_fast_ns() +
				      window * NSEC_PER_MSEC;
	}
	/* Frozen until the system is back: the window starts after thaw. */
	psd_irqp_schedule(ip);
	mutex_unlock(&ip->lock);
}

static int psd_irqp_watch(unsigned int irq, bool add, const char **why)
{
	struct psd_irqp *ip = psd_irqp();
	struct psd_irqp_table *t = &ip->tab;
	struct psd_irqp_entry *e;
	int ret = 0;

	mutex_lock(&ip->lock);
	/* Entries whose IRQ went away go first: their slots are free. */
	psd_irqp_sample(ip, PSD_PH_MANUAL, false);
	e = psd_irqp_find(t, irq);
	if (add && !e && t->n == PSD_IRQP_MAX) {
		*why = "watch list full (64 IRQs)";
		ret = -EINVAL;
	} else if (add && !psd_irqp_want(t, irq, PSD_IRQP_WHY_USER)) {
		*why = "no such IRQ";
		ret = -EINVAL;
	} else if (add) {
		psd_irqp_sample(ip, PSD_PH_MANUAL, true);
	} else if (!e) {
		*why = "IRQ not watched";
		ret = -EINVAL;
	} else {
		psd_irqp_remove(t, e);
		psd_irqp_sample(ip, PSD_PH_MANUAL, true);
	}
	psd_irqp_schedule(ip);
	mutex_unlock(&ip->lock);
	return ret;
}

/**
 * psd_irqpend_pending_show() - seq_file show function of irq/pending
 * @m: the seq_file
 * @unused: unused
 *
 * Looks at every watched IRQ again, classifying a scratch copy: the read
 * changes no state and raises nothing.
 *
 * Return: 0, or -ENOMEM.
 */
int psd_irqpend_pending_show(struct seq_file *m, void *unused)
{
	struct psd_irqp *ip = psd_irqp();
	struct psd_irqp_table *t = &ip->tab;
	u64 stuck_ns = psd_irqp_stuck_ns();
	struct psd_gic_dist_facts f;
	struct psd_irqp_sample s;
	struct psd_irqp_entry *c;
	u64 overflow, dropped;
	unsigned int i, n;

	c = kvmalloc_array(PSD_IRQP_MAX, sizeof(*c), GFP_KERNEL);
	if (!c)
		return -ENOMEM;
	mutex_lock(&ip->lock);
	n = t->n;
	memcpy(c, t->e, n * sizeof(*c));
	overflow = t->overflow;
	dropped = t->dropped;
	mutex_unlock(&ip->lock);

	seq_printf(m, "# watched=%u max=%u overflow=%llu dropped=%llu stuck_ms=%u\n",
		   n, PSD_IRQP_MAX, overflow, dropped,
		   psd_setting(PSD_SET_STUCK_MS));
	psd_gic_dist_facts(&f);
	seq_printf(m, "# gic=%s dist_ctlr=0x%08x\n",
		   psd_gic_version_name(f.version), f.ctlr);
	for (i = 0; i < n; i++) {
		if (!psd_irqp_look(&c[i], &s, &f))
			continue;	/* gone: the next real sample drops it */
		psd_irqp_classify(&c[i].cls, &s, stuck_ns);
		psd_irqp_show_line(m, &c[i], &s, &c[i].cls);
	}
	kvfree(c);
	return 0;
}

/**
 * psd_irqpend_gic_show() - seq_file show function of irq/gic
 * @m: the seq_file
 * @unused: unused
 *
 * The distributor as read now, then the SPIs nobody watched that the scan
 * found stuck.
 *
 * Return: 0, or -ENOMEM.
 */
int psd_irqpend_gic_show(struct seq_file *m, void *unused)
{
	struct psd_irqp *ip = psd_irqp();
	struct psd_gic_dist_facts f;
	struct psd_gscan *g;
	unsigned int i;

	g = kvmalloc(sizeof(*g), GFP_KERNEL);
	if (!g)
		return -ENOMEM;
	mutex_lock(&ip->lock);
	*g = ip->scan;
	mutex_unlock(&ip->lock);

	psd_gic_dist_facts(&f);
	seq_printf(m, "version=%s spis=%u ctlr=0x%08x grp0=%s grp1ns=%s are=%s ds=%u pmr=0x%02x",
		   psd_gic_version_name(f.version),
		   f.lines > PSD_GIC_FIRST_SPI ? f.lines - PSD_GIC_FIRST_SPI : 0,
		   f.ctlr, psd_gic_tri_name(f.grp0), psd_gic_tri_name(f.grp1ns),
		   psd_gic_tri_name(f.are), f.ds, f.pmr);
	seq_printf(m, " scan=%u stuck=%u max=%u overflow=%llu followed=%u follow_overflow=%llu\n",
		   psd_setting(PSD_SET_GIC_SCAN), g->nstuck,
		   PSD_GSCAN_MAX_STUCK, g->overflow, g->ncand,
		   g->cand_overflow);
	for (i = 0; i < g->nstuck; i++)
		psd_gscan_show_line(m, &g->stuck[i]);
	kvfree(g);
	return 0;
}

static void psd_irqp_show_counts(struct seq_file *m)
{
	struct psd_irqp *ip = psd_irqp();

	seq_printf(m, "irq_unsupported: %d\n",
		   atomic_read(&ip->unsupported_now));
}

static const struct psd_layer_ops psd_irqpend_ops = {
	.start = psd_irqp_start,
	.stop = psd_irqp_stop,
	.reset = psd_irqp_reset,
	.apply = psd_irqp_apply,
	.devpm = psd_irqp_devpm,
	.watch = psd_irqp_watch,
	.show_counts = psd_irqp_show_counts,
};

static const struct psd_kind psd_irqpend_classes[] = {
	{ PSD_AN_IRQ_STUCK_PENDING, "IRQ_STUCK_PENDING", psd_irqpend_stuck_show },
	{}
};

static const struct psd_setting_desc psd_irqpend_settings[] = {
	{ PSD_SET_STUCK_MS, "stuck_ms", 1000, 10, 600000 },
	{ PSD_SET_GIC_SCAN, "gic_scan", 1, 0, 1 },
	{}
};

static const struct psd_file psd_irqpend_files[] = {
	{ "irq", "pending", 0400, psd_irqpend_pending_show },
	{ "irq", "gic", 0400, psd_irqpend_gic_show },
	{}
};

struct psd_layer psd_irqpend_layer = {
	.name = "irqpend",
	.ops = &psd_irqpend_ops,
	.classes = psd_irqpend_classes,
	.settings = psd_irqpend_settings,
	.files = psd_irqpend_files,
	.data_size = sizeof(struct psd_irqp),
	.data_init = psd_irqp_data_init,
};
