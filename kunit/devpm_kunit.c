// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: device PM callbacks (pmic_sleepdiag/devpm.c, devpm_record.c).
 * The record and the in-flight table on fresh instances; the layer
 * through its real probes and the cycle tracker's inputs, with KUnit's
 * own devices standing in for drivers.
 */
#include <kunit/device.h>
#include <kunit/test.h>
#include <linux/device.h>
#include <linux/string.h>

#include "psd_kunit.h"
#include "records.h"
#include "render.h"
#include "../pmic_sleepdiag/devpm.h"
#include "suspend_seq.h"

static struct psd_devpm_rec *new_rec(struct kunit *test)
{
	struct psd_devpm_rec *r = kunit_kzalloc(test, sizeof(*r), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, r);
	return r;
}

static void add(struct psd_devpm_rec *r, const char *dev, u8 dir, u32 dur_us,
		int err)
{
	struct psd_rpt_devpm_cb cb = {
		.phase = dir == PSD_DEVPM_SUSPEND ? "suspend" : "resume",
		.dur_us = dur_us,
		.err = err,
		.dir = dir,
	};

	strscpy(cb.dev, dev, sizeof(cb.dev));
	psd_devpm_rec_add(r, &cb);
}

/* Durations in no order: the record keeps the 8 largest, largest first. */
static void devpm_slowest_n(struct kunit *test)
{
	static const u32 durs[] = { 5, 90, 17, 3, 400, 61, 8, 250, 33, 71,
				    2, 120, 9, 300, 44, 1 };
	static const u32 want[] = { 400, 300, 250, 120, 90, 71, 61, 44 };
	struct psd_devpm_rec *r = new_rec(test);
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(durs); i++)
		add(r, "psdk-dev", PSD_DEVPM_RESUME, durs[i], 0);
	KUNIT_EXPECT_EQ(test, r->calls[PSD_DEVPM_RESUME], (u32)ARRAY_SIZE(durs));
	KUNIT_EXPECT_EQ(test, r->calls[PSD_DEVPM_SUSPEND], 0U);
	KUNIT_ASSERT_EQ(test, r->nslow[PSD_DEVPM_RESUME], (u8)PSD_DEVPM_SLOWEST);
	KUNIT_EXPECT_EQ(test, r->nslow[PSD_DEVPM_SUSPEND], 0);
	for (i = 0; i < ARRAY_SIZE(want); i++)
		KUNIT_EXPECT_EQ_MSG(test, r->slow[PSD_DEVPM_RESUME][i].dur_us,
				    want[i], "rank %u", i);
	KUNIT_EXPECT_EQ(test, r->nfailed, 0);
}

/* Equal durations keep the earlier; directions are ranked apart. */
static void devpm_slowest_ties_and_directions(struct kunit *test)
{
	struct psd_devpm_rec *r = new_rec(test);
	unsigned int i;

	for (i = 0; i < PSD_DEVPM_SLOWEST; i++)
		add(r, "psdk-first", PSD_DEVPM_SUSPEND, 100, 0);
	add(r, "psdk-tie", PSD_DEVPM_SUSPEND, 100, 0);
	add(r, "psdk-resume", PSD_DEVPM_RESUME, 1, 0);
	for (i = 0; i < PSD_DEVPM_SLOWEST; i++)
		KUNIT_EXPECT_STREQ(test, r->slow[PSD_DEVPM_SUSPEND][i].dev,
				   "psdk-first");
	KUNIT_EXPECT_EQ(test, r->nslow[PSD_DEVPM_RESUME], 1);
	KUNIT_EXPECT_STREQ(test, r->slow[PSD_DEVPM_RESUME][0].dev,
			   "psdk-resume");
}

/* Lines of @text that begin with @head. */
static unsigned int lines_with(const char *text, const char *head)
{
	unsigned int n = 0;
	const char *p;

	for (p = text; p; p = strchr(p, '\n')) {
		if (*p == '\n')
			p++;
		n += !strncmp(p, head, strlen(head));
	}
	return n;
}

