// SPDX-License-Identifier: GPL-2.0
/*
 * pmic_sleepdiag - why did the board wake late, or not at all, from
 * suspend-to-idle?  Module parameters, load and unload.
 *
 * Load order: the core's instance (settings, rings, store, the layers'
 * data), the module's own device, the layers, the cycle tracker that feeds
 * them, then the files that show them.  Unload is the mirror image, files
 * first, so nothing is read while it goes away.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/ctype.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/string.h>

#include "core.h"
#include "../kunit/visible.h"
#include "layers.h"

#define PSD_KEEP_MIN	1
#define PSD_KEEP_MAX	64
#define PSD_EVENTS_MIN	64
#define PSD_EVENTS_MAX	65536
#define PSD_WATCH_MAX	64

struct psd_params psd_params = {
	.pmic = "",
	.watch_irqs = "",
	.keep_cycles = 8,
	.events = 1024,
};

module_param_named(pmic, psd_params.pmic, charp, 0444);
MODULE_PARM_DESC(pmic,
		 "i2c device of the PMIC to attach to, e.g. 0-002d (default: first client of the tps65910 driver)");
module_param_named(watch_irqs, psd_params.watch_irqs, charp, 0444);
MODULE_PARM_DESC(watch_irqs,
		 "comma-separated Linux IRQ numbers to watch for stuck pending, besides wake-armed ones (at most 64)");
module_param_named(keep_cycles, psd_params.keep_cycles, uint, 0444);
MODULE_PARM_DESC(keep_cycles,
		 "suspend cycles whose snapshots and reports are kept (1-64, default 8)");
module_param_named(events, psd_params.events, uint, 0444);
MODULE_PARM_DESC(events,
		 "capacity of the event timeline ring (64-65536, default 1024)");

/* "12,34,56": decimal numbers separated by single commas, at most 64. */
static int psd_check_irq_list(const char *list)
{
	unsigned int n = 0;
	bool digit = false;

	for (; *list; list++) {
		if (isdigit(*list)) {
			digit = true;
			continue;
		}
		if (*list != ',' || !digit)
			return -EINVAL;
		digit = false;
		n++;
	}
	if (n && !digit)
		return -EINVAL;
	return n + digit > PSD_WATCH_MAX ? -EINVAL : 0;
}

/**
 * psd_params_check() - validate module parameters before anything starts
 * @p: the parameters
 *
 * Return: 0, or -EINVAL after a pr_err() naming the parameter and range.
 */
VISIBLE_IF_KUNIT int psd_params_check(const struct psd_params *p)
{
	if (p->keep_cycles < PSD_KEEP_MIN || p->keep_cycles > PSD_KEEP_MAX) {
		pr_err("keep_cycles=%u out of range %u-%u\n", p->keep_cycles,
		       PSD_KEEP_MIN, PSD_KEEP_MAX);
		return -EINVAL;
	}
	if (p->events < PSD_EVENTS_MIN || p->events > PSD_EVENTS_MAX) {
		pr_err("events=%u out of range %u-%u\n", p->events,
		       PSD_EVENTS_MIN, PSD_EVENTS_MAX);
		return -EINVAL;
	}
	if (p->watch_irqs && psd_check_irq_list(p->watch_irqs)) {
		pr_err("watch_irqs=\"%s\" is not a comma-separated list of at most %u IRQ numbers\n",
		       p->watch_irqs, PSD_WATCH_MAX);
		return -EINVAL;
	}
	return 0;
}

/*
 * Every layer, one row each, in the order summary lists them.  The core
 * learns a layer only from its descriptor (declared in layers.h).
 */
struct psd_layer *const psd_layers[] = {
	&psd_pmic_layer,
	&psd_wakesrc_layer,
	&psd_alarm_layer,
	&psd_irqpend_layer,
	&psd_hrtimer_layer,
	&psd_devpm_layer,
	&psd_sleepers_layer,
};

const unsigned int psd_nr_layers = ARRAY_SIZE(psd_layers);
struct psd_layer_set psd_module_layers = {
	.layers = psd_layers,
	.nr = ARRAY_SIZE(psd_layers),
};

static int __init psd_init(void)
{
	int ret;

	ret = psd_params_check(&psd_params);
	if (ret)
		return ret;
	ret = psd_layers_register();
	if (ret)
		return ret;
	ret = psd_core_init(&psd_live, psd_params.keep_cycles,
			    psd_params.events);
	if (ret)
		return ret;
	/* Before the layers: the PMIC links our device to its own at attach. */
	ret = psd_pmdev_init();
	if (ret)
		goto err_core;

	psd_layers_start();

	ret = psd_cycle_init();
	if (ret)
		goto err_components;
	ret = psd_debugfs_init();
	if (ret)
		goto err_cycle;
	return 0;

err_cycle:
	psd_cycle_exit();
err_components:
	psd_layers_stop();
	psd_pmdev_exit();
err_core:
	psd_core_exit(&psd_live);
	return ret;
}

static void __exit psd_exit(void)
{
	psd_debugfs_exit();
	psd_cycle_exit();
	psd_layers_stop();
	psd_pmdev_exit();
	psd_core_exit(&psd_live);
}

module_init(psd_init);
module_exit(psd_exit);

MODULE_DESCRIPTION("Why a TPS65910/TPS65911 board woke late from suspend-to-idle");
MODULE_AUTHOR("pmic_sleepdiag developers");
MODULE_LICENSE("GPL");
