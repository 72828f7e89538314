// SPDX-License-Identifier: GPL-2.0
/*
 * The devpm layer: every device's PM callbacks in a suspend cycle, from
 * the device_pm_callback_start/end tracepoints.  Of each cycle it keeps,
 * in its part of the cycle's slot, the callbacks that failed and the
 * slowest per direction; a failed suspend-direction callback is what
 * aborted the cycle, and the cycle tracker is told so (cycle_end dev=
 * err=, the suspend_aborted verdict).
 *
 * The tracepoints do not say which dpm_* step a callback belongs to; the
 * enclosing suspend_resume step does, and reaches the layer as the core's
 * phase changes.  dpm_prepare runs between the end of the prepare phase
 * (notifiers, freezing) and the start of suspend, dpm_complete after the
 * end of resume: those gaps are prepare and complete.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/device.h>
#include <linux/math64.h>
#include <linux/seq_file.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/timekeeping.h>
#include <trace/events/power.h>

#include "devpm.h"
#include "tp_attach.h"

/*
 * The layer's data in a core instance (psd_layer_data()).  The open
 * cycle's record goes to its slot in the store when it ends.
 */
struct psd_devpm {
	raw_spinlock_t lock;
	struct psd_devpm_rec cur;
	u32 cycle;		/* the open cycle, 0 when none */
	u8 phase;		/* enum psd_devpm_phase now */
	struct psd_devpm_inflight in;
};

static struct psd_devpm *psd_devpm(void)
{
	return psd_layer_data(&psd_devpm_layer);
}

static int psd_devpm_data_init(void *data)
{
	struct psd_devpm *dp = data;

	raw_spin_lock_init(&dp->lock);
	dp->phase = PSD_DP_NONE;
	return 0;
}

static struct psd_tp psd_devpm_tps[] = {
	{ .name = "device_pm_callback_start", .probe = psd_devpm_tp_start },
	{ .name = "device_pm_callback_end", .probe = psd_devpm_tp_end },
};

PSD_TP_CHECK(device_pm_callback_start, psd_devpm_tp_start)
PSD_TP_CHECK(device_pm_callback_end, psd_devpm_tp_end)

/* The open cycle's record; lock held. */
static struct psd_devpm_rec *psd_devpm_cur(struct psd_devpm *dp)
{
	return dp->cycle ? &dp->cur : NULL;
}

/**
 * psd_devpm_tp_start() - probe on device_pm_callback_start
 * @data: unused
 * @dev: the device
 * @pm_ops: which callback ("noirq driver ", ...); unused
 * @event: the PM event; unused, the enclosing step says more
 *
 * Context: the suspending task or an async worker; may run on several
 * CPUs at once.
 */
void psd_devpm_tp_start(void *data, struct device *dev, const char *pm_ops,
			int event)
{
	struct psd_devpm *dp = psd_devpm();
	u64 t = ktime_get_boot_fast_ns();
	unsigned long flags;

	raw_spin_lock_irqsave(&dp->lock, flags);
	if (psd_devpm_cur(dp) && dp->phase != PSD_DP_NONE)
		psd_devpm_flight_start(&dp->in, dev, t, dp->phase);
	raw_spin_unlock_irqrestore(&dp->lock, flags);
}

/* The psd_phase of a suspend-direction step, for the tracker's step=. */
static enum psd_phase psd_devpm_core_phase(u8 phase)
{
	static const u8 map[] = {
		[PSD_DP_PREPARE] = PSD_PH_PREPARE,
		[PSD_DP_SUSPEND] = PSD_PH_SUSPEND,
		[PSD_DP_SUSPEND_LATE] = PSD_PH_SUSPEND_LATE,
		[PSD_DP_SUSPEND_NOIRQ] = PSD_PH_SUSPEND_NOIRQ,
	};

	return phase < ARRAY_SIZE(map) ? map[phase] : PSD_NR_PHASES;
}

/*
 * Did this failure abort the suspend?  Any failed suspend-direction
 * callback does, except -EAGAIN from prepare, which dpm_prepare() skips.
 */
