// SPDX-License-Identifier: GPL-2.0
/*
 * Wakeup sources: which wakeup events the PM core honored.
 *
 * The wakeup_source_activate/deactivate tracepoints feed a table of at
 * most PSD_WS_MAX names, allocated at start.  Names repeat (every epoll
 * source is "eventpoll"), so an entry counts nested activations.  The
 * probes are registered before the kernel's list is walked, so a source
 * is never missed; one that was active before we looked is learned from
 * the walk.  Phases come from the cycle tracker through the component's
 * phase hook.  Nothing here formats text except the show functions.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/atomic.h>
#include <linux/device.h>
#include <linux/hashtable.h>
#include <linux/jhash.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/minmax.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/timekeeping.h>
#include <linux/timer.h>
#include <trace/events/power.h>

#include "../pmic_sleepdiag/compat.h"
#include "../pmic_sleepdiag/internal.h"
#include "internal.h"
#include "../kunit/visible.h"

#define PSD_WS_HASH_BITS	9
#define PSD_WS_NO_PHASE		PSD_NR_PHASES	/* outside any cycle */
#define PSD_WS_NEVER		0xff		/* never activated */
#define PSD_WS_SCAN_MIN_MS	100
#define PSD_WS_SCAN_MAX_MS	1000

enum psd_ws_stuck_reason {
	PSD_WS_STUCK_TIME,	/* active for ws_stuck_ms */
	PSD_WS_STUCK_ABORTS,	/* active across two aborted attempts */
};

struct psd_ws {
	struct hlist_node node;
	struct psd_ws_info info;
	u64 t_active;		/* start of the current active stretch */
	u32 stretch;		/* active stretches begun, for identity */
	bool stuck_raised;	/* WS_STUCK_ACTIVE raised for this stretch */
	bool from_walk;		/* learned from the kernel's list */
	u32 pending_cycle;	/* activated while suspending, not judged */
	u64 pending_t;
	u8 pending_phase;
	u32 abort_cycle;	/* last aborted cycle it stayed active over */
	u32 abort_stretch;
};

/* The layer's data in a core instance (psd_layer_data()). */
struct psd_wst {
	raw_spinlock_t lock;
	struct psd_ws *ws;		/* PSD_WS_MAX entries */
	unsigned int used;
	unsigned int active;		/* entries with nest > 0 */
	DECLARE_HASHTABLE(hash, PSD_WS_HASH_BITS);
	DECLARE_BITMAP(pending, PSD_WS_MAX);
	DECLARE_BITMAP(before_round, PSD_WS_MAX);	/* pending at its start */
	/* What the phase hook taught us. */
	u32 cycle;
	u8 phase;			/* last phase begun, or PSD_WS_NO_PHASE */
	bool open;
	bool suspending;		/* from prepare to the first resume phase */
	int first;			/* first entry activated while suspending */
	struct psd_wq wq;		/* the wake IRQ's (wakeirq.c) */
	bool timer_on;			/* started: may arm the scan timer */
	/* summary's counts from load: names that found no room,
	 * deactivations of sources the table does not hold
	 */
	atomic64_t overflow;
	atomic64_t untracked;
};

/* The module's: scans its instance for sources active too long. */
static struct timer_list psd_ws_timer;

static struct psd_wst *psd_wst(void)
{
	return psd_layer_data(&psd_wakesrc_layer);
}

/**
 * psd_wq() - the wake IRQ's state in the core instance in use
 *
 * Return: the state.
 */
struct psd_wq *psd_wq(void)
{
	return &psd_wst()->wq;
}

static void psd_ws_clear(struct psd_wst *wst);

static int psd_wst_data_init(void *data)
{
	struct psd_wst *wst = data;

	raw_spin_lock_init(&wst->lock);
	raw_spin_lock_init(&wst->wq.lock);
	wst->ws = kcalloc(PSD_WS_MAX, sizeof(*wst->ws), GFP_KERNEL);
	if (!wst->ws)
		return -ENOMEM;
	psd_ws_clear(wst);
	return 0;
}

static void psd_wst_data_exit(void *data)
{
	struct psd_wst *wst = data;

	kfree(wst->ws);
}

static struct psd_tp psd_ws_tps[] = {
	{ .name = "wakeup_source_activate", .probe = psd_ws_tp_activate,
	  .data = &psd_live },
	{ .name = "wakeup_source_deactivate", .probe = psd_ws_tp_deactivate,
	  .data = &psd_live },
};

