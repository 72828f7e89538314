// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: the register profiles (pmic_sleepdiag/pmic_regs_tps65910.c) are
 * consistent tables: rows sorted and unique, within the driver's
 * max_register, fields inside 8 bits and not overlapping, every register
 * read by exactly one range, ranges wholly volatile or wholly cached as
 * the driver's regmap has them, and the chip differences where they are.
 */
#include <kunit/test.h>
#include <linux/string.h>

#include "psd_kunit.h"
#include "pmic_fake.h"

static bool is_65911(const struct psd_pmic_profile *p)
{
	return p == &psd_pmic_tps65911;
}

static void regs_sorted_in_range(struct kunit *test)
{
	const struct psd_pmic_profile *const *pp;

	for (pp = psd_pmic_profiles; *pp; pp++) {
		const struct psd_pmic_profile *p = *pp;
		unsigned int i;

		KUNIT_EXPECT_LE(test, p->nregs, PSD_PMIC_MAX_REGS);
		KUNIT_EXPECT_EQ(test, p->max_register, 0x7f);
		for (i = 0; i < p->nregs; i++) {
			KUNIT_EXPECT_LE_MSG(test, p->regs[i].addr, p->max_register,
					    "%s %s", p->chip, p->regs[i].name);
			KUNIT_EXPECT_NE(test, p->regs[i].addr, 0x80);
			if (i)
				KUNIT_EXPECT_GT_MSG(test, p->regs[i].addr,
						    p->regs[i - 1].addr,
						    "%s: %s not after %s", p->chip,
						    p->regs[i].name,
						    p->regs[i - 1].name);
			KUNIT_EXPECT_EQ(test, psd_pmic_reg_index(p, p->regs[i].addr),
					(int)i);
		}
	}
}

static void fields_disjoint_in_8_bits(struct kunit *test)
{
	const struct psd_pmic_profile *const *pp;

	for (pp = psd_pmic_profiles; *pp; pp++) {
		const struct psd_pmic_profile *p = *pp;
		unsigned int i;

		for (i = 0; i < p->nregs; i++) {
			const struct psd_pmic_reg *r = &p->regs[i];
			const struct psd_pmic_field *f, *g;
			unsigned int seen = 0;

			KUNIT_EXPECT_NOT_NULL(test, r->fields[0].name);
			for (f = r->fields; f->name; f++) {
				KUNIT_EXPECT_NE_MSG(test, f->mask, 0, "%s.%s",
						    r->name, f->name);
				KUNIT_EXPECT_EQ_MSG(test, seen & f->mask, 0,
						    "%s %s.%s overlaps", p->chip,
						    r->name, f->name);
				KUNIT_EXPECT_NOT_NULL(test, f->meaning);
				seen |= f->mask;
				KUNIT_EXPECT_LE(test, seen, 0xff);
				for (g = r->fields; g != f; g++)
					KUNIT_EXPECT_STRNEQ(test, g->name, f->name);
				KUNIT_EXPECT_PTR_EQ(test, psd_pmic_field_find(r, f->mask),
						    f);
			}
		}
	}
}

static void ranges_cover_and_match_volatility(struct kunit *test)
{
	const struct psd_pmic_profile *const *pp;

	for (pp = psd_pmic_profiles; *pp; pp++) {
		const struct psd_pmic_profile *p = *pp;
		unsigned int i, r, a, covered;

		for (r = 0; r < p->nranges; r++) {
			const struct psd_pmic_range *rg = &p->ranges[r];

			KUNIT_EXPECT_LE(test, rg->first, rg->last);
			KUNIT_EXPECT_LE(test, rg->last, p->max_register);
			KUNIT_EXPECT_LE(test, rg->last - rg->first + 1, 31);
			if (r)
				KUNIT_EXPECT_GT(test, rg->first, p->ranges[r - 1].last);
			/* Only these registers of the range are ever read. */
			for (a = rg->first; a <= rg->last; a++) {
				if (psd_pmic_reg_index(p, a) < 0)
					continue;
				KUNIT_EXPECT_EQ_MSG(test, rg->cached,
						    !psd_fake_driver_volatile(is_65911(p), a),
						    "%s 0x%02x", p->chip, a);
			}
			/* A volatile range must be wholly volatile: one transfer. */
			for (a = rg->first; !rg->cached && a <= rg->last; a++)
				KUNIT_EXPECT_TRUE_MSG(test,
						      psd_fake_driver_volatile(is_65911(p), a),
						      "%s 0x%02x", p->chip, a);
		}
		for (i = 0; i < p->nregs; i++) {
			covered = 0;
			for (r = 0; r < p->nranges; r++)
				covered += p->regs[i].addr >= p->ranges[r].first &&
					   p->regs[i].addr <= p->ranges[r].last;
			KUNIT_EXPECT_EQ_MSG(test, covered, 1, "%s %s", p->chip,
					    p->regs[i].name);
			KUNIT_EXPECT_EQ(test, p->regs[i].cached,
					!psd_fake_driver_volatile(is_65911(p),
								  p->regs[i].addr));
		}
	}
}

static void tps65910_bus_reads_bounded(struct kunit *test)
{
	unsigned int r, vol = 0;

	for (r = 0; r < psd_pmic_tps65910.nranges; r++)
		vol += !psd_pmic_tps65910.ranges[r].cached;
	KUNIT_EXPECT_LE(test, vol, 6);
}

