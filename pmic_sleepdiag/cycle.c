// SPDX-License-Identifier: GPL-2.0
/*
 * The suspend cycle tracker, the spine every layer hangs on.
 *
 * A cycle opens at PM_SUSPEND_PREPARE and closes at PM_POST_SUSPEND; in
 * between, the kernel's suspend_resume tracepoint names each step.  Events
 * outside an open cycle (hibernation) are ignored.  The tracker's record
 * of a cycle lives in the cycle's slot of the per-cycle store (report.c),
 * which it opens when the cycle opens; the last keep_cycles are kept.
 *
 * An s2idle round is traced from s2idle_enter() before its last check for
 * a pending wakeup: a round that found one returns at once without
 * sleeping.  A round slept if, before its end, the CPU that began it went
 * idle (power:cpu_idle: the default idle call and cpuidle states), the
 * tick froze (timekeeping_freeze, cpuidle s2idle states) or a wake IRQ
 * came; only such rounds count, as s2idle_loops and for the layers.
 *
 * A kernel built without tracepoints has no suspend_resume: the device
 * phases then come from the module's own device's PM callbacks, and the
 * sleep itself cannot be seen, so such a cycle ends "unknown" where it
 * would end "resumed" or "no_sleep".
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/suspend.h>
#include <linux/timekeeping.h>
#include <trace/events/power.h>

#include "core.h"
#include "../kunit/visible.h"
#include "psd_trace.h"

static const char *const psd_phase_names[PSD_NR_PHASES] = {
	[PSD_PH_PREPARE] = "prepare",
	[PSD_PH_SUSPEND] = "suspend",
	[PSD_PH_SUSPEND_LATE] = "suspend_late",
	[PSD_PH_SUSPEND_NOIRQ] = "suspend_noirq",
	[PSD_PH_S2IDLE] = "s2idle",
	[PSD_PH_MACHINE_SUSPEND] = "machine_suspend",
	[PSD_PH_RESUME_NOIRQ] = "resume_noirq",
	[PSD_PH_RESUME_EARLY] = "resume_early",
	[PSD_PH_RESUME] = "resume",
	[PSD_PH_POST] = "post",
	[PSD_PH_MANUAL] = "manual",
};

static const char *const psd_step_names[PSD_NR_STEPS] = {
	[PSD_STEP_NOTIFIER] = "notifier",
	[PSD_STEP_FREEZE] = "freeze",
	[PSD_STEP_PREPARE] = "prepare",
	[PSD_STEP_SUSPEND] = "suspend",
	[PSD_STEP_SUSPEND_LATE] = "suspend_late",
	[PSD_STEP_SUSPEND_NOIRQ] = "suspend_noirq",
};

static const char *const psd_result_names[] = {
	[PSD_RES_OPEN] = "open",
	[PSD_RES_RESUMED] = "resumed",
	[PSD_RES_ABORTED] = "aborted",
	[PSD_RES_NO_SLEEP] = "no_sleep",
	[PSD_RES_UNKNOWN] = "unknown",
};

/* suspend_resume actions that mark a phase or a failure step. */
static const struct {
	const char *action;
	int phase;		/* enum psd_phase, or -1 */
	int step;		/* enum psd_step begun at start, or -1 */
} psd_actions[] = {
	{ "freeze_processes", -1, PSD_STEP_FREEZE },
	{ "dpm_prepare", -1, PSD_STEP_PREPARE },
	{ "dpm_suspend", PSD_PH_SUSPEND, PSD_STEP_SUSPEND },
	{ "dpm_suspend_late", PSD_PH_SUSPEND_LATE, PSD_STEP_SUSPEND_LATE },
	{ "dpm_suspend_noirq", PSD_PH_SUSPEND_NOIRQ, PSD_STEP_SUSPEND_NOIRQ },
	{ "machine_suspend", PSD_PH_MACHINE_SUSPEND, -1 },
	{ "dpm_resume_noirq", PSD_PH_RESUME_NOIRQ, -1 },
	{ "dpm_resume_early", PSD_PH_RESUME_EARLY, -1 },
	{ "dpm_resume", PSD_PH_RESUME, -1 },
};