PSD_TP_CHECK(wakeup_source_activate, psd_ws_tp_activate)
PSD_TP_CHECK(wakeup_source_deactivate, psd_ws_tp_deactivate)

/* Find @name (truncated to fit) in the table; add it when @create. */
static struct psd_ws *psd_ws_find(struct psd_wst *wst, const char *name,
				  bool create)
{
	size_t len = strnlen(name, PSD_NAME_LEN - 1);
	u32 key = jhash(name, len, 0);
	struct psd_ws *e;

	hash_for_each_possible(wst->hash, e, node, key)
		if (!strncmp(e->info.name, name, len) && !e->info.name[len])
			return e;
	if (!create || wst->used == PSD_WS_MAX)
		return NULL;
	e = &wst->ws[wst->used++];
	memset(e, 0, sizeof(*e));
	memcpy(e->info.name, name, len);
	e->info.last_phase = PSD_WS_NEVER;
	hash_add(wst->hash, &e->node, key);
	return e;
}

static void psd_ws_stuck(struct psd_ws *e, u32 cycle, u64 t, u8 reason,
			 s64 arg)
{
	struct psd_record an = {
		.t_ns = t,
		.cycle = cycle,
		.type = PSD_AN_WS_STUCK_ACTIVE,
		.flag = reason,
	};

	e->stuck_raised = true;
	an.v[0] = div_u64(t - e->t_active, NSEC_PER_MSEC);
	an.v[1] = arg;
	strscpy(an.name, e->info.name, sizeof(an.name));
	psd_anomaly_raise(&an);
}

static void psd_ws_arm_timer(struct psd_wst *wst)
{
	u32 ms = clamp_t(u32, psd_setting(PSD_SET_WS_STUCK_MS) / 2,
			 PSD_WS_SCAN_MIN_MS, PSD_WS_SCAN_MAX_MS);

	if (wst->timer_on && !timer_pending(&psd_ws_timer))
		mod_timer(&psd_ws_timer, jiffies + msecs_to_jiffies(ms));
}

/*
 * The rest of @ev for a change of @e, under the lock.  True if a cycle
 * is open: only then does the change go on the timeline.
 */
static bool psd_ws_event(struct psd_wst *wst, struct psd_record *ev,
			 const struct psd_ws *e)
{
	ev->cycle = wst->cycle;
	ev->phase = wst->phase;
	ev->v[0] = e->info.nest;
	if (!wst->open)
		return false;
	strscpy(ev->name, e->info.name, sizeof(ev->name));
	return true;
}

/*
 * A source became active: count it, start its stretch, and note it when
 * it came while suspending.  Under the lock.
 */
static bool psd_ws_activated(struct psd_wst *wst, struct psd_ws *e,
			     struct psd_record *ev)
{
	e->info.activations++;
	if (!e->info.nest++) {
		e->t_active = ev->t_ns;
		e->stretch++;
		e->stuck_raised = false;
		wst->active++;
		psd_ws_arm_timer(wst);
	}
	e->info.last_phase = wst->open ? wst->phase : PSD_WS_NO_PHASE;
	if (wst->suspending) {
		unsigned int i = e - wst->ws;

		e->info.in_suspend++;
		e->pending_cycle = wst->cycle;
		e->pending_t = ev->t_ns;
		e->pending_phase = wst->phase;
		__set_bit(i, wst->pending);
		if (wst->first < 0)
			wst->first = i;
	}
	return true;
}

/*
 * A source became inactive: end its stretch, and raise WS_STUCK_ACTIVE
 * for a long one.  False if it was not seen active (active before we
 * looked).  Under the lock.
 */
static bool psd_ws_deactivated(struct psd_wst *wst, struct psd_ws *e,
			       struct psd_record *ev)
{
	if (!e->info.nest)
		return false;
	e->info.deactivations++;
	ev->v[1] = -1;
	if (!--e->info.nest) {
		u64 d = ev->t_ns - e->t_active;

		wst->active--;
		e->info.max_active_ns = max(e->info.max_active_ns, d);
		ev->v[1] = div_u64(d, NSEC_PER_MSEC);
		if (!e->stuck_raised &&
		    d >= (u64)psd_setting(PSD_SET_WS_STUCK_MS) * NSEC_PER_MSEC)
			psd_ws_stuck(e, wst->cycle, ev->t_ns,
				     PSD_WS_STUCK_TIME,
				     psd_setting(PSD_SET_WS_STUCK_MS));
	}
	return true;
}

