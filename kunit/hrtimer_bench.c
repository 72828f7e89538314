// SPDX-License-Identifier: GPL-2.0
/*
 * Benchmark, not a test: nanoseconds per recorded expiry of the real
 * hrtimer_expire_entry probe bodies (pmic_sleepdiag/hrtimer_lat.c, and
 * sleepers.c's on a timer that is not a sleeper's: its one compare) next
 * to an empty probe and a bare per-CPU increment, each called through a
 * pointer as a tracepoint calls it, in the same run.  Built only with
 * CONFIG_PMIC_SLEEPDIAG_BENCH (scripts/bench.sh); prints, asserts nothing.
 */
#include <kunit/test.h>
#include <linux/hrtimer.h>
#include <linux/kernel.h>
#include <linux/percpu.h>
#include <linux/preempt.h>
#include <linux/timekeeping.h>

#include "psd_kunit.h"
#include "../pmic_sleepdiag/sleepers.h"

#define BENCH_LOOPS	200000
#define BENCH_ROUNDS	7

typedef void (*bench_probe_t)(void *data, struct hrtimer *t, ktime_t *now);

static DEFINE_PER_CPU(unsigned long, bench_count);

static void bench_empty(void *data, struct hrtimer *t, ktime_t *now)
{
}

static void bench_inc(void *data, struct hrtimer *t, ktime_t *now)
{
	this_cpu_inc(bench_count);
}

static u64 bench_clock(void)
{
	return ktime_get_boot_fast_ns();
}

/* Best of BENCH_ROUNDS, in ns for BENCH_LOOPS calls. */
/* The pointer is loaded on every call, as __DO_TRACE loads its probes. */
static u64 bench_one(bench_probe_t *probe, void *data,
		     struct hrtimer *t)
{
	u64 best = U64_MAX, t0, dt;
	unsigned int r, i;
	ktime_t now;

	for (r = 0; r < BENCH_ROUNDS; r++) {
		preempt_disable();
		t0 = ktime_get_ns();
		for (i = 0; i < BENCH_LOOPS; i++) {
			/* a lateness pattern over many buckets, 0 .. ~38 us */
			now = ktime_add_ns(hrtimer_get_expires(t),
					   (i & 1023) * 37);
			READ_ONCE(*probe)(data, t, &now);
		}
		dt = ktime_get_ns() - t0;
		preempt_enable();
		best = min(best, dt);
	}
	return best;
}

static void bench_ns(struct kunit *test, const char *what, u64 total)
{
	u64 centi = div_u64(total * 100, BENCH_LOOPS);

	kunit_info(test, "bench: %-28s %llu.%02llu ns/op\n", what,
		   div_u64(centi, 100), centi % 100);
}

static void bench_ratio(struct kunit *test, const char *what, u64 probe,
			u64 inc)
{
	u64 ratio = div64_u64(probe * 100, max_t(u64, inc, 1));

	kunit_info(test, "bench: ratio %s/bare-increment %llu.%02llu (target <= 2)\n",
		   what, div_u64(ratio, 100), ratio % 100);
}

static void bench_hrtimer_probe(struct kunit *test)
{
	static struct hrtimer_cpu_base cpu_base;
	struct hrtimer_clock_base base = {
		.cpu_base = &cpu_base,
		.clockid = CLOCK_MONOTONIC,
	};
	bench_probe_t probe;
	struct hrtimer t = { .base = &base };
	struct psd_hrt *st;
	u64 empty, inc, real, sl, ratio;

	st = psd_hrt_create(bench_clock, 0);
	KUNIT_ASSERT_NOT_NULL(test, st);
	hrtimer_set_expires(&t, ns_to_ktime(1000000));

	probe = bench_empty;
	empty = bench_one(&probe, st, &t);
	probe = bench_inc;
	inc = bench_one(&probe, st, &t);
	probe = psd_hrt_probe;
	real = bench_one(&probe, st, &t);
	/* @t's function is no sleeper's: the compare every other timer pays */
	probe = psd_sl_tp_expire;
	sl = bench_one(&probe, NULL, &t);

	bench_ns(test, "empty probe", empty);
	bench_ns(test, "bare this_cpu_inc probe", inc);
	bench_ns(test, "pmic_sleepdiag probe", real);
	bench_ns(test, "sleepers probe, other timer", sl);
	bench_ratio(test, "real", real, inc);
	bench_ratio(test, "sleepers", sl, inc);
	ratio = div64_u64((real - min(real, empty)) * 100,
			  max_t(u64, inc - min(inc, empty), 1));
	kunit_info(test, "bench: ratio minus call cost    %llu.%02llu\n",
		   div_u64(ratio, 100), ratio % 100);
	kunit_info(test, "bench: memory per instance %zu bytes (%u possible CPUs)\n",
		   psd_hrt_memory(st), num_possible_cpus());
	psd_hrt_destroy(st);
}

static struct kunit_case bench_cases[] = {
	KUNIT_CASE(bench_hrtimer_probe),
	{}
};

static struct kunit_suite bench_suite = {
	.name = "pmic_sleepdiag_bench",
	.test_cases = bench_cases,
};

kunit_test_suite(bench_suite);
