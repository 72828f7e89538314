/* SPDX-License-Identifier: GPL-2.0 */
/*
 * KUnit helpers: read the module's anomaly and event logs as a suite
 * asserts on them, one way for every suite.
 */
#ifndef _PSD_KUNIT_ANOMALY_LOG_H
#define _PSD_KUNIT_ANOMALY_LOG_H

#include "psd_kunit.h"

/*
 * Records of @type in the log @get reads, at sequence number @from or
 * later; the newest is copied to @last (unless NULL).
 */
static inline unsigned int log_records_of(bool (*get)(u64 *pos,
						      struct psd_record *out),
					  u64 from, unsigned int type,
					  struct psd_record *last)
{
	struct psd_record r;
	unsigned int n = 0;
	u64 pos = from;

	for (; get(&pos, &r); pos++) {
		if (r.type != type)
			continue;
		n++;
		if (last)
			*last = r;
	}
	return n;
}

/*
 * Anomalies of class @cls logged at sequence number @from or later; the
 * newest is copied to @last (unless NULL).
 */
static inline unsigned int anomalies_of(u64 from, unsigned int cls,
					struct psd_record *last)
{
	return log_records_of(psd_anomalies_get, from, cls, last);
}

/* The sequence number the next anomaly will get (a reset keeps counting). */
static inline u64 anomalies_end(void)
{
	struct psd_record r;
	u64 pos = 0;

	while (psd_anomalies_get(&pos, &r))
		pos++;
	return pos;
}

/*
 * Events of @type in the event log; the newest is copied to @last (unless
 * NULL).
 */
static inline unsigned int events_of(u16 type, struct psd_record *last)
{
	return log_records_of(psd_events_get, 0, type, last);
}

#endif /* _PSD_KUNIT_ANOMALY_LOG_H */
