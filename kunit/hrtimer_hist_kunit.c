// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: the latency histogram's arithmetic (pmic_sleepdiag/hrtimer_hist.c):
 * bucket index and bounds over the whole u64 range, the stated error bound,
 * percentiles of known distributions, the per-CPU merge and 64-bit sums
 * and counts that 32-bit arithmetic must not truncate.
 */
#include <kunit/test.h>
#include <linux/limits.h>
#include <linux/slab.h>

#include "psd_kunit.h"

/* The stated bound: a bucket's midpoint is within 1/64 of its values. */
static bool within_bound(u64 reported, u64 v)
{
	u64 d = reported > v ? reported - v : v - reported;

	return d <= v / 64;
}

static struct psd_hist_snap *snap(struct kunit *test)
{
	struct psd_hist_snap *s = kunit_kzalloc(test, sizeof(*s), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, s);
	return s;
}

static void check_value(struct kunit *test, u64 v)
{
	unsigned int i = psd_hist_index(v);

	KUNIT_ASSERT_LT_MSG(test, i, PSD_HIST_BUCKETS, "v=%llu", v);
	KUNIT_EXPECT_LE_MSG(test, psd_hist_lo(i), v, "v=%llu bucket %u", v, i);
	KUNIT_EXPECT_GE_MSG(test, psd_hist_hi(i), v, "v=%llu bucket %u", v, i);
	KUNIT_EXPECT_TRUE_MSG(test, within_bound(psd_hist_mid(i), v),
			      "v=%llu reported as %llu", v, psd_hist_mid(i));
}

static void hist_buckets_tile_the_range(struct kunit *test)
{
	unsigned int i;
	u64 lo, hi;

	KUNIT_EXPECT_EQ(test, psd_hist_lo(0), 0ULL);
	KUNIT_EXPECT_EQ(test, psd_hist_hi(PSD_HIST_BUCKETS - 1), U64_MAX);
	for (i = 0; i < PSD_HIST_BUCKETS; i++) {
		lo = psd_hist_lo(i);
		hi = psd_hist_hi(i);
		KUNIT_ASSERT_LE_MSG(test, lo, hi, "bucket %u", i);
		KUNIT_EXPECT_EQ_MSG(test, psd_hist_index(lo), i, "lo of %u", i);
		KUNIT_EXPECT_EQ_MSG(test, psd_hist_index(hi), i, "hi of %u", i);
		/* width <= lo / 32, the whole bound; exact below 64 ns */
		if (lo < 64)
			KUNIT_EXPECT_EQ_MSG(test, lo, hi, "bucket %u", i);
		else
			KUNIT_EXPECT_LE_MSG(test, hi - lo + 1, lo / 32,
					    "bucket %u", i);
		if (i + 1 < PSD_HIST_BUCKETS)
			KUNIT_EXPECT_EQ_MSG(test, psd_hist_lo(i + 1), hi + 1,
					    "gap after bucket %u", i);
	}
}

static void hist_index_monotone_and_bounded(struct kunit *test)
{
	static const u64 special[] = {
		0, 1, 31, 32, 63, 64, 65, 127, 128, 1000, 999999,
		100ULL * NSEC_PER_SEC, S64_MAX, (u64)S64_MAX + 1, U64_MAX - 1,
		U64_MAX,
	};
	unsigned int e, i, prev = 0;
	u64 v, x = 88172645463325252ULL;

	for (i = 0; i < ARRAY_SIZE(special); i++)
		check_value(test, special[i]);
	/* Every value below 64 Ki, in order. */
	for (v = 0; v < 65536; v++) {
		i = psd_hist_index(v);
		KUNIT_ASSERT_GE_MSG(test, i, prev, "not monotone at %llu", v);
		prev = i;
		check_value(test, v);
	}
	/* Both sides of every power of two, in order. */
	prev = 0;
	for (e = 1; e < 64; e++) {
		u64 p = 1ULL << e;
		u64 around[] = { p - 1, p, p + 1 };

		for (i = 0; i < ARRAY_SIZE(around); i++) {
			KUNIT_ASSERT_GE_MSG(test, psd_hist_index(around[i]),
					    prev, "not monotone at %llu",
					    around[i]);
			prev = psd_hist_index(around[i]);
			check_value(test, around[i]);
		}
	}
	/* Pseudo-random values all over the range (xorshift64). */
	for (i = 0; i < 20000; i++) {
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		v = x >> (x & 63);
		check_value(test, v);
		if (v)
			KUNIT_EXPECT_LE(test, psd_hist_index(v - 1),
					psd_hist_index(v));
	}
}

