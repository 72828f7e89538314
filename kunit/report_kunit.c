// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: the per-cycle digest (pmic_sleepdiag/report.c).  Cycles come from
 * the real tracker, driven with the kernel's suspend sequence
 * (suspend_seq.h); what the layers would report in them is fed to
 * psd_report_event(), _anomaly(), _irq() and _part() by hand, and read back
 * with psd_report_get().  The suite's cycles reach no layer (an empty
 * set in PSD_SEQ_LAYERS), so that nothing real reports into them.
 */
#include <kunit/test.h>
#include <linux/string.h>
#include <linux/suspend.h>

#include "../pmic_sleepdiag/sleepers.h"
#include "psd_kunit.h"
#include "records.h"

static struct psd_layer_set no_layers;
#define PSD_SEQ_LAYERS	(&no_layers)
#include "suspend_seq.h"

static void ws_ev(u32 cycle, u16 type, u8 phase, const char *name)
{
	struct psd_record rec = { .cycle = cycle, .type = type, .phase = phase };

	strscpy(rec.name, name, sizeof(rec.name));
	psd_report_event(&rec);
}

static void activate(u32 cycle, u8 phase, const char *name)
{
	ws_ev(cycle, PSD_EV_WS_ACTIVATE, phase, name);
}

static void an(u32 cycle, unsigned int cls, u64 seq, u8 flag,
	       const char *name)
{
	struct psd_record rec = {
		.seq = seq, .cycle = cycle, .type = cls, .flag = flag,
	};

	strscpy(rec.name, name, sizeof(rec.name));
	psd_report_anomaly(&rec);
}

/* Open a cycle and suspend the devices: the cycle's id. */
static u32 begin(void)
{
	begin_state(FREEZE);
	suspend_devices();
	return psd_cycle_current();
}

static void sleep_and_resume(void)
{
	s2idle_round();
	end_cycle();
}

/* A whole cycle with nothing reported in it. */
static u32 quiet_cycle(void)
{
	u32 id = begin();

	sleep_and_resume();
	return id;
}

/* The hrtimer layer's part of a cycle, as that layer writes it. */
static void report_hrt(u32 id, const struct psd_rpt_hrt *h)
{
	psd_report_part(&psd_hrtimer_layer, id, 0, h, sizeof(*h));
}

static const struct psd_rpt_hrt *hrt(const struct psd_report_cycle *r)
{
	return psd_report_part_of(r, &psd_hrtimer_layer);
}

static struct psd_report_cycle *get(struct kunit *test, u32 id)
{
	struct psd_report_cycle *r = psd_kunit_record(test);

	KUNIT_ASSERT_TRUE_MSG(test, psd_report_get(id, r), "cycle %u", id);
	KUNIT_EXPECT_EQ(test, r->c.id, id);
	return r;
}

static const struct psd_rpt_ws *find_ws(const struct psd_report_cycle *r,
					const char *name)
{
	unsigned int i;

	for (i = 0; i < r->nws; i++)
		if (!strcmp(r->ws[i].name, name))
			return &r->ws[i];
	return NULL;
}

static void expect_ws(struct kunit *test, const struct psd_report_cycle *r,
		      const char *name, u32 activations, u8 what)
{
	const struct psd_rpt_ws *w = find_ws(r, name);

	KUNIT_ASSERT_NOT_NULL_MSG(test, w, "ws %s", name);
	KUNIT_EXPECT_EQ_MSG(test, w->activations, activations, "ws %s", name);
	KUNIT_EXPECT_EQ_MSG(test, w->what, what, "ws %s", name);
}

static const struct psd_rpt_irq *find_irq(const struct psd_report_cycle *r,
					  u32 irq)
{
	unsigned int i;

	for (i = 0; i < r->nirq; i++)
		if (r->irq[i].irq == irq)
			return &r->irq[i];
	return NULL;
}

static int report_init(struct kunit *test)
{
	psd_kunit_core(test);
	return 0;
}

#define ACT	PSD_RPT_WS_ACTIVATED
#define SUSP	PSD_RPT_WS_IN_SUSPEND
#define DEACT	PSD_RPT_WS_DEACTIVATED