/*
 * One probe's work, in the instance @data names: @change on @name's entry
 * under the lock, an entry added for an activation; the event of @type
 * then goes on the timeline if a cycle is open.  When there is no entry,
 * or @change refuses it, it is counted: an activation in ws_overflow, a
 * deactivation in ws_untracked_deactivations.  Inlined so that @change is
 * a direct call.
 */
static __always_inline void
psd_ws_probe(void *data, const char *name, u16 type,
	     bool (*change)(struct psd_wst *wst, struct psd_ws *e,
			    struct psd_record *ev))
{
	struct psd_core *prev = psd_core_enter(data);
	struct psd_wst *wst = psd_wst();
	struct psd_record ev = {
		.t_ns = ktime_get_boot_fast_ns(),
		.type = type,
	};
	bool activate = type == PSD_EV_WS_ACTIVATE;
	unsigned long flags;
	bool ok, emit = false;
	struct psd_ws *e;

	raw_spin_lock_irqsave(&wst->lock, flags);
	e = psd_ws_find(wst, name, activate);
	ok = e && change(wst, e, &ev);
	if (ok)
		emit = psd_ws_event(wst, &ev, e);
	raw_spin_unlock_irqrestore(&wst->lock, flags);

	if (!ok)
		atomic64_inc(activate ? &wst->overflow : &wst->untracked);
	else if (emit)
		psd_event_add(&ev);
	psd_core_leave(data, prev);
}

/**
 * psd_ws_tp_activate() - probe on wakeup_source_activate
 * @data: the core instance it records into (psd_core_enter())
 * @name: the source's name
 * @state: the kernel's combined event count (unused)
 *
 * An activation the table has no room for counts in ws_overflow.
 * Context: any, often hardirq; under the source's lock.
 */
void psd_ws_tp_activate(void *data, const char *name, unsigned int state)
{
	psd_ws_probe(data, name, PSD_EV_WS_ACTIVATE, psd_ws_activated);
}

/**
 * psd_ws_tp_deactivate() - probe on wakeup_source_deactivate
 * @data: the core instance it records into (psd_core_enter())
 * @name: the source's name
 * @state: the kernel's combined event count (unused)
 *
 * A source active before we looked, or whose name did not fit, counts in
 * ws_untracked_deactivations.
 * Context: any, often hardirq or a timer; under the source's lock.
 */
void psd_ws_tp_deactivate(void *data, const char *name, unsigned int state)
{
	psd_ws_probe(data, name, PSD_EV_WS_DEACTIVATE, psd_ws_deactivated);
}

/**
 * psd_ws_stuck_scan() - raise WS_STUCK_ACTIVE for sources active too long
 * @now: CLOCK_BOOTTIME ns
 *
 * The periodic timer's work, exposed so KUnit can run it with a made-up
 * @now.  Context: any.
 */
void psd_ws_stuck_scan(u64 now)
{
	struct psd_wst *wst = psd_wst();
	u64 limit = (u64)psd_setting(PSD_SET_WS_STUCK_MS) * NSEC_PER_MSEC;
	unsigned long flags;
	unsigned int i;

	raw_spin_lock_irqsave(&wst->lock, flags);
	for (i = 0; i < wst->used; i++) {
		struct psd_ws *e = &wst->ws[i];

		if (e->info.nest && !e->stuck_raised &&
		    now >= e->t_active && now - e->t_active >= limit)
			psd_ws_stuck(e, wst->cycle, now, PSD_WS_STUCK_TIME,
				     psd_setting(PSD_SET_WS_STUCK_MS));
	}
	raw_spin_unlock_irqrestore(&wst->lock, flags);
}

static void psd_ws_timer_fn(struct timer_list *t)
{
	struct psd_wst *wst = psd_wst();
	unsigned long flags;

	psd_ws_stuck_scan(ktime_get_boot_fast_ns());
	raw_spin_lock_irqsave(&wst->lock, flags);
	if (wst->active)
		psd_ws_arm_timer(wst);
	raw_spin_unlock_irqrestore(&wst->lock, flags);
}

/*
 * The system slept: every source in @which, activated since prepare and
 * before the sleep began, was not honored.
 */
