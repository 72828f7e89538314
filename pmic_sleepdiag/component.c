// SPDX-License-Identifier: GPL-2.0
/*
 * The component registry: each diagnostic layer plugs in through one row of
 * psd_components[] and shows as "component.<name>: on" or "off(<reason>)"
 * in summary.  A layer that cannot work (no PMIC, a missing tracepoint)
 * is switched off, never a load failure.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/seq_file.h>
#include <linux/spinlock.h>

#include "internal.h"

static struct psd_component {
	const char *name;
	bool started;		/* start() succeeded; stop() owed */
	bool on;
	const char *why;	/* static string, shown when off */
} psd_components[PSD_NR_COMPONENTS] = {
	[PSD_COMP_PMIC] = { .name = "pmic" },
	[PSD_COMP_WAKESRC] = { .name = "wakesrc" },
	[PSD_COMP_ALARM] = { .name = "alarm" },
	[PSD_COMP_IRQPEND] = { .name = "irqpend" },
	[PSD_COMP_HRTIMER] = { .name = "hrtimer" },
};

static const struct psd_component_ops *const *psd_ops = psd_component_ops;

/* Guards on/why, which a layer may flip at run time (PMIC unbound). */
static DEFINE_SPINLOCK(psd_component_lock);

/**
 * psd_component_name() - the name a component has in summary
 * @id: enum psd_component_id
 *
 * Return: the name.
 */
const char *psd_component_name(unsigned int id)
{
	return psd_components[id].name;
}

/**
 * psd_component_on() - is the component working now?
 * @id: enum psd_component_id
 *
 * Return: true when on.
 */
bool psd_component_on(unsigned int id)
{
	return READ_ONCE(psd_components[id].on);
}

/**
 * psd_component_set() - switch a started component on or off at run time
 * @id: enum psd_component_id
 * @on: the new state
 * @why: static reason shown as off(<why>); ignored when @on
 */
void psd_component_set(unsigned int id, bool on, const char *why)
{
	unsigned long flags;

	spin_lock_irqsave(&psd_component_lock, flags);
	WRITE_ONCE(psd_components[id].on, on);
	psd_components[id].why = on ? NULL : why;
	spin_unlock_irqrestore(&psd_component_lock, flags);
}

/**
 * psd_component_get() - the ops of a component that is on
 * @id: enum psd_component_id
 *
 * Return: the ops, or NULL when the component is off or not built.
 */
const struct psd_component_ops *psd_component_get(unsigned int id)
{
	if (!READ_ONCE(psd_components[id].started) || !psd_component_on(id))
		return NULL;
	return psd_ops[id];
}

/**
 * psd_component_show() - print "on" or "off(<reason>)"
 * @m: the seq_file
 * @id: enum psd_component_id
 *
 * Return: 0.
 */
int psd_component_show(struct seq_file *m, unsigned int id)
{
	const char *why;
	unsigned long flags;
	bool on;

	spin_lock_irqsave(&psd_component_lock, flags);
	on = psd_components[id].on;
	why = psd_components[id].why;
	spin_unlock_irqrestore(&psd_component_lock, flags);
	if (on)
		seq_puts(m, "on");
	else
		seq_printf(m, "off(%s)", why ?: "unknown");
	return 0;
}

/**
 * psd_components_start() - start every component, in summary order
 *
 * A component that fails to start stays off with its reason; the others
 * go on.
 */
void psd_components_start(void)
{
	unsigned int i;

	for (i = 0; i < PSD_NR_COMPONENTS; i++) {
		const struct psd_component_ops *ops = psd_ops[i];
		const char *why = "not implemented";

		if (!ops || !ops->start) {
			psd_component_set(i, false, why);
			continue;
		}
		/* A layer may switch itself off during start (no PMIC yet). */
		psd_component_set(i, true, NULL);
		if (ops->start(&why)) {
			psd_component_set(i, false, why);
			continue;
		}
		WRITE_ONCE(psd_components[i].started, true);
	}
}

/**
 * psd_components_stop() - stop the started components, in reverse order
 */
void psd_components_stop(void)
{
	unsigned int i;

	for (i = PSD_NR_COMPONENTS; i-- > 0;) {
		const struct psd_component_ops *ops = psd_ops[i];

		if (!psd_components[i].started)
			continue;
		WRITE_ONCE(psd_components[i].started, false);
		psd_component_set(i, false, "stopped");
		if (ops->stop)
			ops->stop();
	}
}

/**
 * psd_components_reset() - control "reset" for every started component
 */
void psd_components_reset(void)
{
	unsigned int i;

	for (i = 0; i < PSD_NR_COMPONENTS; i++)
		if (psd_components[i].started && psd_ops[i]->reset)
			psd_ops[i]->reset();
}

/**
 * psd_components_phase() - pass a phase change to every started component
 * @cycle: the suspend cycle
 * @phase: enum psd_phase
 * @start: true at the beginning of the phase, false at its end
 * @t_ns: CLOCK_BOOTTIME of the change
 *
 * Context: any; called from tracepoint probes and PM callbacks.
 */
void psd_components_phase(u32 cycle, enum psd_phase phase, bool start,
			  u64 t_ns)
{
	unsigned int i;

	for (i = 0; i < PSD_NR_COMPONENTS; i++)
		if (READ_ONCE(psd_components[i].started) &&
		    psd_ops[i]->phase)
			psd_ops[i]->phase(cycle, phase, start, t_ns);
}

/**
 * psd_components_devpm() - pass the own device's PM callback on
 * @cycle: the suspend cycle
 * @phase: enum psd_phase of the callback
 *
 * Context: process; the device PM callbacks may sleep.
 */
void psd_components_devpm(u32 cycle, enum psd_phase phase)
{
	unsigned int i;

	for (i = 0; i < PSD_NR_COMPONENTS; i++)
		if (psd_components[i].started && psd_ops[i]->devpm)
			psd_ops[i]->devpm(cycle, phase);
}

/**
 * psd_component_apply() - tell a setting's owner that it changed
 * @setting: enum psd_setting_id
 * @value: the new value
 */
void psd_component_apply(unsigned int setting, u32 value)
{
	unsigned int owner = psd_setting_owner(setting);

	if (psd_components[owner].started && psd_ops[owner]->apply)
		psd_ops[owner]->apply(setting, value);
}

/* Rows are filled in as the layers land; NULL shows off(not implemented). */
const struct psd_component_ops *const psd_component_ops[PSD_NR_COMPONENTS] = {
	[PSD_COMP_PMIC] = &psd_pmic_ops,
	[PSD_COMP_WAKESRC] = &psd_wakesrc_ops,
	[PSD_COMP_ALARM] = &psd_alarm_ops,
	[PSD_COMP_IRQPEND] = &psd_irqpend_ops,
	[PSD_COMP_HRTIMER] = &psd_hrtimer_ops,
};

#if IS_ENABLED(CONFIG_PMIC_SLEEPDIAG_KUNIT_TEST)
/**
 * psd_components_use_ops() - KUnit: drive the registry with other ops
 * @ops: PSD_NR_COMPONENTS rows, or NULL for the real ones
 *
 * Call only with every component stopped.
 */
void psd_components_use_ops(const struct psd_component_ops *const *ops)
{
	psd_ops = ops ?: psd_component_ops;
}
#endif
