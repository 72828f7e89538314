// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: the GIC's pure part (pmic_sleepdiag/gic_decode.c, gic_cause.c):
 * GICv2 and GICv3 register words decoded as the non-secure side sees them,
 * and the cause of a stuck line, every cause and its precedence, on
 * synthetic register values.  Bit positions here are written from the
 * architecture specs, independently of gic_dist.h.
 */
#include <kunit/test.h>
#include <linux/bits.h>
#include <linux/irqchip/arm-gic.h>
#include <linux/string.h>

#include "../pmic_sleepdiag/gic_dist.h"

/* GICD_CTLR, DS=1 view: EnableGrp0, EnableGrp1, ARE, DS */
#define SS_G0		BIT(0)
#define SS_G1		BIT(1)
#define SS_ARE		BIT(4)
#define SS_DS		BIT(6)
/* GICD_CTLR, non-secure view with DS=0: EnableGrp1, EnableGrp1A, ARE_NS */
#define NS_G1		BIT(0)
#define NS_G1A		BIT(1)
#define NS_ARE		BIT(4)
#define RWP		BIT(31)
#define V2_SECEXT	BIT(10)		/* GICD_TYPER.SecurityExtn */
#define LINES_96	2		/* GICD_TYPER.ITLinesNumber */

#define V3_LINUX_DS1	(SS_DS | SS_ARE | SS_G1 | SS_G0)	/* what Linux writes */

static void facts(struct psd_gic_dist_facts *f, u8 version, u32 ctlr,
		  u32 typer, bool pseudo_nmi)
{
	psd_gic_decode_ctlr(f, version, ctlr, typer);
	f->pmr = psd_gic_pmr_baseline(version, pseudo_nmi);
}

/* Flags of a cause case: each names one thing wrong with the line. */
#define C_GROUP0	BIT(0)
#define C_NOT_PENDING	BIT(1)
#define C_ACTIVE	BIT(2)
#define C_DISABLED	BIT(3)
#define C_PRIO_AT_PMR	BIT(4)
#define C_PRIO_BELOW	BIT(5)	/* one step more urgent than the mask */
#define C_OFFLINE	BIT(6)
#define C_ROUTE_UNKNOWN	BIT(7)
#define C_WAKE		BIT(8)
#define C_GROUP_UNKNOWN	BIT(9)

struct cause_case {
	const char *desc;
	u8 version;
	u32 ctlr;
	u32 typer;
	bool pseudo_nmi;
	u32 flags;
	enum psd_gic_cause want;
};

#define ALL_WRONG	(C_ACTIVE | C_DISABLED | C_PRIO_AT_PMR | C_OFFLINE)

