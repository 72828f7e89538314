// SPDX-License-Identifier: GPL-2.0
/*
 * PMIC sleep-configuration lint: rules over one snapshot, as a table.  A
 * rule is a list of register/mask tests, all of which (or, for an "any"
 * rule, one of which) must hold; its reg= is the register to change.
 * Rules about what is kept on in SLEEP test DEVCTRL.DEV_SLP=1 first: with
 * DEV_SLP=0 the PMIC never enters SLEEP and its KEEPON bits do nothing.
 * Every rule is documented in Documentation/pmic_lint.rst.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/bitmap.h>
#include <linux/kernel.h>
#include <linux/seq_file.h>

#include "pmic.h"

#define SET(r, m)	{ PSD_LINT_SET, r, m, 0 }
#define CLEAR(r, m)	{ PSD_LINT_CLEAR, r, m, 0 }
#define PENDING(s, k)	{ PSD_LINT_PENDING, s, 0xff, k }

#define DEVCTRL		0x3f
#define DEV_SLP		SET(DEVCTRL, 0x02)
#define KEEP_RES	0x42

const struct psd_pmic_lint_rule psd_pmic_lint_rules[] = {
	{
		.id = "rtc_pwdn", .severity = PSD_LINT_WARN, .reg = DEVCTRL,
		.terms = { SET(DEVCTRL, 0x40) }, .nterms = 1,
		.detail =
			"RTC domain powered down (DEVCTRL.RTC_PWDN=1): no RTC alarm can wake the system; clear RTC_PWDN",
	},
	{
		.id = "rtc_stopped", .severity = PSD_LINT_WARN, .reg = 0x10,
		.terms = { CLEAR(0x10, 0x01) }, .nterms = 1,
		.detail =
			"RTC stopped (RTC_CTRL.STOP_RTC=0): time and alarms are frozen; set STOP_RTC=1",
	},
	{
		.id = "rtc_alarm_masked", .severity = PSD_LINT_WARN, .reg = 0x51,
		.terms = { SET(0x12, 0x08), SET(0x51, 0x40) }, .nterms = 2,
		.detail =
			"RTC alarm interrupt enabled (RTC_INTERRUPTS.IT_ALARM=1) but masked in INT_MSK: the alarm never reaches the INT line; clear INT_MSK.RTC_ALARM_IT_MSK",
	},
	{
		.id = "rtc_alarm_stale", .severity = PSD_LINT_WARN, .reg = 0x11,
		.terms = { SET(0x11, 0x40) }, .nterms = 1,
		.detail =
			"RTC alarm status already set (RTC_STATUS.ALARM=1): the next alarm raises no new interrupt; clear it (write 1) before suspend",
	},
	{
		.id = "int_pending", .severity = PSD_LINT_WARN, .any = true,
		.terms = { PENDING(0x50, 0x51), PENDING(0x52, 0x53),
			   PENDING(0x54, 0x55) }, .nterms = 3,
		.detail =
			"unmasked PMIC interrupt status set (INT_STS & ~INT_MSK): INT stays asserted and no new wake edge comes; service and acknowledge it before suspend",
	},
	{
		.id = "ck32k_sleep_off", .severity = PSD_LINT_WARN, .reg = KEEP_RES,
		.terms = { DEV_SLP, CLEAR(KEEP_RES, 0x40) }, .nterms = 2,
		.detail =
			"32 kHz clock output stops in SLEEP (CLKOUT32K_KEEPON=0, DEV_SLP=1): a SoC timer or RTC clocked from CLK32KOUT stalls; set CLKOUT32K_KEEPON (ti,sleep-keep-ck32k)",
	},
	{
		.id = "rtc_it_sleep_masked", .severity = PSD_LINT_WARN, .reg = 0x12,
		.terms = { DEV_SLP, SET(0x12, 0x10), SET(0x12, 0x08) }, .nterms = 3,
		.detail =
			"RTC interrupts held back in SLEEP (RTC_INTERRUPTS.IT_SLEEP_MASK_EN=1, DEV_SLP=1): the alarm is delivered only once something else wakes the PMIC; clear IT_SLEEP_MASK_EN",
	},
	{
		.id = "vrtc_lowpower", .severity = PSD_LINT_INFO, .reg = KEEP_RES,
		.terms = { DEV_SLP, CLEAR(KEEP_RES, 0x20) }, .nterms = 2,
		.detail =
			"VRTC in low-power mode in SLEEP (VRTC_KEEPON=0, DEV_SLP=1): usual; set VRTC_KEEPON only if the RTC domain browns out in SLEEP",
	},
	{
		.id = "i2chs_off", .severity = PSD_LINT_INFO, .reg = KEEP_RES,
		.terms = { DEV_SLP, CLEAR(KEEP_RES, 0x10) }, .nterms = 2,
		.detail =
			"internal high-speed clock off in SLEEP (I2CHS_KEEPON=0, DEV_SLP=1): the PMIC restarts it on wake, adding latency; set I2CHS_KEEPON (ti,sleep-keep-hsclk) if resume is slow",
	},
	{
		.id = "ck32k_rc", .severity = PSD_LINT_INFO, .reg = DEVCTRL,
		.terms = { SET(DEVCTRL, 0x20) }, .nterms = 1,
		.detail =
			"32 kHz clock from the internal RC oscillator (DEVCTRL.CK32K_CTRL=1): RTC alarms drift; use the crystal (ti,en-ck32k-xtal) where one is fitted",
	},
};

const unsigned int psd_pmic_nr_lint_rules = ARRAY_SIZE(psd_pmic_lint_rules);

static const char *const psd_lint_severity[] = {
	[PSD_LINT_WARN] = "warn",
	[PSD_LINT_INFO] = "info",
};

/**
 * psd_pmic_lint_severity() - severity= name
 * @severity: PSD_LINT_WARN or PSD_LINT_INFO
 *
 * Return: the name.
 */