/* Failures beyond the room are counted; the report shows fewer still. */
static void devpm_failed_bounded(struct kunit *test)
{
	struct psd_devpm_rec *r = new_rec(test);
	struct seq_file *m = psd_kunit_seq(test, 4096);
	unsigned int i, n = PSD_DEVPM_FAILED + 3;
	const char *text, *slow;
	char want[48];

	for (i = 0; i < n; i++)
		add(r, "psdk-fail", PSD_DEVPM_SUSPEND, i, -(int)(i + 1));
	KUNIT_EXPECT_EQ(test, r->nfailed, (u8)PSD_DEVPM_FAILED);
	KUNIT_EXPECT_EQ(test, r->failed_more, 3U);
	/* In the order they ended: the first failures are kept. */
	for (i = 0; i < PSD_DEVPM_FAILED; i++)
		KUNIT_EXPECT_EQ(test, r->failed[i].err, -(int)(i + 1));

	/* The report's lines of the record: the first few of each kind. */
	psd_devpm_part.text(m, r);
	text = psd_kunit_text(test, m);
	KUNIT_EXPECT_EQ(test, lines_with(text, "devpm=failed dir="),
			PSD_RPT_DEVPM_FAILED);
	snprintf(want, sizeof(want), "devpm=failed_more count=%u\n",
		 n - PSD_RPT_DEVPM_FAILED);
	KUNIT_EXPECT_NOT_NULL(test, strstr(text, want));
	KUNIT_EXPECT_EQ(test, lines_with(text, "devpm=slow dir=suspend "),
			PSD_RPT_DEVPM_SLOW);
	KUNIT_EXPECT_EQ(test, lines_with(text, "devpm=slow dir=resume "), 0U);
	slow = strstr(text, "devpm=slow");
	snprintf(want, sizeof(want), " dur_us=%u ", n - 1);
	KUNIT_ASSERT_NOT_NULL(test, slow);
	KUNIT_EXPECT_NOT_NULL(test, strstr(slow, want));
}

/* Async callbacks interleave: each end finds its own start. */
static void devpm_inflight_interleaved(struct kunit *test)
{
	struct psd_devpm_inflight *in = kunit_kzalloc(test, sizeof(*in),
						      GFP_KERNEL);
	int a, b, c;
	struct psd_devpm_flight f;

	KUNIT_ASSERT_NOT_NULL(test, in);
	KUNIT_EXPECT_TRUE(test, psd_devpm_flight_start(in, &a, 10,
						       PSD_DP_SUSPEND));
	KUNIT_EXPECT_TRUE(test, psd_devpm_flight_start(in, &b, 20,
						       PSD_DP_SUSPEND));
	KUNIT_EXPECT_TRUE(test, psd_devpm_flight_start(in, &c, 30,
						       PSD_DP_SUSPEND));
	KUNIT_ASSERT_TRUE(test, psd_devpm_flight_end(in, &b, &f));
	KUNIT_EXPECT_PTR_EQ(test, f.dev, (const void *)&b);
	KUNIT_EXPECT_EQ(test, f.t_ns, 20ULL);
	KUNIT_ASSERT_TRUE(test, psd_devpm_flight_end(in, &a, &f));
	KUNIT_EXPECT_EQ(test, f.t_ns, 10ULL);
	/* b's slot is free again; an end of b now has no start. */
	KUNIT_EXPECT_FALSE(test, psd_devpm_flight_end(in, &b, &f));
	KUNIT_EXPECT_EQ(test, in->unmatched, 1ULL);
	KUNIT_ASSERT_TRUE(test, psd_devpm_flight_end(in, &c, &f));
	KUNIT_EXPECT_EQ(test, f.t_ns, 30ULL);
	KUNIT_EXPECT_EQ(test, in->dropped, 0ULL);
}

