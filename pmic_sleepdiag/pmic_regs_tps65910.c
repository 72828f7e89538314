// SPDX-License-Identifier: GPL-2.0
/*
 * Register profiles of the TPS65910 and TPS65911: every register that says
 * what the PMIC does in SLEEP, each field with its mask and meaning, and
 * the plan to read them.  Tables, not code: a register is a row.
 *
 * Sources: include/linux/mfd/tps65910.h (register names and addresses,
 * field names and masks; several of its *_SHIFT values disagree with their
 * masks, so fields are decoded with masks only),
 * drivers/regulator/tps65910-regulator.c (the TPS65911 LDO bit map of
 * SLEEP_KEEP_LDO_ON, SLEEP_SET_LDO_OFF and EN*_LDO_ASS),
 * drivers/mfd/tps65910.c (which registers its regmap caches) and the
 * TPS65910/TPS65911 datasheets (TI SWCS046, SWCS049) for fields the header
 * lacks.
 *
 * Read plan: regmap_bulk_read() issues one bus transfer for a range only
 * when every register in it is volatile in the driver's regmap; the
 * regulator registers 0x20-0x37 are cached, so their range is served from
 * the cache (warmed once at attach).  Four volatile ranges: four bus
 * transfers per snapshot on either chip.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/kernel.h>
#include <linux/mfd/tps65910.h>
#include <linux/string.h>

#include "pmic.h"

/*
 * Names, addresses and masks come from the header where it has them:
 * R(n) is register TPS65910_<n> (RC: cached in the driver's regmap; RC11:
 * TPS65911_<n>), FH(p, n) the field whose mask is <p><n>_MASK.  F() is a
 * field the header lacks or names otherwise.  Field lists end with an
 * empty sentinel row.
 */
#define F(n, m, s)	{ .name = n, .mask = m, .meaning = s }
#define FH(p, n, s)	F(#n, p##n##_MASK, s)
#define R(n, f)		{ .addr = TPS65910_##n, .name = #n, .fields = f }
#define RC(n, f)	{ .addr = TPS65910_##n, .name = #n, .fields = f, \
			  .cached = true }
#define RC11(n, f)	{ .addr = TPS65911_##n, .name = #n, .fields = f, \
			  .cached = true }

/*
 * Where the chips differ, one template defines the table of each, and
 * PSD_ON_<chip>_<only>(row) in it is the row when chip is <only>, nothing
 * otherwise.
 */
#define PSD_ON_tps65910_tps65910(...)	__VA_ARGS__,
#define PSD_ON_tps65910_tps65911(...)
#define PSD_ON_tps65911_tps65910(...)
#define PSD_ON_tps65911_tps65911(...)	__VA_ARGS__,

/* ---- RTC (same on both chips; BCD alarm time) ---- */

static const struct psd_pmic_field psd_f_alarm_sec[] = {
	F("ALARM_SEC1", 0x70, "alarm seconds, tens (BCD)"),
	F("ALARM_SEC0", 0x0f, "alarm seconds, units (BCD)"),
	{ /* sentinel */ }
};

static const struct psd_pmic_field psd_f_alarm_min[] = {
	F("ALARM_MIN1", 0x70, "alarm minutes, tens (BCD)"),
	F("ALARM_MIN0", 0x0f, "alarm minutes, units (BCD)"),
	{ /* sentinel */ }
};

static const struct psd_pmic_field psd_f_alarm_hour[] = {
	F("ALARM_PM_NAM", 0x80, "12-hour mode: 1 = PM"),
	F("ALARM_HOUR1", 0x30, "alarm hours, tens (BCD)"),
	F("ALARM_HOUR0", 0x0f, "alarm hours, units (BCD)"),
	{ /* sentinel */ }
};

static const struct psd_pmic_field psd_f_alarm_day[] = {
	F("ALARM_DAY1", 0x30, "alarm day, tens (BCD)"),
	F("ALARM_DAY0", 0x0f, "alarm day, units (BCD)"),
	{ /* sentinel */ }
};

static const struct psd_pmic_field psd_f_alarm_month[] = {
	F("ALARM_MONTH1", 0x10, "alarm month, tens (BCD)"),
	F("ALARM_MONTH0", 0x0f, "alarm month, units (BCD)"),
	{ /* sentinel */ }
};

static const struct psd_pmic_field psd_f_alarm_year[] = {
	F("ALARM_YEAR1", 0xf0, "alarm year, tens (BCD)"),
	F("ALARM_YEAR0", 0x0f, "alarm year, units (BCD)"),
	{ /* sentinel */ }
};

static const struct psd_pmic_field psd_f_rtc_ctrl[] = {
	F("RTC_V_OPT", 0x80, "1 = read the time without the GET_TIME latch"),
	F("GET_TIME", TPS65910_RTC_CTRL_GET_TIME,
	  "1 = latch the time into the time registers"),
	F("SET_32_COUNTER", 0x20, "1 = load the 32 kHz counter from COMP"),
	F("TEST_MODE", 0x10, "RTC test mode"),
	F("MODE_12_24", 0x08, "1 = 12-hour mode"),
	F("AUTO_COMP", TPS65910_RTC_CTRL_AUTO_COMP,
	  "1 = automatic drift compensation on"),
	F("ROUND_30S", 0x02, "1 = round the time to the closest minute"),
	F("STOP_RTC", TPS65910_RTC_CTRL_STOP_RTC,
	  "0 = RTC frozen, 1 = RTC running"),
	{ /* sentinel */ }
};

