// SPDX-License-Identifier: GPL-2.0
/*
 * The IRQ that woke each suspend, from a kprobe on pm_system_irq_wakeup():
 * the kernel calls it from the interrupt flow handler, desc->lock held,
 * when an armed wake IRQ fires while device interrupts are suspended.
 * pm_wakeup_irq() is not exported, and /sys/power/pm_wakeup_irq needs
 * CONFIG_PM_SLEEP_DEBUG.  Where the kprobe cannot be placed (no KPROBES,
 * the function inlined) the cycle's wake IRQ stays unknown.
 *
 * Behind a nested irqchip (a PMIC's regmap-irq chip, whose RTC alarm is a
 * nested-thread child) handle_nested_irq() never calls
 * irq_pm_check_wakeup(): the wake IRQ the kernel sees is the chip's parent
 * line.  Which child it carried is known only once the chip's thread has
 * read its status after resume and calls handle_nested_irq() for it, so
 * the wake of a parent that has nested children (learnt at prepare from
 * the descriptors' irq_set_parent() links) is held until a second kprobe,
 * on handle_nested_irq(), sees one of its children run, or until the
 * cycle's post phase; then one wake_irq event names both.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/alarmtimer.h>
#include <linux/interrupt.h>
#include <linux/irqnr.h>
#include <linux/irq.h>
#include <linux/irqdesc.h>
#include <linux/kprobes.h>
#include <linux/rtc.h>
#include <linux/rcupdate.h>
#include <linux/seq_file.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/timekeeping.h>

#include "../pmic_sleepdiag/compat.h"
#include "../pmic_sleepdiag/internal.h"
#include "internal.h"

static bool psd_wakeirq_on;
static bool psd_wakeirq_nested_on;
/* The RTC's device and its parent; the RTC's IRQ is requested by either. */
static char psd_rtc_name[2][PSD_NAME_LEN];

/**
 * psd_wakeirq_is_rtc_name() - does an IRQ action name belong to the RTC?
 * @name: the action's name (request_irq()'s devname)
 *
 * RTC drivers name their IRQ "rtc-pl031", "rtc0", "tps65910-rtc"... or
 * after the device the RTC class device hangs off.
 *
 * Return: true if it does.
 */
bool psd_wakeirq_is_rtc_name(const char *name)
{
	unsigned int i;

	if (!name[0])
		return false;
	if (strstr(name, "rtc") || strstr(name, "RTC"))
		return true;
	for (i = 0; i < ARRAY_SIZE(psd_rtc_name); i++)
		if (psd_rtc_name[i][0] &&
		    !strncmp(name, psd_rtc_name[i], PSD_NAME_LEN - 1))
			return true;
	return false;
}

static void psd_wakeirq_fill(struct psd_record *ev, unsigned int irq,
			     s64 hwirq, const char *name)
{
	memset(ev, 0, sizeof(*ev));
	ev->t_ns = ktime_get_boot_fast_ns();
	ev->cycle = psd_cycle_current();
	ev->type = PSD_EV_WAKE_IRQ;
	ev->v[0] = irq;
	ev->v[1] = hwirq;
	ev->v[2] = -1;		/* no nested child */
	strscpy(ev->name, name, sizeof(ev->name));
	ev->flag = psd_wakeirq_is_rtc_name(ev->name);
}

/**
 * psd_wakeirq_note() - a wake IRQ fired; record it with the cycle
 * @irq: Linux IRQ number
 * @hwirq: its hardware number, or -1
 * @name: its first action's name, or ""
 *
 * The core of the kprobe handler, exposed for KUnit.  The first wake IRQ
 * of a cycle is the cycle's.  Context: hardirq, desc->lock held.
 */
void psd_wakeirq_note(unsigned int irq, s64 hwirq, const char *name)
{
	struct psd_record ev;

	psd_wakeirq_fill(&ev, irq, hwirq, name);
	psd_cycle_set_wake_irq(ev.cycle, irq);
	psd_event_add(&ev);
}

/**
 * psd_wakeirq_hold() - a nested irqchip's parent line woke the system
 * @irq: the parent's Linux IRQ number
 * @hwirq: its hardware number, or -1
 * @name: its first action's name, or ""
 *
 * The cycle's wake IRQ is @irq now; its event waits for the child that
 * psd_wakeirq_child() reports, or for psd_wakeirq_flush().  A second wake
 * while one is held is recorded at once.  Context: hardirq, desc->lock
 * held.
 */
void psd_wakeirq_hold(unsigned int irq, s64 hwirq, const char *name)
{
	struct psd_wq *wq = psd_wq();
	unsigned long flags;
	bool held;

	raw_spin_lock_irqsave(&wq->lock, flags);
	held = wq->held;
	if (!held) {
		psd_wakeirq_fill(&wq->ev, irq, hwirq, name);
		WRITE_ONCE(wq->held, true);
	}
	raw_spin_unlock_irqrestore(&wq->lock, flags);
	if (held)
		psd_wakeirq_note(irq, hwirq, name);
	else
		psd_cycle_set_wake_irq(psd_cycle_current(), irq);
}