/* More callbacks at once than slots: the extra are counted, not timed. */
static void devpm_inflight_overflow(struct kunit *test)
{
	struct psd_devpm_inflight *in = kunit_kzalloc(test, sizeof(*in),
						      GFP_KERNEL);
	static char devs[PSD_DEVPM_INFLIGHT + 2];
	struct psd_devpm_flight f;
	unsigned int i;

	KUNIT_ASSERT_NOT_NULL(test, in);
	for (i = 0; i < PSD_DEVPM_INFLIGHT; i++)
		KUNIT_EXPECT_TRUE(test, psd_devpm_flight_start(in, &devs[i], i,
							       PSD_DP_RESUME));
	KUNIT_EXPECT_FALSE(test, psd_devpm_flight_start(in, &devs[i], i,
							PSD_DP_RESUME));
	KUNIT_EXPECT_EQ(test, in->dropped, 1ULL);
	KUNIT_EXPECT_FALSE(test, psd_devpm_flight_end(in, &devs[i], &f));
	KUNIT_EXPECT_EQ(test, in->unmatched, 1ULL);
	/* A slot freed is taken again. */
	KUNIT_EXPECT_TRUE(test, psd_devpm_flight_end(in, &devs[0], &f));
	KUNIT_EXPECT_TRUE(test, psd_devpm_flight_start(in, &devs[i], i,
						       PSD_DP_RESUME));
}

/* ---- the layer, through its probes ---- */

static struct device *kdev(struct kunit *test, const char *name)
{
	struct device *dev = kunit_device_register(test, name);

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, dev);
	return dev;
}

static void call(struct device *dev, int err)
{
	psd_devpm_tp_start(NULL, dev, "", 2);
	psd_devpm_tp_end(NULL, dev, err);
}

static struct psd_record last_of_type(struct kunit *test, unsigned int type,
				      unsigned int *n)
{
	struct psd_record r, last = {};
	u64 pos = 0;

	*n = 0;
	while (psd_events_get(&pos, &r)) {
		pos++;
		if (r.type != type)
			continue;
		last = r;
		(*n)++;
	}
	return last;
}

/*
 * A failed suspend_noirq callback: the cycle ends aborted in that step
 * (not no_sleep), cycle_end and the verdict name the device, and the
 * phase is the enclosing dpm_* step's.
 */
static void devpm_noirq_failure_aborts(struct kunit *test)
{
	struct device *ok = kdev(test, "psdk-ok"), *bad = kdev(test, "psdk-bad");
	struct psd_report_cycle *rc = psd_kunit_record(test);
	const struct psd_devpm_rec *d;
	struct psd_verdict v;
	struct psd_record end, err;
	unsigned int n;
	u32 id;

	KUNIT_ASSERT_TRUE(test, psd_layer_on(&psd_devpm_layer));
	begin_state(FREEZE);
	id = psd_cycle_current();
	both("dpm_suspend", 2);
	both("dpm_suspend_late", 2);
	tp("dpm_suspend_noirq", 2, true);
	call(ok, 0);
	call(bad, -EIO);
	tp("dpm_suspend_noirq", 2, false);
	/* dpm_suspend_noirq() resumes what it suspended, as after a wake. */
	end_cycle();

	KUNIT_ASSERT_TRUE(test, psd_report_get(id, rc));
	KUNIT_EXPECT_EQ(test, rc->c.result, (u8)PSD_RES_ABORTED);
	KUNIT_EXPECT_STREQ(test, psd_step_name(rc->c.step), "suspend_noirq");
	KUNIT_EXPECT_STREQ(test, rc->c.abort_dev, dev_name(bad));
	KUNIT_EXPECT_EQ(test, rc->c.abort_err, -EIO);
	psd_verdict(rc, &v);
	KUNIT_EXPECT_STREQ(test, v.rule->name, "suspend_aborted");
	KUNIT_EXPECT_NOT_NULL(test, strstr(v.detail, dev_name(bad)));
	KUNIT_EXPECT_NULL(test, strstr(v.detail, "wakeup source"));

	d = psd_report_part_of(rc, &psd_devpm_layer);
	KUNIT_ASSERT_NOT_NULL(test, d);
	KUNIT_ASSERT_EQ(test, d->nfailed, 1);
	KUNIT_EXPECT_STREQ(test, d->failed[0].dev, dev_name(bad));
	KUNIT_EXPECT_STREQ(test, d->failed[0].driver, dev_driver_string(bad));
	KUNIT_EXPECT_STREQ(test, d->failed[0].phase, "suspend_noirq");

	end = last_of_type(test, PSD_EV_CYCLE_END, &n);
	KUNIT_EXPECT_EQ(test, n, 1U);
	KUNIT_EXPECT_STREQ(test, end.name, dev_name(bad));
	KUNIT_EXPECT_EQ(test, end.v[3] & PSD_CYCLE_END_STEP_MASK,
			(s64)PSD_STEP_SUSPEND_NOIRQ);
	KUNIT_EXPECT_EQ(test, end.v[3] >> PSD_CYCLE_END_ERR_SHIFT, (s64)EIO);
	err = last_of_type(test, PSD_EV_DEVPM_ERROR, &n);
	KUNIT_EXPECT_EQ(test, n, 1U);
	KUNIT_EXPECT_STREQ(test, err.name, dev_name(bad));
	KUNIT_EXPECT_EQ(test, err.v[3], (s64)-EIO);
	KUNIT_EXPECT_STREQ(test, psd_devpm_phase_name(err.phase),
			   "suspend_noirq");
	KUNIT_EXPECT_EQ(test, d->calls[PSD_DEVPM_SUSPEND], 2U);
}

