// SPDX-License-Identifier: GPL-2.0
/*
 * Alarms armed across a suspend, and how late they really woke the system.
 *
 * alarmtimer_suspend reports the soonest alarm, its type and its expiry in
 * its own clock base (REALTIME alarms in epoch time); the expiry is turned
 * into CLOCK_BOOTTIME with the realtime-boottime offset taken at the
 * cycle's prepare.  alarmtimer_fired tells when it fired; the end of the
 * cycle's last sleep tells when the system woke.  Once the cycle is over
 * and the alarm fired (or the wake alone is already too late) the alarm is
 * judged once: late_ms, cause and, above alarm_late_ms, ALARM_LATE.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/alarmtimer.h>
#include <linux/math64.h>
#include <linux/minmax.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/timekeeping.h>
#include <trace/events/alarmtimer.h>

#include "../pmic_sleepdiag/internal.h"
#include "internal.h"

/* Alarm types by their base clock, as alarm/history names them. */
static const char *const psd_alarm_types[] = { "REALTIME", "BOOTTIME" };

static const char *const psd_alarm_causes[PSD_NR_ALARM_CAUSES] = {
	[PSD_ALARM_PENDING] = "pending",
	[PSD_ALARM_ON_TIME] = "none",
	[PSD_ALARM_RTC_GRANULARITY] = "rtc_granularity",
	[PSD_ALARM_IRQ_STUCK_PENDING] = "irq_stuck_pending",
	[PSD_ALARM_WS_NOT_HONORED] = "ws_not_honored",
	[PSD_ALARM_UNKNOWN] = "unknown",
};

/* The layer's data in a core instance (psd_layer_data()). */
struct psd_alm {
	raw_spinlock_t lock;
	struct psd_alarm *hist;	/* keep_cycles entries, by n % keep */
	unsigned int keep;
	unsigned long n;	/* entries recorded since load or reset */
	s64 real_off;		/* realtime - boottime at off_cycle's prepare */
	u32 off_cycle;
	unsigned long bad_types;	/* alarmtimer_suspend types ignored */
};

static struct psd_alm *psd_alm(void)
{
	return psd_layer_data(&psd_alarm_layer);
}

static int psd_alm_data_init(void *data)
{
	struct psd_alm *alm = data;

	raw_spin_lock_init(&alm->lock);
	alm->keep = psd_params.keep_cycles;
	alm->hist = kcalloc(alm->keep, sizeof(*alm->hist), GFP_KERNEL);
	return alm->hist ? 0 : -ENOMEM;
}

static void psd_alm_data_exit(void *data)
{
	struct psd_alm *alm = data;

	kfree(alm->hist);
}

static struct psd_tp psd_alarm_tps[] = {
	{ .name = "alarmtimer_suspend", .probe = psd_alarm_tp_suspend },
	{ .name = "alarmtimer_fired", .probe = psd_alarm_tp_fired },
};

PSD_TP_CHECK(alarmtimer_suspend, psd_alarm_tp_suspend)
PSD_TP_CHECK(alarmtimer_fired, psd_alarm_tp_fired)

static struct psd_alarm *psd_alarm_latest_locked(struct psd_alm *alm)
{
	if (!alm->n)
		return NULL;
	return &alm->hist[(alm->n - 1) % alm->keep];
}

/* max(woke, fired) - expected; false when neither is known yet. */
static bool psd_alarm_late_ns(const struct psd_alarm *a, s64 *late)
{
	u64 end = max(a->woke_ns, a->fired_ns);

	if (!end)
		return false;
	*late = (s64)(end - a->expected_ns);
	return true;
}

static u8 psd_alarm_cause(const struct psd_alarm *a, s64 late)
{
	s64 woke = a->woke_ns ? (s64)(a->woke_ns - a->expected_ns) : 0;

	if (late <= 0)
		return PSD_ALARM_ON_TIME;
	/* The wake itself within the RTC's one-second step. */
	if (woke > 0 && woke <= NSEC_PER_SEC && psd_report_woke_by_rtc(a->cycle))
		return PSD_ALARM_RTC_GRANULARITY;
	/* Causes other layers saw, read from the cycle's record. */
	if (psd_report_has_anomaly(a->cycle, PSD_AN_IRQ_STUCK_PENDING))
		return PSD_ALARM_IRQ_STUCK_PENDING;
	if (psd_report_has_anomaly(a->cycle, PSD_AN_WS_NOT_HONORED))
		return PSD_ALARM_WS_NOT_HONORED;
	return PSD_ALARM_UNKNOWN;
}

