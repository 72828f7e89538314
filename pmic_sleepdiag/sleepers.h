/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The sleepers layer (sleepers.c, sleepers_record.c, sleepers_clock.c):
 * user tasks whose timed sleep (a struct hrtimer_sleeper) met a suspend
 * cycle, and the ones that woke late outside cycles.  Every table is
 * fixed-size and allocated at load, so the probes never allocate.
 */
#ifndef _PMIC_SLEEPDIAG_SLEEPERS_H
#define _PMIC_SLEEPDIAG_SLEEPERS_H

#include <linux/hrtimer.h>
#include <linux/sched.h>
#include <linux/time.h>

#include "internal.h"
#include "report_part.h"

#define PSD_RPT_SLEEPERS	3	/* worst victims in the report */

#define PSD_SL_TASKS	32	/* victims kept per cycle, one per task */
#define PSD_SL_OUTSIDE	32	/* tasks in the outside-cycles table */

/* How a sleep met the suspend: struct psd_sl_victim.how. */
enum psd_sl_how {
	PSD_SL_EXPIRED,		/* its timer fired while the task was frozen */
	PSD_SL_CANCELLED,	/* the freezer woke it and its timer was cancelled */
};

/*
 * How far CLOCK_REALTIME, CLOCK_BOOTTIME and CLOCK_TAI are ahead of
 * CLOCK_MONOTONIC, read together (the timekeeper's offs_real/boot/tai).
 */
struct psd_sl_offs {
	s64 real;
	s64 boot;
	s64 tai;
};

/**
 * struct psd_sl_ret - where a sleeping task returns to user space
 * @pc:	its saved user program counter
 * @sp:	its saved user stack pointer
 */
struct psd_sl_ret {
	unsigned long pc;
	unsigned long sp;
};

/*
 * enum psd_sl_hold - where a woken sleep's task was when devices began to
 * suspend: held before it ran (a victim), or why it is not one.
 */
enum psd_sl_hold {
	PSD_SL_HELD,		/* frozen by the fake signal, returning to @ret */
	PSD_SL_RAN,		/* frozen by the fake signal, returning elsewhere */
	PSD_SL_SLEPT,		/* frozen in a sleep begun after the wake */
	PSD_SL_GONE,		/* exited, or not frozen */
	PSD_SL_HOLDS
};

/**
 * struct psd_sl_victim - one task's sleep that met a suspend cycle
 * @comm:	the task's comm when it was seen
 * @pid:	its pid
 * @tgid:	its process
 * @clock:	the timer's clockid
 * @how:	enum psd_sl_how
 * @expires:	the hard expiry, in @clock
 * @deadline_ns: @expires as CLOCK_BOOTTIME (for a cancelled sleep,
 *		converted again at the cycle's end)
 * @at_ns:	CLOCK_BOOTTIME when it expired or was cancelled
 * @woken:	its timer fired before the task was frozen: a victim only if
 *		the freezer caught it before it ran (no later sleep of the
 *		task in the cycle) and before the thaw
 * @ret:	where the task was to return to user space (for @woken)
 */
struct psd_sl_victim {
	char comm[TASK_COMM_LEN];
	pid_t pid;
	pid_t tgid;
	u8 clock;
	u8 how;
	bool woken;
	struct psd_sl_ret ret;
	s64 expires;
	u64 deadline_ns;
	u64 at_ns;
};

/**
 * struct psd_sl_split - where an oversleep went, in ms that add up
 * @overslept_ms: thaw time minus deadline
 * @presleep_ms: of it, before the sleep (freezing, device suspend)
 * @suspended_ms: in s2idle or machine suspend
 * @resume_ms:	in the device resume phases
 * @thaw_ms:	from the end of device resume to the thaw
 */
struct psd_sl_split {
	u32 overslept_ms;
	u32 presleep_ms;
	u32 suspended_ms;
	u32 resume_ms;
	u32 thaw_ms;
};

