// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: a core instance of a case's own, so that what the case records
 * never reaches the module's (pmic_sleepdiag/instance.c).
 */
#include <kunit/resource.h>
#include <kunit/test.h>
#include <linux/slab.h>

#include "psd_kunit.h"

static void psd_kunit_core_free(struct kunit_resource *res)
{
	psd_core_exit(res->data);
	kfree(res->data);
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
	struct kunit_resource *res;
	struct psd_core *c;

	res = kunit_find_named_resource(test, PSD_KUNIT_CORE);
	if (res) {
		c = res->data;
		kunit_put_resource(res);
		return c;
	}
	res = kunit_kzalloc(test, sizeof(*res), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, res);
	c = kzalloc(sizeof(*c), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, c);
	if (psd_core_init(c, psd_params.keep_cycles, psd_params.events)) {
		kfree(c);
		KUNIT_FAIL_AND_ABORT(test, "no memory for a core instance");
	}
	KUNIT_ASSERT_EQ(test, kunit_add_named_resource(test, NULL,
						       psd_kunit_core_free,
						       res, PSD_KUNIT_CORE, c),
			0);
	return c;
}

/**
 * psd_kunit_live_core() - let the case work on the module's core instance
 * @test: the case
 *
 * For the cases that drive a live layer, whose own work (a poll, a timer)
 * records into the module's instance; those cases change what the module
 * has recorded, and say so by calling this.
 * Return: the module's instance.
 */
struct psd_core *psd_kunit_live_core(struct kunit *test)
{
	struct kunit_resource *res;

	res = kunit_find_named_resource(test, PSD_KUNIT_CORE);
	if (res) {
		kunit_put_resource(res);
		KUNIT_ASSERT_PTR_EQ(test, res->data, (void *)&psd_live);
		return &psd_live;
	}
	res = kunit_kzalloc(test, sizeof(*res), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, res);
	KUNIT_ASSERT_EQ(test, kunit_add_named_resource(test, NULL, NULL, res,
						       PSD_KUNIT_CORE,
						       &psd_live), 0);
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