static bool psd_devpm_aborts(const struct psd_devpm_flight *f, int error)
{
	if (!error || psd_devpm_phase_dir(f->phase) != PSD_DEVPM_SUSPEND)
		return false;
	return !(f->phase == PSD_DP_PREPARE && error == -EAGAIN);
}

/*
 * One callback in a devpm_error event or RESUME_SLOW anomaly: name= is
 * the device, v[0..2] hold the driver, v[3] @value (error or dur_us).
 */
static void psd_devpm_pack(struct psd_record *rec,
			   const struct psd_rpt_devpm_cb *cb, u8 phase,
			   s64 value)
{
	strscpy(rec->name, cb->dev, sizeof(rec->name));
	strscpy((char *)rec->v, cb->driver, 3 * sizeof(rec->v[0]));
	rec->v[3] = value;
	rec->phase = phase;
}

/* A resume callback took longer than resume_slow_ms: RESUME_SLOW. */
static void psd_devpm_resume_slow(const struct psd_record *ev,
				  const struct psd_rpt_devpm_cb *cb, u8 phase)
{
	struct psd_record an = {
		.t_ns = ev->t_ns,
		.cycle = ev->cycle,
		.type = PSD_AN_RESUME_SLOW,
	};

	psd_devpm_pack(&an, cb, phase, cb->dur_us);
	psd_anomaly_raise(&an);
}

/**
 * psd_devpm_tp_end() - probe on device_pm_callback_end
 * @data: unused
 * @dev: the device
 * @error: what the callback returned
 *
 * Context: as psd_devpm_tp_start().
 */
void psd_devpm_tp_end(void *data, struct device *dev, int error)
{
	struct psd_devpm *dp = psd_devpm();
	struct psd_record ev = {
		.t_ns = ktime_get_boot_fast_ns(),
		.type = PSD_EV_DEVPM_ERROR,
	};
	struct psd_rpt_devpm_cb cb = { .err = error };
	struct psd_devpm_flight f;
	struct psd_devpm_rec *r;
	unsigned long flags;
	bool timed;

	raw_spin_lock_irqsave(&dp->lock, flags);
	r = psd_devpm_cur(dp);
	timed = r && psd_devpm_flight_end(&dp->in, dev, &f);
	if (timed) {
		ev.cycle = dp->cycle;
		strscpy(cb.dev, dev_name(dev), sizeof(cb.dev));
		strscpy(cb.driver, dev_driver_string(dev), sizeof(cb.driver));
		cb.phase = psd_devpm_phase_name(f.phase);
		cb.dir = psd_devpm_phase_dir(f.phase);
		cb.dur_us = min_t(u64, div_u64(ev.t_ns - f.t_ns, NSEC_PER_USEC),
				  U32_MAX);
		psd_devpm_rec_add(r, &cb);
	}
	raw_spin_unlock_irqrestore(&dp->lock, flags);
	if (!timed)
		return;
	if (cb.dir == PSD_DEVPM_RESUME &&
	    cb.dur_us > (u64)psd_setting(PSD_SET_RESUME_SLOW_MS) * USEC_PER_MSEC)
		psd_devpm_resume_slow(&ev, &cb, f.phase);
	if (!error)
		return;

	psd_devpm_pack(&ev, &cb, f.phase, error);
	psd_event_add(&ev);
	if (psd_devpm_aborts(&f, error))
		psd_cycle_set_abort_dev(ev.cycle, cb.dev, error,
					psd_devpm_core_phase(f.phase));
}

static void psd_devpm_open(struct psd_devpm *dp, u32 cycle)
{
	memset(&dp->cur, 0, sizeof(dp->cur));
	dp->cycle = cycle;
	/* Starts of the last cycle that never ended are stale. */
	memset(dp->in.f, 0, sizeof(dp->in.f));
}