static void expect_pct(struct kunit *test, const struct psd_hist_stats *st,
		       const u64 want[PSD_HIST_NR_PCT])
{
	unsigned int i;

	for (i = 0; i < PSD_HIST_NR_PCT; i++)
		KUNIT_EXPECT_TRUE_MSG(test, within_bound(st->p[i], want[i]),
				      "p%u: got %llu, want %llu (+-1/64)",
				      psd_hist_permille[i], st->p[i], want[i]);
}

static void expect_ordered(struct kunit *test, const struct psd_hist_stats *st)
{
	unsigned int i;

	KUNIT_EXPECT_LE(test, st->min, st->p[0]);
	for (i = 1; i < PSD_HIST_NR_PCT; i++)
		KUNIT_EXPECT_LE(test, st->p[i - 1], st->p[i]);
	KUNIT_EXPECT_LE(test, st->p[PSD_HIST_NR_PCT - 1], st->max);
	KUNIT_EXPECT_LE(test, st->min, st->avg);
	KUNIT_EXPECT_LE(test, st->avg, st->max);
}

static void hist_percentiles_uniform(struct kunit *test)
{
	static const u64 want[PSD_HIST_NR_PCT] = { 5000, 9000, 9900, 9990 };
	struct psd_hist_snap *s = snap(test);
	struct psd_hist_stats st;
	u64 v;

	for (v = 1; v <= 10000; v++)
		psd_hist_snap_add(s, v);
	psd_hist_stats(s, &st);
	KUNIT_EXPECT_EQ(test, st.count, 10000ULL);
	KUNIT_EXPECT_EQ(test, st.min, 1ULL);
	KUNIT_EXPECT_EQ(test, st.max, 10000ULL);
	KUNIT_EXPECT_EQ(test, st.avg, 5000ULL);	/* 50005000 / 10000 */
	expect_pct(test, &st, want);
	expect_ordered(test, &st);
}

static void hist_percentiles_exact_below_64(struct kunit *test)
{
	static const u64 want[PSD_HIST_NR_PCT] = { 31, 57, 63, 63 };
	struct psd_hist_snap *s = snap(test);
	struct psd_hist_stats st;
	unsigned int i;
	u64 v;

	for (v = 0; v < 64; v++)
		psd_hist_snap_add(s, v);
	psd_hist_stats(s, &st);
	/* ranks 32, 58, 64, 64 of 0..63 */
	for (i = 0; i < PSD_HIST_NR_PCT; i++)
		KUNIT_EXPECT_EQ(test, st.p[i], want[i]);
	KUNIT_EXPECT_EQ(test, st.min, 0ULL);
}

static void hist_percentiles_constant(struct kunit *test)
{
	struct psd_hist_snap *s = snap(test);
	struct psd_hist_stats st;
	unsigned int i;

	for (i = 0; i < 777; i++)
		psd_hist_snap_add(s, 123457);
	psd_hist_stats(s, &st);
	/* clamped into [min, max]: exact, not the bucket's midpoint */
	for (i = 0; i < PSD_HIST_NR_PCT; i++)
		KUNIT_EXPECT_EQ(test, st.p[i], 123457ULL);
	KUNIT_EXPECT_EQ(test, st.avg, 123457ULL);
}

static void hist_percentiles_tail(struct kunit *test)
{
	/* 9989 fast expiries, 11 very late ones: only p999 sees the tail */
	static const u64 want[PSD_HIST_NR_PCT] = { 2000, 2000, 2000,
						   3ULL * NSEC_PER_SEC };
	struct psd_hist_snap *s = snap(test);
	struct psd_hist_stats st;
	unsigned int i;

	for (i = 0; i < 9989; i++)
		psd_hist_snap_add(s, 2000);
	for (i = 0; i < 11; i++)
		psd_hist_snap_add(s, 3ULL * NSEC_PER_SEC);
	psd_hist_stats(s, &st);
	expect_pct(test, &st, want);
	expect_ordered(test, &st);
	KUNIT_EXPECT_EQ(test, st.max, 3ULL * NSEC_PER_SEC);
}

