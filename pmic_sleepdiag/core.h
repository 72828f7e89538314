/* SPDX-License-Identifier: GPL-2.0 */
/*
 * pmic_sleepdiag - what the core's files call in each other.  Layers do
 * not include this: what they may use is in internal.h.
 */
#ifndef _PMIC_SLEEPDIAG_CORE_H
#define _PMIC_SLEEPDIAG_CORE_H

#include <linux/atomic.h>
#include <linux/mutex.h>
#include <linux/notifier.h>
#include <linux/spinlock.h>

#include "internal.h"
#include "report_part.h"
#include "tp_attach.h"

struct dentry;
struct psd_core;
struct psd_tracker;
struct file;
struct notifier_block;

/* ---- moved from internal.h: what only the core reads ---- */

#define PSD_INTERFACE_VERSION	1

enum psd_cycle_result {
	PSD_RES_OPEN,
	PSD_RES_RESUMED,
	PSD_RES_ABORTED,
	PSD_RES_NO_SLEEP,
	PSD_RES_UNKNOWN,	/* the sleep itself cannot be seen */
	PSD_NR_RESULTS
};

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

/*
 * @cause and @advice: why the irqchip does not deliver it, as the layer
 * judged it while it was stuck (static strings; NULL: not stuck).
 */
struct psd_rpt_irq {
	u32 irq;
	u8 at_suspend;
	u8 at_resume;
	bool wake;
	bool stuck;
	const char *cause;
	const char *advice;
};

/* The anomalies of one class in a cycle. */
struct psd_rpt_an {
	u32 count;
	u64 first_seq;
	u8 flags;	/* bit by the records' flag, those below 8 */
};

const char *psd_wake_irq_word(s64 irq);
void psd_seq_wake_irq(struct seq_file *m, s64 irq);

/* ---- settings (settings.c) ---- */

int psd_setting_lookup(const char *key);
int psd_setting_check(unsigned int id, u64 value, const char **why);
const char *psd_setting_key(unsigned int id);
struct psd_layer;
int psd_settings_add(struct psd_layer *l);
int psd_settings_check(void);
void psd_settings_init(u32 *settings);
bool psd_setting_range(unsigned int id, u32 *min, u32 *max);

/* ---- rings (ring.c) ---- */

struct psd_ring;

/* Writes a record's keys when its ring's file is read (struct psd_kind). */
typedef void (*psd_ring_show_t)(struct seq_file *m,
				const struct psd_record *rec);

struct psd_ring *psd_ring_create(unsigned int capacity);
void psd_ring_destroy(struct psd_ring *ring);
void psd_ring_add(struct psd_ring *ring, struct psd_record *rec);
bool psd_ring_get(struct psd_ring *ring, u64 *pos, struct psd_record *out);
void psd_ring_clear(struct psd_ring *ring);
u64 psd_ring_dropped(struct psd_ring *ring);
u64 psd_ring_total(struct psd_ring *ring);

int psd_ring_seq_open(struct file *file, struct psd_ring *ring,
		      psd_ring_show_t show);
void psd_ring_show_kind(struct seq_file *m, const struct psd_record *r,
			const char *word, const struct psd_kind *k);
void *psd_seq_next(struct seq_file *m, void *v, loff_t *pos);
void psd_seq_stop(struct seq_file *m, void *v);

/*
 * DEFINE_PSD_SEQ_PRIVATE_FOPS() - the file_operations @__fops of a
 * seq_file whose @__open allocates its iterator with __seq_open_private()
 */
#define DEFINE_PSD_SEQ_PRIVATE_FOPS(__fops, __open)			\
const struct file_operations __fops = {					\
	.owner = THIS_MODULE,						\
	.open = __open,							\
	.read = seq_read,						\
	.llseek = seq_lseek,						\
	.release = seq_release_private,					\
}

/*
 * DEFINE_PSD_RING_FOPS() - @__name##_fops, a file that lists the ring
 * @__ring (read when the file is opened) with psd_ring_seq_open(), one
 * line per record printed by @__show
 */
