// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: the wakeup-source layer (wakesrc_trace/wakesrc.c, wakeirq.c),
 * driven through its real inputs: the wakeup_source_* probes, the cycle
 * tracker's notifier and suspend_resume probe (which call the layer's
 * phase hook), the kprobe's core and real wakeup sources of the UML
 * kernel.  Each test starts from an empty table, as the layer's start
 * leaves it; the layers themselves are never stopped or started.
 */
#include <kunit/test.h>
#include <linux/device.h>
#include <linux/pm_wakeup.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/suspend.h>
#include <linux/timekeeping.h>

#include "anomaly_log.h"
#include "psd_kunit.h"
#include "render.h"
#include "summary_text.h"
#include "suspend_seq.h"

static void on(const char *name)
{
	psd_ws_tp_activate(NULL, name, 0);
}

static void off(const char *name)
{
	psd_ws_tp_deactivate(NULL, name, 0);
}

/* A wakeup event (@name active, then not) while @step runs. */
static void event_during(const char *step, const char *name)
{
	tp(step, 2, true);
	on(name);
	off(name);
	tp(step, 2, false);
}

/*
 * A cycle a device's suspend reports an event from @name in: with the
 * handshake, the PM core aborts.
 */
static void aborted_by_event(const char *name)
{
	begin_state(FREEZE);
	event_during("dpm_suspend", name);
	both("dpm_resume", 16);
	notify(PM_POST_SUSPEND);
}

static void sleep_once(void)
{
	s2idle_round();
}

/* Anomalies of @cls naming @name (any name when NULL) since the reset. */
static unsigned int anomalies(unsigned int cls, const char *name,
			      struct psd_record *last)
{
	struct psd_record r;
	unsigned int n = 0;
	u64 pos = 0;

	while (psd_anomalies_get(&pos, &r)) {
		pos++;
		if (r.type != cls || (name && strcmp(r.name, name)))
			continue;
		n++;
		if (last)
			*last = r;
	}
	return n;
}

/* WS_NOT_HONORED anomalies since the reset. */
static unsigned int not_honored(void)
{
	return anomalies(PSD_AN_WS_NOT_HONORED, NULL, NULL);
}

static struct psd_ws_info info(struct kunit *test, const char *name)
{
	struct psd_ws_info w = {};

	KUNIT_EXPECT_TRUE_MSG(test, psd_ws_info_get(name, &w), "%s", name);
	return w;
}

/* summary's count of deactivations the table could not match */
static s64 untracked(struct kunit *test)
{
	return summary_value(test, "ws_untracked_deactivations");
}

/* The case's own table, learnt from the kernel as the layer's start does. */
static int ws_init(struct kunit *test)
{
	psd_kunit_core(test);
	psd_ws_forget();
	return 0;
}

static void ws_on_and_counts(struct kunit *test)
{
	struct psd_ws_info w;

	KUNIT_ASSERT_TRUE(test, psd_layer_on(&psd_wakesrc_layer));
	on("psdk-a");
	on("psdk-a");
	w = info(test, "psdk-a");
	KUNIT_EXPECT_EQ(test, w.nest, 2U);
	KUNIT_EXPECT_EQ(test, w.activations, 2ULL);
	off("psdk-a");
	off("psdk-a");
	w = info(test, "psdk-a");
	KUNIT_EXPECT_EQ(test, w.nest, 0U);
	KUNIT_EXPECT_EQ(test, w.deactivations, 2ULL);
	KUNIT_EXPECT_EQ(test, w.in_suspend, 0ULL);
	KUNIT_EXPECT_EQ(test, w.last_phase, (u8)PSD_NR_PHASES);
	KUNIT_EXPECT_FALSE(test, psd_ws_info_get("psdk-never", &w));
}

static void ws_untracked_deactivations(struct kunit *test)
{
	s64 before = untracked(test);

	off("psdk-unknown");
	KUNIT_EXPECT_EQ(test, untracked(test), before + 1);
	on("psdk-b");
	off("psdk-b");
	off("psdk-b");		/* more deactivations than activations */
	KUNIT_EXPECT_EQ(test, untracked(test), before + 2);
	KUNIT_EXPECT_EQ(test, info(test, "psdk-b").deactivations, 1ULL);
}

