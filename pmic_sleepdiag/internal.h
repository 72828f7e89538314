/* SPDX-License-Identifier: GPL-2.0 */
/*
 * pmic_sleepdiag - the core as a layer sees it: the descriptor a layer
 * registers, the records it adds to the timeline and the anomaly log, and
 * what it gives the cycle's record.  The core's own header is core.h.
 *
 * Data flows one way: probes and PM callbacks -> per-layer state and the
 * cycle's record -> formatters that run only when a debugfs file is read.
 * Only the control file changes settings.
 */
#ifndef _PMIC_SLEEPDIAG_INTERNAL_H
#define _PMIC_SLEEPDIAG_INTERNAL_H

#include <linux/types.h>
#include <linux/bitops.h>
#include <linux/compiler.h>
#include <linux/ktime.h>

struct seq_file;
struct device;
struct psd_part;

#define PSD_NAME_LEN		40	/* wakeup source names, chip names */

/* ---- module parameters (main.c) ---- */

struct psd_params {
	char *pmic;
	char *watch_irqs;
	unsigned int keep_cycles;
	unsigned int events;
};

extern struct psd_params psd_params;

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
	PSD_SET_GIC_SCAN,
	PSD_SET_RESUME_SLOW_MS,
	PSD_NR_SETTINGS
};

extern u32 psd_settings[PSD_NR_SETTINGS];

/* Settings are u32 so that hot paths read them tear-free on 32-bit too. */
static inline u32 psd_setting(enum psd_setting_id id)
{
	return READ_ONCE(psd_settings[id]);
}

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
 * @pair:	two names where a record needs both (a wake through a nested
 *		irqchip: the parent's action and the child's), each truncated
 *		to half of @name
 */
struct psd_record {
	u64 seq;
	u64 t_ns;
	u32 cycle;
	u16 type;
	u8 phase;
	u8 flag;
	s64 v[4];
	union {
		char name[PSD_NAME_LEN];
		struct {
			char first[PSD_NAME_LEN / 2];
			char second[PSD_NAME_LEN / 2];
		} pair;
	};
};

typedef void (*psd_ring_show_t)(struct seq_file *m,
				const struct psd_record *rec);

/* ---- layers: what each one registers with the core (layer.c) ---- */

/**
 * struct psd_layer_ops - what a layer does when the core asks
 * @start:	attach; return 0, or a negative errno and set *@why to a
 *		static string shown as off(<why>)
 * @stop:	detach; mirror image of @start
 * @reset:	control "reset": forget recorded data, keep settings
 * @phase:	a suspend phase began or ended; may run in atomic context
 * @apply:	a setting owned by this layer changed
 * @devpm:	the module's own device got a PM callback (process context)
 * @show_summary: optional: the value of summary's "<layer name>:" line
 * @show_keys:	optional: summary lines of its own ("key: value"), after
 *		the component lines; called whether the layer is on or off
 * @snapshot:	control "snapshot"
 * @watch:	control "watch_irq" (@add true) and "unwatch_irq"
 */
struct psd_layer_ops {
	int (*start)(const char **why);
	void (*stop)(void);
	void (*reset)(void);
	void (*phase)(u32 cycle, enum psd_phase phase, bool start, u64 t_ns);
	void (*apply)(unsigned int setting, u32 value);
	void (*devpm)(u32 cycle, enum psd_phase phase);
	void (*show_summary)(struct seq_file *m);
	void (*show_keys)(struct seq_file *m);
	int (*snapshot)(const char **why);
	int (*watch)(unsigned int irq, bool add, const char **why);
};

/**
 * struct psd_kind - an event type or anomaly class a layer brings
 * @id:		enum psd_event_type or enum psd_anomaly_class
 * @name:	its type= or class= name
 * @show:	its keys, formatted only when the file is read; may be NULL
 */
struct psd_kind {
	u16 id;
	const char *name;
	psd_ring_show_t show;
};

/**
 * struct psd_setting_desc - a tunable a layer owns, set through control
 * @id:		enum psd_setting_id
 * @key:	control and summary key
 * @def:	default
 * @min:	lowest value
 * @max:	highest value
 * @zero_ok:	0 is allowed below @min and means off
 */
struct psd_setting_desc {
	u16 id;
	const char *key;
	u32 def;
	u32 min;
	u32 max;
	bool zero_ok;
};

/**
 * struct psd_file - a debugfs file, in its directory under the root
 * @dir:	the directory, NULL for the root
 * @name:	the file
 * @mode:	permissions
 * @show:	single_open() show function, or NULL for @fops
 * @fops:	the file's operations when it is not a show file
 */
