// SPDX-License-Identifier: GPL-2.0
/*
 * gic_cause: why the GIC does not deliver a pending SPI, from its
 * distributor's registers alone (no MMIO here: gic_dist.c reads them,
 * KUnit feeds synthetic ones).
 *
 * The rules are tried in order and the first that holds names the cause.
 * Group rules hold only on a GICv3 with GICD_CTLR.DS=1: elsewhere the
 * non-secure side cannot see groups, and the GICv2 driver leaves every SPI
 * in Group 0, which Linux takes there.  The priority rule compares with
 * the mask Linux runs with while interrupts are enabled, not with a live
 * ICC_PMR_EL1 (see gic_dist.h).
 *
 * With GICD_CTLR.DS=0 the non-secure side reads priorities in its shifted
 * view (irq-gic-v3.c gic_prio_init()).  Comparing that value with the
 * baseline is exact when the PMR is in the same view (SCR_EL3.FIQ=1), and
 * errs towards "not masked" otherwise: e.g. a line read as 0xe0..0xef is masked
 * by a PMR of 0xf0 but not named priority_masked.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/kernel.h>

#include "gic_dist.h"

struct psd_gic_rule {
	enum psd_gic_cause cause;
	bool (*holds)(const struct psd_gic_dist_facts *f,
		      const struct psd_gic_line *l);
};

static bool psd_gic_no_gic(const struct psd_gic_dist_facts *f,
			   const struct psd_gic_line *l)
{
	return f->version == PSD_GIC_NONE;
}

static bool psd_gic_groups_visible(const struct psd_gic_dist_facts *f)
{
	return f->version == PSD_GIC_V3 && f->ds;
}

static bool psd_gic_in_group0(const struct psd_gic_dist_facts *f,
			      const struct psd_gic_line *l)
{
	return psd_gic_groups_visible(f) && l->group == PSD_GIC_NO;
}

static bool psd_gic_group1_off(const struct psd_gic_dist_facts *f,
			       const struct psd_gic_line *l)
{
	return psd_gic_groups_visible(f) && l->group == PSD_GIC_YES &&
	       f->grp1ns == PSD_GIC_NO;
}

static bool psd_gic_active_pending(const struct psd_gic_dist_facts *f,
				   const struct psd_gic_line *l)
{
	return l->active && l->pending;
}

static bool psd_gic_disabled(const struct psd_gic_dist_facts *f,
			     const struct psd_gic_line *l)
{
	return !l->enabled;
}

static bool psd_gic_prio_masked(const struct psd_gic_dist_facts *f,
				const struct psd_gic_line *l)
{
	return l->prio >= f->pmr;
}

static bool psd_gic_offline(const struct psd_gic_dist_facts *f,
			    const struct psd_gic_line *l)
{
	return l->routed == PSD_GIC_NO;
}

static bool psd_gic_always(const struct psd_gic_dist_facts *f,
			   const struct psd_gic_line *l)
{
	return true;
}

static const struct psd_gic_rule psd_gic_rules[] = {
	{ PSD_GIC_CAUSE_UNKNOWN, psd_gic_no_gic },
	{ PSD_GIC_CAUSE_GROUP0, psd_gic_in_group0 },
	{ PSD_GIC_CAUSE_DIST_GROUP_OFF, psd_gic_group1_off },
	{ PSD_GIC_CAUSE_ACTIVE_NOT_EOI, psd_gic_active_pending },
	{ PSD_GIC_CAUSE_DISABLED, psd_gic_disabled },
	{ PSD_GIC_CAUSE_PRIORITY_MASKED, psd_gic_prio_masked },
	{ PSD_GIC_CAUSE_ROUTED_OFFLINE, psd_gic_offline },
	{ PSD_GIC_CAUSE_UNKNOWN, psd_gic_always },
};

static const struct {
	const char *name;
	const char *advice;
	const char *wake_advice;	/* instead, for a wake-armed line */
} psd_gic_causes[PSD_GIC_NR_CAUSES] = {
	[PSD_GIC_CAUSE_GROUP0] = {
		.name = "group0",
		.advice =
			"the line is in Group 0, which Linux never enables or takes: find what cleared its IGROUPR bit (firmware, a hypervisor)",
	},
	[PSD_GIC_CAUSE_DIST_GROUP_OFF] = {
		.name = "distributor_group_off",
		.advice =
			"Group 1 is disabled in GICD_CTLR, so no Linux interrupt is delivered: find what cleared it (firmware on resume, a GIC save/restore)",
	},
	[PSD_GIC_CAUSE_ACTIVE_NOT_EOI] = {
		.name = "active_not_eoi",
		.advice =
			"the line is still active: its previous interrupt was never completed, and synchronize_irq() (disable_irq(), free_irq(), suspend) waits for it forever; look for a handler that never returned or a chained handler without chained_irq_exit()",
	},
	[PSD_GIC_CAUSE_DISABLED] = {
		.name = "disabled",
		.advice =
			"the line is disabled in the GIC: find who disabled it (disable_irq() without enable_irq(), a line nobody requested)",
		.wake_advice =
			"the line is wake-armed but disabled in the GIC, so it cannot wake the system: find who disabled it (disable_irq() without enable_irq())",
	},
	[PSD_GIC_CAUSE_PRIORITY_MASKED] = {
		.name = "priority_masked",
		.advice =
			"its priority is not above the CPU priority mask Linux runs with, so it is never signalled: find who wrote its IPRIORITYR",
	},
	[PSD_GIC_CAUSE_ROUTED_OFFLINE] = {
		.name = "routed_offline",
		.advice =
			"it is routed to no online CPU: set its affinity (/proc/irq/N/smp_affinity) to an online CPU",
	},
	[PSD_GIC_CAUSE_UNKNOWN] = {
		.name = "unknown",
		.advice =
			"the distributor shows no reason, or there is none to read (gic=none): look at the CPU side (interrupts off for long, a CPU that never leaves idle)",
	},
};