/*
 * The tracker's state is in the instance in use (psd_core()), under its
 * store's lock: its record of each cycle is in the cycle's slot.
 */

/* One member of the tracker's state, read under the store's lock. */
#define psd_trk_read(member) ({					\
	struct psd_core *__core = psd_core();			\
	__auto_type __p = &__core->trk.member;			\
	unsigned long __flags;					\
	typeof(*__p) __v;					\
								\
	psd_store_lock(&__core->store, &__flags);		\
	__v = *__p;						\
	psd_store_unlock(&__core->store, __flags);		\
	__v;							\
})

/**
 * psd_phase_name() - the phase= name of a suspend phase
 * @phase: enum psd_phase
 *
 * Return: the name, or "unknown".
 */
const char *psd_phase_name(unsigned int phase)
{
	return phase < PSD_NR_PHASES ? psd_phase_names[phase] : "unknown";
}

/**
 * psd_step_name() - the step= name of a failure step
 * @step: enum psd_step
 *
 * Return: the name, or "unknown".
 */
const char *psd_step_name(unsigned int step)
{
	return step < PSD_NR_STEPS ? psd_step_names[step] : "unknown";
}

/**
 * psd_result_name() - the result= name of a cycle's outcome
 * @result: enum psd_cycle_result
 *
 * Return: the name, or "unknown".
 */
const char *psd_result_name(unsigned int result)
{
	return result < ARRAY_SIZE(psd_result_names) ?
	       psd_result_names[result] : "unknown";
}

/**
 * psd_state_name() - a suspend_state_t as /sys/power/state names it
 * @state: 1 freeze, 2 standby, 3 mem
 *
 * Return: the name, or "unknown".
 */
const char *psd_state_name(s64 state)
{
	switch (state) {
	case 1: return "freeze";
	case 2: return "standby";
	case 3: return "mem";
	default: return "unknown";
	}
}

/* The open cycle's record; lock held, a cycle open. */
static struct psd_cycle *psd_cur(struct psd_core *core)
{
	return psd_store_cycle(&core->store, core->trk.id);
}

/* Cycle @id's record if it is the one open, else NULL; lock held. */
static struct psd_cycle *psd_open_cycle(struct psd_core *core, u32 id)
{
	return core->trk.open && id == core->trk.id ? psd_cur(core) : NULL;
}

static void psd_emit_phase(const struct psd_layer_set *layers, u32 id,
			   enum psd_phase phase, bool start, int val, u64 t)
{
	struct psd_record ev = {
		.t_ns = t,
		.cycle = id,
		.type = PSD_EV_PHASE,
		.phase = phase,
		.flag = start,
	};

	ev.v[0] = val;
	/* A round that found a wakeup pending: slept=0 on its end. */
	if (phase == PSD_PH_S2IDLE && !start)
		ev.v[1] = !psd_cycle_round_slept();
	psd_event_add(&ev);
	psd_layers_phase(layers, id, phase, start, t);
}

/* User tasks run again: the end of a sleep as they see it. */
static void psd_mark_thaw(u64 t)
{
	struct psd_core *core = psd_core();
	unsigned long flags;

	psd_store_lock(&core->store, &flags);
	if (core->trk.open)
		psd_cur(core)->t_thaw = t;
	psd_store_unlock(&core->store, flags);
}

/* A step that is no phase of its own (freezing, device prepare) began. */
static void psd_mark_step(int step)
{
	struct psd_core *core = psd_core();
	unsigned long flags;

	psd_store_lock(&core->store, &flags);
	if (core->trk.open && step > psd_cur(core)->step)
		psd_cur(core)->step = step;
	psd_store_unlock(&core->store, flags);
}

