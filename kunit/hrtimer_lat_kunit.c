// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: the hrtimer latency layer (pmic_sleepdiag/hrtimer_lat.c).
 *
 * Each test drives an instance of its own, not attached to the tracepoint,
 * through the probe (with fake timers and a fake CLOCK_BOOTTIME) and the
 * phase hook, and reads it back through the hrtimer/latency text and the
 * anomaly log; the last test checks the live component.
 *
 * lat_max_read_whole races a writer on one CPU against a reader on another
 * (SMP only: scripts/kunit.sh --arch arm runs it on 32-bit ARM, where a u64
 * is read and written in halves).
 */
#include <kunit/test.h>
#include <linux/cpumask.h>
#include <linux/delay.h>
#include <linux/hrtimer.h>
#include <linux/kernel.h>
#include <linux/kthread.h>
#include <linux/preempt.h>
#include <linux/sched.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "anomaly_log.h"
#include "psd_kunit.h"
#include "render.h"

#define MS(x)	((u64)(x) * NSEC_PER_MSEC)
#define US(x)	((u64)(x) * NSEC_PER_USEC)
#define TEXT_SIZE	(256 * 1024)

static u64 fake_now;

static u64 fake_clock(void)
{
	return fake_now;
}

/* The CPU base of every fake timer: no clock was ever set. */
static struct hrtimer_cpu_base fake_cpu_base;

struct fake_timer {
	struct hrtimer_clock_base base;
	struct hrtimer t;
};

static void fake_timer_init(struct fake_timer *f, clockid_t clock)
{
	memset(f, 0, sizeof(*f));
	f->base.cpu_base = &fake_cpu_base;
	f->base.clockid = clock;
	f->t.base = &f->base;
}

/* An expiry entry at fake_now, @late_ns after the timer's hard expiry. */
static void fire(struct psd_hrt *st, struct hrtimer *t, u64 late_ns)
{
	ktime_t now = ns_to_ktime(fake_now);

	hrtimer_set_expires(t, ns_to_ktime(fake_now - late_ns));
	preempt_disable();
	psd_hrt_probe(st, t, &now);
	preempt_enable();
}

/* An instance of the case's own, recording into a core instance of its own. */
static struct psd_hrt *make(struct kunit *test, u32 cycle)
{
	struct psd_hrt *st;

	psd_kunit_core(test);
	st = psd_hrt_create(fake_clock, cycle);
	KUNIT_ASSERT_NOT_NULL(test, st);
	return st;
}

static char *render(struct kunit *test, struct psd_hrt *st)
{
	struct seq_file *m;

	if (!st)
		return psd_kunit_render(test, TEXT_SIZE,
					psd_hrtimer_latency_show, NULL);
	m = psd_kunit_seq(test, TEXT_SIZE);
	KUNIT_ASSERT_EQ(test, psd_hrt_show(st, m), 0);
	return psd_kunit_text(test, m);
}

/* The line of @text starting with @prefix (copied), or NULL. */
static char *line_of(struct kunit *test, const char *text, const char *prefix)
{
	const char *l = text, *end;
	char *out;

	while (l && *l) {
		end = strchrnul(l, '\n');
		if (!strncmp(l, prefix, strlen(prefix))) {
			out = kunit_kzalloc(test, end - l + 1, GFP_KERNEL);
			KUNIT_ASSERT_NOT_NULL(test, out);
			memcpy(out, l, end - l);
			return out;
		}
		l = *end ? end + 1 : NULL;
	}
	return NULL;
}

/* The number after " key=" in @line; fails the test when absent. */
static u64 key(struct kunit *test, const char *line, const char *k)
{
	char pat[32], num[24];
	const char *p;
	size_t n;
	u64 v;

	KUNIT_ASSERT_NOT_NULL_MSG(test, line, "no line with %s=", k);
	snprintf(pat, sizeof(pat), " %s=", k);
	p = strstr(line, pat);
	KUNIT_ASSERT_NOT_NULL_MSG(test, p, "no %s in \"%s\"", k, line);
	p += strlen(pat);
	n = strchrnul(p, ' ') - p;
	KUNIT_ASSERT_LT(test, n, sizeof(num));
	memcpy(num, p, n);
	num[n] = '\0';
	KUNIT_ASSERT_EQ_MSG(test, kstrtou64(num, 10, &v), 0, "%s=%s", k, num);
	return v;
}