static void report_ws_flags(struct kunit *test)
{
	struct psd_report_cycle *r;
	struct psd_verdict v;
	u32 prev = psd_cycle_current(), id;

	id = begin();
	KUNIT_EXPECT_GT(test, id, prev);
	activate(id, PSD_PH_PREPARE, "psdr-held");
	activate(id, PSD_PH_SUSPEND, "psdr-fine");
	ws_ev(id, PSD_EV_WS_DEACTIVATE, PSD_PH_SUSPEND, "psdr-fine");
	activate(id, PSD_PH_SUSPEND_NOIRQ, "psdr-nh");
	an(id, PSD_AN_WS_NOT_HONORED, 500, 0, "psdr-nh");
	an(id, PSD_AN_WS_STUCK_ACTIVE, 501, 0, "psdr-held");
	ws_ev(id, PSD_EV_WS_DEACTIVATE, PSD_PH_SUSPEND, "psdr-off");
	s2idle_round();
	activate(id, PSD_PH_S2IDLE, "psdr-s2i");
	activate(id, PSD_PH_RESUME_NOIRQ, "psdr-rnoirq");
	activate(id, PSD_PH_RESUME, "psdr-res");
	activate(id, PSD_PH_RESUME, "psdr-res");
	end_cycle();

	r = get(test, id);
	KUNIT_EXPECT_EQ(test, r->c.result, PSD_RES_RESUMED);
	KUNIT_EXPECT_EQ(test, r->nws, 7);
	KUNIT_EXPECT_EQ(test, r->ws_more, 0U);
	expect_ws(test, r, "psdr-held", 1, ACT | SUSP | PSD_RPT_WS_STUCK);
	expect_ws(test, r, "psdr-fine", 1, ACT | SUSP | DEACT);
	expect_ws(test, r, "psdr-nh", 1, ACT | SUSP | PSD_RPT_WS_NOT_HONORED);
	expect_ws(test, r, "psdr-off", 0, DEACT);
	expect_ws(test, r, "psdr-s2i", 1, ACT | SUSP);
	expect_ws(test, r, "psdr-rnoirq", 1, ACT);
	expect_ws(test, r, "psdr-res", 2, ACT);
	KUNIT_EXPECT_EQ(test, r->an[PSD_AN_WS_NOT_HONORED].count, 1U);
	KUNIT_EXPECT_EQ(test, r->an[PSD_AN_WS_NOT_HONORED].first_seq, 500ULL);
	KUNIT_EXPECT_EQ(test, r->an[PSD_AN_WS_STUCK_ACTIVE].count, 1U);
	KUNIT_EXPECT_EQ(test, r->an[PSD_AN_WS_STUCK_ACTIVE].first_seq, 501ULL);

	/* Not honored comes before stuck; the trace event says the same. */
	psd_verdict(r, &v);
	KUNIT_EXPECT_STREQ(test, v.rule->name, "ws_not_honored");
	KUNIT_EXPECT_NOT_NULL(test, strstr(v.detail, "psdr-nh"));
	KUNIT_EXPECT_STREQ(test, psd_report_verdict_name(id), "ws_not_honored");
}

/* An empty name, or a type the digest does not keep, adds nothing. */
static void report_ignores_noise(struct kunit *test)
{
	struct psd_report_cycle *r;
	u32 id = begin();

	activate(id, PSD_PH_SUSPEND, "");
	ws_ev(id, PSD_EV_ALARM_ARMED, PSD_PH_SUSPEND, "psdr-alarm");
	ws_ev(id, PSD_NR_EVENT_TYPES, PSD_PH_SUSPEND, "psdr-bad");
	an(id, PSD_NR_ANOMALY_CLASSES, 600, 0, "psdr-bad");
	an(0, PSD_AN_WS_STUCK_ACTIVE, 601, 0, "psdr-zero");
	activate(0, PSD_PH_SUSPEND, "psdr-zero");
	psd_report_irq(0, 40, PSD_PH_SUSPEND_NOIRQ, PSD_IRQP_YES, true, true);
	sleep_and_resume();

	r = get(test, id);
	KUNIT_EXPECT_EQ(test, r->nws, 0);
	KUNIT_EXPECT_EQ(test, r->ws_more, 0U);
	KUNIT_EXPECT_EQ(test, r->nirq, 0);
	KUNIT_EXPECT_NULL(test, hrt(r));
	KUNIT_EXPECT_EQ(test, r->an[PSD_AN_WS_STUCK_ACTIVE].count, 0U);
	KUNIT_EXPECT_FALSE(test, psd_report_get(0, r));
	KUNIT_EXPECT_FALSE(test, psd_report_get(id + 1, r));
}