static const struct cause_case cause_cases[] = {
	{ "healthy v3", PSD_GIC_V3, V3_LINUX_DS1, LINES_96, false, 0,
	  PSD_GIC_CAUSE_UNKNOWN },
	{ "healthy v2", PSD_GIC_V2, GICD_ENABLE, LINES_96, false, 0,
	  PSD_GIC_CAUSE_UNKNOWN },
	{ "no GIC", PSD_GIC_NONE, 0, 0, false, ALL_WRONG | C_GROUP0,
	  PSD_GIC_CAUSE_UNKNOWN },
	{ "group0", PSD_GIC_V3, V3_LINUX_DS1, LINES_96, false, C_GROUP0,
	  PSD_GIC_CAUSE_GROUP0 },
	{ "group0 first", PSD_GIC_V3, SS_DS | SS_ARE, LINES_96, false,
	  C_GROUP0 | ALL_WRONG, PSD_GIC_CAUSE_GROUP0 },
	{ "group0 only with DS=1", PSD_GIC_V3, NS_ARE | NS_G1A, LINES_96,
	  false, C_GROUP0, PSD_GIC_CAUSE_UNKNOWN },
	{ "group0 never on v2", PSD_GIC_V2, GICD_ENABLE, LINES_96, false,
	  C_GROUP0, PSD_GIC_CAUSE_UNKNOWN },
	{ "group unknown", PSD_GIC_V3, SS_DS | SS_ARE, LINES_96, false,
	  C_GROUP_UNKNOWN, PSD_GIC_CAUSE_UNKNOWN },
	{ "distributor group 1 off", PSD_GIC_V3, SS_DS | SS_ARE | SS_G0,
	  LINES_96, false, 0, PSD_GIC_CAUSE_DIST_GROUP_OFF },
	{ "distributor group 1 off second", PSD_GIC_V3, SS_DS | SS_ARE, LINES_96,
	  false, ALL_WRONG, PSD_GIC_CAUSE_DIST_GROUP_OFF },
	{ "distributor group 1 off only with DS=1", PSD_GIC_V3, NS_ARE,
	  LINES_96, false, 0, PSD_GIC_CAUSE_UNKNOWN },
	{ "active and pending", PSD_GIC_V3, V3_LINUX_DS1, LINES_96, false,
	  C_ACTIVE, PSD_GIC_CAUSE_ACTIVE_NOT_EOI },
	{ "active third", PSD_GIC_V3, V3_LINUX_DS1, LINES_96, false,
	  ALL_WRONG, PSD_GIC_CAUSE_ACTIVE_NOT_EOI },
	{ "active not pending", PSD_GIC_V3, V3_LINUX_DS1, LINES_96, false,
	  C_ACTIVE | C_NOT_PENDING, PSD_GIC_CAUSE_UNKNOWN },
	{ "active v2", PSD_GIC_V2, GICD_ENABLE, LINES_96, false, C_ACTIVE,
	  PSD_GIC_CAUSE_ACTIVE_NOT_EOI },
	{ "disabled", PSD_GIC_V3, V3_LINUX_DS1, LINES_96, false, C_DISABLED,
	  PSD_GIC_CAUSE_DISABLED },
	{ "disabled wake", PSD_GIC_V3, V3_LINUX_DS1, LINES_96, false,
	  C_DISABLED | C_WAKE, PSD_GIC_CAUSE_DISABLED },
	{ "disabled fourth", PSD_GIC_V3, V3_LINUX_DS1, LINES_96, false,
	  C_DISABLED | C_PRIO_AT_PMR | C_OFFLINE, PSD_GIC_CAUSE_DISABLED },
	{ "priority at the mask", PSD_GIC_V3, V3_LINUX_DS1, LINES_96, false,
	  C_PRIO_AT_PMR, PSD_GIC_CAUSE_PRIORITY_MASKED },
	{ "priority below the mask", PSD_GIC_V3, V3_LINUX_DS1, LINES_96,
	  false, C_PRIO_BELOW, PSD_GIC_CAUSE_UNKNOWN },
	{ "priority at the pseudo-NMI mask", PSD_GIC_V3, V3_LINUX_DS1,
	  LINES_96, true, C_PRIO_AT_PMR, PSD_GIC_CAUSE_PRIORITY_MASKED },
	{ "priority below the pseudo-NMI mask", PSD_GIC_V3, V3_LINUX_DS1,
	  LINES_96, true, C_PRIO_BELOW, PSD_GIC_CAUSE_UNKNOWN },
	{ "priority v2", PSD_GIC_V2, GICD_ENABLE, LINES_96, false,
	  C_PRIO_AT_PMR, PSD_GIC_CAUSE_PRIORITY_MASKED },
	{ "priority fifth", PSD_GIC_V3, V3_LINUX_DS1, LINES_96, false,
	  C_PRIO_AT_PMR | C_OFFLINE, PSD_GIC_CAUSE_PRIORITY_MASKED },
	{ "routed offline", PSD_GIC_V3, V3_LINUX_DS1, LINES_96, false,
	  C_OFFLINE, PSD_GIC_CAUSE_ROUTED_OFFLINE },
	{ "routed offline v2", PSD_GIC_V2, GICD_ENABLE, LINES_96, false,
	  C_OFFLINE, PSD_GIC_CAUSE_ROUTED_OFFLINE },
	{ "route unknown", PSD_GIC_V3, V3_LINUX_DS1, LINES_96, false,
	  C_ROUTE_UNKNOWN, PSD_GIC_CAUSE_UNKNOWN },
};