/* Interleaved callbacks in dpm_suspend; prepare and complete phases. */
static void devpm_layer_interleaved_phases(struct kunit *test)
{
	struct device *a = kdev(test, "psdk-a"), *b = kdev(test, "psdk-b");
	struct psd_report_cycle *rc = psd_kunit_record(test);
	const struct psd_rpt_devpm_cb *s;
	const struct psd_devpm_rec *r;
	unsigned int i;
	u32 id;

	begin_state(FREEZE);	/* dpm_prepare already ended */
	id = psd_cycle_current();
	tp("dpm_suspend", 2, true);
	psd_devpm_tp_start(NULL, a, "", 2);
	psd_devpm_tp_start(NULL, b, "", 2);
	psd_devpm_tp_end(NULL, b, 0);
	psd_devpm_tp_end(NULL, a, 0);
	tp("dpm_suspend", 2, false);
	sleep_after_suspend();
	tp("dpm_resume", 16, true);
	call(a, 0);
	tp("dpm_resume", 16, false);
	call(b, 0);		/* dpm_complete */
	notify(PM_POST_SUSPEND);

	KUNIT_ASSERT_TRUE(test, psd_report_get(id, rc));
	r = psd_report_part_of(rc, &psd_devpm_layer);
	KUNIT_ASSERT_NOT_NULL(test, r);
	KUNIT_EXPECT_EQ(test, r->calls[PSD_DEVPM_SUSPEND], 2U);
	KUNIT_EXPECT_EQ(test, r->calls[PSD_DEVPM_RESUME], 2U);
	KUNIT_EXPECT_EQ(test, r->nfailed, 0);
	for (i = 0; i < r->nslow[PSD_DEVPM_SUSPEND]; i++)
		KUNIT_EXPECT_STREQ(test, r->slow[PSD_DEVPM_SUSPEND][i].phase,
				   "suspend");
	KUNIT_ASSERT_EQ(test, r->nslow[PSD_DEVPM_RESUME], 2);
	for (i = 0; i < 2; i++) {
		s = &r->slow[PSD_DEVPM_RESUME][i];
		KUNIT_EXPECT_STREQ(test, s->phase,
				   !strcmp(s->dev, dev_name(a)) ? "resume" :
							       "complete");
	}
	KUNIT_EXPECT_EQ(test, psd_devpm_dropped(), 0ULL);
	KUNIT_EXPECT_FALSE(test, psd_cycle_aborted(id));
}

