// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: a case's core instance (pmic_sleepdiag/instance.c).  What the
 * case records, its settings and its layers' data are its own instance's,
 * never the module's; a probe records into the one its data names.  The
 * module's instance is only read here.
 */
#include <kunit/test.h>
#include <linux/preempt.h>

#include "psd_kunit.h"

/* A cycle number no suspend of a test kernel reaches. */
#define MARK_CYCLE	0x7073646bU

/* Does @ring hold a record of cycle MARK_CYCLE? */
static bool marked(struct psd_ring *ring)
{
	struct psd_record r;
	u64 pos = 0;

	while (psd_ring_get(ring, &pos, &r)) {
		if (r.cycle == MARK_CYCLE)
			return true;
		pos = r.seq + 1;
	}
	return false;
}

static void instance_chosen_on_first_use(struct kunit *test)
{
	struct psd_core *c;

	KUNIT_EXPECT_NULL(test, psd_core_chosen(test));
	c = psd_kunit_core(test);
	KUNIT_ASSERT_PTR_NE(test, c, &psd_live);
	KUNIT_EXPECT_PTR_EQ(test, psd_core_chosen(test), c);
	KUNIT_EXPECT_PTR_EQ(test, psd_core(), c);
	KUNIT_EXPECT_PTR_EQ(test, psd_kunit_core(test), c);
}

static void instance_records_apart(struct kunit *test)
{
	struct psd_core *c = psd_kunit_core(test);
	struct psd_record ev = {
		.type = PSD_EV_PHASE,
		.cycle = MARK_CYCLE,
		.phase = PSD_PH_MANUAL,
	};

	psd_event_add(&ev);
	KUNIT_EXPECT_TRUE(test, marked(c->events));
	KUNIT_EXPECT_FALSE(test, marked(psd_live.events));
}

static void instance_settings_and_data_apart(struct kunit *test)
{
	struct psd_core *c = psd_kunit_core(test);
	u32 live = READ_ONCE(psd_live.settings[PSD_SET_STUCK_MS]);
	size_t off = psd_alarm_layer.state.data_off;

	KUNIT_ASSERT_EQ(test, psd_setting_apply(PSD_SET_STUCK_MS, live + 1), 0);
	KUNIT_EXPECT_EQ(test, psd_setting(PSD_SET_STUCK_MS), live + 1);
	KUNIT_EXPECT_EQ(test, READ_ONCE(psd_live.settings[PSD_SET_STUCK_MS]),
			live);
	KUNIT_EXPECT_PTR_EQ(test, psd_layer_data(&psd_alarm_layer),
			    c->layer_data + off);
	KUNIT_EXPECT_PTR_NE(test, psd_layer_data(&psd_alarm_layer),
			    psd_live.layer_data + off);
}

static void core_free(void *c)
{
	psd_core_exit(c);
}

/* A probe records into the instance its tracepoint data names. */
static void instance_probe_data_names_it(struct kunit *test)
{
	struct psd_core *c = psd_kunit_core(test);
	struct psd_core *other = kunit_kzalloc(test, sizeof(*other),
					       GFP_KERNEL);
	struct psd_core *prev, *inner, *seen_inner, *seen_after;
	struct psd_ws_info w = {};
	bool in_other;

	KUNIT_ASSERT_NOT_NULL(test, other);
	KUNIT_ASSERT_EQ(test, psd_core_init(other, psd_params.keep_cycles,
					    psd_params.events), 0);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, core_free,
							other), 0);

	/* As a tracepoint calls it: preemption off, an instance as data. */
	preempt_disable();
	psd_ws_tp_activate(other, "psdk-data", 0);
	prev = psd_core_enter(other);
	in_other = psd_ws_info_get("psdk-data", &w);
	inner = psd_core_enter(c);	/* an interrupt's probe, nested */
	seen_inner = psd_core();
	psd_core_leave(c, inner);
	seen_after = psd_core();
	psd_core_leave(other, prev);
	preempt_enable();

	KUNIT_EXPECT_TRUE(test, in_other);
	KUNIT_EXPECT_EQ(test, w.nest, 1U);
	KUNIT_EXPECT_PTR_EQ(test, seen_inner, c);
	KUNIT_EXPECT_PTR_EQ(test, seen_after, other);
	/* Out of the probe, the case's own instance, which never saw it. */
	KUNIT_EXPECT_PTR_EQ(test, psd_core(), c);
	KUNIT_EXPECT_FALSE(test, psd_ws_info_get("psdk-data", &w));
}

static struct kunit_case instance_cases[] = {
	KUNIT_CASE(instance_chosen_on_first_use),
	KUNIT_CASE(instance_records_apart),
	KUNIT_CASE(instance_settings_and_data_apart),
	KUNIT_CASE(instance_probe_data_names_it),
	{}
};

static struct kunit_suite instance_suite = {
	.name = "pmic_sleepdiag_instance",
	.test_cases = instance_cases,
};

kunit_test_suite(instance_suite);
