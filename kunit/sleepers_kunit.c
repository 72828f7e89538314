// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: the sleepers layer (pmic_sleepdiag/sleepers.c, sleepers_record.c).
 * The arithmetic and the tables on instances of the test's own; the layer
 * through its real probes and the cycle tracker's inputs, with a sleeper
 * timer the test sets up and a task_struct of its own standing in for a
 * user task (KUnit runs in kthreads, which the layer skips).
 */
#include <kunit/test.h>
#include <linux/hrtimer.h>
#include <linux/math64.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <linux/sched/task_stack.h>
#include <linux/timekeeping.h>
#include <asm/syscall.h>

#include "psd_kunit.h"
#include "records.h"
#include "render.h"
#include "../pmic_sleepdiag/compat.h"
#include "../pmic_sleepdiag/sleepers.h"
#include "suspend_seq.h"

#define MS	((s64)NSEC_PER_MSEC)	/* 64-bit products on 32-bit too */

/* ---- clock conversion ---- */

struct conv_case {
	const char *name;
	clockid_t clock;
	s64 expires;
	s64 want;
};

/*
 * 10 s after boot, with 3 s slept (BOOTTIME 3 s ahead of MONOTONIC), the
 * wall clock at 1.7e18 and TAI 37 s ahead of it.
 */
static const struct psd_sl_offs offs = {
	.boot = 3000 * MS,
	.real = 1700000000000000000LL,
	.tai = 1700000000000000000LL + 37000 * MS,
};

static const struct conv_case conv_cases[] = {
	{ "MONOTONIC", CLOCK_MONOTONIC, 10000 * MS, 13000 * MS },
	{ "BOOTTIME", CLOCK_BOOTTIME, 13000 * MS, 13000 * MS },
	{ "REALTIME", CLOCK_REALTIME, 1700000000000000000LL + 10000 * MS,
	  13000 * MS },
	{ "TAI", CLOCK_TAI, 1700000000000000000LL + 47000 * MS, 13000 * MS },
};