/* Within the histogram's bound: min and avg come from its buckets. */
static void expect_near(struct kunit *test, u64 got, u64 want)
{
	u64 d = got > want ? got - want : want - got;

	KUNIT_EXPECT_LE_MSG(test, d, want / 64, "got %llu, want %llu +-1/64",
			    got, want);
}

static u64 window_key(struct kunit *test, struct psd_hrt *st, const char *w,
		      const char *k)
{
	char prefix[40];

	snprintf(prefix, sizeof(prefix), "window=%s count=", w);
	return key(test, line_of(test, render(test, st), prefix), k);
}

/* An HRTIMER_LATE anomaly: its cycle, window, late count and worst. */
static void expect_late(struct kunit *test, const struct psd_record *r,
			u32 cycle, u8 window, s64 count, s64 max_ns)
{
	KUNIT_EXPECT_EQ(test, r->cycle, cycle);
	KUNIT_EXPECT_EQ(test, r->flag, window);
	KUNIT_EXPECT_EQ(test, r->v[0], count);
	KUNIT_EXPECT_EQ(test, r->v[1], max_ns);
}

static unsigned int anomalies_since(u64 pos, struct psd_record *out,
				    unsigned int max)
{
	unsigned int n = 0;
	struct psd_record r;

	while (psd_anomalies_get(&pos, &r)) {
		pos++;
		if (r.type != PSD_AN_HRTIMER_LATE)
			continue;
		if (n < max)
			out[n] = r;
		n++;
	}
	return n;
}

static void lat_classify_around_resume(struct kunit *test)
{
	const struct psd_hrt_sleep s = { .start = MS(10000), .end = MS(20000),
					  .frozen = true };
	const struct psd_hrt_sleep asleep = { .start = MS(10000),
					       .frozen = true };
	const struct psd_hrt_sleep never = {};
	const u64 post = MS(1000);
	const unsigned int both = PSD_HRT_IN_POST_RESUME | PSD_HRT_SUSPENDED;

	/* monotonic timers: only the window */
	KUNIT_EXPECT_EQ(test, psd_hrt_classify(&s, CLOCK_MONOTONIC, 1000,
					       MS(20500), post),
			PSD_HRT_IN_POST_RESUME);
	KUNIT_EXPECT_EQ(test, psd_hrt_classify(&s, CLOCK_MONOTONIC, MS(5000),
					       MS(20001), post),
			PSD_HRT_IN_POST_RESUME);
	KUNIT_EXPECT_EQ(test, psd_hrt_classify(&s, CLOCK_MONOTONIC, 1000,
					       MS(21000), post), 0U);
	KUNIT_EXPECT_EQ(test, psd_hrt_classify(&s, CLOCK_MONOTONIC, 1000,
					       MS(20000), post),
			PSD_HRT_IN_POST_RESUME);
	KUNIT_EXPECT_EQ(test, psd_hrt_classify(&s, CLOCK_MONOTONIC, 1000,
					       MS(19999), post), 0U);
	/* clocks that run on in suspend: expiry inside the sleep */
	KUNIT_EXPECT_EQ(test, psd_hrt_classify(&s, CLOCK_BOOTTIME, MS(5000),
					       MS(20001), post), both);
	KUNIT_EXPECT_EQ(test, psd_hrt_classify(&s, CLOCK_REALTIME, MS(5000),
					       MS(20001), post), both);
	KUNIT_EXPECT_EQ(test, psd_hrt_classify(&s, CLOCK_TAI, MS(5000),
					       MS(20001), post), both);
	/* expiry at the sleep's start is inside, at its end outside */
	KUNIT_EXPECT_EQ(test, psd_hrt_classify(&s, CLOCK_BOOTTIME, MS(10001),
					       MS(20001), post), both);
	KUNIT_EXPECT_EQ(test, psd_hrt_classify(&s, CLOCK_BOOTTIME, MS(1),
					       MS(20001), post),
			PSD_HRT_IN_POST_RESUME);
	/* expired before the sleep began: simply late */
	KUNIT_EXPECT_EQ(test, psd_hrt_classify(&s, CLOCK_BOOTTIME, MS(10002),
					       MS(20001), post),
			PSD_HRT_IN_POST_RESUME);
	/* still asleep: no window yet, the expiry is inside */
	KUNIT_EXPECT_EQ(test, psd_hrt_classify(&asleep, CLOCK_BOOTTIME, MS(1),
					       MS(12000), post),
			PSD_HRT_SUSPENDED);
	KUNIT_EXPECT_EQ(test, psd_hrt_classify(&asleep, CLOCK_MONOTONIC, MS(1),
					       MS(12000), post), 0U);
	/* no sleep yet; lateness beyond the clock does not wrap */
	KUNIT_EXPECT_EQ(test, psd_hrt_classify(&never, CLOCK_BOOTTIME, MS(1),
					       MS(12000), post), 0U);
	KUNIT_EXPECT_EQ(test, psd_hrt_classify(&s, CLOCK_BOOTTIME, MS(30000),
					       MS(20001), post),
			PSD_HRT_IN_POST_RESUME);
}