static const char *psd_alarm_type_name(unsigned int type)
{
	return type < ARRAY_SIZE(psd_alarm_types) ? psd_alarm_types[type] :
						    "unknown";
}

static const char *psd_alarm_cause_name(unsigned int cause)
{
	return cause < PSD_NR_ALARM_CAUSES ? psd_alarm_causes[cause] :
					     "unknown";
}

/**
 * psd_alarm_describe() - an alarm as the report shows it
 * @a: the alarm, from psd_alarm_get()
 * @out: its alarm/history keys
 */
static void psd_alarm_describe(const struct psd_alarm *a, struct psd_rpt_alarm *out)
{
	s64 late;

	out->type = psd_alarm_type_name(a->type);
	out->cause = psd_alarm_cause_name(a->cause);
	out->expected_ns = a->expected_ns;
	out->woke_ns = a->woke_ns;
	out->fired_ns = a->fired_ns;
	out->late_known = psd_alarm_late_ns(a, &late);
	out->late_ms = out->late_known ? div_s64(late, NSEC_PER_MSEC) : 0;
}

/* Give the cycle's record the alarm as it is now; lock held. */
static void psd_alarm_publish(const struct psd_alarm *a)
{
	struct psd_rpt_wake_alarm w;
	struct psd_rpt_alarm r;

	psd_alarm_describe(a, &r);
	psd_report_part(&psd_alarm_layer, a->cycle, 0, &r, sizeof(r));
	/* What the PMIC's rules cite as the effect of a fault in SLEEP. */
	w = (struct psd_rpt_wake_alarm){
		.type = r.type,
		.late_ms = r.late_ms,
		.beyond_step = a->cause != PSD_ALARM_RTC_GRANULARITY,
	};
	psd_report_wake_alarm(a->cycle, &w);
}

/* Judge @a once: its cause and, over the threshold, ALARM_LATE. */
static void psd_alarm_judge(struct psd_alarm *a, u64 t)
{
	struct psd_record an = {
		.t_ns = t,
		.cycle = a->cycle,
		.type = PSD_AN_ALARM_LATE,
		.flag = a->type,
	};
	s64 late;

	if (a->cause != PSD_ALARM_PENDING || !psd_alarm_late_ns(a, &late))
		return;
	a->cause = psd_alarm_cause(a, late);
	if (late <= (s64)psd_setting(PSD_SET_ALARM_LATE_MS) * NSEC_PER_MSEC)
		return;
	an.phase = a->cause;
	an.v[0] = a->expected_ns;
	an.v[1] = a->woke_ns;
	an.v[2] = a->fired_ns;
	an.v[3] = div_s64(late, NSEC_PER_MSEC);
	psd_anomaly_raise(&an);
}

/*
 * The base clock of a traced alarm type.  A frozen clock_nanosleep(*_ALARM)
 * sleeper is reported as ALARM_*_FREEZER, with its expiry in the base
 * clock's time; 3 and 4 are not 1 and 0 with a flag bit.
 */
static bool psd_alarm_base_type(int flag, u8 *type, bool *freezer)
{
	switch (flag) {
	case ALARM_REALTIME:
	case ALARM_BOOTTIME:
		*type = flag;
		*freezer = false;
		return true;
	case ALARM_REALTIME_FREEZER:
		*type = ALARM_REALTIME;
		*freezer = true;
		return true;
	case ALARM_BOOTTIME_FREEZER:
		*type = ALARM_BOOTTIME;
		*freezer = true;
		return true;
	default:
		return false;
	}
}