static void psd_devpm_phase(u32 cycle, enum psd_phase phase, bool start,
			    u64 t_ns)
{
	static const u8 steps[PSD_NR_PHASES] = {
		[PSD_PH_PREPARE] = PSD_DP_NONE,	/* notifiers, freezing */
		[PSD_PH_SUSPEND] = PSD_DP_SUSPEND,
		[PSD_PH_SUSPEND_LATE] = PSD_DP_SUSPEND_LATE,
		[PSD_PH_SUSPEND_NOIRQ] = PSD_DP_SUSPEND_NOIRQ,
		[PSD_PH_S2IDLE] = PSD_DP_NONE,
		[PSD_PH_MACHINE_SUSPEND] = PSD_DP_NONE,
		[PSD_PH_RESUME_NOIRQ] = PSD_DP_RESUME_NOIRQ,
		[PSD_PH_RESUME_EARLY] = PSD_DP_RESUME_EARLY,
		[PSD_PH_RESUME] = PSD_DP_RESUME,
		[PSD_PH_POST] = PSD_DP_NONE,
		[PSD_PH_MANUAL] = PSD_DP_NONE,
	};
	struct psd_devpm *dp = psd_devpm();
	struct psd_devpm_rec *r;
	unsigned long flags;

	if (phase >= PSD_NR_PHASES || phase == PSD_PH_MANUAL)
		return;
	raw_spin_lock_irqsave(&dp->lock, flags);
	if (start && phase == PSD_PH_PREPARE)
		psd_devpm_open(dp, cycle);
	if (cycle != dp->cycle)
		goto out;
	/* dpm_prepare and dpm_complete run in the gaps they leave. */
	if (start)
		dp->phase = steps[phase];
	else if (phase == PSD_PH_PREPARE)
		dp->phase = PSD_DP_PREPARE;
	else if (phase == PSD_PH_RESUME)
		dp->phase = PSD_DP_COMPLETE;
	else
		dp->phase = PSD_DP_NONE;
	if (start && phase == PSD_PH_POST) {
		r = psd_devpm_cur(dp);
		if (r)
			psd_report_part(&psd_devpm_layer, cycle, 0, r,
					sizeof(*r));
		dp->cycle = 0;
	}
out:
	raw_spin_unlock_irqrestore(&dp->lock, flags);
}

/**
 * psd_devpm_dropped() - callbacks not timed since load or reset
 *
 * Return: starts with no free slot plus ends with no start.
 */
u64 psd_devpm_dropped(void)
{
	struct psd_devpm *dp = psd_devpm();
	unsigned long flags;
	u64 n;

	raw_spin_lock_irqsave(&dp->lock, flags);
	n = dp->in.dropped + dp->in.unmatched;
	raw_spin_unlock_irqrestore(&dp->lock, flags);
	return n;
}

/* One kept cycle of the devpm file. */
static void psd_devpm_show_cycle(struct seq_file *m, u32 cycle,
				 const void *part)
{
	const struct psd_devpm_rec *r = part;
	unsigned int i, dir;

	seq_printf(m, "# cycle=%u calls_suspend=%u calls_resume=%u failed_more=%u\n",
		   cycle, r->calls[PSD_DEVPM_SUSPEND],
		   r->calls[PSD_DEVPM_RESUME], r->failed_more);
	for (i = 0; i < r->nfailed; i++)
		psd_fields_text(m, NULL, &r->failed[i], psd_devpm_cb_fields);
	for (dir = 0; dir < PSD_DEVPM_NR_DIRS; dir++)
		for (i = 0; i < r->nslow[dir]; i++)
			psd_fields_text(m, NULL, &r->slow[dir][i],
					psd_devpm_cb_fields);
}

/**
 * psd_devpm_show() - the devpm file, oldest cycle first
 * @m: the seq_file
 * @unused: unused
 *
 * Per kept cycle that has ended a header, its failed callbacks, then the
 * slowest of each direction.
 *
 * Return: 0, or -ENOMEM.
 */