static void report_ws_aborted(struct kunit *test)
{
	struct psd_report_cycle *r;
	struct psd_verdict v;
	u32 id;

	/* dpm_suspend_late fails on a wakeup event and resumes itself. */
	begin_state(FREEZE);
	id = psd_cycle_current();
	both("dpm_suspend", 2);
	activate(id, PSD_PH_SUSPEND, "psdr-abort");
	both("dpm_suspend_late", 2);
	psd_cycle_set_abort_ws(id, "psdr-abort");
	both("dpm_resume_early", 16);
	both("dpm_resume", 16);
	notify(PM_POST_SUSPEND);

	r = get(test, id);
	KUNIT_EXPECT_EQ(test, r->c.result, PSD_RES_ABORTED);
	KUNIT_EXPECT_STREQ(test, r->c.abort_ws, "psdr-abort");
	KUNIT_EXPECT_EQ(test, r->nws, 1);
	expect_ws(test, r, "psdr-abort", 1, ACT | SUSP | PSD_RPT_WS_ABORTED);
	psd_verdict(r, &v);
	KUNIT_EXPECT_STREQ(test, v.rule->name, "suspend_aborted");
	KUNIT_EXPECT_NOT_NULL(test, strstr(v.detail, "psdr-abort"));

	/* A source active since before the cycle: named by the abort only. */
	begin_state(FREEZE);
	id = psd_cycle_current();
	both("dpm_suspend", 2);
	psd_cycle_set_abort_ws(id, "psdr-before");
	both("dpm_resume", 16);
	notify(PM_POST_SUSPEND);

	r = get(test, id);
	KUNIT_EXPECT_EQ(test, r->c.result, PSD_RES_ABORTED);
	KUNIT_EXPECT_EQ(test, r->nws, 1);
	expect_ws(test, r, "psdr-before", 0, PSD_RPT_WS_ABORTED);

	/* A resumed cycle's end names no source, whatever was set. */
	id = begin();
	psd_cycle_set_abort_ws(id, "psdr-not-abort");
	sleep_and_resume();
	r = get(test, id);
	KUNIT_EXPECT_EQ(test, r->c.result, PSD_RES_RESUMED);
	KUNIT_EXPECT_NULL(test, find_ws(r, "psdr-not-abort"));
}

static void report_ws_bound(struct kunit *test)
{
	struct psd_report_cycle *r;
	unsigned int i, extra = 3;
	char name[16];
	u32 id = begin();

	for (i = 0; i < PSD_RPT_MAX_WS + extra; i++) {
		snprintf(name, sizeof(name), "psdr-b%u", i);
		activate(id, PSD_PH_SUSPEND, name);
	}
	/* Again for a kept one: counted on its entry, not as more. */
	activate(id, PSD_PH_RESUME, "psdr-b0");
	/* Again for one that did not fit: still one source more. */
	activate(id, PSD_PH_RESUME, "psdr-b9");
	sleep_and_resume();

	r = get(test, id);
	KUNIT_EXPECT_EQ(test, r->nws, PSD_RPT_MAX_WS);
	KUNIT_EXPECT_EQ(test, r->ws_more, extra);
	for (i = 0; i < PSD_RPT_MAX_WS; i++) {
		snprintf(name, sizeof(name), "psdr-b%u", i);
		KUNIT_EXPECT_STREQ(test, r->ws[i].name, name);
		KUNIT_EXPECT_EQ(test, r->ws[i].activations, i ? 1U : 2U);
	}
	KUNIT_EXPECT_NULL(test, find_ws(r, "psdr-b8"));
}

