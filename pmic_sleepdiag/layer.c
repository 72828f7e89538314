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

/* The layers with a part, by place in the report and in report.json. */
#define PSD_MAX_PARTS	32	/* bits of psd_report_cycle.parts */
static struct psd_layer *psd_parts_text[PSD_MAX_PARTS];
static struct psd_layer *psd_parts_json[PSD_MAX_PARTS];
static unsigned int psd_nr_parts;
static size_t psd_parts_size;

/* The bytes of every layer's data in a core instance. */
static size_t psd_data_size;

/* Insert @l into @by, kept in order of @at (ties: in layer order). */
static void psd_parts_insert(struct psd_layer **by, struct psd_layer *l,
			     u8 (*at)(const struct psd_layer *l))
{
	unsigned int i = psd_nr_parts;

	for (; i && at(by[i - 1]) > at(l); i--)
		by[i] = by[i - 1];
	by[i] = l;
}

static u8 psd_part_text_at(const struct psd_layer *l)
{
	return l->part->text_at;
}

static u8 psd_part_json_at(const struct psd_layer *l)
{
	return l->part->json_at;
}

/* Give @l room in each cycle's slot, and its places in the report. */
static int psd_part_add(struct psd_layer *l)
{
	if (!l->part)
		return 0;
	if (psd_nr_parts == PSD_MAX_PARTS)
		return -E2BIG;
	l->state.index = psd_nr_parts;
	l->state.part_off = psd_parts_size;
	psd_parts_size += ALIGN(l->part->size, 8);
	psd_parts_insert(psd_parts_text, l, psd_part_text_at);
	psd_parts_insert(psd_parts_json, l, psd_part_json_at);
	psd_nr_parts++;
	return psd_verdict_add(l->part->rules);
}

/* Give @l room for its data in each core instance. */
static void psd_data_add(struct psd_layer *l)
{
	l->state.data_off = psd_data_size;
	psd_data_size += ALIGN(l->data_size, 8);
}

/**
 * psd_layers_data_size() - the bytes of every layer's data in a core
 *	instance
 *
 * Return: the sum, each layer's aligned to 8 bytes.
 */
size_t psd_layers_data_size(void)
{
	return psd_data_size;
}

/**
 * psd_layers_data_exit() - free what the layers' data_init allocated
 * @data: an instance's layer data
 * @n: the layers whose data_init succeeded, from the first
 */
void psd_layers_data_exit(void *data, unsigned int n)
{
	const struct psd_layer *l;

	while (n--) {
		l = psd_layers[n];
		if (l->data_exit)
			l->data_exit(data + l->state.data_off);
	}
}

/**
 * psd_layers_data_init() - make every layer's data of a new instance ready
 * @data: the instance's, zeroed, psd_layers_data_size() bytes
 *
 * Context: process.
 * Return: 0, or what a layer's data_init returned (nothing is left
 * allocated then).
 */
int psd_layers_data_init(void *data)
{
	const struct psd_layer *l;
	unsigned int i;
	int ret;

	for (i = 0; i < psd_nr_layers; i++) {
		l = psd_layers[i];
		ret = l->data_init ? l->data_init(data + l->state.data_off) : 0;
		if (ret) {
			psd_layers_data_exit(data, i);
			return ret;
		}
	}
	return 0;
}

/**
 * psd_layer_data() - a layer's data in the core instance in use
 * @l: the layer, with a data_size
 *
 * Context: any; in a KUnit case's task, the case's instance (psd_core()).
 * Return: the data.
 */
void *psd_layer_data(const struct psd_layer *l)
{
	return psd_core()->layer_data + l->state.data_off;
}

/**
 * psd_layers_parts_size() - the bytes of every layer's part of a cycle
 *
 * Return: the sum, each part aligned to 8 bytes.
 */
size_t psd_layers_parts_size(void)
{
	return psd_parts_size;
}

/**
 * psd_layer_part() - the layers with a part, in their order in a report
 * @i: the rank, from 0
 * @json: in report.json rather than the report
 *
 * Return: the layer, or NULL past the last.
 */
const struct psd_layer *psd_layer_part(unsigned int i, bool json)
{
	if (i >= psd_nr_parts)
		return NULL;
	return json ? psd_parts_json[i] : psd_parts_text[i];
}

static int psd_kinds_add(const struct psd_kind **dst, unsigned int nr,
			 const struct psd_kind *k)
{
	for (; k && k->name; k++) {
		if (WARN_ON(k->id >= nr || dst[k->id]))
			return -EINVAL;
		dst[k->id] = k;
	}
	return 0;
}

/**
 * psd_layers_register() - take in every layer's descriptor
 *
 * Fills the tables the core formats and dispatches by: event types,
 * anomaly classes, settings and their owners, the layers' parts of each
 * cycle's slot and their verdict rules.  The layers are not started.
 *
 * Return: 0, or -EINVAL when two layers claim one id or one is unclaimed
 * (or two rules one precedence), -E2BIG when the rules or parts do not
 * fit.
 */
