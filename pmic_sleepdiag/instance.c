// SPDX-License-Identifier: GPL-2.0
/*
 * The core's state as an instance: settings, rings, per-cycle store,
 * tracker and each layer's data.  The module has one, psd_live, made at load.  A KUnit case makes
 * its own (kunit/instance.c), and the core's functions called from the
 * case's task work on that one, so no suite changes what the module has
 * recorded.  A kernel without KUnit knows only psd_live (core.h).
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <kunit/resource.h>
#include <kunit/test-bug.h>
#include <linux/preempt.h>
#include <linux/slab.h>

#include "core.h"
#include "../kunit/visible.h"

struct psd_core psd_live;

/**
 * psd_core_init() - make an instance ready for its first cycle
 * @c: the instance, zeroed
 * @keep: cycles its store keeps (keep_cycles)
 * @events: its timeline's capacity (the "events" parameter)
 *
 * The layers must be registered: slots have room for their parts.
 * Return: 0 or -ENOMEM.
 */
int psd_core_init(struct psd_core *c, unsigned int keep, unsigned int events)
{
	int ret;

	psd_settings_init(c->settings);
	psd_tracker_init(&c->trk);
	/* kzalloc(0) is not NULL: a module without layer data still works. */
	c->layer_data = kzalloc(psd_layers_data_size(), GFP_KERNEL);
	if (!c->layer_data)
		return -ENOMEM;
	ret = psd_layers_data_init(c->layer_data);
	if (ret)
		goto err_free;
	ret = psd_events_init(c, events);
	if (ret)
		goto err_data;
	ret = psd_anomalies_init(c);
	if (ret)
		goto err_events;
	ret = psd_report_init(c, keep);
	if (ret)
		goto err_anomalies;
	return 0;

err_anomalies:
	psd_anomalies_exit(c);
err_events:
	psd_events_exit(c);
err_data:
	psd_layers_data_exit(c->layer_data, psd_nr_layers);
err_free:
	kfree(c->layer_data);
	c->layer_data = NULL;
	return ret;
}

/**
 * psd_core_exit() - free what psd_core_init() allocated
 * @c: the instance; nothing may record into it any more
 */
void psd_core_exit(struct psd_core *c)
{
	psd_report_exit(c);
	psd_anomalies_exit(c);
	psd_events_exit(c);
	psd_layers_data_exit(c->layer_data, psd_nr_layers);
	kfree(c->layer_data);
	c->layer_data = NULL;
}

#if IS_ENABLED(CONFIG_KUNIT)
/**
 * psd_core() - the instance the core's functions work on
 *
 * The module's, except in the task of a KUnit case, which must have made
 * its own: a case that reaches the module's fails.  Interrupts that come
 * while that task runs are the module's.
 * Return: the instance.
 */
struct psd_core *psd_core(void)
{
	struct kunit *test = kunit_get_current_test();
	struct kunit_resource *res;
	struct psd_core *c = &psd_live;

	if (!test || !in_task())
		return c;
	res = kunit_find_named_resource(test, PSD_KUNIT_CORE);
	if (!res) {
		kunit_fail_current_test("reached the module's core instance");
		return c;
	}
	c = res->data;
	kunit_put_resource(res);
	return c;
}
#endif