static void lat_windows_around_resume(struct kunit *test)
{
	struct psd_hrt *st = make(test, 1);
	struct fake_timer mono, boot;
	char *text, *l;

	fake_timer_init(&mono, CLOCK_MONOTONIC);
	fake_timer_init(&boot, CLOCK_BOOTTIME);

	fake_now = MS(1000);
	fire(st, &mono.t, 500);
	psd_hrt_phase(st, 1, PSD_PH_S2IDLE, true, MS(2000));
	fake_now = MS(3000);
	fire(st, &mono.t, 700);			/* asleep: all only */
	psd_hrt_phase(st, 1, PSD_PH_S2IDLE, false, MS(10000));
	fake_now = MS(10200);
	fire(st, &mono.t, 900);			/* all + post_resume */
	fire(st, &boot.t, MS(5000));		/* due inside the sleep */
	fake_now = MS(11500);
	fire(st, &mono.t, 300);			/* window over */

	text = render(test, st);
	l = line_of(test, text, "window=all count=");
	KUNIT_EXPECT_EQ(test, key(test, l, "count"), 4ULL);
	KUNIT_EXPECT_EQ(test, key(test, l, "suspended"), 1ULL);
	expect_near(test, key(test, l, "min_ns"), 300);
	KUNIT_EXPECT_EQ(test, key(test, l, "max_ns"), 900ULL);
	expect_near(test, key(test, l, "avg_ns"), 600);
	l = line_of(test, text, "window=post_resume count=");
	KUNIT_EXPECT_EQ(test, key(test, l, "count"), 1ULL);
	KUNIT_EXPECT_EQ(test, key(test, l, "suspended"), 1ULL);
	KUNIT_EXPECT_EQ(test, key(test, l, "p50_ns"), 900ULL);
	KUNIT_EXPECT_EQ(test, key(test, l, "max_ns"), 900ULL);
	l = line_of(test, text, "window=post_resume lo_ns=");
	KUNIT_EXPECT_LE(test, key(test, l, "lo_ns"), 900ULL);
	KUNIT_EXPECT_GE(test, key(test, l, "hi_ns"), 900ULL);
	KUNIT_EXPECT_EQ(test, key(test, l, "count"), 1ULL);
	KUNIT_EXPECT_NULL(test, line_of(test, text, "window=probe"));
	l = line_of(test, text, "cpu=");
	KUNIT_EXPECT_NOT_NULL(test, l);

	/* Suspend-to-RAM: the tracker sends the end once the clock is back. */
	psd_hrt_phase(st, 2, PSD_PH_MACHINE_SUSPEND, true, MS(20000));
	psd_hrt_phase(st, 2, PSD_PH_MACHINE_SUSPEND, false, MS(40000));
	fake_now = MS(40001);
	fire(st, &boot.t, MS(15001));		/* due inside, fired on wake */
	psd_hrt_phase(st, 2, PSD_PH_RESUME_NOIRQ, true, MS(40001));
	fake_now = MS(40100);
	fire(st, &mono.t, 4000);
	l = line_of(test, render(test, st), "window=post_resume count=");
	KUNIT_EXPECT_EQ(test, key(test, l, "count"), 2ULL);
	KUNIT_EXPECT_EQ(test, key(test, l, "max_ns"), 4000ULL);
	KUNIT_EXPECT_EQ(test, window_key(test, st, "all", "suspended"), 2ULL);

	psd_hrt_destroy(st);
}

