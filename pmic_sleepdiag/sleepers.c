// SPDX-License-Identifier: GPL-2.0
/*
 * The sleepers layer: user tasks whose timed sleep met a suspend cycle.
 *
 * Timed sleeps of user tasks (nanosleep, clock_nanosleep, futex waits and
 * poll/select/epoll timeouts) wait on a struct hrtimer_sleeper whose timer
 * function is hrtimer_wakeup().  That function is not exported; the layer
 * learns its address from a sleeper it sets up itself at start, and
 * recognises sleeper timers by it: one pointer compare per expiry or
 * cancel of every other timer.
 *
 * A sleep meets a suspend in one of two ways:
 *  - expired: a TASK_FREEZABLE sleep (do_nanosleep, futex) is frozen
 *    where it sleeps; its timer fires (hrtimer_expire_entry) while the
 *    task is frozen, and the task runs only after the thaw.  So is an
 *    interruptible sleep the freezer woke whose timer fired before the
 *    task ran to cancel it;
 *  - cancelled: a TASK_INTERRUPTIBLE sleep (ep_poll, poll/select) is woken
 *    by the freezer's fake signal and cancels its own timer
 *    (hrtimer_cancel, in the task, while freezing(task)); it returns
 *    -EINTR at the thaw, and overslept if its deadline had passed by then.
 * Either way the oversleep is thaw time minus deadline, split over the
 * parts of the cycle it fell in when the cycle ends (PM_POST_SUSPEND).
 *
 * Outside cycles, a sleeper timer that fires more than hrtimer_late_us
 * after its hard expiry is counted per task (tgid and comm).  A deadline
 * inside the last cycle belongs to that cycle, never to that table.
 *
 * Kernel threads are skipped: the freezer's handling of them differs, and
 * their sleeps are not what a user waits for.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/freezer.h>
#include <linux/hrtimer.h>
#include <linux/math64.h>
#include <linux/pid.h>
#include <linux/pid_namespace.h>
#include <linux/preempt.h>
#include <linux/ptrace.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/sched/task_stack.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/timekeeping.h>
#include <asm/syscall.h>
#include <kunit/visibility.h>
#include <trace/events/power.h>
#include <trace/events/timer.h>

#include "compat.h"
#include "sleepers.h"
#include "tp_attach.h"

/*
 * How long after a suspend began its cycle may still open: a suspend that
 * failed before its notifiers (another one under way) stops the keeping
 * of woken sleeps at the latest then.
 */
#define PSD_SL_ARM_MAX_NS	(10ULL * NSEC_PER_SEC)

/* hrtimer_wakeup(); NULL until start: the probes' one shared read. */
static psd_sl_fn_t psd_sl_fn;

/* The layer's data in a core instance (psd_layer_data()). */
struct psd_sl {
	raw_spinlock_t lock;
	/* The open cycle's; to its slot in the store when the cycle ends. */
	struct psd_sl_cycle cur;
	u32 cycle;		/* the open cycle, 0 when none */
	u64 prepare_ns;		/* the last cycle's window, for outside */
	u64 post_ns;
	u64 dropped;		/* victims not kept, since load or reset */
	bool frozen;		/* the open cycle's devices began to suspend */
	bool arming;		/* a suspend began; its cycle is not open yet */
	u64 arm_ns;		/* when (CLOCK_BOOTTIME) */
	/*
	 * Sleeps woken from the start of enter_state() (sync, notifiers) to
	 * the cycle's opening, which takes them: the freezer may still catch
	 * their tasks before they run.
	 */
	struct psd_sl_cycle pre;
	struct psd_sl_outside out;
};

static struct psd_sl *psd_sl(void)
{
	return psd_layer_data(&psd_sleepers_layer);
}

static int psd_sl_data_init(void *data)
{
	struct psd_sl *sl = data;

	raw_spin_lock_init(&sl->lock);
	return 0;
}

static struct psd_tp psd_sl_tps[] = {
	{ .name = "hrtimer_expire_entry", .probe = psd_sl_tp_expire },
	{ .name = "hrtimer_cancel", .probe = psd_sl_tp_cancel },
	{ .name = "suspend_resume", .probe = psd_sl_tp_suspend },
};