static void conv_desc(const struct conv_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(conv, conv_cases, conv_desc);

/* One instant in every clock is one CLOCK_BOOTTIME instant. */
static void sleepers_clock_to_boot(struct kunit *test)
{
	const struct conv_case *c = test->param_value;

	KUNIT_EXPECT_EQ(test, psd_sl_to_boot(c->clock, c->expires, &offs),
			c->want);
	KUNIT_EXPECT_STREQ(test, psd_sl_clock_name(c->clock), c->name);
}

/* ---- the split ---- */

/* prepare 1000, sleep 1100-4100, resume 4100-4300, thaw 4350, post 4400. */
static const struct psd_cycle_marks marks = {
	.prepare = 1000 * MS,
	.slept = 1100 * MS,
	.woke = 4100 * MS,
	.resume_start = 4100 * MS,
	.resumed = 4300 * MS,
	.thawed = 4350 * MS,
	.post = 4400 * MS,
};

static u32 parts(const struct psd_sl_split *s)
{
	return s->presleep_ms + s->suspended_ms + s->resume_ms + s->thaw_ms;
}

/*
 * A deadline and how the oversleep past it splits into parts, in ms:
 * { overslept, presleep, suspended, resume, thaw }.
 */
struct split_case {
	u64 deadline;
	struct psd_sl_split want;
};

/* Each of @n cases split on marks: every part as wanted, and they add up. */
static void expect_splits(struct kunit *test, const struct split_case *c,
			  unsigned int n)
{
	struct psd_sl_split s;
	unsigned int i;

	for (i = 0; i < n; i++, c++) {
		psd_sl_split(c->deadline, &marks, &s);
		KUNIT_EXPECT_EQ_MSG(test, s.overslept_ms, c->want.overslept_ms,
				    "deadline %llu", c->deadline);
		KUNIT_EXPECT_EQ_MSG(test, s.presleep_ms, c->want.presleep_ms,
				    "deadline %llu", c->deadline);
		KUNIT_EXPECT_EQ_MSG(test, s.suspended_ms, c->want.suspended_ms,
				    "deadline %llu", c->deadline);
		KUNIT_EXPECT_EQ_MSG(test, s.resume_ms, c->want.resume_ms,
				    "deadline %llu", c->deadline);
		KUNIT_EXPECT_EQ_MSG(test, s.thaw_ms, c->want.thaw_ms,
				    "deadline %llu", c->deadline);
		KUNIT_EXPECT_EQ_MSG(test, parts(&s), s.overslept_ms,
				    "deadline %llu", c->deadline);
	}
}

/* A deadline in each part: only that part and the later ones fill. */
static void sleepers_split_parts(struct kunit *test)
{
	static const struct split_case cases[] = {
		{ 1050 * MS, { 3300, 50, 3000, 200, 50 } },
		{ 2100 * MS, { 2250, 0, 2000, 200, 50 } },
		{ 4200 * MS, { 150, 0, 0, 100, 50 } },
		{ 4340 * MS, { 10, 0, 0, 0, 10 } },
	};

	expect_splits(test, cases, ARRAY_SIZE(cases));
}

/* A deadline exactly on a mark puts nothing in the part before it. */
static void sleepers_split_on_marks(struct kunit *test)
{
	const struct split_case cases[] = {
		{ marks.slept, { 3250, 0, 3000, 200, 50 } },
		{ marks.woke, { 250, 0, 0, 200, 50 } },
		{ marks.resumed, { 50, 0, 0, 0, 50 } },
		{ marks.thawed, { 0, 0, 0, 0, 0 } },
		/* After the thaw: no oversleep at all. */
		{ marks.thawed + 5 * MS, { 0, 0, 0, 0, 0 } },
	};

	expect_splits(test, cases, ARRAY_SIZE(cases));
}

/* Parts of 0.4 ms each round to 0 alone; the sum still adds up. */
static void sleepers_split_rounding_adds_up(struct kunit *test)
{
	struct psd_cycle_marks mk = {
		.slept = 10 * MS + 400000,
		.woke = 10 * MS + 800000,
		.resumed = 10 * MS + 1200000,
		.thawed = 10 * MS + 1600000,
	};
	struct psd_sl_split s;
	u64 d;

	for (d = 10 * MS; d < mk.thawed; d += 70000) {
		psd_sl_split(d, &mk, &s);
		KUNIT_EXPECT_EQ_MSG(test, parts(&s), s.overslept_ms,
				    "deadline %llu", d);
	}
	psd_sl_split(10 * MS, &mk, &s);
	KUNIT_EXPECT_EQ(test, s.overslept_ms, 2U);
}

/* A cycle that never slept: nothing is suspended time. */
static void sleepers_split_no_sleep(struct kunit *test)
{
	struct psd_cycle_marks mk = marks;
	struct psd_sl_split s;

	mk.slept = 0;
	mk.woke = 0;
	psd_sl_split(1050 * MS, &mk, &s);
	KUNIT_EXPECT_EQ(test, s.suspended_ms, 0U);
	KUNIT_EXPECT_EQ(test, s.presleep_ms, 3050U);
	KUNIT_EXPECT_EQ(test, parts(&s), s.overslept_ms);

	/* No thaw seen (no tracepoint): post stands in for it. */
	mk.thawed = 0;
	psd_sl_split(4300 * MS, &mk, &s);
	KUNIT_EXPECT_EQ(test, s.thaw_ms, 100U);
	KUNIT_EXPECT_EQ(test, psd_sl_thaw_ns(&mk), mk.post);
}

/* The layer's part of cycle @id, which must be kept and have ended. */
static const struct psd_sl_cycle *kept(struct kunit *test, u32 id)
{
	struct psd_report_cycle *rc = psd_kunit_record(test);
	const struct psd_sl_cycle *r;

	KUNIT_ASSERT_TRUE(test, psd_report_get(id, rc));
	r = psd_report_part_of(rc, &psd_sleepers_layer);
	KUNIT_ASSERT_NOT_NULL(test, r);
	return r;
}

/* ---- the tables ---- */

static struct psd_sl_victim victim(pid_t pid, u64 deadline, u8 how)
{
	struct psd_sl_victim v = {
		.pid = pid,
		.tgid = pid,
		.clock = CLOCK_BOOTTIME,
		.how = how,
		.expires = deadline,
		.deadline_ns = deadline,
		.at_ns = deadline,
	};

	snprintf(v.comm, sizeof(v.comm), "psdk-%d", pid);
	return v;
}

/* A sleep of @pid due at @deadline, woken before its task was frozen. */
static struct psd_sl_victim woken(pid_t pid, u64 deadline)
{
	struct psd_sl_victim v = victim(pid, deadline, PSD_SL_EXPIRED);

	v.woken = true;
	return v;
}

/* A cycle's sleepers record, empty. */
static struct psd_sl_cycle *new_rec(struct kunit *test)
{
	struct psd_sl_cycle *r = kunit_kzalloc(test, sizeof(*r), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, r);
	return r;
}

/* One entry per task, its worst; 32 tasks, the rest counted. */
static void sleepers_victims_bounded(struct kunit *test)
{
	struct psd_sl_cycle *r = new_rec(test);
	struct psd_sl_victim v;
	unsigned int i;

	for (i = 0; i < PSD_SL_TASKS + 5; i++) {
		v = victim(100 + i, 2000 * MS, PSD_SL_EXPIRED);
		KUNIT_EXPECT_EQ(test, psd_sl_rec_add(r, &v), i < PSD_SL_TASKS);
	}
	KUNIT_EXPECT_EQ(test, r->nvict, (u32)PSD_SL_TASKS);
	KUNIT_EXPECT_EQ(test, r->dropped, 5U);

	/* The same task again: the earlier deadline is kept, not a new row. */
	v = victim(100, 1500 * MS, PSD_SL_EXPIRED);
	KUNIT_EXPECT_TRUE(test, psd_sl_rec_add(r, &v));
	v = victim(100, 1800 * MS, PSD_SL_EXPIRED);
	KUNIT_EXPECT_TRUE(test, psd_sl_rec_add(r, &v));
	KUNIT_EXPECT_EQ(test, r->nvict, (u32)PSD_SL_TASKS);
	KUNIT_EXPECT_EQ(test, r->v[0].deadline_ns, 1500 * MS);
}

/*
 * Closing judges: worst first; a cancelled sleep whose deadline came
 * after the thaw is no victim, one before it is, with its deadline
 * converted from its own clock at the close.
 */
static void sleepers_close_cancelled(struct kunit *test)
{
	struct psd_sl_cycle *r = new_rec(test);
	struct psd_sl_offs o = { .boot = 500 * MS };
	struct psd_sl_victim v;

	v = victim(1, 4000 * MS, PSD_SL_EXPIRED);
	psd_sl_rec_add(r, &v);
	v = victim(2, 0, PSD_SL_CANCELLED);
	v.clock = CLOCK_MONOTONIC;
	v.expires = 1500 * MS;		/* BOOTTIME 2000 ms */
	psd_sl_rec_add(r, &v);
	v = victim(3, 0, PSD_SL_CANCELLED);
	v.expires = 9000 * MS;		/* after the thaw */
	psd_sl_rec_add(r, &v);

	psd_sl_rec_close(r, &marks, &o);
	KUNIT_EXPECT_TRUE(test, r->closed);
	KUNIT_EXPECT_EQ(test, r->thaw_ns, marks.thawed);
	KUNIT_ASSERT_EQ(test, r->nvict, 2U);
	KUNIT_EXPECT_EQ(test, r->v[0].pid, 2);
	KUNIT_EXPECT_EQ(test, r->v[0].deadline_ns, 2000 * MS);
	KUNIT_EXPECT_STREQ(test, psd_sl_how_name(r->v[0].how), "cancelled");
	KUNIT_EXPECT_EQ(test, r->split[0].overslept_ms, 2350U);
	KUNIT_EXPECT_EQ(test, r->v[1].pid, 1);
	KUNIT_EXPECT_EQ(test, r->split[1].overslept_ms, 350U);
}

/*
 * A sleep woken before its task was frozen: a newer sleep of the task
 * replaces it (the task ran in between), even with a later deadline; a
 * woken sleep never replaces one that met the suspend.
 */
static void sleepers_woken_replaced(struct kunit *test)
{
	struct psd_sl_cycle *r = new_rec(test);
	struct psd_sl_victim v;

	v = woken(1, 1000 * MS);
	psd_sl_rec_add(r, &v);
	v = victim(1, 1010 * MS, PSD_SL_EXPIRED);
	psd_sl_rec_add(r, &v);
	KUNIT_ASSERT_EQ(test, r->nvict, 1U);
	KUNIT_EXPECT_EQ(test, r->v[0].deadline_ns, 1010 * MS);
	KUNIT_EXPECT_FALSE(test, r->v[0].woken);

	v = woken(1, 900 * MS);
	psd_sl_rec_add(r, &v);
	KUNIT_ASSERT_EQ(test, r->nvict, 1U);
	KUNIT_EXPECT_EQ(test, r->v[0].deadline_ns, 1010 * MS);
	KUNIT_EXPECT_FALSE(test, r->v[0].woken);
}

/*
 * Odd pids were frozen by the signal on their way back to user space, to
 * pc 7; even ones in a new sleep; pid 9 has exited.
 */
static enum psd_sl_hold held_if_odd(pid_t pid, const struct psd_sl_ret *ret)
{
	if (pid == 9)
		return PSD_SL_GONE;
	if (!(pid & 1))
		return PSD_SL_SLEPT;
	return ret->pc == 7 ? PSD_SL_HELD : PSD_SL_RAN;
}

/*
 * When devices begin to suspend, a woken sleep stays a victim only if
 * its task was held by the freezer before it ran, on its way back to where
 * it slept (the same user pc); sleeps that met the suspend are kept
 * whatever their task does.
 */
static void sleepers_woken_confirmed(struct kunit *test)
{
	struct psd_sl_cycle *r = new_rec(test);
	struct psd_sl_offs o = { .boot = 500 * MS };
	struct psd_sl_victim v;
	pid_t pid;

	for (pid = 1; pid <= 4; pid++) {
		v = victim(pid, 1000 * MS + pid * MS, PSD_SL_EXPIRED);
		v.woken = pid <= 2;
		v.ret.pc = 7;
		psd_sl_rec_add(r, &v);
	}
	/* Held, but returning elsewhere: it ran after the wake. */
	v = woken(5, 1005 * MS);
	v.ret.pc = 8;
	psd_sl_rec_add(r, &v);
	/* Woken, and gone by the time devices suspend. */
	v = woken(9, 1009 * MS);
	v.ret.pc = 7;
	psd_sl_rec_add(r, &v);
	psd_sl_rec_confirm(r, held_if_odd);
	KUNIT_EXPECT_EQ(test, r->not_held[PSD_SL_RAN], 1U);
	KUNIT_EXPECT_EQ(test, r->not_held[PSD_SL_SLEPT], 1U);
	KUNIT_EXPECT_EQ(test, r->not_held[PSD_SL_GONE], 1U);
	KUNIT_EXPECT_EQ(test, r->not_held[PSD_SL_HELD], 0U);
	KUNIT_ASSERT_EQ(test, r->nvict, 3U);
	KUNIT_EXPECT_EQ(test, r->v[0].pid, 1);
	KUNIT_EXPECT_FALSE(test, r->v[0].woken);
	KUNIT_EXPECT_EQ(test, r->v[1].pid, 3);
	KUNIT_EXPECT_EQ(test, r->v[2].pid, 4);

	/* Confirmed, it is one that met the suspend: the close keeps it. */
	psd_sl_rec_close(r, &marks, &o);
	KUNIT_EXPECT_EQ(test, r->nvict, 3U);
}

/* A woken sleep that ended at the thaw or after (a failed freeze) is none. */
static void sleepers_woken_after_thaw(struct kunit *test)
{
	struct psd_sl_cycle *r = new_rec(test);
	struct psd_sl_offs o = { .boot = 500 * MS };
	struct psd_sl_victim v;

	v = woken(1, 1000 * MS);
	psd_sl_rec_add(r, &v);
	v = woken(2, 1000 * MS);
	v.at_ns = marks.thawed;
	psd_sl_rec_add(r, &v);
	psd_sl_rec_close(r, &marks, &o);
	KUNIT_ASSERT_EQ(test, r->nvict, 1U);
	KUNIT_EXPECT_EQ(test, r->v[0].pid, 1);
}

/* Per tgid and comm, count and max; 32 tasks, the rest counted. */
static void sleepers_outside_bounded(struct kunit *test)
{
	struct psd_sl_outside *t = kunit_kzalloc(test, sizeof(*t), GFP_KERNEL);
	unsigned int i;

	KUNIT_ASSERT_NOT_NULL(test, t);
	psd_sl_out_add(t, 7, "psdk-a", 3000);
	psd_sl_out_add(t, 7, "psdk-a", 9000);
	psd_sl_out_add(t, 7, "psdk-a", 5000);
	psd_sl_out_add(t, 7, "psdk-b", 1000);
	KUNIT_ASSERT_EQ(test, t->n, 2U);
	KUNIT_EXPECT_EQ(test, t->t[0].count, 3U);
	KUNIT_EXPECT_EQ(test, t->t[0].max_ns, 9000ULL);
	KUNIT_EXPECT_EQ(test, t->t[1].count, 1U);
	for (i = 0; i < PSD_SL_OUTSIDE + 3; i++)
		psd_sl_out_add(t, 1000 + i, "psdk-n", 2000);
	KUNIT_EXPECT_EQ(test, t->n, (u32)PSD_SL_OUTSIDE);
	KUNIT_EXPECT_EQ(test, t->dropped, 5ULL);
}

/* ---- the layer, through its probes ---- */

struct fake_sleeper {
	struct hrtimer_sleeper sl;
	struct task_struct *task;
};

static void fake_sleeper_done(void *p)
{
	struct fake_sleeper *f = p;

	destroy_hrtimer_on_stack(&f->sl.timer);
}

/* A sleeper timer on @clock of a user task, frozen or not. */
static struct fake_sleeper *fake_sleeper(struct kunit *test, clockid_t clock,
					 pid_t pid, bool frozen)
{
	struct fake_sleeper *f = kunit_kzalloc(test, sizeof(*f), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, f);
	f->task = kunit_kzalloc(test, sizeof(*f->task), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, f->task);
	/* Its saved user registers live at the top of its kernel stack. */
	f->task->stack = kunit_kzalloc(test, THREAD_SIZE, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, f->task->stack);
	hrtimer_setup_sleeper_on_stack(&f->sl, clock, HRTIMER_MODE_ABS);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, fake_sleeper_done,
							f), 0);
	f->task->pid = pid;
	f->task->tgid = pid;
	WRITE_ONCE(f->task->__state, frozen ? TASK_FROZEN : TASK_INTERRUPTIBLE);
	snprintf(f->task->comm, sizeof(f->task->comm), "psdk-%d", pid);
	f->sl.task = f->task;
	return f;
}

