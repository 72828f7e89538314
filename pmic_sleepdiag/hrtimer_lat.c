// SPDX-License-Identifier: GPL-2.0
/*
 * hrtimer latency: how late timers fire, in three windows.
 *
 *   all          every expiry
 *   post_resume  expiries in the first post_resume_ms after a sleep ended,
 *                where oversleep shows
 *   probe        our own periodic timer (probe_period_us, off by default),
 *                measured the way rtla's timerlat measures IRQ latency
 *
 * Lateness is the hrtimer_expire_entry tracepoint's now minus the timer's
 * hard expiry (the soft expiry includes intended slack); an expiry before
 * the hard expiry counts as 0.  A BOOTTIME/REALTIME/TAI timer whose expiry
 * fell inside a sleep in which timekeeping was suspended is counted apart
 * as suspended, not as late (where timekeeping runs on, e.g. s2idle without
 * a cpuidle s2idle state, such timers fire during the sleep as usual).
 *
 * Clock steps: after clock_was_set() (settimeofday, NTP, hwclock -s) the
 * absolute REALTIME/TAI timers the step passed fire at once, "late" by the
 * step.  Each CPU base counts steps in clock_was_set_seq, taken up by the
 * first hrtimer run after the step; the REALTIME/TAI expiries of that run
 * (hard and soft runs apart) are counted as clock_set, not as late.
 * Resuming timekeeping bumps the counter too: the first change a CPU shows
 * in the post_resume window of a sleep that froze timekeeping is the
 * resume's, not a step (a step merged with it on a CPU that ran no timer
 * in between goes unseen).
 *
 * Hot path: the probe runs in hardirq and, for soft timers, in softirq with
 * interrupts on, so updates nest; it touches only per-CPU counters through
 * IRQ-safe this_cpu ops: no lock, no atomic, no clock read unless a sleep
 * is near.  Per expiry that is one increment and a read of the max (a
 * cmpxchg when it grows, in a u64_stats section so that 32-bit readers see
 * whole values).  Readers sum the CPUs when the file is read.
 *
 * HRTIMER_LATE: expiries later than hrtimer_late_us are also counted per
 * cycle (in one of two slots, cycle % 2).  A window's count is raised once
 * per cycle: post_resume when its window closes, the others when the next
 * cycle begins.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/hrtimer.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mutex.h>
#include <linux/percpu.h>
#include <linux/rcupdate.h>
#include <linux/seq_file.h>
#include <linux/seqlock.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/timekeeping.h>
#include <linux/u64_stats_sync.h>
#include <linux/workqueue.h>
#include <trace/events/timer.h>

#include "compat.h"
#include "hrtimer.h"
#include "tp_attach.h"
#include "../kunit/visible.h"

#define PSD_HRT_SLOTS	2	/* per-cycle late counts: current and previous */

/* st->gate bits: the probe's only shared read besides settings. */
#define PSD_HRT_PAUSED	0	/* reset in progress: probes stay out */
#define PSD_HRT_LOOK	1	/* a sleep is near: read the clock */

static const char *const psd_hrt_window_names[PSD_HRT_NR_WINDOWS] = {
	[PSD_HRT_ALL] = "all",
	[PSD_HRT_POST_RESUME] = "post_resume",
	[PSD_HRT_PROBE] = "probe",
};

/* Per cycle: late expiries, and for post_resume every expiry. */
struct psd_hrt_late {
	unsigned long count;
	unsigned long suspended;
	u64 max;
	unsigned long seen;
	u64 seen_max;
};

/*
 * One window on one CPU.  Only the buckets and the exact max: min and avg
 * come from the buckets (within the histogram's bound), so that an expiry
 * costs one per-CPU increment and a read.  @syncp guards the u64 maxima,
 * which a 32-bit reader on another CPU would read in halves; reset does
 * not clear it.
 */
struct psd_hrt_cpu {
	u64 max;
	unsigned long suspended;
	unsigned long clock_set;
	struct psd_hrt_late late[PSD_HRT_SLOTS];
	unsigned long bucket[PSD_HIST_BUCKETS];
	struct u64_stats_sync syncp;
};

/*
 * A CPU's view of clock steps, for its hard or its soft runs (these nest,
 * so each keeps its own): the clock_was_set_seq last seen, the sleep wake
 * it was seen after, and the CLOCK_MONOTONIC now of the run that saw a step.
 */
struct psd_hrt_step {
	unsigned int seq;
	u32 wake_gen;
	bool primed;
	u64 run;
};

struct psd_hrt_steps {
	struct psd_hrt_step ctx[2];	/* [is_soft] */
};

struct psd_hrt {
	struct psd_hrt_cpu __percpu *win[PSD_HRT_NR_WINDOWS];
	struct psd_hrt_steps __percpu *steps;
	unsigned long gate;
	u32 cycle;			/* expiries count for this cycle */
	u32 wake_gen;			/* wakes from a frozen sleep */
	u64 (*clock)(void);		/* CLOCK_BOOTTIME ns */
	u64 (*mono)(void);		/* CLOCK_MONOTONIC ns */
	bool report;			/* the component's: feeds the report */
	u32 woke_cycle;			/* the last cycle that slept */