PSD_TP_CHECK(hrtimer_expire_entry, psd_sl_tp_expire)
PSD_TP_CHECK(hrtimer_cancel, psd_sl_tp_cancel)
PSD_TP_CHECK(suspend_resume, psd_sl_tp_suspend)

/**
 * psd_sl_sleeper_fn() - the function of sleeper timers
 *
 * Return: hrtimer_wakeup() as learnt at start, or NULL when stopped.
 */
psd_sl_fn_t psd_sl_sleeper_fn(void)
{
	return READ_ONCE(psd_sl_fn);
}

/* The user task sleeping on @timer, or NULL: a kthread's, or none. */
static struct task_struct *psd_sl_task(struct hrtimer *timer)
{
	struct task_struct *p;

	p = READ_ONCE(container_of(timer, struct hrtimer_sleeper, timer)->task);
	if (!p || (READ_ONCE(p->flags) & PF_KTHREAD))
		return NULL;
	return p;
}

/*
 * The victim's identity and times.  comm by memcpy: get_task_comm() takes
 * task_lock(), which a hardirq must not; a comm being renamed may tear,
 * which only garbles the name.
 */
static void psd_sl_fill(struct psd_sl_victim *v, struct task_struct *p,
			struct hrtimer *timer, u8 how, u64 t_ns)
{
	struct psd_sl_offs o;

	memcpy(v->comm, p->comm, sizeof(v->comm));
	v->comm[sizeof(v->comm) - 1] = '\0';
	v->pid = p->pid;
	v->tgid = p->tgid;
	v->clock = timer->base->clockid;
	v->how = how;
	v->expires = ktime_to_ns(hrtimer_get_expires(timer));
	psd_sl_offs_now(&o);
	v->deadline_ns = max_t(s64, 0, psd_sl_to_boot(v->clock, v->expires, &o));
	v->at_ns = t_ns;
}

/* The open cycle's record; lock held. */
static struct psd_sl_cycle *psd_sl_cur(struct psd_sl *sl)
{
	return sl->cycle ? &sl->cur : NULL;
}

/*
 * Where @p returns to user space: its saved user pc and stack pointer.
 * They hold still while it sleeps or is frozen; a task that ran user
 * code in between returns from elsewhere.
 */
static void psd_sl_ret(struct task_struct *p, struct psd_sl_ret *ret)
{
	struct pt_regs *regs = task_pt_regs(p);

	ret->pc = instruction_pointer(regs);
	ret->sp = user_stack_pointer(regs);
}

static void psd_sl_victim(struct task_struct *p, struct hrtimer *timer, u8 how,
			  bool woken)
{
	struct psd_sl *sl = psd_sl();
	struct psd_sl_victim v;
	struct psd_sl_cycle *r;
	unsigned long flags;

	psd_sl_fill(&v, p, timer, how, ktime_get_boot_fast_ns());
	v.woken = woken;
	if (woken)
		psd_sl_ret(p, &v.ret);
	raw_spin_lock_irqsave(&sl->lock, flags);
	r = psd_sl_cur(sl);
	if (!r && sl->arming) {
		if (v.at_ns - sl->arm_ns < PSD_SL_ARM_MAX_NS)
			r = &sl->pre;
		else
			WRITE_ONCE(sl->arming, false);
	}
	if (r && !psd_sl_rec_add(r, &v))
		sl->dropped++;
	raw_spin_unlock_irqrestore(&sl->lock, flags);
}

/* A late sleeper outside cycles, unless its deadline was in the last. */
static void psd_sl_late(struct task_struct *p, struct hrtimer *timer,
			u64 late)
{
	struct psd_sl *sl = psd_sl();
	struct psd_sl_victim v;
	unsigned long flags;

	psd_sl_fill(&v, p, timer, PSD_SL_EXPIRED, 0);
	raw_spin_lock_irqsave(&sl->lock, flags);
	if (!sl->cycle && (v.deadline_ns < sl->prepare_ns ||
			   v.deadline_ns > sl->post_ns))
		psd_sl_out_add(&sl->out, v.tgid, v.comm, late);
	raw_spin_unlock_irqrestore(&sl->lock, flags);
}

/*
 * Frozen, or as good as: the freezer's fake signal already woke it from
 * an interruptible sleep, but its timer fired before it ran to cancel it
 * (a busy CPU); it returns to user space only through the refrigerator.
 */
