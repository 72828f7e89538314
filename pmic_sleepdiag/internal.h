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
#include <linux/compiler.h>

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
	PSD_NR_EVENT_TYPES
};

enum psd_cycle_result {
	PSD_RES_OPEN,
	PSD_RES_RESUMED,
	PSD_RES_ABORTED,
	PSD_RES_NO_SLEEP,
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
u64 psd_anomalies_total(void);
u64 psd_anomalies_dropped(void);
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
};

int psd_cycle_init(unsigned int keep);
void psd_cycle_exit(void);
u32 psd_cycle_current(void);
u64 psd_cycle_count(void);
bool psd_cycle_get(u32 id, struct psd_cycle *out);
void psd_cycles_reset(void);
const char *psd_step_name(unsigned int step);

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
