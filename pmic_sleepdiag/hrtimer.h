/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The hrtimer layer: a latency histogram per CPU and the windows it is
 * read in (hrtimer_hist.c, hrtimer_lat.c).
 */
#ifndef _PMIC_SLEEPDIAG_HRTIMER_H
#define _PMIC_SLEEPDIAG_HRTIMER_H

#include <linux/ktime.h>

#include "internal.h"
#include "report_part.h"

/* The hrtimer layer's windows: HRTIMER_LATE's flag, the report's bits. */
enum psd_hrt_window {
	PSD_HRT_ALL,
	PSD_HRT_POST_RESUME,
	PSD_HRT_PROBE,
	PSD_HRT_NR_WINDOWS
};

/**
 * struct psd_rpt_hrt - the post_resume timer window of a cycle
 * @count:	expiries in the window
 * @max_ns:	the latest of them
 * @late:	expiries later than @late_us
 * @suspended:	BOOTTIME/REALTIME expiries due while suspended
 * @late_us:	hrtimer_late_us when the window closed
 */
struct psd_rpt_hrt {
	u64 count;
	u64 max_ns;
	u64 late;
	u64 suspended;
	u32 late_us;
};

/* ---- hrtimer latency histogram: the arithmetic (hrtimer_hist.c) ---- */

#define PSD_HIST_SUB_BITS	5
#define PSD_HIST_SUB		BIT(PSD_HIST_SUB_BITS)
/* 64 exact buckets, then 32 per power of two: every u64 has a bucket. */
#define PSD_HIST_BUCKETS	((64 - PSD_HIST_SUB_BITS + 1) * PSD_HIST_SUB)
#define PSD_HIST_NR_PCT		4	/* p50 p90 p99 p999 */

/* One CPU's or a merged histogram, as a reader copies it out. */
struct psd_hist_snap {
	u64 count;
	u64 sum;
	u64 min;
	u64 max;
	u64 suspended;
	u64 clock_set;
	u64 bucket[PSD_HIST_BUCKETS];
};

struct psd_hist_stats {
	u64 count;
	u64 min;
	u64 avg;
	u64 max;
	u64 p[PSD_HIST_NR_PCT];
};

extern const u16 psd_hist_permille[PSD_HIST_NR_PCT];

/**
 * psd_hist_index() - the bucket a value falls in; inline for the probe
 * @v: the value, in ns
 *
 * Return: 0 .. PSD_HIST_BUCKETS - 1, monotone in @v.
 */
static inline unsigned int psd_hist_index(u64 v)
{
	unsigned int shift;

	if (v < 2 * PSD_HIST_SUB)
		return v;
	/* v >> shift lands in [PSD_HIST_SUB, 2 * PSD_HIST_SUB). */
	shift = fls64(v) - 1 - PSD_HIST_SUB_BITS;
	return shift * PSD_HIST_SUB + (unsigned int)(v >> shift);
}

u64 psd_hist_lo(unsigned int idx);
u64 psd_hist_hi(unsigned int idx);
u64 psd_hist_mid(unsigned int idx);
void psd_hist_snap_add(struct psd_hist_snap *s, u64 v);
void psd_hist_snap_derive(struct psd_hist_snap *s);
void psd_hist_merge(struct psd_hist_snap *dst, const struct psd_hist_snap *src);
void psd_hist_stats(const struct psd_hist_snap *s, struct psd_hist_stats *st);

/* ---- hrtimer latency: probe, windows, file (hrtimer_lat.c) ---- */

extern struct psd_layer psd_hrtimer_layer;
extern const struct psd_part psd_hrt_part;
int psd_hrtimer_latency_show(struct seq_file *m, void *unused);
void psd_hrtimer_late_show(struct seq_file *m, const struct psd_record *rec);

/* One measuring instance; the component runs one, KUnit its own. */
struct psd_hrt;
struct hrtimer;

/*
 * The last sleep: CLOCK_BOOTTIME start and end (0 while asleep), whether
 * timekeeping was suspended in it, and CLOCK_MONOTONIC at its start (to
 * tell that while it lasts).
 */
struct psd_hrt_sleep {
	u64 start;
	u64 end;
	bool frozen;
	u64 mono_start;
};

#define PSD_HRT_IN_POST_RESUME	BIT(0)
#define PSD_HRT_SUSPENDED	BIT(1)
#define PSD_HRT_CLOCK_SET	BIT(2)

unsigned int psd_hrt_classify(const struct psd_hrt_sleep *s, clockid_t clock,
			      u64 late, u64 now, u64 post_ns);
struct psd_hrt *psd_hrt_create(u64 (*clock)(void), u32 cycle);
void psd_hrt_set_mono_clock(struct psd_hrt *st, u64 (*mono)(void));
void psd_hrt_destroy(struct psd_hrt *st);
void psd_hrt_probe(void *data, struct hrtimer *timer, ktime_t *now);
void psd_hrt_phase(struct psd_hrt *st, u32 cycle, enum psd_phase phase,
		   bool start, u64 t_ns);
void psd_hrt_window_close(struct psd_hrt *st);
void psd_hrt_reset(struct psd_hrt *st);
void psd_hrt_set_period(struct psd_hrt *st, u32 us);
struct hrtimer *psd_hrt_probe_timer(struct psd_hrt *st);
int psd_hrt_show(struct psd_hrt *st, struct seq_file *m);
size_t psd_hrt_memory(const struct psd_hrt *st);

#endif /* _PMIC_SLEEPDIAG_HRTIMER_H */