#define DEFINE_PSD_RING_FOPS(__name, __ring, __show)			\
static int __name##_open(struct inode *inode, struct file *file)	\
{									\
	return psd_ring_seq_open(file, __ring, __show);			\
}									\
DEFINE_PSD_SEQ_PRIVATE_FOPS(__name##_fops, __name##_open)

/* ---- layers (layer.c) ---- */

const struct psd_layer_ops *psd_layer_get(const struct psd_layer *l);

/* The layers main.c registers, in summary order. */
extern struct psd_layer *const psd_layers[];
extern const unsigned int psd_nr_layers;

/**
 * struct psd_layer_set - layers looked up or walked together
 * @layers:	the layers, in summary order
 * @nr:		entries in @layers
 */
struct psd_layer_set {
	struct psd_layer *const *layers;
	unsigned int nr;
};

/* psd_layers[] as a set. */
extern struct psd_layer_set psd_module_layers;

int psd_layers_register(void);
int psd_layer_show(struct seq_file *m, const struct psd_layer *l);
struct psd_layer *psd_layer_with(const struct psd_layer_set *set, size_t op);
struct psd_layer *psd_layer_owning(const struct psd_layer_set *set,
				   unsigned int setting);
void psd_layers_start(void);
void psd_layers_stop(void);
void psd_layers_reset(const struct psd_layer_set *set);
void psd_layers_phase(const struct psd_layer_set *set, u32 cycle,
		      enum psd_phase phase, bool start, u64 t_ns);
void psd_layers_devpm(const struct psd_layer_set *set, u32 cycle,
		      enum psd_phase phase);
void psd_layer_apply(const struct psd_layer *l, unsigned int setting,
		     u32 value);
size_t psd_layers_parts_size(void);
size_t psd_layers_data_size(void);
int psd_layers_data_init(void *data);
void psd_layers_data_exit(void *data, unsigned int n);
const struct psd_layer *psd_layer_part(unsigned int i, bool json);
const struct psd_kind *psd_event_kind(unsigned int type);
const struct psd_kind *psd_anomaly_kind(unsigned int cls);

/* ---- events timeline (events.c) ---- */

int psd_events_init(struct psd_core *c, unsigned int capacity);
void psd_events_exit(struct psd_core *c);
void psd_events_reset(void);
u64 psd_events_dropped(void);
extern const struct file_operations psd_events_fops;

/* ---- anomalies (anomaly.c) ---- */

int psd_anomalies_init(struct psd_core *c);
void psd_anomalies_exit(struct psd_core *c);
void psd_anomalies_reset(void);
u64 psd_anomalies_total(void);
u64 psd_anomalies_of_class(unsigned int cls);
u64 psd_anomalies_dropped(void);
const char *psd_anomaly_class_name(unsigned int cls);
extern const struct file_operations psd_anomalies_fops;

/* ---- suspend cycle tracker (cycle.c) ---- */

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
 * @t_woke:	end of the last s2idle round, or of syscore_resume after a
 *		machine_suspend (0: never slept)
 * @t_thaw:	end of thaw_processes, when user tasks run again (0: not seen)
 * @wake_irq:	the first wake IRQ, PSD_WAKE_IRQ_NONE or _UNKNOWN
 * @abort_ws:	the wakeup source that aborted it, "" when none is known
 * @abort_dev:	the device whose PM callback failed and aborted it, or ""
 * @abort_err:	what that callback returned (0: no callback failed)
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
	u64 t_thaw;
	s32 wake_irq;
	char abort_ws[PSD_NAME_LEN];
	char abort_dev[PSD_NAME_LEN];
	s32 abort_err;
};

/* cycle_end records: v[3] is the step, and -err of abort_dev above it. */
#define PSD_CYCLE_END_ERR_SHIFT	8
#define PSD_CYCLE_END_STEP_MASK	0xff

/**
 * struct psd_cycle_nb - the tracker's PM notifier
 * @nb:		what the PM core calls
 * @layers:	the layers told of the cycles it opens and closes
 */
struct psd_cycle_nb {
	struct notifier_block nb;
	const struct psd_layer_set *layers;
};

bool psd_cycle_get(u32 id, struct psd_cycle *out);
void psd_tracker_init(struct psd_tracker *trk);
int psd_cycle_init(void);
void psd_cycle_exit(void);
u64 psd_cycle_count(void);
u64 psd_cycles_ended(unsigned int result);
void psd_cycles_reset(void);
const char *psd_step_name(unsigned int step);
const char *psd_state_name(s64 state);
void psd_cycle_devpm(enum psd_phase phase);
bool psd_cycle_devpm_phases(void);

