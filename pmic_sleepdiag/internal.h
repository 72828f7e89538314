/* SPDX-License-Identifier: GPL-2.0 */
/*
 * pmic_sleepdiag - the core as a layer sees it: the descriptor a layer
 * registers, the records it adds, what it tells the cycle's record (its
 * own part: report_part.h).  The core's own header is core.h.
 */
#ifndef _PMIC_SLEEPDIAG_INTERNAL_H
#define _PMIC_SLEEPDIAG_INTERNAL_H

#include <linux/types.h>

struct seq_file;
struct device;
struct psd_part;

#define PSD_NAME_LEN		40	/* wakeup source names, chip names */

/* Module parameters (main.c). */
struct psd_params {
	char *pmic;
	char *watch_irqs;
	unsigned int keep_cycles;
	unsigned int events;
};

extern struct psd_params psd_params;

/* Suspend phases, as named everywhere. */
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

/* Tunables set through control (settings.c). */
enum psd_setting_id {
	PSD_SET_STUCK_MS,
	PSD_SET_WS_STUCK_MS,
	PSD_SET_ALARM_LATE_MS,
	PSD_SET_HRTIMER_LATE_US,
	PSD_SET_POST_RESUME_MS,
	PSD_SET_PROBE_PERIOD_US,
	PSD_SET_GIC_SCAN,
	PSD_SET_RESUME_SLOW_MS,
	PSD_NR_SETTINGS
};

u32 psd_setting(enum psd_setting_id id);

/* An entry of the events or anomaly ring (ring.c), as @type's show reads. */
struct psd_record {
	u64 seq;		/* position in the ring's stream, never reused */
	u64 t_ns;		/* CLOCK_BOOTTIME, ktime_get_boot_fast_ns() */
	u32 cycle;		/* suspend cycle (0: none yet) */
	u16 type;		/* event type or anomaly class */
	u8 phase;		/* suspend phase, where one applies */
	u8 flag;
	s64 v[4];
	union {
		char name[PSD_NAME_LEN];
		struct {	/* a wake through a nested irqchip: parent, child */
			char first[PSD_NAME_LEN / 2];
			char second[PSD_NAME_LEN / 2];
		} pair;
	};
};

/* What a layer does when the core asks; only start and stop are required. */
struct psd_layer_ops {
	/* Attach; or a negative errno, *why a static string for off(<why>). */
	int (*start)(const char **why);
	void (*stop)(void);
	void (*reset)(void);	/* control "reset": forget data, not settings */
	/* A suspend phase began or ended; may run in atomic context. */
	void (*phase)(u32 cycle, enum psd_phase phase, bool start, u64 t_ns);
	void (*apply)(unsigned int setting, u32 value);	/* a setting it owns */
	/* The module's own device got a PM callback (process context). */
	void (*devpm)(u32 cycle, enum psd_phase phase);
	void (*show_summary)(struct seq_file *m); /* summary's "<name>:" */
	/* the version 1 counters it keeps, after events_dropped */
	void (*show_counts)(struct seq_file *m);
	/* summary lines of its own ("key: value"), on or off */
	void (*show_keys)(struct seq_file *m);
	int (*snapshot)(const char **why);	/* control "snapshot" */
	/* control "watch_irq" (@add) and "unwatch_irq" */
	int (*watch)(unsigned int irq, bool add, const char **why);
};

/* An event type or anomaly class a layer brings. */
struct psd_kind {
	u16 id;			/* enum psd_event_type or psd_anomaly_class */
	const char *name;	/* its type= or class= name */
	/* its keys, when the file is read; or NULL */
	void (*show)(struct seq_file *m, const struct psd_record *rec);
};

/* A tunable a layer owns, set through control. */
struct psd_setting_desc {
	u16 id;			/* enum psd_setting_id */
	const char *key;	/* control and summary key */
	u32 def, min, max;
	bool zero_ok;		/* 0 is allowed below @min and means off */
};

/* A debugfs file, in its directory under the root (NULL: the root). */
struct psd_file {
	const char *dir;
	const char *name;
	umode_t mode;
	int (*show)(struct seq_file *m, void *unused);	/* or NULL: @fops */
	const struct file_operations *fops;
};

