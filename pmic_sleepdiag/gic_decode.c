// SPDX-License-Identifier: GPL-2.0
/*
 * gic_decode: GIC distributor register words to facts, with no MMIO, so
 * KUnit can feed it synthetic words.  gic_dist.c reads the words.
 *
 * What the non-secure side can see (GICv3 and GICv2 architecture specs):
 * - GICv3 GICD_CTLR has one layout when DS=1 (one security state: bit 0
 *   EnableGrp0, bit 1 EnableGrp1, bit 4 ARE) and another in the
 *   non-secure view when DS=0 (bit 1 EnableGrp1A with ARE_NS, else bit 0
 *   EnableGrp1; Group 0 is invisible).
 * - GICv3 IGROUPR reads as zero from the non-secure side when DS=0, and a
 *   GICv2 with Security Extensions hides the group of secure lines: the
 *   group is known only on a GICv3 with DS=1 or a GICv2 without them.
 * - GICv2 GICD_CTLR is bit 0 EnableGrp0 and bit 1 EnableGrp1 without
 *   Security Extensions; in their non-secure view bit 0 enables Group 1.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/irqchip/arm-gic.h>
#include <linux/kernel.h>

#include "gic_dist.h"

static u8 psd_gic_tri(bool on)
{
	return on ? PSD_GIC_YES : PSD_GIC_NO;
}

/**
 * psd_gic_typer_lines() - how many INTIDs a distributor has
 * @typer: GICD_TYPER (ITLinesNumber in bits [4:0], same in GICv2 and v3)
 *
 * As the GIC drivers count them (GICD_TYPER_SPIS(), capped at 1020).
 *
 * Return: INTIDs 0..n-1 exist, SGIs and PPIs included.
 */
unsigned int psd_gic_typer_lines(u32 typer)
{
	return min(((typer & 0x1f) + 1) * 32, PSD_GIC_MAX_LINES);
}

/**
 * psd_gic_decode_ctlr() - the distributor's facts from GICD_CTLR and TYPER
 * @f: out: every field but @f->pmr
 * @version: enum psd_gic_version
 * @ctlr: GICD_CTLR as the non-secure side reads it
 * @typer: GICD_TYPER
 */
void psd_gic_decode_ctlr(struct psd_gic_dist_facts *f, u8 version,
			 u32 ctlr, u32 typer)
{
	f->version = version;
	f->ctlr = ctlr;
	f->typer = typer;
	f->ds = false;
	f->are = PSD_GIC_UNKNOWN;
	f->grp0 = PSD_GIC_UNKNOWN;
	f->grp1ns = PSD_GIC_UNKNOWN;
	f->lines = 0;

	switch (version) {
	case PSD_GIC_V3:
		f->lines = psd_gic_typer_lines(typer);
		f->ds = ctlr & PSD_GICD_CTLR_DS;
		f->are = psd_gic_tri(ctlr & PSD_GICD_CTLR_ARE_NS);
		if (f->ds) {
			f->grp0 = psd_gic_tri(ctlr & PSD_GICD_CTLR_ENABLE_SS_G0);
			f->grp1ns = psd_gic_tri(ctlr & PSD_GICD_CTLR_ENABLE_SS_G1);
		} else if (f->are == PSD_GIC_YES) {
			f->grp1ns = psd_gic_tri(ctlr & PSD_GICD_CTLR_ENABLE_G1A);
		} else {
			f->grp1ns = psd_gic_tri(ctlr & PSD_GICD_CTLR_ENABLE_G1);
		}
		break;
	case PSD_GIC_V2:
		f->lines = psd_gic_typer_lines(typer);
		f->are = PSD_GIC_NO;
		if (typer & PSD_GICV2_TYPER_SECURITY_EXTN) {
			f->grp1ns = psd_gic_tri(ctlr & GICD_ENABLE);
		} else {
			f->grp0 = psd_gic_tri(ctlr & GICD_ENABLE);
			f->grp1ns = psd_gic_tri(ctlr & PSD_GICV2_CTLR_ENABLE_GRP1);
		}
		break;
	}
}

/**
 * psd_gic_word_bit() - an INTID's bit in a one-bit-per-line register word
 * @word: the word of IGROUPR, ISENABLER, ISPENDR or ISACTIVER holding it
 * @hwirq: INTID
 *
 * Return: the bit.
 */
bool psd_gic_word_bit(u32 word, u32 hwirq)
{
	return word & BIT(hwirq % 32);
}

