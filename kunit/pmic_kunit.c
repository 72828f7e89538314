// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: the PMIC component (pmic_sleepdiag/pmic.c) and its snapshot store
 * (pmic_snapshot.c), on a fake TPS65910/TPS65911 regmap (pmic_fake.c):
 * attach and detach, the bus transfers a snapshot costs, changed=
 * marking, read errors, PMIC_CONFIG_RISK and PMIC_IO_ERROR, the cycles
 * kept and the exact lines of pmic/snapshots.  Each test uses an instance
 * of its own; the component's instance is left alone.
 */
#include <kunit/device.h>
#include <kunit/test.h>
#include <linux/device.h>
#include <linux/regmap.h>
#include <linux/seq_file.h>
#include <linux/string.h>

#include "anomaly_log.h"
#include "psd_kunit.h"
#include "render.h"
#include "pmic_fake.h"

struct ctx {
	struct psd_pmic *p;
	struct psd_fake_pmic *f;
	struct device *own;	/* the case's, linked as consumer */
};

static void pmic_free(void *p)
{
	psd_pmic_destroy(p);
}

/* An instance attached to a fake @chip, the bus count reset after. */
static struct ctx setup(struct kunit *test, const char *chip,
			unsigned int keep)
{
	static atomic_t seq = ATOMIC_INIT(0);
	const char *why = NULL;
	struct ctx c;
	char own[32];

	c.f = psd_fake_pmic_new(test, chip, true);
	/* A name of its own: kunit_device_register() makes a driver of it. */
	snprintf(own, sizeof(own), "psdk-own.%d", atomic_inc_return(&seq));
	c.own = kunit_device_register(test, own);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, c.own);
	c.p = psd_pmic_create(keep, c.own, false);
	KUNIT_ASSERT_NOT_NULL(test, c.p);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, pmic_free, c.p), 0);
	KUNIT_ASSERT_EQ(test, psd_pmic_attach(c.p, c.f->dev, chip, &why), 0);
	c.f->reads = 0;
	return c;
}

static const struct psd_pmic_profile *prof_of(const char *chip)
{
	return psd_pmic_profile_find(chip);
}

static int row(const char *chip, u8 addr)
{
	return psd_pmic_reg_index(prof_of(chip), addr);
}

/* Write through the regmap so that the cache follows, like the driver. */
static void poke(struct kunit *test, struct ctx *c, u8 addr, u8 val)
{
	KUNIT_ASSERT_EQ(test, regmap_write(c->f->map, addr, val), 0);
}

static void attach_and_detach(struct kunit *test)
{
	struct ctx c = setup(test, "tps65910", 2);
	const char *why = NULL;
	bool linked = false;

	KUNIT_EXPECT_PTR_EQ(test, psd_pmic_attached(c.p, &linked), c.f->dev);
	KUNIT_EXPECT_TRUE(test, linked);
	KUNIT_EXPECT_EQ(test, psd_pmic_attach(c.p, c.f->dev, "tps65910", &why),
			-EBUSY);

	psd_pmic_detach(c.p, "test");
	KUNIT_EXPECT_NULL(test, psd_pmic_attached(c.p, &linked));
	KUNIT_EXPECT_FALSE(test, linked);
	/* Detached: no read reaches the (maybe gone) regmap. */
	KUNIT_EXPECT_EQ(test, psd_pmic_take(c.p, 1, PSD_PH_SUSPEND), -ENODEV);
	KUNIT_EXPECT_EQ(test, c.f->reads, 0U);
	/* And back. */
	KUNIT_EXPECT_EQ(test, psd_pmic_attach(c.p, c.f->dev, "tps65910", &why), 0);
	KUNIT_EXPECT_EQ(test, psd_pmic_take(c.p, 1, PSD_PH_SUSPEND), 0);
	KUNIT_EXPECT_GT(test, c.f->reads, 0U);
}

