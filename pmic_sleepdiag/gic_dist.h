/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The GIC distributor, read-only: what gic_dist.c reads, how gic_decode.c
 * turns register words into facts, and how gic_cause.c names the reason a
 * pending SPI is not delivered.  Only SPIs (INTID 32..1019) are covered.
 *
 * The register names below are the kernel's with a PSD_ prefix: the
 * kernel's own headers cannot be used everywhere (<linux/irqchip/arm-gic-v3.h>
 * needs <asm/arch_gicv3.h>, ARM only, and the KUnit suites run in UML;
 * arm-gic.h and arm-gic-v3.h redefine each other's GICH_* names).
 * gic_dist.c asserts at build time that each equals the kernel's, against
 * arm-gic-v3.h or, on a GICv2-only kernel, arm-gic.h.
 */
#ifndef _PMIC_SLEEPDIAG_GIC_DIST_H
#define _PMIC_SLEEPDIAG_GIC_DIST_H

#include <linux/bits.h>
#include <linux/types.h>

/* Distributor offsets, the same in GICv2 and GICv3 (GICD_*, GIC_DIST_*) */
#define PSD_GICD_CTLR			0x0000
#define PSD_GICD_TYPER			0x0004
#define PSD_GICD_IGROUPR		0x0080
#define PSD_GICD_ISENABLER		0x0100
#define PSD_GICD_ISPENDR		0x0200
#define PSD_GICD_ISACTIVER		0x0300
#define PSD_GICD_IPRIORITYR		0x0400
#define PSD_GICD_ITARGETSR		0x0800
#define PSD_GICD_ICFGR			0x0c00

/* GICv3 only (arm-gic-v3.h) */
#define PSD_GICD_CTLR_DS		BIT(6)	/* GICD_CTLR_DS */
#define PSD_GICD_CTLR_ARE_NS		BIT(4)	/* GICD_CTLR_ARE_NS */
#define PSD_GICD_CTLR_ENABLE_G1A	BIT(1)	/* GICD_CTLR_ENABLE_G1A */
#define PSD_GICD_CTLR_ENABLE_G1		BIT(0)	/* GICD_CTLR_ENABLE_G1 */
#define PSD_GICD_CTLR_ENABLE_SS_G1	BIT(1)	/* GICD_CTLR_ENABLE_SS_G1 */
#define PSD_GICD_CTLR_ENABLE_SS_G0	BIT(0)	/* GICD_CTLR_ENABLE_SS_G0 */
#define PSD_GICD_IROUTER		0x6000	/* GICD_IROUTER */
#define PSD_GICD_IROUTER_SPI_MODE_ANY	BIT(31)	/* GICD_IROUTER_SPI_MODE_ANY */
/* IROUTER and MPIDR share one layout: Aff3 [39:32], Aff2..Aff0 [23:0] */
#define PSD_GIC_AFF_MASK		(GENMASK_ULL(39, 32) | GENMASK_ULL(23, 0))

/* GICv2 (architecture spec; arm-gic.h has no name for them) */
#define PSD_GICV2_TYPER_SECURITY_EXTN	BIT(10)
#define PSD_GICV2_CTLR_ENABLE_GRP1	BIT(1)	/* no Security Extensions */

/*
 * The priority mask Linux runs with while interrupts are enabled, never
 * read live (with pseudo-NMI and IRQs off ICC_PMR_EL1 holds
 * GIC_PRIO_IRQOFF, and the PMR that matters is the target CPU's):
 * irq-gic-v3.c DEFAULT_PMR_VALUE, or GIC_PRIO_IRQON with pseudo-NMI;
 * arm-gic.h GICC_INT_PRI_THRESHOLD on GICv2.
 */
#define PSD_GICV3_DEFAULT_PMR		0xf0	/* irq-gic-v3.c, not in a header */
#define PSD_GICV3_PRIO_IRQON		0xe0	/* arm64 asm/ptrace.h GIC_PRIO_IRQON */

#define PSD_GIC_FIRST_SPI		32
#define PSD_GIC_MAX_LINES		1020	/* INTIDs 1020..1023 are special */

enum psd_gic_version {
	PSD_GIC_NONE,
	PSD_GIC_V2,
	PSD_GIC_V3,
};

/* A fact the non-secure side may not be able to see. */
enum psd_gic_tri {
	PSD_GIC_NO,
	PSD_GIC_YES,
	PSD_GIC_UNKNOWN,
};