	/* The last sleep: one writer (the phase hook), read by probes. */
	seqcount_latch_t sleep_seq;
	struct psd_hrt_sleep sleep[2];

	raw_spinlock_t lock;		/* phase/close/flush, late[] slots */
	bool reported[PSD_HRT_NR_WINDOWS][PSD_HRT_SLOTS];
	struct delayed_work close_work;

	struct mutex mutex;		/* reset vs readers vs period */
	struct hrtimer probe_timer;
	u64 period_ns;
	bool probing;
};

static const char *psd_hrt_window_name(unsigned int w)
{
	return w < PSD_HRT_NR_WINDOWS ? psd_hrt_window_names[w] : "unknown";
}

/* ---- the probe ---- */

/*
 * Raise *p, a maximum of this CPU's @c, to v.  The cmpxchg loop keeps a
 * nested probe's value on 64-bit; on 32-bit the u64_stats section (with
 * interrupts off there) lets readers on other CPUs see whole values.
 */
static __always_inline void psd_hrt_put_max(struct psd_hrt_cpu __percpu *c,
					    u64 __percpu *p, u64 v)
{
	struct u64_stats_sync *syncp;
	unsigned long flags;
	u64 old, prev;

	old = this_cpu_read(*p);
	if (v <= old)
		return;
	syncp = this_cpu_ptr(&c->syncp);
	flags = u64_stats_update_begin_irqsave(syncp);
	while (v > old) {
		prev = this_cpu_cmpxchg(*p, old, v);
		if (prev == old)
			break;
		old = prev;
	}
	u64_stats_update_end_irqrestore(syncp, flags);
}

static __always_inline void psd_hrt_put(struct psd_hrt *st, unsigned int w,
					u64 late, unsigned int what)
{
	struct psd_hrt_cpu __percpu *c = st->win[w];
	unsigned int slot;

	if (unlikely(what & PSD_HRT_SUSPENDED)) {
		slot = READ_ONCE(st->cycle) % PSD_HRT_SLOTS;
		this_cpu_inc(c->suspended);
		this_cpu_inc(c->late[slot].suspended);
		return;
	}
	if (unlikely(what & PSD_HRT_CLOCK_SET)) {
		this_cpu_inc(c->clock_set);
		return;
	}
	/* max first: a reader that sees the bucket sees the max, mostly */
	psd_hrt_put_max(c, &c->max, late);
	this_cpu_inc(c->bucket[psd_hist_index(late)]);
	if (w == PSD_HRT_POST_RESUME) {
		slot = READ_ONCE(st->cycle) % PSD_HRT_SLOTS;
		this_cpu_inc(c->late[slot].seen);
		psd_hrt_put_max(c, &c->late[slot].seen_max, late);
	}
	if (unlikely(late > (u64)psd_setting(PSD_SET_HRTIMER_LATE_US) *
		     NSEC_PER_USEC)) {
		slot = READ_ONCE(st->cycle) % PSD_HRT_SLOTS;
		this_cpu_inc(c->late[slot].count);
		psd_hrt_put_max(c, &c->late[slot].max, late);
	}
}

static struct psd_hrt_sleep psd_hrt_sleep_get(struct psd_hrt *st)
{
	struct psd_hrt_sleep s;
	unsigned int seq;

	do {
		seq = raw_read_seqcount_latch(&st->sleep_seq);
		s = st->sleep[seq & 1];
	} while (raw_read_seqcount_latch_retry(&st->sleep_seq, seq));
	return s;
}

static void psd_hrt_sleep_set(struct psd_hrt *st,
			      const struct psd_hrt_sleep *s)
{
	raw_write_seqcount_latch(&st->sleep_seq);
	st->sleep[0] = *s;
	raw_write_seqcount_latch(&st->sleep_seq);
	st->sleep[1] = *s;
}

/* Suspended timekeeping stops CLOCK_MONOTONIC, not CLOCK_BOOTTIME. */
#define PSD_HRT_FROZEN_NS	NSEC_PER_MSEC	/* beyond the reads' jitter */

static bool psd_hrt_froze(struct psd_hrt *st, const struct psd_hrt_sleep *s,
			  u64 now)
{
	return s->start && now - s->start >
	       st->mono() - s->mono_start + PSD_HRT_FROZEN_NS;
}

/* Only near a sleep: which windows, and was the expiry inside the sleep? */
static noinline unsigned int psd_hrt_look(struct psd_hrt *st,
					  const struct hrtimer *timer, u64 late)
{
	struct psd_hrt_sleep s = psd_hrt_sleep_get(st);
	u64 now = st->clock();

	/* Woken, the phase hook not told yet: did the clocks stop? */
	if (!s.end)
		s.frozen = psd_hrt_froze(st, &s, now);
	return psd_hrt_classify(&s, timer->base->clockid, late, now,
				(u64)psd_setting(PSD_SET_POST_RESUME_MS) *
				NSEC_PER_MSEC);
}