static void lat_post_resume_ms_is_the_window(struct kunit *test)
{
	struct psd_hrt *st = make(test, 1);
	struct fake_timer mono;

	fake_timer_init(&mono, CLOCK_MONOTONIC);
	psd_setting_apply(PSD_SET_POST_RESUME_MS, 50);
	psd_hrt_phase(st, 1, PSD_PH_S2IDLE, true, MS(1000));
	psd_hrt_phase(st, 1, PSD_PH_S2IDLE, false, MS(2000));
	fake_now = MS(2049);
	fire(st, &mono.t, 100);
	fake_now = MS(2051);
	fire(st, &mono.t, 100);
	KUNIT_EXPECT_EQ(test, window_key(test, st, "post_resume", "count"), 1ULL);
	KUNIT_EXPECT_EQ(test, window_key(test, st, "all", "count"), 2ULL);
	psd_hrt_destroy(st);
}

static void lat_probe_window(struct kunit *test)
{
	struct psd_hrt *st = make(test, 0);
	struct fake_timer mono;
	char *text;

	fake_timer_init(&mono, CLOCK_MONOTONIC);
	fake_now = MS(500);
	/* Off and empty: no probe line. */
	KUNIT_EXPECT_NULL(test, line_of(test, render(test, st), "window=probe"));
	/* Running, even before its first expiry: a probe line. */
	psd_hrt_set_period(st, 1000);
	KUNIT_EXPECT_NOT_NULL(test, line_of(test, render(test, st),
					    "window=probe count="));
	psd_hrt_set_period(st, 0);

	fire(st, psd_hrt_probe_timer(st), 2000);
	fire(st, psd_hrt_probe_timer(st), 3000);
	fire(st, psd_hrt_probe_timer(st), 4000);
	fire(st, &mono.t, 99);
	text = render(test, st);
	KUNIT_EXPECT_EQ(test, key(test, line_of(test, text, "window=probe count="),
				  "count"), 3ULL);
	expect_near(test, key(test, line_of(test, text, "window=probe count="),
			      "min_ns"), 2000);
	KUNIT_EXPECT_EQ(test, key(test, line_of(test, text, "window=all count="),
				  "count"), 4ULL);
	psd_hrt_destroy(st);
}

