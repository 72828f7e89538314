// SPDX-License-Identifier: GPL-2.0
/*
 * What the sleepers layer reads of the kernel's clocks: the offsets that
 * turn one clock into another, and for summary the clocksource and how
 * many CPUs run their hrtimers in high-resolution mode.
 */
#include <linux/clocksource_ids.h>
#include <linux/cpu.h>
#include <linux/cpumask.h>
#include <linux/hrtimer.h>
#include <linux/percpu.h>
#include <linux/smp.h>
#include <linux/timekeeping.h>

#include "compat.h"
#include "sleepers.h"

/**
 * psd_sl_offs_now() - the clocks' offsets from CLOCK_MONOTONIC now
 * @o: filled in
 *
 * Context: any, but not while timekeeping is suspended.
 */
void psd_sl_offs_now(struct psd_sl_offs *o)
{
	o->real = ktime_to_ns(ktime_mono_to_any(0, TK_OFFS_REAL));
	o->boot = ktime_to_ns(ktime_mono_to_any(0, TK_OFFS_BOOT));
	o->tai = ktime_to_ns(ktime_mono_to_any(0, TK_OFFS_TAI));
}

/**
 * psd_sl_clocksource() - the name of the clocksource timekeeping reads
 *
 * No exported function names the current clocksource (its struct is
 * private to kernel/time/timekeeping.c); ktime_get_snapshot() gives an id
 * for the few clocksources that declare one, and those only are named.
 *
 * Return: a static name, or "unknown".
 */
const char *psd_sl_clocksource(void)
{
	struct system_time_snapshot snap;

	ktime_get_snapshot(&snap);
	/* The x86 ids are newer than 6.1; our targets are arm and arm64. */
	switch (snap.cs_id) {
	case CSID_ARM_ARCH_COUNTER:
		return "arch_sys_counter";
	default:
		return "unknown";
	}
}

/*
 * One never-started timer per CPU, set up on that CPU: its base is that
 * CPU's, which is how hrtimer_is_hres_active() reads a CPU's mode.
 */
static DEFINE_PER_CPU(struct hrtimer, psd_sl_hres_timer);

static enum hrtimer_restart psd_sl_hres_fn(struct hrtimer *t)
{
	return HRTIMER_NORESTART;
}

/* On the CPU asked about, by IPI. */
static void psd_sl_hres_on_cpu(void *hres)
{
	struct hrtimer *t = this_cpu_ptr(&psd_sl_hres_timer);

	hrtimer_setup(t, psd_sl_hres_fn, CLOCK_MONOTONIC,
		      HRTIMER_MODE_REL_PINNED_HARD);
	if (hrtimer_is_hres_active(t))
		(*(unsigned int *)hres)++;
}

/**
 * psd_sl_hres_count() - CPUs in high-resolution mode, of those online
 * @hres: CPUs whose hrtimer base is in high-resolution mode
 * @online: CPUs online
 *
 * Context: process; waits for one IPI per CPU.
 */
void psd_sl_hres_count(unsigned int *hres, unsigned int *online)
{
	unsigned int cpu;

	*hres = 0;
	*online = 0;
	cpus_read_lock();
	for_each_online_cpu(cpu) {
		(*online)++;
		smp_call_function_single(cpu, psd_sl_hres_on_cpu, hres, 1);
	}
	cpus_read_unlock();
}
