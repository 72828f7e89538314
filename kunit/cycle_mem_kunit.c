// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: when a suspend-to-RAM cycle woke (pmic_sleepdiag/cycle.c, and the
 * hrtimer layer's post_resume window that follows the same edge).
 *
 * suspend_enter() traces the end of machine_suspend before syscore_resume()
 * resumes timekeeping, so the clock read there still shows when sleep
 * began; the wake is the end of syscore_resume.  The target has no "mem":
 * the suite feeds the tracker the suspend_resume sequence of one.
 */
#include <kunit/test.h>
#include <linux/hrtimer.h>
#include <linux/preempt.h>
#include <linux/processor.h>
#include <linux/seq_file.h>
#include <linux/string.h>
#include <linux/suspend.h>
#include <linux/timekeeping.h>

#include "psd_kunit.h"
#include "render.h"
#include "suspend_seq.h"

#define N_EV	48
#define MS(x)	((u64)(x) * NSEC_PER_MSEC)

/*
 * CLOCK_BOOTTIME now, once it moved on: what the suite calls next reads a
 * later time than the return value.
 */
static u64 boot_then_wait(void)
{
	u64 t = ktime_get_boot_fast_ns();

	while (ktime_get_boot_fast_ns() <= t)
		cpu_relax();
	return t;
}

/*
 * suspend_enter() of a "mem" cycle; @halted: the clock after the
 * machine_suspend edges, before syscore_resume.
 */
static void mem_sleep(u64 *halted)
{
	both("syscore_suspend", 0);
	both("machine_suspend", MEM);
	*halted = boot_then_wait();
	both("syscore_resume", 0);
}

static void cycle_mem_woke_is_syscore_resume_end(struct kunit *test)
{
	struct psd_record *ev;
	struct psd_cycle c;
	unsigned int i, ends = 0;
	u64 pos = 0, halted;

	ev = kunit_kcalloc(test, N_EV, sizeof(*ev), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, ev);
	begin_state(MEM);
	suspend_devices();
	mem_sleep(&halted);
	end_cycle();
	c = ended(test, PSD_RES_RESUMED);
	KUNIT_EXPECT_EQ(test, c.machine_suspends, 1U);
	/* Not the end of machine_suspend: syscore_resume came after it. */
	KUNIT_EXPECT_GT(test, c.t_woke, halted);
	KUNIT_EXPECT_LE(test, c.t_woke, c.t_start[PSD_PH_RESUME_NOIRQ]);

	for (i = 0; i < N_EV && psd_events_get(&pos, &ev[i]); i++, pos++) {
		if (ev[i].type != PSD_EV_PHASE ||
		    ev[i].phase != PSD_PH_MACHINE_SUSPEND || ev[i].flag)
			continue;
		/* The layers (alarm, hrtimer) are told this same edge. */
		KUNIT_EXPECT_EQ(test, ev[i].t_ns, c.t_woke);
		KUNIT_EXPECT_EQ(test, ev[i].v[0], (s64)MEM);
		ends++;
	}
	KUNIT_EXPECT_EQ(test, ends, 1U);
}

/* Without syscore_resume, the wake is the start of resume_noirq. */
static void cycle_mem_woke_without_syscore(struct kunit *test)
{
	struct psd_cycle c;
	u64 halted;

	begin_state(MEM);
	suspend_devices();
	both("machine_suspend", MEM);
	halted = boot_then_wait();
	end_cycle();
	c = ended(test, PSD_RES_RESUMED);
	KUNIT_EXPECT_GT(test, c.t_woke, halted);
	KUNIT_EXPECT_EQ(test, c.t_woke, c.t_start[PSD_PH_RESUME_NOIRQ]);
}

/* A wakeup pending after syscore_suspend: syscore_resume, no sleep. */
static void cycle_mem_syscore_without_sleep(struct kunit *test)
{
	struct psd_cycle c;

	begin_state(MEM);
	suspend_devices();
	both("syscore_suspend", 0);
	both("syscore_resume", 0);
	end_cycle();
	c = ended(test, PSD_RES_NO_SLEEP);
	KUNIT_EXPECT_EQ(test, c.t_woke, 0ULL);
}

static u64 fake_now;

static u64 fake_clock(void)
{
	return fake_now;
}

/* The hrtimer layer's window opens at the edge the tracker sends. */
static void cycle_mem_hrtimer_window_opens_at_wake(struct kunit *test)
{
	static struct hrtimer_cpu_base cpu_base;
	struct hrtimer_clock_base base = {
		.cpu_base = &cpu_base,
		.clockid = CLOCK_MONOTONIC,
	};
	struct hrtimer t = { .base = &base };
	struct psd_hrt *st = psd_hrt_create(fake_clock, 1);
	struct seq_file *m;
	ktime_t now;

	KUNIT_ASSERT_NOT_NULL(test, st);
	psd_hrt_phase(st, 1, PSD_PH_MACHINE_SUSPEND, true, MS(20000));
	/* what the tracker sends at the end of syscore_resume */
	psd_hrt_phase(st, 1, PSD_PH_MACHINE_SUSPEND, false, MS(40000));
	fake_now = MS(40010);
	now = ns_to_ktime(fake_now);
	hrtimer_set_expires(&t, ns_to_ktime(fake_now - 5000));
	preempt_disable();
	psd_hrt_probe(st, &t, &now);
	preempt_enable();

	m = psd_kunit_seq(test, 64 * 1024);
	KUNIT_ASSERT_EQ(test, psd_hrt_show(st, m), 0);
	KUNIT_EXPECT_NOT_NULL(test, strstr(psd_kunit_text(test, m),
					   "window=post_resume count=1 "));
	psd_hrt_destroy(st);
}

static struct kunit_case cycle_mem_cases[] = {
	KUNIT_CASE(cycle_mem_woke_is_syscore_resume_end),
	KUNIT_CASE(cycle_mem_woke_without_syscore),
	KUNIT_CASE(cycle_mem_syscore_without_sleep),
	KUNIT_CASE(cycle_mem_hrtimer_window_opens_at_wake),
	{}
};

static struct kunit_suite cycle_mem_suite = {
	.name = "pmic_sleepdiag_cycle_mem",
	.init = psd_kunit_core_init,
	.test_cases = cycle_mem_cases,
};

kunit_test_suite(cycle_mem_suite);