static bool psd_sl_frozen(struct task_struct *p)
{
	if (READ_ONCE(p->__state) & TASK_FROZEN)
		return true;
	return freezing(p) && signal_pending(p);
}

/**
 * psd_sl_task_hold() - where a woken sleep's task is, once tasks are frozen
 * @p: the task, frozen (its state holds still; a task in TASK_FROZEN has
 *	not exited, so its stack, with the saved registers, is there)
 * @ret: where it was to return to user space from the sleep
 *
 * Held: frozen by the freezer's fake signal on its way back to user space
 * from the sleep, to @ret, with what a sleep whose timer fired returns.
 * A task frozen where it slept again (a freezable sleep begun after the
 * wake) got no signal.  One that ran returns elsewhere (the system call
 * number cannot tell: arm64 forgets it before the signal path freezes) --
 * or, looping on one call, from the same place: then the signal cut that
 * newer call short, and epoll_wait() returns -EINTR (a restarted call has
 * its pc moved back), which a timed-out sleep never returns.
 *
 * Return: enum psd_sl_hold.
 */
VISIBLE_IF_KUNIT enum psd_sl_hold psd_sl_task_hold(struct task_struct *p,
						   const struct psd_sl_ret *ret)
{
	struct psd_sl_ret now;

	if (!(READ_ONCE(p->__state) & TASK_FROZEN))
		return PSD_SL_GONE;
	if (!signal_pending(p))
		return PSD_SL_SLEPT;
	psd_sl_ret(p, &now);
	if (now.pc != ret->pc || now.sp != ret->sp ||
	    syscall_get_return_value(p, task_pt_regs(p)) == -EINTR)
		return PSD_SL_RAN;
	return PSD_SL_HELD;
}

static enum psd_sl_hold psd_sl_pid_held(pid_t pid, const struct psd_sl_ret *ret)
{
	enum psd_sl_hold held = PSD_SL_GONE;
	struct task_struct *p;

	rcu_read_lock();
	p = pid_task(find_pid_ns(pid, &init_pid_ns), PIDTYPE_PID);
	if (p)
		held = psd_sl_task_hold(p, ret);
	rcu_read_unlock();
	return held;
}

/**
 * psd_sl_tp_expire() - probe on hrtimer_expire_entry
 * @data: unused
 * @timer: the timer about to run
 * @now: its clock base's time
 *
 * Context: hardirq, or softirq for soft timers; every timer of every CPU,
 * so everything but sleeper timers costs one compare.
 */
void psd_sl_tp_expire(void *data, struct hrtimer *timer, ktime_t *now)
{
	struct task_struct *p;
	struct psd_sl *sl;
	s64 late;

	if (likely(ACCESS_PRIVATE(timer, function) != READ_ONCE(psd_sl_fn)))
		return;
	p = psd_sl_task(timer);
	if (!p)
		return;
	sl = psd_sl();
	if (READ_ONCE(sl->cycle)) {
		/*
		 * Woken before the freezer came, a task that cannot run at
		 * once (the suspending task holds its CPU) is frozen on its
		 * way back to user space: judged when the cycle ends.  Once
		 * devices suspend, every user task is frozen until the thaw.
		 */
		if (psd_sl_frozen(p))
			psd_sl_victim(p, timer, PSD_SL_EXPIRED, false);
		else if (!READ_ONCE(sl->frozen))
			psd_sl_victim(p, timer, PSD_SL_EXPIRED, true);
		return;
	}
	if (READ_ONCE(sl->arming)) {
		/* Nothing is frozen before the cycle opens. */
		psd_sl_victim(p, timer, PSD_SL_EXPIRED, true);
		return;
	}
	late = ktime_to_ns(ktime_sub(*now, hrtimer_get_expires(timer)));
	if (late > (s64)psd_setting(PSD_SET_HRTIMER_LATE_US) * NSEC_PER_USEC)
		psd_sl_late(p, timer, late);
}

/**
 * psd_sl_tp_cancel() - probe on hrtimer_cancel
 * @data: unused
 * @timer: the timer taken off its queue
 *
 * Context: whoever cancels, with the timer base locked; a sleep the
 * freezer woke is cancelled by its own task.
 */