/* An s2idle round's edge; only a round that slept is a sleep.  Lock held. */
static void psd_mark_round(struct psd_cycle *c, bool start, u64 t)
{
	struct psd_core *core = psd_core();

	if (start) {
		core->trk.round_start = t;
		WRITE_ONCE(core->trk.round_slept, false);
		WRITE_ONCE(core->trk.round_cpu, raw_smp_processor_id());
		return;
	}
	WRITE_ONCE(core->trk.round_cpu, -1);
	core->trk.last_round_slept = READ_ONCE(core->trk.round_slept);
	if (!core->trk.last_round_slept)
		return;
	c->s2idle_loops++;
	if (!c->t_start[PSD_PH_S2IDLE])
		c->t_start[PSD_PH_S2IDLE] = core->trk.round_start;
	c->t_end[PSD_PH_S2IDLE] = t;
	c->t_woke = t;
}

/* The s2idle round in progress slept; lock-free, any context. */
static void psd_round_slept(void)
{
	struct psd_core *core = psd_core();

	if (READ_ONCE(core->trk.round_cpu) >= 0)
		WRITE_ONCE(core->trk.round_slept, true);
}

/**
 * psd_cycle_tp_cpu_idle() - probe on the cpu_idle tracepoint
 * @data: unused
 * @state: the idle state entered, or PWR_EVENT_EXIT
 * @cpu: the CPU
 *
 * Context: the idle loop, interrupts off; on every idle entry and exit of
 * every CPU, so it only reads and writes two words.
 */
VISIBLE_IF_KUNIT void psd_cycle_tp_cpu_idle(void *data, unsigned int state,
					    unsigned int cpu)
{
	struct psd_core *core = psd_core();

	if (state != PWR_EVENT_EXIT && READ_ONCE(core->trk.round_cpu) == cpu)
		WRITE_ONCE(core->trk.round_slept, true);
}

/**
 * psd_cycle_round_slept() - did the s2idle round that just ended sleep?
 *
 * For a layer's phase hook on the end of PSD_PH_S2IDLE: a round that
 * found a wakeup pending ends at once, without sleeping.
 * Context: any.
 *
 * Return: true if it slept.
 */
bool psd_cycle_round_slept(void)
{
	return psd_trk_read(last_round_slept);
}

/* Record a phase edge in the open cycle; false if no cycle is open. */
static bool psd_mark(enum psd_phase phase, int step, bool start, u64 t,
		     u32 *id)
{
	struct psd_core *core = psd_core();
	struct psd_cycle *c;
	unsigned long flags;
	bool open;

	psd_store_lock(&core->store, &flags);
	open = core->trk.open;
	if (open) {
		c = psd_cur(core);
		*id = c->id;
		if (start && step >= 0 && step > c->step)
			c->step = step;
		if (start && phase == PSD_PH_MACHINE_SUSPEND)
			c->machine_suspends++;
		if (phase == PSD_PH_S2IDLE)
			psd_mark_round(c, start, t);
		else if (start && !c->t_start[phase])
			c->t_start[phase] = t;
		else if (!start)
			c->t_end[phase] = t;
	}
	psd_store_unlock(&core->store, flags);
	return open;
}

/*
 * Suspend-to-RAM and standby: the end of machine_suspend is traced before
 * syscore_resume() resumes timekeeping, so its time is when sleep began.
 * Its edge goes out at the end of syscore_resume, the first time the clock
 * shows the wake (resume_noirq starts later still, once the other CPUs are
 * back), or at the start of resume_noirq if syscore_resume was not seen.
 */
static void psd_wake_pending(int state)
{
	struct psd_core *core = psd_core();
	unsigned long flags;

	psd_store_lock(&core->store, &flags);
	/* The fast timekeeper is halted: now is when sleep began. */
	core->trk.wake_state = state ?: -1;
	psd_store_unlock(&core->store, flags);
}