/**
 * struct psd_gic_dist_facts - the distributor as a whole
 * @version: enum psd_gic_version
 * @ds: GICv3 GICD_CTLR.DS: one security state, groups visible
 * @are: enum psd_gic_tri: affinity routing (GICv3), IROUTER not ITARGETSR
 * @grp0: enum psd_gic_tri: Group 0 enabled in GICD_CTLR
 * @grp1ns: enum psd_gic_tri: (non-secure) Group 1 enabled in GICD_CTLR
 * @pmr: the priority mask Linux runs with, interrupts enabled
 * @ctlr: GICD_CTLR as read
 * @typer: GICD_TYPER as read
 * @lines: INTIDs below this exist (SGIs and PPIs included)
 */
struct psd_gic_dist_facts {
	u8 version;
	bool ds;
	u8 are;
	u8 grp0;
	u8 grp1ns;
	u8 pmr;
	u32 ctlr;
	u32 typer;
	unsigned int lines;
};

/**
 * struct psd_gic_line - one SPI as the distributor holds it
 * @hwirq: INTID
 * @enabled: ISENABLER bit
 * @pending: ISPENDR bit
 * @active: ISACTIVER bit
 * @edge: ICFGR: edge-triggered (else level)
 * @group: enum psd_gic_tri: IGROUPR bit, when meaningful
 * @prio: IPRIORITYR byte, as the non-secure side reads it
 * @wake: wake-armed in Linux (filled by the caller, not the GIC)
 * @routed: enum psd_gic_tri: routed to an online CPU
 * @route: IROUTER (affinity routing) or the ITARGETSR byte, as read
 */
struct psd_gic_line {
	u32 hwirq;
	bool enabled;
	bool pending;
	bool active;
	bool edge;
	u8 group;
	u8 prio;
	bool wake;
	u8 routed;
	u64 route;
};

enum psd_gic_cause {
	PSD_GIC_CAUSE_GROUP0,
	PSD_GIC_CAUSE_DIST_GROUP_OFF,
	PSD_GIC_CAUSE_ACTIVE_NOT_EOI,
	PSD_GIC_CAUSE_DISABLED,
	PSD_GIC_CAUSE_PRIORITY_MASKED,
	PSD_GIC_CAUSE_ROUTED_OFFLINE,
	PSD_GIC_CAUSE_UNKNOWN,
	PSD_GIC_NR_CAUSES,
};

/* gic_decode.c: register words to facts; no MMIO */
void psd_gic_decode_ctlr(struct psd_gic_dist_facts *f, u8 version,
			 u32 ctlr, u32 typer);
unsigned int psd_gic_typer_lines(u32 typer);
bool psd_gic_word_bit(u32 word, u32 hwirq);
u8 psd_gic_byte(u32 word, u32 hwirq);
bool psd_gic_cfg_edge(u32 icfgr, u32 hwirq);
u8 psd_gic_group(const struct psd_gic_dist_facts *f, u32 igroupr,
		 u32 hwirq);
bool psd_gic_routes_to(const struct psd_gic_dist_facts *f, u64 route,
		       u64 cpu_id);
u8 psd_gic_pmr_baseline(u8 version, bool pseudo_nmi);
const char *psd_gic_tri_name(u8 tri);
const char *psd_gic_version_name(u8 version);

/* gic_cause.c: why a pending SPI is not delivered; no MMIO */
enum psd_gic_cause psd_gic_cause(const struct psd_gic_dist_facts *f,
				 const struct psd_gic_line *l);
const char *psd_gic_cause_name(enum psd_gic_cause cause);
const char *psd_gic_cause_advice(enum psd_gic_cause cause, bool wake);

/* gic_dist.c: the live distributor */
struct irq_data;
int psd_gic_dist_init(void);
void psd_gic_dist_exit(void);
void psd_gic_dist_facts(struct psd_gic_dist_facts *f);
bool psd_gic_dist_owns(const struct irq_data *d);
bool psd_gic_dist_read_line(const struct psd_gic_dist_facts *f, u32 hwirq,
			    struct psd_gic_line *l);
unsigned int psd_gic_dist_scan_pending(const struct psd_gic_dist_facts *f,
				       unsigned long *pending,
				       unsigned int nbits);
unsigned int psd_gic_dist_irq(u32 hwirq);

#endif /* _PMIC_SLEEPDIAG_GIC_DIST_H */
