// SPDX-License-Identifier: GPL-2.0
/*
 * summary: the module's state at a glance, one "key: value" per line.
 * The keys of Documentation/interface.rst come first, in its order; the
 * settings follow.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/seq_file.h>

#include "core.h"

static void psd_summary_component(struct seq_file *m,
				  const struct psd_layer *l)
{
	seq_printf(m, "component.%s: ", l->name);
	psd_layer_show(m, l);
	seq_putc(m, '\n');
}

/**
 * psd_summary_show() - seq_file show function of the summary file
 * @m: the seq_file
 * @unused: unused
 *
 * Return: 0.
 */
int psd_summary_show(struct seq_file *m, void *unused)
{
	const struct psd_layer_ops *ops;
	unsigned int i;

	seq_printf(m, "version: %u\n", PSD_INTERFACE_VERSION);

	/* "<layer>: <what it is attached to>" for layers that say so. */
	for (i = 0; i < psd_nr_layers; i++) {
		const struct psd_layer *l = psd_layers[i];

		if (!l->ops || !l->ops->show_summary)
			continue;
		seq_printf(m, "%s: ", l->name);
		ops = psd_layer_get(l);
		if (ops && ops->show_summary)
			ops->show_summary(m);
		else
			psd_layer_show(m, l);
		seq_putc(m, '\n');
	}

	for (i = 0; i < psd_nr_layers; i++)
		if (!psd_layers[i]->after_contract)
			psd_summary_component(m, psd_layers[i]);

	seq_printf(m, "cycles: %llu\n", psd_cycle_count());
	seq_printf(m, "anomalies: %llu\n", psd_anomalies_total());
	seq_printf(m, "events_dropped: %llu\n", psd_events_dropped());
	for (i = 0; i < psd_nr_layers; i++)
		if (psd_layers[i]->ops && psd_layers[i]->ops->show_counts)
			psd_layers[i]->ops->show_counts(m);
	seq_puts(m, "last_control_error: ");
	psd_control_show_error(m);
	seq_putc(m, '\n');

	for (i = 0; i < psd_nr_layers; i++)
		if (psd_layers[i]->after_contract)
			psd_summary_component(m, psd_layers[i]);
	for (i = 0; i < psd_nr_layers; i++)
		if (psd_layers[i]->ops && psd_layers[i]->ops->show_keys)
			psd_layers[i]->ops->show_keys(m);

	seq_printf(m, "phases: %s\n", psd_cycle_devpm_phases() ?
		   "own_device(tracepoint missing)" : "suspend_resume");
	seq_printf(m, "anomalies_dropped: %llu\n", psd_anomalies_dropped());
	/* Counters for monitoring: they only grow between resets. */
	for (i = PSD_RES_RESUMED; i < PSD_NR_RESULTS; i++)
		seq_printf(m, "cycles.%s: %llu\n", psd_result_name(i),
			   psd_cycles_ended(i));
	for (i = 0; i < PSD_NR_ANOMALY_CLASSES; i++)
		seq_printf(m, "anomalies.%s: %llu\n",
			   psd_anomaly_class_name(i), psd_anomalies_of_class(i));
	seq_printf(m, "keep_cycles: %u\n", psd_params.keep_cycles);
	seq_printf(m, "events: %u\n", psd_params.events);
	for (i = 0; i < PSD_NR_SETTINGS; i++)
		seq_printf(m, "setting.%s: %u\n", psd_setting_key(i),
			   psd_setting(i));
	return 0;
}