static void psd_woke(const struct psd_layer_set *layers, u64 t)
{
	struct psd_core *core = psd_core();
	struct psd_cycle *c;
	unsigned long flags;
	int val;
	u32 id;

	psd_store_lock(&core->store, &flags);
	val = core->trk.wake_state;
	core->trk.wake_state = 0;
	if (!val || !core->trk.open) {
		psd_store_unlock(&core->store, flags);
		return;
	}
	c = psd_cur(core);
	id = c->id;
	c->t_woke = t;
	c->t_end[PSD_PH_MACHINE_SUSPEND] = t;
	psd_store_unlock(&core->store, flags);

	psd_emit_phase(layers, id, PSD_PH_MACHINE_SUSPEND, false,
		       val > 0 ? val : 0, t);
}

/**
 * psd_cycle_tp_suspend_resume() - probe on the suspend_resume tracepoint
 * @data: the struct psd_layer_set told of the phases
 * @action: the kernel's step name (TPS() string)
 * @val: the state or PM event of the step
 * @start: beginning or end of the step
 *
 * Context: the suspending task; machine_suspend of suspend-to-RAM runs with
 * interrupts off on one CPU, after timekeeping is suspended.
 */
VISIBLE_IF_KUNIT void psd_cycle_tp_suspend_resume(void *data,
						  const char *action, int val,
						  bool start)
{
	struct psd_core *core = psd_core();
	const struct psd_layer_set *layers = data;
	u64 t = ktime_get_boot_fast_ns();
	unsigned int i;
	int phase;
	u32 id;

	if (!strcmp(action, "syscore_resume")) {
		if (!start)
			psd_woke(layers, t);
		return;
	}
	if (!strcmp(action, "timekeeping_freeze")) {
		if (start)
			psd_round_slept();
		return;
	}
	if (!strcmp(action, "thaw_processes")) {
		if (!start)
			psd_mark_thaw(t);
		return;
	}
	if (!strcmp(action, "suspend_enter")) {
		if (start) {
			WRITE_ONCE(core->trk.next_state, val);
		} else if (psd_mark(PSD_PH_PREPARE, -1, false, t, &id)) {
			/* Notifiers and freezing are done. */
			psd_emit_phase(layers, id, PSD_PH_PREPARE, false, 0, t);
		}
		return;
	}
	for (i = 0; i < ARRAY_SIZE(psd_actions); i++)
		if (!strcmp(action, psd_actions[i].action))
			break;
	if (i == ARRAY_SIZE(psd_actions))
		return;
	phase = psd_actions[i].phase;
	if (phase == PSD_PH_MACHINE_SUSPEND &&
	    val == (__force int)PM_SUSPEND_TO_IDLE)
		phase = PSD_PH_S2IDLE;
	if (phase < 0) {
		if (start)
			psd_mark_step(psd_actions[i].step);
		return;
	}
	if (phase == PSD_PH_RESUME_NOIRQ && start)
		psd_woke(layers, t);	/* no syscore_resume seen */
	if (!psd_mark(phase, psd_actions[i].step, start, t, &id))
		return;
	if (phase == PSD_PH_MACHINE_SUSPEND && !start)
		psd_wake_pending(val);
	else
		psd_emit_phase(layers, id, phase, start, val, t);
}

static void psd_cycle_open(const struct psd_layer_set *layers, u64 t)
{
	struct psd_core *core = psd_core();
	struct psd_cycle *c;
	unsigned long flags;
	int state;
	u32 id;

	psd_store_lock(&core->store, &flags);
	id = ++core->trk.id;
	core->trk.count++;
	c = psd_store_open(&core->store, id);
	core->trk.open = !!c;	/* no store: the module is going away */
	core->trk.wake_state = 0;
	if (!c) {
		psd_store_unlock(&core->store, flags);
		return;
	}
	/* Taken, not peeked: a cycle never inherits the last one's state. */
	c->state = xchg(&core->trk.next_state, 0);
	state = c->state;
	c->step = PSD_STEP_NOTIFIER;
	c->wake_irq = PSD_WAKE_IRQ_UNKNOWN;
	c->t_start[PSD_PH_PREPARE] = t;
	psd_store_unlock(&core->store, flags);

	trace_cycle_begin(id, state);
	psd_emit_phase(layers, id, PSD_PH_PREPARE, true, 0, t);
	psd_layers_devpm(layers, id, PSD_PH_PREPARE);
}

