// SPDX-License-Identifier: GPL-2.0
/*
 * The module's own platform device.  Its system-sleep callbacks run inside
 * the device phases of every suspend, in process context, which is where
 * the layers may sleep to read the PMIC or sample interrupt state.  Only
 * suspend/resume callbacks are set: hibernation never calls them.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/err.h>
#include <linux/platform_device.h>
#include <linux/pm.h>

#include "core.h"

#define PSD_PMDEV_NAME	"pmic_sleepdiag"

static struct platform_device *psd_pdev;

static int psd_pm_call(enum psd_phase phase)
{
	psd_cycle_devpm(phase);
	psd_layers_devpm(&psd_module_layers, psd_cycle_current(), phase);
	return 0;
}

static int psd_pm_suspend(struct device *dev)
{
	return psd_pm_call(PSD_PH_SUSPEND);
}

static int psd_pm_suspend_late(struct device *dev)
{
	return psd_pm_call(PSD_PH_SUSPEND_LATE);
}

static int psd_pm_suspend_noirq(struct device *dev)
{
	return psd_pm_call(PSD_PH_SUSPEND_NOIRQ);
}

static int psd_pm_resume_noirq(struct device *dev)
{
	return psd_pm_call(PSD_PH_RESUME_NOIRQ);
}

static int psd_pm_resume_early(struct device *dev)
{
	return psd_pm_call(PSD_PH_RESUME_EARLY);
}

static int psd_pm_resume(struct device *dev)
{
	return psd_pm_call(PSD_PH_RESUME);
}

static const struct dev_pm_ops psd_pm_ops = {
	.suspend = psd_pm_suspend,
	.suspend_late = psd_pm_suspend_late,
	.suspend_noirq = psd_pm_suspend_noirq,
	.resume_noirq = psd_pm_resume_noirq,
	.resume_early = psd_pm_resume_early,
	.resume = psd_pm_resume,
};

static int psd_pmdev_probe(struct platform_device *pdev)
{
	return 0;
}

static struct platform_driver psd_pmdev_driver = {
	.probe = psd_pmdev_probe,
	.driver = {
		.name = PSD_PMDEV_NAME,
		.pm = &psd_pm_ops,
		.suppress_bind_attrs = true,
	},
};

/**
 * psd_pmdev_device() - the module's own device, e.g. for device links
 *
 * Return: the device, or NULL before psd_pmdev_init().
 */
struct device *psd_pmdev_device(void)
{
	return psd_pdev ? &psd_pdev->dev : NULL;
}

/**
 * psd_pmdev_init() - register the device and its driver
 *
 * Return: 0 or a negative errno.
 */
int psd_pmdev_init(void)
{
	int ret;

	ret = platform_driver_register(&psd_pmdev_driver);
	if (ret)
		return ret;
	psd_pdev = platform_device_register_simple(PSD_PMDEV_NAME,
						   PLATFORM_DEVID_NONE,
						   NULL, 0);
	if (IS_ERR(psd_pdev)) {
		ret = PTR_ERR(psd_pdev);
		psd_pdev = NULL;
		platform_driver_unregister(&psd_pmdev_driver);
		return ret;
	}
	return 0;
}

/**
 * psd_pmdev_exit() - unregister; mirror image of psd_pmdev_init()
 */
void psd_pmdev_exit(void)
{
	platform_device_unregister(psd_pdev);
	psd_pdev = NULL;
	platform_driver_unregister(&psd_pmdev_driver);
}
