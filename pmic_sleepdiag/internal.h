/* SPDX-License-Identifier: GPL-2.0 */
/*
 * pmic_sleepdiag - what the files of pmic_sleepdiag/ call in each other.
 *
 * Data flows one way: probes and PM callbacks -> per-component state ->
 * formatters that run only when a debugfs file is read.  Only the control
 * file changes settings.
 */
#ifndef _PMIC_SLEEPDIAG_INTERNAL_H
#define _PMIC_SLEEPDIAG_INTERNAL_H

#include <linux/types.h>
#include <linux/bitops.h>
#include <linux/compiler.h>
#include <linux/ktime.h>

struct seq_file;
struct dentry;
struct device;
struct notifier_block;

#define PSD_INTERFACE_VERSION	1
#define PSD_NAME_LEN		40	/* wakeup source names, chip names */

/* ---- module parameters (main.c) ---- */

struct psd_params {
	char *pmic;
	char *watch_irqs;
	unsigned int keep_cycles;
	unsigned int events;
};

extern struct psd_params psd_params;

int psd_params_check(const struct psd_params *p);

/* ---- suspend phases, as named everywhere ---- */

enum psd_phase {
	PSD_PH_PREPARE,
	PSD_PH_SUSPEND,
	PSD_PH_SUSPEND_LATE,
	PSD_PH_SUSPEND_NOIRQ,
	PSD_PH_S2IDLE,
	PSD_PH_MACHINE_SUSPEND,
	PSD_PH_RESUME_NOIRQ,
	PSD_PH_RESUME_EARLY,
	PSD_PH_RESUME,
	PSD_PH_POST,
	PSD_PH_MANUAL,
	PSD_NR_PHASES
};

const char *psd_phase_name(unsigned int phase);

/* ---- tunables set through control (settings.c) ---- */

enum psd_setting_id {
	PSD_SET_STUCK_MS,
	PSD_SET_WS_STUCK_MS,
	PSD_SET_ALARM_LATE_MS,
	PSD_SET_HRTIMER_LATE_US,
	PSD_SET_POST_RESUME_MS,
	PSD_SET_PROBE_PERIOD_US,
	PSD_NR_SETTINGS
};

extern u32 psd_settings[PSD_NR_SETTINGS];

/* Settings are u32 so that hot paths read them tear-free on 32-bit too. */
static inline u32 psd_setting(enum psd_setting_id id)
{
	return READ_ONCE(psd_settings[id]);
}

int psd_setting_lookup(const char *key);
int psd_setting_check(unsigned int id, u64 value, const char **why);
int psd_setting_apply(unsigned int id, u32 value);
const char *psd_setting_key(unsigned int id);
unsigned int psd_setting_owner(unsigned int id);
void psd_settings_init(void);
bool psd_setting_range(unsigned int id, u32 *min, u32 *max);

/* ---- components (component.c) ---- */

enum psd_component_id {
	PSD_COMP_PMIC,
	PSD_COMP_WAKESRC,
	PSD_COMP_ALARM,
	PSD_COMP_IRQPEND,
	PSD_COMP_HRTIMER,
	PSD_NR_COMPONENTS
};

/**
 * struct psd_component_ops - what a layer plugs into the module
 * @start:	attach; return 0, or a negative errno and set *@why to a
 *		static string shown as off(<why>)
 * @stop:	detach; mirror image of @start
 * @reset:	control "reset": forget recorded data, keep settings
 * @phase:	a suspend phase began or ended; may run in atomic context
 * @apply:	a setting owned by this component changed
 * @devpm:	the module's own device got a PM callback (process context)
 * @show_summary: optional extra text for summary, after the component line
 * @snapshot:	control "snapshot"
 * @watch:	control "watch_irq" (@add true) and "unwatch_irq"
 */
struct psd_component_ops {
	int (*start)(const char **why);
	void (*stop)(void);
	void (*reset)(void);
	void (*phase)(u32 cycle, enum psd_phase phase, bool start, u64 t_ns);
	void (*apply)(unsigned int setting, u32 value);
	void (*devpm)(u32 cycle, enum psd_phase phase);
	void (*show_summary)(struct seq_file *m);
	int (*snapshot)(const char **why);
	int (*watch)(unsigned int irq, bool add, const char **why);
};

const struct psd_component_ops *psd_component_get(unsigned int id);

const char *psd_component_name(unsigned int id);
bool psd_component_on(unsigned int id);
void psd_component_set(unsigned int id, bool on, const char *why);
void psd_components_start(void);
void psd_components_stop(void);
void psd_components_reset(void);
void psd_components_phase(u32 cycle, enum psd_phase phase, bool start,
			  u64 t_ns);
void psd_component_apply(unsigned int setting, u32 value);
void psd_components_devpm(u32 cycle, enum psd_phase phase);
int psd_component_show(struct seq_file *m, unsigned int id);