static void report_irq_entries(struct kunit *test)
{
	/* 42: wake-armed once is enough; 44: stuck, seen in neither. */
	static const struct psd_rpt_irq want[] = {
		{ 40, PSD_IRQP_YES, PSD_IRQP_YES, true, true },
		{ 41, PSD_RPT_NOT_SEEN, PSD_IRQP_YES, false, false },
		{ 42, PSD_IRQP_NO, PSD_IRQP_NO, true, false },
		{ 44, PSD_RPT_NOT_SEEN, PSD_RPT_NOT_SEEN, false, true },
	};
	const struct psd_rpt_irq *e;
	struct psd_report_cycle *r;
	struct psd_verdict v;
	unsigned int i;
	u32 id = begin();

	psd_report_irq(id, 40, PSD_PH_SUSPEND_NOIRQ, PSD_IRQP_YES, true, false);
	psd_report_irq(id, 41, PSD_PH_SUSPEND_NOIRQ, PSD_IRQP_NO, false, false);
	psd_report_irq(id, 42, PSD_PH_SUSPEND_NOIRQ, PSD_IRQP_NO, true, false);
	psd_report_irq(id, 43, PSD_PH_SUSPEND_NOIRQ, PSD_IRQP_UNSUPPORTED,
		       false, false);
	s2idle_round();
	/* A poll while asleep: stuck, not a suspend or resume sample. */
	psd_report_irq(id, 44, PSD_PH_S2IDLE, PSD_IRQP_YES, false, true);
	psd_report_irq(id, 40, PSD_PH_RESUME_NOIRQ, PSD_IRQP_YES, true, true);
	psd_report_irq(id, 41, PSD_PH_RESUME_NOIRQ, PSD_IRQP_YES, false, false);
	psd_report_irq(id, 42, PSD_PH_RESUME_NOIRQ, PSD_IRQP_NO, false, false);
	end_cycle();

	r = get(test, id);
	KUNIT_EXPECT_EQ(test, r->nirq, 4);
	KUNIT_EXPECT_EQ(test, r->irq_more, 0U);
	KUNIT_EXPECT_NULL(test, find_irq(r, 43));

	for (i = 0; i < ARRAY_SIZE(want); i++) {
		e = find_irq(r, want[i].irq);
		KUNIT_ASSERT_NOT_NULL_MSG(test, e, "irq %u", want[i].irq);
		KUNIT_EXPECT_EQ_MSG(test, e->at_suspend, want[i].at_suspend,
				    "irq %u", e->irq);
		KUNIT_EXPECT_EQ_MSG(test, e->at_resume, want[i].at_resume,
				    "irq %u", e->irq);
		KUNIT_EXPECT_EQ_MSG(test, e->wake, want[i].wake, "irq %u", e->irq);
		KUNIT_EXPECT_EQ_MSG(test, e->stuck, want[i].stuck, "irq %u",
				    e->irq);
	}

	/* Two stuck: the wake-armed one is the evidence. */
	psd_verdict(r, &v);
	KUNIT_EXPECT_STREQ(test, v.rule->name, "irq_stuck_pending");
	KUNIT_EXPECT_NOT_NULL(test, strstr(v.detail, "irq 40"));
}