static void ws_not_honored(struct kunit *test)
{
	struct psd_record an;
	struct psd_ws_info w;

	begin_state(FREEZE);
	/* A device's suspend reports an event. */
	event_during("dpm_suspend", "psdk-soft");
	both("dpm_suspend_late", 2);
	both("dpm_suspend_noirq", 2);
	KUNIT_EXPECT_EQ(test, not_honored(), 0U);
	sleep_once();
	sleep_once();
	end_cycle();

	KUNIT_ASSERT_EQ(test, anomalies(PSD_AN_WS_NOT_HONORED, "psdk-soft",
					&an), 1U);
	KUNIT_EXPECT_EQ(test, an.cycle, psd_cycle_current());
	KUNIT_EXPECT_EQ(test, an.phase, (u8)PSD_PH_SUSPEND);
	KUNIT_EXPECT_EQ(test, not_honored(), 1U);
	w = info(test, "psdk-soft");
	KUNIT_EXPECT_EQ(test, w.in_suspend, 1ULL);
	KUNIT_EXPECT_EQ(test, w.last_phase, (u8)PSD_PH_SUSPEND);
}

static void ws_between_sleeps_not_honored(struct kunit *test)
{
	begin_state(FREEZE);
	suspend_devices();
	sleep_once();
	on("psdk-loop");	/* woke s2idle, but the loop went on */
	sleep_once();
	end_cycle();
	KUNIT_EXPECT_EQ(test, anomalies(PSD_AN_WS_NOT_HONORED, "psdk-loop",
					NULL), 1U);
	off("psdk-loop");
}

static void ws_resume_does_not_count(struct kunit *test)
{
	struct psd_ws_info w;

	begin_state(FREEZE);
	suspend_devices();
	sleep_once();
	tp("dpm_resume_noirq", 16, true);
	on("psdk-rtc");		/* rtc_update_irq() on resume */
	off("psdk-rtc");
	tp("dpm_resume_noirq", 16, false);
	both("dpm_resume_early", 16);
	both("dpm_resume", 16);
	notify(PM_POST_SUSPEND);

	KUNIT_EXPECT_EQ(test, not_honored(), 0U);
	w = info(test, "psdk-rtc");
	KUNIT_EXPECT_EQ(test, w.in_suspend, 0ULL);
	KUNIT_EXPECT_EQ(test, w.activations, 1ULL);
	KUNIT_EXPECT_EQ(test, w.last_phase, (u8)PSD_PH_RESUME_NOIRQ);
}

static void ws_no_sleep_is_not_an_anomaly(struct kunit *test)
{
	begin_state(FREEZE);
	both("dpm_suspend", 2);
	both("dpm_suspend_late", 2);
	event_during("dpm_suspend_noirq", "psdk-pending");
	resume_devices();	/* s2idle_loop() saw the wakeup pending */
	notify(PM_POST_SUSPEND);
	ended(test, PSD_RES_NO_SLEEP);
	KUNIT_EXPECT_EQ(test, not_honored(), 0U);
	KUNIT_EXPECT_EQ(test, info(test, "psdk-pending").in_suspend, 1ULL);
}

static void ws_abort_named_on_cycle_end(struct kunit *test)
{
	struct psd_record end;
	struct psd_cycle c;

	aborted_by_event("psdk-abort");

	c = ended(test, PSD_RES_ABORTED);
	KUNIT_EXPECT_STREQ(test, c.abort_ws, "psdk-abort");
	KUNIT_ASSERT_TRUE(test, events_of(PSD_EV_CYCLE_END, &end));
	KUNIT_EXPECT_EQ(test, end.flag, PSD_RES_ABORTED);
	KUNIT_EXPECT_STREQ(test, end.name, "psdk-abort");
	KUNIT_EXPECT_STREQ(test, psd_step_name(end.v[3]), "suspend");
	KUNIT_EXPECT_EQ(test, not_honored(), 0U);
	KUNIT_EXPECT_EQ(test, anomalies(PSD_AN_WS_STUCK_ACTIVE, NULL, NULL), 0U);
}

static void ws_resumed_cycle_names_no_source(struct kunit *test)
{
	struct psd_record end;

	s2idle_cycle();
	KUNIT_ASSERT_TRUE(test, events_of(PSD_EV_CYCLE_END, &end));
	KUNIT_EXPECT_EQ(test, end.flag, PSD_RES_RESUMED);
	KUNIT_EXPECT_STREQ(test, end.name, "");
}

/* Aborted in freezing by a source that was active all along. */
static void aborted_attempt(void)
{
	tp("suspend_enter", FREEZE, true);
	notify(PM_SUSPEND_PREPARE);
	both("freeze_processes", 0);
	notify(PM_POST_SUSPEND);
}