static void hist_percentiles_spread(struct kunit *test)
{
	struct psd_hist_snap *s = snap(test);
	struct psd_hist_stats st;
	unsigned int e;

	/* One value per power of two, 1 ns .. 2^62 ns. */
	for (e = 0; e < 63; e++)
		psd_hist_snap_add(s, 1ULL << e);
	psd_hist_stats(s, &st);
	expect_ordered(test, &st);
	/* rank 32 of 63 is 2^31; rank 57 is 2^56; 63 is 2^62 */
	KUNIT_EXPECT_TRUE(test, within_bound(st.p[0], 1ULL << 31));
	KUNIT_EXPECT_TRUE(test, within_bound(st.p[1], 1ULL << 56));
	KUNIT_EXPECT_EQ(test, st.p[3], 1ULL << 62);
}

static void hist_empty_is_zero(struct kunit *test)
{
	struct psd_hist_snap *s = snap(test);
	struct psd_hist_stats st;
	unsigned int i;

	psd_hist_stats(s, &st);
	KUNIT_EXPECT_EQ(test, st.count, 0ULL);
	KUNIT_EXPECT_EQ(test, st.min, 0ULL);
	KUNIT_EXPECT_EQ(test, st.max, 0ULL);
	KUNIT_EXPECT_EQ(test, st.avg, 0ULL);
	for (i = 0; i < PSD_HIST_NR_PCT; i++)
		KUNIT_EXPECT_EQ(test, st.p[i], 0ULL);
}

static void hist_merge_cpus(struct kunit *test)
{
	struct psd_hist_snap *cpu0 = snap(test), *cpu1 = snap(test);
	struct psd_hist_snap *idle = snap(test), *all = snap(test);
	struct psd_hist_snap *direct = snap(test);
	struct psd_hist_stats a, b;
	u64 v;

	for (v = 100; v < 5000; v += 7) {
		psd_hist_snap_add(cpu0, v);
		psd_hist_snap_add(direct, v);
	}
	for (v = 50; v < 90000; v += 13) {
		psd_hist_snap_add(cpu1, v);
		psd_hist_snap_add(direct, v);
	}
	cpu1->suspended = 3;
	direct->suspended = 3;
	/* An idle CPU in the middle leaves min alone. */
	psd_hist_merge(all, cpu0);
	psd_hist_merge(all, idle);
	psd_hist_merge(all, cpu1);
	KUNIT_EXPECT_EQ(test, all->count, cpu0->count + cpu1->count);
	KUNIT_EXPECT_EQ(test, all->sum, cpu0->sum + cpu1->sum);
	KUNIT_EXPECT_EQ(test, all->min, 50ULL);
	KUNIT_EXPECT_EQ(test, all->max, cpu1->max);
	KUNIT_EXPECT_EQ(test, all->suspended, 3ULL);
	KUNIT_EXPECT_MEMEQ(test, all->bucket, direct->bucket,
			   sizeof(all->bucket));
	psd_hist_stats(all, &a);
	psd_hist_stats(direct, &b);
	KUNIT_EXPECT_MEMEQ(test, &a, &b, sizeof(a));

	/* Merging into an empty snapshot takes the source's min. */
	memset(all, 0, sizeof(*all));
	psd_hist_merge(all, idle);
	psd_hist_merge(all, cpu0);
	KUNIT_EXPECT_EQ(test, all->min, 100ULL);
}