void psd_sl_tp_cancel(void *data, struct hrtimer *timer)
{
	struct task_struct *p;

	if (likely(ACCESS_PRIVATE(timer, function) != READ_ONCE(psd_sl_fn)))
		return;
	if (!READ_ONCE(psd_sl()->cycle) || !in_task())
		return;
	p = psd_sl_task(timer);
	if (p == current && freezing(p))
		psd_sl_victim(p, timer, PSD_SL_CANCELLED, false);
}

/**
 * psd_sl_tp_suspend() - probe on suspend_resume
 * @data: unused
 * @action: the step
 * @val: its value
 * @start: its start or end
 *
 * Context: the task that entered the suspend.  At the start of
 * enter_state() (before the file systems are synced and the notifiers
 * run) sleeps woken from now on are kept for the cycle about to open.
 */
void psd_sl_tp_suspend(void *data, const char *action, int val, bool start)
{
	struct psd_sl *sl = psd_sl();
	unsigned long flags;

	if (!start || strcmp(action, "suspend_enter"))
		return;
	raw_spin_lock_irqsave(&sl->lock, flags);
	sl->pre.nvict = 0;
	sl->pre.dropped = 0;
	sl->arm_ns = ktime_get_boot_fast_ns();
	WRITE_ONCE(sl->arming, true);
	raw_spin_unlock_irqrestore(&sl->lock, flags);
}

/* A cycle opened; lock held. */
static void psd_sl_open(struct psd_sl *sl, u32 cycle, u64 t_ns,
			const struct psd_sl_offs *o)
{
	struct psd_sl_cycle *r = &sl->cur;
	unsigned int i;

	memset(r, 0, sizeof(*r));
	r->offs_boot = o->boot;
	/* The woken sleeps of its start, judged with the cycle's own. */
	if (sl->arming) {
		r->dropped = sl->pre.dropped;
		for (i = 0; i < sl->pre.nvict; i++)
			if (!psd_sl_rec_add(r, &sl->pre.v[i]))
				sl->dropped++;
		WRITE_ONCE(sl->arming, false);
	}
	sl->prepare_ns = t_ns;
	sl->post_ns = U64_MAX;
	WRITE_ONCE(sl->frozen, false);
	WRITE_ONCE(sl->cycle, cycle);
}

/* The cycle ended: judge its victims, into its slot; lock held. */
static void psd_sl_close(struct psd_sl *sl, u32 cycle,
			 const struct psd_cycle_marks *mk,
			 const struct psd_sl_offs *o)
{
	struct psd_sl_cycle *r = psd_sl_cur(sl);

	sl->post_ns = mk->post;
	WRITE_ONCE(sl->cycle, 0);
	if (!r)
		return;
	r->mono_stopped_ns = o->boot - r->offs_boot;
	psd_sl_rec_close(r, mk, o);
	psd_report_part(&psd_sleepers_layer, cycle, 0, r, sizeof(*r));
}

static void psd_sl_phase(u32 cycle, enum psd_phase phase, bool start,
			 u64 t_ns)
{
	struct psd_sl *sl = psd_sl();
	struct psd_cycle_marks mk;
	struct psd_sl_cycle *r;
	struct psd_sl_offs o;
	unsigned long flags;

	if (start && phase == PSD_PH_SUSPEND) {
		raw_spin_lock_irqsave(&sl->lock, flags);
		r = psd_sl_cur(sl);
		if (r && cycle == sl->cycle && !sl->frozen) {
			WRITE_ONCE(sl->frozen, true);
			psd_sl_rec_confirm(r, psd_sl_pid_held);
		}
		raw_spin_unlock_irqrestore(&sl->lock, flags);
		return;
	}
	if (!start || (phase != PSD_PH_PREPARE && phase != PSD_PH_POST))
		return;
	/* PM notifier context: the clocks run, the tracker has the marks. */
	psd_sl_offs_now(&o);
	if (phase == PSD_PH_POST && !psd_cycle_marks(cycle, &mk)) {
		memset(&mk, 0, sizeof(mk));
		mk.post = t_ns;
	}
	raw_spin_lock_irqsave(&sl->lock, flags);
	if (phase == PSD_PH_PREPARE)
		psd_sl_open(sl, cycle, t_ns, &o);
	else if (cycle == sl->cycle)
		psd_sl_close(sl, cycle, &mk, &o);
	/* A suspend that began during this one, and failed, opens none. */
	if (phase == PSD_PH_POST)
		WRITE_ONCE(sl->arming, false);
	raw_spin_unlock_irqrestore(&sl->lock, flags);
}