static void ws_stuck_across_two_aborts(struct kunit *test)
{
	struct psd_record an, end;

	on("psdk-lock");
	aborted_attempt();
	KUNIT_ASSERT_TRUE(test, events_of(PSD_EV_CYCLE_END, &end));
	KUNIT_EXPECT_STREQ(test, end.name, "psdk-lock");
	KUNIT_EXPECT_EQ(test, anomalies(PSD_AN_WS_STUCK_ACTIVE, NULL, NULL),
			0U);
	aborted_attempt();
	KUNIT_EXPECT_EQ(test, anomalies(PSD_AN_WS_STUCK_ACTIVE, "psdk-lock",
					&an), 1U);
	KUNIT_EXPECT_EQ(test, an.flag, 1);	/* across aborts */
	KUNIT_EXPECT_EQ(test, an.cycle, psd_cycle_current());
	aborted_attempt();	/* once per active stretch */
	KUNIT_EXPECT_EQ(test, anomalies(PSD_AN_WS_STUCK_ACTIVE, NULL, NULL),
			1U);
	off("psdk-lock");
}

static void ws_released_between_aborts(struct kunit *test)
{
	on("psdk-lock2");
	aborted_attempt();
	off("psdk-lock2");
	on("psdk-lock2");	/* a new stretch */
	aborted_attempt();
	KUNIT_EXPECT_EQ(test, anomalies(PSD_AN_WS_STUCK_ACTIVE, NULL, NULL),
			0U);
	off("psdk-lock2");
}

static void ws_stuck_for_ws_stuck_ms(struct kunit *test)
{
	u64 t0 = ktime_get_boot_fast_ns();
	struct psd_record an;

	/* Not yet: an hour to go. */
	KUNIT_ASSERT_EQ(test, psd_setting_apply(PSD_SET_WS_STUCK_MS, 3600000),
			0);
	on("psdk-long");
	psd_ws_stuck_scan(t0 + 10ULL * NSEC_PER_SEC);
	KUNIT_EXPECT_EQ(test, anomalies(PSD_AN_WS_STUCK_ACTIVE, NULL, NULL),
			0U);
	psd_setting_apply(PSD_SET_WS_STUCK_MS, 100);
	psd_ws_stuck_scan(t0 + 10ULL * NSEC_PER_SEC);
	KUNIT_ASSERT_EQ(test, anomalies(PSD_AN_WS_STUCK_ACTIVE, "psdk-long",
					&an), 1U);
	KUNIT_EXPECT_EQ(test, an.flag, 0);
	KUNIT_EXPECT_EQ(test, an.v[1], 100);
	KUNIT_EXPECT_GE(test, an.v[0], 100LL);
	psd_ws_stuck_scan(t0 + 20ULL * NSEC_PER_SEC);
	off("psdk-long");	/* already raised for this stretch */
	KUNIT_EXPECT_EQ(test, anomalies(PSD_AN_WS_STUCK_ACTIVE, NULL, NULL),
			1U);
	/* A short stretch raises nothing. */
	psd_setting_apply(PSD_SET_WS_STUCK_MS, 3600000);
	on("psdk-short");
	off("psdk-short");
	KUNIT_EXPECT_EQ(test, anomalies(PSD_AN_WS_STUCK_ACTIVE, NULL, NULL),
			1U);
}

static void ws_interleaved_cycles(struct kunit *test)
{
	/* An activation in an aborted cycle is not judged in the next one. */
	aborted_by_event("psdk-c1");

	s2idle_cycle();
	KUNIT_EXPECT_EQ(test, not_honored(), 0U);
	/* Hibernation phases outside a cycle change nothing. */
	notify(PM_HIBERNATION_PREPARE);
	both("dpm_suspend", 8);
	on("psdk-hib");
	off("psdk-hib");
	notify(PM_POST_HIBERNATION);
	KUNIT_EXPECT_EQ(test, info(test, "psdk-hib").in_suspend, 0ULL);
	KUNIT_EXPECT_EQ(test, info(test, "psdk-hib").last_phase,
			(u8)PSD_NR_PHASES);
}

static void ws_events_during_suspend(struct kunit *test)
{
	struct psd_record ev;

	on("psdk-outside");	/* no cycle: no event */
	off("psdk-outside");
	KUNIT_EXPECT_FALSE(test, events_of(PSD_EV_WS_ACTIVATE, &ev));
	begin_state(FREEZE);
	tp("dpm_suspend", 2, true);
	on("psdk-inside");
	KUNIT_ASSERT_TRUE(test, events_of(PSD_EV_WS_ACTIVATE, &ev));
	KUNIT_EXPECT_STREQ(test, ev.name, "psdk-inside");
	KUNIT_EXPECT_EQ(test, ev.phase, (u8)PSD_PH_SUSPEND);
	KUNIT_EXPECT_EQ(test, ev.cycle, psd_cycle_current());
	off("psdk-inside");
	KUNIT_ASSERT_TRUE(test, events_of(PSD_EV_WS_DEACTIVATE, &ev));
	KUNIT_EXPECT_EQ(test, ev.v[0], 0);
	KUNIT_EXPECT_GE(test, ev.v[1], 0);
	tp("dpm_suspend", 2, false);
	both("dpm_resume", 16);
	notify(PM_POST_SUSPEND);
}

