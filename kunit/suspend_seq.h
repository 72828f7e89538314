/* SPDX-License-Identifier: GPL-2.0 */
/*
 * KUnit helpers: feed the cycle tracker the suspend_resume and PM notifier
 * sequence the kernel emits for one suspend (kernel/power/suspend.c,
 * drivers/base/power/main.c), so every layer's suite drives the same spine.
 */
#ifndef _PSD_KUNIT_SUSPEND_SEQ_H
#define _PSD_KUNIT_SUSPEND_SEQ_H

#include <kunit/test.h>
#include <linux/delay.h>
#include <linux/suspend.h>
#include <linux/timekeeping.h>

#include "psd_kunit.h"

#define FREEZE	((__force int)PM_SUSPEND_TO_IDLE)
#define MEM	((__force int)PM_SUSPEND_MEM)

/*
 * The layers told of the suite's cycles, as the module's probe and notifier
 * tell its own: the module's, unless the suite defines another set first.
 */
#ifndef PSD_SEQ_LAYERS
#define PSD_SEQ_LAYERS	(&psd_module_layers)
#endif

/* What control "reset" forgets, so no earlier suite's data leaks in. */
static inline void forget_all(void)
{
	psd_reset_core();
	psd_layers_reset(&psd_module_layers);
}

/*
 * A suite's .init for cases that place alarms up to a second in the past of
 * boot time: psd_kunit_core_init(), once boot time is 2 s.
 */
static inline int seq_init_past(struct kunit *test)
{
	while (ktime_get_boot_fast_ns() < 2 * NSEC_PER_SEC)
		msleep(100);
	return psd_kunit_core_init(test);
}

/* The last cycle, which must have ended as @result. */
static inline struct psd_cycle ended(struct kunit *test, unsigned int result)
{
	struct psd_cycle c;

	KUNIT_ASSERT_TRUE(test, psd_cycle_get(psd_cycle_current(), &c));
	KUNIT_EXPECT_EQ(test, c.result, result);
	return c;
}

static inline void tp(const char *action, int val, bool start)
{
	psd_cycle_tp_suspend_resume(PSD_SEQ_LAYERS, action, val, start);
}

static inline void both(const char *action, int val)
{
	tp(action, val, true);
	tp(action, val, false);
}

/* The CPU that began the s2idle round goes idle: the round sleeps. */
static inline void went_idle(void)
{
	psd_cycle_tp_cpu_idle(NULL, 1, raw_smp_processor_id());
}

/* One s2idle round that slept (s2idle_enter() waited for a wakeup). */
static inline void s2idle_round(void)
{
	tp("machine_suspend", FREEZE, true);
	went_idle();
	tp("machine_suspend", FREEZE, false);
}

static inline void notify(unsigned long action)
{
	struct psd_cycle_nb nb = { .layers = PSD_SEQ_LAYERS };

	psd_cycle_pm_notify(&nb.nb, action, NULL);
}

/* enter_state() up to a successful suspend_prepare() and dpm_prepare. */
static inline void begin_state(int state)
{
	tp("suspend_enter", state, true);
	both("sync_filesystems", 0);
	notify(PM_SUSPEND_PREPARE);
	both("freeze_processes", 0);
	tp("suspend_enter", state, false);
	both("dpm_prepare", 2);
}

static inline void suspend_devices(void)
{
	both("dpm_suspend", 2);
	both("dpm_suspend_late", 2);
	both("dpm_suspend_noirq", 2);
}

/* Device suspend, during which the alarmtimer device reports its alarm. */
static inline void suspend_with_alarm(s64 expires, int type)
{
	tp("dpm_suspend", 2, true);
	psd_alarm_tp_suspend(NULL, ns_to_ktime(expires), type);
	tp("dpm_suspend", 2, false);
	both("dpm_suspend_late", 2);
	both("dpm_suspend_noirq", 2);
}

/* From the end of dpm_suspend to the start of dpm_resume, one sleep. */
static inline void sleep_after_suspend(void)
{
	both("dpm_suspend_late", 2);
	both("dpm_suspend_noirq", 2);
	s2idle_round();
	both("dpm_resume_noirq", 16);
	both("dpm_resume_early", 16);
}

static inline void resume_devices(void)
{
	both("dpm_resume_noirq", 16);
	both("dpm_resume_early", 16);
	both("dpm_resume", 16);
	both("dpm_complete", 16);
	both("resume_console", FREEZE);
}

/* Devices resume and the PM_POST_SUSPEND notifier ends the cycle. */
static inline void end_cycle(void)
{
	resume_devices();
	notify(PM_POST_SUSPEND);
}

/* A whole s2idle cycle that slept once, and nothing else. */
static inline void s2idle_cycle(void)
{
	begin_state(FREEZE);
	suspend_devices();
	s2idle_round();
	end_cycle();
}

/* A whole s2idle cycle of one sleep; the alarmtimer reports (@expires, @type). */
static inline void cycle_with_alarm(s64 expires, int type)
{
	begin_state(FREEZE);
	suspend_with_alarm(expires, type);
	s2idle_round();
	end_cycle();
}

#endif /* _PSD_KUNIT_SUSPEND_SEQ_H */
