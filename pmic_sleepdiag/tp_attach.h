/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The core attaches a layer's probes to built-in tracepoints by name, also
 * to those the kernel does not export (wakeup_source_*, alarmtimer_*, ...).
 */
#ifndef _PMIC_SLEEPDIAG_TP_ATTACH_H
#define _PMIC_SLEEPDIAG_TP_ATTACH_H

#include <linux/tracepoint.h>

/* One probe to attach. */
struct psd_tp {
	const char *name;	/* the tracepoint's, e.g. "wakeup_source_activate" */
	void *probe;		/* its prototype checked with PSD_TP_CHECK() */
	void *data;		/* @probe's first argument */
	struct tracepoint *tp;	/* found by psd_tp_attach() */
};

/* Fail the build unless @probe matches the tracepoint's TP_PROTO. */
#define PSD_TP_CHECK(name, probe)					\
	static inline void __maybe_unused psd_tp_check_##name##_##probe(void) \
	{								\
		check_trace_callback_type_##name(probe);		\
	}

int psd_tp_attach(struct psd_tp *tps, unsigned int n, const char **why);
void psd_tp_detach(struct psd_tp *tps, unsigned int n);

/* A probe records into the core instance its data names (psd_live, the
 * module's), so that a KUnit case can attach it once more for its own.
 */
extern struct psd_core psd_live;
#if IS_ENABLED(CONFIG_KUNIT)
struct psd_core *psd_core_enter(struct psd_core *c);
void psd_core_leave(struct psd_core *c, struct psd_core *prev);
#else
#define psd_core_enter(c)	((void)(c), (struct psd_core *)NULL)
#define psd_core_leave(c, prev)	((void)(c), (void)(prev))
#endif

#endif /* _PMIC_SLEEPDIAG_TP_ATTACH_H */