static void lat_late_once_per_window_per_cycle(struct kunit *test)
{
	struct psd_record got[4];
	struct psd_hrt *st = make(test, 5);
	struct fake_timer mono, boot;
	struct seq_file *m;
	u64 pos = anomalies_end();
	unsigned int n;

	fake_timer_init(&mono, CLOCK_MONOTONIC);
	fake_timer_init(&boot, CLOCK_BOOTTIME);
	psd_setting_apply(PSD_SET_HRTIMER_LATE_US, 10);

	psd_hrt_phase(st, 5, PSD_PH_S2IDLE, true, MS(1000));
	psd_hrt_phase(st, 5, PSD_PH_S2IDLE, false, MS(2000));
	fake_now = MS(2100);
	fire(st, &mono.t, US(50));
	fire(st, &mono.t, US(30));
	fire(st, &mono.t, US(5));		/* under the threshold */
	fire(st, &boot.t, MS(500));		/* suspended, not late */

	fake_now = MS(2500);			/* window still open */
	psd_hrt_window_close(st);
	KUNIT_EXPECT_EQ(test, anomalies_since(pos, got, 4), 0U);
	fake_now = MS(3500);
	psd_hrt_window_close(st);
	psd_hrt_window_close(st);		/* closed: nothing new */
	n = anomalies_since(pos, got, 4);
	KUNIT_ASSERT_EQ(test, n, 1U);
	expect_late(test, &got[0], 5, PSD_HRT_POST_RESUME, 2, US(50));
	KUNIT_EXPECT_EQ(test, got[0].v[2], 1LL);
	KUNIT_EXPECT_EQ(test, got[0].v[3], 10LL);

	m = psd_kunit_seq(test, 256);
	psd_hrtimer_late_show(m, &got[0]);
	KUNIT_EXPECT_STREQ(test, psd_kunit_text(test, m),
			   " window=post_resume count=2 max_ns=50000 suspended=1 threshold_us=10");

	/* Cycle 6 begins: cycle 5's "all" is raised, post_resume not again. */
	fake_now = MS(9000);
	fire(st, &mono.t, US(70));
	psd_hrt_phase(st, 6, PSD_PH_PREPARE, true, MS(10000));
	n = anomalies_since(pos, got, 4);
	KUNIT_ASSERT_EQ(test, n, 2U);
	expect_late(test, &got[1], 5, PSD_HRT_ALL, 3, US(70));

	/* Cycle 6 without late expiries raises nothing; cycle 7 counts anew. */
	fake_now = MS(11000);
	fire(st, &mono.t, US(9));
	psd_hrt_phase(st, 7, PSD_PH_PREPARE, true, MS(12000));
	KUNIT_EXPECT_EQ(test, anomalies_since(pos, got, 4), 2U);
	fire(st, &mono.t, US(11));
	psd_hrt_phase(st, 8, PSD_PH_PREPARE, true, MS(13000));
	n = anomalies_since(pos, got, 4);
	KUNIT_ASSERT_EQ(test, n, 3U);
	expect_late(test, &got[2], 7, PSD_HRT_ALL, 1, US(11));

	psd_hrt_destroy(st);
}

static void lat_reset_clears(struct kunit *test)
{
	struct psd_hrt *st = make(test, 3);
	struct fake_timer mono;
	struct psd_record got[2];
	u64 pos = anomalies_end();
	char *text, *l;
	unsigned int i;

	fake_timer_init(&mono, CLOCK_MONOTONIC);
	psd_setting_apply(PSD_SET_HRTIMER_LATE_US, 1);
	fake_now = MS(100);
	for (i = 0; i < 50; i++)
		fire(st, &mono.t, US(i + 1));
	fire(st, psd_hrt_probe_timer(st), 10);
	psd_hrt_reset(st);

	text = render(test, st);
	l = line_of(test, text, "window=all count=");
	KUNIT_EXPECT_EQ(test, key(test, l, "count"), 0ULL);
	KUNIT_EXPECT_EQ(test, key(test, l, "max_ns"), 0ULL);
	KUNIT_EXPECT_EQ(test, key(test, l, "min_ns"), 0ULL);
	KUNIT_EXPECT_NULL(test, strstr(text, "lo_ns="));
	KUNIT_EXPECT_NULL(test, line_of(test, text, "window=probe"));
	/* The late counts went too: the next cycle raises nothing. */
	psd_hrt_phase(st, 4, PSD_PH_PREPARE, true, MS(200));
	KUNIT_EXPECT_EQ(test, anomalies_since(pos, got, 2), 0U);

	/* And counting goes on: min is not stuck at a cleared value. */
	fire(st, &mono.t, 777);
	l = line_of(test, render(test, st), "window=all count=");
	KUNIT_EXPECT_EQ(test, key(test, l, "count"), 1ULL);
	expect_near(test, key(test, l, "min_ns"), 777);
	KUNIT_EXPECT_EQ(test, key(test, l, "max_ns"), 777ULL);

	psd_hrt_destroy(st);
}

