// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: hrtimer lateness that is no lateness (pmic_sleepdiag/hrtimer_lat.c).
 *
 * A clock step (settimeofday, NTP, hwclock -s) makes absolute REALTIME/TAI
 * timers fire "late" by the step: they are counted as clock_set=, not as
 * late.  Resuming timekeeping bumps the same counter and is no step.  And
 * where timekeeping ran on through a sleep (s2idle without a cpuidle s2idle
 * state), no timer was suspended.  Each test drives an instance of its own
 * with fake timers, a fake CPU base and fake clocks.
 */
#include <kunit/test.h>
#include <linux/hrtimer.h>
#include <linux/kernel.h>
#include <linux/preempt.h>
#include <linux/seq_file.h>
#include <linux/string.h>

#include "anomaly_log.h"
#include "psd_kunit.h"
#include "render.h"

#define MS(x)	((u64)(x) * NSEC_PER_MSEC)
#define S(x)	((u64)(x) * NSEC_PER_SEC)

static u64 fake_boot, fake_mono;
static struct hrtimer_cpu_base fake_cpu;

static u64 boot_clock(void)
{
	return fake_boot;
}

static u64 mono_clock(void)
{
	return fake_mono;
}

struct fake_timer {
	struct hrtimer_clock_base base;
	struct hrtimer t;
};

static void timer_init(struct fake_timer *f, clockid_t clock, bool soft)
{
	memset(f, 0, sizeof(*f));
	f->base.cpu_base = &fake_cpu;
	f->base.clockid = clock;
	f->t.base = &f->base;
	f->t.is_soft = soft;
}

/* An expiry entry in the run at fake_boot, @late_ns after its expiry. */
static void fire(struct psd_hrt *st, struct fake_timer *f, u64 late_ns)
{
	ktime_t now = ns_to_ktime(fake_boot);

	hrtimer_set_expires(&f->t, ns_to_ktime(fake_boot - late_ns));
	preempt_disable();
	psd_hrt_probe(st, &f->t, &now);
	preempt_enable();
}

/* The next run, @after_ns later: @f fires there, @late_ns after expiry. */
static void fire_later(struct psd_hrt *st, struct fake_timer *f, u64 after_ns,
		       u64 late_ns)
{
	fake_boot += after_ns;
	fire(st, f, late_ns);
}

static void clock_was_set(void)
{
	fake_cpu.clock_was_set_seq++;
}

static void destroy(void *st)
{
	psd_hrt_destroy(st);
}

/* An instance of the test's own, destroyed when the test ends. */
static struct psd_hrt *make(struct kunit *test)
{
	struct psd_hrt *st = psd_hrt_create(boot_clock, 1);

	KUNIT_ASSERT_NOT_NULL(test, st);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, destroy, st), 0);
	psd_hrt_set_mono_clock(st, mono_clock);
	return st;
}

/*
 * An instance of the test's own, its first look at the clock_was_set count
 * taken by an entry of REALTIME timer @real, @late_ns late.
 */
static struct psd_hrt *make_looked(struct kunit *test, struct fake_timer *real,
				   u64 late_ns)
{
	struct psd_hrt *st = make(test);

	timer_init(real, CLOCK_REALTIME, false);
	fire(st, real, late_ns);
	return st;
}

/* The number after " @k=" on the line of window @w. */
static u64 win(struct kunit *test, struct psd_hrt *st, const char *w,
	       const char *k)
{
	struct seq_file *m = psd_kunit_seq(test, 256 * 1024);
	char pat[48], line[512];
	const char *p, *end;
	u64 v;

	KUNIT_ASSERT_EQ(test, psd_hrt_show(st, m), 0);
	snprintf(pat, sizeof(pat), "\nwindow=%s count=", w);
	p = strstr(psd_kunit_text(test, m), pat);
	KUNIT_ASSERT_NOT_NULL_MSG(test, p, "no line for window %s", w);
	end = strchrnul(p + 1, '\n');
	KUNIT_ASSERT_LT(test, (size_t)(end - p), sizeof(line));
	strscpy(line, p + 1, end - p);
	snprintf(pat, sizeof(pat), " %s=", k);
	p = strstr(line, pat);
	KUNIT_ASSERT_NOT_NULL_MSG(test, p, "no %s in \"%s\"", k, line);
	p += strlen(pat);
	*strchrnul(line + (p - line), ' ') = '\0';
	KUNIT_ASSERT_EQ_MSG(test, kstrtou64(p, 10, &v), 0, "%s=%s", k, p);
	return v;
}

/* HRTIMER_LATE anomalies logged from @pos on. */
static unsigned int late_anomalies(u64 pos)
{
	return anomalies_of(pos, PSD_AN_HRTIMER_LATE, NULL);
}

static int clock_set_init(struct kunit *test)
{
	psd_kunit_core(test);
	fake_boot = S(100);
	fake_mono = S(100);
	fake_cpu.clock_was_set_seq = 7;
	return 0;
}