/* Its timer, due @ago_ns before now, fires now. */
static void fire(struct fake_sleeper *f, s64 ago_ns)
{
	ktime_t now = hrtimer_cb_get_time(&f->sl.timer);

	hrtimer_set_expires(&f->sl.timer, ktime_sub_ns(now, ago_ns));
	psd_sl_tp_expire(NULL, &f->sl.timer, &now);
}

/* From device suspend to the thaw: one sleep. */
static void sleep_until_thaw(void)
{
	suspend_devices();
	s2idle_round();
	resume_devices();
	both("thaw_processes", 0);
}

static void cycle_until_thaw(void)
{
	begin_state(FREEZE);
	sleep_until_thaw();
}

static int sleepers_init(struct kunit *test)
{
	psd_kunit_core(test);
	if (!psd_layer_on(&psd_sleepers_layer))
		kunit_skip(test, "component sleepers is off");
	return 0;
}

/*
 * The confirmation's judgement of a woken sleep's task: held only when
 * frozen by the signal where the sleep returns, with what a timed-out
 * sleep returns.  -EINTR there is a newer call, from the same place, that
 * the signal cut short (an epoll_wait() loop).
 */
static void sleepers_task_hold(struct kunit *test)
{
	struct fake_sleeper *f = fake_sleeper(test, CLOCK_MONOTONIC, 61, true);
	struct pt_regs *regs = task_pt_regs(f->task);
	struct psd_sl_ret ret = {
		.pc = instruction_pointer(regs),
		.sp = user_stack_pointer(regs),
	};
	struct psd_sl_ret moved = { .pc = ret.pc + 4, .sp = ret.sp };

	KUNIT_EXPECT_EQ(test, psd_sl_task_hold(f->task, &ret), PSD_SL_SLEPT);
	set_tsk_thread_flag(f->task, TIF_SIGPENDING);
	syscall_set_return_value(f->task, regs, 0, 0);
	KUNIT_EXPECT_EQ(test, psd_sl_task_hold(f->task, &ret), PSD_SL_HELD);
	syscall_set_return_value(f->task, regs, -ETIMEDOUT, 0);
	KUNIT_EXPECT_EQ(test, psd_sl_task_hold(f->task, &ret), PSD_SL_HELD);
	KUNIT_EXPECT_EQ(test, psd_sl_task_hold(f->task, &moved), PSD_SL_RAN);
	syscall_set_return_value(f->task, regs, -EINTR, 0);
	KUNIT_EXPECT_EQ(test, psd_sl_task_hold(f->task, &ret), PSD_SL_RAN);
	WRITE_ONCE(f->task->__state, TASK_RUNNING);
	KUNIT_EXPECT_EQ(test, psd_sl_task_hold(f->task, &ret), PSD_SL_GONE);
}

