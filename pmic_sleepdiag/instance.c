// SPDX-License-Identifier: GPL-2.0
/*
 * What the module records, as an instance: settings, rings, per-cycle
 * store, tracker and each layer's data.  The module has one, psd_live,
 * made at load.  A KUnit case makes its own (kunit/instance.c), and the
 * core's and layers' functions called from the case's task work on that
 * one, so no suite changes what the module has recorded.  A kernel without
 * KUnit knows only psd_live (core.h).
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <kunit/test-bug.h>
#include <linux/irqflags.h>
#include <linux/lockdep.h>
#include <linux/percpu.h>
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
/*
 * The KUnit case that chose an instance, and that instance.  Only the
 * case's tasks (its run, then its cleanup) write them, and KUnit runs one
 * case at a time, so psd_core() reads them without a lock, under any lock.
 */
static struct kunit *psd_kunit_case;
static struct psd_core *psd_kunit_inst;

/*
 * The instance the probe running on this CPU records into, as its
 * tracepoint data named it (psd_core_enter()); NULL outside a probe.
 * Interrupts nest, and each probe puts back what it found.
 */
static DEFINE_PER_CPU(struct psd_core *, psd_core_entered);

/**
 * psd_core_enter() - KUnit build: a probe records into @c until it leaves
 * @c: the instance its tracepoint data names; NULL (a case calling the
 *     probe itself) leaves the choice to psd_core()
 *
 * A case attaches a layer's probes once more with its own instance as
 * the data, beside the module's (whose data is psd_live): each call then
 * records into its own instance, in whatever context the kernel runs it.
 * Context: a tracepoint probe (preemption disabled) when @c is set.
 * Return: what psd_core_leave() puts back.
 */
struct psd_core *psd_core_enter(struct psd_core *c)
{
	if (!c)
		return NULL;
	lockdep_assert_preemption_disabled();
	return this_cpu_xchg(psd_core_entered, c);
}

/**
 * psd_core_leave() - KUnit build: the end of what psd_core_enter() began
 * @c: the instance given to psd_core_enter()
 * @prev: what it returned
 */
void psd_core_leave(struct psd_core *c, struct psd_core *prev)
{
	if (c)
		this_cpu_write(psd_core_entered, prev);
}

/**
 * psd_core_choose() - KUnit: the instance a case works on, from now
 * @test: the case, in its own task
 * @c: the instance, or NULL when the case ends
 */
void psd_core_choose(struct kunit *test, struct psd_core *c)
{
	psd_kunit_inst = c;
	WRITE_ONCE(psd_kunit_case, c ? test : NULL);
}

/**
 * psd_core_chosen() - KUnit: the instance a case chose
 * @test: the case, in its own task
 *
 * Return: the instance, or NULL when it chose none.
 */
struct psd_core *psd_core_chosen(struct kunit *test)
{
	return READ_ONCE(psd_kunit_case) == test ? psd_kunit_inst : NULL;
}

/**
 * psd_core() - the instance the core's functions work on
 *
 * In a probe, the one its tracepoint data names (psd_core_enter()).
 * Otherwise the module's, except in the task of a KUnit case, which must
 * have chosen one (psd_core_choose()): a case that reaches the module's
 * without doing so fails.  Interrupts that come while that task runs are
 * the module's.
 * Context: any.
 * Return: the instance.
 */
struct psd_core *psd_core(void)
{
	struct kunit *test = kunit_get_current_test();
	struct psd_core *c = this_cpu_read(psd_core_entered);

	if (c)
		return c;
	if (!test || !in_task())
		return &psd_live;
	c = psd_core_chosen(test);
	if (c)
		return c;
	/* Failing allocates: not under a lock (the next call will). */
	if (!irqs_disabled())
		kunit_fail_current_test("reached the module's core instance");
	return &psd_live;
}
#endif
