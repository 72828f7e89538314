/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The PMIC layer: register profiles, snapshots, the sleep-configuration
 * lint and the component that attaches to the PMIC.
 */
#ifndef _PMIC_SLEEPDIAG_PMIC_H
#define _PMIC_SLEEPDIAG_PMIC_H

#include "internal.h"
#include "report_part.h"

/* The lint of a snapshot, as the report shows it; bits by @rule_id row. */
struct psd_rpt_pmic {
	const char *(*rule_id)(unsigned int row);
	unsigned int nrules;
	const char *chip;
	u8 phase;
	int err;
	u32 warn;
	u32 info;
	u32 unknown;
};

/* One snapshot's lint in a cycle's part, if the cycle had that snapshot. */
struct psd_pmic_seen {
	bool has;
	struct psd_rpt_pmic lint;
};

/*
 * The pmic layer's part of a cycle: the lint of its pre-sleep
 * (suspend_late) snapshot, and of its first after the wake (resume_early,
 * or resume when the bus was down then), which shows the PMIC as it was
 * in SLEEP before the resume's writes undo what was wrong there.
 */
struct psd_pmic_part {
	struct psd_pmic_seen presleep;
	struct psd_pmic_seen wake;
};

/* ---- PMIC: register profiles (pmic_regs_tps65910.c) ---- */

#define PSD_PMIC_MAX_REGS	72	/* rows of the largest profile */
#define PSD_PMIC_NR_ADDR	0x80	/* addresses 0x00..max_register */

/* A field of a register, decoded with its mask only. */
struct psd_pmic_field {
	const char *name;
	const char *meaning;
	u8 mask;
};

/* A register; @fields ends with an empty row; @cached: not volatile in
 * the driver's regmap.
 */
struct psd_pmic_reg {
	const char *name;
	const struct psd_pmic_field *fields;
	u8 addr;
	bool cached;
};

/* One regmap_bulk_read(); @cached as for its registers. */
struct psd_pmic_range {
	u8 first;
	u8 last;
	bool cached;
};

/* A chip: registers sorted by address, the ranges that read them. */
struct psd_pmic_profile {
	const char *chip;
	const struct psd_pmic_reg *regs;
	unsigned int nregs;
	const struct psd_pmic_range *ranges;
	unsigned int nranges;
	unsigned int max_register;
};

extern const struct psd_pmic_profile psd_pmic_tps65910;
extern const struct psd_pmic_profile psd_pmic_tps65911;
extern const struct psd_pmic_profile *const psd_pmic_profiles[];

const struct psd_pmic_profile *psd_pmic_profile_find(const char *chip);
int psd_pmic_reg_index(const struct psd_pmic_profile *prof, unsigned int addr);
const struct psd_pmic_field *psd_pmic_field_find(const struct psd_pmic_reg *reg,
						 u8 mask);

static inline unsigned int psd_pmic_field_val(u8 val, u8 mask)
{
	return (val & mask) >> __ffs(mask);
}

/* ---- PMIC: snapshots (pmic_snapshot.c) ---- */

/* Snapshot slots of a cycle; the phases are in pmic_snapshot.c. */
#define PSD_PMIC_NR_SLOTS	7

/**
 * struct psd_pmic_snap - the registers of a profile at one moment
 * @t_ns:	CLOCK_BOOTTIME when the reads began
 * @prof:	the chip read; NULL: empty slot
 * @cycle:	suspend cycle
 * @err:	first read error, 0 if none
 * @phase:	enum psd_phase
 * @presleep:	the cycle's last pre-sleep snapshot, the one lint judges
 *		(suspend_late, or an earlier one when the bus was down)
 * @val:	values, by profile row
 * @changed:	rows whose value differs from the previous snapshot's
 * @failed:	rows whose read failed
 */
struct psd_pmic_snap {
	u64 t_ns;
	const struct psd_pmic_profile *prof;
	u32 cycle;
	int err;
	u8 phase;
	bool presleep;
	u8 val[PSD_PMIC_MAX_REGS];
	DECLARE_BITMAP(changed, PSD_PMIC_MAX_REGS);
	DECLARE_BITMAP(failed, PSD_PMIC_MAX_REGS);
};

struct file;
struct psd_pmic_store;
struct regmap;