struct psd_file {
	const char *dir;
	const char *name;
	umode_t mode;
	int (*show)(struct seq_file *m, void *unused);
	const struct file_operations *fops;
};

/**
 * struct psd_layer - the descriptor a layer registers with the core
 * @name:	"component.<name>" in summary
 * @ops:	what it does; NULL shows off(not implemented)
 * @events:	event types it adds to the timeline
 * @nr_events:	rows of @events
 * @classes:	anomaly classes it raises
 * @nr_classes:	rows of @classes
 * @settings:	tunables it owns
 * @nr_settings: rows of @settings
 * @files:	debugfs files it shows
 * @nr_files:	rows of @files
 * @after_contract: its component line follows summary's contract keys
 *		(a layer newer than the version 1 contract)
 * @part:	optional: what it keeps of each cycle for the report
 *		(report_part.h)
 * @state:	the core's; a layer reads it through psd_layer_on()
 */
struct psd_layer {
	const char *name;
	const struct psd_layer_ops *ops;
	const struct psd_kind *events;
	unsigned int nr_events;
	const struct psd_kind *classes;
	unsigned int nr_classes;
	const struct psd_setting_desc *settings;
	unsigned int nr_settings;
	const struct psd_file *files;
	unsigned int nr_files;
	bool after_contract;
	const struct psd_part *part;
	struct {
		const struct psd_layer_ops *ops;
		unsigned int index;
		size_t part_off;
		bool started;
		bool on;
		const char *why;
	} state;
};

bool psd_layer_on(const struct psd_layer *l);
void psd_layer_set(struct psd_layer *l, bool on, const char *why);
const struct psd_layer_ops *psd_layer_get(const struct psd_layer *l);

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
	PSD_EV_DEVPM_ERROR,
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

void psd_event_add(struct psd_record *rec);

/* ---- anomalies (anomaly.c) ---- */

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

/* ---- suspend cycle tracker (cycle.c) ---- */

#define PSD_WAKE_IRQ_NONE	(-1)	/* watched, none seen */
#define PSD_WAKE_IRQ_UNKNOWN	(-2)	/* cannot be seen */

/**
 * struct psd_cycle_marks - the CLOCK_BOOTTIME boundaries of a cycle that a
 *	frozen user task lives through; 0 where the cycle did not pass one
 * @prepare:	PM_SUSPEND_PREPARE: the cycle opened
 * @slept:	start of the first sleep (an s2idle round that slept, or
 *		machine_suspend)
 * @woke:	end of the last sleep
 * @resume_start: start of resume_noirq
 * @resumed:	end of dpm_resume: devices are back
 * @thawed:	end of thaw_processes: user tasks run again
 * @post:	PM_POST_SUSPEND: the cycle closed
 */
struct psd_cycle_marks {
	u64 prepare;
	u64 slept;
	u64 woke;
	u64 resume_start;
	u64 resumed;
	u64 thawed;
	u64 post;
};

u32 psd_cycle_current(void);
bool psd_cycle_aborted(u32 id);
bool psd_cycle_marks(u32 id, struct psd_cycle_marks *out);
bool psd_cycle_set_wake_irq(u32 id, int irq);
bool psd_cycle_round_slept(void);
void psd_cycle_set_abort_ws(u32 id, const char *name);
void psd_cycle_set_abort_dev(u32 id, const char *dev, int err,
			     enum psd_phase phase);

/* ---- the per-cycle record: what each layer reported (report.c) ---- */

/* What an irqchip said about one state bit. */
enum psd_irqp_bit {
	PSD_IRQP_NO,
	PSD_IRQP_YES,
	PSD_IRQP_UNSUPPORTED,
};

void psd_report_irq(u32 cycle, unsigned int irq, enum psd_phase at,
		    u8 pending, bool wake, bool stuck);
void psd_report_irq_cause(u32 cycle, unsigned int irq, const char *cause,
			  const char *advice);
bool psd_report_has_anomaly(u32 cycle, unsigned int cls);
bool psd_report_woke_by_rtc(u32 cycle);

/* ---- the module's own device (pmdev.c) ---- */

struct device *psd_pmdev_device(void);

/* ---- key=value text (fmt.c) ---- */

void psd_seq_str(struct seq_file *m, const char *key, const char *v);
const char *psd_irqp_bit_name(u8 bit);

/* Counters other layers bump for summary; see summary.c. */
struct psd_counters {
	atomic64_t ws_overflow;
	atomic64_t ws_untracked_deactivations;
	atomic_t irq_unsupported;
};

extern struct psd_counters psd_counters;

#endif /* _PMIC_SLEEPDIAG_INTERNAL_H */