/**
 * psd_wakeirq_child() - a nested child ran: resolve a held wake to it
 * @irq: the child's Linux IRQ number
 * @parent: the IRQ it names as its parent (irq_set_parent())
 * @name: the child's first action's name, or ""
 *
 * The first child of the held wake's line is taken as the one that woke
 * the system: the chip's thread demultiplexes what was pending at the
 * wake.  The event keeps the parent in irq=, hwirq= and action=, and adds
 * child_irq= and child_name=; rtc=1 when either belongs to the RTC.
 * Context: the irqchip's thread (the handle_nested_irq() kprobe).
 */
void psd_wakeirq_child(unsigned int irq, unsigned int parent,
		       const char *name)
{
	struct psd_wq *wq = psd_wq();
	struct psd_record ev;
	unsigned long flags;
	bool found = false;

	raw_spin_lock_irqsave(&wq->lock, flags);
	if (wq->held && wq->ev.v[0] == parent) {
		ev = wq->ev;
		WRITE_ONCE(wq->held, false);
		found = true;
	}
	raw_spin_unlock_irqrestore(&wq->lock, flags);
	if (!found)
		return;
	/* The parent's action name keeps the first half of the name. */
	ev.pair.first[sizeof(ev.pair.first) - 1] = '\0';
	strscpy(ev.pair.second, name, sizeof(ev.pair.second));
	ev.v[2] = irq;
	ev.flag |= psd_wakeirq_is_rtc_name(name);
	psd_event_add(&ev);
}

/**
 * psd_wakeirq_flush() - the cycle ends: record a wake still held as is
 *
 * Context: any (the post phase hook).
 */
void psd_wakeirq_flush(void)
{
	struct psd_wq *wq = psd_wq();
	struct psd_record ev;
	unsigned long flags;
	bool found = false;

	raw_spin_lock_irqsave(&wq->lock, flags);
	if (wq->held) {
		ev = wq->ev;
		WRITE_ONCE(wq->held, false);
		found = true;
	}
	raw_spin_unlock_irqrestore(&wq->lock, flags);
	if (found)
		psd_event_add(&ev);
}

/**
 * psd_wakeirq_is_nested_parent() - do nested children name @irq as parent?
 * @irq: a Linux IRQ number
 *
 * Context: any; the set is learnt by psd_wakeirq_prepare().
 * Return: true if it is in the set.
 */
bool psd_wakeirq_is_nested_parent(unsigned int irq)
{
	struct psd_wq *wq = psd_wq();
	unsigned long flags;
	bool found = false;
	unsigned int i;

	raw_spin_lock_irqsave(&wq->lock, flags);
	for (i = 0; i < wq->nparents; i++)
		found |= wq->parents[i] == irq;
	raw_spin_unlock_irqrestore(&wq->lock, flags);
	return found;
}

/**
 * psd_wakeirq_add_nested_parent() - learn one nested irqchip's parent
 * @irq: the parent's Linux IRQ number
 *
 * More than PSD_WAKEIRQ_MAX_PARENTS are left out: their wakes are
 * recorded without the child.  Context: any.
 */
void psd_wakeirq_add_nested_parent(unsigned int irq)
{
	struct psd_wq *wq = psd_wq();
	unsigned long flags;

	if (psd_wakeirq_is_nested_parent(irq))
		return;
	raw_spin_lock_irqsave(&wq->lock, flags);
	if (wq->nparents < PSD_WAKEIRQ_MAX_PARENTS)
		wq->parents[wq->nparents++] = irq;
	raw_spin_unlock_irqrestore(&wq->lock, flags);
}

/* Every parent a descriptor names; descriptors are freed after RCU. */
static void psd_wakeirq_learn_parents(void)
{
	struct psd_wq *wq = psd_wq();
	unsigned int irq, n = irq_get_nr_irqs();
	unsigned long flags;

	raw_spin_lock_irqsave(&wq->lock, flags);
	wq->nparents = 0;
	raw_spin_unlock_irqrestore(&wq->lock, flags);
	rcu_read_lock();
	for (irq = 1; irq < n; irq++) {
		struct irq_data *d = irq_get_irq_data(irq);
		unsigned int parent;

		if (!d)
			continue;
		parent = psd_irq_desc_parent(irq_data_to_desc(d));
		if (parent)
			psd_wakeirq_add_nested_parent(parent);
	}
	rcu_read_unlock();
}

/**
 * psd_wakeirq_armed() - is the kprobe in place?
 *
 * Return: true when wake IRQs are seen (else wake_irq=unknown).
 */
bool psd_wakeirq_armed(void)
{
	return READ_ONCE(psd_wakeirq_on);
}

/**
 * psd_wakeirq_prepare() - learn the RTC's names and the nested irqchips'
 * parents before the cycle sleeps
 *
 * Context: process (the PM_SUSPEND_PREPARE notifier).  The names are
 * written here and read by the kprobe later in the same cycle.
 */