/* Each layer provides its ops; NULL where the layer is not built yet. */
extern const struct psd_component_ops *const psd_component_ops[];
void psd_components_use_ops(const struct psd_component_ops *const *ops);

/* ---- records: the events timeline and the anomaly log (ring.c) ---- */

/**
 * struct psd_record - one fixed-size entry of a ring
 * @seq:	position in the ring's stream, never reused
 * @t_ns:	CLOCK_BOOTTIME, from ktime_get_boot_fast_ns()
 * @cycle:	suspend cycle the record belongs to (0: none yet)
 * @type:	event type or anomaly class, read by the ring's formatter
 * @phase:	suspend phase, where one applies
 * @flag:	type-specific (start/end, result, ...)
 * @v:		type-specific numbers
 * @name:	type-specific name (wakeup source, failed step, ...)
 */
struct psd_record {
	u64 seq;
	u64 t_ns;
	u32 cycle;
	u16 type;
	u8 phase;
	u8 flag;
	s64 v[4];
	char name[PSD_NAME_LEN];
};

struct psd_ring;

struct psd_ring *psd_ring_create(unsigned int capacity);
void psd_ring_destroy(struct psd_ring *ring);
void psd_ring_add(struct psd_ring *ring, struct psd_record *rec);
bool psd_ring_get(struct psd_ring *ring, u64 *pos, struct psd_record *out);
void psd_ring_clear(struct psd_ring *ring);
u64 psd_ring_dropped(struct psd_ring *ring);
u64 psd_ring_total(struct psd_ring *ring);

struct file;
typedef void (*psd_ring_show_t)(struct seq_file *m,
				const struct psd_record *rec);
int psd_ring_seq_open(struct file *file, struct psd_ring *ring,
		      psd_ring_show_t show);

/* ---- events timeline (events.c) ---- */

enum psd_event_type {
	PSD_EV_PHASE,
	PSD_EV_CYCLE_END,
	PSD_EV_ANOMALY,
	PSD_EV_WS_ACTIVATE,
	PSD_EV_WS_DEACTIVATE,
	PSD_EV_WAKE_IRQ,
	PSD_EV_ALARM_ARMED,
	PSD_EV_ALARM_FIRED,
	PSD_NR_EVENT_TYPES
};

enum psd_cycle_result {
	PSD_RES_OPEN,
	PSD_RES_RESUMED,
	PSD_RES_ABORTED,
	PSD_RES_NO_SLEEP,
	PSD_RES_UNKNOWN,	/* the sleep itself cannot be seen */
	PSD_NR_RESULTS
};

int psd_events_init(unsigned int capacity);
void psd_events_exit(void);
void psd_event_add(struct psd_record *rec);
void psd_events_reset(void);
bool psd_events_get(u64 *pos, struct psd_record *out);
u64 psd_events_dropped(void);
extern const struct file_operations psd_events_fops;

/* ---- anomalies (anomaly.c) ---- */

enum psd_anomaly_class {
	PSD_AN_WS_NOT_HONORED,
	PSD_AN_WS_STUCK_ACTIVE,
	PSD_AN_IRQ_STUCK_PENDING,
	PSD_AN_ALARM_LATE,
	PSD_AN_HRTIMER_LATE,
	PSD_AN_PMIC_CONFIG_RISK,
	PSD_AN_PMIC_IO_ERROR,
	PSD_NR_ANOMALY_CLASSES
};

int psd_anomalies_init(void);
void psd_anomalies_exit(void);
void psd_anomaly_raise(struct psd_record *rec);
void psd_anomalies_reset(void);
bool psd_anomalies_get(u64 *pos, struct psd_record *out);
u64 psd_anomalies_total(void);
u64 psd_anomalies_dropped(void);
u64 psd_anomalies_of_class(unsigned int cls);
bool psd_anomaly_in_cycle(unsigned int cls, u32 cycle);
const char *psd_anomaly_class_name(unsigned int cls);
extern const struct file_operations psd_anomalies_fops;

/* ---- suspend cycle tracker (cycle.c) ---- */

/* Steps a suspend can fail in, named as /sys/power/suspend_stats does. */
enum psd_step {
	PSD_STEP_NOTIFIER,
	PSD_STEP_FREEZE,
	PSD_STEP_PREPARE,
	PSD_STEP_SUSPEND,
	PSD_STEP_SUSPEND_LATE,
	PSD_STEP_SUSPEND_NOIRQ,
	PSD_NR_STEPS
};