static void report_irq_bound(struct kunit *test)
{
	struct psd_report_cycle *r;
	unsigned int i, extra = 2;
	u32 id = begin();

	for (i = 0; i < PSD_RPT_MAX_IRQS + extra; i++)
		psd_report_irq(id, 100 + i, PSD_PH_SUSPEND_NOIRQ, PSD_IRQP_YES,
			       false, false);
	/* Kept ones again: updated in place, not counted as more. */
	for (i = 0; i < PSD_RPT_MAX_IRQS; i++)
		psd_report_irq(id, 100 + i, PSD_PH_RESUME_NOIRQ, PSD_IRQP_NO,
			       false, false);
	/* Ones that did not fit, again: still the same IRQs more. */
	for (i = PSD_RPT_MAX_IRQS; i < PSD_RPT_MAX_IRQS + extra; i++)
		psd_report_irq(id, 100 + i, PSD_PH_RESUME_NOIRQ, PSD_IRQP_YES,
			       false, false);
	sleep_and_resume();

	r = get(test, id);
	KUNIT_EXPECT_EQ(test, r->nirq, PSD_RPT_MAX_IRQS);
	KUNIT_EXPECT_EQ(test, r->irq_more, extra);
	for (i = 0; i < PSD_RPT_MAX_IRQS; i++) {
		KUNIT_EXPECT_EQ(test, r->irq[i].irq, 100 + i);
		KUNIT_EXPECT_EQ(test, r->irq[i].at_suspend, PSD_IRQP_YES);
		KUNIT_EXPECT_EQ(test, r->irq[i].at_resume, PSD_IRQP_NO);
	}
	KUNIT_EXPECT_NULL(test, find_irq(r, 100 + PSD_RPT_MAX_IRQS));
}

/* Full of wake-armed IRQs never pending: a stuck one takes a place. */
static void report_irq_stuck_displaces_wake(struct kunit *test)
{
	const unsigned int stuck_irq = 300;
	struct psd_report_cycle *r;
	unsigned int i;
	u32 id = begin();

	for (i = 0; i < PSD_RPT_MAX_IRQS; i++)
		psd_report_irq(id, 200 + i, PSD_PH_SUSPEND_NOIRQ, PSD_IRQP_NO,
			       true, false);
	psd_report_irq(id, 200, PSD_PH_RESUME_NOIRQ, PSD_IRQP_YES, true,
		       false);
	psd_report_irq(id, stuck_irq, PSD_PH_RESUME_NOIRQ, PSD_IRQP_YES,
		       false, true);
	sleep_and_resume();

	r = get(test, id);
	KUNIT_EXPECT_EQ(test, r->nirq, PSD_RPT_MAX_IRQS);
	KUNIT_EXPECT_NOT_NULL(test, find_irq(r, stuck_irq));
	/* The one seen pending keeps its place; one never pending went. */
	KUNIT_EXPECT_NOT_NULL(test, find_irq(r, 200));
	KUNIT_EXPECT_EQ(test, r->irq_more, 1U);
}

static void report_anomaly_counts(struct kunit *test)
{
	struct psd_report_cycle *r;
	unsigned int i;
	u32 id = begin();

	an(id, PSD_AN_IRQ_STUCK_PENDING, 900, 0, "");
	an(id, PSD_AN_IRQ_STUCK_PENDING, 905, 0, "");
	an(id, PSD_AN_IRQ_STUCK_PENDING, 907, 0, "");
	an(id, PSD_AN_HRTIMER_LATE, 910, PSD_HRT_POST_RESUME, "");
	an(id, PSD_AN_HRTIMER_LATE, 911, PSD_HRT_ALL, "");
	an(id, PSD_AN_PMIC_CONFIG_RISK, 912, 0, "rtc_pwdn");
	sleep_and_resume();

	r = get(test, id);
	for (i = 0; i < PSD_NR_ANOMALY_CLASSES; i++) {
		u32 want = i == PSD_AN_IRQ_STUCK_PENDING ? 3 :
			   i == PSD_AN_HRTIMER_LATE ? 2 :
			   i == PSD_AN_PMIC_CONFIG_RISK ? 1 : 0;

		KUNIT_EXPECT_EQ_MSG(test, r->an[i].count, want, "class %u", i);
	}
	KUNIT_EXPECT_EQ(test, r->an[PSD_AN_IRQ_STUCK_PENDING].first_seq, 900ULL);
	KUNIT_EXPECT_EQ(test, r->an[PSD_AN_HRTIMER_LATE].first_seq, 910ULL);
	KUNIT_EXPECT_EQ(test, r->an[PSD_AN_PMIC_CONFIG_RISK].first_seq, 912ULL);
	KUNIT_EXPECT_EQ(test, r->an[PSD_AN_HRTIMER_LATE].flags,
			(u8)(BIT(PSD_HRT_POST_RESUME) | BIT(PSD_HRT_ALL)));
	KUNIT_EXPECT_EQ(test, r->nws, 0);	/* no name, no entry */
}