/* ---- the module's own device and its PM callbacks (pmdev.c) ---- */

int psd_pmdev_init(void);
void psd_pmdev_exit(void);

/* ---- control commands (control.c) ---- */

#define PSD_CONTROL_MAX	128

/**
 * struct psd_control - what control commands act on
 * @layers:	the layers that own the commands and the settings
 * @settings:	the values "set" writes, by enum psd_setting_id
 * @reset:	what "reset" clears besides the layers' own state
 * @lock:	one command at a time; guards @error
 * @error:	why the last rejected write was rejected, "" if none was
 */
struct psd_control {
	const struct psd_layer_set *layers;
	u32 *settings;
	void (*reset)(void);
	struct mutex lock;	/* one command at a time; guards @error */
	char error[160];
};

int psd_control_show_error(struct seq_file *m);
extern const struct file_operations psd_control_fops;

/* ---- the per-cycle record (report.c) ---- */

/**
 * struct psd_report_cycle - everything known of one cycle, for verdict
 * and the report files; assembled by psd_report_get()
 * @c:		the tracker's record
 * @wake_irq_name: the wake IRQ's action or chip name, "" if unknown
 * @wake_child:	the wake came through a nested irqchip: @c.wake_irq is its
 *		parent line, the child that ran is @wake_child_irq
 * @wake_child_irq: that child's Linux IRQ number
 * @wake_child_name: its action's name
 * @nws:	entries in @ws
 * @ws_more:	sources that did not fit (counted by a 64-bucket hash)
 * @ws:		wakeup sources active or activated in the cycle
 * @nirq:	entries in @irq
 * @irq_more:	IRQs that did not fit (counted by a 64-bucket hash)
 * @irq:	watched IRQs seen pending in the cycle
 * @an:		anomalies raised in the cycle, by class
 * @has_wake_alarm: @wake_alarm is filled
 * @wake_alarm:	the alarm armed across the suspend, as its layer told
 * @has_held:	an RTC interrupt behind a nested irqchip fired as a wake
 *		IRQ after the cycle's wake IRQ: its chip held it back
 * @held_irq:	that child's Linux IRQ
 * @held_parent: its parent line
 * @held_ns:	when the parent fired
 * @held_name:	the child's action name
 * @ws_more_seen: the digest's: hashes of the names counted in @ws_more
 * @irq_more_seen: the digest's: hashes of the IRQs counted in @irq_more
 * @wake_seen:	the digest's: the first wake IRQ is in @wake_rtc
 * @wake_rtc:	the first wake IRQ was the RTC's
 * @parts:	bit by layer index: the layer wrote its part
 * @part:	the layers' parts (struct psd_part), each at its offset
 */
struct psd_report_cycle {
	struct psd_cycle c;
	char wake_irq_name[PSD_NAME_LEN];
	bool wake_child;
	u32 wake_child_irq;
	char wake_child_name[PSD_NAME_LEN];
	u8 nws;
	u32 ws_more;
	struct psd_rpt_ws ws[PSD_RPT_MAX_WS];
	u8 nirq;
	u32 irq_more;
	struct psd_rpt_irq irq[PSD_RPT_MAX_IRQS];
	struct psd_rpt_an an[PSD_NR_ANOMALY_CLASSES];
	bool has_wake_alarm;
	struct psd_rpt_wake_alarm wake_alarm;
	bool has_held;
	u32 held_irq;
	u32 held_parent;
	u64 held_ns;
	char held_name[PSD_NAME_LEN];
	u64 ws_more_seen;
	u64 irq_more_seen;
	bool wake_seen;
	bool wake_rtc;
	u32 parts;
	u8 part[] __aligned(8);
};

