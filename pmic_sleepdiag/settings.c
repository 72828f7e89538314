// SPDX-License-Identifier: GPL-2.0
/*
 * The module's tunables.  Each layer declares the ones it owns (control
 * key, default, range) in its descriptor; values live in the core's
 * instance and are read lock-free with psd_setting(); only the control file
 * writes them.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/kernel.h>
#include <linux/string.h>

#include "core.h"
#include "../kunit/visible.h"

/* Filled from the layers' descriptors by psd_layers_register(). */
static const struct psd_setting_desc *psd_setting_descs[PSD_NR_SETTINGS];
static struct psd_layer *psd_setting_owners[PSD_NR_SETTINGS];

/**
 * psd_setting() - the value of a setting
 * @id: enum psd_setting_id
 *
 * Context: any; u32, so read tear-free on 32-bit too.
 * Return: the value.
 */
u32 psd_setting(enum psd_setting_id id)
{
	return READ_ONCE(psd_core()->settings[id]);
}

/**
 * psd_settings_add() - take in the settings a layer owns
 * @l: the layer
 *
 * Return: 0, or -EINVAL when another layer owns one of them.
 */
int psd_settings_add(struct psd_layer *l)
{
	const struct psd_setting_desc *d;

	for (d = l->settings; d && d->key; d++) {
		if (WARN_ON(d->id >= PSD_NR_SETTINGS ||
			    (psd_setting_owners[d->id] &&
			     psd_setting_owners[d->id] != l)))
			return -EINVAL;
		psd_setting_descs[d->id] = d;
		psd_setting_owners[d->id] = l;
	}
	return 0;
}

/**
 * psd_settings_check() - does every setting have an owner?
 *
 * Return: 0, or -EINVAL naming none (a layer is missing its row).
 */
int psd_settings_check(void)
{
	unsigned int i;

	for (i = 0; i < PSD_NR_SETTINGS; i++)
		if (WARN_ON(!psd_setting_descs[i]))
			return -EINVAL;
	return 0;
}

/**
 * psd_settings_init() - every setting of an instance at its default
 * @settings: the instance's values, by enum psd_setting_id
 */
void psd_settings_init(u32 *settings)
{
	unsigned int i;

	for (i = 0; i < PSD_NR_SETTINGS; i++)
		WRITE_ONCE(settings[i], psd_setting_descs[i]->def);
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
		if (!strcmp(key, psd_setting_descs[i]->key))
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
	return psd_setting_descs[id]->key;
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
	const struct psd_setting_desc *d = psd_setting_descs[id];

	if (value == 0 && d->zero_ok)
		return 0;
	if (value < d->min || value > d->max) {
		*why = "value out of range";
		return -EINVAL;
	}
	return 0;
}

#if IS_ENABLED(CONFIG_KUNIT)
/**
 * psd_setting_apply() - KUnit: store a checked value in the case's instance
 * @id: enum psd_setting_id
 * @value: a value psd_setting_check() accepted
 *
 * Only the module's own instance has owners to tell: the control file's
 * "set" does that.
 *
 * Return: 0.
 */
int psd_setting_apply(unsigned int id, u32 value)
{
	WRITE_ONCE(psd_core()->settings[id], value);
	return 0;
}
#endif

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
	*min = psd_setting_descs[id]->min;
	*max = psd_setting_descs[id]->max;
	return psd_setting_descs[id]->zero_ok;
}
