// SPDX-License-Identifier: GPL-2.0
/*
 * The fake PMIC of kunit/pmic_fake.h.  Test-only.
 */
#include <kunit/device.h>
#include <kunit/test.h>
#include <linux/atomic.h>
#include <linux/device.h>
#include <linux/regmap.h>
#include <linux/string.h>

#include "pmic_fake.h"

/**
 * psd_fake_driver_volatile() - is_volatile_reg() of drivers/mfd/tps65910.c
 * @tps65911: the chip
 * @reg: register address
 *
 * Return: true when the driver's regmap never caches @reg.
 */
bool psd_fake_driver_volatile(bool tps65911, unsigned int reg)
{
	if (reg >= 0x20 && reg <= 0x37) {
		/* VDDCTRL_OP/SR do not exist on the TPS65910. */
		if (!tps65911 && (reg == 0x28 || reg == 0x29))
			return true;
		return false;
	}
	return true;
}

static bool psd_fake_volatile(struct device *dev, unsigned int reg)
{
	struct psd_fake_pmic *f = dev_get_drvdata(dev);

	return psd_fake_driver_volatile(f->tps65911, reg);
}

static int psd_fake_read(void *ctx, const void *reg_buf, size_t reg_size,
			 void *val_buf, size_t val_size)
{
	struct psd_fake_pmic *f = ctx;
	unsigned int reg = *(const u8 *)reg_buf, i;

	f->reads++;
	if (reg + val_size > PSD_FAKE_NR_REGS)
		return -EIO;
	for (i = 0; i < val_size; i++)
		if (test_bit(reg + i, f->fail))
			return -EIO;
	memcpy(val_buf, f->regs + reg, val_size);
	return 0;
}

static int psd_fake_write(void *ctx, const void *data, size_t count)
{
	struct psd_fake_pmic *f = ctx;
	const u8 *d = data;

	if (count < 2 || d[0] + count - 1 > PSD_FAKE_NR_REGS)
		return -EIO;
	memcpy(f->regs + d[0], d + 1, count - 1);
	return 0;
}

/* Like regmap-i2c's SMBus I2C-block bus, as on i2c-stub. */
static const struct regmap_bus psd_fake_bus = {
	.read = psd_fake_read,
	.write = psd_fake_write,
	.max_raw_read = 31,
	.max_raw_write = 31,
};

static const struct regmap_config psd_fake_config = {
	.reg_bits = 8,
	.val_bits = 8,
	.volatile_reg = psd_fake_volatile,
	.max_register = 0x7f,
	.cache_type = REGCACHE_MAPLE,
};

/**
 * psd_fake_pmic_new() - a fake PMIC device, freed when the test ends
 * @test: the test
 * @chip: "tps65910" or "tps65911"
 * @with_regmap: false: a device without a regmap
 *
 * Return: the fake; the test fails if it cannot be made.
 */
struct psd_fake_pmic *psd_fake_pmic_new(struct kunit *test, const char *chip,
					bool with_regmap)
{
	struct psd_fake_pmic *f = kunit_kzalloc(test, sizeof(*f), GFP_KERNEL);
	static atomic_t seq = ATOMIC_INIT(0);
	char name[32];

	KUNIT_ASSERT_NOT_NULL(test, f);
	f->tps65911 = !strcmp(chip, "tps65911");
	snprintf(name, sizeof(name), "psd-fake-%s.%d", chip,
		 atomic_inc_return(&seq));
	f->dev = kunit_device_register(test, name);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, f->dev);
	dev_set_drvdata(f->dev, f);
	if (!with_regmap)
		return f;
	f->map = devm_regmap_init(f->dev, &psd_fake_bus, f, &psd_fake_config);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, f->map);
	return f;
}
