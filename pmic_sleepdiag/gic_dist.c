// SPDX-License-Identifier: GPL-2.0
/*
 * gic_dist: the GIC distributor the kernel uses, read and never written.
 *
 * On device-tree systems the root GIC node whose interrupt domain the GIC
 * driver registered is found by the driver's own compatibles, and its
 * distributor (reg[0]) is mapped with of_iomap(): the driver already
 * requested the region, so it is not requested again.  Only registers
 * without read side effects are read: GICD_CTLR, GICD_TYPER, and per SPI
 * ISENABLER, ISPENDR, ISACTIVER, IGROUPR, IPRIORITYR, ICFGR, IROUTER or
 * ITARGETSR (never the CPU interface, whose IAR acknowledges).
 *
 * Routing needs each online CPU's identity as the distributor knows it: its
 * MPIDR under affinity routing (cpu_logical_map() is not exported), else
 * the CPU interface mask the CPU reads from its banked ITARGETSR0..7 (GICv2
 * interface numbers are not Linux CPU numbers).  A CPU hotplug callback
 * reads it on each CPU as it comes online.  A uniprocessor GICv2 reads
 * ITARGETSR as zero: its CPU stays unknown, and so does routing.
 *
 * Without a GIC driver in the kernel (amd64, UML), with another irqchip,
 * or on ACPI-only systems, every answer is "no GIC": gic=none.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/bitmap.h>
#include <linux/cpuhotplug.h>
#include <linux/cpumask.h>
#include <linux/io.h>
#include <linux/irq.h>
#include <linux/irqdomain.h>
#include <linux/kernel.h>
#include <linux/of.h>
#include <linux/of_address.h>
#include <linux/of_irq.h>
#include <linux/percpu.h>
#include <linux/string.h>

#include "gic_dist.h"

#if IS_ENABLED(CONFIG_ARM_GIC) || IS_ENABLED(CONFIG_ARM_GIC_V3)
#define PSD_GIC_LIVE 1
#include <asm/cputype.h>
#endif

/* gic_dist.h spells the kernel's names out for UML; they must agree. */
#if IS_ENABLED(CONFIG_ARM_GIC_V3)
#include <linux/irqchip/arm-gic-v3.h>

static_assert(PSD_GICD_CTLR == GICD_CTLR && PSD_GICD_TYPER == GICD_TYPER);
static_assert(PSD_GICD_IGROUPR == GICD_IGROUPR);
static_assert(PSD_GICD_ISENABLER == GICD_ISENABLER);
static_assert(PSD_GICD_ISPENDR == GICD_ISPENDR);
static_assert(PSD_GICD_ISACTIVER == GICD_ISACTIVER);
static_assert(PSD_GICD_IPRIORITYR == GICD_IPRIORITYR);
static_assert(PSD_GICD_ITARGETSR == GICD_ITARGETSR);
static_assert(PSD_GICD_ICFGR == GICD_ICFGR);
static_assert(PSD_GICD_CTLR_DS == GICD_CTLR_DS);
static_assert(PSD_GICD_CTLR_ARE_NS == GICD_CTLR_ARE_NS);
static_assert(PSD_GICD_CTLR_ENABLE_G1A == GICD_CTLR_ENABLE_G1A);
static_assert(PSD_GICD_CTLR_ENABLE_G1 == GICD_CTLR_ENABLE_G1);
static_assert(PSD_GICD_CTLR_ENABLE_SS_G1 == GICD_CTLR_ENABLE_SS_G1);
static_assert(PSD_GICD_CTLR_ENABLE_SS_G0 == GICD_CTLR_ENABLE_SS_G0);
static_assert(PSD_GICD_IROUTER == GICD_IROUTER);
static_assert(PSD_GICD_IROUTER_SPI_MODE_ANY == GICD_IROUTER_SPI_MODE_ANY);
static_assert(GICD_TYPER_SPIS(0x1f) == 1024 && GICD_TYPER_SPIS(2) == 96);
#elif IS_ENABLED(CONFIG_ARM_GIC)
#include <linux/irqchip/arm-gic.h>