int psd_report_init(struct psd_core *c, unsigned int keep);
void psd_report_exit(struct psd_core *c);
void psd_report_reset(void);
void psd_report_event(const struct psd_record *rec);
void psd_report_anomaly(const struct psd_record *rec);
size_t psd_report_cycle_size(void);
struct psd_store;
void psd_store_lock(struct psd_store *s, unsigned long *flags);
void psd_store_unlock(struct psd_store *s, unsigned long flags);
struct psd_cycle *psd_store_open(struct psd_store *s, u32 id);
struct psd_cycle *psd_store_cycle(struct psd_store *s, u32 id);
bool psd_report_get(u32 id, struct psd_report_cycle *out);
bool psd_report_range(u32 *first, u32 *last);
const char *psd_report_verdict_name(u32 id);
const char *psd_result_name(unsigned int result);

/* ---- the core's state, one instance of it (instance.c) ---- */

/* The tracker's own state (cycle.c), under the store's lock. */
struct psd_tracker {
	u32 id;			/* current or last cycle */
	u32 first_kept;		/* lowest id not forgotten by reset */
	u64 count;		/* attempts seen since load or reset */
	u64 ended[PSD_NR_RESULTS];	/* closed attempts, by result */
	bool open;
	bool devpm_phases;	/* no suspend_resume: phases from pmdev.c */
	int wake_state;		/* machine_suspend ended, clock not back: its val */
	int next_state;		/* from suspend_enter, before the notifier */
	u64 round_start;	/* the s2idle round in progress began */
	int round_cpu;		/* its CPU, -1 when none (lock-free) */
	bool round_slept;	/* it went idle, froze or took a wake IRQ */
	bool last_round_slept;	/* the round that ended last did */
};

/* The per-cycle store (report.c). */
struct psd_store {
	raw_spinlock_t lock;	/* every slot, and the tracker's state */
	void *d;		/* keep slots, by cycle % keep: each a struct
				 * psd_report_cycle, the layers' parts after it
				 */
	unsigned int keep;
	size_t size;		/* of a slot */
	struct mutex scratch_lock;
	struct psd_report_cycle *scratch;	/* to judge a cycle's end */
};

/**
 * struct psd_core - what the core records: settings, rings, store, tracker
 * @settings:	values by enum psd_setting_id, read lock-free
 * @events:	the events timeline
 * @anomalies:	the anomaly log
 * @anomaly_counts: raised per class since load or reset
 * @store:	the per-cycle store
 * @trk:	the cycle tracker's state
 * @layer_data:	each layer's data (psd_layer_data())
 */
struct psd_core {
	u32 settings[PSD_NR_SETTINGS];
	struct psd_ring *events;
	struct psd_ring *anomalies;
	atomic64_t anomaly_counts[PSD_NR_ANOMALY_CLASSES];
	struct psd_store store;
	struct psd_tracker trk;
	void *layer_data;
};

#if IS_ENABLED(CONFIG_KUNIT)
struct psd_core *psd_core(void);
#else
/* The module's instance; a KUnit build also finds a running case's. */
static inline struct psd_core *psd_core(void)
{
	return &psd_live;
}
#endif

int psd_core_init(struct psd_core *c, unsigned int keep, unsigned int events);
void psd_core_exit(struct psd_core *c);

/* ---- verdict: the most likely cause of a late or failed wake (verdict.c) */

#define PSD_VERDICT_DETAIL	448	/* room for a GIC cause's advice */

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

int psd_verdict_init(void);
int psd_verdict_add(const struct psd_verdict_rule *rules);
const struct psd_verdict_rule *psd_verdict_rule(unsigned int i);

void psd_verdict(const struct psd_report_cycle *r, struct psd_verdict *v);
void psd_fields_json_members(struct psd_json *j, const void *rec,
			     const struct psd_field *f);

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

void psd_json_resume(struct psd_json *j, struct seq_file *m, bool array,
		     bool comma);
void psd_json_str(struct psd_json *j, const char *key, const char *v);
void psd_json_s64(struct psd_json *j, const char *key, s64 v);
void psd_json_bool(struct psd_json *j, const char *key, bool v);

/* ---- the report files (report_show.c) ---- */

extern const struct file_operations psd_report_fops;
extern const struct file_operations psd_report_json_fops;

/* ---- summary (summary.c) ---- */

int psd_summary_show(struct seq_file *m, void *unused);

/* ---- debugfs tree (debugfs.c) ---- */

int psd_debugfs_init(void);
void psd_debugfs_exit(void);

#endif /* _PMIC_SLEEPDIAG_CORE_H */