int psd_layers_register(void)
{
	unsigned int i;
	int ret = 0;

	memset(psd_event_kinds, 0, sizeof(psd_event_kinds));
	memset(psd_anomaly_kinds, 0, sizeof(psd_anomaly_kinds));
	psd_nr_parts = 0;
	psd_parts_size = 0;
	psd_data_size = 0;
	ret = psd_verdict_init();
	for (i = 0; i < psd_nr_layers && !ret; i++) {
		struct psd_layer *l = psd_layers[i];

		ret = psd_kinds_add(psd_event_kinds, PSD_NR_EVENT_TYPES,
				    l->events) ?:
		      psd_kinds_add(psd_anomaly_kinds, PSD_NR_ANOMALY_CLASSES,
				    l->classes) ?:
		      psd_settings_add(l) ?: psd_part_add(l);
		psd_data_add(l);
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
	return l->ops;
}

/**
 * psd_layer_with() - the layer whose descriptor has an operation
 * @set: the layers to look in
 * @op: offsetof() the operation in struct psd_layer_ops
 *
 * Control commands go to the layer that declares them, whatever its name.
 *
 * Return: the first such layer, or NULL.
 */
struct psd_layer *psd_layer_with(const struct psd_layer_set *set, size_t op)
{
	unsigned int i;

	for (i = 0; i < set->nr; i++) {
		const struct psd_layer_ops *ops = set->layers[i]->ops;

		if (ops && *(void **)((char *)ops + op))
			return set->layers[i];
	}
	return NULL;
}

/**
 * psd_layer_owning() - the layer whose descriptor declares a setting
 * @set: the layers to look in
 * @setting: enum psd_setting_id
 *
 * Return: the layer, or NULL when none in @set declares it.
 */
struct psd_layer *psd_layer_owning(const struct psd_layer_set *set,
				   unsigned int setting)
{
	const struct psd_setting_desc *d;
	unsigned int i;

	for (i = 0; i < set->nr; i++)
		for (d = set->layers[i]->settings; d && d->key; d++)
			if (d->id == setting)
				return set->layers[i];
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
 * psd_layer_start() - start one layer
 * @l: the layer, stopped
 *
 * A layer that fails to start stays off with its reason.
 */
VISIBLE_IF_KUNIT void psd_layer_start(struct psd_layer *l)
{
	const char *why = "not implemented";

	if (!l->ops || !l->ops->start) {
		psd_layer_set(l, false, why);
		return;
	}
	/* A layer may switch itself off during start (no PMIC yet). */
	psd_layer_set(l, true, NULL);
	if (l->ops->start(&why)) {
		psd_layer_set(l, false, why);
		return;
	}
	WRITE_ONCE(l->state.started, true);
}

/**
 * psd_layer_stop() - stop one layer if it is started
 * @l: the layer
 */
VISIBLE_IF_KUNIT void psd_layer_stop(struct psd_layer *l)
{
	if (!l->state.started)
		return;
	WRITE_ONCE(l->state.started, false);
	psd_layer_set(l, false, "stopped");
	if (l->ops->stop)
		l->ops->stop();
}

/**
 * psd_layers_start() - start every layer, in summary order
 *
 * One that fails to start stays off; the others go on.
 */
void psd_layers_start(void)
{
	unsigned int i;

	for (i = 0; i < psd_nr_layers; i++)
		psd_layer_start(psd_layers[i]);
}

/**
 * psd_layers_stop() - stop the started layers, in reverse order
 */
void psd_layers_stop(void)
{
	unsigned int i;

	for (i = psd_nr_layers; i-- > 0;)
		psd_layer_stop(psd_layers[i]);
}

/* The ops of @l when it is started, else NULL. */
static const struct psd_layer_ops *psd_started(const struct psd_layer *l)
{
	return READ_ONCE(l->state.started) ? l->ops : NULL;
}

/**
 * psd_layers_reset() - control "reset" for every started layer of a set
 * @set: the layers
 */
void psd_layers_reset(const struct psd_layer_set *set)
{
	unsigned int i;

	for (i = 0; i < set->nr; i++) {
		const struct psd_layer_ops *ops = psd_started(set->layers[i]);

		if (ops && ops->reset)
			ops->reset();
	}
}

/**
 * psd_layers_phase() - pass a phase change to every started layer of a set
 * @set: the layers
 * @cycle: the suspend cycle
 * @phase: enum psd_phase
 * @start: true at the beginning of the phase, false at its end
 * @t_ns: CLOCK_BOOTTIME of the change
 *
 * Context: any; called from tracepoint probes and PM callbacks.
 */
void psd_layers_phase(const struct psd_layer_set *set, u32 cycle,
		      enum psd_phase phase, bool start, u64 t_ns)
{
	unsigned int i;

	for (i = 0; i < set->nr; i++) {
		const struct psd_layer_ops *ops = psd_started(set->layers[i]);

		if (ops && ops->phase)
			ops->phase(cycle, phase, start, t_ns);
	}
}

/**
 * psd_layers_devpm() - pass the own device's PM callback on to a set
 * @set: the layers
 * @cycle: the suspend cycle
 * @phase: enum psd_phase of the callback
 *
 * Context: process; the device PM callbacks may sleep.
 */
void psd_layers_devpm(const struct psd_layer_set *set, u32 cycle,
		      enum psd_phase phase)
{
	unsigned int i;

	for (i = 0; i < set->nr; i++) {
		const struct psd_layer_ops *ops = psd_started(set->layers[i]);

		if (ops && ops->devpm)
			ops->devpm(cycle, phase);
	}
}

/**
 * psd_layer_apply() - tell a setting's owner that it changed
 * @l: the layer that owns @setting
 * @setting: enum psd_setting_id
 * @value: the new value
 */
void psd_layer_apply(const struct psd_layer *l, unsigned int setting,
		     u32 value)
{
	const struct psd_layer_ops *ops = psd_started(l);

	if (ops && ops->apply)
		ops->apply(setting, value);
}
