// SPDX-License-Identifier: GPL-2.0
/*
 * Attach probes to built-in tracepoints by name.
 *
 * for_each_kernel_tracepoint() finds the struct tracepoint of an unexported
 * tracepoint; tracepoint_probe_register() attaches to it.  A set of probes
 * is attached all or none, so a layer with a missing tracepoint is simply
 * off.  Detaching waits for running probes with
 * tracepoint_synchronize_unregister() before the caller frees anything a
 * probe touches.  A kernel built without tracepoints exports none of these
 * functions: there every layer that needs one is off.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/string.h>
#include <linux/tracepoint.h>

#include "core.h"
#include "tp_attach.h"

struct psd_tp_lookup {
	struct psd_tp *tps;
	unsigned int n;
};

static void psd_tp_match(struct tracepoint *tp, void *priv)
{
	struct psd_tp_lookup *l = priv;
	unsigned int i;

	for (i = 0; i < l->n; i++)
		if (!l->tps[i].tp && !strcmp(tp->name, l->tps[i].name))
			l->tps[i].tp = tp;
}

static void psd_tp_unregister(struct psd_tp *tps, unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		if (tps[i].tp)
			tracepoint_probe_unregister(tps[i].tp, tps[i].probe,
						    tps[i].data);
}

/**
 * psd_tp_attach() - find and attach every probe of @tps, or none
 * @tps: the probes; their @tp fields are filled in
 * @n: how many
 * @why: on failure, a static reason for the layer's off(<reason>)
 *
 * Context: process; may sleep.
 * Return: 0, -ENOENT when a tracepoint is not built into this kernel, or
 * the error of tracepoint_probe_register().
 */
int psd_tp_attach(struct psd_tp *tps, unsigned int n, const char **why)
{
	struct psd_tp_lookup l = { .tps = tps, .n = n };
	unsigned int i;
	int ret;

	for (i = 0; i < n; i++)
		tps[i].tp = NULL;
	if (!IS_ENABLED(CONFIG_TRACEPOINTS)) {
		*why = "tracepoint missing";
		return -ENOENT;
	}
	for_each_kernel_tracepoint(psd_tp_match, &l);

	for (i = 0; i < n; i++) {
		if (!tps[i].tp) {
			*why = "tracepoint missing";
			return -ENOENT;
		}
	}
	for (i = 0; i < n; i++) {
		ret = tracepoint_probe_register(tps[i].tp, tps[i].probe,
						tps[i].data);
		if (ret) {
			psd_tp_unregister(tps, i);
			tracepoint_synchronize_unregister();
			*why = "tracepoint register failed";
			return ret;
		}
	}
	return 0;
}

/**
 * psd_tp_detach() - detach what psd_tp_attach() attached, then wait
 * @tps: the probes
 * @n: how many
 *
 * On return no probe of @tps is running or will run.
 */
void psd_tp_detach(struct psd_tp *tps, unsigned int n)
{
	if (!IS_ENABLED(CONFIG_TRACEPOINTS))
		return;
	psd_tp_unregister(tps, n);
	tracepoint_synchronize_unregister();
}
