// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: the PMIC lint rules (pmic_sleepdiag/pmic_lint.c).  Each rule is
 * tried on a healthy snapshot (it must not hold), on the same snapshot
 * with the registers that break it (it must hold, and only it among the
 * warn rules), with DEV_SLP=0 for the rules about SLEEP, and with a read
 * failure of a register it reads (it cannot be judged).
 */
#include <kunit/test.h>
#include <linux/seq_file.h>
#include <linux/string.h>

#include "psd_kunit.h"
#include "render.h"

struct lint_case {
	const char *rule;
	u8 reg[3];
	u8 val[3];
	bool needs_sleep;	/* holds only with DEVCTRL.DEV_SLP=1 */
};

/* Registers that break each rule, starting from healthy(). */
static const struct lint_case lint_cases[] = {
	{ "rtc_pwdn", { 0x3f }, { 0x42 } },
	{ "rtc_stopped", { 0x10 }, { 0x00 } },
	{ "rtc_alarm_masked", { 0x12, 0x51 }, { 0x08, 0x40 } },
	{ "rtc_alarm_stale", { 0x11 }, { 0x40 } },
	{ "int_pending", { 0x50 }, { 0x04 } },
	{ "int_pending", { 0x52, 0x53 }, { 0x03, 0x01 } },
	{ "ck32k_sleep_off", { 0x42 }, { 0x30 }, true },
	{ "rtc_it_sleep_masked", { 0x12 }, { 0x18 }, true },
	{ "vrtc_lowpower", { 0x42 }, { 0x50 }, true },
	{ "i2chs_off", { 0x42 }, { 0x60 }, true },
	{ "ck32k_rc", { 0x3f }, { 0x22 } },
};

static void set_reg(struct psd_pmic_snap *s, u8 addr, u8 val)
{
	int i = psd_pmic_reg_index(s->prof, addr);

	if (i >= 0)
		s->val[i] = val;
}

/* DEV_SLP=1 with every KEEPON the rules ask for; RTC running. */
static void healthy(struct psd_pmic_snap *s,
		    const struct psd_pmic_profile *prof)
{
	memset(s, 0, sizeof(*s));
	s->prof = prof;
	s->phase = PSD_PH_SUSPEND_LATE;
	s->cycle = 1;
	set_reg(s, 0x3f, 0x02);
	set_reg(s, 0x42, 0x70);
	set_reg(s, 0x10, 0x01);
}

static const struct psd_pmic_lint_rule *rule(const char *id)
{
	unsigned int i;

	for (i = 0; i < psd_pmic_nr_lint_rules; i++)
		if (!strcmp(psd_pmic_lint_rules[i].id, id))
			return &psd_pmic_lint_rules[i];
	return NULL;
}

static int eval(const char *id, const struct psd_pmic_snap *s)
{
	u8 reg;

	return psd_pmic_lint_eval(rule(id), s, &reg);
}

static void table_is_sound(struct kunit *test)
{
	const struct psd_pmic_field *f;
	unsigned int i, j, t, nwarn = 0;

	KUNIT_EXPECT_GE(test, psd_pmic_nr_lint_rules, 6U);
	KUNIT_EXPECT_LE(test, psd_pmic_nr_lint_rules, 32U);
	for (i = 0; i < psd_pmic_nr_lint_rules; i++) {
		const struct psd_pmic_lint_rule *r = &psd_pmic_lint_rules[i];

		nwarn += r->severity == PSD_LINT_WARN;
		KUNIT_EXPECT_GT(test, strlen(r->detail), 20U);
		KUNIT_EXPECT_NULL(test, strchr(r->detail, '"'));
		KUNIT_EXPECT_GE(test, r->nterms, 1);
		KUNIT_EXPECT_LE(test, r->nterms, PSD_LINT_MAX_TERMS);
		if (!r->any)
			KUNIT_EXPECT_GE(test, psd_pmic_reg_index(&psd_pmic_tps65910,
								 r->reg), 0);
		for (j = 0; j < i; j++)
			KUNIT_EXPECT_STRNEQ(test, psd_pmic_lint_rules[j].id, r->id);
		/* Every test names a real field of a real register. */
		for (t = 0; t < r->nterms; t++) {
			const struct psd_pmic_lint_term *x = &r->terms[t];
			int k = psd_pmic_reg_index(&psd_pmic_tps65911, x->reg);

			KUNIT_ASSERT_GE_MSG(test, k, 0, "%s term %u", r->id, t);
			f = psd_pmic_field_find(&psd_pmic_tps65911.regs[k],
						x->mask);
			if (x->op != PSD_LINT_PENDING)
				KUNIT_EXPECT_NOT_NULL_MSG(test, f, "%s term %u",
							  r->id, t);
		}
	}
	KUNIT_EXPECT_GE(test, nwarn, 6U);
	for (i = 0; i < ARRAY_SIZE(lint_cases); i++)
		KUNIT_EXPECT_NOT_NULL(test, rule(lint_cases[i].rule));
	/* Every rule has a case. */
	for (i = 0; i < psd_pmic_nr_lint_rules; i++) {
		bool found = false;

		for (j = 0; j < ARRAY_SIZE(lint_cases); j++)
			found |= !strcmp(lint_cases[j].rule,
					 psd_pmic_lint_rules[i].id);
		KUNIT_EXPECT_TRUE_MSG(test, found, "no case for %s",
				      psd_pmic_lint_rules[i].id);
	}
}