static const struct psd_pmic_field psd_f_rtc_status[] = {
	F("POWER_UP", 0x80, "1 = RTC reset since last cleared"),
	F("ALARM", TPS65910_RTC_STATUS_ALARM,
	  "1 = alarm occurred, not yet cleared"),
	F("EVENT_1D", 0x20, "one-day event occurred"),
	F("EVENT_1H", 0x10, "one-hour event occurred"),
	F("EVENT_1M", 0x08, "one-minute event occurred"),
	F("EVENT_1S", 0x04, "one-second event occurred"),
	F("RUN", 0x02, "1 = RTC is running (read-only)"),
	{ /* sentinel */ }
};

static const struct psd_pmic_field psd_f_rtc_interrupts[] = {
	F("IT_SLEEP_MASK_EN", 0x10,
	  "1 = RTC interrupts held back while the PMIC is in SLEEP"),
	F("IT_ALARM", TPS65910_RTC_INTERRUPTS_IT_ALARM,
	  "1 = alarm interrupt enabled"),
	F("IT_TIMER", 0x04, "1 = periodic interrupt enabled"),
	F("EVERY", TPS65910_RTC_INTERRUPTS_EVERY,
	  "periodic interrupt period: 0 s, 1 m, 2 h, 3 d"),
	{ /* sentinel */ }
};

static const struct psd_pmic_field psd_f_rtc_comp_lsb[] = {
	F("RTC_COMP_LSB", 0xff, "drift compensation, low byte"),
	{ /* sentinel */ }
};

static const struct psd_pmic_field psd_f_rtc_comp_msb[] = {
	F("RTC_COMP_MSB", 0xff, "drift compensation, high byte"),
	{ /* sentinel */ }
};

static const struct psd_pmic_field psd_f_rtc_res_prog[] = {
	F("SW_RES_PROG", 0x3f, "32 kHz oscillator load capacitance trim"),
	{ /* sentinel */ }
};

static const struct psd_pmic_field psd_f_rtc_reset_status[] = {
	F("RESET_STATUS", 0x01, "0 = RTC domain was reset (write 1 to arm)"),
	{ /* sentinel */ }
};

/* BCK1's mask; BCK2-BCK5 have the same. */
static const struct psd_pmic_field psd_f_bck[] = {
	FH(BCK1_, BCKUP, "backup byte, kept in the RTC domain"),
	{ /* sentinel */ }
};

static const struct psd_pmic_field psd_f_puaden[] = {
	FH(PUADEN_, EN3P, "EN3 pull-down"),
	FH(PUADEN_, I2CCTLP, "control I2C pull-up"),
	FH(PUADEN_, I2CSRP, "SmartReflex I2C pull-up"),
	FH(PUADEN_, PWRONP, "PWRON pull-up"),
	FH(PUADEN_, SLEEPP, "SLEEP pin pull-down"),
	FH(PUADEN_, PWRHOLDP, "PWRHOLD pull-down"),
	FH(PUADEN_, BOOT1P, "BOOT1 pull-down"),
	FH(PUADEN_, BOOT0P, "BOOT0 pull-down"),
	{ /* sentinel */ }
};

static const struct psd_pmic_field psd_f_ref[] = {
	FH(REF_, VMBCH_SEL, "main battery comparator threshold select"),
	FH(REF_, ST, "reference state: 1 = on, 3 = low power"),
	{ /* sentinel */ }
};

static const struct psd_pmic_field psd_f_vrtc[] = {
	FH(VRTC_, VRTC_OFFMASK, "1 = VRTC keeps its state in OFF"),
	FH(VRTC_, ST, "VRTC state: 0/2 off, 1 on, 3 low power"),
	{ /* sentinel */ }
};

/* ---- DC-DC and LDO control (cached in the driver's regmap) ---- */

static const struct psd_pmic_field psd_f_vio[] = {
	FH(VIO_, ILMAX, "current limit"),
	FH(VIO_, SEL, "output voltage select"),
	FH(VIO_, ST, "state: 0/2 off, 1 on, 3 on in low power"),
	{ /* sentinel */ }
};

/* VDD1's masks; VDD2 (and VDDCTRL for OP/SR) has the same. */
static const struct psd_pmic_field psd_f_vdd12[] = {
	FH(VDD1_, VGAIN_SEL, "output voltage gain"),
	FH(VDD1_, ILMAX, "current limit"),
	FH(VDD1_, TSTEP, "voltage slew rate"),
	FH(VDD1_, ST, "state: 0/2 off, 1 on, 3 on in low power"),
	{ /* sentinel */ }
};

static const struct psd_pmic_field psd_f_vdd_op[] = {
	FH(VDD1_OP_, CMD, "1 = voltage from the SR register"),
	FH(VDD1_OP_, SEL, "operating voltage select"),
	{ /* sentinel */ }
};

static const struct psd_pmic_field psd_f_vdd_sr[] = {
	FH(VDD1_SR_, SEL, "SmartReflex/sleep voltage select"),
	{ /* sentinel */ }
};