/**
 * psd_gic_byte() - an INTID's byte in IPRIORITYR or ITARGETSR
 * @word: the word holding it (offset hwirq & ~3)
 * @hwirq: INTID
 *
 * Return: the byte.
 */
u8 psd_gic_byte(u32 word, u32 hwirq)
{
	return word >> (hwirq % 4 * 8);
}

/**
 * psd_gic_cfg_edge() - is an INTID edge-triggered?
 * @icfgr: the ICFGR word holding it (two bits a line, offset hwirq / 16 * 4)
 * @hwirq: INTID
 *
 * Return: true for edge, false for level (Int_config, the upper bit).
 */
bool psd_gic_cfg_edge(u32 icfgr, u32 hwirq)
{
	return icfgr & BIT(hwirq % 16 * 2 + 1);
}

/**
 * psd_gic_group() - an INTID's group, where the non-secure side sees it
 * @f: the distributor
 * @igroupr: the IGROUPR word holding it
 * @hwirq: INTID
 *
 * Return: PSD_GIC_YES for Group 1, PSD_GIC_NO for Group 0, or
 * PSD_GIC_UNKNOWN when the register cannot tell (see the file comment).
 */
u8 psd_gic_group(const struct psd_gic_dist_facts *f, u32 igroupr, u32 hwirq)
{
	bool visible = (f->version == PSD_GIC_V3 && f->ds) ||
		       (f->version == PSD_GIC_V2 &&
			!(f->typer & PSD_GICV2_TYPER_SECURITY_EXTN));

	if (!visible)
		return PSD_GIC_UNKNOWN;
	return psd_gic_tri(psd_gic_word_bit(igroupr, hwirq));
}

/**
 * psd_gic_routes_to() - does a line's routing include one CPU?
 * @f: the distributor
 * @route: with affinity routing the line's IROUTER, else its ITARGETSR byte
 * @cpu_id: with affinity routing the CPU's MPIDR, else the CPU interface
 *	mask that CPU reads from its banked ITARGETSR0..7
 *
 * IROUTER with Interrupt_Routing_Mode set goes to any participating CPU.
 * GICv2 CPU interface numbers are not Linux CPU numbers: compare masks.
 *
 * Return: true if @route includes the CPU.
 */
bool psd_gic_routes_to(const struct psd_gic_dist_facts *f, u64 route,
		       u64 cpu_id)
{
	if (f->are == PSD_GIC_YES) {
		if (route & PSD_GICD_IROUTER_SPI_MODE_ANY)
			return true;
		return (route & PSD_GIC_AFF_MASK) == (cpu_id & PSD_GIC_AFF_MASK);
	}
	return route & cpu_id & 0xff;
}

/**
 * psd_gic_pmr_baseline() - the priority mask Linux runs with, IRQs on
 * @version: enum psd_gic_version
 * @pseudo_nmi: arm64 priority masking in use (system_uses_irq_prio_masking())
 *
 * A line whose priority is not below this value is never signalled.
 *
 * Return: the mask, 0 without a GIC.
 */
u8 psd_gic_pmr_baseline(u8 version, bool pseudo_nmi)
{
	switch (version) {
	case PSD_GIC_V3:
		return pseudo_nmi ? PSD_GICV3_PRIO_IRQON : PSD_GICV3_DEFAULT_PMR;
	case PSD_GIC_V2:
		return GICC_INT_PRI_THRESHOLD;
	}
	return 0;
}

static const char *const psd_gic_tri_names[] = {
	[PSD_GIC_NO] = "0",
	[PSD_GIC_YES] = "1",
	[PSD_GIC_UNKNOWN] = "unknown",
};

/**
 * psd_gic_tri_name() - how a fact the secure side may hide is shown
 * @tri: enum psd_gic_tri
 *
 * Return: "0", "1" or "unknown".
 */
const char *psd_gic_tri_name(u8 tri)
{
	return tri < ARRAY_SIZE(psd_gic_tri_names) ?
	       psd_gic_tri_names[tri] : "unknown";
}

static const char *const psd_gic_version_names[] = {
	[PSD_GIC_NONE] = "none",
	[PSD_GIC_V2] = "v2",
	[PSD_GIC_V3] = "v3",
};

/**
 * psd_gic_version_name() - the gic= word of irq/pending and irq/gic
 * @version: enum psd_gic_version
 *
 * Return: "none", "v2" or "v3".
 */
const char *psd_gic_version_name(u8 version)
{
	return version < ARRAY_SIZE(psd_gic_version_names) ?
	       psd_gic_version_names[version] : "none";
}
