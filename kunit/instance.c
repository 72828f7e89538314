// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: a core instance of a case's own, so that what the case records
 * never reaches the module's (pmic_sleepdiag/instance.c).
 */
#include <kunit/test-bug.h>
#include <kunit/test.h>
#include <linux/slab.h>

#include "psd_kunit.h"

static void psd_kunit_core_free(void *data)
{
	struct psd_core *c = data;

	psd_core_choose(kunit_get_current_test(), NULL);
	psd_core_exit(c);
	kfree(c);
}

static void psd_kunit_live_free(void *unused)
{
	psd_core_choose(kunit_get_current_test(), NULL);
}

/*
 * The instance the case chose, NULL if none; a case that chose the other
 * kind (its own, or the module's) than @live fails.
 */
static struct psd_core *psd_kunit_chosen(struct kunit *test, bool live)
{
	struct psd_core *c = psd_core_chosen(test);

	if (c)
		KUNIT_ASSERT_EQ_MSG(test, c == &psd_live, live,
				    "the case chose the other instance");
	return c;
}

/* Choose @c for the case, until @done undoes it when the case ends. */
static void psd_kunit_choose(struct kunit *test, struct psd_core *c,
			     kunit_action_t *done)
{
	psd_core_choose(test, c);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, done, c), 0);
}

/**
 * psd_kunit_core() - the case's own core instance, made on first use
 * @test: the case
 *
 * It starts as the module's did at load, with the module's parameters,
 * and is freed when the case ends.
 * Return: the instance; the case fails if it cannot be made.
 */
struct psd_core *psd_kunit_core(struct kunit *test)
{
	struct psd_core *c = psd_kunit_chosen(test, false);

	if (c)
		return c;
	c = kzalloc(sizeof(*c), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, c);
	if (psd_core_init(c, psd_params.keep_cycles, psd_params.events)) {
		kfree(c);
		KUNIT_FAIL_AND_ABORT(test, "no memory for a core instance");
	}
	psd_kunit_choose(test, c, psd_kunit_core_free);
	return c;
}

/**
 * psd_kunit_live_core() - let the case work on the module's core instance
 * @test: the case
 *
 * For a case that reads a running component, or races what the kernel
 * runs in interrupt context (which records into the module's instance):
 * it says so by calling this.
 * Return: the module's instance.
 */
struct psd_core *psd_kunit_live_core(struct kunit *test)
{
	if (!psd_kunit_chosen(test, true))
		psd_kunit_choose(test, &psd_live, psd_kunit_live_free);
	return &psd_live;
}

/**
 * psd_kunit_core_init() - a suite's .init: psd_kunit_core()
 * @test: the case
 *
 * Return: 0.
 */
int psd_kunit_core_init(struct kunit *test)
{
	psd_kunit_core(test);
	return 0;
}

/* The wakeup-source probes, for one case's instance at a time. */
static struct psd_tp psd_kunit_ws_tps[] = {
	{ .name = "wakeup_source_activate", .probe = psd_ws_tp_activate },
	{ .name = "wakeup_source_deactivate", .probe = psd_ws_tp_deactivate },
};

static void psd_kunit_ws_detach(void *unused)
{
	psd_tp_detach(psd_kunit_ws_tps, ARRAY_SIZE(psd_kunit_ws_tps));
}

/**
 * psd_kunit_ws_probes() - the kernel's wakeup-source events, into the case's
 * @test: the case
 *
 * Attaches the wakesrc layer's probes once more, with the case's instance
 * (psd_kunit_core()) as their data, until the case ends: a real source's
 * changes, in whatever context they come, reach the case's table as they
 * reach the module's.
 */
void psd_kunit_ws_probes(struct kunit *test)
{
	struct psd_core *c = psd_kunit_core(test);
	const char *why = NULL;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(psd_kunit_ws_tps); i++)
		psd_kunit_ws_tps[i].data = c;
	KUNIT_ASSERT_EQ_MSG(test, psd_tp_attach(psd_kunit_ws_tps,
						ARRAY_SIZE(psd_kunit_ws_tps),
						&why), 0, "%s", why);
	/* Detached before the instance is freed: actions run in reverse. */
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test,
							psd_kunit_ws_detach,
							NULL), 0);
}