/* The function learnt at start is the one sleepers are set up with. */
static void sleepers_learns_wakeup_fn(struct kunit *test)
{
	struct fake_sleeper *f = fake_sleeper(test, CLOCK_MONOTONIC, 9, false);

	KUNIT_EXPECT_PTR_EQ(test, (void *)psd_sl_sleeper_fn(),
			    (void *)ACCESS_PRIVATE(&f->sl.timer, function));
}

/*
 * Frozen sleepers whose timers fire in a cycle are its victims, each
 * clock converted; a kthread's, a running task's and a non-sleeper
 * timer's are not.
 */
static void sleepers_cycle_victims(struct kunit *test)
{
	struct fake_sleeper *mono = fake_sleeper(test, CLOCK_MONOTONIC, 11,
						 true);
	struct fake_sleeper *real = fake_sleeper(test, CLOCK_REALTIME, 12,
						 true);
	struct fake_sleeper *kth = fake_sleeper(test, CLOCK_MONOTONIC, 13,
						true);
	struct fake_sleeper *run = fake_sleeper(test, CLOCK_MONOTONIC, 14,
						false);
	const struct psd_sl_cycle *r;
	/* Due a quarter and half of the time since boot ago. */
	u64 ago = ktime_get_boot_fast_ns() / 4;
	u32 ago_ms = div_u64(ago, MS);
	struct psd_cycle_marks mk;
	u32 id;

	kth->task->flags = PF_KTHREAD;
	begin_state(FREEZE);
	id = psd_cycle_current();
	fire(mono, ago);
	fire(real, 2 * ago);
	fire(kth, ago);
	fire(run, ago);
	sleep_until_thaw();
	notify(PM_POST_SUSPEND);

	r = kept(test, id);
	KUNIT_ASSERT_TRUE(test, psd_cycle_marks(id, &mk));
	KUNIT_EXPECT_NE(test, mk.thawed, 0ULL);
	KUNIT_EXPECT_EQ(test, r->thaw_ns, mk.thawed);
	KUNIT_ASSERT_EQ(test, r->nvict, 2U);
	/* Worst first: the REALTIME one was due longer before it fired. */
	KUNIT_EXPECT_EQ(test, r->v[0].pid, 12);
	KUNIT_EXPECT_STREQ(test, psd_sl_clock_name(r->v[0].clock), "REALTIME");
	KUNIT_EXPECT_EQ(test, r->v[1].pid, 11);
	KUNIT_EXPECT_STREQ(test, r->v[1].comm, "psdk-11");
	KUNIT_EXPECT_GE(test, r->split[0].overslept_ms, 2 * ago_ms);
	KUNIT_EXPECT_GE(test, r->split[1].overslept_ms, ago_ms);
	KUNIT_EXPECT_EQ(test, parts(&r->split[0]), r->split[0].overslept_ms);
	KUNIT_EXPECT_EQ(test, parts(&r->split[1]), r->split[1].overslept_ms);
	/* Due before the cycle's sleep: presleep holds all it was late. */
	KUNIT_EXPECT_GE(test, r->split[0].presleep_ms, 2 * ago_ms);
	KUNIT_EXPECT_LT(test, r->v[0].deadline_ns, r->v[0].at_ns);
	/* No sleep time was injected into the clocks here. */
	KUNIT_EXPECT_EQ(test, r->mono_stopped_ns, 0LL);
}