const char *psd_pmic_lint_severity(unsigned int severity)
{
	return severity < ARRAY_SIZE(psd_lint_severity) ?
	       psd_lint_severity[severity] : "unknown";
}

/* One test; PSD_LINT_NA when the chip lacks a register of it. */
static int psd_lint_term(const struct psd_pmic_lint_term *t,
			 const struct psd_pmic_snap *s)
{
	int i = psd_pmic_reg_index(s->prof, t->reg);
	int k = t->op == PSD_LINT_PENDING ?
		psd_pmic_reg_index(s->prof, t->reg2) : i;
	u8 v;

	if (i < 0 || k < 0)
		return PSD_LINT_NA;
	if (test_bit(i, s->failed) || test_bit(k, s->failed))
		return PSD_LINT_UNKNOWN;
	v = s->val[i] & t->mask;
	switch (t->op) {
	case PSD_LINT_SET:
		return v == t->mask ? PSD_LINT_HOLDS : PSD_LINT_NO;
	case PSD_LINT_CLEAR:
		return !v ? PSD_LINT_HOLDS : PSD_LINT_NO;
	default:
		return v & ~s->val[k] ? PSD_LINT_HOLDS : PSD_LINT_NO;
	}
}

/**
 * psd_pmic_lint_eval() - does a rule hold on a snapshot?
 * @r: the rule
 * @s: the snapshot
 * @reg: out: the register the finding names
 *
 * Return: PSD_LINT_HOLDS, PSD_LINT_NO, PSD_LINT_UNKNOWN (a register it
 * reads failed) or PSD_LINT_NA (the chip has no such register).
 */
int psd_pmic_lint_eval(const struct psd_pmic_lint_rule *r,
		       const struct psd_pmic_snap *s, u8 *reg)
{
	bool unknown = false, any_applies = false;
	unsigned int i;

	*reg = r->reg;
	for (i = 0; i < r->nterms; i++) {
		int res = psd_lint_term(&r->terms[i], s);

		if (r->any) {
			if (res == PSD_LINT_NA)
				continue;
			any_applies = true;
			if (res == PSD_LINT_HOLDS) {
				*reg = r->terms[i].reg;
				return PSD_LINT_HOLDS;
			}
			unknown |= res == PSD_LINT_UNKNOWN;
			continue;
		}
		if (res == PSD_LINT_NA || res == PSD_LINT_NO)
			return res;
		unknown |= res == PSD_LINT_UNKNOWN;
	}
	if (r->any && !any_applies)
		return PSD_LINT_NA;
	if (unknown)
		return PSD_LINT_UNKNOWN;
	return r->any ? PSD_LINT_NO : PSD_LINT_HOLDS;
}

/**
 * psd_pmic_lint_warnings() - the warn rules that hold on a snapshot
 * @s: the snapshot
 * @unknown: out: the rules that could not be evaluated
 *
 * Return: a bit per rule index.
 */
u32 psd_pmic_lint_warnings(const struct psd_pmic_snap *s, u32 *unknown)
{
	u32 holds = 0;
	unsigned int i;
	u8 reg;

	*unknown = 0;
	for (i = 0; i < psd_pmic_nr_lint_rules; i++) {
		const struct psd_pmic_lint_rule *r = &psd_pmic_lint_rules[i];
		int res;

		if (r->severity != PSD_LINT_WARN)
			continue;
		res = psd_pmic_lint_eval(r, s, &reg);
		if (res == PSD_LINT_HOLDS)
			holds |= BIT(i);
		else if (res == PSD_LINT_UNKNOWN)
			*unknown |= BIT(i);
	}
	return holds;
}