/**
 * psd_gic_cause() - why a pending SPI is not delivered
 * @f: the distributor's facts, @f->pmr included
 * @l: the line's registers, @l->wake included
 *
 * Meant for a line seen pending long enough to be stuck; for any other
 * line the answer is what would keep it from being delivered.
 *
 * Return: the first rule of psd_gic_rules[] that holds.
 */
enum psd_gic_cause psd_gic_cause(const struct psd_gic_dist_facts *f,
				 const struct psd_gic_line *l)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(psd_gic_rules); i++)
		if (psd_gic_rules[i].holds(f, l))
			return psd_gic_rules[i].cause;
	return PSD_GIC_CAUSE_UNKNOWN;
}

/**
 * psd_gic_cause_name() - the cause= word
 * @cause: enum psd_gic_cause
 *
 * Return: the word, "unknown" for a value out of range.
 */
const char *psd_gic_cause_name(enum psd_gic_cause cause)
{
	if ((unsigned int)cause >= PSD_GIC_NR_CAUSES)
		cause = PSD_GIC_CAUSE_UNKNOWN;
	return psd_gic_causes[cause].name;
}

/**
 * psd_gic_cause_advice() - one line of what to do about a cause
 * @cause: enum psd_gic_cause
 * @wake: the line is wake-armed (a disabled wake line cannot wake)
 *
 * Return: the advice.
 */
const char *psd_gic_cause_advice(enum psd_gic_cause cause, bool wake)
{
	if ((unsigned int)cause >= PSD_GIC_NR_CAUSES)
		cause = PSD_GIC_CAUSE_UNKNOWN;
	if (wake && psd_gic_causes[cause].wake_advice)
		return psd_gic_causes[cause].wake_advice;
	return psd_gic_causes[cause].advice;
}