int psd_pmic_slot(unsigned int phase);
struct psd_pmic_store *psd_pmic_store_create(unsigned int keep);
void psd_pmic_store_destroy(struct psd_pmic_store *st);
void psd_pmic_store_reset(struct psd_pmic_store *st);
unsigned int psd_pmic_read(struct regmap *map,
			   const struct psd_pmic_profile *prof,
			   struct psd_pmic_snap *s);
void psd_pmic_store_add(struct psd_pmic_store *st, struct psd_pmic_snap *s);
bool psd_pmic_store_latest(struct psd_pmic_store *st, struct psd_pmic_snap *out);
bool psd_pmic_store_get(struct psd_pmic_store *st, u32 cycle,
			unsigned int phase, struct psd_pmic_snap *out);
bool psd_pmic_store_presleep(struct psd_pmic_store *st, u32 cycle,
			     struct psd_pmic_snap *out);
bool psd_pmic_store_nth(struct psd_pmic_store *st, loff_t n,
			struct psd_pmic_snap *out);
void psd_pmic_fields_show(struct seq_file *m, const struct psd_pmic_reg *reg,
			  u8 val);
void psd_pmic_snap_show(struct seq_file *m, const struct psd_pmic_snap *s);
int psd_pmic_store_seq_open(struct file *file, struct psd_pmic_store *st);

/* ---- PMIC: sleep-configuration lint (pmic_lint.c) ---- */

enum { PSD_LINT_WARN, PSD_LINT_INFO };
enum { PSD_LINT_SET, PSD_LINT_CLEAR, PSD_LINT_PENDING };
enum { PSD_LINT_NO, PSD_LINT_HOLDS, PSD_LINT_UNKNOWN, PSD_LINT_NA };

/* SET: all @mask bits set; CLEAR: none; PENDING: @reg & ~@reg2 != 0. */
struct psd_pmic_lint_term {
	u8 op;
	u8 reg;
	u8 mask;
	u8 reg2;
};

#define PSD_LINT_MAX_TERMS	4

/**
 * struct psd_pmic_lint_rule - one lint rule
 * @id:		rule= name
 * @detail:	one line: what is wrong and what to change
 * @severity:	PSD_LINT_WARN or PSD_LINT_INFO
 * @any:	holds when one term holds (else: all terms)
 * @reg:	register the finding names (an "any" rule: the term's)
 * @nterms:	terms used
 * @terms:	the tests, which are also the fields the rule reads
 */
struct psd_pmic_lint_rule {
	const char *id;
	const char *detail;
	u8 severity;
	bool any;
	u8 reg;
	u8 nterms;
	struct psd_pmic_lint_term terms[PSD_LINT_MAX_TERMS];
};

extern const struct psd_pmic_lint_rule psd_pmic_lint_rules[];
extern const unsigned int psd_pmic_nr_lint_rules;

const char *psd_pmic_lint_severity(unsigned int severity);
int psd_pmic_lint_eval(const struct psd_pmic_lint_rule *r,
		       const struct psd_pmic_snap *s, u8 *reg);
u32 psd_pmic_lint_warnings(const struct psd_pmic_snap *s, u32 *unknown);
void psd_pmic_lint_snap_show(struct seq_file *m, const struct psd_pmic_snap *s);
void psd_pmic_risk_show(struct seq_file *m, const struct psd_record *rec);
const char *psd_pmic_lint_id(unsigned int row);
void psd_pmic_lint_report(const struct psd_pmic_snap *s,
			  struct psd_rpt_pmic *out);

/* ---- PMIC: the component, attach and snapshots (pmic.c) ---- */

struct psd_pmic;

extern struct psd_layer psd_pmic_layer;
extern const struct psd_part psd_pmic_part;

struct psd_pmic *psd_pmic_create(unsigned int keep, struct device *own,
				 bool live);
void psd_pmic_destroy(struct psd_pmic *p);
int psd_pmic_attach(struct psd_pmic *p, struct device *dev, const char *chip,
		    const char **why);
void psd_pmic_detach(struct psd_pmic *p, const char *why);
struct device *psd_pmic_attached(struct psd_pmic *p, bool *linked);
struct psd_pmic_store *psd_pmic_store_of(struct psd_pmic *p);
int psd_pmic_take(struct psd_pmic *p, u32 cycle, enum psd_phase phase);
void psd_pmic_reset(struct psd_pmic *p);

#endif /* _PMIC_SLEEPDIAG_PMIC_H */