/**
 * struct psd_sl_cycle - the sleepers of one cycle: the layer's part of the
 *	cycle's slot, written when the cycle ends; the report shows the
 *	worst PSD_RPT_SLEEPERS, the sleepers file all
 * @closed:	PM_POST_SUSPEND came: the victims are judged and sorted
 * @offs_boot:	CLOCK_BOOTTIME - CLOCK_MONOTONIC at prepare
 * @mono_stopped_ns: how far CLOCK_MONOTONIC fell behind CLOCK_BOOTTIME
 *		from prepare to post
 * @thaw_ns:	when user tasks ran again (the end of thaw_processes, or
 *		post where that was not seen)
 * @nvict:	entries in @v
 * @dropped:	tasks that did not fit in @v
 * @not_held:	woken sleeps not kept, by enum psd_sl_hold
 * @v:		the victims; once @closed, worst first
 * @split:	@v's oversleep, by part, once @closed
 */
struct psd_sl_cycle {
	bool closed;
	s64 offs_boot;
	s64 mono_stopped_ns;
	u64 thaw_ns;
	u32 nvict;
	u32 dropped;
	u32 not_held[PSD_SL_HOLDS];
	struct psd_sl_victim v[PSD_SL_TASKS];
	struct psd_sl_split split[PSD_SL_TASKS];
};

/**
 * struct psd_sl_late - a task whose timed sleeps ended late outside cycles
 * @comm:	its comm, part of the key
 * @tgid:	its process, the other part
 * @count:	sleeps later than hrtimer_late_us
 * @max_ns:	the latest
 */
struct psd_sl_late {
	char comm[TASK_COMM_LEN];
	pid_t tgid;
	u32 count;
	u64 max_ns;
};

/**
 * struct psd_sl_outside - late sleepers outside suspend cycles
 * @n:		entries in @t
 * @dropped:	late sleeps of tasks that did not fit
 * @t:		the tasks, in the order first seen
 */
struct psd_sl_outside {
	u32 n;
	u64 dropped;
	struct psd_sl_late t[PSD_SL_OUTSIDE];
};

/* ---- the records and their arithmetic (sleepers_record.c) ---- */

const char *psd_sl_clock_name(unsigned int clock);
const char *psd_sl_how_name(unsigned int how);
s64 psd_sl_to_boot(clockid_t clock, s64 expires, const struct psd_sl_offs *o);
void psd_sl_split(u64 deadline, const struct psd_cycle_marks *mk,
		  struct psd_sl_split *out);
u64 psd_sl_thaw_ns(const struct psd_cycle_marks *mk);
bool psd_sl_rec_add(struct psd_sl_cycle *r, const struct psd_sl_victim *v);
void psd_sl_rec_confirm(struct psd_sl_cycle *r,
			enum psd_sl_hold (*held)(pid_t pid,
						 const struct psd_sl_ret *ret));
void psd_sl_rec_close(struct psd_sl_cycle *r, const struct psd_cycle_marks *mk,
		      const struct psd_sl_offs *o);
void psd_sl_out_add(struct psd_sl_outside *t, pid_t tgid, const char *comm,
		    u64 late_ns);

/* ---- facts of the kernel's clocks for summary (sleepers_clock.c) ---- */

void psd_sl_offs_now(struct psd_sl_offs *o);
const char *psd_sl_clocksource(void);
void psd_sl_hres_count(unsigned int *hres, unsigned int *online);

/* ---- the layer (sleepers.c) ---- */

/* The layer's probes, exposed so KUnit drives them like the kernel. */
struct hrtimer;
typedef enum hrtimer_restart (*psd_sl_fn_t)(struct hrtimer *timer);
void psd_sl_tp_expire(void *data, struct hrtimer *timer, ktime_t *now);
void psd_sl_tp_cancel(void *data, struct hrtimer *timer);
void psd_sl_tp_suspend(void *data, const char *action, int val, bool start);
void psd_sl_get_outside(struct psd_sl_outside *out);
psd_sl_fn_t psd_sl_sleeper_fn(void);
#if IS_ENABLED(CONFIG_KUNIT)
/* KUnit only: how the confirmation judges a woken sleep's frozen task. */
struct task_struct;
enum psd_sl_hold psd_sl_task_hold(struct task_struct *p,
				  const struct psd_sl_ret *ret);
#endif

extern struct psd_layer psd_sleepers_layer;
extern const struct psd_part psd_sleepers_part;

#endif /* _PMIC_SLEEPDIAG_SLEEPERS_H */