/* What became of the attempt, from what the tracker saw of it. */
static u8 psd_result(const struct psd_cycle *c)
{
	struct psd_core *core = psd_core();

	if (c->s2idle_loops || c->machine_suspends)
		return PSD_RES_RESUMED;
	/* A failed noirq callback would otherwise look like "no_sleep". */
	if (c->abort_err)
		return PSD_RES_ABORTED;
	/*
	 * Only our device's callbacks seen: past suspend_noirq and back, the
	 * system slept or found a wakeup pending; no callback tells which.
	 */
	if (READ_ONCE(core->trk.devpm_phases))
		return c->t_start[PSD_PH_SUSPEND_NOIRQ] &&
		       c->t_start[PSD_PH_RESUME_NOIRQ] ?
		       PSD_RES_UNKNOWN : PSD_RES_ABORTED;
	/* Devices all suspended, then the core saw a wakeup pending. */
	if (c->step == PSD_STEP_SUSPEND_NOIRQ &&
	    c->t_end[PSD_PH_SUSPEND_NOIRQ] && c->t_start[PSD_PH_RESUME_NOIRQ])
		return PSD_RES_NO_SLEEP;
	return PSD_RES_ABORTED;
}

static void psd_cycle_close(const struct psd_layer_set *layers, u64 t)
{
	struct psd_core *core = psd_core();
	struct psd_record ev = {
		.t_ns = t,
		.type = PSD_EV_CYCLE_END,
	};
	struct psd_cycle *c;
	unsigned long flags;
	u32 id;

	psd_store_lock(&core->store, &flags);
	if (!core->trk.open) {
		psd_store_unlock(&core->store, flags);
		return;
	}
	c = psd_cur(core);
	id = c->id;
	c->t_start[PSD_PH_POST] = t;
	c->result = psd_result(c);
	core->trk.ended[c->result]++;
	ev.cycle = id;
	ev.flag = c->result;
	ev.v[0] = c->s2idle_loops;
	ev.v[1] = c->state;
	ev.v[3] = c->step;
	psd_store_unlock(&core->store, flags);

	psd_emit_phase(layers, id, PSD_PH_POST, true, 0, t);
	psd_layers_devpm(layers, id, PSD_PH_POST);

	/* The layers may have named the wake IRQ and the aborting source. */
	psd_store_lock(&core->store, &flags);
	ev.v[2] = c->wake_irq;
	if (c->result == PSD_RES_ABORTED && c->abort_err) {
		/* name= is then the device; the errno rides above the step. */
		strscpy(ev.name, c->abort_dev, sizeof(ev.name));
		ev.v[3] |= (s64)-c->abort_err << PSD_CYCLE_END_ERR_SHIFT;
	} else if (c->result == PSD_RES_ABORTED) {
		strscpy(ev.name, c->abort_ws, sizeof(ev.name));
	}
	psd_store_unlock(&core->store, flags);
	psd_event_add(&ev);

	psd_store_lock(&core->store, &flags);
	core->trk.open = false;
	psd_store_unlock(&core->store, flags);

	if (trace_cycle_end_enabled())
		trace_cycle_end(id, psd_result_name(ev.flag), ev.v[0], ev.v[2],
				psd_report_verdict_name(id));
}

/**
 * psd_cycle_pm_notify() - PM notifier: opens and closes cycles
 * @nb: the nb of a struct psd_cycle_nb
 * @action: PM_SUSPEND_PREPARE, PM_POST_SUSPEND, or another (ignored)
 * @unused: unused
 *
 * Return: NOTIFY_DONE; the module never vetoes a suspend.
 */