/**
 * psd_hrt_classify() - where an expiry near a sleep counts
 * @s: the last sleep
 * @clock: the timer's clock id
 * @late: its lateness, ns
 * @now: CLOCK_BOOTTIME of the expiry entry
 * @post_ns: length of the post_resume window
 *
 * Return: PSD_HRT_IN_POST_RESUME when @now is within @post_ns after the
 * sleep ended; PSD_HRT_SUSPENDED when the sleep froze timekeeping, the
 * timer runs on a clock that goes on during suspend and its expiry
 * (@now - @late) fell inside the sleep.
 */
unsigned int psd_hrt_classify(const struct psd_hrt_sleep *s, clockid_t clock,
			      u64 late, u64 now, u64 post_ns)
{
	unsigned int what = 0;
	u64 expiry;

	if (s->end && now >= s->end && now - s->end < post_ns)
		what |= PSD_HRT_IN_POST_RESUME;
	if ((clock == CLOCK_BOOTTIME || clock == CLOCK_REALTIME ||
	     clock == CLOCK_TAI) && s->frozen && late <= now) {
		expiry = now - late;
		if (expiry >= s->start && (!s->end || expiry < s->end))
			what |= PSD_HRT_SUSPENDED;
	}
	return what;
}

/* This context saw a new clock_was_set_seq: a step, or a resume's. */
static noinline void psd_hrt_step_seen(struct psd_hrt *st,
				       struct psd_hrt_step __percpu *ctx,
				       unsigned int seq, u64 run,
				       unsigned int what)
{
	u32 gen = READ_ONCE(st->wake_gen);
	bool resume = gen != this_cpu_read(ctx->wake_gen) &&
		      (what & PSD_HRT_IN_POST_RESUME);

	this_cpu_write(ctx->seq, seq);
	this_cpu_write(ctx->wake_gen, gen);
	/* Before the first look, the count holds steps from before load. */
	this_cpu_write(ctx->run, this_cpu_read(ctx->primed) && !resume ?
				 run : 0);
	this_cpu_write(ctx->primed, true);
}

/* PSD_HRT_CLOCK_SET for a REALTIME/TAI expiry in the run after a step. */
static __always_inline unsigned int psd_hrt_step(struct psd_hrt *st,
						 const struct hrtimer *timer,
						 ktime_t now, unsigned int what)
{
	const struct hrtimer_clock_base *base = timer->base;
	struct psd_hrt_step __percpu *ctx = &st->steps->ctx[!!timer->is_soft];
	unsigned int seq = READ_ONCE(base->cpu_base->clock_was_set_seq);
	/* The run's CLOCK_MONOTONIC now: the same for all its expiries. */
	u64 run = ktime_to_ns(ktime_sub(now, base->offset));

	if (unlikely(seq != this_cpu_read(ctx->seq) ||
		     !this_cpu_read(ctx->primed)))
		psd_hrt_step_seen(st, ctx, seq, run, what);
	if (base->clockid != CLOCK_REALTIME && base->clockid != CLOCK_TAI)
		return 0;
	return unlikely(this_cpu_read(ctx->run) == run) ? PSD_HRT_CLOCK_SET : 0;
}

/**
 * psd_hrt_probe() - probe on hrtimer_expire_entry
 * @data: the struct psd_hrt
 * @timer: the expiring timer
 * @now: the time of its clock base at expiry entry
 *
 * Context: hardirq, or softirq with interrupts on; may nest.
 */
void psd_hrt_probe(void *data, struct hrtimer *timer, ktime_t *now)
{
	struct psd_hrt *st = data;
	s64 d = ktime_to_ns(ktime_sub(*now, hrtimer_get_expires(timer)));
	u64 late = d > 0 ? d : 0;
	unsigned long gate = READ_ONCE(st->gate);
	unsigned int what = 0;

	if (unlikely(gate)) {
		if (gate & BIT(PSD_HRT_PAUSED))
			return;
		what = psd_hrt_look(st, timer, late);
	}
	what |= psd_hrt_step(st, timer, *now, what);
	psd_hrt_put(st, PSD_HRT_ALL, late, what);
	if (unlikely(what & PSD_HRT_IN_POST_RESUME))
		psd_hrt_put(st, PSD_HRT_POST_RESUME, late, what);
	if (unlikely(timer == &st->probe_timer))
		psd_hrt_put(st, PSD_HRT_PROBE, late, what);
}

PSD_TP_CHECK(hrtimer_expire_entry, psd_hrt_probe)

/* ---- the probe timer ---- */