static const char *reg_name(const struct psd_pmic_profile *p, u8 addr)
{
	int i = psd_pmic_reg_index(p, addr);

	return i < 0 ? NULL : p->regs[i].name;
}

static const char *field_name(const struct psd_pmic_profile *p, u8 addr,
			      u8 mask)
{
	const struct psd_pmic_field *f;
	int i = psd_pmic_reg_index(p, addr);

	if (i < 0)
		return NULL;
	f = psd_pmic_field_find(&p->regs[i], mask);
	return f ? f->name : NULL;
}

static void chip_differences(struct kunit *test)
{
	/* tps65911_ext_sleep_control[] of tps65910-regulator.c */
	static const char *const ldo65911[8] = {
		"LDO6", "LDO1", "LDO2", "LDO5", "LDO8", "LDO7", "LDO4", "LDO3",
	};
	static const char *const ldo65910[8] = {
		"VMMC", "VDIG1", "VDIG2", "VAUX1", "VAUX2", "VAUX33", "VPLL",
		"VDAC",
	};
	const struct psd_pmic_profile *a = &psd_pmic_tps65910;
	const struct psd_pmic_profile *b = &psd_pmic_tps65911;
	char want[24];
	unsigned int bit;

	KUNIT_EXPECT_PTR_EQ(test, psd_pmic_profile_find("tps65910"), a);
	KUNIT_EXPECT_PTR_EQ(test, psd_pmic_profile_find("tps65911"), b);
	KUNIT_EXPECT_NULL(test, psd_pmic_profile_find("tps65912"));

	/* Two INT_STS/INT_MSK pairs on the TPS65910, three on the TPS65911. */
	KUNIT_EXPECT_STREQ(test, reg_name(a, 0x52), "INT_STS2");
	KUNIT_EXPECT_NULL(test, reg_name(a, 0x54));
	KUNIT_EXPECT_STREQ(test, reg_name(b, 0x54), "INT_STS3");
	KUNIT_EXPECT_STREQ(test, reg_name(b, 0x55), "INT_MSK3");
	KUNIT_EXPECT_NULL(test, reg_name(b, 0x56));
	KUNIT_EXPECT_STREQ(test, reg_name(a, 0x27), "VDD3");
	KUNIT_EXPECT_STREQ(test, reg_name(b, 0x27), "VDDCTRL");
	KUNIT_EXPECT_NULL(test, reg_name(a, 0x28));
	KUNIT_EXPECT_STREQ(test, reg_name(b, 0x35), "LDO6");
	KUNIT_EXPECT_STREQ(test, reg_name(a, 0x35), "VMMC");
	KUNIT_EXPECT_NULL(test, reg_name(b, 0x49));

	for (bit = 0; bit < 8; bit++) {
		snprintf(want, sizeof(want), "%s_KEEPON", ldo65911[bit]);
		KUNIT_EXPECT_STREQ(test, field_name(b, 0x41, BIT(bit)), want);
		snprintf(want, sizeof(want), "%s_SETOFF", ldo65911[bit]);
		KUNIT_EXPECT_STREQ(test, field_name(b, 0x43, BIT(bit)), want);
		snprintf(want, sizeof(want), "%s_EN1", ldo65911[bit]);
		KUNIT_EXPECT_STREQ(test, field_name(b, 0x45, BIT(bit)), want);
		snprintf(want, sizeof(want), "%s_KEEPON", ldo65910[bit]);
		KUNIT_EXPECT_STREQ(test, field_name(a, 0x41, BIT(bit)), want);
		snprintf(want, sizeof(want), "%s_EN3", ldo65910[bit]);
		KUNIT_EXPECT_STREQ(test, field_name(a, 0x49, BIT(bit)), want);
	}
	/* Masks, not the header's shifts: INT_STS2 GPIO0 rising is bit 0. */
	KUNIT_EXPECT_STREQ(test, field_name(a, 0x52, 0x01), "GPIO0_R_IT");
	KUNIT_EXPECT_STREQ(test, field_name(b, 0x52, 0x80), "GPIO3_F_IT");
	KUNIT_EXPECT_STREQ(test, field_name(a, 0x50, 0x01), "VMBDCH_IT");
	KUNIT_EXPECT_STREQ(test, field_name(b, 0x50, 0x01), "PWRHOLD_F_IT");
	KUNIT_EXPECT_STREQ(test, field_name(a, 0x42, 0x40), "CLKOUT32K_KEEPON");
	KUNIT_EXPECT_STREQ(test, field_name(b, 0x42, 0x08), "VDDCTRL_KEEPON");
	KUNIT_EXPECT_EQ(test, psd_pmic_field_val(0x30, 0x30), 3U);
}

static struct kunit_case pmic_regs_cases[] = {
	KUNIT_CASE(regs_sorted_in_range),
	KUNIT_CASE(fields_disjoint_in_8_bits),
	KUNIT_CASE(ranges_cover_and_match_volatility),
	KUNIT_CASE(tps65910_bus_reads_bounded),
	KUNIT_CASE(chip_differences),
	{}
};

static struct kunit_suite pmic_regs_suite = {
	.name = "pmic_sleepdiag_pmic_regs",
	.test_cases = pmic_regs_cases,
};

kunit_test_suite(pmic_regs_suite);