/**
 * struct psd_cycle - what the tracker knows of one suspend attempt
 * @id:		cycle number, from 1
 * @state:	suspend_state_t asked for (1 freeze, 2 standby, 3 mem)
 * @result:	enum psd_cycle_result
 * @step:	enum psd_step: deepest suspend step begun
 * @s2idle_loops: s2idle_enter() rounds
 * @machine_suspends: suspend-to-RAM/standby entries
 * @t_start:	CLOCK_BOOTTIME of each phase's first start (0: never)
 * @t_end:	CLOCK_BOOTTIME of each phase's last end (0: never)
 * @t_woke:	end of the last s2idle/machine_suspend (0: never slept)
 * @wake_irq:	the first wake IRQ, PSD_WAKE_IRQ_NONE or _UNKNOWN
 * @abort_ws:	the wakeup source that aborted it, "" when none is known
 */
struct psd_cycle {
	u32 id;
	u8 state;
	u8 result;
	u8 step;
	u32 s2idle_loops;
	u32 machine_suspends;
	u64 t_start[PSD_NR_PHASES];
	u64 t_end[PSD_NR_PHASES];
	u64 t_woke;
	s32 wake_irq;
	char abort_ws[PSD_NAME_LEN];
};

#define PSD_WAKE_IRQ_NONE	(-1)	/* watched, none seen */
#define PSD_WAKE_IRQ_UNKNOWN	(-2)	/* cannot be seen */

int psd_cycle_init(unsigned int keep);
void psd_cycle_exit(void);
u32 psd_cycle_current(void);
u64 psd_cycle_count(void);
u64 psd_cycles_ended(unsigned int result);
bool psd_cycle_get(u32 id, struct psd_cycle *out);
void psd_cycles_reset(void);
const char *psd_step_name(unsigned int step);
const char *psd_state_name(s64 state);
bool psd_cycle_set_wake_irq(u32 id, int irq);
void psd_cycle_set_abort_ws(u32 id, const char *name);
void psd_cycle_devpm(enum psd_phase phase);
void psd_cycle_set_devpm_phases(bool on);
bool psd_cycle_devpm_phases(void);

/* The tracker's inputs, exposed so KUnit can drive it like the kernel. */
void psd_cycle_tp_suspend_resume(void *data, const char *action, int val,
				 bool start);
int psd_cycle_pm_notify(struct notifier_block *nb, unsigned long action,
			void *unused);

/* ---- the module's own device and its PM callbacks (pmdev.c) ---- */

int psd_pmdev_init(void);
void psd_pmdev_exit(void);
struct device *psd_pmdev_device(void);

/* ---- control commands (control.c) ---- */

#define PSD_CONTROL_MAX	128

int psd_control_submit(const char *buf, size_t len, loff_t pos);
int psd_control_show_error(struct seq_file *m);
void psd_control_clear_error(void);
extern const struct file_operations psd_control_fops;

/* ---- hrtimer latency histogram: the arithmetic (hrtimer_hist.c) ---- */

#define PSD_HIST_SUB_BITS	5
#define PSD_HIST_SUB		BIT(PSD_HIST_SUB_BITS)
/* 64 exact buckets, then 32 per power of two: every u64 has a bucket. */
#define PSD_HIST_BUCKETS	((64 - PSD_HIST_SUB_BITS + 1) * PSD_HIST_SUB)
#define PSD_HIST_NR_PCT		4	/* p50 p90 p99 p999 */

/* One CPU's or a merged histogram, as a reader copies it out. */
struct psd_hist_snap {
	u64 count;
	u64 sum;
	u64 min;
	u64 max;
	u64 suspended;
	u64 bucket[PSD_HIST_BUCKETS];
};

struct psd_hist_stats {
	u64 count;
	u64 min;
	u64 avg;
	u64 max;
	u64 p[PSD_HIST_NR_PCT];
};

extern const u16 psd_hist_permille[PSD_HIST_NR_PCT];

/**
 * psd_hist_index() - the bucket a value falls in; inline for the probe
 * @v: the value, in ns
 *
 * Return: 0 .. PSD_HIST_BUCKETS - 1, monotone in @v.
 */
static inline unsigned int psd_hist_index(u64 v)
{
	unsigned int shift;

	if (v < 2 * PSD_HIST_SUB)
		return v;
	/* v >> shift lands in [PSD_HIST_SUB, 2 * PSD_HIST_SUB). */
	shift = fls64(v) - 1 - PSD_HIST_SUB_BITS;
	return shift * PSD_HIST_SUB + (unsigned int)(v >> shift);
}

u64 psd_hist_lo(unsigned int idx);
u64 psd_hist_hi(unsigned int idx);
u64 psd_hist_mid(unsigned int idx);
void psd_hist_snap_add(struct psd_hist_snap *s, u64 v);
void psd_hist_snap_derive(struct psd_hist_snap *s);
void psd_hist_merge(struct psd_hist_snap *dst, const struct psd_hist_snap *src);
void psd_hist_stats(const struct psd_hist_snap *s, struct psd_hist_stats *st);

/* ---- hrtimer latency: probe, windows, file (hrtimer_lat.c) ---- */

enum psd_hrt_window {
	PSD_HRT_ALL,
	PSD_HRT_POST_RESUME,
	PSD_HRT_PROBE,
	PSD_HRT_NR_WINDOWS
};