VISIBLE_IF_KUNIT int psd_cycle_pm_notify(struct notifier_block *nb,
					 unsigned long action, void *unused)
{
	const struct psd_layer_set *layers =
		container_of(nb, struct psd_cycle_nb, nb)->layers;
	u64 t = ktime_get_boot_fast_ns();

	if (action == PM_SUSPEND_PREPARE)
		psd_cycle_open(layers, t);
	else if (action == PM_POST_SUSPEND)
		psd_cycle_close(layers, t);
	return NOTIFY_DONE;
}

static struct psd_cycle_nb psd_pm_nb = {
	.nb = {
		.notifier_call = psd_cycle_pm_notify,
		.priority = INT_MAX,	/* first at PREPARE: every phase is ours */
	},
	.layers = &psd_module_layers,
};

/**
 * psd_cycle_set_wake_irq() - note the wake IRQ of the open cycle
 * @id: the cycle, which must still be open
 * @irq: the Linux IRQ number, or PSD_WAKE_IRQ_NONE once wake IRQs are seen
 *
 * The first wake IRQ is the cycle's; NONE only replaces UNKNOWN.
 * Context: any, including hardirq.
 *
 * Return: true if @irq, a real IRQ, became the cycle's wake IRQ.
 */
bool psd_cycle_set_wake_irq(u32 id, int irq)
{
	struct psd_core *core = psd_core();
	unsigned long flags;
	bool set = false;
	struct psd_cycle *c;

	if (irq >= 0)
		psd_round_slept();
	psd_store_lock(&core->store, &flags);
	c = psd_open_cycle(core, id);
	if (c && c->wake_irq < 0 && irq > c->wake_irq) {
		c->wake_irq = irq;
		set = irq >= 0;
	}
	psd_store_unlock(&core->store, flags);
	return set;
}

/**
 * psd_cycle_set_abort_ws() - name the wakeup source that aborted a cycle
 * @id: the cycle, which must still be open (its PM_POST_SUSPEND hooks)
 * @name: the source's name; shown as ws= on the cycle_end line
 */
void psd_cycle_set_abort_ws(u32 id, const char *name)
{
	struct psd_core *core = psd_core();
	unsigned long flags;
	struct psd_cycle *c;

	psd_store_lock(&core->store, &flags);
	c = psd_open_cycle(core, id);
	if (c)
		strscpy(c->abort_ws, name, sizeof(c->abort_ws));
	psd_store_unlock(&core->store, flags);
}

/**
 * psd_cycle_set_abort_dev() - name the device callback that aborted a cycle
 * @id: the cycle, which must still be open
 * @dev: the device's name; shown as dev= on the cycle_end line
 * @err: what its callback returned, negative
 * @phase: the dpm_* step it failed in: PSD_PH_PREPARE (dpm_prepare) to
 *	PSD_PH_SUSPEND_NOIRQ
 *
 * The first failure is the cause; a cycle with one ends aborted in its
 * step.  Context: any.
 */
void psd_cycle_set_abort_dev(u32 id, const char *dev, int err,
			     enum psd_phase phase)
{
	struct psd_core *core = psd_core();
	static const u8 steps[] = {
		[PSD_PH_PREPARE] = PSD_STEP_PREPARE,
		[PSD_PH_SUSPEND] = PSD_STEP_SUSPEND,
		[PSD_PH_SUSPEND_LATE] = PSD_STEP_SUSPEND_LATE,
		[PSD_PH_SUSPEND_NOIRQ] = PSD_STEP_SUSPEND_NOIRQ,
	};
	unsigned long flags;
	struct psd_cycle *c;

	if (err >= 0 || phase >= ARRAY_SIZE(steps))
		return;
	psd_store_lock(&core->store, &flags);
	c = psd_open_cycle(core, id);
	if (c && !c->abort_err) {
		strscpy(c->abort_dev, dev, sizeof(c->abort_dev));
		c->abort_err = err;
		c->step = steps[phase];
	}
	psd_store_unlock(&core->store, flags);
}