static void attach_refused(struct kunit *test)
{
	struct psd_fake_pmic *f = psd_fake_pmic_new(test, "tps65910", true);
	struct psd_fake_pmic *bare = psd_fake_pmic_new(test, "tps65910", false);
	struct psd_pmic *p = psd_pmic_create(1, NULL, false);
	const char *why = NULL;

	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, pmic_free, p), 0);
	KUNIT_EXPECT_EQ(test, psd_pmic_attach(p, f->dev, "tps65912", &why),
			-ENODEV);
	KUNIT_EXPECT_STREQ(test, why, "unknown chip");
	KUNIT_EXPECT_EQ(test, psd_pmic_attach(p, bare->dev, "tps65910", &why),
			-ENODEV);
	KUNIT_EXPECT_STREQ(test, why, "pmic has no regmap");
	KUNIT_EXPECT_NULL(test, psd_pmic_attached(p, NULL));
	KUNIT_EXPECT_EQ(test, f->reads, 0U);
}

static void bus_transfers_per_snapshot(struct kunit *test)
{
	static const char *const chips[] = { "tps65910", "tps65911" };
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(chips); i++) {
		struct ctx c = setup(test, chips[i], 2);

		KUNIT_EXPECT_EQ(test, psd_pmic_take(c.p, 1, PSD_PH_PREPARE), 0);
		/* Four volatile ranges; the cached ones were warmed at attach. */
		KUNIT_EXPECT_EQ_MSG(test, c.f->reads, 4U, "%s", chips[i]);
		KUNIT_EXPECT_LE(test, c.f->reads, 6U);
		KUNIT_EXPECT_EQ(test, psd_pmic_take(c.p, 1, PSD_PH_SUSPEND), 0);
		KUNIT_EXPECT_EQ_MSG(test, c.f->reads, 8U, "%s", chips[i]);
	}
}

static void values_and_changes(struct kunit *test)
{
	struct ctx c = setup(test, "tps65910", 2);
	struct psd_pmic_store *st = psd_pmic_store_of(c.p);
	struct psd_pmic_snap s;
	unsigned int i;

	c.f->regs[0x3f] = 0x14;
	poke(test, &c, 0x21, 0x05);	/* cached VDD1 */
	KUNIT_ASSERT_EQ(test, psd_pmic_take(c.p, 1, PSD_PH_PREPARE), 0);
	KUNIT_ASSERT_TRUE(test, psd_pmic_store_get(st, 1, PSD_PH_PREPARE, &s));
	KUNIT_EXPECT_EQ(test, s.val[row("tps65910", 0x3f)], 0x14);
	KUNIT_EXPECT_EQ(test, s.val[row("tps65910", 0x21)], 0x05);
	KUNIT_EXPECT_EQ(test, s.err, 0);
	/* Nothing before it: nothing changed. */
	KUNIT_EXPECT_TRUE(test, bitmap_empty(s.changed, PSD_PMIC_MAX_REGS));

	c.f->regs[0x17] = 0x5a;		/* volatile BCK1, behind the cache */
	poke(test, &c, 0x21, 0x06);
	KUNIT_ASSERT_EQ(test, psd_pmic_take(c.p, 1, PSD_PH_SUSPEND), 0);
	KUNIT_ASSERT_TRUE(test, psd_pmic_store_get(st, 1, PSD_PH_SUSPEND, &s));
	for (i = 0; i < s.prof->nregs; i++) {
		u8 a = s.prof->regs[i].addr;

		KUNIT_EXPECT_EQ_MSG(test, test_bit(i, s.changed),
				    a == 0x17 || a == 0x21, "reg 0x%02x", a);
	}
	KUNIT_ASSERT_EQ(test, psd_pmic_take(c.p, 1, PSD_PH_SUSPEND_LATE), 0);
	KUNIT_ASSERT_TRUE(test, psd_pmic_store_get(st, 1, PSD_PH_SUSPEND_LATE,
						   &s));
	KUNIT_EXPECT_TRUE(test, bitmap_empty(s.changed, PSD_PMIC_MAX_REGS));
	/* Noirq phases have no slot: never read there. */
	KUNIT_EXPECT_EQ(test, psd_pmic_take(c.p, 1, PSD_PH_SUSPEND_NOIRQ),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, psd_pmic_slot(PSD_PH_RESUME_NOIRQ), -1);
	KUNIT_EXPECT_EQ(test, psd_pmic_slot(PSD_PH_S2IDLE), -1);
}