static void psd_ws_judge_sleep(struct psd_wst *wst, u32 cycle, u64 t,
			       unsigned long *which)
{
	struct psd_record an = {
		.t_ns = t,
		.cycle = cycle,
		.type = PSD_AN_WS_NOT_HONORED,
	};
	unsigned int i;

	for_each_set_bit(i, which, PSD_WS_MAX) {
		struct psd_ws *e = &wst->ws[i];

		__clear_bit(i, which);
		__clear_bit(i, wst->pending);
		if (e->pending_cycle != cycle)
			continue;
		e->pending_cycle = 0;
		an.phase = e->pending_phase;
		an.v[0] = e->pending_t;
		strscpy(an.name, e->info.name, sizeof(an.name));
		psd_anomaly_raise(&an);
	}
}

/*
 * The cycle ended aborted: name the source behind it (the first one
 * activated while suspending, else the longest active one) and look for
 * sources that stayed active across two aborted attempts in a row.
 */
static void psd_ws_aborted(struct psd_wst *wst, u32 cycle, u64 t, char *who,
			   size_t len)
{
	struct psd_ws *oldest = NULL;
	unsigned int i;

	for (i = 0; i < wst->used; i++) {
		struct psd_ws *e = &wst->ws[i];

		if (!e->info.nest)
			continue;
		if (!oldest || e->t_active < oldest->t_active)
			oldest = e;
		if (e->abort_cycle && e->abort_cycle + 1 == cycle &&
		    e->abort_stretch == e->stretch && !e->stuck_raised)
			psd_ws_stuck(e, cycle, t, PSD_WS_STUCK_ABORTS,
				     e->abort_cycle);
		e->abort_cycle = cycle;
		e->abort_stretch = e->stretch;
	}
	if (wst->first >= 0)
		strscpy(who, wst->ws[wst->first].info.name, len);
	else if (oldest)
		strscpy(who, oldest->info.name, len);
}

static void psd_ws_post(u32 cycle, u64 t)
{
	struct psd_wst *wst = psd_wst();
	char who[PSD_NAME_LEN] = "";
	bool aborted = psd_cycle_aborted(cycle);
	unsigned long flags;

	raw_spin_lock_irqsave(&wst->lock, flags);
	if (aborted)
		psd_ws_aborted(wst, cycle, t, who, sizeof(who));
	bitmap_zero(wst->pending, PSD_WS_MAX);
	bitmap_zero(wst->before_round, PSD_WS_MAX);
	wst->open = false;
	wst->suspending = false;
	wst->phase = PSD_WS_NO_PHASE;
	raw_spin_unlock_irqrestore(&wst->lock, flags);
	if (who[0])
		psd_cycle_set_abort_ws(cycle, who);
}

/*
 * An s2idle round ended.  One that found a wakeup pending honored it and
 * never slept: nothing to judge (its sources stay pending until post).
 */
static void psd_ws_round_end(u32 cycle, u64 t)
{
	struct psd_wst *wst = psd_wst();
	unsigned long flags;

	if (!psd_cycle_round_slept())
		return;
	raw_spin_lock_irqsave(&wst->lock, flags);
	if (wst->open && wst->cycle == cycle)
		psd_ws_judge_sleep(wst, cycle, t, wst->before_round);
	raw_spin_unlock_irqrestore(&wst->lock, flags);
}

/**
 * psd_ws_phase() - the component's phase hook
 * @cycle: the suspend cycle
 * @phase: enum psd_phase
 * @start: beginning or end of the phase
 * @t_ns: CLOCK_BOOTTIME of the change
 *
 * Context: any; the s2idle edges run in the suspending task with devices
 * suspended.
 */