/* Outside a cycle (hibernation, runtime) nothing is recorded. */
static void devpm_outside_cycle_ignored(struct kunit *test)
{
	struct device *a = kdev(test, "psdk-out");
	unsigned int n;

	both("dpm_suspend", 2);
	call(a, -EIO);
	last_of_type(test, PSD_EV_DEVPM_ERROR, &n);
	KUNIT_EXPECT_EQ(test, n, 0U);
	KUNIT_EXPECT_EQ(test, psd_devpm_dropped(), 0ULL);
}

/* prepare returning -EAGAIN is skipped by dpm_prepare(): no abort. */
static void devpm_prepare_eagain_no_abort(struct kunit *test)
{
	struct device *a = kdev(test, "psdk-again");
	struct psd_cycle c;
	u32 id;

	tp("suspend_enter", FREEZE, true);
	notify(PM_SUSPEND_PREPARE);
	tp("suspend_enter", FREEZE, false);
	id = psd_cycle_current();
	tp("dpm_prepare", 2, true);
	call(a, -EAGAIN);
	tp("dpm_prepare", 2, false);
	suspend_devices();
	s2idle_round();
	end_cycle();
	KUNIT_ASSERT_TRUE(test, psd_cycle_get(id, &c));
	KUNIT_EXPECT_EQ(test, c.result, (u8)PSD_RES_RESUMED);
	KUNIT_EXPECT_EQ(test, c.abort_err, 0);
}

/* One s2idle cycle in which the devices @devs[0..@n) resumed, in order. */
static u32 cycle_resuming(struct device **devs, unsigned int n)
{
	unsigned int i;
	u32 id;

	begin_state(FREEZE);
	id = psd_cycle_current();
	both("dpm_suspend", 2);
	sleep_after_suspend();
	tp("dpm_resume", 16, true);
	for (i = 0; i < n; i++)
		call(devs[i], 0);
	tp("dpm_resume", 16, false);
	notify(PM_POST_SUSPEND);
	return id;
}

static void show_cycle(struct seq_file *m, u32 cycle, const void *part)
{
	const struct psd_devpm_rec *r = part;

	seq_printf(m, "%u:%u:%s\n", cycle, r->calls[PSD_DEVPM_RESUME],
		   r->slow[PSD_DEVPM_RESUME][0].dev);
}

/*
 * The devpm file reads the layer's parts from the store: each ended
 * cycle, oldest first, with what its own callbacks were.
 */
static void devpm_parts_from_store(struct kunit *test)
{
	struct device *devs[] = { kdev(test, "psdk-one"),
				  kdev(test, "psdk-two") };
	struct seq_file *m = psd_kunit_seq(test, 256);
	char want[128];
	u32 a, b;

	a = cycle_resuming(devs, 1);
	b = cycle_resuming(devs + 1, 1);
	/* Nothing of the open cycle before it ends. */
	begin_state(FREEZE);
	KUNIT_ASSERT_EQ(test, psd_report_parts_show(m, &psd_devpm_layer,
						    show_cycle), 0);
	end_cycle();
	snprintf(want, sizeof(want), "%u:1:%s\n%u:1:%s\n", a, dev_name(devs[0]),
		 b, dev_name(devs[1]));
	KUNIT_EXPECT_STREQ(test, psd_kunit_text(test, m), want);
}

static struct kunit_case devpm_cases[] = {
	KUNIT_CASE(devpm_slowest_n),
	KUNIT_CASE(devpm_slowest_ties_and_directions),
	KUNIT_CASE(devpm_failed_bounded),
	KUNIT_CASE(devpm_inflight_interleaved),
	KUNIT_CASE(devpm_inflight_overflow),
	KUNIT_CASE(devpm_noirq_failure_aborts),
	KUNIT_CASE(devpm_layer_interleaved_phases),
	KUNIT_CASE(devpm_outside_cycle_ignored),
	KUNIT_CASE(devpm_prepare_eagain_no_abort),
	KUNIT_CASE(devpm_parts_from_store),
	{}
};

static struct kunit_suite devpm_suite = {
	.name = "pmic_sleepdiag_devpm",
	.init = psd_kunit_core_init,
	.test_cases = devpm_cases,
};

kunit_test_suite(devpm_suite);