static void read_error_keeps_the_rest(struct kunit *test)
{
	struct ctx c = setup(test, "tps65910", 2);
	struct psd_pmic_store *st = psd_pmic_store_of(c.p);
	struct psd_pmic_snap s;
	struct psd_record rec;
	u64 mark = anomalies_end();
	unsigned int i;

	c.f->regs[0x10] = 0x01;
	c.f->regs[0x51] = 0x3c;
	__set_bit(0x41, c.f->fail);
	KUNIT_ASSERT_EQ(test, psd_pmic_take(c.p, 3, PSD_PH_MANUAL), 0);
	KUNIT_ASSERT_TRUE(test, psd_pmic_store_get(st, 3, PSD_PH_MANUAL, &s));
	KUNIT_EXPECT_EQ(test, s.err, -EIO);
	for (i = 0; i < s.prof->nregs; i++) {
		u8 a = s.prof->regs[i].addr;

		KUNIT_EXPECT_EQ_MSG(test, test_bit(i, s.failed),
				    a >= 0x3e && a <= 0x4a, "reg 0x%02x", a);
	}
	KUNIT_EXPECT_EQ(test, s.val[row("tps65910", 0x10)], 0x01);
	KUNIT_EXPECT_EQ(test, s.val[row("tps65910", 0x51)], 0x3c);
	KUNIT_EXPECT_EQ(test, anomalies_of(mark, PSD_AN_PMIC_IO_ERROR, &rec), 1U);
	KUNIT_EXPECT_EQ(test, rec.cycle, 3U);
	KUNIT_EXPECT_EQ(test, rec.phase, PSD_PH_MANUAL);
	KUNIT_EXPECT_EQ(test, rec.v[0], 0x3e);
	KUNIT_EXPECT_EQ(test, rec.v[1], 13);
	KUNIT_EXPECT_EQ(test, rec.v[2], -EIO);

	/* A failed register is never marked changed; the others are. */
	__clear_bit(0x41, c.f->fail);
	c.f->regs[0x41] = 0xff;
	c.f->regs[0x10] = 0x00;
	KUNIT_ASSERT_EQ(test, psd_pmic_take(c.p, 3, PSD_PH_MANUAL), 0);
	KUNIT_ASSERT_TRUE(test, psd_pmic_store_get(st, 3, PSD_PH_MANUAL, &s));
	KUNIT_EXPECT_EQ(test, s.err, 0);
	KUNIT_EXPECT_FALSE(test, test_bit(row("tps65910", 0x41), s.changed));
	KUNIT_EXPECT_TRUE(test, test_bit(row("tps65910", 0x10), s.changed));
	KUNIT_EXPECT_EQ(test, anomalies_of(mark, PSD_AN_PMIC_IO_ERROR, NULL), 1U);
}

