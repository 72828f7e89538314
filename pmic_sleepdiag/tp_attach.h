/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Attach probes to built-in tracepoints by name, including the ones the
 * kernel does not export (wakeup_source_*, alarmtimer_*, hrtimer_*).
 * Part of the core; a layer includes this when it has probes.
 */
#ifndef _PMIC_SLEEPDIAG_TP_ATTACH_H
#define _PMIC_SLEEPDIAG_TP_ATTACH_H

#include <linux/tracepoint.h>

/**
 * struct psd_tp - one probe to attach
 * @name:	the tracepoint's name, e.g. "wakeup_source_activate"
 * @probe:	the probe; check its prototype with PSD_TP_CHECK()
 * @data:	first argument passed to @probe
 * @tp:		filled in by psd_tp_attach()
 */
struct psd_tp {
	const char *name;
	void *probe;
	void *data;
	struct tracepoint *tp;
};

/*
 * PSD_TP_CHECK(tracepoint, probe) - fail the build when @probe does not
 * match the tracepoint's TP_PROTO.  Needs the tracepoint's event header.
 */
#define PSD_TP_CHECK(name, probe)					\
	static inline void __maybe_unused psd_tp_check_##name##_##probe(void) \
	{								\
		check_trace_callback_type_##name(probe);		\
	}

int psd_tp_attach(struct psd_tp *tps, unsigned int n, const char **why);
void psd_tp_detach(struct psd_tp *tps, unsigned int n);

#endif /* _PMIC_SLEEPDIAG_TP_ATTACH_H */