/* The descriptor a layer registers; each table ends with an empty row. */
struct psd_layer {
	const char *name;	/* "component.<name>" in summary */
	const struct psd_layer_ops *ops; /* NULL: off(not implemented) */
	const struct psd_kind *events;	/* event types it adds */
	const struct psd_kind *classes;	/* anomaly classes it raises */
	const struct psd_setting_desc *settings;
	const struct psd_file *files;
	bool after_contract;	/* newer than version 1: after its keys */
	const struct psd_part *part;	/* its part of each cycle's slot */
	size_t data_size;	/* its data in each core instance, zeroed */
	int (*data_init)(void *data);	/* and made ready, or NULL */
	void (*data_exit)(void *data);	/* what data_init allocated */
	struct {		/* the core's; read through psd_layer_on() */
		unsigned int index;
		size_t part_off;
		size_t data_off;
		bool started;
		bool on;
		const char *why;
	} state;
};

bool psd_layer_on(const struct psd_layer *l);
void *psd_layer_data(const struct psd_layer *l);
void psd_layer_set(struct psd_layer *l, bool on, const char *why);

/* Types of the events timeline (events.c). */
enum psd_event_type {
	PSD_EV_PHASE,
	PSD_EV_CYCLE_END,
	PSD_EV_ANOMALY,
	PSD_EV_WS_ACTIVATE,
	PSD_EV_WS_DEACTIVATE,
	PSD_EV_WAKE_IRQ,
	PSD_EV_ALARM_ARMED,
	PSD_EV_ALARM_FIRED,
	PSD_EV_DEVPM_ERROR,
	PSD_NR_EVENT_TYPES
};

void psd_event_add(struct psd_record *rec);

/* Classes of the anomaly log (anomaly.c). */
enum psd_anomaly_class {
	PSD_AN_WS_NOT_HONORED,
	PSD_AN_WS_STUCK_ACTIVE,
	PSD_AN_IRQ_STUCK_PENDING,
	PSD_AN_ALARM_LATE,
	PSD_AN_HRTIMER_LATE,
	PSD_AN_PMIC_CONFIG_RISK,
	PSD_AN_PMIC_IO_ERROR,
	PSD_AN_RESUME_SLOW,
	PSD_NR_ANOMALY_CLASSES
};

void psd_anomaly_raise(struct psd_record *rec);

/* The suspend cycle tracker (cycle.c). */
#define PSD_WAKE_IRQ_NONE	(-1)	/* watched, none seen */
#define PSD_WAKE_IRQ_UNKNOWN	(-2)	/* cannot be seen */

/* The CLOCK_BOOTTIME boundaries of a cycle a frozen task lives through. */
struct psd_cycle_marks {	/* 0 where the cycle did not pass one */
	u64 prepare;		/* PM_SUSPEND_PREPARE: the cycle opened */
	u64 slept;		/* first sleep (s2idle round, machine_suspend) */
	u64 woke;		/* end of the last sleep */
	u64 resume_start;	/* start of resume_noirq */
	u64 resumed;		/* end of dpm_resume: devices are back */
	u64 thawed;		/* end of thaw_processes: tasks run again */
	u64 post;		/* PM_POST_SUSPEND: the cycle closed */
};

u32 psd_cycle_current(void);
bool psd_cycle_aborted(u32 id);
bool psd_cycle_marks(u32 id, struct psd_cycle_marks *out);
bool psd_cycle_set_wake_irq(u32 id, int irq);
bool psd_cycle_round_slept(void);
void psd_cycle_set_abort_ws(u32 id, const char *name);
void psd_cycle_set_abort_dev(u32 id, const char *dev, int err,
			     enum psd_phase phase);

/* What an irqchip said of one state bit, in the core's digest (report.c). */
enum psd_irqp_bit { PSD_IRQP_NO, PSD_IRQP_YES, PSD_IRQP_UNSUPPORTED };

void psd_report_irq(u32 cycle, unsigned int irq, enum psd_phase at,
		    u8 pending, bool wake, bool stuck);
void psd_report_irq_cause(u32 cycle, unsigned int irq, const char *cause,
			  const char *advice);
bool psd_report_has_anomaly(u32 cycle, unsigned int cls);
bool psd_report_woke_by_rtc(u32 cycle);

struct device *psd_pmdev_device(void);	/* the module's own (pmdev.c) */

/* key=value text (fmt.c). */
void psd_seq_str(struct seq_file *m, const char *key, const char *v);
const char *psd_irqp_bit_name(u8 bit);

#endif /* _PMIC_SLEEPDIAG_INTERNAL_H */