/*
 * A sleep woken after the suspend began (suspend_enter: the sync and the
 * notifiers) but before its cycle opened belongs to the cycle, as woken;
 * one woken before the suspend began does not.  The freezing fails here,
 * so nothing is confirmed, and the woken sleep, ended before the thaw,
 * stays a victim.
 */
static void sleepers_woken_before_open(struct kunit *test)
{
	struct fake_sleeper *before = fake_sleeper(test, CLOCK_MONOTONIC, 21,
						   false);
	struct fake_sleeper *during = fake_sleeper(test, CLOCK_MONOTONIC, 22,
						   false);
	const struct psd_sl_cycle *r;
	u32 id;

	fire(before, 0);
	tp("suspend_enter", FREEZE, true);
	psd_sl_tp_suspend(NULL, "suspend_enter", FREEZE, true);
	fire(during, 0);
	both("sync_filesystems", 0);
	notify(PM_SUSPEND_PREPARE);
	id = psd_cycle_current();
	both("thaw_processes", 0);
	notify(PM_POST_SUSPEND);

	r = kept(test, id);
	KUNIT_ASSERT_EQ(test, r->nvict, 1U);
	KUNIT_EXPECT_EQ(test, r->v[0].pid, 22);
	KUNIT_EXPECT_EQ(test, r->v[0].how, PSD_SL_EXPIRED);
}

