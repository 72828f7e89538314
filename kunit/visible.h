/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Entry points that exist for KUnit only: static unless CONFIG_KUNIT
 * (VISIBLE_IF_KUNIT), declared here for the suites and their definers.
 */
#ifndef _PSD_KUNIT_VISIBLE_H
#define _PSD_KUNIT_VISIBLE_H

#include <kunit/visibility.h>
#include <linux/types.h>

#if IS_ENABLED(CONFIG_KUNIT)
struct kunit;
struct notifier_block;
struct psd_core;
struct psd_control;
struct psd_hrt;
struct psd_json;
struct psd_layer;
struct psd_params;
struct psd_record;
struct psd_report_cycle;
struct psd_verdict;
struct seq_file;

/* The core instance a case works on (pmic_sleepdiag/instance.c). */
void psd_core_choose(struct kunit *test, struct psd_core *c);
struct psd_core *psd_core_chosen(struct kunit *test);

/* One layer started or stopped, for suites that own their layers. */
void psd_layer_start(struct psd_layer *l);
void psd_layer_stop(struct psd_layer *l);

/* The control file's parser and commands on an instance of a suite's. */
int psd_control_exec(struct psd_control *ctl, const char *buf, size_t len,
		     loff_t pos);
void psd_control_error_show(struct psd_control *ctl, struct seq_file *m);
void psd_reset_core(void);

int psd_setting_apply(unsigned int id, u32 value);

/* The wakeup-source table as a fresh start leaves it. */
void psd_ws_forget(void);

/* The tracker's inputs, exposed so KUnit can drive it like the kernel. */
void psd_cycle_tp_suspend_resume(void *data, const char *action, int val,
				 bool start);
int psd_cycle_pm_notify(struct notifier_block *nb, unsigned long action,
			void *unused);
void psd_cycle_tp_cpu_idle(void *data, unsigned int state, unsigned int cpu);
/* One CPU's maximum of an hrtimer window, read as hrtimer/latency does. */
u64 psd_hrt_cpu_max(struct psd_hrt *st, unsigned int w, int cpu);
/* One line of the events file, as the file shows it. */
void psd_event_show(struct seq_file *m, const struct psd_record *r);

int psd_params_check(const struct psd_params *p);
/* The rings' records from *@pos on, one at a time. */
bool psd_events_get(u64 *pos, struct psd_record *out);
bool psd_anomalies_get(u64 *pos, struct psd_record *out);
/* Device phases from the module's own device, as without the tracepoint. */
void psd_cycle_set_devpm_phases(bool on);
int psd_verdict_rule_index(const char *name);

/* One cycle as report and report.json write it. */
void psd_report_text(struct seq_file *m, const struct psd_report_cycle *r,
		     const struct psd_verdict *v);
void psd_report_json(struct psd_json *j, const struct psd_report_cycle *r,
		     const struct psd_verdict *v);
void psd_json_begin(struct psd_json *j, struct seq_file *m, bool array);
void psd_json_escape(struct seq_file *m, const char *s);
#endif

#endif /* _PSD_KUNIT_VISIBLE_H */
