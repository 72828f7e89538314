/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Device PM callbacks (devpm.c, devpm_record.c): the per-cycle record of
 * failed and slowest callbacks, and the table of callbacks in flight.
 * Both are fixed-size, so the probes never allocate.
 */
#ifndef _PMIC_SLEEPDIAG_DEVPM_H
#define _PMIC_SLEEPDIAG_DEVPM_H

#include "internal.h"
#include "report_part.h"

/* Device PM callbacks: direction of struct psd_rpt_devpm_cb.dir. */
enum psd_devpm_dir {
	PSD_DEVPM_SUSPEND,
	PSD_DEVPM_RESUME,
	PSD_DEVPM_NR_DIRS
};

#define PSD_RPT_DEVPM_FAILED	4	/* failed callbacks in the report */
#define PSD_RPT_DEVPM_SLOW	3	/* slowest per direction in the report */

/**
 * struct psd_rpt_devpm_cb - one device PM callback, as devpm shows it
 * @dev:	dev_name(), truncated to fit
 * @driver:	dev_driver_string(), truncated to fit
 * @phase:	static name of the dpm_* step it ran in
 * @dur_us:	how long it ran
 * @err:	what it returned
 * @dir:	enum psd_devpm_dir
 */
struct psd_rpt_devpm_cb {
	char dev[PSD_NAME_LEN];
	char driver[PSD_NAME_LEN];
	const char *phase;
	u32 dur_us;
	s32 err;
	u8 dir;
};

#define PSD_DEVPM_FAILED	8	/* failed callbacks kept per cycle */
#define PSD_DEVPM_SLOWEST	8	/* slowest kept per cycle and direction */
#define PSD_DEVPM_INFLIGHT	64	/* callbacks timed at once (async) */

/* The dpm_* step a callback runs in, from the enclosing suspend_resume. */
enum psd_devpm_phase {
	PSD_DP_PREPARE,
	PSD_DP_SUSPEND,
	PSD_DP_SUSPEND_LATE,
	PSD_DP_SUSPEND_NOIRQ,
	PSD_DP_RESUME_NOIRQ,
	PSD_DP_RESUME_EARLY,
	PSD_DP_RESUME,
	PSD_DP_COMPLETE,
	PSD_DP_NONE,		/* between steps: callbacks are not timed */
};

/**
 * struct psd_devpm_rec - the device PM callbacks of one cycle, the layer's
 *	part of the cycle's slot; the report shows the first
 *	PSD_RPT_DEVPM_FAILED failures and PSD_RPT_DEVPM_SLOW slowest of each
 *	direction, the devpm file all of it
 * @calls:	callbacks timed, by direction
 * @nfailed:	entries in @failed
 * @failed_more: failed callbacks that did not fit in @failed
 * @nslow:	entries in each row of @slow
 * @failed:	failed callbacks, in the order they ended
 * @slow:	the slowest callbacks per direction, slowest first
 */
struct psd_devpm_rec {
	u32 calls[PSD_DEVPM_NR_DIRS];
	u8 nfailed;
	u32 failed_more;
	u8 nslow[PSD_DEVPM_NR_DIRS];
	struct psd_rpt_devpm_cb failed[PSD_DEVPM_FAILED];
	struct psd_rpt_devpm_cb slow[PSD_DEVPM_NR_DIRS][PSD_DEVPM_SLOWEST];
};

/**
 * struct psd_devpm_flight - a callback that started and has not ended
 * @dev:	its device, the key (a device runs one callback at a time)
 * @t_ns:	CLOCK_BOOTTIME of its start
 * @phase:	enum psd_devpm_phase it started in
 */
struct psd_devpm_flight {
	const void *dev;
	u64 t_ns;
	u8 phase;
};

/**
 * struct psd_devpm_inflight - the callbacks running now, keyed by device
 * @f:		the slots; @f[i].dev NULL is free
 * @dropped:	starts not timed: every slot was taken
 * @unmatched:	ends without a start (begun before load, or dropped)
 */
struct psd_devpm_inflight {
	struct psd_devpm_flight f[PSD_DEVPM_INFLIGHT];
	u64 dropped;
	u64 unmatched;
};

const char *psd_devpm_phase_name(unsigned int phase);
enum psd_devpm_dir psd_devpm_phase_dir(unsigned int phase);
void psd_devpm_rec_add(struct psd_devpm_rec *r,
		       const struct psd_rpt_devpm_cb *cb);
bool psd_devpm_flight_start(struct psd_devpm_inflight *in, const void *dev,
			    u64 t_ns, u8 phase);
bool psd_devpm_flight_end(struct psd_devpm_inflight *in, const void *dev,
			  struct psd_devpm_flight *out);

/* The layer's probes, exposed so KUnit drives them like the kernel. */
struct device;
void psd_devpm_tp_start(void *data, struct device *dev, const char *pm_ops,
			int event);
void psd_devpm_tp_end(void *data, struct device *dev, int error);
u64 psd_devpm_dropped(void);

extern struct psd_layer psd_devpm_layer;
extern const struct psd_part psd_devpm_part;
extern const struct psd_field psd_devpm_cb_fields[];

#endif /* _PMIC_SLEEPDIAG_DEVPM_H */