static void ws_ring_overflow_is_counted(struct kunit *test)
{
	u64 dropped = psd_events_dropped();
	unsigned int i;

	begin_state(FREEZE);
	for (i = 0; i < psd_params.events; i++) {
		on("psdk-flood");
		off("psdk-flood");
	}
	both("dpm_suspend", 2);
	both("dpm_resume", 16);
	notify(PM_POST_SUSPEND);
	KUNIT_EXPECT_GE(test, psd_events_dropped(), dropped + psd_params.events);
	KUNIT_EXPECT_EQ(test, info(test, "psdk-flood").activations,
			(u64)psd_params.events);
}

static void ws_name_table_overflow(struct kunit *test)
{
	s64 over = summary_value(test, "ws_overflow");
	s64 gone = untracked(test);
	struct psd_ws_info w;
	unsigned int used, i;
	char name[16];

	for (used = 0; psd_ws_info_at(used, &w); used++)
		;
	KUNIT_ASSERT_LT(test, used, (unsigned int)PSD_WS_MAX);
	for (i = 0; i < PSD_WS_MAX + 3; i++) {
		snprintf(name, sizeof(name), "psdk-of%u", i);
		on(name);
	}
	for (i = 0; i < PSD_WS_MAX + 3; i++) {
		snprintf(name, sizeof(name), "psdk-of%u", i);
		off(name);
	}
	KUNIT_EXPECT_EQ(test, summary_value(test, "ws_overflow"),
			over + used + 3);
	KUNIT_EXPECT_EQ(test, untracked(test), gone + used + 3);
	KUNIT_EXPECT_FALSE(test, psd_ws_info_at(PSD_WS_MAX, &w));
	KUNIT_EXPECT_TRUE(test, psd_ws_info_at(PSD_WS_MAX - 1, &w));
	/* Names already in the table still count. */
	on("psdk-of0");
	KUNIT_EXPECT_EQ(test, info(test, "psdk-of0").activations, 2ULL);
	off("psdk-of0");
}

static void ws_long_names_are_truncated(struct kunit *test)
{
	static const char a[] =
		"psdk-a-very-long-wakeup-source-name-that-does-not-fit-1";
	static const char b[] =
		"psdk-a-very-long-wakeup-source-name-that-does-not-fit-2";
	struct psd_ws_info w;

	on(a);
	on(b);		/* same first PSD_NAME_LEN - 1 bytes: same entry */
	KUNIT_ASSERT_TRUE(test, psd_ws_info_get(a, &w));
	KUNIT_EXPECT_EQ(test, strlen(w.name), (size_t)PSD_NAME_LEN - 1);
	KUNIT_EXPECT_EQ(test, w.nest, 2U);
	off(a);
	off(b);
}

/* A real wakeup source of the UML kernel, active before the layer starts. */
static void ws_real_source_active_at_load(struct kunit *test)
{
	struct wakeup_source *ws;
	struct psd_ws_info w;
	s64 gone;

	psd_kunit_ws_probes(test);
	ws = wakeup_source_register(NULL, "psdk-real");
	KUNIT_ASSERT_NOT_NULL(test, ws);
	__pm_stay_awake(ws);
	psd_ws_forget();	/* as if the layer started now */
	gone = untracked(test);

	w = info(test, "psdk-real");
	KUNIT_EXPECT_EQ(test, w.nest, 1U);
	KUNIT_EXPECT_EQ(test, w.activations, 0ULL);
	__pm_relax(ws);		/* through the real tracepoint */
	w = info(test, "psdk-real");
	KUNIT_EXPECT_EQ(test, w.nest, 0U);
	KUNIT_EXPECT_EQ(test, w.deactivations, 1ULL);
	KUNIT_EXPECT_EQ(test, untracked(test), gone);
	__pm_stay_awake(ws);
	KUNIT_EXPECT_EQ(test, info(test, "psdk-real").activations, 1ULL);
	__pm_relax(ws);
	wakeup_source_unregister(ws);
}

