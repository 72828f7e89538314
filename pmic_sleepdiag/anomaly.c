// SPDX-License-Identifier: GPL-2.0
/*
 * The anomaly log.  A layer raises an anomaly with a filled struct
 * psd_record whose @type is the class; the line is formatted on read by
 * the class's row in the raising layer's descriptor.  Every anomaly is also placed
 * on the events timeline so it shows in order with the phases around it.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/atomic.h>
#include <linux/fs.h>
#include <linux/seq_file.h>

#include "core.h"
#include "../kunit/visible.h"
#include "psd_trace.h"

/* Anomalies are rare; this bounds the log, overflow shows as dropped. */
#define PSD_ANOMALY_CAPACITY	512

/**
 * psd_anomaly_class_name() - the class= name of an anomaly class
 * @cls: enum psd_anomaly_class
 *
 * Return: the name, or "unknown".
 */
const char *psd_anomaly_class_name(unsigned int cls)
{
	const struct psd_kind *k = psd_anomaly_kind(cls);

	return k ? k->name : "unknown";
}

static void psd_anomaly_show(struct seq_file *m, const struct psd_record *r)
{
	psd_ring_show_kind(m, r, "class", psd_anomaly_kind(r->type));
}

/**
 * psd_anomaly_raise() - log an anomaly and mirror it on the timeline
 * @rec: the anomaly, @type being its class; @seq is filled in
 *
 * Context: any.
 */
void psd_anomaly_raise(struct psd_record *rec)
{
	struct psd_record ev = {
		.t_ns = rec->t_ns,
		.cycle = rec->cycle,
		.type = PSD_EV_ANOMALY,
	};
	struct psd_core *c = psd_core();

	psd_ring_add(c->anomalies, rec);
	if (rec->type < PSD_NR_ANOMALY_CLASSES)
		atomic64_inc(&c->anomaly_counts[rec->type]);
	psd_report_anomaly(rec);
	trace_anomaly(rec->cycle, rec->seq, psd_anomaly_class_name(rec->type));
	ev.v[0] = rec->type;
	ev.v[1] = rec->seq;
	psd_event_add(&ev);
}

#if IS_ENABLED(CONFIG_KUNIT)
/**
 * psd_anomalies_get() - copy out the oldest anomaly at or after *@pos
 * @pos: in: first sequence number wanted; out: that of the copied anomaly
 * @out: where to copy it
 *
 * Return: true if an anomaly was copied.
 */
bool psd_anomalies_get(u64 *pos, struct psd_record *out)
{
	return psd_ring_get(psd_core()->anomalies, pos, out);
}
#endif

/**
 * psd_anomalies_reset() - forget every anomaly (control "reset")
 */
void psd_anomalies_reset(void)
{
	struct psd_core *c = psd_core();
	unsigned int i;

	psd_ring_clear(c->anomalies);
	for (i = 0; i < PSD_NR_ANOMALY_CLASSES; i++)
		atomic64_set(&c->anomaly_counts[i], 0);
}

/**
 * psd_anomalies_total() - anomalies raised since load or the last reset
 *
 * Return: the count, those overwritten in the log included.
 */
u64 psd_anomalies_total(void)
{
	return psd_ring_total(psd_core()->anomalies);
}

/**
 * psd_anomalies_of_class() - anomalies of one class raised since load or reset
 * @cls: enum psd_anomaly_class
 *
 * Return: the count, those overwritten in the log included; 0 for an
 * out-of-range @cls.
 */
u64 psd_anomalies_of_class(unsigned int cls)
{
	return cls < PSD_NR_ANOMALY_CLASSES ?
	       (u64)atomic64_read(&psd_core()->anomaly_counts[cls]) : 0;
}

/**
 * psd_anomalies_dropped() - anomalies overwritten in the log
 *
 * Return: the count since load or the last reset.
 */
u64 psd_anomalies_dropped(void)
{
	return psd_ring_dropped(psd_core()->anomalies);
}

DEFINE_PSD_RING_FOPS(psd_anomalies, psd_core()->anomalies, psd_anomaly_show);

/**
 * psd_anomalies_init() - allocate an instance's anomaly log
 * @c: the instance
 *
 * Return: 0 or -ENOMEM.
 */
int psd_anomalies_init(struct psd_core *c)
{
	c->anomalies = psd_ring_create(PSD_ANOMALY_CAPACITY);
	return c->anomalies ? 0 : -ENOMEM;
}

/**
 * psd_anomalies_exit() - free an instance's anomaly log; no producer may
 *	be left
 * @c: the instance
 */
void psd_anomalies_exit(struct psd_core *c)
{
	psd_ring_destroy(c->anomalies);
	c->anomalies = NULL;
}
