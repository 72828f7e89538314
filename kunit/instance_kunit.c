// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: a case's core instance (pmic_sleepdiag/instance.c).  What the
 * case records, its settings and its layers' data are its own instance's,
 * never the module's.  The module's instance is only read here.
 */
#include <kunit/test.h>

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

static struct kunit_case instance_cases[] = {
	KUNIT_CASE(instance_chosen_on_first_use),
	KUNIT_CASE(instance_records_apart),
	KUNIT_CASE(instance_settings_and_data_apart),
	{}
};

static struct kunit_suite instance_suite = {
	.name = "pmic_sleepdiag_instance",
	.test_cases = instance_cases,
};

kunit_test_suite(instance_suite);