static void cause_case_desc(const struct cause_case *c, char *desc)
{
	strscpy(desc, c->desc, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(cause, cause_cases, cause_case_desc);

static void line_from_flags(struct psd_gic_line *l,
			    const struct psd_gic_dist_facts *f, u32 flags)
{
	memset(l, 0, sizeof(*l));
	l->hwirq = 40;
	l->pending = !(flags & C_NOT_PENDING);
	l->enabled = !(flags & C_DISABLED);
	l->active = flags & C_ACTIVE;
	l->wake = flags & C_WAKE;
	l->group = flags & C_GROUP0 ? PSD_GIC_NO : PSD_GIC_YES;
	if (flags & C_GROUP_UNKNOWN)
		l->group = PSD_GIC_UNKNOWN;
	l->prio = 0xa0;
	if (flags & C_PRIO_AT_PMR)
		l->prio = f->pmr;
	if (flags & C_PRIO_BELOW)
		l->prio = f->pmr - 0x10;
	l->routed = PSD_GIC_YES;
	if (flags & C_OFFLINE)
		l->routed = PSD_GIC_NO;
	if (flags & C_ROUTE_UNKNOWN)
		l->routed = PSD_GIC_UNKNOWN;
}

/* First rule that holds, in the order of the list. */
static void cause_first_that_holds(struct kunit *test)
{
	const struct cause_case *c = test->param_value;
	struct psd_gic_dist_facts f;
	struct psd_gic_line l;
	enum psd_gic_cause got;

	facts(&f, c->version, c->ctlr, c->typer, c->pseudo_nmi);
	line_from_flags(&l, &f, c->flags);
	got = psd_gic_cause(&f, &l);
	KUNIT_EXPECT_STREQ(test, psd_gic_cause_name(got),
			   psd_gic_cause_name(c->want));
}

/* The cause= words of the interface, and a line of advice for each. */
static void cause_names_and_advice(struct kunit *test)
{
	static const char *const names[PSD_GIC_NR_CAUSES] = {
		"group0", "distributor_group_off", "active_not_eoi",
		"disabled", "priority_masked", "routed_offline", "unknown",
	};
	const char *a;
	unsigned int i;

	for (i = 0; i < PSD_GIC_NR_CAUSES; i++) {
		KUNIT_EXPECT_STREQ(test, psd_gic_cause_name(i), names[i]);
		a = psd_gic_cause_advice(i, false);
		KUNIT_ASSERT_NOT_NULL(test, a);
		KUNIT_EXPECT_GT(test, strlen(a), 20);
		KUNIT_EXPECT_NULL(test, strchr(a, '\n'));
	}
	KUNIT_EXPECT_STREQ(test, psd_gic_cause_name(PSD_GIC_NR_CAUSES),
			   "unknown");
	KUNIT_EXPECT_STREQ(test, psd_gic_cause_advice(PSD_GIC_NR_CAUSES, false),
			   psd_gic_cause_advice(PSD_GIC_CAUSE_UNKNOWN, false));
	/* A wake-armed disabled line says it cannot wake. */
	a = psd_gic_cause_advice(PSD_GIC_CAUSE_DISABLED, true);
	KUNIT_EXPECT_NOT_NULL(test, strstr(a, "wake"));
	KUNIT_EXPECT_NULL(test, strstr(psd_gic_cause_advice(PSD_GIC_CAUSE_DISABLED,
							    false), "wake"));
	/* Other causes say the same for wake lines. */
	KUNIT_EXPECT_PTR_EQ(test, psd_gic_cause_advice(PSD_GIC_CAUSE_GROUP0, true),
			    psd_gic_cause_advice(PSD_GIC_CAUSE_GROUP0, false));
}

struct ctlr_case {
	const char *desc;
	u8 version;
	u32 ctlr;
	u32 typer;
	bool ds;
	u8 are, grp0, grp1ns;
};

#define N	PSD_GIC_NO
#define Y	PSD_GIC_YES
#define U	PSD_GIC_UNKNOWN

static const struct ctlr_case ctlr_cases[] = {
	{ "v3 DS=1 as Linux writes it", PSD_GIC_V3, V3_LINUX_DS1, LINES_96,
	  true, Y, Y, Y },
	{ "v3 DS=1 group 0 off", PSD_GIC_V3, SS_DS | SS_ARE | SS_G1, LINES_96,
	  true, Y, N, Y },
	{ "v3 DS=1 group 1 off", PSD_GIC_V3, SS_DS | SS_ARE | SS_G0, LINES_96,
	  true, Y, Y, N },
	{ "v3 DS=0 G1A", PSD_GIC_V3, RWP | NS_ARE | NS_G1A, LINES_96, false,
	  Y, U, Y },
	{ "v3 DS=0 bit 0 is RES0 with ARE_NS", PSD_GIC_V3, NS_ARE | NS_G1,
	  LINES_96, false, Y, U, N },
	{ "v3 DS=0 no ARE_NS: G1 in bit 0", PSD_GIC_V3, NS_G1, LINES_96,
	  false, N, U, Y },
	{ "v2 no security extensions, as Linux writes it", PSD_GIC_V2,
	  GICD_ENABLE, LINES_96, false, N, Y, N },
	{ "v2 no security extensions, both groups", PSD_GIC_V2, BIT(1) | BIT(0),
	  LINES_96, false, N, Y, Y },
	{ "v2 security extensions, non-secure view", PSD_GIC_V2, GICD_ENABLE,
	  V2_SECEXT | LINES_96, false, N, U, Y },
	{ "v2 security extensions, disabled", PSD_GIC_V2, 0,
	  V2_SECEXT | LINES_96, false, N, U, N },
	{ "no GIC", PSD_GIC_NONE, ~0U, ~0U, false, U, U, U },
};

static void ctlr_case_desc(const struct ctlr_case *c, char *desc)
{
	strscpy(desc, c->desc, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(ctlr, ctlr_cases, ctlr_case_desc);

static void decode_ctlr_by_version_and_ds(struct kunit *test)
{
	const struct ctlr_case *c = test->param_value;
	struct psd_gic_dist_facts f;

	psd_gic_decode_ctlr(&f, c->version, c->ctlr, c->typer);
	KUNIT_EXPECT_EQ(test, f.version, c->version);
	KUNIT_EXPECT_EQ(test, f.ds, c->ds);
	KUNIT_EXPECT_EQ(test, f.are, c->are);
	KUNIT_EXPECT_EQ(test, f.grp0, c->grp0);
	KUNIT_EXPECT_EQ(test, f.grp1ns, c->grp1ns);
	KUNIT_EXPECT_EQ(test, f.ctlr, c->ctlr);
	KUNIT_EXPECT_EQ(test, f.lines, c->version == PSD_GIC_NONE ? 0U : 96U);
}

static void decode_typer_lines(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, psd_gic_typer_lines(0), 32U);
	KUNIT_EXPECT_EQ(test, psd_gic_typer_lines(LINES_96), 96U);
	/* 1024 INTIDs by ITLinesNumber, but 1020..1023 are special. */
	KUNIT_EXPECT_EQ(test, psd_gic_typer_lines(0x1f), 1020U);
	/* Other TYPER fields do not count. */
	KUNIT_EXPECT_EQ(test, psd_gic_typer_lines(V2_SECEXT | BIT(17) | 3),
			128U);
}

/* IGROUPR: a line's group only where the non-secure side can see it. */
static void decode_igroupr(struct kunit *test)
{
	struct psd_gic_dist_facts f;
	u32 hwirq = 37;		/* bit 5 of IGROUPR1 */

	psd_gic_decode_ctlr(&f, PSD_GIC_V3, V3_LINUX_DS1, LINES_96);
	KUNIT_EXPECT_EQ(test, psd_gic_group(&f, BIT(5), hwirq), PSD_GIC_YES);
	KUNIT_EXPECT_EQ(test, psd_gic_group(&f, (u32)~BIT(5), hwirq), PSD_GIC_NO);

	psd_gic_decode_ctlr(&f, PSD_GIC_V3, NS_ARE | NS_G1A, LINES_96);
	KUNIT_EXPECT_EQ(test, psd_gic_group(&f, 0, hwirq), PSD_GIC_UNKNOWN);
	KUNIT_EXPECT_EQ(test, psd_gic_group(&f, ~0U, hwirq), PSD_GIC_UNKNOWN);

	psd_gic_decode_ctlr(&f, PSD_GIC_V2, GICD_ENABLE, LINES_96);
	KUNIT_EXPECT_EQ(test, psd_gic_group(&f, 0, hwirq), PSD_GIC_NO);
	KUNIT_EXPECT_EQ(test, psd_gic_group(&f, BIT(5), hwirq), PSD_GIC_YES);

	psd_gic_decode_ctlr(&f, PSD_GIC_V2, GICD_ENABLE, V2_SECEXT | LINES_96);
	KUNIT_EXPECT_EQ(test, psd_gic_group(&f, 0, hwirq), PSD_GIC_UNKNOWN);

	psd_gic_decode_ctlr(&f, PSD_GIC_NONE, 0, 0);
	KUNIT_EXPECT_EQ(test, psd_gic_group(&f, ~0U, hwirq), PSD_GIC_UNKNOWN);
}

/* One bit, one byte or two bits a line. */
static void decode_line_fields(struct kunit *test)
{
	KUNIT_EXPECT_TRUE(test, psd_gic_word_bit(BIT(31), 63));
	KUNIT_EXPECT_FALSE(test, psd_gic_word_bit(BIT(31), 62));
	KUNIT_EXPECT_TRUE(test, psd_gic_word_bit(BIT(0), 32));
	/* IPRIORITYR/ITARGETSR: byte n % 4 of word n / 4 */
	KUNIT_EXPECT_EQ(test, psd_gic_byte(0x44332211, 32), 0x11);
	KUNIT_EXPECT_EQ(test, psd_gic_byte(0x44332211, 34), 0x33);
	KUNIT_EXPECT_EQ(test, psd_gic_byte(0x44332211, 39), 0x44);
	/* ICFGR: Int_config is the upper of two bits, 1 = edge */
	KUNIT_EXPECT_TRUE(test, psd_gic_cfg_edge(BIT(7), 35));
	KUNIT_EXPECT_FALSE(test, psd_gic_cfg_edge(BIT(6), 35));
	KUNIT_EXPECT_TRUE(test, psd_gic_cfg_edge(BIT(31), 47));
	KUNIT_EXPECT_FALSE(test, psd_gic_cfg_edge((u32)~BIT(31), 47));
}

/* IROUTER against MPIDR under affinity routing; masks on GICv2. */
static void decode_routing(struct kunit *test)
{
	struct psd_gic_dist_facts f;
	const u64 mpidr_cpu1 = BIT(31) | 0x000100;	/* RES1 bit 31, Aff1=1 */
	const u64 mpidr_aff3 = (u64)2 << 32;

	psd_gic_decode_ctlr(&f, PSD_GIC_V3, V3_LINUX_DS1, LINES_96);
	KUNIT_EXPECT_TRUE(test, psd_gic_routes_to(&f, 0x000100, mpidr_cpu1));
	KUNIT_EXPECT_FALSE(test, psd_gic_routes_to(&f, 0x000100, BIT(31)));
	KUNIT_EXPECT_FALSE(test, psd_gic_routes_to(&f, 0x000001, mpidr_cpu1));
	KUNIT_EXPECT_TRUE(test, psd_gic_routes_to(&f, (u64)2 << 32, mpidr_aff3));
	KUNIT_EXPECT_FALSE(test, psd_gic_routes_to(&f, (u64)3 << 32, mpidr_aff3));
	/* Interrupt_Routing_Mode=1: any participating CPU */
	KUNIT_EXPECT_TRUE(test, psd_gic_routes_to(&f, BIT(31) | 0xff, 0));

	/* GICv3 DS=0: ARE_NS decides, not DS */
	psd_gic_decode_ctlr(&f, PSD_GIC_V3, NS_ARE | NS_G1A, LINES_96);
	KUNIT_EXPECT_TRUE(test, psd_gic_routes_to(&f, 0x000100, mpidr_cpu1));

	/* ITARGETSR byte against the CPU's interface mask */
	psd_gic_decode_ctlr(&f, PSD_GIC_V2, GICD_ENABLE, LINES_96);
	KUNIT_EXPECT_TRUE(test, psd_gic_routes_to(&f, 0x02, 0x02));
	KUNIT_EXPECT_TRUE(test, psd_gic_routes_to(&f, 0x03, 0x02));
	KUNIT_EXPECT_FALSE(test, psd_gic_routes_to(&f, 0x01, 0x02));
	KUNIT_EXPECT_FALSE(test, psd_gic_routes_to(&f, 0x00, 0x01));
}

static void pmr_baseline(struct kunit *test)
{
	/* DEFAULT_PMR_VALUE; GIC_PRIO_IRQON; GICC_INT_PRI_THRESHOLD */
	KUNIT_EXPECT_EQ(test, psd_gic_pmr_baseline(PSD_GIC_V3, false), 0xf0);
	KUNIT_EXPECT_EQ(test, psd_gic_pmr_baseline(PSD_GIC_V3, true), 0xe0);
	KUNIT_EXPECT_EQ(test, psd_gic_pmr_baseline(PSD_GIC_V2, false), 0xf0);
	KUNIT_EXPECT_EQ(test, psd_gic_pmr_baseline(PSD_GIC_NONE, false), 0);
	/* Linux's own SPI priorities are delivered under every baseline. */
	KUNIT_EXPECT_LT(test, 0xa0, psd_gic_pmr_baseline(PSD_GIC_V3, true));
	KUNIT_EXPECT_LT(test, 0xc0, psd_gic_pmr_baseline(PSD_GIC_V3, true));
	KUNIT_EXPECT_LT(test, 0x80, psd_gic_pmr_baseline(PSD_GIC_V3, true));
}

static void names(struct kunit *test)
{
	KUNIT_EXPECT_STREQ(test, psd_gic_version_name(PSD_GIC_NONE), "none");
	KUNIT_EXPECT_STREQ(test, psd_gic_version_name(PSD_GIC_V2), "v2");
	KUNIT_EXPECT_STREQ(test, psd_gic_version_name(PSD_GIC_V3), "v3");
	KUNIT_EXPECT_STREQ(test, psd_gic_version_name(9), "none");
	KUNIT_EXPECT_STREQ(test, psd_gic_tri_name(PSD_GIC_NO), "0");
	KUNIT_EXPECT_STREQ(test, psd_gic_tri_name(PSD_GIC_YES), "1");
	KUNIT_EXPECT_STREQ(test, psd_gic_tri_name(PSD_GIC_UNKNOWN), "unknown");
}

static struct kunit_case gic_cause_cases[] = {
	KUNIT_CASE_PARAM(cause_first_that_holds, cause_gen_params),
	KUNIT_CASE(cause_names_and_advice),
	KUNIT_CASE_PARAM(decode_ctlr_by_version_and_ds, ctlr_gen_params),
	KUNIT_CASE(decode_typer_lines),
	KUNIT_CASE(decode_igroupr),
	KUNIT_CASE(decode_line_fields),
	KUNIT_CASE(decode_routing),
	KUNIT_CASE(pmr_baseline),
	KUNIT_CASE(names),
	{}
};

static struct kunit_suite gic_cause_suite = {
	.name = "pmic_sleepdiag_gic_cause",
	.test_cases = gic_cause_cases,
};

kunit_test_suite(gic_cause_suite);