static enum hrtimer_restart psd_hrt_tick(struct hrtimer *t)
{
	struct psd_hrt *st = container_of(t, struct psd_hrt, probe_timer);

	hrtimer_forward_now(t, ns_to_ktime(st->period_ns));
	return HRTIMER_RESTART;
}

/**
 * psd_hrt_set_period() - (re)start or stop the probe timer
 * @st: the instance
 * @us: probe_period_us; 0 stops it
 *
 * Context: process.
 */
void psd_hrt_set_period(struct psd_hrt *st, u32 us)
{
	mutex_lock(&st->mutex);
	hrtimer_cancel(&st->probe_timer);
	st->period_ns = (u64)us * NSEC_PER_USEC;
	WRITE_ONCE(st->probing, us != 0);
	if (us)
		hrtimer_start(&st->probe_timer,
			      ktime_add_ns(ktime_get(), st->period_ns),
			      HRTIMER_MODE_ABS_HARD);
	mutex_unlock(&st->mutex);
}

/**
 * psd_hrt_probe_timer() - the instance's own timer, for KUnit
 * @st: the instance
 *
 * Return: the timer whose expiries make the probe window.
 */
struct hrtimer *psd_hrt_probe_timer(struct psd_hrt *st)
{
	return &st->probe_timer;
}

/* ---- windows and cycles: the phase hook and HRTIMER_LATE ---- */

/* Read a maximum of @c that its CPU may be raising. */
static u64 psd_hrt_read_max(const struct psd_hrt_cpu *c, const u64 *p)
{
	unsigned int start;
	u64 v;

	do {
		start = u64_stats_fetch_begin(&c->syncp);
		v = *p;
	} while (u64_stats_fetch_retry(&c->syncp, start));
	return v;
}

/* Raise HRTIMER_LATE for (window, cycle) if due; st->lock held. */
static void psd_hrt_flush(struct psd_hrt *st, unsigned int w, u32 cycle)
{
	unsigned int slot = cycle % PSD_HRT_SLOTS;
	struct psd_record rec = {
		.cycle = cycle,
		.type = PSD_AN_HRTIMER_LATE,
		.flag = w,
	};
	u64 count = 0, suspended = 0, max = 0;
	struct psd_rpt_hrt seen = {};
	const struct psd_hrt_late *l;
	const struct psd_hrt_cpu *c;
	int cpu;

	if (st->reported[w][slot])
		return;
	for_each_possible_cpu(cpu) {
		c = per_cpu_ptr(st->win[w], cpu);
		l = &c->late[slot];
		count += READ_ONCE(l->count);
		suspended += READ_ONCE(l->suspended);
		max = max(max, psd_hrt_read_max(c, &l->max));
		seen.count += READ_ONCE(l->seen);
		seen.max_ns = max(seen.max_ns,
				  psd_hrt_read_max(c, &l->seen_max));
	}
	/* A cycle that never slept has no post_resume window. */
	if (w == PSD_HRT_POST_RESUME && st->report &&
	    st->woke_cycle == cycle) {
		seen.late = count;
		seen.suspended = suspended;
		seen.late_us = psd_setting(PSD_SET_HRTIMER_LATE_US);
		psd_report_part(&psd_hrtimer_layer, cycle, 0, &seen,
				sizeof(seen));
	}
	if (!count)
		return;
	st->reported[w][slot] = true;
	rec.t_ns = st->clock();
	rec.v[0] = count;
	rec.v[1] = max;
	rec.v[2] = suspended;
	rec.v[3] = psd_setting(PSD_SET_HRTIMER_LATE_US);
	psd_anomaly_raise(&rec);
}

static void psd_hrt_zero_slot(struct psd_hrt *st, unsigned int slot)
{
	unsigned int w;
	int cpu;

	for (w = 0; w < PSD_HRT_NR_WINDOWS; w++) {
		st->reported[w][slot] = false;
		for_each_possible_cpu(cpu)
			memset(&per_cpu_ptr(st->win[w], cpu)->late[slot], 0,
			       sizeof(struct psd_hrt_late));
	}
}

/* Cycle @cycle began: the last one is over in every window. */
static void psd_hrt_new_cycle(struct psd_hrt *st, u32 cycle)
{
	unsigned int w;

	for (w = 0; w < PSD_HRT_NR_WINDOWS; w++)
		psd_hrt_flush(st, w, st->cycle);
	/* Its slot was the previous cycle's but one, reported long ago. */
	psd_hrt_zero_slot(st, cycle % PSD_HRT_SLOTS);
	WRITE_ONCE(st->cycle, cycle);
	clear_bit(PSD_HRT_LOOK, &st->gate);
}

static unsigned long psd_hrt_delay(u64 ns)
{
	return nsecs_to_jiffies(ns) + 1;
}