extern const struct psd_component_ops psd_hrtimer_ops;
int psd_hrtimer_latency_show(struct seq_file *m, void *unused);
void psd_hrtimer_late_show(struct seq_file *m, const struct psd_record *rec);

/* One measuring instance; the component runs one, KUnit its own. */
struct psd_hrt;
struct hrtimer;

/* The last sleep: CLOCK_BOOTTIME start and end (0 while asleep). */
struct psd_hrt_sleep {
	u64 start;
	u64 end;
};

#define PSD_HRT_IN_POST_RESUME	BIT(0)
#define PSD_HRT_SUSPENDED	BIT(1)

unsigned int psd_hrt_classify(const struct psd_hrt_sleep *s, clockid_t clock,
			      u64 late, u64 now, u64 post_ns);
struct psd_hrt *psd_hrt_create(u64 (*clock)(void), u32 cycle);
void psd_hrt_destroy(struct psd_hrt *st);
void psd_hrt_probe(void *data, struct hrtimer *timer, ktime_t *now);
void psd_hrt_phase(struct psd_hrt *st, u32 cycle, enum psd_phase phase,
		   bool start, u64 t_ns);
void psd_hrt_window_close(struct psd_hrt *st);
void psd_hrt_reset(struct psd_hrt *st);
void psd_hrt_set_period(struct psd_hrt *st, u32 us);
struct hrtimer *psd_hrt_probe_timer(struct psd_hrt *st);
int psd_hrt_show(struct psd_hrt *st, struct seq_file *m);
size_t psd_hrt_memory(const struct psd_hrt *st);

/* ---- irqpend: interrupts stuck pending (irqpend.c) ---- */

extern const struct psd_component_ops psd_irqpend_ops;
int psd_irqpend_pending_show(struct seq_file *m, void *unused);
bool psd_irqpend_stuck_in_cycle(unsigned int irq, u32 cycle);
unsigned int psd_irqpend_stuck_irqs(u32 cycle, unsigned int *irqs,
				    unsigned int max);

/* ---- irqpend: watch table, classifier, lines (irqpend_classify.c) ---- */

#define PSD_IRQP_MAX		64	/* watched IRQs, INTERFACE.md */
#define PSD_IRQP_MIN_SAMPLES	3	/* samples before "stuck" */
#define PSD_IRQP_LOG		256	/* (irq, cycle) stuck records kept */

/* What an irqchip said about one state bit. */
enum psd_irqp_bit {
	PSD_IRQP_NO,
	PSD_IRQP_YES,
	PSD_IRQP_UNSUPPORTED,
};

/* Why an IRQ is watched; the entry goes when no reason is left. */
#define PSD_IRQP_WHY_WAKE	BIT(0)	/* wake-armed at the last refresh */
#define PSD_IRQP_WHY_PARAM	BIT(1)	/* watch_irqs= */
#define PSD_IRQP_WHY_USER	BIT(2)	/* control watch_irq */
#define PSD_IRQP_WHY_PARENT	BIT(3)	/* parent of an unsupported one */

/* Where a sample was taken, as the anomaly's at= shows it. */
#define PSD_IRQP_AT_POLL	PSD_NR_PHASES

/**
 * struct psd_irqp_sample - one look at one IRQ
 * @t_ns:	CLOCK_BOOTTIME of the look
 * @count:	handler count, summed over CPUs
 * @pending:	enum psd_irqp_bit, IRQCHIP_STATE_PENDING
 * @active:	enum psd_irqp_bit, IRQCHIP_STATE_ACTIVE
 * @masked:	enum psd_irqp_bit, IRQCHIP_STATE_MASKED
 * @wake:	wake-armed (irqd_is_wakeup_set)
 * @enabled:	not disabled (for per-CPU IRQs: on the sampling CPU)
 */
struct psd_irqp_sample {
	u64 t_ns;
	u64 count;
	u8 pending;
	u8 active;
	u8 masked;
	bool wake;
	bool enabled;
};

/**
 * struct psd_irqp_class - classifier state of one IRQ
 * @pend_t0:	first sample of the current run of pending samples
 * @streak_t0:	first sample of the current stuck candidate streak
 * @streak_count: handler count during the streak
 * @streak_n:	samples in the streak (0: none)
 * @pending:	the last sample was pending
 * @stuck:	stuck now; set once per episode
 */
struct psd_irqp_class {
	u64 pend_t0;
	u64 streak_t0;
	u64 streak_count;
	u32 streak_n;
	bool pending;
	bool stuck;
};