/* min <= p50 <= p90 <= p99 <= p999 <= max on one line. */
static void expect_line_ordered(struct kunit *test, const char *l)
{
	static const char *const keys[] = {
		"min_ns", "p50_ns", "p90_ns", "p99_ns", "p999_ns", "max_ns"
	};
	unsigned int i;

	for (i = 1; i < ARRAY_SIZE(keys); i++)
		KUNIT_EXPECT_LE_MSG(test, key(test, l, keys[i - 1]),
				    key(test, l, keys[i]), "%s", l);
}

static void lat_file_is_consistent(struct kunit *test)
{
	struct psd_hrt *st = make(test, 0);
	u64 rows[PSD_HRT_NR_WINDOWS] = {}, x = 0x9e3779b97f4a7c15ULL;
	static const char *const names[] = { "all", "post_resume", "probe" };
	struct fake_timer mono;
	const char *p;
	char *text, *l;
	unsigned int i, w;

	fake_timer_init(&mono, CLOCK_MONOTONIC);
	psd_hrt_phase(st, 1, PSD_PH_S2IDLE, true, MS(1000));
	psd_hrt_phase(st, 1, PSD_PH_S2IDLE, false, MS(2000));
	fake_now = MS(2001);
	for (i = 0; i < 3000; i++) {
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		fire(st, i % 3 ? &mono.t : psd_hrt_probe_timer(st),
		     (x & 0xffffff) >> (x >> 60));
	}
	text = render(test, st);
	for (p = text; *p; p = strchrnul(p, '\n') + (*strchrnul(p, '\n') ? 1 : 0)) {
		l = line_of(test, p, "");
		if (strstr(l, "lo_ns=")) {
			for (w = 0; w < PSD_HRT_NR_WINDOWS; w++)
				if (!strncmp(l + 7, names[w], strlen(names[w])) &&
				    l[7 + strlen(names[w])] == ' ')
					rows[w] += key(test, l, "count");
			KUNIT_EXPECT_LE(test, key(test, l, "lo_ns"),
					key(test, l, "hi_ns"));
		} else if (strstr(l, " count=")) {
			expect_line_ordered(test, l);
		}
	}
	KUNIT_EXPECT_EQ(test, window_key(test, st, "all", "count"), 3000ULL);
	for (w = 0; w < PSD_HRT_NR_WINDOWS; w++)
		KUNIT_EXPECT_EQ_MSG(test, rows[w],
				    window_key(test, st, names[w], "count"),
				    "histogram rows of %s", names[w]);
	psd_hrt_destroy(st);
}

static void lat_live_component_counts(struct kunit *test)
{
	const char *l;
	u64 before;
	int i;

	/* The module's own component, whose file this case reads. */
	psd_kunit_live_core(test);
	KUNIT_ASSERT_TRUE_MSG(test, psd_layer_on(&psd_hrtimer_layer),
			      "component hrtimer is off");
	l = line_of(test, render(test, NULL), "window=all count=");
	before = key(test, l, "count");
	for (i = 0; i < 20; i++)
		usleep_range(50, 100);
	l = line_of(test, render(test, NULL), "window=all count=");
	KUNIT_EXPECT_GE(test, key(test, l, "count"), before + 20);
	expect_line_ordered(test, l);
}

/*
 * The torn read: values whose halves both change at every write.  Write k
 * (1 .. TORN_WRITES) has k in its high word and ~k in its low one, so the
 * values grow and a value made of halves from two writes is none of them.
 */
#define TORN_WRITES	((u32)BIT(21))
#define TORN_READS_MAX	((u32)BIT(28))	/* in case the writer never runs */

struct torn_writer {
	struct psd_hrt *st;
	struct fake_timer timer;
	bool started;
	bool done;
};

static u64 torn_value(u32 k)
{
	return (u64)k << 32 | (u32)~k;
}

/* 0 before the first write, else one of the values written. */
static bool torn_written(u64 v)
{
	u32 k = v >> 32;

	return !v || (k >= 1 && k <= TORN_WRITES && v == torn_value(k));
}

