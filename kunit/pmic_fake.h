/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A fake TPS65910/TPS65911 for the PMIC suites: a regmap over a bus of our
 * own, configured like the driver's (drivers/mfd/tps65910.c: its volatile
 * table, max_register 0x7f, a maple cache), so bulk reads of volatile
 * ranges become one raw bus read each, as on i2c.  Reads that touch a
 * register in @fail return -EIO.
 */
#ifndef _PSD_KUNIT_PMIC_FAKE_H
#define _PSD_KUNIT_PMIC_FAKE_H

#include <kunit/test.h>
#include <linux/bitmap.h>
#include <linux/regmap.h>

#define PSD_FAKE_NR_REGS	0x80

struct psd_fake_pmic {
	struct device *dev;
	struct regmap *map;
	bool tps65911;
	unsigned int reads;	/* bus read transactions */
	u8 regs[PSD_FAKE_NR_REGS];
	DECLARE_BITMAP(fail, PSD_FAKE_NR_REGS);
};

struct psd_fake_pmic *psd_fake_pmic_new(struct kunit *test, const char *chip,
					bool with_regmap);
bool psd_fake_driver_volatile(bool tps65911, unsigned int reg);

#endif /* _PSD_KUNIT_PMIC_FAKE_H */