static void psd_hrt_woke(struct psd_hrt *st, u64 t, bool frozen)
{
	struct psd_hrt_sleep s = psd_hrt_sleep_get(st);

	s.frozen = frozen || psd_hrt_froze(st, &s, t);
	if (s.frozen)
		WRITE_ONCE(st->wake_gen, st->wake_gen + 1);
	st->woke_cycle = st->cycle;
	s.start = s.start ?: t;
	s.end = t;
	psd_hrt_sleep_set(st, &s);
	mod_delayed_work(system_wq, &st->close_work,
			 psd_hrt_delay((u64)psd_setting(PSD_SET_POST_RESUME_MS) *
				       NSEC_PER_MSEC));
}

/**
 * psd_hrt_phase() - follow the suspend phases
 * @st: the instance
 * @cycle: the suspend cycle
 * @phase: enum psd_phase
 * @start: beginning or end of @phase
 * @t_ns: CLOCK_BOOTTIME of the change
 *
 * A sleep is an s2idle round or a machine_suspend.  machine_suspend
 * (suspend-to-RAM, standby) always suspends timekeeping; the tracker
 * sends its end once timekeeping is back (the end of syscore_resume).  An
 * s2idle round froze timekeeping if CLOCK_MONOTONIC fell behind
 * CLOCK_BOOTTIME across it.
 *
 * Context: any; the suspending task.
 */
void psd_hrt_phase(struct psd_hrt *st, u32 cycle, enum psd_phase phase,
		   bool start, u64 t_ns)
{
	unsigned long flags;

	raw_spin_lock_irqsave(&st->lock, flags);
	if (cycle != st->cycle)
		psd_hrt_new_cycle(st, cycle);
	switch (phase) {
	case PSD_PH_S2IDLE:
	case PSD_PH_MACHINE_SUSPEND:
		if (start) {
			struct psd_hrt_sleep s = {
				.start = t_ns,
				.mono_start = st->mono(),
			};

			psd_hrt_sleep_set(st, &s);
			set_bit(PSD_HRT_LOOK, &st->gate);
		} else {
			psd_hrt_woke(st, t_ns,
				     phase == PSD_PH_MACHINE_SUSPEND);
		}
		break;
	default:
		break;
	}
	raw_spin_unlock_irqrestore(&st->lock, flags);
}

/**
 * psd_hrt_window_close() - end the post_resume window once it is over
 * @st: the instance
 *
 * Raises post_resume's HRTIMER_LATE for the cycle; called by the work the
 * end of a sleep queues, and again later if the window was not over yet.
 */
void psd_hrt_window_close(struct psd_hrt *st)
{
	u64 post = (u64)psd_setting(PSD_SET_POST_RESUME_MS) * NSEC_PER_MSEC;
	struct psd_hrt_sleep s;
	unsigned long flags;
	u64 now;

	raw_spin_lock_irqsave(&st->lock, flags);
	s = psd_hrt_sleep_get(st);
	now = st->clock();
	if (!s.end || !test_bit(PSD_HRT_LOOK, &st->gate)) {
		/* Asleep again (its end re-arms us), or closed already. */
	} else if (now < s.end + post) {
		mod_delayed_work(system_wq, &st->close_work,
				 psd_hrt_delay(s.end + post - now));
	} else {
		clear_bit(PSD_HRT_LOOK, &st->gate);
		psd_hrt_flush(st, PSD_HRT_POST_RESUME, st->cycle);
	}
	raw_spin_unlock_irqrestore(&st->lock, flags);
}

static void psd_hrt_close_fn(struct work_struct *work)
{
	psd_hrt_window_close(container_of(to_delayed_work(work),
					  struct psd_hrt, close_work));
}

/* ---- reset, create, destroy ---- */

/**
 * psd_hrt_reset() - forget every count (control "reset")
 * @st: the instance
 *
 * Probes stay out while the counters are cleared, and readers wait, so
 * nobody sees a half-cleared histogram.  Expiries meanwhile are not
 * counted.  The sleep state and the probe timer stay.
 *
 * Context: process; sleeps.
 */
void psd_hrt_reset(struct psd_hrt *st)
{
	unsigned long flags;
	unsigned int w, slot;
	int cpu;

	mutex_lock(&st->mutex);
	set_bit(PSD_HRT_PAUSED, &st->gate);
	/* Probes run with preemption off: afterwards none is inside. */
	synchronize_rcu();
	for (w = 0; w < PSD_HRT_NR_WINDOWS; w++)
		for_each_possible_cpu(cpu)
			memset(per_cpu_ptr(st->win[w], cpu), 0,
			       offsetof(struct psd_hrt_cpu, late));
	for (w = 0; w < PSD_HRT_NR_WINDOWS; w++)
		for_each_possible_cpu(cpu)
			memset(per_cpu_ptr(st->win[w], cpu)->bucket, 0,
			       sizeof_field(struct psd_hrt_cpu, bucket));
	raw_spin_lock_irqsave(&st->lock, flags);
	for (slot = 0; slot < PSD_HRT_SLOTS; slot++)
		psd_hrt_zero_slot(st, slot);
	raw_spin_unlock_irqrestore(&st->lock, flags);
	clear_bit(PSD_HRT_PAUSED, &st->gate);
	mutex_unlock(&st->mutex);
}