/* Raise the ALL window's maximum on this CPU through the probe. */
static int torn_write(void *data)
{
	struct torn_writer *w = data;
	ktime_t now;
	u32 k;

	hrtimer_set_expires(&w->timer.t, 0);
	WRITE_ONCE(w->started, true);
	for (k = 1; k <= TORN_WRITES && !kthread_should_stop(); k++) {
		now = ns_to_ktime(torn_value(k));
		preempt_disable();
		psd_hrt_probe(w->st, &w->timer.t, &now);
		preempt_enable();
		if (!(k % 4096))
			cond_resched();
	}
	/* Pairs with the reader's acquire: it reads the last value after. */
	smp_store_release(&w->done, true);
	/* kthread_stop() is the only way out. */
	set_current_state(TASK_INTERRUPTIBLE);
	while (!kthread_should_stop()) {
		schedule();
		set_current_state(TASK_INTERRUPTIBLE);
	}
	__set_current_state(TASK_RUNNING);
	return 0;
}

static void lat_max_read_whole(struct kunit *test)
{
	unsigned int reads = 0, torn = 0, back = 0;
	u64 v, last = 0, first_torn = 0;
	struct torn_writer *w;
	struct task_struct *t;
	int rcpu, wcpu;

	if (num_online_cpus() < 2)
		kunit_skip(test, "one CPU online: no reader beside the writer");
	w = kunit_kzalloc(test, sizeof(*w), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, w);
	w->st = make(test, 0);
	fake_timer_init(&w->timer, CLOCK_MONOTONIC);

	migrate_disable();
	rcpu = smp_processor_id();
	wcpu = cpumask_any_but(cpu_online_mask, rcpu);
	t = kthread_create(torn_write, w, "psd_torn/%d", wcpu);
	if (IS_ERR(t)) {
		migrate_enable();
		psd_hrt_destroy(w->st);
		KUNIT_FAIL(test, "kthread_create: %ld", PTR_ERR(t));
		return;
	}
	kthread_bind(t, wcpu);
	wake_up_process(t);
	/* Pairs with the writer's release; then its last value is whole. */
	while (!smp_load_acquire(&w->done) && reads < TORN_READS_MAX) {
		v = psd_hrt_cpu_max(w->st, PSD_HRT_ALL, wcpu);
		reads++;
		if (!torn_written(v)) {
			if (!torn++)
				first_torn = v;
		} else if (v < last) {
			back++;
		} else {
			last = v;
		}
		if (!(reads % 4096))
			cond_resched();
	}
	migrate_enable();
	kthread_stop(t);

	kunit_info(test, "reader CPU %d, writer CPU %d: %u reads, last %#llx\n",
		   rcpu, wcpu, reads, last);
	KUNIT_EXPECT_TRUE(test, READ_ONCE(w->started));
	KUNIT_EXPECT_EQ_MSG(test, torn, 0U,
			    "%u of %u reads saw a value never written, first %#llx",
			    torn, reads, first_torn);
	KUNIT_EXPECT_EQ_MSG(test, back, 0U, "the maximum went back %u times",
			    back);
	/* All written, and read whole once the writer was done. */
	KUNIT_EXPECT_EQ(test, psd_hrt_cpu_max(w->st, PSD_HRT_ALL, wcpu),
			torn_value(TORN_WRITES));
	psd_hrt_destroy(w->st);
}

static struct kunit_case hrtimer_lat_cases[] = {
	KUNIT_CASE(lat_classify_around_resume),
	KUNIT_CASE(lat_windows_around_resume),
	KUNIT_CASE(lat_post_resume_ms_is_the_window),
	KUNIT_CASE(lat_probe_window),
	KUNIT_CASE(lat_late_once_per_window_per_cycle),
	KUNIT_CASE(lat_reset_clears),
	KUNIT_CASE(lat_file_is_consistent),
	KUNIT_CASE_SLOW(lat_max_read_whole),	/* ~16 s under TCG */
	KUNIT_CASE(lat_live_component_counts),
	{}
};

static struct kunit_suite hrtimer_lat_suite = {
	.name = "pmic_sleepdiag_hrtimer_lat",
	.test_cases = hrtimer_lat_cases,
};

kunit_test_suite(hrtimer_lat_suite);