/**
 * psd_cycle_devpm() - the own device's PM callback for @phase is running
 * @phase: PSD_PH_SUSPEND ... PSD_PH_RESUME
 *
 * Marks the start of @phase when the kernel has no suspend_resume
 * tracepoint to name it; otherwise the tracepoint does, and this does
 * nothing.  Context: process (a device PM callback).
 */
void psd_cycle_devpm(enum psd_phase phase)
{
	struct psd_core *core = psd_core();
	u64 t = ktime_get_boot_fast_ns();
	int step = -1;
	u32 id;

	if (!READ_ONCE(core->trk.devpm_phases) || phase >= PSD_NR_PHASES)
		return;
	if (phase == PSD_PH_SUSPEND)
		step = PSD_STEP_SUSPEND;
	else if (phase == PSD_PH_SUSPEND_LATE)
		step = PSD_STEP_SUSPEND_LATE;
	else if (phase == PSD_PH_SUSPEND_NOIRQ)
		step = PSD_STEP_SUSPEND_NOIRQ;
	if (psd_mark(phase, step, true, t, &id))
		psd_emit_phase(&psd_module_layers, id, phase, true, 0, t);
}

#if IS_ENABLED(CONFIG_KUNIT)
/**
 * psd_cycle_set_devpm_phases() - where the device phases come from
 * @on: true: psd_cycle_devpm(); false: the suspend_resume tracepoint
 *
 * Set by psd_cycle_init(); KUnit sets it to drive the fallback.
 */
void psd_cycle_set_devpm_phases(bool on)
{
	struct psd_core *core = psd_core();

	WRITE_ONCE(core->trk.devpm_phases, on);
}
#endif

/**
 * psd_cycle_devpm_phases() - do the device phases come from psd_cycle_devpm()?
 *
 * Return: true on a kernel without the suspend_resume tracepoint.
 */
bool psd_cycle_devpm_phases(void)
{
	struct psd_core *core = psd_core();

	return READ_ONCE(core->trk.devpm_phases);
}

/**
 * psd_cycle_current() - the open cycle, or the last one
 *
 * Return: its id; 0 before the first suspend.
 */
u32 psd_cycle_current(void)
{
	struct psd_core *core = psd_core();

	return READ_ONCE(core->trk.id);
}

/**
 * psd_cycle_count() - suspend attempts seen since load or reset
 *
 * Return: the count.
 */
u64 psd_cycle_count(void)
{
	return psd_trk_read(count);
}

/**
 * psd_cycles_ended() - attempts closed with a result since load or reset
 * @result: enum psd_cycle_result
 *
 * Counted when each cycle closes, not from the kept cycles, so it only
 * grows between resets.
 *
 * Return: the count; 0 for an out-of-range @result.
 */
u64 psd_cycles_ended(unsigned int result)
{
	return result < PSD_NR_RESULTS ? psd_trk_read(ended[result]) : 0;
}

/**
 * psd_cycle_get() - copy a kept cycle
 * @id: the cycle id
 * @out: where to copy it
 *
 * Return: true if cycle @id is still kept.
 */
bool psd_cycle_get(u32 id, struct psd_cycle *out)
{
	struct psd_core *core = psd_core();
	const struct psd_cycle *c;
	unsigned long flags;
	bool found = false;

	psd_store_lock(&core->store, &flags);
	c = id && id <= core->trk.id && id >= core->trk.first_kept ?
	    psd_store_cycle(&core->store, id) : NULL;
	if (c) {
		*out = *c;
		found = true;
	}
	psd_store_unlock(&core->store, flags);
	return found;
}

/**
 * psd_cycle_marks() - when a kept cycle passed what a frozen task sees
 * @id: the cycle
 * @out: its marks; those not passed (yet) are 0
 *
 * Context: any.
 * Return: true if cycle @id is kept.
 */
