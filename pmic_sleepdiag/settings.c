// SPDX-License-Identifier: GPL-2.0
/*
 * Every tunable of the module in one table: its control key, default, range
 * and the component that owns it.  Values live in psd_settings[] and are
 * read lock-free with psd_setting(); only the control file writes them.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/kernel.h>
#include <linux/string.h>

#include "internal.h"

static const struct psd_setting_desc {
	const char *key;
	u32 def;
	u32 min;
	u32 max;
	bool zero_ok;		/* 0 allowed below min: "off" */
	unsigned int owner;	/* enum psd_component_id */
} psd_setting_descs[PSD_NR_SETTINGS] = {
	[PSD_SET_STUCK_MS] = {
		"stuck_ms", 1000, 10, 600000, false, PSD_COMP_IRQPEND },
	[PSD_SET_WS_STUCK_MS] = {
		"ws_stuck_ms", 10000, 100, 3600000, false, PSD_COMP_WAKESRC },
	[PSD_SET_ALARM_LATE_MS] = {
		"alarm_late_ms", 100, 1, 600000, false, PSD_COMP_ALARM },
	[PSD_SET_HRTIMER_LATE_US] = {
		"hrtimer_late_us", 1000, 1, 10000000, false, PSD_COMP_HRTIMER },
	[PSD_SET_POST_RESUME_MS] = {
		"post_resume_ms", 1000, 1, 600000, false, PSD_COMP_HRTIMER },
	[PSD_SET_PROBE_PERIOD_US] = {
		"probe_period_us", 0, 100, 1000000, true, PSD_COMP_HRTIMER },
};

u32 psd_settings[PSD_NR_SETTINGS];

/**
 * psd_settings_init() - every setting back to its default
 */
void psd_settings_init(void)
{
	unsigned int i;

	for (i = 0; i < PSD_NR_SETTINGS; i++)
		WRITE_ONCE(psd_settings[i], psd_setting_descs[i].def);
}

/**
 * psd_setting_lookup() - find a setting by its control key
 * @key: e.g. "stuck_ms"
 *
 * Return: the enum psd_setting_id, or -EINVAL if there is none.
 */
int psd_setting_lookup(const char *key)
{
	unsigned int i;

	for (i = 0; i < PSD_NR_SETTINGS; i++)
		if (!strcmp(key, psd_setting_descs[i].key))
			return i;
	return -EINVAL;
}

/**
 * psd_setting_key() - the control key of a setting
 * @id: enum psd_setting_id
 *
 * Return: the key.
 */
const char *psd_setting_key(unsigned int id)
{
	return psd_setting_descs[id].key;
}

/**
 * psd_setting_owner() - the component a setting belongs to
 * @id: enum psd_setting_id
 *
 * Return: enum psd_component_id.
 */
unsigned int psd_setting_owner(unsigned int id)
{
	return psd_setting_descs[id].owner;
}

/**
 * psd_setting_check() - is @value allowed for setting @id?
 * @id: enum psd_setting_id
 * @value: the proposed value
 * @why: set to a static description when it is not
 *
 * Return: 0, or -EINVAL when out of range.
 */
int psd_setting_check(unsigned int id, u64 value, const char **why)
{
	const struct psd_setting_desc *d = &psd_setting_descs[id];

	if (value == 0 && d->zero_ok)
		return 0;
	if (value < d->min || value > d->max) {
		*why = "value out of range";
		return -EINVAL;
	}
	return 0;
}

/**
 * psd_setting_apply() - store a checked value and tell its owner
 * @id: enum psd_setting_id
 * @value: a value psd_setting_check() accepted
 *
 * Return: 0.
 */
int psd_setting_apply(unsigned int id, u32 value)
{
	WRITE_ONCE(psd_settings[id], value);
	psd_component_apply(id, value);
	return 0;
}

/**
 * psd_setting_range() - the documented range of a setting, for messages
 * @id: enum psd_setting_id
 * @min: out: lowest non-zero value
 * @max: out: highest value
 *
 * Return: true if 0 is also allowed (meaning off).
 */
bool psd_setting_range(unsigned int id, u32 *min, u32 *max)
{
	*min = psd_setting_descs[id].min;
	*max = psd_setting_descs[id].max;
	return psd_setting_descs[id].zero_ok;
}