void psd_wakeirq_prepare(void)
{
	struct rtc_device *rtc = alarmtimer_get_rtcdev();

	if (READ_ONCE(psd_wakeirq_nested_on))
		psd_wakeirq_learn_parents();
	if (!rtc)
		return;
	strscpy(psd_rtc_name[0], dev_name(&rtc->dev), PSD_NAME_LEN);
	if (rtc->dev.parent)
		strscpy(psd_rtc_name[1], dev_name(rtc->dev.parent),
			PSD_NAME_LEN);
}

/**
 * psd_wakeirq_event_show() - formatter of the wake_irq event
 * @m: the seq_file
 * @r: the event
 */
void psd_wakeirq_event_show(struct seq_file *m, const struct psd_record *r)
{
	if (r->v[2] < 0) {
		seq_printf(m, " irq=%lld hwirq=%lld action=\"%s\" rtc=%u",
			   r->v[0], r->v[1], r->name, r->flag);
		return;
	}
	seq_printf(m, " irq=%lld hwirq=%lld action=\"%s\" rtc=%u child_irq=%lld child_name=\"%s\"",
		   r->v[0], r->v[1], r->pair.first, r->flag, r->v[2],
		   r->pair.second);
}

#if IS_ENABLED(CONFIG_KPROBES) && defined(psd_kprobe_arg0)
static int psd_wakeirq_pre(struct kprobe *p, struct pt_regs *regs)
{
	unsigned int irq = psd_kprobe_arg0(regs);
	const char *name = "";
	struct irq_data *d;
	s64 hwirq = -1;

	d = irq_get_irq_data(irq);
	if (d) {
		/* Our caller holds desc->lock: the action cannot go away. */
		struct irqaction *act = irq_data_to_desc(d)->action;

		hwirq = d->hwirq;
		if (act && act->name)
			name = act->name;
	}
	if (READ_ONCE(psd_wakeirq_nested_on) &&
	    psd_wakeirq_is_nested_parent(irq))
		psd_wakeirq_hold(irq, hwirq, name);
	else
		psd_wakeirq_note(irq, hwirq, name);
	return 0;
}

/* handle_nested_irq(irq): the child's thread handler is about to run. */
static int psd_wakeirq_nested_pre(struct kprobe *p, struct pt_regs *regs)
{
	struct psd_wq *wq = psd_wq();
	unsigned int irq = psd_kprobe_arg0(regs), parent;
	char name[PSD_NAME_LEN / 2] = "";
	struct irq_desc *desc;
	struct irq_data *d;
	unsigned long flags;

	if (!READ_ONCE(wq->held))
		return 0;
	d = irq_get_irq_data(irq);
	if (!d)
		return 0;
	desc = irq_data_to_desc(d);
	/* As handle_nested_irq() itself: the action is stable under it. */
	raw_spin_lock_irqsave(&desc->lock, flags);
	parent = psd_irq_desc_parent(desc);
	if (desc->action && desc->action->name)
		strscpy(name, desc->action->name, sizeof(name));
	raw_spin_unlock_irqrestore(&desc->lock, flags);
	if (parent)
		psd_wakeirq_child(irq, parent, name);
	return 0;
}

static struct kprobe psd_wakeirq_kp = {
	.symbol_name = "pm_system_irq_wakeup",
	.pre_handler = psd_wakeirq_pre,
};

static struct kprobe psd_wakeirq_nested_kp = {
	.symbol_name = "handle_nested_irq",
	.pre_handler = psd_wakeirq_nested_pre,
};

/*
 * Place @kp anew (a kprobe once unregistered keeps its address and flags);
 * on failure say what is lost without it.  True if it is in place.
 */
static bool psd_wakeirq_place(struct kprobe *kp, const char *lost)
{
	int ret;

	kp->addr = NULL;
	kp->flags = 0;
	ret = register_kprobe(kp);
	if (ret)
		pr_info("no kprobe on %s (%d): %s\n", kp->symbol_name, ret,
			lost);
	return !ret;
}

/**
 * psd_wakeirq_start() - place the kprobes; failing leaves wake_irq
 * unknown, or a nested irqchip's wake without its child
 */
void psd_wakeirq_start(void)
{
	WRITE_ONCE(psd_wakeirq_nested_on,
		   psd_wakeirq_place(&psd_wakeirq_nested_kp,
				     "nested wakes name the parent only"));
	WRITE_ONCE(psd_wakeirq_on,
		   psd_wakeirq_place(&psd_wakeirq_kp, "wake_irq=unknown"));
}

/**
 * psd_wakeirq_stop() - remove the kprobes; their handlers are done on
 * return
 */
void psd_wakeirq_stop(void)
{
	struct psd_wq *wq = psd_wq();

	if (psd_wakeirq_on) {
		WRITE_ONCE(psd_wakeirq_on, false);
		unregister_kprobe(&psd_wakeirq_kp);
	}
	if (psd_wakeirq_nested_on) {
		WRITE_ONCE(psd_wakeirq_nested_on, false);
		unregister_kprobe(&psd_wakeirq_nested_kp);
	}
	WRITE_ONCE(wq->held, false);
}
#else
void psd_wakeirq_start(void)
{
}

void psd_wakeirq_stop(void)
{
}
#endif