/**
 * psd_hrt_create() - allocate a measuring instance, not attached
 * @clock: CLOCK_BOOTTIME source, ktime_get_boot_fast_ns() outside tests
 * @cycle: the current suspend cycle
 *
 * Context: process.
 * Return: the instance, or NULL when out of memory.
 */
struct psd_hrt *psd_hrt_create(u64 (*clock)(void), u32 cycle)
{
	struct psd_hrt *st;
	unsigned int w;
	int cpu;

	st = kzalloc(sizeof(*st), GFP_KERNEL);
	if (!st)
		return NULL;
	for (w = 0; w < PSD_HRT_NR_WINDOWS; w++) {
		st->win[w] = alloc_percpu(struct psd_hrt_cpu);
		if (!st->win[w]) {
			psd_hrt_destroy(st);
			return NULL;
		}
		for_each_possible_cpu(cpu)
			u64_stats_init(&per_cpu_ptr(st->win[w], cpu)->syncp);
	}
	st->steps = alloc_percpu(struct psd_hrt_steps);
	if (!st->steps) {
		psd_hrt_destroy(st);
		return NULL;
	}
	st->clock = clock;
	st->mono = ktime_get_mono_fast_ns;
	st->cycle = cycle;
	seqcount_latch_init(&st->sleep_seq);
	raw_spin_lock_init(&st->lock);
	mutex_init(&st->mutex);
	INIT_DELAYED_WORK(&st->close_work, psd_hrt_close_fn);
	hrtimer_setup(&st->probe_timer, psd_hrt_tick, CLOCK_MONOTONIC,
		      HRTIMER_MODE_ABS_HARD);
	return st;
}

/**
 * psd_hrt_set_mono_clock() - the CLOCK_MONOTONIC source, for KUnit
 * @st: the instance
 * @mono: ktime_get_mono_fast_ns() unless replaced here
 */
void psd_hrt_set_mono_clock(struct psd_hrt *st, u64 (*mono)(void))
{
	st->mono = mono;
}

/**
 * psd_hrt_destroy() - stop the probe timer and the work, free
 * @st: the instance, detached from the tracepoint; or NULL
 *
 * Context: process; sleeps.
 */
void psd_hrt_destroy(struct psd_hrt *st)
{
	unsigned int w;

	if (!st)
		return;
	if (st->steps) {	/* fully created */
		hrtimer_cancel(&st->probe_timer);
		cancel_delayed_work_sync(&st->close_work);
		mutex_destroy(&st->mutex);
	}
	free_percpu(st->steps);
	for (w = 0; w < PSD_HRT_NR_WINDOWS; w++)
		free_percpu(st->win[w]);
	kfree(st);
}

/**
 * psd_hrt_memory() - bytes an instance holds
 * @st: the instance
 *
 * Return: the instance, its per-CPU histograms and step views, every
 * possible CPU.
 */
size_t psd_hrt_memory(const struct psd_hrt *st)
{
	return sizeof(*st) + (size_t)num_possible_cpus() *
	       (PSD_HRT_NR_WINDOWS * sizeof(struct psd_hrt_cpu) +
		sizeof(struct psd_hrt_steps));
}

/* ---- the hrtimer/latency file ---- */

/**
 * psd_hrt_cpu_max() - one CPU's maximum in a window, as the file reads it
 * @st: the instance
 * @w: the window
 * @cpu: the CPU, which may be raising it meanwhile
 *
 * Return: the largest lateness @cpu counted in @w, ns: a value it wrote.
 */
VISIBLE_IF_KUNIT u64 psd_hrt_cpu_max(struct psd_hrt *st, unsigned int w,
				     int cpu)
{
	const struct psd_hrt_cpu *c = per_cpu_ptr(st->win[w], cpu);

	return psd_hrt_read_max(c, &c->max);
}

/* Copy one CPU's window out; count is the sum of the copied buckets. */
static void psd_hrt_collect(struct psd_hrt *st, unsigned int w, int cpu,
			    struct psd_hist_snap *s)
{
	const struct psd_hrt_cpu *c = per_cpu_ptr(st->win[w], cpu);
	unsigned int i;

	memset(s, 0, sizeof(*s));
	for (i = 0; i < PSD_HIST_BUCKETS; i++) {
		s->bucket[i] = READ_ONCE(c->bucket[i]);
		s->count += s->bucket[i];
	}
	s->max = s->count ? psd_hrt_cpu_max(st, w, cpu) : 0;
	s->suspended = READ_ONCE(c->suspended);
	s->clock_set = READ_ONCE(c->clock_set);
	psd_hist_snap_derive(s);
}

