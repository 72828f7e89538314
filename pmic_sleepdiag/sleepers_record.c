// SPDX-License-Identifier: GPL-2.0
/*
 * The sleepers layer's records and their arithmetic, free of probes and
 * locks so that KUnit runs them on instances of its own: clock conversion,
 * the split of an oversleep over the cycle's parts, the bounded tables.
 */
#include <linux/kernel.h>
#include <linux/math64.h>
#include <linux/minmax.h>
#include <linux/string.h>
#include <linux/time64.h>

#include "sleepers.h"

/**
 * psd_sl_clock_name() - the clock= word of a timer's clockid
 * @clock: the clockid
 *
 * Return: MONOTONIC, BOOTTIME, REALTIME, TAI, or "unknown".
 */
const char *psd_sl_clock_name(unsigned int clock)
{
	switch (clock) {
	case CLOCK_MONOTONIC: return "MONOTONIC";
	case CLOCK_BOOTTIME: return "BOOTTIME";
	case CLOCK_REALTIME: return "REALTIME";
	case CLOCK_TAI: return "TAI";
	default: return "unknown";
	}
}

/**
 * psd_sl_how_name() - the how= word
 * @how: enum psd_sl_how
 *
 * Return: "expired" or "cancelled".
 */
const char *psd_sl_how_name(unsigned int how)
{
	return how == PSD_SL_CANCELLED ? "cancelled" : "expired";
}

/**
 * psd_sl_to_boot() - a timer's expiry as CLOCK_BOOTTIME
 * @clock: the timer's clockid
 * @expires: the expiry, in @clock
 * @o: the clocks' offsets from CLOCK_MONOTONIC, read together
 *
 * Every clock an hrtimer runs on is CLOCK_MONOTONIC plus an offset the
 * timekeeper keeps (offs_real, offs_boot, offs_tai).  Those offsets move
 * only when the clock is set (REALTIME, TAI) or sleep time is injected
 * (BOOTTIME): converted with the offsets read when the timer expired, the
 * expiry is the CLOCK_BOOTTIME instant at which its own clock reached it.
 *
 * Return: the expiry in CLOCK_BOOTTIME ns; for an unknown clock, @expires.
 */
s64 psd_sl_to_boot(clockid_t clock, s64 expires, const struct psd_sl_offs *o)
{
	switch (clock) {
	case CLOCK_MONOTONIC:
		return expires + o->boot;
	case CLOCK_REALTIME:
		return expires - o->real + o->boot;
	case CLOCK_TAI:
		return expires - o->tai + o->boot;
	default:
		return expires;
	}
}

/**
 * psd_sl_thaw_ns() - when a cycle's user tasks ran again
 * @mk: the cycle's marks
 *
 * Return: the end of thaw_processes, or post where that was not seen.
 */
u64 psd_sl_thaw_ns(const struct psd_cycle_marks *mk)
{
	return mk->thawed ?: mk->post;
}

/* ns after @d, rounded to ms; 0 for a mark not after @d. */
static u32 psd_sl_ms_after(u64 d, u64 mark)
{
	return mark > d ? DIV_ROUND_CLOSEST_ULL(mark - d, NSEC_PER_MSEC) : 0;
}

/**
 * psd_sl_split() - split an oversleep over the parts of a cycle
 * @deadline: when the sleep should have ended, CLOCK_BOOTTIME
 * @mk: the cycle's marks
 * @out: the oversleep and its parts
 *
 * The parts end at the start of the sleep, at the wake, at the end of
 * device resume and at the thaw; a cycle that did not pass a mark has
 * that part empty.  Each part is the difference of two rounded
 * cumulative times, so the parts add up to @out->overslept_ms exactly.
 */
void psd_sl_split(u64 deadline, const struct psd_cycle_marks *mk,
		  struct psd_sl_split *out)
{
	u64 thaw = psd_sl_thaw_ns(mk);
	u64 resumed, woke, slept;
	u32 ms[4];

	/* Fill the marks not passed, and keep them in order. */
	resumed = min(mk->resumed ?: thaw, thaw);
	woke = min(mk->woke ?: (mk->resume_start ?: resumed), resumed);
	slept = min(mk->slept ?: woke, woke);

	ms[0] = psd_sl_ms_after(deadline, slept);
	ms[1] = psd_sl_ms_after(deadline, woke);
	ms[2] = psd_sl_ms_after(deadline, resumed);
	ms[3] = psd_sl_ms_after(deadline, thaw);
	out->presleep_ms = ms[0];
	out->suspended_ms = ms[1] - ms[0];
	out->resume_ms = ms[2] - ms[1];
	out->thaw_ms = ms[3] - ms[2];
	out->overslept_ms = ms[3];
}

/**
 * psd_sl_rec_add() - note a victim in its cycle's record
 * @r: the record
 * @v: the victim
 *
 * One entry per task.  A task woken before it was frozen (@woken) that
 * sleeps again in the cycle did run in between: its newer sleep replaces
 * the woken one.  Of two sleeps that both met the suspend, the one whose
 * deadline came earlier (it oversleeps more) is kept.
 *
 * Return: false if the task was new and the table full (counted).
 */