/*
 * A cancel is the freezer's only when the sleeping task cancels its own
 * timer while being frozen: another's cancel (a timer run, a kthread
 * here) in a cycle is no victim.
 */
static void sleepers_cancel_by_other_ignored(struct kunit *test)
{
	struct fake_sleeper *f = fake_sleeper(test, CLOCK_MONOTONIC, 51, false);
	const struct psd_sl_cycle *r;
	u32 id;

	begin_state(FREEZE);
	id = psd_cycle_current();
	hrtimer_set_expires(&f->sl.timer, ktime_sub_ns(ktime_get(), MS));
	psd_sl_tp_cancel(NULL, &f->sl.timer);
	sleep_until_thaw();
	notify(PM_POST_SUSPEND);
	r = kept(test, id);
	KUNIT_EXPECT_EQ(test, r->nvict, 0U);
}

/*
 * Outside cycles a late sleeper is counted per task; a timer due inside
 * the last cycle that fires after it belongs to that cycle, not here.
 */
static void sleepers_outside_excludes_cycle(struct kunit *test)
{
	struct fake_sleeper *f = fake_sleeper(test, CLOCK_BOOTTIME, 21, false);
	struct psd_sl_outside *t = kunit_kzalloc(test, sizeof(*t), GFP_KERNEL);
	struct psd_cycle_marks mk;
	ktime_t now;
	u32 id;

	KUNIT_ASSERT_NOT_NULL(test, t);
	fire(f, 5 * MS);
	fire(f, 20 * MS);
	fire(f, 1000);		/* within hrtimer_late_us: not late */
	psd_sl_get_outside(t);
	KUNIT_ASSERT_EQ(test, t->n, 1U);
	KUNIT_EXPECT_EQ(test, t->t[0].count, 2U);
	KUNIT_EXPECT_GE(test, t->t[0].max_ns, 20 * MS);
	KUNIT_EXPECT_STREQ(test, t->t[0].comm, "psdk-21");

	cycle_until_thaw();
	id = psd_cycle_current();
	notify(PM_POST_SUSPEND);
	KUNIT_ASSERT_TRUE(test, psd_cycle_marks(id, &mk));
	/* Due at the cycle's prepare, fired now. */
	now = hrtimer_cb_get_time(&f->sl.timer);
	hrtimer_set_expires(&f->sl.timer, ns_to_ktime(mk.prepare + 1));
	psd_sl_tp_expire(NULL, &f->sl.timer, &now);
	psd_sl_get_outside(t);
	KUNIT_EXPECT_EQ(test, t->t[0].count, 2U);
}

