/* SPDX-License-Identifier: GPL-2.0 */
/*
 * pmic_sleepdiag - a layer's part of each kept cycle's slot (report.c):
 * zeroed for a new cycle, written by the layer as things happen, shown and
 * judged by the layer's renderers and rules when a report is read.
 */
#ifndef _PMIC_SLEEPDIAG_REPORT_PART_H
#define _PMIC_SLEEPDIAG_REPORT_PART_H

#include "internal.h"

struct psd_json;
struct psd_report_cycle;

/* One field table, two renderers (report_fields.c). */
enum psd_field_type {
	PSD_FT_U32,
	PSD_FT_S32,
	PSD_FT_U64,
	PSD_FT_S64,
	PSD_FT_BOOL,		/* bool: 0 or 1 in the report */
	PSD_FT_BIT,		/* @bit of a u8 */
	PSD_FT_STR,		/* const char *: a word, as it is */
	PSD_FT_NAME,		/* char[]: a name, quoted where it must be */
	PSD_FT_WORD,		/* u8 named by @word() */
	PSD_FT_FN,		/* a word @fn() makes of the whole record */
	PSD_FT_WAKE_IRQ,	/* s32: an IRQ, or PSD_WAKE_IRQ_* as a word */
	PSD_FT_BITS,		/* u32 whose bits @bit_name() names */
};

/*
 * One key of a report line and of its report.json object, in a table that
 * ends with an empty one.  Where @when is false the report has @unset or
 * nothing, report.json null.
 */
struct psd_field {
	const char *key;	/* report.json's, and the report's unless @text */
	const char *text;
	u8 type;		/* enum psd_field_type */
	u8 bit;			/* PSD_FT_BIT */
	bool text_only;		/* in the report only */
	u16 off;		/* where the value is in the record */
	bool (*when)(const void *rec);
	const char *unset;
	const char *(*word)(unsigned int v);	/* PSD_FT_WORD */
	const char *(*fn)(const void *rec);	/* PSD_FT_FN */
	/* PSD_FT_BITS: the name of bit @bit, NULL past the last */
	const char *(*bit_name)(const void *rec, unsigned int bit);
};

/* A field of struct @st, member @m, keyed @key, of PSD_FT_@ty. */
#define PSD_FIELD(st, m, key_, ty, ...) {				\
	.key = key_, .type = PSD_FT_##ty, .off = offsetof(st, m),	\
	__VA_ARGS__ }

void psd_fields_text(struct seq_file *m, const char *head, const void *rec,
		     const struct psd_field *f);
void psd_fields_json(struct psd_json *j, const char *key, const void *rec,
		     const struct psd_field *f);

/* JSON containers and numbers, for the parts that are not one object. */
void psd_json_open(struct psd_json *j, const char *key, bool array);
void psd_json_close(struct psd_json *j, bool array);
void psd_json_u64(struct psd_json *j, const char *key, u64 v);
void psd_json_null(struct psd_json *j, const char *key);

/* The part of a sleeper's oversleep a rule's cause accounts for. */
enum psd_verdict_share {
	PSD_SHARE_NONE,		/* none in particular */
	PSD_SHARE_PRESLEEP,	/* freezing and device suspend */
	PSD_SHARE_SUSPENDED,	/* the sleep itself: a late wake */
	PSD_SHARE_RESUME,	/* device resume */
	PSD_SHARE_THAW,		/* after device resume, until the thaw */
	PSD_SHARE_ALL,		/* no fault: every part, listed */
};

/* A cause the verdict may name. */
struct psd_verdict_rule {
	const char *name;	/* verdict= */
	const char *uses;	/* the report lines (first keys) it reads */
	/* Whether it holds for @r; if so, one line of evidence in @detail. */
	bool (*holds)(const struct psd_report_cycle *r, char *detail,
		      size_t len);
	u8 share;		/* enum psd_verdict_share */
	u8 prio;		/* precedence, lowest first, unique (verdict.c) */
};

/* The core's lines a part stands after (parts of one place: layer order). */
enum psd_report_place {
	PSD_PLACE_WS = 20,		/* ws= lines, "wakeup_sources" */
	PSD_PLACE_HELD = 40,		/* held_irq=, "held_irq" */
	PSD_PLACE_IRQ = 50,		/* irq= lines */
	PSD_PLACE_IRQ_JSON = 70,	/* "irqs" */
	PSD_PLACE_ANOMALY = 90,		/* anomaly= lines, "anomalies" */
};

/* What a layer keeps of each cycle; not shown for a cycle it did not write. */
struct psd_part {
	size_t size;		/* bytes of it in each slot */
	u8 text_at;		/* its place among the report's lines */
	u8 json_at;		/* ... among report.json's members */
	void (*text)(struct seq_file *m, const void *part);
	void (*json)(struct psd_json *j, const void *part);
	/* Optional: what it adds to the verdict's evidence, by share. */
	void (*note)(const void *part, u8 share, char *detail, size_t len);
	const struct psd_verdict_rule *rules;	/* ends with an empty row */
};

void psd_report_part(const struct psd_layer *l, u32 cycle, size_t off,
		     const void *v, size_t len);
const void *psd_report_part_of(const struct psd_report_cycle *r,
			       const struct psd_layer *l);
/* Each kept cycle's part of @l, oldest first, to @show.  Process context. */
int psd_report_parts_show(struct seq_file *m, const struct psd_layer *l,
			  void (*show)(struct seq_file *m, u32 cycle,
				       const void *part));

/* What a layer's verdict rule reads of the core's digest of a cycle. */
u32 psd_rpt_anomalies(const struct psd_report_cycle *r, unsigned int cls);
u8 psd_rpt_anomaly_flags(const struct psd_report_cycle *r, unsigned int cls);
const char *psd_rpt_held_back(const struct psd_report_cycle *r, int *woke_by);

/* The alarm armed across a cycle's suspend, for other layers' rules. */
struct psd_rpt_wake_alarm {
	const char *type;	/* its clock: "REALTIME", "BOOTTIME" */
	s64 late_ms;		/* how late it fired */
	bool beyond_step;	/* later than the RTC's one-second step */
};

void psd_report_wake_alarm(u32 cycle, const struct psd_rpt_wake_alarm *a);
const struct psd_rpt_wake_alarm *
psd_rpt_wake_alarm(const struct psd_report_cycle *r);

#endif /* _PMIC_SLEEPDIAG_REPORT_PART_H */
