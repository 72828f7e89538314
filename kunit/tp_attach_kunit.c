// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: attaching probes by name when a tracepoint is missing
 * (pmic_sleepdiag/tp_attach.c).
 *
 * Every kernel this runs on has the tracepoints the layers use, so a
 * missing one is a name no kernel has.  A layer's start returns what
 * psd_tp_attach() returns, with its reason; the registry test starts a
 * layer of its own whose start is exactly that, beside another.
 */
#include <kunit/test.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/tracepoint.h>

#include "../pmic_sleepdiag/tp_attach.h"
#include "psd_kunit.h"
#include "render.h"

#define PRESENT	"suspend_resume"
#define MISSING	"psd_kunit_no_such_tracepoint"

static unsigned int probe_data;

static void probe_suspend_resume(void *data, const char *action, int val,
				 bool start)
{
}

static int reg(struct tracepoint *tp)
{
	return tracepoint_probe_register_prio_may_exist(tp, probe_suspend_resume,
						      &probe_data,
						      TRACEPOINT_DEFAULT_PRIO);
}

static struct psd_tp tps_missing[] = {
	{ PRESENT, probe_suspend_resume, &probe_data },
	{ MISSING, probe_suspend_resume, &probe_data },
};

static struct psd_tp tps_present[] = {
	{ PRESENT, probe_suspend_resume, &probe_data },
};

/* All or none: the present tracepoint must not keep our probe. */
static void missing_attaches_none(struct kunit *test)
{
	const char *why = NULL;
	struct tracepoint *tp;

	KUNIT_EXPECT_EQ(test, psd_tp_attach(tps_missing,
					    ARRAY_SIZE(tps_missing), &why),
			-ENOENT);
	KUNIT_EXPECT_STREQ(test, why, "tracepoint missing");
	KUNIT_EXPECT_NULL(test, tps_missing[1].tp);
	tp = tps_missing[0].tp;
	KUNIT_ASSERT_NOT_NULL_MSG(test, tp, PRESENT " not found");
	/* Registering the same probe and data again fails if it is there. */
	KUNIT_EXPECT_EQ(test, reg(tp), 0);
	tracepoint_probe_unregister(tp, probe_suspend_resume, &probe_data);
	tracepoint_synchronize_unregister();
}

static void present_attaches_and_detaches(struct kunit *test)
{
	const char *why = NULL;
	struct tracepoint *tp;

	KUNIT_ASSERT_EQ(test, psd_tp_attach(tps_present,
					    ARRAY_SIZE(tps_present), &why), 0);
	tp = tps_present[0].tp;
	KUNIT_ASSERT_NOT_NULL(test, tp);
	KUNIT_EXPECT_EQ(test, reg(tp), -EEXIST);
	psd_tp_detach(tps_present, ARRAY_SIZE(tps_present));
	KUNIT_EXPECT_EQ(test, reg(tp), 0);
	tracepoint_probe_unregister(tp, probe_suspend_resume, &probe_data);
	tracepoint_synchronize_unregister();
}

/* A layer whose start is its tracepoint attach, as every real one's is. */
static bool layer_missing;

static int layer_start(const char **why)
{
	return layer_missing ?
		psd_tp_attach(tps_missing, ARRAY_SIZE(tps_missing), why) :
		psd_tp_attach(tps_present, ARRAY_SIZE(tps_present), why);
}

static void layer_stop(void)
{
	psd_tp_detach(tps_present, ARRAY_SIZE(tps_present));
}

static int other_start(const char **why)
{
	return 0;
}

static const struct psd_layer_ops layer_ops = {
	.start = layer_start,
	.stop = layer_stop,
};

static const struct psd_layer_ops other_ops = {
	.start = other_start,
};

static char *state_of(struct kunit *test, struct psd_layer *l)
{
	struct seq_file *m = psd_kunit_seq(test, 64);

	psd_layer_show(m, l);
	return psd_kunit_text(test, m);
}

static void layer_off_others_on(struct kunit *test)
{
	struct psd_layer *under_test = kunit_kzalloc(test, sizeof(*under_test),
						     GFP_KERNEL);
	struct psd_layer *other = kunit_kzalloc(test, sizeof(*other),
						GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, under_test);
	KUNIT_ASSERT_NOT_NULL(test, other);
	under_test->name = "under_test";
	under_test->ops = &layer_ops;
	other->name = "other";
	other->ops = &other_ops;

	layer_missing = true;
	psd_layer_start(under_test);
	psd_layer_start(other);
	KUNIT_EXPECT_STREQ(test, state_of(test, under_test),
			   "off(tracepoint missing)");
	KUNIT_EXPECT_NULL(test, psd_layer_get(under_test));
	KUNIT_EXPECT_STREQ(test, state_of(test, other), "on");
	psd_layer_stop(under_test);	/* never started: nothing to undo */

	/* The same layer on a kernel that has the tracepoint. */
	layer_missing = false;
	psd_layer_start(under_test);
	KUNIT_EXPECT_STREQ(test, state_of(test, under_test), "on");
	KUNIT_EXPECT_PTR_EQ(test, psd_layer_get(under_test), &layer_ops);
	psd_layer_stop(under_test);
	KUNIT_EXPECT_STREQ(test, state_of(test, under_test), "off(stopped)");
	psd_layer_stop(other);
}

static struct kunit_case tp_attach_cases[] = {
	KUNIT_CASE(missing_attaches_none),
	KUNIT_CASE(present_attaches_and_detaches),
	KUNIT_CASE(layer_off_others_on),
	{}
};

static struct kunit_suite tp_attach_suite = {
	.name = "pmic_sleepdiag_tp_attach",
	.test_cases = tp_attach_cases,
};

kunit_test_suite(tp_attach_suite);
