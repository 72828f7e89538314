// SPDX-License-Identifier: GPL-2.0
/*
 * The IRQ that woke each suspend, from a kprobe on pm_system_irq_wakeup():
 * the kernel calls it from the interrupt flow handler, desc->lock held,
 * when an armed wake IRQ fires while device interrupts are suspended.
 * pm_wakeup_irq() is not exported, and /sys/power/pm_wakeup_irq needs
 * CONFIG_PM_SLEEP_DEBUG.  Where the kprobe cannot be placed (no KPROBES,
 * the function inlined) the cycle's wake IRQ stays unknown.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/alarmtimer.h>
#include <linux/interrupt.h>
#include <linux/irq.h>
#include <linux/irqdesc.h>
#include <linux/kprobes.h>
#include <linux/rtc.h>
#include <linux/seq_file.h>
#include <linux/string.h>
#include <linux/timekeeping.h>

#include "../pmic_sleepdiag/compat.h"
#include "../pmic_sleepdiag/internal.h"
#include "internal.h"

static bool psd_wakeirq_on;
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
	struct psd_record ev = {
		.t_ns = ktime_get_boot_fast_ns(),
		.cycle = psd_cycle_current(),
		.type = PSD_EV_WAKE_IRQ,
	};

	ev.v[0] = irq;
	ev.v[1] = hwirq;
	strscpy(ev.name, name, sizeof(ev.name));
	ev.flag = psd_wakeirq_is_rtc_name(ev.name);
	psd_cycle_set_wake_irq(ev.cycle, irq);
	psd_event_add(&ev);
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
 * psd_wakeirq_prepare() - learn the RTC's names before the cycle sleeps
 *
 * Context: process (the PM_SUSPEND_PREPARE notifier).  The names are
 * written here and read by the kprobe later in the same cycle.
 */
void psd_wakeirq_prepare(void)
{
	struct rtc_device *rtc = alarmtimer_get_rtcdev();

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
	seq_printf(m, " irq=%lld hwirq=%lld action=\"%s\" rtc=%u", r->v[0],
		   r->v[1], r->name, r->flag);
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
	psd_wakeirq_note(irq, hwirq, name);
	return 0;
}

static struct kprobe psd_wakeirq_kp = {
	.symbol_name = "pm_system_irq_wakeup",
	.pre_handler = psd_wakeirq_pre,
};

/**
 * psd_wakeirq_start() - place the kprobe; failing leaves wake_irq unknown
 */
void psd_wakeirq_start(void)
{
	int ret;

	psd_wakeirq_kp.addr = NULL;
	psd_wakeirq_kp.flags = 0;
	ret = register_kprobe(&psd_wakeirq_kp);
	if (ret)
		pr_info("no kprobe on pm_system_irq_wakeup (%d): wake_irq=unknown\n",
			ret);
	WRITE_ONCE(psd_wakeirq_on, !ret);
}

/**
 * psd_wakeirq_stop() - remove the kprobe; its handler is done on return
 */
void psd_wakeirq_stop(void)
{
	if (!psd_wakeirq_on)
		return;
	WRITE_ONCE(psd_wakeirq_on, false);
	unregister_kprobe(&psd_wakeirq_kp);
}
#else
void psd_wakeirq_start(void)
{
}

void psd_wakeirq_stop(void)
{
}
#endif