/**
 * psd_alarm_tp_suspend() - probe on alarmtimer_suspend
 * @data: unused
 * @expires: the soonest alarm's expiry, in its own clock base
 * @flag: its alarm type, one of the ALARM_*_FREEZER types for a frozen
 *	clock_nanosleep() sleeper; any other type is counted and ignored
 *
 * Context: the alarmtimer device's suspend callback (process, but the
 * probe runs with preemption disabled).
 */
void psd_alarm_tp_suspend(void *data, ktime_t expires, int flag)
{
	struct psd_alm *alm = psd_alm();
	struct psd_record ev = {
		.t_ns = ktime_get_boot_fast_ns(),
		.cycle = psd_cycle_current(),
		.type = PSD_EV_ALARM_ARMED,
	};
	unsigned long flags;
	struct psd_alarm *a;
	bool freezer;
	s64 off = 0;

	if (!psd_alarm_base_type(flag, &ev.flag, &freezer)) {
		raw_spin_lock_irqsave(&alm->lock, flags);
		alm->bad_types++;
		raw_spin_unlock_irqrestore(&alm->lock, flags);
		return;
	}
	raw_spin_lock_irqsave(&alm->lock, flags);
	if (ev.flag == ALARM_REALTIME)
		off = alm->off_cycle == ev.cycle ? alm->real_off :
			ktime_get_real_ns() - ktime_get_boottime_ns();
	a = psd_alarm_latest_locked(alm);
	if (a) {
		psd_alarm_judge(a, ev.t_ns);
		psd_alarm_publish(a);
	}
	a = &alm->hist[alm->n++ % alm->keep];
	memset(a, 0, sizeof(*a));
	a->cycle = ev.cycle;
	a->type = ev.flag;
	a->freezer = freezer;
	a->expires = ktime_to_ns(expires);
	a->expected_ns = max_t(s64, a->expires - off, 0);
	a->cause = PSD_ALARM_PENDING;
	ev.v[0] = a->expires;
	ev.v[1] = a->expected_ns;
	psd_alarm_publish(a);
	raw_spin_unlock_irqrestore(&alm->lock, flags);

	psd_event_add(&ev);
}

/*
 * Whether @alarm, firing at @t (CLOCK_BOOTTIME) when its base said @now,
 * is @a.  The one the sleep covered has its type and expiry; after thaw a
 * freezer-path sleeper is a new alarm with the same ones, so the pointer
 * tells nothing.  A periodic alarm has already moved on when traced, so
 * one that was due also counts if it fires within post_resume_ms of the
 * wake.  Any other alarm of the type is not this one: a cancelled or
 * re-armed alarm leaves @a to be judged on the wake alone.
 */
static bool psd_alarm_is_covered(const struct psd_alarm *a,
				 const struct alarm *alarm, ktime_t now, u64 t)
{
	u64 window = (u64)psd_setting(PSD_SET_POST_RESUME_MS) * NSEC_PER_MSEC;

	if (a->fired_ns || alarm->type != a->type)
		return false;
	if (ktime_to_ns(alarm->node.expires) == a->expires)
		return true;
	return a->woke_ns && ktime_to_ns(now) >= a->expires &&
	       t <= a->woke_ns + window;
}

/**
 * psd_alarm_tp_fired() - probe on alarmtimer_fired
 * @data: unused
 * @alarm: the alarm that fired (a restarted one already moved on)
 * @now: its clock base's time
 *
 * Only the alarm armed across the latest suspend is of interest; see
 * psd_alarm_is_covered().  Context: hardirq.
 */
void psd_alarm_tp_fired(void *data, struct alarm *alarm, ktime_t now)
{
	struct psd_alm *alm = psd_alm();
	struct psd_record ev = {
		.t_ns = ktime_get_boot_fast_ns(),
		.type = PSD_EV_ALARM_FIRED,
	};
	unsigned long flags;
	struct psd_alarm *a;
	bool emit = false;

	raw_spin_lock_irqsave(&alm->lock, flags);
	a = psd_alarm_latest_locked(alm);
	if (a && psd_alarm_is_covered(a, alarm, now, ev.t_ns)) {
		a->fired_ns = ev.t_ns;
		if (a->closed)
			psd_alarm_judge(a, ev.t_ns);
		ev.cycle = a->cycle;
		ev.flag = a->type;
		ev.v[0] = a->expected_ns;
		ev.v[1] = div_s64((s64)(a->fired_ns - a->expected_ns),
				  NSEC_PER_MSEC);
		psd_alarm_publish(a);
		emit = true;
	}
	raw_spin_unlock_irqrestore(&alm->lock, flags);

	if (emit)
		psd_event_add(&ev);
}