static void report_hrt_replaced(struct kunit *test)
{
	const struct psd_rpt_hrt h1 = {
		.count = 10, .max_ns = 5000, .late = 1, .suspended = 0,
		.late_us = 100,
	};
	const struct psd_rpt_hrt h2 = {
		.count = 25, .max_ns = 900000, .late = 4, .suspended = 3,
		.late_us = 200,
	};
	struct psd_report_cycle *r;
	u32 quiet, id = quiet_cycle();

	/* The window closes after the cycle's end: still its cycle. */
	report_hrt(id, &h1);
	r = get(test, id);
	KUNIT_ASSERT_NOT_NULL(test, hrt(r));
	KUNIT_EXPECT_EQ(test, hrt(r)->count, h1.count);

	report_hrt(id, &h2);
	r = get(test, id);
	KUNIT_ASSERT_NOT_NULL(test, hrt(r));
	KUNIT_EXPECT_EQ(test, hrt(r)->count, h2.count);
	KUNIT_EXPECT_EQ(test, hrt(r)->max_ns, h2.max_ns);
	KUNIT_EXPECT_EQ(test, hrt(r)->late, h2.late);
	KUNIT_EXPECT_EQ(test, hrt(r)->suspended, h2.suspended);
	KUNIT_EXPECT_EQ(test, hrt(r)->late_us, h2.late_us);

	quiet = quiet_cycle();
	r = get(test, quiet);
	KUNIT_EXPECT_NULL(test, hrt(r));
	r = get(test, id);
	KUNIT_ASSERT_NOT_NULL(test, hrt(r));
	KUNIT_EXPECT_EQ(test, hrt(r)->count, h2.count);
}

static void report_wake_irq_name(struct kunit *test)
{
	struct psd_report_cycle *r;
	u32 id = begin();

	s2idle_round();
	ws_ev(id, PSD_EV_WAKE_IRQ, PSD_PH_S2IDLE, "rtc0");
	ws_ev(id, PSD_EV_WAKE_IRQ, PSD_PH_S2IDLE, "eth0");
	end_cycle();
	r = get(test, id);
	KUNIT_EXPECT_STREQ(test, r->wake_irq_name, "rtc0");
	KUNIT_EXPECT_STREQ(test, get(test, quiet_cycle())->wake_irq_name, "");
}

/* A late report for a cycle whose slot was reused changes nothing. */
static void report_old_cycle_not_resurrected(struct kunit *test)
{
	const struct psd_rpt_hrt h = { .count = 1, .late = 1, .late_us = 1 };
	unsigned int keep = psd_params.keep_cycles, i;
	struct psd_report_cycle *r;
	u32 old, last = 0;

	old = begin();
	activate(old, PSD_PH_SUSPEND, "psdr-old");
	sleep_and_resume();
	for (i = 0; i < keep; i++) {
		last = begin();
		activate(last, PSD_PH_SUSPEND, "psdr-new");
		sleep_and_resume();
	}
	KUNIT_ASSERT_EQ(test, last, old + keep);
	KUNIT_EXPECT_FALSE(test, psd_report_get(old, get(test, last)));

	activate(old, PSD_PH_RESUME, "psdr-old");
	an(old, PSD_AN_WS_NOT_HONORED, 700, 0, "psdr-old");
	psd_report_irq(old, 40, PSD_PH_SUSPEND_NOIRQ, PSD_IRQP_YES, true, true);
	report_hrt(old, &h);
	ws_ev(old, PSD_EV_WAKE_IRQ, PSD_PH_S2IDLE, "psdr-old-irq");

	r = get(test, last);
	KUNIT_EXPECT_EQ(test, r->nws, 1);
	expect_ws(test, r, "psdr-new", 1, ACT | SUSP);
	KUNIT_EXPECT_EQ(test, r->an[PSD_AN_WS_NOT_HONORED].count, 0U);
	KUNIT_EXPECT_EQ(test, r->nirq, 0);
	KUNIT_EXPECT_NULL(test, hrt(r));
	KUNIT_EXPECT_STREQ(test, r->wake_irq_name, "");
	KUNIT_EXPECT_FALSE(test, psd_report_get(old, r));
	/* And the newer cycle's own reports still land. */
	activate(last, PSD_PH_RESUME, "psdr-new");
	KUNIT_EXPECT_EQ(test, get(test, last)->ws[0].activations, 2U);
}