static void config_risk_once_per_change(struct kunit *test)
{
	struct ctx c = setup(test, "tps65911", 4);
	struct psd_record rec;
	u64 mark = anomalies_end();

	c.f->regs[0x10] = 0x01;		/* RTC running */
	c.f->regs[0x3f] = 0x00;		/* no SLEEP: KEEPON rules off */
	KUNIT_ASSERT_EQ(test, psd_pmic_take(c.p, 1, PSD_PH_SUSPEND_LATE), 0);
	KUNIT_EXPECT_EQ(test, anomalies_of(mark, PSD_AN_PMIC_CONFIG_RISK, NULL), 0U);

	c.f->regs[0x11] = 0x40;		/* stale alarm */
	/* Only the suspend_late snapshot is judged. */
	KUNIT_ASSERT_EQ(test, psd_pmic_take(c.p, 2, PSD_PH_SUSPEND), 0);
	KUNIT_EXPECT_EQ(test, anomalies_of(mark, PSD_AN_PMIC_CONFIG_RISK, NULL), 0U);
	KUNIT_ASSERT_EQ(test, psd_pmic_take(c.p, 2, PSD_PH_SUSPEND_LATE), 0);
	KUNIT_EXPECT_EQ(test, anomalies_of(mark, PSD_AN_PMIC_CONFIG_RISK, &rec), 1U);
	KUNIT_EXPECT_STREQ(test, rec.name, "rtc_alarm_stale");
	KUNIT_EXPECT_EQ(test, rec.cycle, 2U);
	KUNIT_EXPECT_EQ(test, rec.v[0], 0x11);

	/* Still holding next cycle: not raised again; a new one is. */
	c.f->regs[0x54] = 0x10;		/* WTCHDG pending, unmasked */
	KUNIT_ASSERT_EQ(test, psd_pmic_take(c.p, 3, PSD_PH_SUSPEND_LATE), 0);
	KUNIT_EXPECT_EQ(test, anomalies_of(mark, PSD_AN_PMIC_CONFIG_RISK, &rec), 2U);
	KUNIT_EXPECT_STREQ(test, rec.name, "int_pending");
	KUNIT_EXPECT_EQ(test, rec.v[0], 0x54);

	/* A read failure of its register does not re-raise it later. */
	__set_bit(0x11, c.f->fail);
	KUNIT_ASSERT_EQ(test, psd_pmic_take(c.p, 4, PSD_PH_SUSPEND_LATE), 0);
	__clear_bit(0x11, c.f->fail);
	KUNIT_ASSERT_EQ(test, psd_pmic_take(c.p, 5, PSD_PH_SUSPEND_LATE), 0);
	KUNIT_EXPECT_EQ(test, anomalies_of(mark, PSD_AN_PMIC_CONFIG_RISK, NULL), 2U);

	/* Gone, then back: raised again. */
	c.f->regs[0x11] = 0x00;
	KUNIT_ASSERT_EQ(test, psd_pmic_take(c.p, 6, PSD_PH_SUSPEND_LATE), 0);
	c.f->regs[0x11] = 0x40;
	KUNIT_ASSERT_EQ(test, psd_pmic_take(c.p, 7, PSD_PH_SUSPEND_LATE), 0);
	KUNIT_EXPECT_EQ(test, anomalies_of(mark, PSD_AN_PMIC_CONFIG_RISK, &rec), 3U);
	KUNIT_EXPECT_STREQ(test, rec.name, "rtc_alarm_stale");

	/* reset forgets what held. */
	psd_pmic_reset(c.p);
	KUNIT_ASSERT_EQ(test, psd_pmic_take(c.p, 8, PSD_PH_SUSPEND_LATE), 0);
	KUNIT_EXPECT_EQ(test, anomalies_of(mark, PSD_AN_PMIC_CONFIG_RISK, NULL), 5U);
}

static void keeps_keep_cycles(struct kunit *test)
{
	struct ctx c = setup(test, "tps65910", 2);
	struct psd_pmic_store *st = psd_pmic_store_of(c.p);
	struct psd_pmic_snap s;
	u32 cyc;

	for (cyc = 1; cyc <= 3; cyc++) {
		KUNIT_ASSERT_EQ(test, psd_pmic_take(c.p, cyc, PSD_PH_PREPARE), 0);
		KUNIT_ASSERT_EQ(test, psd_pmic_take(c.p, cyc, PSD_PH_POST), 0);
	}
	KUNIT_ASSERT_EQ(test, psd_pmic_take(c.p, 3, PSD_PH_MANUAL), 0);
	KUNIT_EXPECT_FALSE(test, psd_pmic_store_get(st, 1, PSD_PH_PREPARE, &s));
	KUNIT_EXPECT_TRUE(test, psd_pmic_store_get(st, 2, PSD_PH_POST, &s));
	/* In order: cycle 2 prepare, post; cycle 3 prepare, post, manual. */
	KUNIT_ASSERT_TRUE(test, psd_pmic_store_nth(st, 0, &s));
	KUNIT_EXPECT_EQ(test, s.cycle, 2U);
	KUNIT_EXPECT_EQ(test, s.phase, PSD_PH_PREPARE);
	KUNIT_ASSERT_TRUE(test, psd_pmic_store_nth(st, 4, &s));
	KUNIT_EXPECT_EQ(test, s.cycle, 3U);
	KUNIT_EXPECT_EQ(test, s.phase, PSD_PH_MANUAL);
	KUNIT_EXPECT_FALSE(test, psd_pmic_store_nth(st, 5, &s));

	psd_pmic_reset(c.p);
	KUNIT_EXPECT_FALSE(test, psd_pmic_store_nth(st, 0, &s));
	KUNIT_EXPECT_FALSE(test, psd_pmic_store_latest(st, &s));
}