static const struct psd_pmic_field psd_f_vdd3[] = {
	FH(VDD3_, CKINEN, "1 = VDD3 clocked from CLK32KOUT"),
	FH(VDD3_, ST, "state: 0/2 off, 1 on, 3 on in low power"),
	{ /* sentinel */ }
};

static const struct psd_pmic_field psd_f_vddctrl[] = {
	FH(VDDCTRL_, ST, "state: 0/2 off, 1 on, 3 on in low power"),
	{ /* sentinel */ }
};

static const struct psd_pmic_field psd_f_ldo[] = {
	FH(LDO_, SEL, "output voltage select"),
	FH(LDO_, ST, "state: 0/2 off, 1 on, 3 on in low power"),
	{ /* sentinel */ }
};

/* TPS65911 LDO1/2/4 and LDO3/5/6/7/8 (tps65910-regulator.c vsel masks). */
static const struct psd_pmic_field psd_f_ldo_wide[] = {
	FH(LDO1_, SEL, "output voltage select"),
	FH(LDO_, ST, "state: 0/2 off, 1 on, 3 on in low power"),
	{ /* sentinel */ }
};

static const struct psd_pmic_field psd_f_ldo_narrow[] = {
	FH(LDO3_, SEL, "output voltage select"),
	FH(LDO_, ST, "state: 0/2 off, 1 on, 3 on in low power"),
	{ /* sentinel */ }
};

/* ---- device control ---- */

static const struct psd_pmic_field psd_f_dcdcctrl[] = {
	FH(DCDCCTRL_, VDD2_PSKIP, "VDD2 pulse skipping in low load"),
	FH(DCDCCTRL_, VDD1_PSKIP, "VDD1 pulse skipping in low load"),
	FH(DCDCCTRL_, VIO_PSKIP, "VIO pulse skipping in low load"),
	FH(DCDCCTRL_, DCDCCKEXT, "1 = DC-DC clock from external CLK input"),
	FH(DCDCCTRL_, DCDCCKSYNC, "DC-DC clock synchronisation/phase"),
	{ /* sentinel */ }
};

static const struct psd_pmic_field psd_f_devctrl[] = {
	FH(DEVCTRL_, PWR_OFF, "1 = sequential power-off (TPS65911)"),
	FH(DEVCTRL_, RTC_PWDN, "1 = RTC domain powered down"),
	FH(DEVCTRL_, CK32K_CTRL, "32 kHz source: 0 = crystal, 1 = internal RC"),
	FH(DEVCTRL_, SR_CTL_I2C_SEL, "1 = VDD1/VDD2 voltage from control I2C"),
	FH(DEVCTRL_, DEV_OFF_RST, "write 1: OFF with reset"),
	FH(DEVCTRL_, DEV_ON, "1 = stay ACTIVE whatever the inputs"),
	FH(DEVCTRL_, DEV_SLP, "1 = SLEEP state allowed (SLEEP pin/EN)"),
	FH(DEVCTRL_, DEV_OFF, "write 1: go to OFF"),
	{ /* sentinel */ }
};

static const struct psd_pmic_field psd_f_devctrl2[] = {
	FH(DEVCTRL2_, TSLOT_LENGTH, "power sequence time slot length"),
	FH(DEVCTRL2_, SLEEPSIG_POL, "SLEEP pin polarity: 1 = active high"),
	FH(DEVCTRL2_, PWON_LP_OFF, "1 = PWRON long press turns off"),
	FH(DEVCTRL2_, PWON_LP_RST, "1 = PWRON long press resets"),
	FH(DEVCTRL2_, IT_POL, "INT pin polarity: 1 = active high"),
	{ /* sentinel */ }
};

/*
 * SLEEP_KEEP_LDO_ON, SLEEP_SET_LDO_OFF and EN<n>_LDO_ASS have one bit per
 * LDO, in each chip's own order (the TPS65911's from
 * tps65911_ext_sleep_control[]).  PSD_LDO_BITS_<chip>(list, ...) defines
 * psd_f_<list>_<chip>[]; PSD_MEANS_<list> is what a set bit means.
 */
#define PSD_MEANS_keep_ldo	"1 = keep its ACTIVE state in SLEEP"
#define PSD_MEANS_setoff_ldo	"1 = off in SLEEP"
#define PSD_MEANS_en1_ldo	"1 = controlled by the EN1 input"
#define PSD_MEANS_en2_ldo	"1 = controlled by the EN2 input"
#define PSD_MEANS_en3_ldo	"1 = controlled by the EN3 input"

