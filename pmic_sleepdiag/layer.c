// SPDX-License-Identifier: GPL-2.0
/*
 * The layers: each diagnostic layer registers one struct psd_layer (a row
 * of psd_layers[] in main.c) and shows as "component.<name>: on" or
 * "off(<reason>)" in summary.  The core walks the descriptors; it never
 * names a layer.  A layer that cannot work (no PMIC, a missing tracepoint)
 * is switched off, never a load failure.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/seq_file.h>
#include <linux/spinlock.h>

#include "core.h"
#include "../kunit/visible.h"

/* Guards on/why, which a layer may flip at run time (PMIC unbound). */
static DEFINE_SPINLOCK(psd_layer_lock);

/* Filled by psd_layers_register(), indexed by id; the core reads these. */
static const struct psd_kind *psd_event_kinds[PSD_NR_EVENT_TYPES];
static const struct psd_kind *psd_anomaly_kinds[PSD_NR_ANOMALY_CLASSES];

static int psd_kinds_add(const struct psd_kind **dst, unsigned int nr,
			 const struct psd_kind *rows, unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++) {
		if (WARN_ON(rows[i].id >= nr || dst[rows[i].id]))
			return -EINVAL;
		dst[rows[i].id] = &rows[i];
	}
	return 0;
}

/**
 * psd_layers_register() - take in every layer's descriptor
 *
 * Fills the tables the core formats and dispatches by: event types,
 * anomaly classes, settings and their owners.  The layers are not started.
 *
 * Return: 0, or -EINVAL when two layers claim one id or one is unclaimed.
 */
int psd_layers_register(void)
{
	unsigned int i;
	int ret = 0;

	memset(psd_event_kinds, 0, sizeof(psd_event_kinds));
	memset(psd_anomaly_kinds, 0, sizeof(psd_anomaly_kinds));
	for (i = 0; i < psd_nr_layers && !ret; i++) {
		struct psd_layer *l = psd_layers[i];

		l->state.ops = l->ops;
		ret = psd_kinds_add(psd_event_kinds, PSD_NR_EVENT_TYPES,
				    l->events, l->nr_events) ?:
		      psd_kinds_add(psd_anomaly_kinds, PSD_NR_ANOMALY_CLASSES,
				    l->classes, l->nr_classes) ?:
		      psd_settings_add(l);
	}
	return ret ?: psd_settings_check();
}

/**
 * psd_event_kind() - the row of an event type
 * @type: enum psd_event_type
 *
 * Return: the row, or NULL when no layer registered @type.
 */
const struct psd_kind *psd_event_kind(unsigned int type)
{
	return type < PSD_NR_EVENT_TYPES ? psd_event_kinds[type] : NULL;
}

/**
 * psd_anomaly_kind() - the row of an anomaly class
 * @cls: enum psd_anomaly_class
 *
 * Return: the row, or NULL when no layer registered @cls.
 */
const struct psd_kind *psd_anomaly_kind(unsigned int cls)
{
	return cls < PSD_NR_ANOMALY_CLASSES ? psd_anomaly_kinds[cls] : NULL;
}

/**
 * psd_layer_on() - is the layer working now?
 * @l: the layer
 *
 * Return: true when on.
 */
bool psd_layer_on(const struct psd_layer *l)
{
	return READ_ONCE(l->state.on);
}

/**
 * psd_layer_set() - switch a started layer on or off at run time
 * @l: the layer
 * @on: the new state
 * @why: static reason shown as off(<why>); ignored when @on
 */
void psd_layer_set(struct psd_layer *l, bool on, const char *why)
{
	unsigned long flags;

	spin_lock_irqsave(&psd_layer_lock, flags);
	WRITE_ONCE(l->state.on, on);
	l->state.why = on ? NULL : why;
	spin_unlock_irqrestore(&psd_layer_lock, flags);
}

/**
 * psd_layer_get() - the ops of a layer that is on
 * @l: the layer
 *
 * Return: the ops, or NULL when the layer is off or not built.
 */
const struct psd_layer_ops *psd_layer_get(const struct psd_layer *l)
{
	if (!READ_ONCE(l->state.started) || !psd_layer_on(l))
		return NULL;
	return l->state.ops;
}

/**
 * psd_layer_with() - the layer whose descriptor has an operation
 * @op: offsetof() the operation in struct psd_layer_ops
 *
 * Control commands go to the layer that declares them, whatever its name.
 *
 * Return: the first such layer, or NULL.
 */
struct psd_layer *psd_layer_with(size_t op)
{
	unsigned int i;