static void hist_derive_from_buckets(struct kunit *test)
{
	struct psd_hist_snap *exact = snap(test), *kept = snap(test);
	struct psd_hist_stats a, b;
	unsigned int i;
	u64 v;

	for (v = 70; v < 3000000; v = v * 9 / 8 + 1)
		psd_hist_snap_add(exact, v);
	/* What the probe keeps: buckets and the exact max. */
	memcpy(kept->bucket, exact->bucket, sizeof(kept->bucket));
	kept->count = exact->count;
	kept->max = exact->max;
	psd_hist_snap_derive(kept);
	psd_hist_stats(exact, &a);
	psd_hist_stats(kept, &b);
	KUNIT_EXPECT_EQ(test, b.count, a.count);
	KUNIT_EXPECT_EQ(test, b.max, a.max);
	KUNIT_EXPECT_TRUE_MSG(test, within_bound(b.min, a.min), "min %llu vs %llu",
			      b.min, a.min);
	KUNIT_EXPECT_TRUE_MSG(test, within_bound(b.avg, a.avg), "avg %llu vs %llu",
			      b.avg, a.avg);
	for (i = 0; i < PSD_HIST_NR_PCT; i++)
		KUNIT_EXPECT_TRUE(test, within_bound(b.p[i], a.p[i]));
	expect_ordered(test, &b);

	/* Below 64 ns every bucket is one value: exact. */
	memset(kept, 0, sizeof(*kept));
	kept->bucket[7] = 2;
	kept->bucket[40] = 1;
	kept->count = 3;
	kept->max = 40;
	psd_hist_snap_derive(kept);
	KUNIT_EXPECT_EQ(test, kept->min, 7ULL);
	KUNIT_EXPECT_EQ(test, kept->sum, 54ULL);

	/* Huge values saturate the sum instead of wrapping. */
	memset(kept, 0, sizeof(*kept));
	kept->bucket[PSD_HIST_BUCKETS - 1] = 4;
	kept->count = 4;
	kept->max = U64_MAX;
	psd_hist_snap_derive(kept);
	KUNIT_EXPECT_EQ(test, kept->sum, U64_MAX);
}

static void hist_64bit_arithmetic(struct kunit *test)
{
	struct psd_hist_snap *s = snap(test);
	struct psd_hist_stats st;
	u64 big = 5ULL << 32;	/* a count no u32 holds */

	/* Sums beyond 2^32 and 2^63 / 3: avg via div64_u64. */
	psd_hist_snap_add(s, (u64)S64_MAX / 3);
	psd_hist_snap_add(s, (u64)S64_MAX / 3);
	psd_hist_snap_add(s, (u64)S64_MAX / 3);
	psd_hist_stats(s, &st);
	KUNIT_EXPECT_EQ(test, st.avg, (u64)S64_MAX / 3);

	/* Counts beyond 2^32: ranks must not wrap. */
	memset(s, 0, sizeof(*s));
	s->bucket[psd_hist_index(1000)] = big;
	s->bucket[psd_hist_index(1000000)] = big / 100;
	s->count = big + big / 100;
	s->sum = 1000 * big + 1000000 * (big / 100);
	s->min = 1000;
	s->max = 1000000;
	psd_hist_stats(s, &st);
	KUNIT_EXPECT_EQ(test, st.count, big + big / 100);
	KUNIT_EXPECT_EQ(test, st.p[0], 1000ULL);
	KUNIT_EXPECT_EQ(test, st.p[1], 1000ULL);
	/* the tail is 0.99 % of the values: below p99, above p999 */
	KUNIT_EXPECT_EQ(test, st.p[2], 1000ULL);
	KUNIT_EXPECT_TRUE(test, within_bound(st.p[3], 1000000));
	KUNIT_EXPECT_TRUE(test, within_bound(st.avg,
					     div64_u64(s->sum, s->count)));
}

static struct kunit_case hrtimer_hist_cases[] = {
	KUNIT_CASE(hist_buckets_tile_the_range),
	KUNIT_CASE(hist_index_monotone_and_bounded),
	KUNIT_CASE(hist_percentiles_uniform),
	KUNIT_CASE(hist_percentiles_exact_below_64),
	KUNIT_CASE(hist_percentiles_constant),
	KUNIT_CASE(hist_percentiles_tail),
	KUNIT_CASE(hist_percentiles_spread),
	KUNIT_CASE(hist_empty_is_zero),
	KUNIT_CASE(hist_merge_cpus),
	KUNIT_CASE(hist_derive_from_buckets),
	KUNIT_CASE(hist_64bit_arithmetic),
	{}
};

static struct kunit_suite hrtimer_hist_suite = {
	.name = "pmic_sleepdiag_hrtimer_hist",
	.test_cases = hrtimer_hist_cases,
};

kunit_test_suite(hrtimer_hist_suite);