static void healthy_is_clean(struct kunit *test)
{
	const struct psd_pmic_profile *const *pp;
	struct psd_pmic_snap s;
	unsigned int i;
	u32 unknown;

	for (pp = psd_pmic_profiles; *pp; pp++) {
		healthy(&s, *pp);
		for (i = 0; i < psd_pmic_nr_lint_rules; i++)
			KUNIT_EXPECT_EQ_MSG(test, eval(psd_pmic_lint_rules[i].id, &s),
					    PSD_LINT_NO, "%s on %s",
					    psd_pmic_lint_rules[i].id, (*pp)->chip);
		KUNIT_EXPECT_EQ(test, psd_pmic_lint_warnings(&s, &unknown), 0U);
		KUNIT_EXPECT_EQ(test, unknown, 0U);
	}
}

static void each_rule_holds(struct kunit *test)
{
	const struct psd_pmic_profile *const *pp;
	struct psd_pmic_snap s;
	unsigned int c, i, r;
	u32 unknown, warn;

	for (pp = psd_pmic_profiles; *pp; pp++) {
		for (c = 0; c < ARRAY_SIZE(lint_cases); c++) {
			const struct lint_case *lc = &lint_cases[c];
			const struct psd_pmic_lint_rule *ru = rule(lc->rule);

			healthy(&s, *pp);
			for (i = 0; i < ARRAY_SIZE(lc->reg) && lc->reg[i]; i++)
				set_reg(&s, lc->reg[i], lc->val[i]);
			KUNIT_EXPECT_EQ_MSG(test, eval(lc->rule, &s), PSD_LINT_HOLDS,
					    "case %u %s on %s", c, lc->rule,
					    (*pp)->chip);
			/* Only that warn rule (ck32k_rc/rtc_pwdn share DEVCTRL). */
			warn = psd_pmic_lint_warnings(&s, &unknown);
			r = ru - psd_pmic_lint_rules;
			if (ru->severity == PSD_LINT_WARN)
				KUNIT_EXPECT_EQ_MSG(test, warn, (u32)BIT(r), "%s",
						    lc->rule);
			else
				KUNIT_EXPECT_EQ_MSG(test, warn, 0U, "%s", lc->rule);

			/* The SLEEP rules do not apply without DEV_SLP. */
			set_reg(&s, 0x3f, s.val[psd_pmic_reg_index(s.prof, 0x3f)] &
				~0x02);
			KUNIT_EXPECT_EQ_MSG(test, eval(lc->rule, &s),
					    lc->needs_sleep ? PSD_LINT_NO :
							      PSD_LINT_HOLDS,
					    "%s with DEV_SLP=0", lc->rule);
		}
	}
}