#define PSD_LDO_BITS_tps65910(list, reg, sfx)				\
static const struct psd_pmic_field psd_f_##list##_tps65910[] = {	\
	FH(reg##_, VDAC_##sfx, "VDAC: " PSD_MEANS_##list),		\
	FH(reg##_, VPLL_##sfx, "VPLL: " PSD_MEANS_##list),		\
	FH(reg##_, VAUX33_##sfx, "VAUX33: " PSD_MEANS_##list),		\
	FH(reg##_, VAUX2_##sfx, "VAUX2: " PSD_MEANS_##list),		\
	FH(reg##_, VAUX1_##sfx, "VAUX1: " PSD_MEANS_##list),		\
	FH(reg##_, VDIG2_##sfx, "VDIG2: " PSD_MEANS_##list),		\
	FH(reg##_, VDIG1_##sfx, "VDIG1: " PSD_MEANS_##list),		\
	FH(reg##_, VMMC_##sfx, "VMMC: " PSD_MEANS_##list),		\
	{ /* sentinel */ }						\
}

#define PSD_LDO_BITS_tps65911(list, sfx)				\
static const struct psd_pmic_field psd_f_##list##_tps65911[] = {	\
	F("LDO3_" #sfx, 0x80, "LDO3: " PSD_MEANS_##list),		\
	F("LDO4_" #sfx, 0x40, "LDO4: " PSD_MEANS_##list),		\
	F("LDO7_" #sfx, 0x20, "LDO7: " PSD_MEANS_##list),		\
	F("LDO8_" #sfx, 0x10, "LDO8: " PSD_MEANS_##list),		\
	F("LDO5_" #sfx, 0x08, "LDO5: " PSD_MEANS_##list),		\
	F("LDO2_" #sfx, 0x04, "LDO2: " PSD_MEANS_##list),		\
	F("LDO1_" #sfx, 0x02, "LDO1: " PSD_MEANS_##list),		\
	F("LDO6_" #sfx, 0x01, "LDO6: " PSD_MEANS_##list),		\
	{ /* sentinel */ }						\
}

PSD_LDO_BITS_tps65910(keep_ldo, SLEEP_KEEP_LDO_ON, KEEPON);
PSD_LDO_BITS_tps65911(keep_ldo, KEEPON);
PSD_LDO_BITS_tps65910(setoff_ldo, SLEEP_SET_LDO_OFF, SETOFF);
PSD_LDO_BITS_tps65911(setoff_ldo, SETOFF);
PSD_LDO_BITS_tps65910(en1_ldo, EN1_LDO_ASS, EN1);
PSD_LDO_BITS_tps65911(en1_ldo, EN1);
PSD_LDO_BITS_tps65910(en2_ldo, EN2_LDO_ASS, EN2);
PSD_LDO_BITS_tps65911(en2_ldo, EN2);
PSD_LDO_BITS_tps65910(en3_ldo, EN3_LDO_ASS, EN3);

/*
 * Bit 3 of SLEEP_KEEP_RES_ON, SLEEP_SET_RES_OFF and EN*_SMPS_ASS is VDD3
 * on the TPS65910, VDDCTRL on the TPS65911 (tps65911_ext_sleep_control[]).
 */
#define PSD_KEEP_RES(chip)						\
static const struct psd_pmic_field psd_f_keep_res_##chip[] = {		\
	FH(SLEEP_KEEP_RES_ON_, THERM_KEEPON,				\
	   "1 = thermal monitoring on in SLEEP"),			\
	FH(SLEEP_KEEP_RES_ON_, CLKOUT32K_KEEPON,			\
	   "1 = 32 kHz clock output on in SLEEP"),			\
	FH(SLEEP_KEEP_RES_ON_, VRTC_KEEPON,				\
	   "0 = VRTC in low-power mode in SLEEP"),			\
	FH(SLEEP_KEEP_RES_ON_, I2CHS_KEEPON,				\
	   "1 = internal high-speed clock on in SLEEP"),		\
	PSD_ON_##chip##_tps65910(FH(SLEEP_KEEP_RES_ON_, VDD3_KEEPON,	\
	   "VDD3: 1 = keep its ACTIVE state in SLEEP"))			\
	PSD_ON_##chip##_tps65911(F("VDDCTRL_KEEPON", 0x08,		\
	   "VDDCTRL: 1 = keep its ACTIVE state in SLEEP"))		\
	FH(SLEEP_KEEP_RES_ON_, VDD2_KEEPON,				\
	   "VDD2: 1 = keep its ACTIVE state in SLEEP"),			\
	FH(SLEEP_KEEP_RES_ON_, VDD1_KEEPON,				\
	   "VDD1: 1 = keep its ACTIVE state in SLEEP"),			\
	FH(SLEEP_KEEP_RES_ON_, VIO_KEEPON,				\
	   "VIO: 1 = keep its ACTIVE state in SLEEP"),			\
	{ /* sentinel */ }						\
}

PSD_KEEP_RES(tps65910);
PSD_KEEP_RES(tps65911);

#define PSD_SETOFF_RES(chip)						\
static const struct psd_pmic_field psd_f_setoff_res_##chip[] = {	\
	FH(SLEEP_SET_RES_OFF_, DEFAULT_VOLT,				\
	   "1 = default voltages restored on wake"),			\
	FH(SLEEP_SET_RES_OFF_, SPARE_SETOFF,				\
	   "spare resource: 1 = off in SLEEP"),				\
	PSD_ON_##chip##_tps65910(FH(SLEEP_SET_RES_OFF_, VDD3_SETOFF,	\
	   "VDD3: 1 = off in SLEEP"))					\
	PSD_ON_##chip##_tps65911(F("VDDCTRL_SETOFF", 0x08,		\
	   "VDDCTRL: 1 = off in SLEEP"))				\
	FH(SLEEP_SET_RES_OFF_, VDD2_SETOFF, "VDD2: 1 = off in SLEEP"),	\
	FH(SLEEP_SET_RES_OFF_, VDD1_SETOFF, "VDD1: 1 = off in SLEEP"),	\
	FH(SLEEP_SET_RES_OFF_, VIO_SETOFF, "VIO: 1 = off in SLEEP"),	\
	{ /* sentinel */ }						\
}

PSD_SETOFF_RES(tps65910);
PSD_SETOFF_RES(tps65911);

/* EN1_SMPS_ASS (n = 1) and EN2_SMPS_ASS (n = 2). */
#define PSD_EN_SMPS(chip, n)						\
static const struct psd_pmic_field psd_f_en##n##_smps_##chip[] = {	\
	FH(EN##n##_SMPS_ASS_, SPARE_EN##n,				\
	   "spare resource: 1 = controlled by the EN" #n " input"),	\
	PSD_ON_##chip##_tps65910(FH(EN##n##_SMPS_ASS_, VDD3_EN##n,	\
	   "VDD3: 1 = controlled by the EN" #n " input"))		\
	PSD_ON_##chip##_tps65911(F("VDDCTRL_EN" #n, 0x08,		\
	   "VDDCTRL: 1 = controlled by the EN" #n " input"))		\
	FH(EN##n##_SMPS_ASS_, VDD2_EN##n,				\
	   "VDD2: 1 = controlled by the EN" #n " input"),		\
	FH(EN##n##_SMPS_ASS_, VDD1_EN##n,				\
	   "VDD1: 1 = controlled by the EN" #n " input"),		\
	FH(EN##n##_SMPS_ASS_, VIO_EN##n,				\
	   "VIO: 1 = controlled by the EN" #n " input"),		\
	{ /* sentinel */ }						\
}

PSD_EN_SMPS(tps65910, 1);
PSD_EN_SMPS(tps65911, 1);
PSD_EN_SMPS(tps65910, 2);
PSD_EN_SMPS(tps65911, 2);

static const struct psd_pmic_field psd_f_spare[] = {
	FH(SPARE_, SPARE, "spare bits"),
	{ /* sentinel */ }
};

/* ---- interrupts: decoded with the masks (the header's shifts lie) ---- */

static const struct psd_pmic_field psd_f_int_sts_tps65910[] = {
	FH(TPS65910_INT_STS_, RTC_PERIOD_IT, "RTC periodic interrupt pending"),
	FH(TPS65910_INT_STS_, RTC_ALARM_IT, "RTC alarm interrupt pending"),
	FH(TPS65910_INT_STS_, HOTDIE_IT, "hot-die interrupt pending"),
	/* The header says PWRHOLD_F_IT; INT_MSK's bit is PWRHOLD_IT_MSK. */
	F("PWRHOLD_IT", 0x10, "PWRHOLD interrupt pending"),
	FH(TPS65910_INT_STS_, PWRON_LP_IT,
	   "PWRON long-press interrupt pending"),
	FH(TPS65910_INT_STS_, PWRON_IT, "PWRON interrupt pending"),
	FH(TPS65910_INT_STS_, VMBHI_IT, "main battery high interrupt pending"),
	FH(TPS65910_INT_STS_, VMBDCH_IT,
	   "main battery discharge interrupt pending"),
	{ /* sentinel */ }
};

static const struct psd_pmic_field psd_f_int_msk_tps65910[] = {
	FH(TPS65910_INT_MSK_, RTC_PERIOD_IT_MSK, "1 = masked"),
	FH(TPS65910_INT_MSK_, RTC_ALARM_IT_MSK, "1 = masked"),
	FH(TPS65910_INT_MSK_, HOTDIE_IT_MSK, "1 = masked"),
	FH(TPS65910_INT_MSK_, PWRHOLD_IT_MSK, "1 = masked"),
	FH(TPS65910_INT_MSK_, PWRON_LP_IT_MSK, "1 = masked"),
	FH(TPS65910_INT_MSK_, PWRON_IT_MSK, "1 = masked"),
	FH(TPS65910_INT_MSK_, VMBHI_IT_MSK, "1 = masked"),
	FH(TPS65910_INT_MSK_, VMBDCH_IT_MSK, "1 = masked"),
	{ /* sentinel */ }
};

/* TPS65911: PWRHOLD rising at b4 and falling at b0 (tps65911_irqs[]). */
static const struct psd_pmic_field psd_f_int_sts_tps65911[] = {
	FH(INT_STS_, RTC_PERIOD_IT, "RTC periodic interrupt pending"),
	FH(INT_STS_, RTC_ALARM_IT, "RTC alarm interrupt pending"),
	FH(INT_STS_, HOTDIE_IT, "hot-die interrupt pending"),
	FH(INT_STS_, PWRHOLD_R_IT, "PWRHOLD rising interrupt pending"),
	FH(INT_STS_, PWRON_LP_IT, "PWRON long-press interrupt pending"),
	FH(INT_STS_, PWRON_IT, "PWRON interrupt pending"),
	FH(INT_STS_, VMBHI_IT, "main battery high interrupt pending"),
	FH(INT_STS_, PWRHOLD_F_IT, "PWRHOLD falling interrupt pending"),
	{ /* sentinel */ }
};

static const struct psd_pmic_field psd_f_int_msk_tps65911[] = {
	FH(INT_MSK_, RTC_PERIOD_IT_MSK, "1 = masked"),
	FH(INT_MSK_, RTC_ALARM_IT_MSK, "1 = masked"),
	FH(INT_MSK_, HOTDIE_IT_MSK, "1 = masked"),
	FH(INT_MSK_, PWRHOLD_R_IT_MSK, "1 = masked"),
	FH(INT_MSK_, PWRON_LP_IT_MSK, "1 = masked"),
	FH(INT_MSK_, PWRON_IT_MSK, "1 = masked"),
	FH(INT_MSK_, VMBHI_IT_MSK, "1 = masked"),
	FH(INT_MSK_, PWRHOLD_F_IT_MSK, "1 = masked"),
	{ /* sentinel */ }
};

/* TPS65910: GPIO0 only; the header's INT_STS2 shifts are off by one. */
static const struct psd_pmic_field psd_f_int_sts2_tps65910[] = {
	FH(TPS65910_INT_STS2_, GPIO0_F_IT,
	   "GPIO0 falling edge interrupt pending"),
	FH(TPS65910_INT_STS2_, GPIO0_R_IT,
	   "GPIO0 rising edge interrupt pending"),
	{ /* sentinel */ }
};

static const struct psd_pmic_field psd_f_int_msk2_tps65910[] = {
	FH(TPS65910_INT_MSK2_, GPIO0_F_IT_MSK, "1 = masked"),
	FH(TPS65910_INT_MSK2_, GPIO0_R_IT_MSK, "1 = masked"),
	{ /* sentinel */ }
};

static const struct psd_pmic_field psd_f_int_sts2_tps65911[] = {
	FH(INT_STS2_, GPIO3_F_IT, "GPIO3 falling: pending"),
	FH(INT_STS2_, GPIO3_R_IT, "GPIO3 rising: pending"),
	FH(INT_STS2_, GPIO2_F_IT, "GPIO2 falling: pending"),
	FH(INT_STS2_, GPIO2_R_IT, "GPIO2 rising: pending"),
	FH(INT_STS2_, GPIO1_F_IT, "GPIO1 falling: pending"),
	FH(INT_STS2_, GPIO1_R_IT, "GPIO1 rising: pending"),
	FH(INT_STS2_, GPIO0_F_IT, "GPIO0 falling: pending"),
	FH(INT_STS2_, GPIO0_R_IT, "GPIO0 rising: pending"),
	{ /* sentinel */ }
};

static const struct psd_pmic_field psd_f_int_msk2_tps65911[] = {
	FH(INT_MSK2_, GPIO3_F_IT_MSK, "GPIO3 falling: 1 = masked"),
	FH(INT_MSK2_, GPIO3_R_IT_MSK, "GPIO3 rising: 1 = masked"),
	FH(INT_MSK2_, GPIO2_F_IT_MSK, "GPIO2 falling: 1 = masked"),
	FH(INT_MSK2_, GPIO2_R_IT_MSK, "GPIO2 rising: 1 = masked"),
	FH(INT_MSK2_, GPIO1_F_IT_MSK, "GPIO1 falling: 1 = masked"),
	FH(INT_MSK2_, GPIO1_R_IT_MSK, "GPIO1 rising: 1 = masked"),
	FH(INT_MSK2_, GPIO0_F_IT_MSK, "GPIO0 falling: 1 = masked"),
	FH(INT_MSK2_, GPIO0_R_IT_MSK, "GPIO0 rising: 1 = masked"),
	{ /* sentinel */ }
};

static const struct psd_pmic_field psd_f_int_sts3[] = {
	FH(INT_STS3_, PWRDN_IT, "PWRDN interrupt pending"),
	FH(INT_STS3_, VMBCH2_L_IT, "second battery comparator low pending"),
	FH(INT_STS3_, VMBCH2_H_IT, "second battery comparator high pending"),
	FH(INT_STS3_, WTCHDG_IT, "watchdog interrupt pending"),
	FH(INT_STS3_, GPIO5_F_IT, "GPIO5 falling: pending"),
	FH(INT_STS3_, GPIO5_R_IT, "GPIO5 rising: pending"),
	FH(INT_STS3_, GPIO4_F_IT, "GPIO4 falling: pending"),
	FH(INT_STS3_, GPIO4_R_IT, "GPIO4 rising: pending"),
	{ /* sentinel */ }
};

static const struct psd_pmic_field psd_f_int_msk3[] = {
	FH(INT_MSK3_, PWRDN_IT_MSK, "1 = masked"),
	FH(INT_MSK3_, VMBCH2_L_IT_MSK, "1 = masked"),
	FH(INT_MSK3_, VMBCH2_H_IT_MSK, "1 = masked"),
	FH(INT_MSK3_, WTCHDG_IT_MSK, "1 = masked"),
	FH(INT_MSK3_, GPIO5_F_IT_MSK, "GPIO5 falling: 1 = masked"),
	FH(INT_MSK3_, GPIO5_R_IT_MSK, "GPIO5 rising: 1 = masked"),
	FH(INT_MSK3_, GPIO4_F_IT_MSK, "GPIO4 falling: 1 = masked"),
	FH(INT_MSK3_, GPIO4_R_IT_MSK, "GPIO4 rising: 1 = masked"),
	{ /* sentinel */ }
};

/* GPIO_DEB is bit 4 (GPIO_DEB_MASK); TPS65910_GPIO_DEB says BIT(2). */
static const struct psd_pmic_field psd_f_gpio[] = {
	F("GPIO_SLEEP", GPIO_SLEEP_MASK, "1 = output driven low in SLEEP"),
	F("GPIO_DEB", GPIO_DEB_MASK, "1 = 91 ms input debounce"),
	F("GPIO_PUEN", GPIO_PUEN_MASK, "1 = pull-up enabled"),
	F("GPIO_CFG", GPIO_CFG_MASK, "1 = output, 0 = input"),
	F("GPIO_STS", GPIO_STS_MASK, "input level"),
	F("GPIO_SET", GPIO_SET_MASK, "output level"),
	{ /* sentinel */ }
};

/*
 * PSD_TPS6591X_REGS(chip) defines psd_<chip>_regs[]: the register map of
 * the family in address order.  psd_f_*_<chip> is a field list whose bits
 * differ between the chips.
 */
#define PSD_TPS6591X_REGS(chip)						\
static const struct psd_pmic_reg psd_##chip##_regs[] = {		\
	R(ALARM_SECONDS, psd_f_alarm_sec),				\
	R(ALARM_MINUTES, psd_f_alarm_min),				\
	R(ALARM_HOURS, psd_f_alarm_hour),				\
	R(ALARM_DAYS, psd_f_alarm_day),					\
	R(ALARM_MONTHS, psd_f_alarm_month),				\
	R(ALARM_YEARS, psd_f_alarm_year),				\
	R(RTC_CTRL, psd_f_rtc_ctrl),					\
	R(RTC_STATUS, psd_f_rtc_status),				\
	R(RTC_INTERRUPTS, psd_f_rtc_interrupts),			\
	R(RTC_COMP_LSB, psd_f_rtc_comp_lsb),				\
	R(RTC_COMP_MSB, psd_f_rtc_comp_msb),				\
	R(RTC_RES_PROG, psd_f_rtc_res_prog),				\
	R(RTC_RESET_STATUS, psd_f_rtc_reset_status),			\
	R(BCK1, psd_f_bck),						\
	R(BCK2, psd_f_bck),						\
	R(BCK3, psd_f_bck),						\
	R(BCK4, psd_f_bck),						\
	R(BCK5, psd_f_bck),						\
	R(PUADEN, psd_f_puaden),					\
	R(REF, psd_f_ref),						\
	R(VRTC, psd_f_vrtc),						\
	RC(VIO, psd_f_vio),						\
	RC(VDD1, psd_f_vdd12),						\
	RC(VDD1_OP, psd_f_vdd_op),					\
	RC(VDD1_SR, psd_f_vdd_sr),					\
	RC(VDD2, psd_f_vdd12),						\
	RC(VDD2_OP, psd_f_vdd_op),					\
	RC(VDD2_SR, psd_f_vdd_sr),					\
	/* VDD3 on the TPS65910; 0x28-0x29 are volatile holes there. */	\
	PSD_ON_##chip##_tps65910(RC(VDD3, psd_f_vdd3))			\
	/* VDDCTRL, with OP/SR registers, on the TPS65911. */		\
	PSD_ON_##chip##_tps65911(RC11(VDDCTRL, psd_f_vddctrl))		\
	PSD_ON_##chip##_tps65911(RC11(VDDCTRL_OP, psd_f_vdd_op))	\
	PSD_ON_##chip##_tps65911(RC11(VDDCTRL_SR, psd_f_vdd_sr))	\
	/* TPS65910: VDIG1..VDAC; TPS65911: LDO1-LDO8, in its odd order. */ \
	PSD_ON_##chip##_tps65910(RC(VDIG1, psd_f_ldo))			\
	PSD_ON_##chip##_tps65911(RC11(LDO1, psd_f_ldo_wide))		\
	PSD_ON_##chip##_tps65910(RC(VDIG2, psd_f_ldo))			\
	PSD_ON_##chip##_tps65911(RC11(LDO2, psd_f_ldo_wide))		\
	PSD_ON_##chip##_tps65910(RC(VAUX1, psd_f_ldo))			\
	PSD_ON_##chip##_tps65911(RC11(LDO5, psd_f_ldo_narrow))		\
	PSD_ON_##chip##_tps65910(RC(VAUX2, psd_f_ldo))			\
	PSD_ON_##chip##_tps65911(RC11(LDO8, psd_f_ldo_narrow))		\
	PSD_ON_##chip##_tps65910(RC(VAUX33, psd_f_ldo))			\
	PSD_ON_##chip##_tps65911(RC11(LDO7, psd_f_ldo_narrow))		\
	PSD_ON_##chip##_tps65910(RC(VMMC, psd_f_ldo))			\
	PSD_ON_##chip##_tps65911(RC11(LDO6, psd_f_ldo_narrow))		\
	PSD_ON_##chip##_tps65910(RC(VPLL, psd_f_ldo))			\
	PSD_ON_##chip##_tps65911(RC11(LDO4, psd_f_ldo_wide))		\
	PSD_ON_##chip##_tps65910(RC(VDAC, psd_f_ldo))			\
	PSD_ON_##chip##_tps65911(RC11(LDO3, psd_f_ldo_narrow))		\
	R(DCDCCTRL, psd_f_dcdcctrl),					\
	R(DEVCTRL, psd_f_devctrl),					\
	R(DEVCTRL2, psd_f_devctrl2),					\
	R(SLEEP_KEEP_LDO_ON, psd_f_keep_ldo_##chip),			\
	R(SLEEP_KEEP_RES_ON, psd_f_keep_res_##chip),			\
	R(SLEEP_SET_LDO_OFF, psd_f_setoff_ldo_##chip),			\
	R(SLEEP_SET_RES_OFF, psd_f_setoff_res_##chip),			\
	R(EN1_LDO_ASS, psd_f_en1_ldo_##chip),				\
	R(EN1_SMPS_ASS, psd_f_en1_smps_##chip),				\
	R(EN2_LDO_ASS, psd_f_en2_ldo_##chip),				\
	R(EN2_SMPS_ASS, psd_f_en2_smps_##chip),				\
	/* The driver writes EN3 for the TPS65910 only. */		\
	PSD_ON_##chip##_tps65910(R(EN3_LDO_ASS, psd_f_en3_ldo_##chip))	\
	R(SPARE, psd_f_spare),						\
	/* Two interrupt pairs on the TPS65910, three on the TPS65911. */ \
	R(INT_STS, psd_f_int_sts_##chip),				\
	R(INT_MSK, psd_f_int_msk_##chip),				\
	R(INT_STS2, psd_f_int_sts2_##chip),				\
	R(INT_MSK2, psd_f_int_msk2_##chip),				\
	PSD_ON_##chip##_tps65911(R(INT_STS3, psd_f_int_sts3))		\
	PSD_ON_##chip##_tps65911(R(INT_MSK3, psd_f_int_msk3))		\
	/* GPIOs as gpio-tps65910.c counts them (ngpio): 6 and 9. */	\
	R(GPIO0, psd_f_gpio),						\
	R(GPIO1, psd_f_gpio),						\
	R(GPIO2, psd_f_gpio),						\
	R(GPIO3, psd_f_gpio),						\
	R(GPIO4, psd_f_gpio),						\
	R(GPIO5, psd_f_gpio),						\
	PSD_ON_##chip##_tps65911(R(GPIO6, psd_f_gpio))			\
	PSD_ON_##chip##_tps65911(R(GPIO7, psd_f_gpio))			\
	PSD_ON_##chip##_tps65911(R(GPIO8, psd_f_gpio))			\
}

PSD_TPS6591X_REGS(tps65910);
PSD_TPS6591X_REGS(tps65911);

/* Whole ranges: volatile ones are one bus transfer each. */
static const struct psd_pmic_range psd_tps65910_ranges[] = {
	{ 0x08, 0x1e, false },
	{ 0x20, 0x27, true },
	{ 0x30, 0x37, true },
	{ 0x3e, 0x4a, false },
	{ 0x50, 0x53, false },
	{ 0x60, 0x65, false },
};

static const struct psd_pmic_range psd_tps65911_ranges[] = {
	{ 0x08, 0x1e, false },
	{ 0x20, 0x29, true },
	{ 0x30, 0x37, true },
	{ 0x3e, 0x4a, false },
	{ 0x50, 0x55, false },
	{ 0x60, 0x68, false },
};

const struct psd_pmic_profile psd_pmic_tps65910 = {
	.chip = "tps65910",
	.regs = psd_tps65910_regs,
	.nregs = ARRAY_SIZE(psd_tps65910_regs),
	.ranges = psd_tps65910_ranges,
	.nranges = ARRAY_SIZE(psd_tps65910_ranges),
	.max_register = 0x7f,	/* JTAGVERNUM (0x80) is past it */
};

const struct psd_pmic_profile psd_pmic_tps65911 = {
	.chip = "tps65911",
	.regs = psd_tps65911_regs,
	.nregs = ARRAY_SIZE(psd_tps65911_regs),
	.ranges = psd_tps65911_ranges,
	.nranges = ARRAY_SIZE(psd_tps65911_ranges),
	.max_register = 0x7f,
};

const struct psd_pmic_profile *const psd_pmic_profiles[] = {
	&psd_pmic_tps65910,
	&psd_pmic_tps65911,
	NULL
};

/**
 * psd_pmic_profile_find() - the profile of a chip, by its i2c id name
 * @chip: the i2c client's name ("tps65910", "tps65911")
 *
 * Return: the profile, or NULL for an unknown chip.
 */
const struct psd_pmic_profile *psd_pmic_profile_find(const char *chip)
{
	unsigned int i;

	for (i = 0; psd_pmic_profiles[i]; i++)
		if (!strcmp(chip, psd_pmic_profiles[i]->chip))
			return psd_pmic_profiles[i];
	return NULL;
}

/**
 * psd_pmic_reg_index() - where a register sits in a profile
 * @prof: the profile
 * @addr: register address
 *
 * Return: its row index, or -1 when the profile does not have it.
 */
int psd_pmic_reg_index(const struct psd_pmic_profile *prof, unsigned int addr)
{
	unsigned int lo = 0, hi = prof->nregs;

	while (lo < hi) {
		unsigned int mid = (lo + hi) / 2;

		if (prof->regs[mid].addr == addr)
			return mid;
		if (prof->regs[mid].addr < addr)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

/**
 * psd_pmic_field_find() - a register's field by its mask
 * @reg: the register row
 * @mask: the field's mask
 *
 * Return: the field, or NULL.
 */
const struct psd_pmic_field *psd_pmic_field_find(const struct psd_pmic_reg *reg,
						 u8 mask)
{
	const struct psd_pmic_field *f;

	for (f = reg->fields; f->name; f++)
		if (f->mask == mask)
			return f;
	return NULL;
}
