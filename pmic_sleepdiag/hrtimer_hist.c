// SPDX-License-Identifier: GPL-2.0
/*
 * Log-linear (HDR-style) latency histogram: the arithmetic only, no state.
 *
 * Values below 2 * PSD_HIST_SUB (64 ns) get one bucket each.  Above, every
 * power of two [2^e, 2^(e+1)) is cut into PSD_HIST_SUB (32) equal buckets
 * of width 2^(e-5), so a bucket is never wider than 1/32 of its lower
 * bound.  The histogram covers every u64, 0 to 2^64-1 ns, in
 * PSD_HIST_BUCKETS (1920) buckets.
 *
 * Error bound: a bucket is reported by its midpoint, which is within
 * 1/64 (1.6 %) of every value in the bucket; percentiles and max are thus
 * exact to 1.6 % (values below 64 ns exactly).  The probe keeps the max
 * exactly beside the buckets; min and avg come from the bucket midpoints,
 * within the same bound.  Percentiles are clamped into [min, max].
 *
 * 32-bit safe: 64-bit divisions go through div64_u64()/div_u64().
 * psd_hist_index() is inline in internal.h, for the probe.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/bitops.h>
#include <linux/kernel.h>
#include <linux/math64.h>
#include <linux/overflow.h>
#include <linux/string.h>

#include "hrtimer.h"

/* Percentiles reported, in per-mille; the order of psd_hist_stats.p[]. */
const u16 psd_hist_permille[PSD_HIST_NR_PCT] = { 500, 900, 990, 999 };

static unsigned int psd_hist_shift(unsigned int idx)
{
	return idx < 2 * PSD_HIST_SUB ? 0 : idx / PSD_HIST_SUB - 1;
}

/**
 * psd_hist_lo() - the smallest value of a bucket
 * @idx: the bucket
 *
 * Return: the lower bound, in ns.
 */
u64 psd_hist_lo(unsigned int idx)
{
	unsigned int shift = psd_hist_shift(idx);

	return (u64)(idx - shift * PSD_HIST_SUB) << shift;
}

/**
 * psd_hist_hi() - the largest value of a bucket (inclusive)
 * @idx: the bucket
 *
 * Return: the upper bound, in ns.
 */
u64 psd_hist_hi(unsigned int idx)
{
	return psd_hist_lo(idx) + ((1ULL << psd_hist_shift(idx)) - 1);
}

/**
 * psd_hist_mid() - the value a bucket is reported as
 * @idx: the bucket
 *
 * Return: the bucket's midpoint, within 1/64 of any value in the bucket.
 */
u64 psd_hist_mid(unsigned int idx)
{
	u64 lo = psd_hist_lo(idx);

	return lo + ((psd_hist_hi(idx) - lo) >> 1);
}

/**
 * psd_hist_snap_add() - count one value into a snapshot
 * @s: the snapshot
 * @v: the value, in ns
 *
 * For building known distributions; the probes keep per-CPU counters.
 */
void psd_hist_snap_add(struct psd_hist_snap *s, u64 v)
{
	s->bucket[psd_hist_index(v)]++;
	s->count++;
	s->sum += v;
	if (s->count == 1 || v < s->min)
		s->min = v;
	if (v > s->max)
		s->max = v;
}

/**
 * psd_hist_snap_derive() - min and sum of a snapshot from its buckets
 * @s: buckets, count and the exact max, as the probe keeps them
 *
 * Each bucket counts as its midpoint (at most max): min and the sum
 * behind avg are within the histogram's 1/64 bound.  The sum saturates.
 */
void psd_hist_snap_derive(struct psd_hist_snap *s)
{
	bool first = true;
	unsigned int i;
	u64 mid, add;

	s->sum = 0;
	s->min = 0;
	for (i = 0; i < PSD_HIST_BUCKETS; i++) {
		if (!s->bucket[i])
			continue;
		mid = min(psd_hist_mid(i), s->max);
		if (first)
			s->min = mid;
		first = false;
		if (check_mul_overflow(mid, s->bucket[i], &add) ||
		    check_add_overflow(s->sum, add, &s->sum)) {
			s->sum = U64_MAX;
			break;
		}
	}
}

/**
 * psd_hist_merge() - add one snapshot (one CPU's) into another
 * @dst: the sum; an empty snapshot is all zero
 * @src: what to add
 */
void psd_hist_merge(struct psd_hist_snap *dst, const struct psd_hist_snap *src)
{
	unsigned int i;

	/* Counted apart, so a CPU may hold these and no lateness at all. */
	dst->suspended += src->suspended;
	dst->clock_set += src->clock_set;
	if (!src->count)
		return;
	for (i = 0; i < PSD_HIST_BUCKETS; i++)
		dst->bucket[i] += src->bucket[i];
	dst->min = dst->count ? min(dst->min, src->min) : src->min;
	dst->max = max(dst->max, src->max);
	dst->count += src->count;
	dst->sum += src->sum;
}

/*
 * The smallest bucket midpoint v with at least ceil(count * pm / 1000)
 * values <= v.  count * 999 cannot overflow: count < 2^54 in any run.
 */
static u64 psd_hist_rank(const struct psd_hist_snap *s, u32 pm)
{
	u64 rank = div_u64(s->count * pm + 999, 1000);
	u64 seen = 0;
	unsigned int i;

	if (!rank)
		rank = 1;
	for (i = 0; i < PSD_HIST_BUCKETS; i++) {
		seen += s->bucket[i];
		if (seen >= rank)
			return psd_hist_mid(i);
	}
	return s->max;
}

/**
 * psd_hist_stats() - count, min, avg, max and percentiles of a snapshot
 * @s: the snapshot; @count must equal the sum of its buckets
 * @st: the result; all zero for an empty snapshot
 *
 * Percentiles are clamped into [min, max], so
 * min <= p50 <= p90 <= p99 <= p999 <= max always holds.
 */
void psd_hist_stats(const struct psd_hist_snap *s, struct psd_hist_stats *st)
{
	unsigned int i;
	u64 v;

	memset(st, 0, sizeof(*st));
	if (!s->count)
		return;
	st->count = s->count;
	st->min = s->min;
	st->max = max(s->max, s->min);
	st->avg = clamp(div64_u64(s->sum, s->count), st->min, st->max);
	for (i = 0; i < PSD_HIST_NR_PCT; i++) {
		v = psd_hist_rank(s, psd_hist_permille[i]);
		st->p[i] = clamp(v, st->min, st->max);
	}
}