void psd_ws_phase(u32 cycle, enum psd_phase phase, bool start, u64 t_ns)
{
	struct psd_wst *wst = psd_wst();
	unsigned long flags;

	if (phase == PSD_PH_S2IDLE && !start) {
		psd_ws_round_end(cycle, t_ns);
		return;
	}
	if (phase == PSD_PH_MANUAL || !start)
		return;
	if (phase == PSD_PH_PREPARE && psd_wakeirq_armed())
		psd_cycle_set_wake_irq(cycle, PSD_WAKE_IRQ_NONE);
	if (phase == PSD_PH_POST) {
		psd_wakeirq_flush();
		psd_ws_post(cycle, t_ns);
		return;
	}

	raw_spin_lock_irqsave(&wst->lock, flags);
	if (phase == PSD_PH_PREPARE) {
		bitmap_zero(wst->pending, PSD_WS_MAX);
		bitmap_zero(wst->before_round, PSD_WS_MAX);
		wst->cycle = cycle;
		wst->open = true;
		wst->suspending = true;
		wst->first = -1;
	}
	if (wst->open && wst->cycle == cycle) {
		wst->phase = phase;
		switch (phase) {
		case PSD_PH_S2IDLE:
			/* Judged at its end, if it slept. */
			bitmap_copy(wst->before_round, wst->pending,
				    PSD_WS_MAX);
			break;
		case PSD_PH_MACHINE_SUSPEND:
			psd_ws_judge_sleep(wst, cycle, t_ns, wst->pending);
			break;
		case PSD_PH_RESUME_NOIRQ:
		case PSD_PH_RESUME_EARLY:
		case PSD_PH_RESUME:
			wst->suspending = false;
			break;
		default:
			break;
		}
	}
	raw_spin_unlock_irqrestore(&wst->lock, flags);
}

/*
 * Learn the sources that exist, and which are active, from the kernel.
 * Each is entered under its own lock, the order the probes run in, so a
 * deactivation either comes before the walk reads it or finds the entry.
 * ws->last_time is CLOCK_MONOTONIC; no source stays active across a
 * completed suspend, so the boot offset of now converts it.
 */
static void psd_ws_walk(struct psd_wst *wst)
{
	unsigned long flags, wflags;
	struct wakeup_source *ws;
	int idx;

	idx = wakeup_sources_read_lock();
	for_each_wakeup_source(ws) {
		struct psd_ws *e;
		bool fresh;
		u64 now, t;

		if (!ws->name)
			continue;
		spin_lock_irqsave(&ws->lock, wflags);
		raw_spin_lock_irqsave(&wst->lock, flags);
		fresh = !psd_ws_find(wst, ws->name, false);
		e = psd_ws_find(wst, ws->name, true);
		if (!e) {
			raw_spin_unlock_irqrestore(&wst->lock, flags);
			spin_unlock_irqrestore(&ws->lock, wflags);
			atomic64_inc(&wst->overflow);
			continue;
		}
		e->from_walk |= fresh;
		/* A probe already saw this name: it knows better than us. */
		if (e->from_walk && ws->active && !e->info.nest++) {
			now = ktime_get_boot_fast_ns();
			t = ktime_to_ns(ktime_mono_to_any(ws->last_time,
							  TK_OFFS_BOOT));
			e->t_active = min(t, now);
			e->stretch++;
			wst->active++;
			psd_ws_arm_timer(wst);
		}
		raw_spin_unlock_irqrestore(&wst->lock, flags);
		spin_unlock_irqrestore(&ws->lock, wflags);
	}
	wakeup_sources_read_unlock(idx);

	raw_spin_lock_irqsave(&wst->lock, flags);
	for (idx = 0; idx < wst->used; idx++)
		wst->ws[idx].from_walk = false;
	raw_spin_unlock_irqrestore(&wst->lock, flags);
}

/**
 * psd_ws_info_at() - copy the entry at a table position
 * @i: position, from 0 in the order names were first seen
 * @out: where to copy it; max_active_ns includes a running stretch
 *
 * Return: false past the last entry.
 */
bool psd_ws_info_at(unsigned int i, struct psd_ws_info *out)
{
	struct psd_wst *wst = psd_wst();
	u64 now = ktime_get_boot_fast_ns();
	unsigned long flags;
	bool found = false;

	raw_spin_lock_irqsave(&wst->lock, flags);
	if (i < wst->used) {
		const struct psd_ws *e = &wst->ws[i];

		*out = e->info;
		if (e->info.nest && now > e->t_active)
			out->max_active_ns = max(out->max_active_ns,
						 now - e->t_active);
		found = true;
	}
	raw_spin_unlock_irqrestore(&wst->lock, flags);
	return found;
}

/**
 * psd_ws_info_get() - copy the entry of a source by name
 * @name: the source's name
 * @out: where to copy it
 *
 * Return: false when the name is not in the table.
 */
bool psd_ws_info_get(const char *name, struct psd_ws_info *out)
{
	unsigned int i;

	for (i = 0; psd_ws_info_at(i, out); i++)
		if (!strncmp(out->name, name, PSD_NAME_LEN - 1))
			return true;
	return false;
}