/* The file: interface headers and keys, and reset clears it. */
static void sleepers_file_and_reset(struct kunit *test)
{
	struct fake_sleeper *f = fake_sleeper(test, CLOCK_TAI, 31, true);
	const struct psd_file *file = &psd_sleepers_layer.files[0];
	const char *victim_line =
		"\ncomm=psdk-31 pid=31 tgid=31 clock=TAI how=expired expires_ns=";
	const char *woken_keys =
		" dropped=0 woken_ran=0 woken_slept=0 woken_gone=0\n";
	char *text;

	begin_state(FREEZE);
	fire(f, 300 * MS);
	sleep_until_thaw();
	notify(PM_POST_SUSPEND);

	KUNIT_ASSERT_STREQ(test, file->name, "sleepers");
	text = psd_kunit_render(test, 8192, file->show, NULL);
	KUNIT_EXPECT_NOT_NULL(test, strstr(text, "# cycle="));
	KUNIT_EXPECT_NOT_NULL(test, strstr(text, " mono_stopped_ms=0"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(text, woken_keys));
	KUNIT_EXPECT_NOT_NULL(test, strstr(text, victim_line));
	KUNIT_EXPECT_NOT_NULL(test, strstr(text, " presleep_ms="));
	KUNIT_EXPECT_NOT_NULL(test, strstr(text, "\n# outside cycles\n"));

	forget_all();	/* what control "reset" does: the store and layers */
	text = psd_kunit_render(test, 8192, file->show, NULL);
	KUNIT_EXPECT_NOT_NULL(test, strstr(text, "\n# outside cycles\n"));
	KUNIT_EXPECT_NULL(test, strstr(text, "# cycle="));
	KUNIT_EXPECT_NULL(test, strstr(text, "comm="));
}

/*
 * The cycle's record carries its victims to report and report.json, with
 * the parts that add up, and the verdict's detail names the worst.
 */
static void sleepers_in_report(struct kunit *test)
{
	struct fake_sleeper *f = fake_sleeper(test, CLOCK_MONOTONIC, 41, true);
	struct psd_report_cycle *r = psd_kunit_record(test);
	struct seq_file *m = psd_kunit_seq(test, 16384);
	const char *want_text =
		"\nsleeper=expired comm=psdk-41 pid=41 clock=MONOTONIC overslept_ms=";
	const char *want_json =
		"\"sleepers\":[{\"how\":\"expired\",\"comm\":\"psdk-41\",\"pid\":41,";
	const char *want_json2 = "\"clock\":\"MONOTONIC\",\"overslept_ms\":";
	const struct psd_sl_cycle *sl;
	const struct psd_sl_split *s;
	struct psd_verdict v;
	struct psd_json j;
	char *text;
	u32 id;

	begin_state(FREEZE);
	id = psd_cycle_current();
	fire(f, 50 * MS);
	sleep_until_thaw();
	notify(PM_POST_SUSPEND);

	KUNIT_ASSERT_TRUE(test, psd_report_get(id, r));
	sl = psd_report_part_of(r, &psd_sleepers_layer);
	KUNIT_ASSERT_NOT_NULL(test, sl);
	KUNIT_ASSERT_EQ(test, sl->nvict, 1U);
	s = &sl->split[0];
	KUNIT_EXPECT_STREQ(test, sl->v[0].comm, "psdk-41");
	KUNIT_EXPECT_EQ(test, sl->v[0].pid, 41);
	KUNIT_EXPECT_EQ(test, s->presleep_ms + s->suspended_ms + s->resume_ms +
			s->thaw_ms, s->overslept_ms);

	psd_verdict(r, &v);
	KUNIT_EXPECT_NOT_NULL_MSG(test, strstr(v.detail, "psdk-41 (pid 41)"),
				  "%s", v.detail);
	psd_report_text(m, r, &v);
	psd_json_begin(&j, m, true);
	psd_report_json(&j, r, &v);
	psd_json_close(&j, true);
	KUNIT_EXPECT_FALSE(test, j.err);
	text = psd_kunit_text(test, m);
	KUNIT_EXPECT_NOT_NULL(test, strstr(text, want_text));
	KUNIT_EXPECT_NOT_NULL(test, strstr(text, want_json));
	KUNIT_EXPECT_NOT_NULL(test, strstr(text, want_json2));
	KUNIT_EXPECT_NOT_NULL(test, strstr(text, "\"sleepers_more\":0"));
}

static struct kunit_case sleepers_cases[] = {
	KUNIT_CASE_PARAM(sleepers_clock_to_boot, conv_gen_params),
	KUNIT_CASE(sleepers_split_parts),
	KUNIT_CASE(sleepers_split_on_marks),
	KUNIT_CASE(sleepers_split_rounding_adds_up),
	KUNIT_CASE(sleepers_split_no_sleep),
	KUNIT_CASE(sleepers_victims_bounded),
	KUNIT_CASE(sleepers_close_cancelled),
	KUNIT_CASE(sleepers_woken_replaced),
	KUNIT_CASE(sleepers_woken_confirmed),
	KUNIT_CASE(sleepers_task_hold),
	KUNIT_CASE(sleepers_woken_after_thaw),
	KUNIT_CASE(sleepers_outside_bounded),
	KUNIT_CASE(sleepers_learns_wakeup_fn),
	KUNIT_CASE(sleepers_cycle_victims),
	KUNIT_CASE(sleepers_woken_before_open),
	KUNIT_CASE(sleepers_cancel_by_other_ignored),
	KUNIT_CASE(sleepers_outside_excludes_cycle),
	KUNIT_CASE(sleepers_file_and_reset),
	KUNIT_CASE(sleepers_in_report),
	{}
};

static struct kunit_suite sleepers_suite = {
	.name = "pmic_sleepdiag_sleepers",
	.init = sleepers_init,
	.test_cases = sleepers_cases,
};

kunit_test_suite(sleepers_suite);