bool psd_cycle_marks(u32 id, struct psd_cycle_marks *out)
{
	struct psd_cycle c;
	u64 slept;

	memset(out, 0, sizeof(*out));
	if (!psd_cycle_get(id, &c))
		return false;
	slept = c.t_start[PSD_PH_S2IDLE];
	if (!slept || (c.t_start[PSD_PH_MACHINE_SUSPEND] &&
		       c.t_start[PSD_PH_MACHINE_SUSPEND] < slept))
		slept = c.t_start[PSD_PH_MACHINE_SUSPEND];
	out->prepare = c.t_start[PSD_PH_PREPARE];
	out->slept = slept;
	out->woke = c.t_woke;
	out->resume_start = c.t_start[PSD_PH_RESUME_NOIRQ];
	out->resumed = c.t_end[PSD_PH_RESUME];
	out->thawed = c.t_thaw;
	out->post = c.t_start[PSD_PH_POST];
	return true;
}

/**
 * psd_cycle_aborted() - did a kept cycle end aborted?
 * @id: the cycle
 *
 * Context: any.
 * Return: true if cycle @id is kept and its result is aborted.
 */
bool psd_cycle_aborted(u32 id)
{
	struct psd_cycle c;

	return psd_cycle_get(id, &c) && c.result == PSD_RES_ABORTED;
}

/**
 * psd_cycles_reset() - forget kept cycles (control "reset")
 *
 * An open cycle stays open; ids keep growing so old lines stay unambiguous.
 */
void psd_cycles_reset(void)
{
	struct psd_core *core = psd_core();
	unsigned long flags;

	psd_store_lock(&core->store, &flags);
	core->trk.count = core->trk.open ? 1 : 0;
	memset(core->trk.ended, 0, sizeof(core->trk.ended));
	core->trk.first_kept = core->trk.open ? core->trk.id : core->trk.id + 1;
	psd_store_unlock(&core->store, flags);
}

/**
 * psd_tracker_init() - an instance's tracker, before its first cycle
 * @trk: the tracker's state, zeroed
 */
void psd_tracker_init(struct psd_tracker *trk)
{
	trk->first_kept = 1;
	trk->round_cpu = -1;
	/* A kernel without tracepoints still has our device's callbacks. */
	trk->devpm_phases = !IS_ENABLED(CONFIG_TRACEPOINTS);
}

static void psd_cycle_tp_detach(void)
{
	if (psd_live.trk.devpm_phases)
		return;
	unregister_trace_cpu_idle(psd_cycle_tp_cpu_idle, NULL);
	unregister_trace_suspend_resume(psd_cycle_tp_suspend_resume,
					&psd_module_layers);
	tracepoint_synchronize_unregister();
}

/**
 * psd_cycle_init() - start tracking the kernel's suspend cycles, into the
 *	module's instance
 *
 * Return: 0 or a negative errno.
 */
int psd_cycle_init(void)
{
	int ret;

	if (psd_live.trk.devpm_phases) {
		pr_info("no suspend_resume tracepoint: device phases from our own device\n");
	} else {
		ret = register_trace_suspend_resume(psd_cycle_tp_suspend_resume,
						    &psd_module_layers);
		if (ret)
			return ret;
		ret = register_trace_cpu_idle(psd_cycle_tp_cpu_idle, NULL);
		if (ret) {
			unregister_trace_suspend_resume(psd_cycle_tp_suspend_resume,
							&psd_module_layers);
			tracepoint_synchronize_unregister();
			return ret;
		}
	}
	ret = register_pm_notifier(&psd_pm_nb.nb);
	if (ret)
		psd_cycle_tp_detach();
	return ret;
}

/**
 * psd_cycle_exit() - stop tracking; mirror image of psd_cycle_init()
 */
void psd_cycle_exit(void)
{
	unregister_pm_notifier(&psd_pm_nb.nb);
	psd_cycle_tp_detach();
}
