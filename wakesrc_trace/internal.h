/* SPDX-License-Identifier: GPL-2.0 */
/*
 * wakesrc_trace - what the files of wakesrc_trace/ call in each other.
 *
 * The wakeup-source table, the wake IRQ and the alarm path, with the
 * inputs KUnit drives them by.  Two layers (wakesrc, alarm); they reach
 * each other only through the core.
 */
#ifndef _PSD_WAKESRC_TRACE_INTERNAL_H
#define _PSD_WAKESRC_TRACE_INTERNAL_H

#include "../pmic_sleepdiag/internal.h"
#include "../pmic_sleepdiag/report_part.h"
#include "../pmic_sleepdiag/tp_attach.h"

/* The alarm armed across the cycle's suspend, as alarm/history shows it. */
struct psd_rpt_alarm {
	const char *type;
	const char *cause;
	u64 expected_ns;
	u64 woke_ns;
	u64 fired_ns;
	s64 late_ms;
	bool late_known;
};

/* ---- the two layers' descriptors and files ---- */

extern struct psd_layer psd_wakesrc_layer;
extern struct psd_layer psd_alarm_layer;
extern const struct psd_part psd_alarm_part;
int psd_wakesrc_sources_show(struct seq_file *m, void *unused);
int psd_alarm_history_show(struct seq_file *m, void *unused);

/* ---- wakeup sources (wakesrc.c) ---- */

struct seq_file;
struct alarm;

#define PSD_WS_MAX	256	/* names in the table; more count ws_overflow */

/**
 * struct psd_ws_info - what is known of one wakeup source name
 * @name:	the name, truncated to fit
 * @nest:	activations not yet deactivated (names repeat)
 * @activations: activations seen
 * @deactivations: deactivations seen
 * @in_suspend:	activations from prepare to the first resume phase
 * @max_active_ns: longest active stretch
 * @last_phase:	phase of the last activation; PSD_NR_PHASES outside a
 *		cycle, 0xff never activated
 */
struct psd_ws_info {
	char name[PSD_NAME_LEN];
	u32 nest;
	u64 activations;
	u64 deactivations;
	u64 in_suspend;
	u64 max_active_ns;
	u8 last_phase;
};

void psd_ws_tp_activate(void *data, const char *name, unsigned int state);
void psd_ws_tp_deactivate(void *data, const char *name, unsigned int state);
void psd_ws_phase(u32 cycle, enum psd_phase phase, bool start, u64 t_ns);
void psd_ws_stuck_scan(u64 now);
bool psd_ws_info_at(unsigned int i, struct psd_ws_info *out);
bool psd_ws_info_get(const char *name, struct psd_ws_info *out);

/* ---- the wake IRQ of each cycle (wakeirq.c) ---- */

#define PSD_WAKEIRQ_MAX_PARENTS	8	/* nested irqchips told apart */

/*
 * Part of the wakesrc layer's data in a core instance (psd_wq()).
 * @parents: IRQs that nested-thread children name as their parent, learnt
 * at prepare; @held: a wake of one of them waiting for its child in @ev.
 */
struct psd_wq {
	raw_spinlock_t lock;
	unsigned int parents[PSD_WAKEIRQ_MAX_PARENTS];
	unsigned int nparents;
	bool held;
	struct psd_record ev;
};

struct psd_wq *psd_wq(void);
void psd_wakeirq_start(void);
void psd_wakeirq_stop(void);
bool psd_wakeirq_armed(void);
void psd_wakeirq_prepare(void);
void psd_wakeirq_note(unsigned int irq, s64 hwirq, const char *name);
void psd_wakeirq_hold(unsigned int irq, s64 hwirq, const char *name);
void psd_wakeirq_child(unsigned int irq, unsigned int parent,
		       const char *name);
void psd_wakeirq_flush(void);
bool psd_wakeirq_is_nested_parent(unsigned int irq);
void psd_wakeirq_add_nested_parent(unsigned int irq);
bool psd_wakeirq_is_rtc_name(const char *name);
void psd_wakeirq_event_show(struct seq_file *m, const struct psd_record *r);

/* ---- alarms across suspend (alarm.c) ---- */

enum psd_alarm_cause {
	PSD_ALARM_PENDING,		/* not judged yet */
	PSD_ALARM_ON_TIME,		/* late_ms <= 0 */
	PSD_ALARM_RTC_GRANULARITY,
	PSD_ALARM_IRQ_STUCK_PENDING,
	PSD_ALARM_WS_NOT_HONORED,
	PSD_ALARM_UNKNOWN,
	PSD_NR_ALARM_CAUSES
};

/**
 * struct psd_alarm - one alarm armed across a suspend
 * @cycle:	the cycle whose alarmtimer_suspend reported it
 * @type:	ALARM_REALTIME or ALARM_BOOTTIME
 * @freezer:	armed through the freezer path (a frozen clock_nanosleep()
 *		sleeper, traced as ALARM_*_FREEZER)
 * @closed:	the cycle is over
 * @cause:	enum psd_alarm_cause, set when judged
 * @expires:	expiry in its own clock base, ns
 * @expected_ns: expiry in CLOCK_BOOTTIME
 * @woke_ns:	end of the cycle's last sleep (0: did not sleep)
 * @fired_ns:	when alarmtimer_fired reported it (0: not yet)
 */
struct psd_alarm {
	u32 cycle;
	u8 type;
	bool freezer;
	bool closed;
	u8 cause;
	s64 expires;
	u64 expected_ns;
	u64 woke_ns;
	u64 fired_ns;
};

void psd_alarm_tp_suspend(void *data, ktime_t expires, int flag);
void psd_alarm_tp_fired(void *data, struct alarm *alarm, ktime_t now);
bool psd_alarm_get(unsigned int i, struct psd_alarm *out);

#endif /* _PSD_WAKESRC_TRACE_INTERNAL_H */