static_assert(PSD_GICD_CTLR == GIC_DIST_CTRL && PSD_GICD_TYPER == GIC_DIST_CTR);
static_assert(PSD_GICD_IGROUPR == GIC_DIST_IGROUP);
static_assert(PSD_GICD_ISENABLER == GIC_DIST_ENABLE_SET);
static_assert(PSD_GICD_ISPENDR == GIC_DIST_PENDING_SET);
static_assert(PSD_GICD_ISACTIVER == GIC_DIST_ACTIVE_SET);
static_assert(PSD_GICD_IPRIORITYR == GIC_DIST_PRI);
static_assert(PSD_GICD_ITARGETSR == GIC_DIST_TARGET);
static_assert(PSD_GICD_ICFGR == GIC_DIST_CONFIG);
#endif

#ifdef CONFIG_ARM64
#include <asm/cpufeature.h>
#include <asm/ptrace.h>

static_assert(PSD_GICV3_PRIO_IRQON == GIC_PRIO_IRQON);
#endif

#ifdef PSD_GIC_LIVE

static struct {
	void __iomem *base;
	struct irq_domain *domain;
	u8 version;
	int cpuhp;		/* dynamic hotplug state, or 0 */
} psd_gic;

/* The GIC drivers' compatibles (IRQCHIP_DECLARE in irq-gic{,-v3}.c). */
static const struct of_device_id psd_gic_of_match[] = {
#if IS_ENABLED(CONFIG_ARM_GIC_V3)
	{ .compatible = "arm,gic-v3", .data = (void *)PSD_GIC_V3 },
#endif
#if IS_ENABLED(CONFIG_ARM_GIC)
	{ .compatible = "arm,gic-400", .data = (void *)PSD_GIC_V2 },
	{ .compatible = "arm,arm11mp-gic", .data = (void *)PSD_GIC_V2 },
	{ .compatible = "arm,arm1176jzf-devchip-gic", .data = (void *)PSD_GIC_V2 },
	{ .compatible = "arm,cortex-a15-gic", .data = (void *)PSD_GIC_V2 },
	{ .compatible = "arm,cortex-a9-gic", .data = (void *)PSD_GIC_V2 },
	{ .compatible = "arm,cortex-a7-gic", .data = (void *)PSD_GIC_V2 },
	{ .compatible = "qcom,msm-8660-qgic", .data = (void *)PSD_GIC_V2 },
	{ .compatible = "qcom,msm-qgic2", .data = (void *)PSD_GIC_V2 },
	{ .compatible = "arm,pl390", .data = (void *)PSD_GIC_V2 },
#endif
	{ }
};

static DEFINE_PER_CPU(u64, psd_gic_cpu_id);
static struct cpumask psd_gic_cpu_known;

static u32 psd_gic_readl(unsigned int off)
{
	return readl_relaxed(psd_gic.base + off);
}

/* This CPU's interface mask, as gic_get_cpumask() finds it; 0 if RAZ. */
static u8 psd_gic_this_cpu_mask(void)
{
	unsigned int off;
	u32 mask = 0;

	for (off = 0; off < 32 && !mask; off += 4) {
		mask = psd_gic_readl(PSD_GICD_ITARGETSR + off);
		mask |= mask >> 16;
		mask |= mask >> 8;
	}
	return mask;
}

/* Runs on @cpu (an AP hotplug state): learn how the distributor names it. */
static int psd_gic_cpu_online(unsigned int cpu)
{
	bool are = psd_gic.version == PSD_GIC_V3 &&
		   (psd_gic_readl(PSD_GICD_CTLR) & PSD_GICD_CTLR_ARE_NS);
	u64 id = are ? read_cpuid_mpidr() : psd_gic_this_cpu_mask();

	if (!are && !id)
		return 0;	/* uniprocessor GICv2: ITARGETSR is RAZ/WI */
	per_cpu(psd_gic_cpu_id, cpu) = id;
	smp_wmb();	/* the id before the bit that says it is there */
	cpumask_set_cpu(cpu, &psd_gic_cpu_known);
	return 0;
}

static bool psd_gic_pseudo_nmi(void)
{
#ifdef CONFIG_ARM64
	return system_uses_irq_prio_masking();
#else
	return false;
#endif
}

/* The root GIC whose domain the kernel registered, and its version. */
static struct device_node *psd_gic_find(u8 *version)
{
	const struct of_device_id *match;
	struct device_node *np, *parent;

	for_each_matching_node_and_match(np, psd_gic_of_match, &match) {
		parent = of_irq_find_parent(np);
		of_node_put(parent);
		if ((!parent || parent == np) && irq_find_host(np)) {
			*version = (uintptr_t)match->data;
			return np;
		}
	}
	return NULL;
}