static char *render(struct kunit *test, const struct psd_pmic_snap *s)
{
	struct seq_file *m = psd_kunit_seq(test, 16384);

	psd_pmic_snap_show(m, s);
	return psd_kunit_text(test, m);
}

static bool has_line(char *text, const char *line)
{
	char *l;

	while ((l = strsep(&text, "\n")))
		if (!strcmp(l, line))
			return true;
	return false;
}

static const char *const want[] = {
	"cycle=1 phase=resume_early t_ns=42 err=-5 chip=tps65910 failed=4 presleep=0",
	"reg=0x3f name=DEVCTRL val=0x16 changed=1 fields=\"PWR_OFF=0 RTC_PWDN=0 CK32K_CTRL=0 SR_CTL_I2C_SEL=1 DEV_OFF_RST=0 DEV_ON=1 DEV_SLP=1 DEV_OFF=0\" cached=0",
	"reg=0x21 name=VDD1 val=0x00 changed=0 fields=\"VGAIN_SEL=0 ILMAX=0 TSTEP=0 ST=0\" cached=1",
	"reg=0x52 name=INT_STS2 val=none changed=0 fields=\"\" cached=0 err=-5",
};

static void snapshot_lines(struct kunit *test)
{
	struct ctx c = setup(test, "tps65910", 2);
	struct psd_pmic_store *st = psd_pmic_store_of(c.p);
	struct psd_pmic_snap s;
	unsigned int i, lines = 0;
	char *text, *p;

	c.f->regs[0x3f] = 0x14;
	KUNIT_ASSERT_EQ(test, psd_pmic_take(c.p, 1, PSD_PH_PREPARE), 0);
	c.f->regs[0x3f] = 0x16;
	__set_bit(0x52, c.f->fail);
	KUNIT_ASSERT_EQ(test, psd_pmic_take(c.p, 1, PSD_PH_RESUME_EARLY), 0);
	KUNIT_ASSERT_TRUE(test, psd_pmic_store_get(st, 1, PSD_PH_RESUME_EARLY,
						   &s));
	s.t_ns = 42;
	text = render(test, &s);
	for (i = 0; i < ARRAY_SIZE(want); i++)
		KUNIT_EXPECT_TRUE_MSG(test,
				      has_line(kunit_kstrdup(test, text, GFP_KERNEL),
					       want[i]), "%s", want[i]);
	/* The header, then one line per register of the profile. */
	KUNIT_EXPECT_TRUE(test, str_has_prefix(text, "cycle=1 phase=resume_early "));
	for (p = text; *p; p++)
		lines += *p == '\n';
	KUNIT_EXPECT_EQ(test, lines, psd_pmic_tps65910.nregs + 1);
}

static struct kunit_case pmic_cases[] = {
	KUNIT_CASE(attach_and_detach),
	KUNIT_CASE(attach_refused),
	KUNIT_CASE(bus_transfers_per_snapshot),
	KUNIT_CASE(values_and_changes),
	KUNIT_CASE(read_error_keeps_the_rest),
	KUNIT_CASE(config_risk_once_per_change),
	KUNIT_CASE(keeps_keep_cycles),
	KUNIT_CASE(snapshot_lines),
	{}
};

static struct kunit_suite pmic_suite = {
	.name = "pmic_sleepdiag_pmic",
	.init = psd_kunit_core_init,
	.test_cases = pmic_cases,
};

kunit_test_suite(pmic_suite);