/**
 * psd_sl_get_outside() - copy the outside-cycles table
 * @out: where to copy it
 */
void psd_sl_get_outside(struct psd_sl_outside *out)
{
	struct psd_sl *sl = psd_sl();
	unsigned long flags;

	raw_spin_lock_irqsave(&sl->lock, flags);
	*out = sl->out;
	raw_spin_unlock_irqrestore(&sl->lock, flags);
}

static u64 psd_sl_dropped(void)
{
	struct psd_sl *sl = psd_sl();
	unsigned long flags;
	u64 n;

	raw_spin_lock_irqsave(&sl->lock, flags);
	n = sl->dropped;
	raw_spin_unlock_irqrestore(&sl->lock, flags);
	return n;
}

static void psd_sl_show_victim(struct seq_file *m, const struct psd_sl_cycle *r,
			       unsigned int i)
{
	const struct psd_sl_victim *v = &r->v[i];
	const struct psd_sl_split *s = &r->split[i];

	psd_seq_str(m, "comm", v->comm);
	seq_printf(m, " pid=%d tgid=%d clock=%s how=%s expires_ns=%llu expired_ns=%llu thaw_ns=%llu",
		   v->pid, v->tgid, psd_sl_clock_name(v->clock),
		   psd_sl_how_name(v->how), v->deadline_ns, v->at_ns,
		   r->thaw_ns);
	seq_printf(m, " overslept_ms=%u presleep_ms=%u suspended_ms=%u resume_ms=%u thaw_ms=%u\n",
		   s->overslept_ms, s->presleep_ms, s->suspended_ms,
		   s->resume_ms, s->thaw_ms);
}

/* ns as ms, rounded to the nearest, either sign. */
static s64 psd_sl_ms(s64 ns)
{
	return ns < 0 ? -(s64)DIV_ROUND_CLOSEST_ULL(-ns, NSEC_PER_MSEC) :
			(s64)DIV_ROUND_CLOSEST_ULL(ns, NSEC_PER_MSEC);
}

static void psd_sl_show_outside(struct seq_file *m,
				const struct psd_sl_outside *t)
{
	unsigned int i;

	seq_puts(m, "# outside cycles\n");
	for (i = 0; i < t->n; i++) {
		psd_seq_str(m, "comm", t->t[i].comm);
		seq_printf(m, " tgid=%d late_count=%u max_late_us=%llu\n",
			   t->t[i].tgid, t->t[i].count,
			   div_u64(t->t[i].max_ns, NSEC_PER_USEC));
	}
}

/* One kept cycle of the sleepers file. */
static void psd_sl_show_cycle(struct seq_file *m, u32 cycle, const void *part)
{
	const struct psd_sl_cycle *r = part;
	unsigned int i;

	seq_printf(m, "# cycle=%u mono_stopped_ms=%lld dropped=%u woken_ran=%u woken_slept=%u woken_gone=%u\n",
		   cycle, psd_sl_ms(r->mono_stopped_ns), r->dropped,
		   r->not_held[PSD_SL_RAN], r->not_held[PSD_SL_SLEPT],
		   r->not_held[PSD_SL_GONE]);
	for (i = 0; i < r->nvict; i++)
		psd_sl_show_victim(m, r, i);
}

/**
 * psd_sl_show() - the sleepers file, oldest cycle first
 * @m: the seq_file
 * @unused: unused
 *
 * Per kept cycle that ended a header, then its victims, worst first; then
 * the late sleepers outside cycles.
 *
 * Return: 0, or -ENOMEM.
 */
static int psd_sl_show(struct seq_file *m, void *unused)
{
	struct psd_sl_outside *t;
	int ret;

	if (!psd_layer_on(&psd_sleepers_layer)) {
		seq_puts(m, "# component sleepers is off\n");
		return 0;
	}
	t = kmalloc(sizeof(*t), GFP_KERNEL);
	if (!t)
		return -ENOMEM;
	psd_sl_get_outside(t);
	seq_printf(m, "# victims_dropped=%llu outside_dropped=%llu (more than %u tasks)\n",
		   psd_sl_dropped(), t->dropped, PSD_SL_TASKS);
	ret = psd_report_parts_show(m, &psd_sleepers_layer, psd_sl_show_cycle);
	if (!ret)
		psd_sl_show_outside(m, t);
	kfree(t);
	return ret;
}