/* "REG.FIELD=v ..." for the registers a rule read. */
static void psd_lint_fields_show(struct seq_file *m,
				 const struct psd_pmic_lint_rule *r,
				 const struct psd_pmic_snap *s)
{
	const struct psd_pmic_field *f;
	const struct psd_pmic_reg *reg;
	unsigned int i, n = 0;
	int idx, k;

	for (i = 0; i < r->nterms; i++) {
		const struct psd_pmic_lint_term *t = &r->terms[i];

		idx = psd_pmic_reg_index(s->prof, t->reg);
		if (idx < 0)
			continue;
		reg = &s->prof->regs[idx];
		seq_puts(m, n++ ? " " : "");
		if (t->op == PSD_LINT_PENDING) {
			k = psd_pmic_reg_index(s->prof, t->reg2);
			seq_printf(m, "%s=0x%02x %s=0x%02x", reg->name,
				   s->val[idx], s->prof->regs[k].name,
				   s->val[k]);
			continue;
		}
		f = psd_pmic_field_find(reg, t->mask);
		seq_printf(m, "%s.%s=%u", reg->name, f ? f->name : "?",
			   psd_pmic_field_val(s->val[idx], t->mask));
	}
}

/**
 * psd_pmic_lint_id() - the rule= name of a lint rule
 * @row: its row in psd_pmic_lint_rules[]
 *
 * Return: the name.
 */
const char *psd_pmic_lint_id(unsigned int row)
{
	return psd_pmic_lint_rules[row].id;
}

/**
 * psd_pmic_lint_report() - a snapshot's lint as the report keeps it
 * @s: the snapshot
 * @out: the chip, the first read error and the rules, one bit per row
 */
void psd_pmic_lint_report(const struct psd_pmic_snap *s,
			  struct psd_rpt_pmic *out)
{
	unsigned int i;
	u8 reg;

	memset(out, 0, sizeof(*out));
	out->rule_id = psd_pmic_lint_id;
	out->nrules = min(psd_pmic_nr_lint_rules, 32U);
	out->chip = s->prof->chip;
	out->phase = s->phase;
	out->err = s->err;
	for (i = 0; i < out->nrules; i++) {
		const struct psd_pmic_lint_rule *rule = &psd_pmic_lint_rules[i];

		switch (psd_pmic_lint_eval(rule, s, &reg)) {
		case PSD_LINT_HOLDS:
			if (rule->severity == PSD_LINT_WARN)
				out->warn |= BIT(i);
			else
				out->info |= BIT(i);
			break;
		case PSD_LINT_UNKNOWN:
			out->unknown |= BIT(i);
			break;
		}
	}
}

/**
 * psd_pmic_lint_snap_show() - pmic/lint for one snapshot
 * @m: the seq_file
 * @s: the snapshot
 */
void psd_pmic_lint_snap_show(struct seq_file *m, const struct psd_pmic_snap *s)
{
	unsigned int i, n = 0;
	u8 reg;

	seq_printf(m, "# cycle=%u phase=%s t_ns=%llu chip=%s err=%d\n",
		   s->cycle, psd_phase_name(s->phase), s->t_ns, s->prof->chip,
		   s->err);
	for (i = 0; i < psd_pmic_nr_lint_rules; i++) {
		const struct psd_pmic_lint_rule *r = &psd_pmic_lint_rules[i];
		int res = psd_pmic_lint_eval(r, s, &reg);

		if (res == PSD_LINT_UNKNOWN)
			seq_printf(m, "# rule=%s not evaluated: a register it reads failed\n",
				   r->id);
		if (res != PSD_LINT_HOLDS)
			continue;
		n++;
		seq_printf(m, "rule=%s severity=%s reg=0x%02x detail=\"%s\" fields=\"",
			   r->id, psd_pmic_lint_severity(r->severity), reg,
			   r->detail);
		psd_lint_fields_show(m, r, s);
		seq_puts(m, "\"\n");
	}
	seq_printf(m, "# findings=%u\n", n);
}

/**
 * psd_pmic_risk_show() - the class keys of a PMIC_CONFIG_RISK anomaly
 * @m: the seq_file
 * @rec: the anomaly: @name the rule, @v[0] its register, @v[1] its index
 */
void psd_pmic_risk_show(struct seq_file *m, const struct psd_record *rec)
{
	const struct psd_pmic_lint_rule *r = NULL;

	if (rec->v[1] >= 0 && rec->v[1] < psd_pmic_nr_lint_rules)
		r = &psd_pmic_lint_rules[rec->v[1]];
	seq_printf(m, " rule=%s severity=warn reg=0x%02llx phase=%s", rec->name,
		   rec->v[0], psd_phase_name(rec->phase));
	if (r)
		seq_printf(m, " detail=\"%s\"", r->detail);
}