static const char *psd_ws_phase_name(u8 phase)
{
	if (phase == PSD_WS_NEVER)
		return "never";
	if (phase == PSD_WS_NO_PHASE)
		return "none";
	return psd_phase_name(phase);
}

/**
 * psd_wakesrc_sources_show() - the wakeup/sources file
 * @m: the seq_file
 * @unused: unused
 *
 * Return: 0.
 */
int psd_wakesrc_sources_show(struct seq_file *m, void *unused)
{
	struct psd_ws_info w;
	unsigned int i;

	if (!psd_layer_on(&psd_wakesrc_layer)) {
		seq_puts(m, "# component wakesrc is off\n");
		return 0;
	}
	for (i = 0; psd_ws_info_at(i, &w); i++) {
		psd_seq_str(m, "name", w.name);
		seq_printf(m, " active=%u activations=%llu deactivations=%llu in_suspend=%llu max_active_ms=%llu last_phase=%s\n",
			   w.nest ? 1 : 0, w.activations, w.deactivations,
			   w.in_suspend, div_u64(w.max_active_ns, NSEC_PER_MSEC),
			   psd_ws_phase_name(w.last_phase));
	}
	return 0;
}

/**
 * psd_ws_event_show() - formatter of the ws_activate/ws_deactivate events
 * @m: the seq_file
 * @r: the event
 */
static void psd_ws_event_show(struct seq_file *m, const struct psd_record *r)
{
	seq_putc(m, ' ');
	psd_seq_str(m, "ws", r->name);
	seq_printf(m, " phase=%s nest=%lld", psd_ws_phase_name(r->phase),
		   r->v[0]);
	if (r->type == PSD_EV_WS_DEACTIVATE && r->v[1] >= 0)
		seq_printf(m, " active_ms=%lld", r->v[1]);
}

/**
 * psd_ws_not_honored_show() - class keys of WS_NOT_HONORED
 * @m: the seq_file
 * @r: the anomaly
 */
static void psd_ws_not_honored_show(struct seq_file *m, const struct psd_record *r)
{
	seq_putc(m, ' ');
	psd_seq_str(m, "ws", r->name);
	seq_printf(m, " phase=%s activated_ns=%lld detail=\"%s\"",
		   psd_ws_phase_name(r->phase), r->v[0],
		   "activated while suspending, yet the system went to sleep; without the wakeup_count handshake this is the kernel's designed behaviour (the module cannot read events_check_enabled)");
}

/**
 * psd_ws_stuck_show() - class keys of WS_STUCK_ACTIVE
 * @m: the seq_file
 * @r: the anomaly
 */
static void psd_ws_stuck_show(struct seq_file *m, const struct psd_record *r)
{
	seq_putc(m, ' ');
	psd_seq_str(m, "ws", r->name);
	seq_printf(m, " active_ms=%lld", r->v[0]);
	if (r->flag == PSD_WS_STUCK_ABORTS)
		seq_printf(m, " reason=aborted_twice first_aborted_cycle=%lld",
			   r->v[1]);
	else
		seq_printf(m, " reason=ws_stuck_ms ws_stuck_ms=%lld", r->v[1]);
}

/* An empty table: no name known, nothing active, no cycle open. */
static void psd_ws_clear(struct psd_wst *wst)
{
	hash_init(wst->hash);
	bitmap_zero(wst->pending, PSD_WS_MAX);
	bitmap_zero(wst->before_round, PSD_WS_MAX);
	wst->used = 0;
	wst->active = 0;
	wst->open = false;
	wst->suspending = false;
	wst->phase = PSD_WS_NO_PHASE;
	wst->first = -1;
}

#if IS_ENABLED(CONFIG_KUNIT)
/**
 * psd_ws_forget() - KUnit: the table as the layer's start leaves it
 *
 * Forgets every name, then learns the sources that exist now, without
 * detaching or attaching a probe.
 */
void psd_ws_forget(void)
{
	struct psd_wst *wst = psd_wst();
	unsigned long flags;

	raw_spin_lock_irqsave(&wst->lock, flags);
	psd_ws_clear(wst);
	raw_spin_unlock_irqrestore(&wst->lock, flags);
	psd_ws_walk(wst);
}
#endif