static void ws_wake_irq_with_the_cycle(struct kunit *test)
{
	struct psd_record end, ev;
	struct psd_cycle c;

	KUNIT_EXPECT_TRUE(test, psd_wakeirq_is_rtc_name("rtc-pl031"));
	KUNIT_EXPECT_TRUE(test, psd_wakeirq_is_rtc_name("tps65910-rtc"));
	KUNIT_EXPECT_FALSE(test, psd_wakeirq_is_rtc_name("virtio0"));
	KUNIT_EXPECT_FALSE(test, psd_wakeirq_is_rtc_name(""));

	begin_state(FREEZE);
	suspend_devices();
	tp("machine_suspend", FREEZE, true);
	psd_wakeirq_note(42, 7, "rtc-pl031");
	psd_wakeirq_note(43, 8, "virtio0");	/* not the first: ignored */
	tp("machine_suspend", FREEZE, false);
	resume_devices();
	KUNIT_ASSERT_TRUE(test, psd_cycle_get(psd_cycle_current(), &c));
	KUNIT_EXPECT_EQ(test, c.wake_irq, 42);
	KUNIT_EXPECT_TRUE(test, psd_report_woke_by_rtc(c.id));
	KUNIT_ASSERT_TRUE(test, events_of(PSD_EV_WAKE_IRQ, &ev));
	KUNIT_EXPECT_EQ(test, ev.v[0], 43);
	KUNIT_EXPECT_STREQ(test, ev.name, "virtio0");
	KUNIT_EXPECT_EQ(test, ev.flag, 0);
	notify(PM_POST_SUSPEND);
	KUNIT_ASSERT_TRUE(test, events_of(PSD_EV_CYCLE_END, &end));
	KUNIT_EXPECT_EQ(test, end.v[2], 42);

	/* The next cycle woke by something else. */
	begin_state(FREEZE);
	suspend_devices();
	tp("machine_suspend", FREEZE, true);
	psd_wakeirq_note(43, 8, "virtio0");
	tp("machine_suspend", FREEZE, false);
	end_cycle();
	KUNIT_EXPECT_FALSE(test, psd_report_woke_by_rtc(psd_cycle_current()));
}

static void ws_wake_irq_unknown_without_kprobe(struct kunit *test)
{
	struct psd_record end;

	s2idle_cycle();
	KUNIT_ASSERT_TRUE(test, events_of(PSD_EV_CYCLE_END, &end));
	KUNIT_EXPECT_EQ(test, end.v[2], psd_wakeirq_armed() ?
			(s64)PSD_WAKE_IRQ_NONE : (s64)PSD_WAKE_IRQ_UNKNOWN);
}

static void ws_sources_file(struct kunit *test)
{
	static const char want[] =
		"name=psdk-file active=1 activations=2 deactivations=1 in_suspend=0 max_active_ms=";
	char *text;

	on("psdk-file");
	on("psdk-file");
	off("psdk-file");
	on("psdk with space");
	text = psd_kunit_render(test, 64 * 1024, psd_wakesrc_sources_show,
				NULL);
	KUNIT_EXPECT_NOT_NULL(test, strstr(text, want));
	KUNIT_EXPECT_NOT_NULL(test, strstr(text, "last_phase=none\n"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(text, "name=\"psdk with space\" active=1 "));
	off("psdk-file");
	off("psdk with space");
}

static struct kunit_case ws_cases[] = {
	KUNIT_CASE(ws_on_and_counts),
	KUNIT_CASE(ws_untracked_deactivations),
	KUNIT_CASE(ws_not_honored),
	KUNIT_CASE(ws_between_sleeps_not_honored),
	KUNIT_CASE(ws_resume_does_not_count),
	KUNIT_CASE(ws_no_sleep_is_not_an_anomaly),
	KUNIT_CASE(ws_abort_named_on_cycle_end),
	KUNIT_CASE(ws_resumed_cycle_names_no_source),
	KUNIT_CASE(ws_stuck_across_two_aborts),
	KUNIT_CASE(ws_released_between_aborts),
	KUNIT_CASE(ws_stuck_for_ws_stuck_ms),
	KUNIT_CASE(ws_interleaved_cycles),
	KUNIT_CASE(ws_events_during_suspend),
	KUNIT_CASE(ws_ring_overflow_is_counted),
	KUNIT_CASE(ws_name_table_overflow),
	KUNIT_CASE(ws_long_names_are_truncated),
	KUNIT_CASE(ws_real_source_active_at_load),
	KUNIT_CASE(ws_wake_irq_with_the_cycle),
	KUNIT_CASE(ws_wake_irq_unknown_without_kprobe),
	KUNIT_CASE(ws_sources_file),
	{}
};

static struct kunit_suite ws_suite = {
	.name = "pmic_sleepdiag_wakesrc",
	.init = ws_init,
	.test_cases = ws_cases,
};

kunit_test_suite(ws_suite);
