// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: a slow device resume (pmic_sleepdiag/devpm.c, verdict.c).  A
 * resume callback longer than resume_slow_ms raises RESUME_SLOW naming the
 * device, and the cycle's verdict is resume_slow; suspend callbacks and
 * faster ones raise nothing.  Driven through the devpm probes and the
 * cycle tracker's inputs, with KUnit's devices as the drivers and real
 * sleeps as the callbacks' work.
 */
#include <kunit/device.h>
#include <kunit/test.h>
#include <linux/delay.h>
#include <linux/device.h>
#include <linux/string.h>

#include "anomaly_log.h"
#include "psd_kunit.h"
#include "records.h"
#include "../pmic_sleepdiag/devpm.h"
#include "suspend_seq.h"

#define WORK_MS		5	/* what a slow callback does */

static struct device *kdev(struct kunit *test, const char *name)
{
	struct device *dev = kunit_device_register(test, name);

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, dev);
	return dev;
}

/* One PM callback of @dev, taking @ms. */
static void callback(struct device *dev, unsigned int ms)
{
	psd_devpm_tp_start(NULL, dev, "", 2);
	if (ms)
		msleep(ms);
	psd_devpm_tp_end(NULL, dev, 0);
}

/* A cycle: @susp's suspend callback and @res's resume callback slow. */
static u32 cycle(struct device *susp, struct device *res,
		 struct device *fast)
{
	u32 id;

	begin_state(FREEZE);
	id = psd_cycle_current();
	tp("dpm_suspend", 2, true);
	callback(susp, WORK_MS);
	tp("dpm_suspend", 2, false);
	sleep_after_suspend();
	tp("dpm_resume", 16, true);
	callback(fast, 0);
	callback(res, WORK_MS);
	tp("dpm_resume", 16, false);
	both("dpm_complete", 16);
	notify(PM_POST_SUSPEND);
	return id;
}

static unsigned int resume_slow(struct psd_record *last)
{
	return anomalies_of(0, PSD_AN_RESUME_SLOW, last);
}

static struct psd_verdict *judge(struct kunit *test, u32 id)
{
	struct psd_report_cycle *rc = psd_kunit_record(test);
	struct psd_verdict *v = kunit_kzalloc(test, sizeof(*v), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, v);
	KUNIT_ASSERT_TRUE(test, psd_report_get(id, rc));
	psd_verdict(rc, v);
	return v;
}

static void resume_over_threshold(struct kunit *test)
{
	struct device *s = kdev(test, "psdk-susp"), *r = kdev(test, "psdk-res");
	struct device *f = kdev(test, "psdk-fast");
	struct psd_verdict *v;
	struct psd_record an;
	u32 id;

	KUNIT_ASSERT_TRUE(test, psd_layer_on(&psd_devpm_layer));
	KUNIT_ASSERT_EQ(test, psd_setting_apply(PSD_SET_RESUME_SLOW_MS, 1), 0);
	id = cycle(s, r, f);

	KUNIT_ASSERT_EQ(test, resume_slow(&an), 1U);
	KUNIT_EXPECT_EQ(test, an.cycle, id);
	KUNIT_EXPECT_STREQ(test, an.name, dev_name(r));
	KUNIT_EXPECT_STREQ(test, (const char *)an.v, dev_driver_string(r));
	KUNIT_EXPECT_STREQ(test, psd_devpm_phase_name(an.phase), "resume");
	KUNIT_EXPECT_GE(test, an.v[3], (s64)WORK_MS * USEC_PER_MSEC);

	v = judge(test, id);
	KUNIT_EXPECT_STREQ(test, v->rule->name, "resume_slow");
	KUNIT_EXPECT_STREQ(test, v->rule->uses, "devpm anomaly");
	KUNIT_EXPECT_NOT_NULL_MSG(test, strstr(v->detail, dev_name(r)), "%s",
				  v->detail);
	KUNIT_EXPECT_NOT_NULL_MSG(test, strstr(v->detail, "RESUME_SLOW x1"),
				  "%s", v->detail);
}

static void resume_under_threshold(struct kunit *test)
{
	struct device *s = kdev(test, "psdk-susp"), *r = kdev(test, "psdk-res");
	struct device *f = kdev(test, "psdk-fast");
	struct psd_record an;
	u32 id;

	KUNIT_ASSERT_TRUE(test, psd_layer_on(&psd_devpm_layer));
	KUNIT_ASSERT_EQ(test,
			psd_setting_apply(PSD_SET_RESUME_SLOW_MS, 600000), 0);
	id = cycle(s, r, f);

	KUNIT_EXPECT_EQ(test, resume_slow(&an), 0U);
	KUNIT_EXPECT_STREQ(test, judge(test, id)->rule->name, "ok");
}

static struct kunit_case slow_cases[] = {
	KUNIT_CASE(resume_over_threshold),
	KUNIT_CASE(resume_under_threshold),
	{}
};

static struct kunit_suite slow_suite = {
	.name = "pmic_sleepdiag_resume_slow",
	.init = psd_kunit_core_init,
	.test_cases = slow_cases,
};

kunit_test_suite(slow_suite);