static int psd_wakesrc_start(const char **why)
{
	struct psd_wst *wst = psd_wst();
	unsigned long flags;
	int ret;

	raw_spin_lock_irqsave(&wst->lock, flags);
	psd_ws_clear(wst);
	wst->timer_on = true;
	raw_spin_unlock_irqrestore(&wst->lock, flags);
	timer_setup(&psd_ws_timer, psd_ws_timer_fn, TIMER_DEFERRABLE);

	ret = psd_tp_attach(psd_ws_tps, ARRAY_SIZE(psd_ws_tps), why);
	if (ret) {
		raw_spin_lock_irqsave(&wst->lock, flags);
		wst->timer_on = false;
		raw_spin_unlock_irqrestore(&wst->lock, flags);
		timer_delete_sync(&psd_ws_timer);
		return ret;
	}
	psd_ws_walk(wst);
	psd_wakeirq_start();
	return 0;
}

static void psd_wakesrc_stop(void)
{
	struct psd_wst *wst = psd_wst();
	unsigned long flags;

	psd_wakeirq_stop();
	psd_tp_detach(psd_ws_tps, ARRAY_SIZE(psd_ws_tps));
	raw_spin_lock_irqsave(&wst->lock, flags);
	wst->timer_on = false;
	raw_spin_unlock_irqrestore(&wst->lock, flags);
	timer_delete_sync(&psd_ws_timer);

	raw_spin_lock_irqsave(&wst->lock, flags);
	psd_ws_clear(wst);
	raw_spin_unlock_irqrestore(&wst->lock, flags);
}

/* control "reset": forget the counts, keep the names and what is active. */
static void psd_wakesrc_reset(void)
{
	struct psd_wst *wst = psd_wst();
	unsigned long flags;
	unsigned int i;

	raw_spin_lock_irqsave(&wst->lock, flags);
	for (i = 0; i < wst->used; i++) {
		struct psd_ws_info *w = &wst->ws[i].info;

		w->activations = 0;
		w->deactivations = 0;
		w->in_suspend = 0;
		w->max_active_ns = 0;
		w->last_phase = PSD_WS_NEVER;
		wst->ws[i].abort_cycle = 0;
	}
	raw_spin_unlock_irqrestore(&wst->lock, flags);
}

static void psd_wakesrc_devpm(u32 cycle, enum psd_phase phase)
{
	if (phase == PSD_PH_PREPARE)
		psd_wakeirq_prepare();
}

static void psd_wakesrc_show_counts(struct seq_file *m)
{
	struct psd_wst *wst = psd_wst();

	seq_printf(m, "ws_overflow: %lld\n",
		   (s64)atomic64_read(&wst->overflow));
	seq_printf(m, "ws_untracked_deactivations: %lld\n",
		   (s64)atomic64_read(&wst->untracked));
}

static const struct psd_layer_ops psd_wakesrc_ops = {
	.start = psd_wakesrc_start,
	.stop = psd_wakesrc_stop,
	.reset = psd_wakesrc_reset,
	.phase = psd_ws_phase,
	.devpm = psd_wakesrc_devpm,
	.show_counts = psd_wakesrc_show_counts,
};

static const struct psd_kind psd_wakesrc_events[] = {
	{ PSD_EV_WS_ACTIVATE, "ws_activate", psd_ws_event_show },
	{ PSD_EV_WS_DEACTIVATE, "ws_deactivate", psd_ws_event_show },
	{ PSD_EV_WAKE_IRQ, "wake_irq", psd_wakeirq_event_show },
	{}
};

static const struct psd_kind psd_wakesrc_classes[] = {
	{ PSD_AN_WS_NOT_HONORED, "WS_NOT_HONORED", psd_ws_not_honored_show },
	{ PSD_AN_WS_STUCK_ACTIVE, "WS_STUCK_ACTIVE", psd_ws_stuck_show },
	{}
};

static const struct psd_setting_desc psd_wakesrc_settings[] = {
	{ PSD_SET_WS_STUCK_MS, "ws_stuck_ms", 10000, 100, 3600000 },
	{}
};

static const struct psd_file psd_wakesrc_files[] = {
	{ "wakeup", "sources", 0400, psd_wakesrc_sources_show },
	{}
};

struct psd_layer psd_wakesrc_layer = {
	.name = "wakesrc",
	.ops = &psd_wakesrc_ops,
	.events = psd_wakesrc_events,
	.classes = psd_wakesrc_classes,
	.settings = psd_wakesrc_settings,
	.files = psd_wakesrc_files,
	.data_size = sizeof(struct psd_wst),
	.data_init = psd_wst_data_init,
	.data_exit = psd_wst_data_exit,
};