	for (i = 0; i < psd_nr_layers; i++) {
		const struct psd_layer_ops *ops = psd_layers[i]->ops;

		if (ops && *(void **)((char *)ops + op))
			return psd_layers[i];
	}
	return NULL;
}

/**
 * psd_layer_show() - print "on" or "off(<reason>)"
 * @m: the seq_file
 * @l: the layer
 *
 * Return: 0.
 */
int psd_layer_show(struct seq_file *m, const struct psd_layer *l)
{
	const char *why;
	unsigned long flags;
	bool on;

	spin_lock_irqsave(&psd_layer_lock, flags);
	on = l->state.on;
	why = l->state.why;
	spin_unlock_irqrestore(&psd_layer_lock, flags);
	if (on)
		seq_puts(m, "on");
	else
		seq_printf(m, "off(%s)", why ?: "unknown");
	return 0;
}

/**
 * psd_layers_start() - start every layer, in summary order
 *
 * A layer that fails to start stays off with its reason; the others go on.
 */
void psd_layers_start(void)
{
	unsigned int i;

	for (i = 0; i < psd_nr_layers; i++) {
		struct psd_layer *l = psd_layers[i];
		const struct psd_layer_ops *ops = l->state.ops;
		const char *why = "not implemented";

		if (!ops || !ops->start) {
			psd_layer_set(l, false, why);
			continue;
		}
		/* A layer may switch itself off during start (no PMIC yet). */
		psd_layer_set(l, true, NULL);
		if (ops->start(&why)) {
			psd_layer_set(l, false, why);
			continue;
		}
		WRITE_ONCE(l->state.started, true);
	}
}

/**
 * psd_layers_stop() - stop the started layers, in reverse order
 */
void psd_layers_stop(void)
{
	unsigned int i;

	for (i = psd_nr_layers; i-- > 0;) {
		struct psd_layer *l = psd_layers[i];

		if (!l->state.started)
			continue;
		WRITE_ONCE(l->state.started, false);
		psd_layer_set(l, false, "stopped");
		if (l->state.ops->stop)
			l->state.ops->stop();
	}
}

/* The ops of layer @i when it is started, else NULL. */
static const struct psd_layer_ops *psd_started(unsigned int i)
{
	return READ_ONCE(psd_layers[i]->state.started) ?
	       psd_layers[i]->state.ops : NULL;
}

/**
 * psd_layers_reset() - control "reset" for every started layer
 */
void psd_layers_reset(void)
{
	unsigned int i;

	for (i = 0; i < psd_nr_layers; i++) {
		const struct psd_layer_ops *ops = psd_started(i);

		if (ops && ops->reset)
			ops->reset();
	}
}

/**
 * psd_layers_phase() - pass a phase change to every started layer
 * @cycle: the suspend cycle
 * @phase: enum psd_phase
 * @start: true at the beginning of the phase, false at its end
 * @t_ns: CLOCK_BOOTTIME of the change
 *
 * Context: any; called from tracepoint probes and PM callbacks.
 */
void psd_layers_phase(u32 cycle, enum psd_phase phase, bool start, u64 t_ns)
{
	unsigned int i;

	for (i = 0; i < psd_nr_layers; i++) {
		const struct psd_layer_ops *ops = psd_started(i);

		if (ops && ops->phase)
			ops->phase(cycle, phase, start, t_ns);
	}
}

/**
 * psd_layers_devpm() - pass the own device's PM callback on
 * @cycle: the suspend cycle
 * @phase: enum psd_phase of the callback
 *
 * Context: process; the device PM callbacks may sleep.
 */
void psd_layers_devpm(u32 cycle, enum psd_phase phase)
{
	unsigned int i;

	for (i = 0; i < psd_nr_layers; i++) {
		const struct psd_layer_ops *ops = psd_started(i);

		if (ops && ops->devpm)
			ops->devpm(cycle, phase);
	}
}

/**
 * psd_layer_apply() - tell a setting's owner that it changed
 * @setting: enum psd_setting_id
 * @value: the new value
 */
void psd_layer_apply(unsigned int setting, u32 value)
{
	struct psd_layer *l = psd_setting_owner(setting);

	if (l->state.started && l->state.ops->apply)
		l->state.ops->apply(setting, value);
}

#if IS_ENABLED(CONFIG_KUNIT)
/**
 * psd_layer_use_ops() - KUnit: drive a layer with other ops
 * @l: the layer
 * @ops: the ops, or NULL for its own
 *
 * Call only with every layer stopped.
 */
void psd_layer_use_ops(struct psd_layer *l, const struct psd_layer_ops *ops)
{
	l->state.ops = ops ?: l->ops;
}
#endif