/**
 * psd_gic_dist_init() - find and map the GIC distributor
 *
 * Finding none is not an error: every later answer is then "no GIC".
 *
 * Context: process, at load.
 * Return: 0.
 */
int psd_gic_dist_init(void)
{
	struct device_node *np;
	u8 version = PSD_GIC_NONE;
	int ret;

	memset(&psd_gic, 0, sizeof(psd_gic));
	np = psd_gic_find(&version);
	if (!np)
		return 0;
	psd_gic.base = of_iomap(np, 0);
	psd_gic.domain = irq_find_host(np);
	of_node_put(np);
	if (!psd_gic.base || !psd_gic.domain) {
		if (psd_gic.base)
			iounmap(psd_gic.base);
		psd_gic.base = NULL;
		pr_info("GIC distributor not mapped: gic=none\n");
		return 0;
	}
	psd_gic.version = version;
	cpumask_clear(&psd_gic_cpu_known);
	ret = cpuhp_setup_state(CPUHP_AP_ONLINE_DYN, "pmic_sleepdiag/gic:online",
				psd_gic_cpu_online, NULL);
	if (ret < 0)
		pr_info("no CPU hotplug state (%d): GIC routing unknown\n", ret);
	else
		psd_gic.cpuhp = ret;
	return 0;
}

/**
 * psd_gic_dist_exit() - unmap the distributor
 *
 * Context: process, at unload, after the last reader.
 */
void psd_gic_dist_exit(void)
{
	if (psd_gic.cpuhp > 0)
		cpuhp_remove_state(psd_gic.cpuhp);
	if (psd_gic.base)
		iounmap(psd_gic.base);
	memset(&psd_gic, 0, sizeof(psd_gic));
}

/**
 * psd_gic_dist_facts() - read GICD_CTLR and GICD_TYPER now
 * @f: out; version PSD_GIC_NONE without a distributor
 */
void psd_gic_dist_facts(struct psd_gic_dist_facts *f)
{
	if (!psd_gic.base) {
		psd_gic_decode_ctlr(f, PSD_GIC_NONE, 0, 0);
		f->pmr = 0;
		return;
	}
	psd_gic_decode_ctlr(f, psd_gic.version, psd_gic_readl(PSD_GICD_CTLR),
			    psd_gic_readl(PSD_GICD_TYPER));
	f->pmr = psd_gic_pmr_baseline(psd_gic.version, psd_gic_pseudo_nmi());
}

/* Is a line routed to an online CPU?  Bounded by the online CPUs. */
static u8 psd_gic_routed(const struct psd_gic_dist_facts *f, u64 route)
{
	bool unknown = false;
	unsigned int cpu;

	for_each_online_cpu(cpu) {
		if (!cpumask_test_cpu(cpu, &psd_gic_cpu_known)) {
			unknown = true;
			continue;
		}
		smp_rmb();	/* pairs with psd_gic_cpu_online() */
		if (psd_gic_routes_to(f, route, per_cpu(psd_gic_cpu_id, cpu)))
			return PSD_GIC_YES;
	}
	return unknown ? PSD_GIC_UNKNOWN : PSD_GIC_NO;
}

/* The word of a one-bit-per-line register holding @hwirq */
static u32 psd_gic_bit_word(unsigned int reg, u32 hwirq)
{
	return psd_gic_readl(reg + hwirq / 32 * 4);
}

/**
 * psd_gic_dist_read_line() - one SPI's distributor registers, now
 * @f: the distributor's facts, from psd_gic_dist_facts()
 * @hwirq: INTID, an SPI
 * @l: out; @l->wake is left false for the caller to fill
 *
 * Seven or eight MMIO reads, none with a side effect.
 *
 * Context: any; do not call before psd_gic_dist_init() or after
 * psd_gic_dist_exit().
 * Return: false without a distributor or when @hwirq is not an SPI of it.
 */
bool psd_gic_dist_read_line(const struct psd_gic_dist_facts *f, u32 hwirq,
			    struct psd_gic_line *l)
{
	unsigned int iroute = PSD_GICD_IROUTER + hwirq * 8;