static void psd_alarm_phase(u32 cycle, enum psd_phase phase, bool start,
			    u64 t_ns)
{
	struct psd_alm *alm = psd_alm();

	/* The end of a sleep: not of an s2idle round that never slept. */
	bool woke = !start && (phase == PSD_PH_MACHINE_SUSPEND ||
			       (phase == PSD_PH_S2IDLE &&
				psd_cycle_round_slept()));
	unsigned long flags;
	struct psd_alarm *a;
	s64 late;

	raw_spin_lock_irqsave(&alm->lock, flags);
	a = psd_alarm_latest_locked(alm);
	if (!a || a->cycle != cycle)
		goto out;
	if (woke)
		a->woke_ns = t_ns;
	if (start && phase == PSD_PH_POST) {
		a->closed = true;
		/* Judge now if it fired, or if the wake alone is too late. */
		if (a->fired_ns ||
		    (psd_alarm_late_ns(a, &late) &&
		     late > (s64)psd_setting(PSD_SET_ALARM_LATE_MS) *
			    NSEC_PER_MSEC))
			psd_alarm_judge(a, t_ns);
	}
	psd_alarm_publish(a);
out:
	raw_spin_unlock_irqrestore(&alm->lock, flags);
}

/* The offset is read in process context, where timekeeping is live. */
static void psd_alarm_devpm(u32 cycle, enum psd_phase phase)
{
	struct psd_alm *alm = psd_alm();
	s64 off;
	unsigned long flags;

	if (phase != PSD_PH_PREPARE)
		return;
	off = ktime_to_ns(ktime_sub(ktime_get_real(), ktime_get_boottime()));
	raw_spin_lock_irqsave(&alm->lock, flags);
	alm->real_off = off;
	alm->off_cycle = cycle;
	raw_spin_unlock_irqrestore(&alm->lock, flags);
}

/**
 * psd_alarm_get() - copy a recorded alarm, newest first
 * @i: 0 for the newest
 * @out: where to copy it
 *
 * Return: false past the oldest one kept.
 */
bool psd_alarm_get(unsigned int i, struct psd_alarm *out)
{
	struct psd_alm *alm = psd_alm();
	unsigned long flags;
	bool found = false;

	raw_spin_lock_irqsave(&alm->lock, flags);
	if (i < alm->keep && i < alm->n) {
		*out = alm->hist[(alm->n - 1 - i) % alm->keep];
		found = true;
	}
	raw_spin_unlock_irqrestore(&alm->lock, flags);
	return found;
}

/**
 * psd_alarm_history_show() - the alarm/history file, oldest first
 * @m: the seq_file
 * @unused: unused
 *
 * Return: 0.
 */
int psd_alarm_history_show(struct seq_file *m, void *unused)
{
	struct psd_alm *alm = psd_alm();
	struct psd_alarm a;
	unsigned int i, n;
	unsigned long total;
	s64 late;

	if (!psd_layer_on(&psd_alarm_layer)) {
		seq_puts(m, "# component alarm is off\n");
		return 0;
	}
	for (n = 0; psd_alarm_get(n, &a); n++)
		;
	total = READ_ONCE(alm->n);
	if (total > n)
		seq_printf(m, "# dropped=%lu (keep_cycles)\n", total - n);
	if (READ_ONCE(alm->bad_types))
		seq_printf(m, "# unknown_types=%lu (ignored)\n",
			   READ_ONCE(alm->bad_types));
	for (i = n; i-- > 0;) {
		if (!psd_alarm_get(i, &a))
			continue;
		seq_printf(m, "cycle=%u type=%s expected_ns=%llu woke_ns=%llu fired_ns=%llu",
			   a.cycle, psd_alarm_type_name(a.type), a.expected_ns,
			   a.woke_ns, a.fired_ns);
		if (psd_alarm_late_ns(&a, &late))
			seq_printf(m, " late_ms=%lld", div_s64(late,
							       NSEC_PER_MSEC));
		else
			seq_puts(m, " late_ms=unknown");
		seq_printf(m, " cause=%s%s\n", psd_alarm_cause_name(a.cause),
			   a.freezer ? " via=freezer" : "");
	}
	return 0;
}