/* clocksource: and hres_active:, facts of the kernel, on or off. */
static void psd_sl_show_keys(struct seq_file *m)
{
	unsigned int hres, online;

	psd_sl_hres_count(&hres, &online);
	seq_printf(m, "clocksource: %s\n", psd_sl_clocksource());
	seq_printf(m, "hres_active: %u/%u\n", hres, online);
}

/*
 * hrtimer_wakeup(), from a sleeper of our own: hrtimer_setup_sleeper_on_
 * stack() sets it up as every sleeping task's is (6.15 makes the field
 * private: ACCESS_PRIVATE reads it on every version).
 */
static psd_sl_fn_t psd_sl_learn_fn(void)
{
	struct hrtimer_sleeper sl;
	psd_sl_fn_t fn;

	hrtimer_setup_sleeper_on_stack(&sl, CLOCK_MONOTONIC, HRTIMER_MODE_REL);
	fn = ACCESS_PRIVATE(&sl.timer, function);
	destroy_hrtimer_on_stack(&sl.timer);
	return fn;
}

static int psd_sl_start(const char **why)
{
	psd_sl_fn_t fn = psd_sl_learn_fn();
	struct psd_sl *sl = psd_sl();
	int ret;

	if (!fn) {
		*why = "no sleeper timer function";
		return -ENOENT;
	}
	sl->cycle = 0;
	sl->prepare_ns = 0;
	sl->post_ns = 0;
	sl->dropped = 0;
	sl->arming = false;
	sl->pre.nvict = 0;
	sl->pre.dropped = 0;
	memset(&sl->out, 0, sizeof(sl->out));
	WRITE_ONCE(psd_sl_fn, fn);
	ret = psd_tp_attach(psd_sl_tps, ARRAY_SIZE(psd_sl_tps), why);
	if (ret)
		WRITE_ONCE(psd_sl_fn, NULL);
	return ret;
}

static void psd_sl_stop(void)
{
	struct psd_sl *sl = psd_sl();
	unsigned long flags;

	psd_tp_detach(psd_sl_tps, ARRAY_SIZE(psd_sl_tps));
	raw_spin_lock_irqsave(&sl->lock, flags);
	WRITE_ONCE(psd_sl_fn, NULL);
	WRITE_ONCE(sl->cycle, 0);
	WRITE_ONCE(sl->arming, false);
	raw_spin_unlock_irqrestore(&sl->lock, flags);
}

static void psd_sl_reset(void)
{
	struct psd_sl *sl = psd_sl();
	unsigned long flags;
	s64 offs_boot;

	raw_spin_lock_irqsave(&sl->lock, flags);
	/* An open cycle goes on being recorded, from now. */
	offs_boot = sl->cur.offs_boot;
	memset(&sl->cur, 0, sizeof(sl->cur));
	sl->cur.offs_boot = offs_boot;
	/* Forgotten, the last cycle keeps no late deadline from the table. */
	if (!sl->cycle) {
		sl->prepare_ns = 0;
		sl->post_ns = 0;
	}
	sl->dropped = 0;
	sl->pre.nvict = 0;
	sl->pre.dropped = 0;
	memset(&sl->out, 0, sizeof(sl->out));
	raw_spin_unlock_irqrestore(&sl->lock, flags);
}

static const struct psd_layer_ops psd_sl_ops = {
	.start = psd_sl_start,
	.stop = psd_sl_stop,
	.reset = psd_sl_reset,
	.phase = psd_sl_phase,
	.show_keys = psd_sl_show_keys,
};

static const struct psd_file psd_sl_files[] = {
	{ NULL, "sleepers", 0400, psd_sl_show },
	{}
};

struct psd_layer psd_sleepers_layer = {
	.name = "sleepers",
	.ops = &psd_sl_ops,
	.files = psd_sl_files,
	.after_contract = true,
	.part = &psd_sleepers_part,
	.data_size = sizeof(struct psd_sl),
	.data_init = psd_sl_data_init,
};