static void psd_hrt_show_stats(struct seq_file *m, const struct psd_hist_snap *s)
{
	struct psd_hist_stats st;

	psd_hist_stats(s, &st);
	seq_printf(m, " count=%llu min_ns=%llu avg_ns=%llu max_ns=%llu p50_ns=%llu p90_ns=%llu p99_ns=%llu p999_ns=%llu suspended=%llu clock_set=%llu\n",
		   st.count, st.min, st.avg, st.max, st.p[0], st.p[1],
		   st.p[2], st.p[3], s->suspended, s->clock_set);
}

/**
 * psd_hrt_show() - the hrtimer/latency text of an instance
 * @st: the instance
 * @m: the seq_file
 *
 * Per window a merged line, then per-CPU lines, then the merged
 * histogram's non-empty buckets.  The probe window shows while the probe
 * timer runs or holds counts.
 *
 * Return: 0, or -ENOMEM.
 */
int psd_hrt_show(struct psd_hrt *st, struct seq_file *m)
{
	struct psd_hist_snap *all, *one;
	bool shown[PSD_HRT_NR_WINDOWS];
	unsigned int w, i;
	int cpu;

	all = kvcalloc(PSD_HRT_NR_WINDOWS + 1, sizeof(*all), GFP_KERNEL);
	if (!all)
		return -ENOMEM;
	one = &all[PSD_HRT_NR_WINDOWS];

	mutex_lock(&st->mutex);
	seq_printf(m, "# lateness = expiry-entry now - hard expiry; min, avg and percentiles within 1.6%%, max exact; threshold hrtimer_late_us=%u; memory=%zu bytes\n",
		   psd_setting(PSD_SET_HRTIMER_LATE_US), psd_hrt_memory(st));
	for (w = 0; w < PSD_HRT_NR_WINDOWS; w++) {
		for_each_possible_cpu(cpu) {
			psd_hrt_collect(st, w, cpu, one);
			psd_hist_merge(&all[w], one);
		}
		shown[w] = w != PSD_HRT_PROBE || st->probing || all[w].count ||
			   all[w].suspended || all[w].clock_set;
		if (!shown[w])
			continue;
		seq_printf(m, "window=%s", psd_hrt_window_name(w));
		psd_hrt_show_stats(m, &all[w]);
	}
	for (w = 0; w < PSD_HRT_NR_WINDOWS; w++) {
		if (!shown[w])
			continue;
		for_each_possible_cpu(cpu) {
			psd_hrt_collect(st, w, cpu, one);
			if (!cpu_online(cpu) && !one->count &&
			    !one->suspended && !one->clock_set)
				continue;
			seq_printf(m, "cpu=%d window=%s", cpu,
				   psd_hrt_window_name(w));
			psd_hrt_show_stats(m, one);
		}
	}
	for (w = 0; w < PSD_HRT_NR_WINDOWS; w++) {
		if (!shown[w])
			continue;
		for (i = 0; i < PSD_HIST_BUCKETS; i++)
			if (all[w].bucket[i])
				seq_printf(m, "window=%s lo_ns=%llu hi_ns=%llu count=%llu\n",
					   psd_hrt_window_name(w),
					   psd_hist_lo(i), psd_hist_hi(i),
					   all[w].bucket[i]);
	}
	mutex_unlock(&st->mutex);
	kvfree(all);
	return 0;
}

/**
 * psd_hrtimer_late_show() - the class keys of an HRTIMER_LATE line
 * @m: the seq_file
 * @rec: the anomaly
 */
void psd_hrtimer_late_show(struct seq_file *m, const struct psd_record *rec)
{
	seq_printf(m, " window=%s count=%lld max_ns=%lld suspended=%lld threshold_us=%lld",
		   psd_hrt_window_name(rec->flag), rec->v[0], rec->v[1],
		   rec->v[2], rec->v[3]);
}

/* ---- the component ---- */

static DEFINE_MUTEX(psd_hrt_live_lock);	/* the pointer vs readers */

/*
 * The layer's data in a core instance (psd_layer_data()): its hrtimer
 * state, the module's from start to stop; a KUnit case's has none.
 */
static struct psd_hrt **psd_hrt_ptr(void)
{
	return psd_layer_data(&psd_hrtimer_layer);
}

static struct psd_tp psd_hrt_tps[] = {
	{ .name = "hrtimer_expire_entry", .probe = psd_hrt_probe },
};

/**
 * psd_hrtimer_latency_show() - seq_file show of hrtimer/latency
 * @m: the seq_file
 * @unused: unused
 *
 * Return: 0, or -ENOMEM.
 */
int psd_hrtimer_latency_show(struct seq_file *m, void *unused)
{
	struct psd_hrt **hrt = psd_hrt_ptr();
	int ret = 0;

	mutex_lock(&psd_hrt_live_lock);
	if (*hrt)
		ret = psd_hrt_show(*hrt, m);
	else
		seq_puts(m, "# component hrtimer is off, see summary\n");
	mutex_unlock(&psd_hrt_live_lock);
	return ret;
}

