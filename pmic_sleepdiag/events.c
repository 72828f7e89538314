// SPDX-License-Identifier: GPL-2.0
/*
 * The events timeline: phase changes, cycle ends and anomalies, and what
 * the layers observed, oldest first, in a ring sized by the "events" module
 * parameter.  Producers fill a struct psd_record; the line is formatted only
 * when the file is read, by the row for the record's type: the core's own
 * below, a layer's in its descriptor.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/fs.h>
#include <linux/seq_file.h>
#include <linux/string.h>

#include "core.h"
#include "../kunit/visible.h"

static void psd_show_phase(struct seq_file *m, const struct psd_record *r)
{
	seq_printf(m, " phase=%s start=%u", psd_phase_name(r->phase), r->flag);
	if (r->phase == PSD_PH_MACHINE_SUSPEND)
		seq_printf(m, " state=%s", psd_state_name(r->v[0]));
	if (r->phase == PSD_PH_S2IDLE && !r->flag && r->v[1])
		seq_puts(m, " slept=0");
}

static void psd_show_cycle_end(struct seq_file *m, const struct psd_record *r)
{
	seq_printf(m, " result=%s s2idle_loops=%lld state=%s",
		   psd_result_name(r->flag), r->v[0], psd_state_name(r->v[1]));
	if (r->flag == PSD_RES_ABORTED) {
		s64 err = r->v[3] >> PSD_CYCLE_END_ERR_SHIFT;

		seq_printf(m, " step=%s",
			   psd_step_name(r->v[3] & PSD_CYCLE_END_STEP_MASK));
		if (err) {
			seq_putc(m, ' ');
			psd_seq_str(m, "dev", r->name);
			seq_printf(m, " err=%lld", -err);
		} else if (r->name[0]) {
			seq_putc(m, ' ');
			psd_seq_str(m, "ws", r->name);
		}
	}
	seq_putc(m, ' ');
	psd_seq_wake_irq(m, r->v[2]);
}

static void psd_show_anomaly(struct seq_file *m, const struct psd_record *r)
{
	seq_printf(m, " class=%s anomaly_seq=%lld",
		   psd_anomaly_class_name(r->v[0]), r->v[1]);
}

/* The core's own event types, rows by id; the layers bring theirs. */
static const struct psd_kind psd_core_events[] = {
	{ PSD_EV_PHASE, "phase", psd_show_phase },
	{ PSD_EV_CYCLE_END, "cycle_end", psd_show_cycle_end },
	{ PSD_EV_ANOMALY, "anomaly", psd_show_anomaly },
};

VISIBLE_IF_KUNIT void psd_event_show(struct seq_file *m,
				     const struct psd_record *r)
{
	const struct psd_kind *k = r->type < ARRAY_SIZE(psd_core_events) ?
				   &psd_core_events[r->type] :
				   psd_event_kind(r->type);

	psd_ring_show_kind(m, r, "type", k);
}

/**
 * psd_event_add() - append an event to the timeline
 * @rec: the event; @seq is filled in
 *
 * Context: any.
 */
void psd_event_add(struct psd_record *rec)
{
	psd_ring_add(psd_core()->events, rec);
	psd_report_event(rec);
}

#if IS_ENABLED(CONFIG_KUNIT)
/**
 * psd_events_get() - copy out the oldest event at or after *@pos
 * @pos: in: first sequence number wanted; out: that of the copied event
 * @out: where to copy it
 *
 * Return: true if an event was copied.
 */
bool psd_events_get(u64 *pos, struct psd_record *out)
{
	return psd_ring_get(psd_core()->events, pos, out);
}
#endif

/**
 * psd_events_reset() - forget the timeline (control "reset")
 */
void psd_events_reset(void)
{
	psd_ring_clear(psd_core()->events);
}

/**
 * psd_events_dropped() - events overwritten before being read
 *
 * Return: the count since load or the last reset.
 */
u64 psd_events_dropped(void)
{
	return psd_ring_dropped(psd_core()->events);
}

DEFINE_PSD_RING_FOPS(psd_events, psd_core()->events, psd_event_show);

/**
 * psd_events_init() - allocate an instance's timeline
 * @c: the instance
 * @capacity: number of events kept (the "events" module parameter)
 *
 * Return: 0 or -ENOMEM.
 */
int psd_events_init(struct psd_core *c, unsigned int capacity)
{
	c->events = psd_ring_create(capacity);
	return c->events ? 0 : -ENOMEM;
}

/**
 * psd_events_exit() - free an instance's timeline; no producer may be left
 * @c: the instance
 */
void psd_events_exit(struct psd_core *c)
{
	psd_ring_destroy(c->events);
	c->events = NULL;
}