/**
 * struct psd_irqp_entry - one watched IRQ
 * @irq:	Linux IRQ number
 * @why:	PSD_IRQP_WHY_* bits
 * @hwirq:	hwirq at the chip level that answers (GIC INTID)
 * @parent_irq:	the descriptor's parent line (nested PMIC IRQs), 0: none
 * @ident:	irq_data seen when added, never dereferenced: reuse check
 * @ident_domain: its domain, same purpose
 * @ident_hwirq: its hwirq, same purpose
 * @stuck_cycle: the last cycle logged as stuck in
 * @stuck_logged: @stuck_cycle is valid
 * @last:	the last sample
 * @cls:	classifier state
 * @chip:	name of the chip that answers (or of the top chip)
 */
struct psd_irqp_entry {
	unsigned int irq;
	u8 why;
	unsigned long hwirq;
	unsigned int parent_irq;
	const void *ident;
	const void *ident_domain;
	unsigned long ident_hwirq;
	u32 stuck_cycle;
	bool stuck_logged;
	struct psd_irqp_sample last;
	struct psd_irqp_class cls;
	char chip[PSD_NAME_LEN];
};

struct psd_irqp_stuck_rec {
	u32 cycle;
	u32 irq;
};

/**
 * struct psd_irqp_table - the bounded watch list, sorted by IRQ
 * @n:		entries in use
 * @overflow:	IRQs that did not fit
 * @dropped:	entries dropped because their descriptor went away
 * @log_n:	stuck records ever written; the last PSD_IRQP_LOG are kept
 * @e:		the entries
 * @log:	(irq, cycle) pairs seen stuck, for the report
 */
struct psd_irqp_table {
	unsigned int n;
	u64 overflow;
	u64 dropped;
	unsigned int log_n;
	struct psd_irqp_entry e[PSD_IRQP_MAX];
	struct psd_irqp_stuck_rec log[PSD_IRQP_LOG];
};

bool psd_irqp_classify(struct psd_irqp_class *c,
		       const struct psd_irqp_sample *s, u64 stuck_ns);
u64 psd_irqp_pending_ms(const struct psd_irqp_class *c,
			const struct psd_irqp_sample *s);
struct psd_irqp_entry *psd_irqp_find(struct psd_irqp_table *t,
				     unsigned int irq);
struct psd_irqp_entry *psd_irqp_add(struct psd_irqp_table *t,
				    unsigned int irq, u8 why);
void psd_irqp_remove(struct psd_irqp_table *t, struct psd_irqp_entry *e);
void psd_irqp_sweep(struct psd_irqp_table *t);
unsigned int psd_irqp_unsupported(const struct psd_irqp_table *t);
bool psd_irqp_log_stuck(struct psd_irqp_table *t, struct psd_irqp_entry *e,
			u32 cycle);
bool psd_irqp_was_stuck(const struct psd_irqp_table *t, unsigned int irq,
			u32 cycle);
void psd_irqp_show_line(struct seq_file *m, const struct psd_irqp_entry *e,
			const struct psd_irqp_sample *s,
			const struct psd_irqp_class *c);
void psd_irqp_stuck_record(struct psd_record *rec,
			   const struct psd_irqp_entry *e,
			   const struct psd_irqp_sample *s,
			   const struct psd_irqp_class *c, u32 cycle, u8 at);
void psd_irqpend_stuck_show(struct seq_file *m, const struct psd_record *rec);
const char *psd_irqp_bit_name(u8 bit);

/* ---- wakeup sources, wake IRQ, alarms (wakesrc_trace/) ---- */

extern const struct psd_component_ops psd_wakesrc_ops;
extern const struct psd_component_ops psd_alarm_ops;
int psd_wakesrc_sources_show(struct seq_file *m, void *unused);
int psd_alarm_history_show(struct seq_file *m, void *unused);
void psd_ws_event_show(struct seq_file *m, const struct psd_record *r);
void psd_wakeirq_event_show(struct seq_file *m, const struct psd_record *r);
void psd_alarm_event_show(struct seq_file *m, const struct psd_record *r);
void psd_ws_not_honored_show(struct seq_file *m, const struct psd_record *r);
void psd_ws_stuck_show(struct seq_file *m, const struct psd_record *r);
void psd_alarm_late_show(struct seq_file *m, const struct psd_record *r);

/* ---- PMIC: register profiles (pmic_regs_tps65910.c) ---- */

#define PSD_PMIC_MAX_REGS	72	/* rows of the largest profile */
#define PSD_PMIC_NR_ADDR	0x80	/* addresses 0x00..max_register */

/* A field of a register, decoded with its mask only. */
struct psd_pmic_field {
	const char *name;
	const char *meaning;
	u8 mask;
};

/* A register; @fields ends with an empty row; @cached: not volatile in
 * the driver's regmap.
 */
struct psd_pmic_reg {
	const char *name;
	const struct psd_pmic_field *fields;
	u8 addr;
	bool cached;
};

/* One regmap_bulk_read(); @cached as for its registers. */
struct psd_pmic_range {
	u8 first;
	u8 last;
	bool cached;
};