static int psd_hrtimer_start(const char **why)
{
	struct psd_hrt **hrt = psd_hrt_ptr();
	struct psd_hrt *st;
	int ret;

	st = psd_hrt_create(ktime_get_boot_fast_ns, psd_cycle_current());
	if (!st) {
		*why = "out of memory";
		return -ENOMEM;
	}
	st->report = true;
	psd_hrt_tps[0].data = st;
	ret = psd_tp_attach(psd_hrt_tps, ARRAY_SIZE(psd_hrt_tps), why);
	if (ret) {
		psd_hrt_destroy(st);
		return ret;
	}
	mutex_lock(&psd_hrt_live_lock);
	WRITE_ONCE(*hrt, st);
	mutex_unlock(&psd_hrt_live_lock);
	psd_hrt_set_period(st, psd_setting(PSD_SET_PROBE_PERIOD_US));
	return 0;
}

static void psd_hrtimer_stop(void)
{
	struct psd_hrt **hrt = psd_hrt_ptr();
	struct psd_hrt *st;

	mutex_lock(&psd_hrt_live_lock);
	st = *hrt;
	WRITE_ONCE(*hrt, NULL);
	mutex_unlock(&psd_hrt_live_lock);
	if (!st)
		return;
	psd_hrt_set_period(st, 0);
	/* Also waits for phase hooks running inside suspend_resume probes. */
	psd_tp_detach(psd_hrt_tps, ARRAY_SIZE(psd_hrt_tps));
	psd_hrt_destroy(st);
}

static void psd_hrtimer_reset(void)
{
	struct psd_hrt **hrt = psd_hrt_ptr();

	mutex_lock(&psd_hrt_live_lock);
	if (*hrt)
		psd_hrt_reset(*hrt);
	mutex_unlock(&psd_hrt_live_lock);
}

static void psd_hrtimer_phase(u32 cycle, enum psd_phase phase, bool start,
			      u64 t_ns)
{
	struct psd_hrt *st = READ_ONCE(*psd_hrt_ptr());

	if (st)
		psd_hrt_phase(st, cycle, phase, start, t_ns);
}

/*
 * Late counts taken under the old threshold must not be reported as late
 * under the new one; "reported" stays, so one line per window per cycle
 * still holds.
 */
static void psd_hrt_forget_late(struct psd_hrt *st)
{
	unsigned int slot, w;
	unsigned long flags;
	int cpu;

	raw_spin_lock_irqsave(&st->lock, flags);
	slot = st->cycle % PSD_HRT_SLOTS;
	for (w = 0; w < PSD_HRT_NR_WINDOWS; w++)
		for_each_possible_cpu(cpu)
			memset(&per_cpu_ptr(st->win[w], cpu)->late[slot], 0,
			       sizeof(struct psd_hrt_late));
	raw_spin_unlock_irqrestore(&st->lock, flags);
}

static void psd_hrtimer_apply(unsigned int setting, u32 value)
{
	struct psd_hrt **hrt = psd_hrt_ptr();

	mutex_lock(&psd_hrt_live_lock);
	if (*hrt && setting == PSD_SET_PROBE_PERIOD_US)
		psd_hrt_set_period(*hrt, value);
	if (*hrt && setting == PSD_SET_HRTIMER_LATE_US)
		psd_hrt_forget_late(*hrt);
	mutex_unlock(&psd_hrt_live_lock);
}

static const struct psd_layer_ops psd_hrtimer_ops = {
	.start = psd_hrtimer_start,
	.stop = psd_hrtimer_stop,
	.reset = psd_hrtimer_reset,
	.phase = psd_hrtimer_phase,
	.apply = psd_hrtimer_apply,
};

static const struct psd_kind psd_hrtimer_classes[] = {
	{ PSD_AN_HRTIMER_LATE, "HRTIMER_LATE", psd_hrtimer_late_show },
	{}
};

static const struct psd_setting_desc psd_hrtimer_settings[] = {
	{ PSD_SET_HRTIMER_LATE_US, "hrtimer_late_us", 1000, 1, 10000000 },
	{ PSD_SET_POST_RESUME_MS, "post_resume_ms", 1000, 1, 600000 },
	{ PSD_SET_PROBE_PERIOD_US, "probe_period_us", 0, 100, 1000000, true },
	{}
};

static const struct psd_file psd_hrtimer_files[] = {
	{ "hrtimer", "latency", 0400, psd_hrtimer_latency_show },
	{}
};

struct psd_layer psd_hrtimer_layer = {
	.name = "hrtimer",
	.ops = &psd_hrtimer_ops,
	.classes = psd_hrtimer_classes,
	.settings = psd_hrtimer_settings,
	.files = psd_hrtimer_files,
	.part = &psd_hrt_part,
	.data_size = sizeof(struct psd_hrt *),
};