/**
 * psd_alarm_event_show() - formatter of the alarm_armed/alarm_fired events
 * @m: the seq_file
 * @r: the event
 */
static void psd_alarm_event_show(struct seq_file *m, const struct psd_record *r)
{
	seq_printf(m, " alarm=%s", psd_alarm_type_name(r->flag));
	if (r->type == PSD_EV_ALARM_ARMED)
		seq_printf(m, " expires_ns=%lld expected_ns=%lld", r->v[0],
			   r->v[1]);
	else
		seq_printf(m, " expected_ns=%lld fired_late_ms=%lld", r->v[0],
			   r->v[1]);
}

/**
 * psd_alarm_late_show() - class keys of ALARM_LATE
 * @m: the seq_file
 * @r: the anomaly
 */
static void psd_alarm_late_show(struct seq_file *m, const struct psd_record *r)
{
	seq_printf(m, " type=%s expected_ns=%lld woke_ns=%lld fired_ns=%lld late_ms=%lld cause=%s",
		   psd_alarm_type_name(r->flag), r->v[0], r->v[1], r->v[2],
		   r->v[3], psd_alarm_cause_name(r->phase));
}

static int psd_alarm_start(const char **why)
{
	struct psd_alm *alm = psd_alm();
	unsigned long flags;

	raw_spin_lock_irqsave(&alm->lock, flags);
	alm->n = 0;
	alm->off_cycle = 0;
	alm->bad_types = 0;
	raw_spin_unlock_irqrestore(&alm->lock, flags);
	return psd_tp_attach(psd_alarm_tps, ARRAY_SIZE(psd_alarm_tps), why);
}

static void psd_alarm_stop(void)
{
	psd_tp_detach(psd_alarm_tps, ARRAY_SIZE(psd_alarm_tps));
}

static void psd_alarm_reset(void)
{
	struct psd_alm *alm = psd_alm();
	unsigned long flags;

	raw_spin_lock_irqsave(&alm->lock, flags);
	alm->n = 0;
	alm->bad_types = 0;
	raw_spin_unlock_irqrestore(&alm->lock, flags);
}

static const struct psd_layer_ops psd_alarm_ops = {
	.start = psd_alarm_start,
	.stop = psd_alarm_stop,
	.reset = psd_alarm_reset,
	.phase = psd_alarm_phase,
	.devpm = psd_alarm_devpm,
};

static const struct psd_kind psd_alarm_events[] = {
	{ PSD_EV_ALARM_ARMED, "alarm_armed", psd_alarm_event_show },
	{ PSD_EV_ALARM_FIRED, "alarm_fired", psd_alarm_event_show },
	{}
};

static const struct psd_kind psd_alarm_classes[] = {
	{ PSD_AN_ALARM_LATE, "ALARM_LATE", psd_alarm_late_show },
	{}
};

static const struct psd_setting_desc psd_alarm_settings[] = {
	{ PSD_SET_ALARM_LATE_MS, "alarm_late_ms", 100, 1, 600000 },
	{}
};

static const struct psd_file psd_alarm_files[] = {
	{ "alarm", "history", 0400, psd_alarm_history_show },
	{}
};

struct psd_layer psd_alarm_layer = {
	.name = "alarm",
	.ops = &psd_alarm_ops,
	.events = psd_alarm_events,
	.classes = psd_alarm_classes,
	.settings = psd_alarm_settings,
	.files = psd_alarm_files,
	.part = &psd_alarm_part,
	.data_size = sizeof(struct psd_alm),
	.data_init = psd_alm_data_init,
	.data_exit = psd_alm_data_exit,
};