/* A chip: registers sorted by address, the ranges that read them. */
struct psd_pmic_profile {
	const char *chip;
	const struct psd_pmic_reg *regs;
	unsigned int nregs;
	const struct psd_pmic_range *ranges;
	unsigned int nranges;
	unsigned int max_register;
};

extern const struct psd_pmic_profile psd_pmic_tps65910;
extern const struct psd_pmic_profile psd_pmic_tps65911;
extern const struct psd_pmic_profile *const psd_pmic_profiles[];

const struct psd_pmic_profile *psd_pmic_profile_find(const char *chip);
int psd_pmic_reg_index(const struct psd_pmic_profile *prof, unsigned int addr);
const struct psd_pmic_field *psd_pmic_field_find(const struct psd_pmic_reg *reg,
						 u8 mask);

static inline unsigned int psd_pmic_field_val(u8 val, u8 mask)
{
	return (val & mask) >> __ffs(mask);
}

/* ---- PMIC: snapshots (pmic_snapshot.c) ---- */

/* Snapshot slots of a cycle; the phases are in pmic_snapshot.c. */
#define PSD_PMIC_NR_SLOTS	7

/**
 * struct psd_pmic_snap - the registers of a profile at one moment
 * @t_ns:	CLOCK_BOOTTIME when the reads began
 * @prof:	the chip read; NULL: empty slot
 * @cycle:	suspend cycle
 * @err:	first read error, 0 if none
 * @phase:	enum psd_phase
 * @val:	values, by profile row
 * @changed:	rows whose value differs from the previous snapshot's
 * @failed:	rows whose read failed
 */
struct psd_pmic_snap {
	u64 t_ns;
	const struct psd_pmic_profile *prof;
	u32 cycle;
	int err;
	u8 phase;
	u8 val[PSD_PMIC_MAX_REGS];
	DECLARE_BITMAP(changed, PSD_PMIC_MAX_REGS);
	DECLARE_BITMAP(failed, PSD_PMIC_MAX_REGS);
};

struct psd_pmic_store;
struct regmap;

int psd_pmic_slot(unsigned int phase);
struct psd_pmic_store *psd_pmic_store_create(unsigned int keep);
void psd_pmic_store_destroy(struct psd_pmic_store *st);
void psd_pmic_store_reset(struct psd_pmic_store *st);
unsigned int psd_pmic_read(struct regmap *map,
			   const struct psd_pmic_profile *prof,
			   struct psd_pmic_snap *s);
void psd_pmic_store_add(struct psd_pmic_store *st, struct psd_pmic_snap *s);
bool psd_pmic_store_latest(struct psd_pmic_store *st, struct psd_pmic_snap *out);
bool psd_pmic_store_get(struct psd_pmic_store *st, u32 cycle,
			unsigned int phase, struct psd_pmic_snap *out);
bool psd_pmic_store_nth(struct psd_pmic_store *st, loff_t n,
			struct psd_pmic_snap *out);
void psd_pmic_fields_show(struct seq_file *m, const struct psd_pmic_reg *reg,
			  u8 val);
void psd_pmic_snap_show(struct seq_file *m, const struct psd_pmic_snap *s);
int psd_pmic_store_seq_open(struct file *file, struct psd_pmic_store *st);

/* ---- PMIC: sleep-configuration lint (pmic_lint.c) ---- */

enum { PSD_LINT_WARN, PSD_LINT_INFO };
enum { PSD_LINT_SET, PSD_LINT_CLEAR, PSD_LINT_PENDING };
enum { PSD_LINT_NO, PSD_LINT_HOLDS, PSD_LINT_UNKNOWN, PSD_LINT_NA };

/* SET: all @mask bits set; CLEAR: none; PENDING: @reg & ~@reg2 != 0. */
struct psd_pmic_lint_term {
	u8 op;
	u8 reg;
	u8 mask;
	u8 reg2;
};

#define PSD_LINT_MAX_TERMS	4

/**
 * struct psd_pmic_lint_rule - one lint rule
 * @id:		rule= name
 * @detail:	one line: what is wrong and what to change
 * @severity:	PSD_LINT_WARN or PSD_LINT_INFO
 * @any:	holds when one term holds (else: all terms)
 * @reg:	register the finding names (an "any" rule: the term's)
 * @nterms:	terms used
 * @terms:	the tests, which are also the fields the rule reads
 */
struct psd_pmic_lint_rule {
	const char *id;
	const char *detail;
	u8 severity;
	bool any;
	u8 reg;
	u8 nterms;
	struct psd_pmic_lint_term terms[PSD_LINT_MAX_TERMS];
};

extern const struct psd_pmic_lint_rule psd_pmic_lint_rules[];
extern const unsigned int psd_pmic_nr_lint_rules;

const char *psd_pmic_lint_severity(unsigned int severity);
int psd_pmic_lint_eval(const struct psd_pmic_lint_rule *r,
		       const struct psd_pmic_snap *s, u8 *reg);