	if (!psd_gic.base || f->version == PSD_GIC_NONE ||
	    hwirq < PSD_GIC_FIRST_SPI || hwirq >= f->lines)
		return false;
	memset(l, 0, sizeof(*l));
	l->hwirq = hwirq;
	l->enabled = psd_gic_word_bit(psd_gic_bit_word(PSD_GICD_ISENABLER, hwirq),
				      hwirq);
	l->pending = psd_gic_word_bit(psd_gic_bit_word(PSD_GICD_ISPENDR, hwirq),
				      hwirq);
	l->active = psd_gic_word_bit(psd_gic_bit_word(PSD_GICD_ISACTIVER, hwirq),
				     hwirq);
	l->group = psd_gic_group(f, psd_gic_bit_word(PSD_GICD_IGROUPR, hwirq),
				 hwirq);
	l->prio = psd_gic_byte(psd_gic_readl(PSD_GICD_IPRIORITYR + (hwirq & ~3U)),
			       hwirq);
	l->edge = psd_gic_cfg_edge(psd_gic_readl(PSD_GICD_ICFGR + hwirq / 16 * 4),
				   hwirq);
	/* Two 32-bit reads: allowed by the architecture, and arm32 has no readq. */
	if (f->are == PSD_GIC_YES)
		l->route = psd_gic_readl(iroute) |
			   (u64)psd_gic_readl(iroute + 4) << 32;
	else
		l->route = psd_gic_byte(psd_gic_readl(PSD_GICD_ITARGETSR +
						      (hwirq & ~3U)), hwirq);
	l->routed = psd_gic_routed(f, l->route);
	return true;
}

/**
 * psd_gic_dist_scan_pending() - every SPI's pending bit, a word at a time
 * @f: the distributor's facts, from psd_gic_dist_facts()
 * @pending: out: bit n set when INTID n is pending (SGIs/PPIs left clear)
 * @nbits: size of @pending in bits
 *
 * Context: any.
 * Return: the number of ISPENDR words read (one per 32 lines).
 */
unsigned int psd_gic_dist_scan_pending(const struct psd_gic_dist_facts *f,
				       unsigned long *pending,
				       unsigned int nbits)
{
	unsigned int w, i, lines = min(f->lines, nbits), n = 0;
	u32 val;

	bitmap_zero(pending, nbits);
	if (!psd_gic.base || f->version == PSD_GIC_NONE)
		return 0;
	for (w = PSD_GIC_FIRST_SPI / 32; w * 32 < lines; w++, n++) {
		val = psd_gic_readl(PSD_GICD_ISPENDR + w * 4);
		for (i = 0; val && i < 32 && w * 32 + i < lines; i++)
			if (val & BIT(i))
				__set_bit(w * 32 + i, pending);
	}
	return n;
}

/**
 * psd_gic_dist_owns() - is an interrupt level the GIC's?
 * @d: irq_data at some level of a hierarchy
 *
 * Return: true if @d belongs to the GIC's domain (its hwirq is an INTID).
 */
bool psd_gic_dist_owns(const struct irq_data *d)
{
	return d && psd_gic.domain && d->domain == psd_gic.domain;
}

/**
 * psd_gic_dist_irq() - the Linux IRQ an INTID is mapped to
 * @hwirq: INTID
 *
 * Context: any.
 * Return: the IRQ number, 0 when nobody mapped the line.
 */
unsigned int psd_gic_dist_irq(u32 hwirq)
{
	return psd_gic.domain ? irq_find_mapping(psd_gic.domain, hwirq) : 0;
}

#else /* no GIC driver in this kernel: there is no distributor to read */

int psd_gic_dist_init(void)
{
	return 0;
}

void psd_gic_dist_exit(void)
{
}

void psd_gic_dist_facts(struct psd_gic_dist_facts *f)
{
	psd_gic_decode_ctlr(f, PSD_GIC_NONE, 0, 0);
	f->pmr = 0;
}

bool psd_gic_dist_read_line(const struct psd_gic_dist_facts *f, u32 hwirq,
			    struct psd_gic_line *l)
{
	return false;
}

unsigned int psd_gic_dist_scan_pending(const struct psd_gic_dist_facts *f,
				       unsigned long *pending,
				       unsigned int nbits)
{
	bitmap_zero(pending, nbits);
	return 0;
}

bool psd_gic_dist_owns(const struct irq_data *d)
{
	return false;
}

unsigned int psd_gic_dist_irq(u32 hwirq)
{
	return 0;
}

#endif /* PSD_GIC_LIVE */