static void failed_read_is_unknown(struct kunit *test)
{
	struct psd_pmic_snap s;
	u32 unknown, warn;

	healthy(&s, &psd_pmic_tps65910);
	set_reg(&s, 0x10, 0x00);			/* rtc_stopped */
	__set_bit(psd_pmic_reg_index(s.prof, 0x42), s.failed);
	KUNIT_EXPECT_EQ(test, eval("ck32k_sleep_off", &s), PSD_LINT_UNKNOWN);
	KUNIT_EXPECT_EQ(test, eval("rtc_stopped", &s), PSD_LINT_HOLDS);
	warn = psd_pmic_lint_warnings(&s, &unknown);
	KUNIT_EXPECT_EQ(test, warn, (u32)BIT(rule("rtc_stopped") -
					     psd_pmic_lint_rules));
	KUNIT_EXPECT_EQ(test, unknown, (u32)BIT(rule("ck32k_sleep_off") -
						psd_pmic_lint_rules));
	/* An "any" rule holds on a readable pair even when another failed. */
	set_reg(&s, 0x52, 0x01);
	__set_bit(psd_pmic_reg_index(s.prof, 0x50), s.failed);
	KUNIT_EXPECT_EQ(test, eval("int_pending", &s), PSD_LINT_HOLDS);
	set_reg(&s, 0x52, 0x00);
	KUNIT_EXPECT_EQ(test, eval("int_pending", &s), PSD_LINT_UNKNOWN);
}

static void pending_names_the_pair(struct kunit *test)
{
	struct psd_pmic_snap s;
	u8 reg;

	healthy(&s, &psd_pmic_tps65911);
	set_reg(&s, 0x54, 0x10);		/* WTCHDG, unmasked */
	KUNIT_EXPECT_EQ(test, psd_pmic_lint_eval(rule("int_pending"), &s, &reg),
			PSD_LINT_HOLDS);
	KUNIT_EXPECT_EQ(test, reg, 0x54);
	set_reg(&s, 0x55, 0x10);		/* now masked: not pending */
	KUNIT_EXPECT_EQ(test, eval("int_pending", &s), PSD_LINT_NO);
}

static char *render(struct kunit *test, const struct psd_pmic_snap *s)
{
	struct seq_file *m = psd_kunit_seq(test, 8192);

	psd_pmic_lint_snap_show(m, s);
	return psd_kunit_text(test, m);
}

static const char want_ck32k[] =
	"# cycle=1 phase=suspend_late t_ns=123 chip=tps65910 err=0\n"
	"rule=ck32k_sleep_off severity=warn reg=0x42 detail=\"32 kHz clock output stops in SLEEP (CLKOUT32K_KEEPON=0, DEV_SLP=1): a SoC timer or RTC clocked from CLK32KOUT stalls; set CLKOUT32K_KEEPON (ti,sleep-keep-ck32k)\" fields=\"DEVCTRL.DEV_SLP=1 SLEEP_KEEP_RES_ON.CLKOUT32K_KEEPON=0\"\n"
	"# findings=1\n";

static const char want_pending[] =
	"\" fields=\"INT_STS=0x04 INT_MSK=0x00 INT_STS2=0x00 INT_MSK2=0x00\"\n";

static void line_format(struct kunit *test)
{
	struct psd_pmic_snap s;
	char *text;

	healthy(&s, &psd_pmic_tps65910);
	s.t_ns = 123;
	set_reg(&s, 0x42, 0x30);
	text = render(test, &s);
	KUNIT_EXPECT_STREQ(test, text, want_ck32k);

	healthy(&s, &psd_pmic_tps65910);
	set_reg(&s, 0x50, 0x04);
	text = render(test, &s);
	KUNIT_EXPECT_NOT_NULL(test, strstr(text, want_pending));
	KUNIT_EXPECT_NOT_NULL(test, strstr(text, "rule=int_pending severity=warn reg=0x50 "));
}

static struct kunit_case pmic_lint_cases[] = {
	KUNIT_CASE(table_is_sound),
	KUNIT_CASE(healthy_is_clean),
	KUNIT_CASE(each_rule_holds),
	KUNIT_CASE(failed_read_is_unknown),
	KUNIT_CASE(pending_names_the_pair),
	KUNIT_CASE(line_format),
	{}
};

static struct kunit_suite pmic_lint_suite = {
	.name = "pmic_sleepdiag_pmic_lint",
	.test_cases = pmic_lint_cases,
};

kunit_test_suite(pmic_lint_suite);
