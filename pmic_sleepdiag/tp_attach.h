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

#endif /* _PMIC_SLEEPDIAG_TP_ATTACH_H */