static int psd_devpm_show(struct seq_file *m, void *unused)
{
	if (!psd_layer_on(&psd_devpm_layer)) {
		seq_puts(m, "# component devpm is off\n");
		return 0;
	}
	seq_printf(m, "# untimed=%llu (more than %u at once, or begun before load)\n",
		   psd_devpm_dropped(), PSD_DEVPM_INFLIGHT);
	return psd_report_parts_show(m, &psd_devpm_layer, psd_devpm_show_cycle);
}

/* dev= driver= phase= of a record psd_devpm_pack() filled. */
static void psd_devpm_cb_keys(struct seq_file *m, const struct psd_record *r)
{
	seq_putc(m, ' ');
	psd_seq_str(m, "dev", r->name);
	seq_putc(m, ' ');
	psd_seq_str(m, "driver", (const char *)r->v);
	seq_printf(m, " phase=%s", psd_devpm_phase_name(r->phase));
}

/**
 * psd_devpm_error_show() - keys of the devpm_error event
 * @m: the seq_file
 * @r: the event
 */
static void psd_devpm_error_show(struct seq_file *m, const struct psd_record *r)
{
	psd_devpm_cb_keys(m, r);
	seq_printf(m, " err=%lld", r->v[3]);
}

/**
 * psd_devpm_resume_slow_show() - class keys of RESUME_SLOW
 * @m: the seq_file
 * @r: the anomaly
 */
static void psd_devpm_resume_slow_show(struct seq_file *m,
				       const struct psd_record *r)
{
	psd_devpm_cb_keys(m, r);
	seq_printf(m, " dur_us=%lld", r->v[3]);
}

static int psd_devpm_start(const char **why)
{
	struct psd_devpm *dp = psd_devpm();

	dp->cycle = 0;
	dp->phase = PSD_DP_NONE;
	memset(&dp->in, 0, sizeof(dp->in));
	return psd_tp_attach(psd_devpm_tps, ARRAY_SIZE(psd_devpm_tps), why);
}

static void psd_devpm_stop(void)
{
	struct psd_devpm *dp = psd_devpm();
	unsigned long flags;

	psd_tp_detach(psd_devpm_tps, ARRAY_SIZE(psd_devpm_tps));
	raw_spin_lock_irqsave(&dp->lock, flags);
	dp->cycle = 0;
	raw_spin_unlock_irqrestore(&dp->lock, flags);
}

static void psd_devpm_reset(void)
{
	struct psd_devpm *dp = psd_devpm();
	unsigned long flags;

	raw_spin_lock_irqsave(&dp->lock, flags);
	dp->in.dropped = 0;
	dp->in.unmatched = 0;
	/* An open cycle goes on being recorded, from now. */
	memset(&dp->cur, 0, sizeof(dp->cur));
	raw_spin_unlock_irqrestore(&dp->lock, flags);
}

static const struct psd_layer_ops psd_devpm_ops = {
	.start = psd_devpm_start,
	.stop = psd_devpm_stop,
	.reset = psd_devpm_reset,
	.phase = psd_devpm_phase,
};

static const struct psd_kind psd_devpm_events[] = {
	{ PSD_EV_DEVPM_ERROR, "devpm_error", psd_devpm_error_show },
	{}
};

static const struct psd_kind psd_devpm_classes[] = {
	{ PSD_AN_RESUME_SLOW, "RESUME_SLOW", psd_devpm_resume_slow_show },
	{}
};

static const struct psd_setting_desc psd_devpm_settings[] = {
	{ PSD_SET_RESUME_SLOW_MS, "resume_slow_ms", 100, 1, 600000 },
	{}
};

static const struct psd_file psd_devpm_files[] = {
	{ NULL, "devpm", 0400, psd_devpm_show },
	{}
};

struct psd_layer psd_devpm_layer = {
	.name = "devpm",
	.ops = &psd_devpm_ops,
	.events = psd_devpm_events,
	.classes = psd_devpm_classes,
	.settings = psd_devpm_settings,
	.files = psd_devpm_files,
	.after_contract = true,
	.part = &psd_devpm_part,
	.data_size = sizeof(struct psd_devpm),
	.data_init = psd_devpm_data_init,
};