/* The kept range follows the tracker; reset empties it. */
static void report_range(struct kunit *test)
{
	u32 first, last, a, b;

	a = quiet_cycle();
	b = quiet_cycle();
	KUNIT_ASSERT_TRUE(test, psd_report_range(&first, &last));
	KUNIT_EXPECT_EQ(test, first, a);
	KUNIT_EXPECT_EQ(test, last, b);
	psd_reset_core();	/* what control "reset" does to the core */
	KUNIT_EXPECT_FALSE(test, psd_report_range(&first, &last));
}

/* control reset forgets the digests, even of the cycle still open. */
static void report_reset_clears(struct kunit *test)
{
	struct psd_report_cycle *r;
	u32 before, id;

	before = begin();
	activate(before, PSD_PH_SUSPEND, "psdr-earlier");
	sleep_and_resume();

	id = begin();
	activate(id, PSD_PH_SUSPEND, "psdr-before");
	an(id, PSD_AN_WS_STUCK_ACTIVE, 800, 0, "psdr-before");
	psd_report_irq(id, 50, PSD_PH_SUSPEND_NOIRQ, PSD_IRQP_YES, true, false);
	ws_ev(id, PSD_EV_WAKE_IRQ, PSD_PH_SUSPEND_NOIRQ, "psdr-irq");
	psd_reset_core();	/* what control "reset" does to the core */
	activate(id, PSD_PH_SUSPEND_NOIRQ, "psdr-after");
	sleep_and_resume();

	r = get(test, id);
	KUNIT_EXPECT_EQ(test, r->nws, 1);
	expect_ws(test, r, "psdr-after", 1, ACT | SUSP);
	KUNIT_EXPECT_EQ(test, r->an[PSD_AN_WS_STUCK_ACTIVE].count, 0U);
	KUNIT_EXPECT_EQ(test, r->nirq, 0);
	KUNIT_EXPECT_STREQ(test, r->wake_irq_name, "");
	KUNIT_EXPECT_FALSE(test, psd_report_get(before, r));
}

/*
 * Each layer's part is its own: the pmic layer writes its two halves at
 * different times and both stay; a part no layer wrote is absent; a write
 * past the end of a part is dropped.
 */
static void report_parts_apart(struct kunit *test)
{
	struct psd_pmic_seen pre = { .has = true, .lint.err = -5 };
	struct psd_pmic_seen wake = { .has = true, .lint.err = -6 };
	const struct psd_rpt_hrt h = { .count = 3, .late = 1, .late_us = 9 };
	const struct psd_pmic_part *pp;
	struct psd_report_cycle *r;
	u32 id = quiet_cycle();

	psd_report_part(&psd_pmic_layer, id,
			offsetof(struct psd_pmic_part, presleep), &pre,
			sizeof(pre));
	report_hrt(id, &h);
	psd_report_part(&psd_pmic_layer, id,
			offsetof(struct psd_pmic_part, wake), &wake, sizeof(wake));
	/* One byte too far: not written, and the part stays as it was. */
	psd_report_part(&psd_hrtimer_layer, id, 1, &h, sizeof(h));

	r = get(test, id);
	pp = psd_report_part_of(r, &psd_pmic_layer);
	KUNIT_ASSERT_NOT_NULL(test, pp);
	KUNIT_EXPECT_TRUE(test, pp->presleep.has);
	KUNIT_EXPECT_EQ(test, pp->presleep.lint.err, -5);
	KUNIT_EXPECT_TRUE(test, pp->wake.has);
	KUNIT_EXPECT_EQ(test, pp->wake.lint.err, -6);
	KUNIT_ASSERT_NOT_NULL(test, hrt(r));
	KUNIT_EXPECT_EQ(test, memcmp(hrt(r), &h, sizeof(h)), 0);
	KUNIT_EXPECT_NULL(test, psd_report_part_of(r, &psd_sleepers_layer));
	KUNIT_EXPECT_NULL(test, psd_report_part_of(get(test, quiet_cycle()),
						   &psd_pmic_layer));
}