static void clock_step_is_not_late(struct kunit *test)
{
	struct fake_timer real, tai, mono;
	u64 pos = anomalies_end();
	struct psd_hrt *st = make_looked(test, &real, 1000);

	timer_init(&tai, CLOCK_TAI, false);
	timer_init(&mono, CLOCK_MONOTONIC, false);

	clock_was_set();		/* date -s: one minute forward */
	/* The run that takes up the step. */
	fire_later(st, &mono, MS(5), 2000);
	fire(st, &real, S(60));
	fire(st, &tai, S(60) - MS(1));
	/* A later run: measured again. */
	fire_later(st, &real, MS(5), 3000);

	KUNIT_EXPECT_EQ(test, win(test, st, "all", "count"), 3ULL);
	KUNIT_EXPECT_EQ(test, win(test, st, "all", "max_ns"), 3000ULL);
	KUNIT_EXPECT_EQ(test, win(test, st, "all", "clock_set"), 2ULL);
	KUNIT_EXPECT_EQ(test, win(test, st, "all", "suspended"), 0ULL);
	psd_hrt_phase(st, 2, PSD_PH_PREPARE, true, fake_boot);
	KUNIT_EXPECT_EQ(test, late_anomalies(pos), 0U);
}

/* Soft timers expire in a run of their own, after the hard one. */
static void clock_step_soft_run(struct kunit *test)
{
	struct fake_timer real, soft;
	struct psd_hrt *st = make_looked(test, &real, 1000);

	timer_init(&soft, CLOCK_REALTIME, true);
	fire(st, &soft, 1000);

	clock_was_set();
	fire_later(st, &real, MS(1), S(30));
	fire_later(st, &soft, MS(1), S(30));
	fire_later(st, &soft, MS(1), 4000);

	KUNIT_EXPECT_EQ(test, win(test, st, "all", "clock_set"), 2ULL);
	KUNIT_EXPECT_EQ(test, win(test, st, "all", "max_ns"), 4000ULL);
}

/* No step before the first look: the count may hold older ones. */
static void clock_step_before_load(struct kunit *test)
{
	struct fake_timer real;
	struct psd_hrt *st = make_looked(test, &real, 5000);

	KUNIT_EXPECT_EQ(test, win(test, st, "all", "clock_set"), 0ULL);
	KUNIT_EXPECT_EQ(test, win(test, st, "all", "count"), 1ULL);
}

/*
 * Timekeeping froze in the sleep: its resume bumps the counter, which is
 * no step; a real one right after (hwclock -s) is.
 */
static void clock_resume_is_no_step(struct kunit *test)
{
	struct fake_timer real;
	struct psd_hrt *st = make_looked(test, &real, 1000);

	psd_hrt_phase(st, 1, PSD_PH_S2IDLE, true, fake_boot);
	fake_boot += S(8);		/* CLOCK_MONOTONIC stood still */
	psd_hrt_phase(st, 1, PSD_PH_S2IDLE, false, fake_boot);
	clock_was_set();		/* timekeeping_resume() */
	/* Due after the wake: truly late. */
	fire_later(st, &real, MS(100), MS(50));
	KUNIT_EXPECT_EQ(test, win(test, st, "post_resume", "count"), 1ULL);
	KUNIT_EXPECT_EQ(test, win(test, st, "post_resume", "max_ns"),
			MS(50));
	KUNIT_EXPECT_EQ(test, win(test, st, "all", "clock_set"), 0ULL);

	clock_was_set();		/* hwclock -s */
	fire_later(st, &real, MS(100), S(20));
	KUNIT_EXPECT_EQ(test, win(test, st, "post_resume", "clock_set"), 1ULL);
	KUNIT_EXPECT_EQ(test, win(test, st, "all", "max_ns"), MS(50));
}

/*
 * Timekeeping ran on through the sleep (CLOCK_MONOTONIC kept pace): a
 * BOOTTIME timer due inside it was not suspended, it is late.
 */
static void clock_boottime_not_suspended_unfrozen(struct kunit *test)
{
	struct psd_hrt *st = make(test);
	struct fake_timer boot;

	timer_init(&boot, CLOCK_BOOTTIME, false);
	psd_hrt_phase(st, 1, PSD_PH_S2IDLE, true, fake_boot);
	fake_boot += S(3);
	fake_mono += S(3);
	fire(st, &boot, MS(2));		/* fired during the round */
	fake_boot += S(5);
	fake_mono += S(5);
	psd_hrt_phase(st, 1, PSD_PH_S2IDLE, false, fake_boot);
	fake_boot += MS(10);
	fake_mono += MS(10);
	fire(st, &boot, S(4));		/* due inside, fired after: late */

	KUNIT_EXPECT_EQ(test, win(test, st, "all", "suspended"), 0ULL);
	KUNIT_EXPECT_EQ(test, win(test, st, "all", "count"), 2ULL);
	KUNIT_EXPECT_EQ(test, win(test, st, "all", "max_ns"), S(4));

	/* The same sleep with CLOCK_MONOTONIC stopped: suspended. */
	psd_hrt_phase(st, 2, PSD_PH_S2IDLE, true, fake_boot);
	fake_boot += S(8);
	psd_hrt_phase(st, 2, PSD_PH_S2IDLE, false, fake_boot);
	fire_later(st, &boot, MS(10), S(4));
	KUNIT_EXPECT_EQ(test, win(test, st, "all", "suspended"), 1ULL);
}

static struct kunit_case clock_set_cases[] = {
	KUNIT_CASE(clock_step_is_not_late),
	KUNIT_CASE(clock_step_soft_run),
	KUNIT_CASE(clock_step_before_load),
	KUNIT_CASE(clock_resume_is_no_step),
	KUNIT_CASE(clock_boottime_not_suspended_unfrozen),
	{}
};

static struct kunit_suite clock_set_suite = {
	.name = "pmic_sleepdiag_hrtimer_clock_set",
	.init = clock_set_init,
	.test_cases = clock_set_cases,
};

kunit_test_suite(clock_set_suite);