u32 psd_pmic_lint_warnings(const struct psd_pmic_snap *s, u32 *unknown);
void psd_pmic_lint_snap_show(struct seq_file *m, const struct psd_pmic_snap *s);
void psd_pmic_risk_show(struct seq_file *m, const struct psd_record *rec);

/* ---- PMIC: the component, attach and snapshots (pmic.c) ---- */

struct psd_pmic;

extern const struct psd_component_ops psd_pmic_ops;
extern const struct file_operations psd_pmic_snapshots_fops;
int psd_pmic_lint_show(struct seq_file *m, void *unused);
bool psd_pmic_snapshot_get(u32 cycle, unsigned int phase,
			   struct psd_pmic_snap *out);
void psd_pmic_io_error_show(struct seq_file *m, const struct psd_record *rec);

struct psd_pmic *psd_pmic_create(unsigned int keep, bool live);
void psd_pmic_destroy(struct psd_pmic *p);
int psd_pmic_attach(struct psd_pmic *p, struct device *dev, const char *chip,
		    const char **why);
void psd_pmic_detach(struct psd_pmic *p, const char *why);
struct device *psd_pmic_attached(struct psd_pmic *p, bool *linked);
struct psd_pmic_store *psd_pmic_store_of(struct psd_pmic *p);
u64 psd_pmic_reads(struct psd_pmic *p);
int psd_pmic_take(struct psd_pmic *p, u32 cycle, enum psd_phase phase);
void psd_pmic_reset(struct psd_pmic *p);

/* ---- the per-cycle record: what each layer reported (report.c) ---- */

#define PSD_RPT_MAX_WS		8	/* wakeup sources kept per cycle */
#define PSD_RPT_MAX_IRQS	8	/* pending IRQs kept per cycle */

/* What a wakeup source did in a cycle: struct psd_rpt_ws.what bits. */
#define PSD_RPT_WS_ACTIVATED	BIT(0)	/* activated in the cycle */
#define PSD_RPT_WS_IN_SUSPEND	BIT(1)	/* ... from prepare to resume */
#define PSD_RPT_WS_DEACTIVATED	BIT(2)	/* deactivated in the cycle */
#define PSD_RPT_WS_NOT_HONORED	BIT(3)	/* WS_NOT_HONORED */
#define PSD_RPT_WS_STUCK	BIT(4)	/* WS_STUCK_ACTIVE */
#define PSD_RPT_WS_ABORTED	BIT(5)	/* named as the abort's cause */

struct psd_rpt_ws {
	char name[PSD_NAME_LEN];
	u32 activations;
	u8 what;
};

/* A watched IRQ seen pending; @at_*: enum psd_irqp_bit, or NOT_SEEN. */
#define PSD_RPT_NOT_SEEN	0xff

struct psd_rpt_irq {
	u32 irq;
	u8 at_suspend;
	u8 at_resume;
	bool wake;
	bool stuck;
};

/**
 * struct psd_rpt_hrt - the post_resume timer window of a cycle
 * @count:	expiries in the window
 * @max_ns:	the latest of them
 * @late:	expiries later than @late_us
 * @suspended:	BOOTTIME/REALTIME expiries due while suspended
 * @late_us:	hrtimer_late_us when the window closed
 */
struct psd_rpt_hrt {
	u64 count;
	u64 max_ns;
	u64 late;
	u64 suspended;
	u32 late_us;
};

/* The anomalies of one class in a cycle. */
struct psd_rpt_an {
	u32 count;
	u64 first_seq;
};

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

/* The lint of the cycle's suspend_late snapshot, one bit per rule row. */
struct psd_rpt_pmic {
	const char *chip;
	int err;
	u32 warn;
	u32 info;
	u32 unknown;
};

/**
 * struct psd_report_cycle - everything known of one cycle, for verdict
 * and the report files; assembled by psd_report_get()
 * @c:		the tracker's record
 * @wake_irq_name: the wake IRQ's action or chip name, "" if unknown
 * @nws:	entries in @ws
 * @ws_more:	sources that did not fit (counted by a 64-bucket hash)
 * @ws:		wakeup sources active or activated in the cycle
 * @nirq:	entries in @irq
 * @irq_more:	IRQs that did not fit (counted by a 64-bucket hash)
 * @irq:	watched IRQs seen pending in the cycle
 * @has_hrt:	the post_resume window closed and @hrt is filled
 * @hrt:	post_resume timer latency
 * @an:		anomalies raised in the cycle, by class
 * @hrt_late_windows: windows with HRTIMER_LATE, bits by enum psd_hrt_window
 * @has_alarm:	an alarm was armed across the suspend
 * @alarm:	that alarm
 * @has_pmic:	the cycle has a suspend_late PMIC snapshot
 * @pmic:	its lint
 */