bool psd_sl_rec_add(struct psd_sl_cycle *r, const struct psd_sl_victim *v)
{
	unsigned int i;

	for (i = 0; i < r->nvict; i++) {
		struct psd_sl_victim *x = &r->v[i];

		if (x->pid != v->pid)
			continue;
		if (x->woken || (!v->woken && v->deadline_ns < x->deadline_ns))
			*x = *v;
		return true;
	}
	if (r->nvict == PSD_SL_TASKS) {
		r->dropped++;
		return false;
	}
	r->v[r->nvict++] = *v;
	return true;
}

/**
 * psd_sl_rec_confirm() - judge the woken sleeps once every task is frozen
 * @r: the open cycle's record
 * @held: where a task is: frozen on its way back to user space, to @ret,
 *	before it ran (PSD_SL_HELD), or why not
 *
 * Called when devices begin to suspend.  A woken sleep whose task is held
 * is a victim from now on; the others (the task ran, and has slept again
 * or exited) are dropped, counted in @r->not_held by reason.
 */
void psd_sl_rec_confirm(struct psd_sl_cycle *r,
			enum psd_sl_hold (*held)(pid_t pid,
						 const struct psd_sl_ret *ret))
{
	unsigned int i, n = 0;
	enum psd_sl_hold h;

	for (i = 0; i < r->nvict; i++) {
		struct psd_sl_victim *x = &r->v[i];

		if (x->woken) {
			h = held(x->pid, &x->ret);
			if (h != PSD_SL_HELD) {
				r->not_held[h]++;
				continue;
			}
		}
		x->woken = false;
		r->v[n++] = *x;
	}
	r->nvict = n;
}

/* Insertion sort of at most PSD_SL_TASKS: the greatest oversleep first. */
static void psd_sl_rec_sort(struct psd_sl_cycle *r)
{
	struct psd_sl_victim v;
	struct psd_sl_split s;
	unsigned int i, j;

	for (i = 1; i < r->nvict; i++) {
		v = r->v[i];
		s = r->split[i];
		for (j = i; j && r->split[j - 1].overslept_ms < s.overslept_ms;
		     j--) {
			r->v[j] = r->v[j - 1];
			r->split[j] = r->split[j - 1];
		}
		r->v[j] = v;
		r->split[j] = s;
	}
}

/**
 * psd_sl_rec_close() - judge a cycle's victims once it has ended
 * @r: the record
 * @mk: the cycle's marks
 * @o: the clock offsets now, for the deadlines of cancelled sleeps
 *
 * A cancelled sleep's deadline is converted now: its clock may have
 * stopped in the sleep.  A cancelled sleep whose deadline had not come by
 * the thaw did not oversleep, and is no victim; nor is a sleep woken
 * before the freezer came that ended at or after the thaw (a cycle that
 * failed while freezing).  The victims are sorted, the greatest
 * oversleep first.
 */
void psd_sl_rec_close(struct psd_sl_cycle *r, const struct psd_cycle_marks *mk,
		      const struct psd_sl_offs *o)
{
	unsigned int i, n = 0;

	r->thaw_ns = psd_sl_thaw_ns(mk);
	for (i = 0; i < r->nvict; i++) {
		struct psd_sl_victim *x = &r->v[i];

		if (x->how == PSD_SL_CANCELLED)
			x->deadline_ns = max_t(s64, 0,
					       psd_sl_to_boot(x->clock,
							      x->expires, o));
		if (x->how == PSD_SL_CANCELLED && x->deadline_ns >= r->thaw_ns)
			continue;
		if (x->woken && x->at_ns >= r->thaw_ns)
			continue;
		r->v[n] = *x;
		psd_sl_split(x->deadline_ns, mk, &r->split[n]);
		n++;
	}
	r->nvict = n;
	psd_sl_rec_sort(r);
	r->closed = true;
}

/**
 * psd_sl_out_add() - count a late sleep outside cycles
 * @t: the table
 * @tgid: the task's process
 * @comm: its comm
 * @late_ns: how late its timer fired
 */
void psd_sl_out_add(struct psd_sl_outside *t, pid_t tgid, const char *comm,
		    u64 late_ns)
{
	struct psd_sl_late *e;
	unsigned int i;

	for (i = 0; i < t->n; i++) {
		e = &t->t[i];
		if (e->tgid == tgid && !strncmp(e->comm, comm, sizeof(e->comm)))
			goto found;
	}
	if (t->n == PSD_SL_OUTSIDE) {
		t->dropped++;
		return;
	}
	e = &t->t[t->n++];
	memset(e, 0, sizeof(*e));
	e->tgid = tgid;
	strscpy(e->comm, comm, sizeof(e->comm));
found:
	e->count++;
	e->max_ns = max(e->max_ns, late_ns);
}