/* Reset forgets an open cycle's parts, not the tracker's record of it. */
static void report_reset_keeps_open_cycle(struct kunit *test)
{
	const struct psd_rpt_hrt h = { .count = 1 };
	struct psd_report_cycle *r;
	u32 id = begin();

	report_hrt(id, &h);
	psd_reset_core();
	sleep_and_resume();
	r = get(test, id);
	KUNIT_EXPECT_NULL(test, hrt(r));
	KUNIT_EXPECT_EQ(test, r->c.s2idle_loops, 1U);
	KUNIT_EXPECT_NE(test, r->c.t_start[PSD_PH_PREPARE], 0ULL);
	report_hrt(id, &h);	/* the cycle still takes parts */
	KUNIT_EXPECT_NOT_NULL(test, hrt(get(test, id)));
}

/* Whether @a's part and @b's share a byte of the slot. */
static bool parts_overlap(const struct psd_layer *a, const struct psd_layer *b)
{
	return a->state.part_off < b->state.part_off + b->part->size &&
	       b->state.part_off < a->state.part_off + a->part->size;
}

static u8 place(const struct psd_layer *l, bool json)
{
	return json ? l->part->json_at : l->part->text_at;
}

/* One format's parts: each once, with its renderer, places rising. */
static unsigned int parts_in_order(struct kunit *test, bool json)
{
	const struct psd_layer *l;
	unsigned int i, k;

	for (i = 0; (l = psd_layer_part(i, json)); i++) {
		KUNIT_EXPECT_TRUE(test, json ? !!l->part->json : !!l->part->text);
		if (i)
			KUNIT_EXPECT_LE(test, place(psd_layer_part(i - 1, json),
						    json), place(l, json));
		for (k = 0; k < i; k++)
			KUNIT_EXPECT_PTR_NE(test, psd_layer_part(k, json), l);
	}
	return i;
}

/* The layers' parts as registered, in the report and in the slot. */
static void report_parts_laid_out(struct kunit *test)
{
	unsigned int i, k, n = parts_in_order(test, false);
	const struct psd_layer *l;

	KUNIT_EXPECT_GT(test, n, 0U);
	KUNIT_EXPECT_EQ(test, parts_in_order(test, true), n);
	for (i = 0; (l = psd_layer_part(i, false)); i++) {
		KUNIT_EXPECT_LE(test, l->state.part_off + l->part->size,
				psd_layers_parts_size());
		for (k = 0; k < i; k++)
			KUNIT_EXPECT_FALSE(test,
					   parts_overlap(l, psd_layer_part(k, false)));
	}
}

static struct kunit_case report_test_cases[] = {
	KUNIT_CASE(report_ws_flags),
	KUNIT_CASE(report_ignores_noise),
	KUNIT_CASE(report_ws_aborted),
	KUNIT_CASE(report_ws_bound),
	KUNIT_CASE(report_irq_entries),
	KUNIT_CASE(report_irq_bound),
	KUNIT_CASE(report_irq_stuck_displaces_wake),
	KUNIT_CASE(report_anomaly_counts),
	KUNIT_CASE(report_hrt_replaced),
	KUNIT_CASE(report_wake_irq_name),
	KUNIT_CASE(report_old_cycle_not_resurrected),
	KUNIT_CASE(report_range),
	KUNIT_CASE(report_reset_clears),
	KUNIT_CASE(report_parts_apart),
	KUNIT_CASE(report_reset_keeps_open_cycle),
	KUNIT_CASE(report_parts_laid_out),
	{}
};

static struct kunit_suite report_suite = {
	.name = "pmic_sleepdiag_report",
	.init = report_init,
	.test_cases = report_test_cases,
};

kunit_test_suite(report_suite);