struct psd_report_cycle {
	struct psd_cycle c;
	char wake_irq_name[PSD_NAME_LEN];
	u8 nws;
	u32 ws_more;
	struct psd_rpt_ws ws[PSD_RPT_MAX_WS];
	u8 nirq;
	u32 irq_more;
	struct psd_rpt_irq irq[PSD_RPT_MAX_IRQS];
	bool has_hrt;
	struct psd_rpt_hrt hrt;
	struct psd_rpt_an an[PSD_NR_ANOMALY_CLASSES];
	u8 hrt_late_windows;
	bool has_alarm;
	struct psd_rpt_alarm alarm;
	bool has_pmic;
	struct psd_rpt_pmic pmic;
};

int psd_report_init(unsigned int keep);
void psd_report_exit(void);
void psd_report_reset(void);
void psd_report_event(const struct psd_record *rec);
void psd_report_anomaly(const struct psd_record *rec);
void psd_report_irq(u32 cycle, unsigned int irq, enum psd_phase at,
		    u8 pending, bool wake, bool stuck);
void psd_report_hrt(u32 cycle, const struct psd_rpt_hrt *hrt);
bool psd_report_get(u32 id, struct psd_report_cycle *out);
bool psd_report_range(u32 *first, u32 *last);
const char *psd_report_verdict_name(u32 id);
const char *psd_result_name(unsigned int result);

/* ---- verdict: the most likely cause of a late or failed wake (verdict.c) */

#define PSD_VERDICT_DETAIL	128

/**
 * struct psd_verdict_rule - one row of the verdict table, in precedence
 * @name:	verdict= name
 * @uses:	the report lines (by first key) the rule reads
 * @holds:	true if the rule holds for @r; writes one line of @detail
 */
struct psd_verdict_rule {
	const char *name;
	const char *uses;
	bool (*holds)(const struct psd_report_cycle *r, char *detail,
		      size_t len);
};

/**
 * struct psd_verdict - the verdict on one cycle
 * @rule:	the first rule that holds
 * @also:	the other rules that hold, bits by table row
 * @detail:	@rule's evidence in one line
 */
struct psd_verdict {
	const struct psd_verdict_rule *rule;
	u32 also;
	char detail[PSD_VERDICT_DETAIL];
};

extern const struct psd_verdict_rule psd_verdict_rules[];
extern const unsigned int psd_nr_verdict_rules;

void psd_verdict(const struct psd_report_cycle *r, struct psd_verdict *v);
int psd_verdict_rule_index(const char *name);

/* ---- JSON on a seq_file (json.c) ---- */

#define PSD_JSON_DEPTH	6

/**
 * struct psd_json - a JSON writer's state
 * @m:		where the text goes
 * @depth:	open objects and arrays
 * @comma:	bit d: the container at depth d already has a member
 * @array:	bit d: the container at depth d is an array
 * @err:	nesting was wrong; the output is cut short
 */
struct psd_json {
	struct seq_file *m;
	u8 depth;
	u8 comma;
	u8 array;
	bool err;
};

void psd_json_begin(struct psd_json *j, struct seq_file *m, bool array);
void psd_json_resume(struct psd_json *j, struct seq_file *m, bool array,
		     bool comma);
void psd_json_open(struct psd_json *j, const char *key, bool array);
void psd_json_close(struct psd_json *j, bool array);
void psd_json_str(struct psd_json *j, const char *key, const char *v);
void psd_json_u64(struct psd_json *j, const char *key, u64 v);
void psd_json_s64(struct psd_json *j, const char *key, s64 v);
void psd_json_bool(struct psd_json *j, const char *key, bool v);
void psd_json_null(struct psd_json *j, const char *key);
void psd_json_escape(struct seq_file *m, const char *s);

/* ---- the report files (report_show.c) ---- */

void psd_report_text(struct seq_file *m, const struct psd_report_cycle *r,
		     const struct psd_verdict *v);
void psd_report_json(struct psd_json *j, const struct psd_report_cycle *r,
		     const struct psd_verdict *v);
extern const struct file_operations psd_report_fops;
extern const struct file_operations psd_report_json_fops;

/* ---- key=value text (fmt.c) ---- */

void psd_seq_str(struct seq_file *m, const char *key, const char *v);
const char *psd_wake_irq_word(s64 irq);
void psd_seq_wake_irq(struct seq_file *m, s64 irq);

/* ---- summary (summary.c) ---- */

int psd_summary_show(struct seq_file *m, void *unused);

/* ---- debugfs tree (debugfs.c) ---- */

int psd_debugfs_init(void);
void psd_debugfs_exit(void);

/* Counters other layers bump for summary; see summary.c. */
struct psd_counters {
	atomic64_t ws_overflow;
	atomic64_t ws_untracked_deactivations;
	atomic_t irq_unsupported;
};

extern struct psd_counters psd_counters;

#endif /* _PMIC_SLEEPDIAG_INTERNAL_H */
