// SPDX-License-Identifier: GPL-2.0
/*
 * Register profiles of the TPS65910 and TPS65911: every register that says
 * what the PMIC does in SLEEP, each field with its mask and meaning, and
 * the plan to read them.  Tables, not code: a register is a row.
 *
 * Sources: include/linux/mfd/tps65910.h (masks; several of its *_SHIFT
 * values disagree with their masks, so fields are decoded with masks
 * only), drivers/regulator/tps65910-regulator.c (the TPS65911 LDO bit map
 * of SLEEP_KEEP_LDO_ON, SLEEP_SET_LDO_OFF and EN*_LDO_ASS),
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
#include <linux/string.h>

#include "internal.h"

#define F(n, m, s)	{ .name = n, .mask = m, .meaning = s }
/* Field lists end with an empty sentinel row. */
#define R(a, n, f)	{ .addr = a, .name = n, .fields = f }
#define RC(a, n, f)	{ .addr = a, .name = n, .fields = f, .cached = true }

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
	F("GET_TIME", 0x40, "1 = latch the time into the time registers"),
	F("SET_32_COUNTER", 0x20, "1 = load the 32 kHz counter from COMP"),
	F("TEST_MODE", 0x10, "RTC test mode"),
	F("MODE_12_24", 0x08, "1 = 12-hour mode"),
	F("AUTO_COMP", 0x04, "1 = automatic drift compensation on"),
	F("ROUND_30S", 0x02, "1 = round the time to the closest minute"),
	F("STOP_RTC", 0x01, "0 = RTC frozen, 1 = RTC running"),
	{ /* sentinel */ }
};

static const struct psd_pmic_field psd_f_rtc_status[] = {
	F("POWER_UP", 0x80, "1 = RTC reset since last cleared"),
	F("ALARM", 0x40, "1 = alarm occurred, not yet cleared"),
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
	F("IT_ALARM", 0x08, "1 = alarm interrupt enabled"),
	F("IT_TIMER", 0x04, "1 = periodic interrupt enabled"),
	F("EVERY", 0x03, "periodic interrupt period: 0 s, 1 m, 2 h, 3 d"),
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

static const struct psd_pmic_field psd_f_bck[] = {
	F("BCKUP", 0xff, "backup byte, kept in the RTC domain"),
	{ /* sentinel */ }
};

static const struct psd_pmic_field psd_f_puaden[] = {
	F("EN3P", 0x80, "EN3 pull-down"),
	F("I2CCTLP", 0x40, "control I2C pull-up"),
	F("I2CSRP", 0x20, "SmartReflex I2C pull-up"),
	F("PWRONP", 0x10, "PWRON pull-up"),
	F("SLEEPP", 0x08, "SLEEP pin pull-down"),
	F("PWRHOLDP", 0x04, "PWRHOLD pull-down"),
	F("BOOT1P", 0x02, "BOOT1 pull-down"),
	F("BOOT0P", 0x01, "BOOT0 pull-down"),
	{ /* sentinel */ }
};

static const struct psd_pmic_field psd_f_ref[] = {
	F("VMBCH_SEL", 0x0c, "main battery comparator threshold select"),
	F("ST", 0x03, "reference state: 1 = on, 3 = low power"),
	{ /* sentinel */ }
};

static const struct psd_pmic_field psd_f_vrtc[] = {
	F("VRTC_OFFMASK", 0x08, "1 = VRTC keeps its state in OFF"),
	F("ST", 0x03, "VRTC state: 0/2 off, 1 on, 3 low power"),
	{ /* sentinel */ }
};

/* ---- DC-DC and LDO control (cached in the driver's regmap) ---- */

static const struct psd_pmic_field psd_f_vio[] = {
	F("ILMAX", 0xc0, "current limit"),
	F("SEL", 0x0c, "output voltage select"),
	F("ST", 0x03, "state: 0/2 off, 1 on, 3 on in low power"),
	{ /* sentinel */ }
};

static const struct psd_pmic_field psd_f_vdd12[] = {
	F("VGAIN_SEL", 0xc0, "output voltage gain"),
	F("ILMAX", 0x20, "current limit"),
	F("TSTEP", 0x1c, "voltage slew rate"),
	F("ST", 0x03, "state: 0/2 off, 1 on, 3 on in low power"),
	{ /* sentinel */ }
};

static const struct psd_pmic_field psd_f_vdd_op[] = {
	F("CMD", 0x80, "1 = voltage from the SR register"),
	F("SEL", 0x7f, "operating voltage select"),
	{ /* sentinel */ }
};

static const struct psd_pmic_field psd_f_vdd_sr[] = {
	F("SEL", 0x7f, "SmartReflex/sleep voltage select"),
	{ /* sentinel */ }
};

static const struct psd_pmic_field psd_f_vdd3[] = {
	F("CKINEN", 0x04, "1 = VDD3 clocked from CLK32KOUT"),
	F("ST", 0x03, "state: 0/2 off, 1 on, 3 on in low power"),
	{ /* sentinel */ }
};

static const struct psd_pmic_field psd_f_vddctrl[] = {
	F("ST", 0x03, "state: 0/2 off, 1 on, 3 on in low power"),
	{ /* sentinel */ }
};

static const struct psd_pmic_field psd_f_ldo[] = {
	F("SEL", 0x0c, "output voltage select"),
	F("ST", 0x03, "state: 0/2 off, 1 on, 3 on in low power"),
	{ /* sentinel */ }
};

/* TPS65911 LDO1/2/4 and LDO3/5/6/7/8 (tps65910-regulator.c vsel masks). */
static const struct psd_pmic_field psd_f_ldo_wide[] = {
	F("SEL", 0xfc, "output voltage select"),
	F("ST", 0x03, "state: 0/2 off, 1 on, 3 on in low power"),
	{ /* sentinel */ }
};

static const struct psd_pmic_field psd_f_ldo_narrow[] = {
	F("SEL", 0x7c, "output voltage select"),
	F("ST", 0x03, "state: 0/2 off, 1 on, 3 on in low power"),
	{ /* sentinel */ }
};

/* ---- device control ---- */

static const struct psd_pmic_field psd_f_dcdcctrl[] = {
	F("VDD2_PSKIP", 0x20, "VDD2 pulse skipping in low load"),
	F("VDD1_PSKIP", 0x10, "VDD1 pulse skipping in low load"),
	F("VIO_PSKIP", 0x08, "VIO pulse skipping in low load"),
	F("DCDCCKEXT", 0x04, "1 = DC-DC clock from external CLK input"),
	F("DCDCCKSYNC", 0x03, "DC-DC clock synchronisation/phase"),
	{ /* sentinel */ }
};

static const struct psd_pmic_field psd_f_devctrl[] = {
	F("PWR_OFF", 0x80, "1 = sequential power-off (TPS65911)"),
	F("RTC_PWDN", 0x40, "1 = RTC domain powered down"),
	F("CK32K_CTRL", 0x20, "32 kHz source: 0 = crystal, 1 = internal RC"),
	F("SR_CTL_I2C_SEL", 0x10, "1 = VDD1/VDD2 voltage from control I2C"),
	F("DEV_OFF_RST", 0x08, "write 1: OFF with reset"),
	F("DEV_ON", 0x04, "1 = stay ACTIVE whatever the inputs"),
	F("DEV_SLP", 0x02, "1 = SLEEP state allowed (SLEEP pin/EN)"),
	F("DEV_OFF", 0x01, "write 1: go to OFF"),
	{ /* sentinel */ }
};

static const struct psd_pmic_field psd_f_devctrl2[] = {
	F("TSLOT_LENGTH", 0x30, "power sequence time slot length"),
	F("SLEEPSIG_POL", 0x08, "SLEEP pin polarity: 1 = active high"),
	F("PWON_LP_OFF", 0x04, "1 = PWRON long press turns off"),
	F("PWON_LP_RST", 0x02, "1 = PWRON long press resets"),
	F("IT_POL", 0x01, "INT pin polarity: 1 = active high"),
	{ /* sentinel */ }
};

/* TPS65910 LDO bits: VMMC=b0 VDIG1=b1 VDIG2=b2 VAUX1=b3 ... VDAC=b7. */
static const struct psd_pmic_field psd_f_keep_ldo_65910[] = {
	F("VDAC_KEEPON", 0x80, "VDAC: 1 = keep its ACTIVE state in SLEEP"),
	F("VPLL_KEEPON", 0x40, "VPLL: 1 = keep its ACTIVE state in SLEEP"),
	F("VAUX33_KEEPON", 0x20, "VAUX33: 1 = keep its ACTIVE state in SLEEP"),
	F("VAUX2_KEEPON", 0x10, "VAUX2: 1 = keep its ACTIVE state in SLEEP"),
	F("VAUX1_KEEPON", 0x08, "VAUX1: 1 = keep its ACTIVE state in SLEEP"),
	F("VDIG2_KEEPON", 0x04, "VDIG2: 1 = keep its ACTIVE state in SLEEP"),
	F("VDIG1_KEEPON", 0x02, "VDIG1: 1 = keep its ACTIVE state in SLEEP"),
	F("VMMC_KEEPON", 0x01, "VMMC: 1 = keep its ACTIVE state in SLEEP"),
	{ /* sentinel */ }
};

/* TPS65911 (tps65911_ext_sleep_control[]): LDO6=b0 LDO1=b1 LDO2=b2 LDO5=b3
 * LDO8=b4 LDO7=b5 LDO4=b6 LDO3=b7.
 */
static const struct psd_pmic_field psd_f_keep_ldo_65911[] = {
	F("LDO3_KEEPON", 0x80, "LDO3: 1 = keep its ACTIVE state in SLEEP"),
	F("LDO4_KEEPON", 0x40, "LDO4: 1 = keep its ACTIVE state in SLEEP"),
	F("LDO7_KEEPON", 0x20, "LDO7: 1 = keep its ACTIVE state in SLEEP"),
	F("LDO8_KEEPON", 0x10, "LDO8: 1 = keep its ACTIVE state in SLEEP"),
	F("LDO5_KEEPON", 0x08, "LDO5: 1 = keep its ACTIVE state in SLEEP"),
	F("LDO2_KEEPON", 0x04, "LDO2: 1 = keep its ACTIVE state in SLEEP"),
	F("LDO1_KEEPON", 0x02, "LDO1: 1 = keep its ACTIVE state in SLEEP"),
	F("LDO6_KEEPON", 0x01, "LDO6: 1 = keep its ACTIVE state in SLEEP"),
	{ /* sentinel */ }
};

static const struct psd_pmic_field psd_f_setoff_ldo_65910[] = {
	F("VDAC_SETOFF", 0x80, "VDAC: 1 = off in SLEEP"),
	F("VPLL_SETOFF", 0x40, "VPLL: 1 = off in SLEEP"),
	F("VAUX33_SETOFF", 0x20, "VAUX33: 1 = off in SLEEP"),
	F("VAUX2_SETOFF", 0x10, "VAUX2: 1 = off in SLEEP"),
	F("VAUX1_SETOFF", 0x08, "VAUX1: 1 = off in SLEEP"),
	F("VDIG2_SETOFF", 0x04, "VDIG2: 1 = off in SLEEP"),
	F("VDIG1_SETOFF", 0x02, "VDIG1: 1 = off in SLEEP"),
	F("VMMC_SETOFF", 0x01, "VMMC: 1 = off in SLEEP"),
	{ /* sentinel */ }
};

static const struct psd_pmic_field psd_f_setoff_ldo_65911[] = {
	F("LDO3_SETOFF", 0x80, "LDO3: 1 = off in SLEEP"),
	F("LDO4_SETOFF", 0x40, "LDO4: 1 = off in SLEEP"),
	F("LDO7_SETOFF", 0x20, "LDO7: 1 = off in SLEEP"),
	F("LDO8_SETOFF", 0x10, "LDO8: 1 = off in SLEEP"),
	F("LDO5_SETOFF", 0x08, "LDO5: 1 = off in SLEEP"),
	F("LDO2_SETOFF", 0x04, "LDO2: 1 = off in SLEEP"),
	F("LDO1_SETOFF", 0x02, "LDO1: 1 = off in SLEEP"),
	F("LDO6_SETOFF", 0x01, "LDO6: 1 = off in SLEEP"),
	{ /* sentinel */ }
};

static const struct psd_pmic_field psd_f_en1_ldo_65910[] = {
	F("VDAC_EN1", 0x80, "VDAC: 1 = controlled by the EN1 input"),
	F("VPLL_EN1", 0x40, "VPLL: 1 = controlled by the EN1 input"),
	F("VAUX33_EN1", 0x20, "VAUX33: 1 = controlled by the EN1 input"),
	F("VAUX2_EN1", 0x10, "VAUX2: 1 = controlled by the EN1 input"),
	F("VAUX1_EN1", 0x08, "VAUX1: 1 = controlled by the EN1 input"),
	F("VDIG2_EN1", 0x04, "VDIG2: 1 = controlled by the EN1 input"),
	F("VDIG1_EN1", 0x02, "VDIG1: 1 = controlled by the EN1 input"),
	F("VMMC_EN1", 0x01, "VMMC: 1 = controlled by the EN1 input"),
	{ /* sentinel */ }
};

static const struct psd_pmic_field psd_f_en1_ldo_65911[] = {
	F("LDO3_EN1", 0x80, "LDO3: 1 = controlled by the EN1 input"),
	F("LDO4_EN1", 0x40, "LDO4: 1 = controlled by the EN1 input"),
	F("LDO7_EN1", 0x20, "LDO7: 1 = controlled by the EN1 input"),
	F("LDO8_EN1", 0x10, "LDO8: 1 = controlled by the EN1 input"),
	F("LDO5_EN1", 0x08, "LDO5: 1 = controlled by the EN1 input"),
	F("LDO2_EN1", 0x04, "LDO2: 1 = controlled by the EN1 input"),
	F("LDO1_EN1", 0x02, "LDO1: 1 = controlled by the EN1 input"),
	F("LDO6_EN1", 0x01, "LDO6: 1 = controlled by the EN1 input"),
	{ /* sentinel */ }
};

static const struct psd_pmic_field psd_f_en2_ldo_65910[] = {
	F("VDAC_EN2", 0x80, "VDAC: 1 = controlled by the EN2 input"),
	F("VPLL_EN2", 0x40, "VPLL: 1 = controlled by the EN2 input"),
	F("VAUX33_EN2", 0x20, "VAUX33: 1 = controlled by the EN2 input"),
	F("VAUX2_EN2", 0x10, "VAUX2: 1 = controlled by the EN2 input"),
	F("VAUX1_EN2", 0x08, "VAUX1: 1 = controlled by the EN2 input"),
	F("VDIG2_EN2", 0x04, "VDIG2: 1 = controlled by the EN2 input"),
	F("VDIG1_EN2", 0x02, "VDIG1: 1 = controlled by the EN2 input"),
	F("VMMC_EN2", 0x01, "VMMC: 1 = controlled by the EN2 input"),
	{ /* sentinel */ }
};

static const struct psd_pmic_field psd_f_en2_ldo_65911[] = {
	F("LDO3_EN2", 0x80, "LDO3: 1 = controlled by the EN2 input"),
	F("LDO4_EN2", 0x40, "LDO4: 1 = controlled by the EN2 input"),
	F("LDO7_EN2", 0x20, "LDO7: 1 = controlled by the EN2 input"),
	F("LDO8_EN2", 0x10, "LDO8: 1 = controlled by the EN2 input"),
	F("LDO5_EN2", 0x08, "LDO5: 1 = controlled by the EN2 input"),
	F("LDO2_EN2", 0x04, "LDO2: 1 = controlled by the EN2 input"),
	F("LDO1_EN2", 0x02, "LDO1: 1 = controlled by the EN2 input"),
	F("LDO6_EN2", 0x01, "LDO6: 1 = controlled by the EN2 input"),
	{ /* sentinel */ }
};

static const struct psd_pmic_field psd_f_en3_ldo_65910[] = {
	F("VDAC_EN3", 0x80, "VDAC: 1 = controlled by the EN3 input"),
	F("VPLL_EN3", 0x40, "VPLL: 1 = controlled by the EN3 input"),
	F("VAUX33_EN3", 0x20, "VAUX33: 1 = controlled by the EN3 input"),
	F("VAUX2_EN3", 0x10, "VAUX2: 1 = controlled by the EN3 input"),
	F("VAUX1_EN3", 0x08, "VAUX1: 1 = controlled by the EN3 input"),
	F("VDIG2_EN3", 0x04, "VDIG2: 1 = controlled by the EN3 input"),
	F("VDIG1_EN3", 0x02, "VDIG1: 1 = controlled by the EN3 input"),
	F("VMMC_EN3", 0x01, "VMMC: 1 = controlled by the EN3 input"),
	{ /* sentinel */ }
};

static const struct psd_pmic_field psd_f_keep_res_65910[] = {
	F("THERM_KEEPON", 0x80, "1 = thermal monitoring on in SLEEP"),
	F("CLKOUT32K_KEEPON", 0x40, "1 = 32 kHz clock output on in SLEEP"),
	F("VRTC_KEEPON", 0x20, "0 = VRTC in low-power mode in SLEEP"),
	F("I2CHS_KEEPON", 0x10, "1 = internal high-speed clock on in SLEEP"),
	F("VDD3_KEEPON", 0x08, "VDD3: 1 = keep its ACTIVE state in SLEEP"),
	F("VDD2_KEEPON", 0x04, "VDD2: 1 = keep its ACTIVE state in SLEEP"),
	F("VDD1_KEEPON", 0x02, "VDD1: 1 = keep its ACTIVE state in SLEEP"),
	F("VIO_KEEPON", 0x01, "VIO: 1 = keep its ACTIVE state in SLEEP"),
	{ /* sentinel */ }
};

/* TPS65911: bit 3 is VDDCTRL (tps65911_ext_sleep_control[]). */
static const struct psd_pmic_field psd_f_keep_res_65911[] = {
	F("THERM_KEEPON", 0x80, "1 = thermal monitoring on in SLEEP"),
	F("CLKOUT32K_KEEPON", 0x40, "1 = 32 kHz clock output on in SLEEP"),
	F("VRTC_KEEPON", 0x20, "0 = VRTC in low-power mode in SLEEP"),
	F("I2CHS_KEEPON", 0x10, "1 = internal high-speed clock on in SLEEP"),
	F("VDDCTRL_KEEPON", 0x08, "VDDCTRL: 1 = keep its ACTIVE state in SLEEP"),
	F("VDD2_KEEPON", 0x04, "VDD2: 1 = keep its ACTIVE state in SLEEP"),
	F("VDD1_KEEPON", 0x02, "VDD1: 1 = keep its ACTIVE state in SLEEP"),
	F("VIO_KEEPON", 0x01, "VIO: 1 = keep its ACTIVE state in SLEEP"),
	{ /* sentinel */ }
};

static const struct psd_pmic_field psd_f_setoff_res_65910[] = {
	F("DEFAULT_VOLT", 0x80, "1 = default voltages restored on wake"),
	F("SPARE_SETOFF", 0x10, "spare resource: 1 = off in SLEEP"),
	F("VDD3_SETOFF", 0x08, "VDD3: 1 = off in SLEEP"),
	F("VDD2_SETOFF", 0x04, "VDD2: 1 = off in SLEEP"),
	F("VDD1_SETOFF", 0x02, "VDD1: 1 = off in SLEEP"),
	F("VIO_SETOFF", 0x01, "VIO: 1 = off in SLEEP"),
	{ /* sentinel */ }
};

static const struct psd_pmic_field psd_f_setoff_res_65911[] = {
	F("DEFAULT_VOLT", 0x80, "1 = default voltages restored on wake"),
	F("SPARE_SETOFF", 0x10, "spare resource: 1 = off in SLEEP"),
	F("VDDCTRL_SETOFF", 0x08, "VDDCTRL: 1 = off in SLEEP"),
	F("VDD2_SETOFF", 0x04, "VDD2: 1 = off in SLEEP"),
	F("VDD1_SETOFF", 0x02, "VDD1: 1 = off in SLEEP"),
	F("VIO_SETOFF", 0x01, "VIO: 1 = off in SLEEP"),
	{ /* sentinel */ }
};

static const struct psd_pmic_field psd_f_en1_smps_65910[] = {
	F("SPARE_EN1", 0x10, "spare resource: 1 = controlled by the EN1 input"),
	F("VDD3_EN1", 0x08, "VDD3: 1 = controlled by the EN1 input"),
	F("VDD2_EN1", 0x04, "VDD2: 1 = controlled by the EN1 input"),
	F("VDD1_EN1", 0x02, "VDD1: 1 = controlled by the EN1 input"),
	F("VIO_EN1", 0x01, "VIO: 1 = controlled by the EN1 input"),
	{ /* sentinel */ }
};

static const struct psd_pmic_field psd_f_en1_smps_65911[] = {
	F("SPARE_EN1", 0x10, "spare resource: 1 = controlled by the EN1 input"),
	F("VDDCTRL_EN1", 0x08, "VDDCTRL: 1 = controlled by the EN1 input"),
	F("VDD2_EN1", 0x04, "VDD2: 1 = controlled by the EN1 input"),
	F("VDD1_EN1", 0x02, "VDD1: 1 = controlled by the EN1 input"),
	F("VIO_EN1", 0x01, "VIO: 1 = controlled by the EN1 input"),
	{ /* sentinel */ }
};

static const struct psd_pmic_field psd_f_en2_smps_65910[] = {
	F("SPARE_EN2", 0x10, "spare resource: 1 = controlled by the EN2 input"),
	F("VDD3_EN2", 0x08, "VDD3: 1 = controlled by the EN2 input"),
	F("VDD2_EN2", 0x04, "VDD2: 1 = controlled by the EN2 input"),
	F("VDD1_EN2", 0x02, "VDD1: 1 = controlled by the EN2 input"),
	F("VIO_EN2", 0x01, "VIO: 1 = controlled by the EN2 input"),
	{ /* sentinel */ }
};

static const struct psd_pmic_field psd_f_en2_smps_65911[] = {
	F("SPARE_EN2", 0x10, "spare resource: 1 = controlled by the EN2 input"),
	F("VDDCTRL_EN2", 0x08, "VDDCTRL: 1 = controlled by the EN2 input"),
	F("VDD2_EN2", 0x04, "VDD2: 1 = controlled by the EN2 input"),
	F("VDD1_EN2", 0x02, "VDD1: 1 = controlled by the EN2 input"),
	F("VIO_EN2", 0x01, "VIO: 1 = controlled by the EN2 input"),
	{ /* sentinel */ }
};

static const struct psd_pmic_field psd_f_spare[] = {
	F("SPARE", 0xff, "spare bits"),
	{ /* sentinel */ }
};

/* ---- interrupts: decoded with the masks (the header's shifts lie) ---- */

static const struct psd_pmic_field psd_f_int_sts_65910[] = {
	F("RTC_PERIOD_IT", 0x80, "RTC periodic interrupt pending"),
	F("RTC_ALARM_IT", 0x40, "RTC alarm interrupt pending"),
	F("HOTDIE_IT", 0x20, "hot-die interrupt pending"),
	F("PWRHOLD_IT", 0x10, "PWRHOLD interrupt pending"),
	F("PWRON_LP_IT", 0x08, "PWRON long-press interrupt pending"),
	F("PWRON_IT", 0x04, "PWRON interrupt pending"),
	F("VMBHI_IT", 0x02, "main battery high interrupt pending"),
	F("VMBDCH_IT", 0x01, "main battery discharge interrupt pending"),
	{ /* sentinel */ }
};

static const struct psd_pmic_field psd_f_int_msk_65910[] = {
	F("RTC_PERIOD_IT_MSK", 0x80, "1 = masked"),
	F("RTC_ALARM_IT_MSK", 0x40, "1 = masked"),
	F("HOTDIE_IT_MSK", 0x20, "1 = masked"),
	F("PWRHOLD_IT_MSK", 0x10, "1 = masked"),
	F("PWRON_LP_IT_MSK", 0x08, "1 = masked"),
	F("PWRON_IT_MSK", 0x04, "1 = masked"),
	F("VMBHI_IT_MSK", 0x02, "1 = masked"),
	F("VMBDCH_IT_MSK", 0x01, "1 = masked"),
	{ /* sentinel */ }
};

/* TPS65911: PWRHOLD rising at b4 and falling at b0 (tps65911_irqs[]). */
static const struct psd_pmic_field psd_f_int_sts_65911[] = {
	F("RTC_PERIOD_IT", 0x80, "RTC periodic interrupt pending"),
	F("RTC_ALARM_IT", 0x40, "RTC alarm interrupt pending"),
	F("HOTDIE_IT", 0x20, "hot-die interrupt pending"),
	F("PWRHOLD_R_IT", 0x10, "PWRHOLD rising interrupt pending"),
	F("PWRON_LP_IT", 0x08, "PWRON long-press interrupt pending"),
	F("PWRON_IT", 0x04, "PWRON interrupt pending"),
	F("VMBHI_IT", 0x02, "main battery high interrupt pending"),
	F("PWRHOLD_F_IT", 0x01, "PWRHOLD falling interrupt pending"),
	{ /* sentinel */ }
};

static const struct psd_pmic_field psd_f_int_msk_65911[] = {
	F("RTC_PERIOD_IT_MSK", 0x80, "1 = masked"),
	F("RTC_ALARM_IT_MSK", 0x40, "1 = masked"),
	F("HOTDIE_IT_MSK", 0x20, "1 = masked"),
	F("PWRHOLD_R_IT_MSK", 0x10, "1 = masked"),
	F("PWRON_LP_IT_MSK", 0x08, "1 = masked"),
	F("PWRON_IT_MSK", 0x04, "1 = masked"),
	F("VMBHI_IT_MSK", 0x02, "1 = masked"),
	F("PWRHOLD_F_IT_MSK", 0x01, "1 = masked"),
	{ /* sentinel */ }
};

/* TPS65910: GPIO0 only; the header's TPS65910_INT_STS2 shifts are off by one. */
static const struct psd_pmic_field psd_f_int_sts2_65910[] = {
	F("GPIO0_F_IT", 0x02, "GPIO0 falling edge interrupt pending"),
	F("GPIO0_R_IT", 0x01, "GPIO0 rising edge interrupt pending"),
	{ /* sentinel */ }
};

static const struct psd_pmic_field psd_f_int_msk2_65910[] = {
	F("GPIO0_F_IT_MSK", 0x02, "1 = masked"),
	F("GPIO0_R_IT_MSK", 0x01, "1 = masked"),
	{ /* sentinel */ }
};

static const struct psd_pmic_field psd_f_int_sts2_65911[] = {
	F("GPIO3_F_IT", 0x80, "GPIO3 falling: pending"),
	F("GPIO3_R_IT", 0x40, "GPIO3 rising: pending"),
	F("GPIO2_F_IT", 0x20, "GPIO2 falling: pending"),
	F("GPIO2_R_IT", 0x10, "GPIO2 rising: pending"),
	F("GPIO1_F_IT", 0x08, "GPIO1 falling: pending"),
	F("GPIO1_R_IT", 0x04, "GPIO1 rising: pending"),
	F("GPIO0_F_IT", 0x02, "GPIO0 falling: pending"),
	F("GPIO0_R_IT", 0x01, "GPIO0 rising: pending"),
	{ /* sentinel */ }
};

static const struct psd_pmic_field psd_f_int_msk2_65911[] = {
	F("GPIO3_F_IT_MSK", 0x80, "GPIO3 falling: 1 = masked"),
	F("GPIO3_R_IT_MSK", 0x40, "GPIO3 rising: 1 = masked"),
	F("GPIO2_F_IT_MSK", 0x20, "GPIO2 falling: 1 = masked"),
	F("GPIO2_R_IT_MSK", 0x10, "GPIO2 rising: 1 = masked"),
	F("GPIO1_F_IT_MSK", 0x08, "GPIO1 falling: 1 = masked"),
	F("GPIO1_R_IT_MSK", 0x04, "GPIO1 rising: 1 = masked"),
	F("GPIO0_F_IT_MSK", 0x02, "GPIO0 falling: 1 = masked"),
	F("GPIO0_R_IT_MSK", 0x01, "GPIO0 rising: 1 = masked"),
	{ /* sentinel */ }
};

static const struct psd_pmic_field psd_f_int_sts3_65911[] = {
	F("PWRDN_IT", 0x80, "PWRDN interrupt pending"),
	F("VMBCH2_L_IT", 0x40, "second battery comparator low pending"),
	F("VMBCH2_H_IT", 0x20, "second battery comparator high pending"),
	F("WTCHDG_IT", 0x10, "watchdog interrupt pending"),
	F("GPIO5_F_IT", 0x08, "GPIO5 falling: pending"),
	F("GPIO5_R_IT", 0x04, "GPIO5 rising: pending"),
	F("GPIO4_F_IT", 0x02, "GPIO4 falling: pending"),
	F("GPIO4_R_IT", 0x01, "GPIO4 rising: pending"),
	{ /* sentinel */ }
};

static const struct psd_pmic_field psd_f_int_msk3_65911[] = {
	F("PWRDN_IT_MSK", 0x80, "1 = masked"),
	F("VMBCH2_L_IT_MSK", 0x40, "1 = masked"),
	F("VMBCH2_H_IT_MSK", 0x20, "1 = masked"),
	F("WTCHDG_IT_MSK", 0x10, "1 = masked"),
	F("GPIO5_F_IT_MSK", 0x08, "GPIO5 falling: 1 = masked"),
	F("GPIO5_R_IT_MSK", 0x04, "GPIO5 rising: 1 = masked"),
	F("GPIO4_F_IT_MSK", 0x02, "GPIO4 falling: 1 = masked"),
	F("GPIO4_R_IT_MSK", 0x01, "GPIO4 rising: 1 = masked"),
	{ /* sentinel */ }
};

/* GPIO_DEB is bit 4 (GPIO_DEB_MASK); TPS65910_GPIO_DEB says BIT(2). */
static const struct psd_pmic_field psd_f_gpio[] = {
	F("GPIO_SLEEP", 0x80, "1 = output driven low in SLEEP"),
	F("GPIO_DEB", 0x10, "1 = 91 ms input debounce"),
	F("GPIO_PUEN", 0x08, "1 = pull-up enabled"),
	F("GPIO_CFG", 0x04, "1 = output, 0 = input"),
	F("GPIO_STS", 0x02, "input level"),
	F("GPIO_SET", 0x01, "output level"),
	{ /* sentinel */ }
};

static const struct psd_pmic_reg psd_tps65910_regs[] = {
	R(0x08, "ALARM_SECONDS", psd_f_alarm_sec),
	R(0x09, "ALARM_MINUTES", psd_f_alarm_min),
	R(0x0a, "ALARM_HOURS", psd_f_alarm_hour),
	R(0x0b, "ALARM_DAYS", psd_f_alarm_day),
	R(0x0c, "ALARM_MONTHS", psd_f_alarm_month),
	R(0x0d, "ALARM_YEARS", psd_f_alarm_year),
	R(0x10, "RTC_CTRL", psd_f_rtc_ctrl),
	R(0x11, "RTC_STATUS", psd_f_rtc_status),
	R(0x12, "RTC_INTERRUPTS", psd_f_rtc_interrupts),
	R(0x13, "RTC_COMP_LSB", psd_f_rtc_comp_lsb),
	R(0x14, "RTC_COMP_MSB", psd_f_rtc_comp_msb),
	R(0x15, "RTC_RES_PROG", psd_f_rtc_res_prog),
	R(0x16, "RTC_RESET_STATUS", psd_f_rtc_reset_status),
	R(0x17, "BCK1", psd_f_bck),
	R(0x18, "BCK2", psd_f_bck),
	R(0x19, "BCK3", psd_f_bck),
	R(0x1a, "BCK4", psd_f_bck),
	R(0x1b, "BCK5", psd_f_bck),
	R(0x1c, "PUADEN", psd_f_puaden),
	R(0x1d, "REF", psd_f_ref),
	R(0x1e, "VRTC", psd_f_vrtc),
	RC(0x20, "VIO", psd_f_vio),
	RC(0x21, "VDD1", psd_f_vdd12),
	RC(0x22, "VDD1_OP", psd_f_vdd_op),
	RC(0x23, "VDD1_SR", psd_f_vdd_sr),
	RC(0x24, "VDD2", psd_f_vdd12),
	RC(0x25, "VDD2_OP", psd_f_vdd_op),
	RC(0x26, "VDD2_SR", psd_f_vdd_sr),
	RC(0x27, "VDD3", psd_f_vdd3),
	/* 0x28-0x29 do not exist on the TPS65910 (volatile in its regmap). */
	RC(0x30, "VDIG1", psd_f_ldo),
	RC(0x31, "VDIG2", psd_f_ldo),
	RC(0x32, "VAUX1", psd_f_ldo),
	RC(0x33, "VAUX2", psd_f_ldo),
	RC(0x34, "VAUX33", psd_f_ldo),
	RC(0x35, "VMMC", psd_f_ldo),
	RC(0x36, "VPLL", psd_f_ldo),
	RC(0x37, "VDAC", psd_f_ldo),
	R(0x3e, "DCDCCTRL", psd_f_dcdcctrl),
	R(0x3f, "DEVCTRL", psd_f_devctrl),
	R(0x40, "DEVCTRL2", psd_f_devctrl2),
	R(0x41, "SLEEP_KEEP_LDO_ON", psd_f_keep_ldo_65910),
	R(0x42, "SLEEP_KEEP_RES_ON", psd_f_keep_res_65910),
	R(0x43, "SLEEP_SET_LDO_OFF", psd_f_setoff_ldo_65910),
	R(0x44, "SLEEP_SET_RES_OFF", psd_f_setoff_res_65910),
	R(0x45, "EN1_LDO_ASS", psd_f_en1_ldo_65910),
	R(0x46, "EN1_SMPS_ASS", psd_f_en1_smps_65910),
	R(0x47, "EN2_LDO_ASS", psd_f_en2_ldo_65910),
	R(0x48, "EN2_SMPS_ASS", psd_f_en2_smps_65910),
	R(0x49, "EN3_LDO_ASS", psd_f_en3_ldo_65910),
	R(0x4a, "SPARE", psd_f_spare),
	/* Two interrupt pairs on the TPS65910. */
	R(0x50, "INT_STS", psd_f_int_sts_65910),
	R(0x51, "INT_MSK", psd_f_int_msk_65910),
	R(0x52, "INT_STS2", psd_f_int_sts2_65910),
	R(0x53, "INT_MSK2", psd_f_int_msk2_65910),
	/* Six GPIO registers as gpio-tps65910.c counts them (ngpio). */
	R(0x60, "GPIO0", psd_f_gpio),
	R(0x61, "GPIO1", psd_f_gpio),
	R(0x62, "GPIO2", psd_f_gpio),
	R(0x63, "GPIO3", psd_f_gpio),
	R(0x64, "GPIO4", psd_f_gpio),
	R(0x65, "GPIO5", psd_f_gpio),
};

static const struct psd_pmic_reg psd_tps65911_regs[] = {
	R(0x08, "ALARM_SECONDS", psd_f_alarm_sec),
	R(0x09, "ALARM_MINUTES", psd_f_alarm_min),
	R(0x0a, "ALARM_HOURS", psd_f_alarm_hour),
	R(0x0b, "ALARM_DAYS", psd_f_alarm_day),
	R(0x0c, "ALARM_MONTHS", psd_f_alarm_month),
	R(0x0d, "ALARM_YEARS", psd_f_alarm_year),
	R(0x10, "RTC_CTRL", psd_f_rtc_ctrl),
	R(0x11, "RTC_STATUS", psd_f_rtc_status),
	R(0x12, "RTC_INTERRUPTS", psd_f_rtc_interrupts),
	R(0x13, "RTC_COMP_LSB", psd_f_rtc_comp_lsb),
	R(0x14, "RTC_COMP_MSB", psd_f_rtc_comp_msb),
	R(0x15, "RTC_RES_PROG", psd_f_rtc_res_prog),
	R(0x16, "RTC_RESET_STATUS", psd_f_rtc_reset_status),
	R(0x17, "BCK1", psd_f_bck),
	R(0x18, "BCK2", psd_f_bck),
	R(0x19, "BCK3", psd_f_bck),
	R(0x1a, "BCK4", psd_f_bck),
	R(0x1b, "BCK5", psd_f_bck),
	R(0x1c, "PUADEN", psd_f_puaden),
	R(0x1d, "REF", psd_f_ref),
	R(0x1e, "VRTC", psd_f_vrtc),
	RC(0x20, "VIO", psd_f_vio),
	RC(0x21, "VDD1", psd_f_vdd12),
	RC(0x22, "VDD1_OP", psd_f_vdd_op),
	RC(0x23, "VDD1_SR", psd_f_vdd_sr),
	RC(0x24, "VDD2", psd_f_vdd12),
	RC(0x25, "VDD2_OP", psd_f_vdd_op),
	RC(0x26, "VDD2_SR", psd_f_vdd_sr),
	/* TPS65911: VDDCTRL replaces VDD3, with OP/SR registers. */
	RC(0x27, "VDDCTRL", psd_f_vddctrl),
	RC(0x28, "VDDCTRL_OP", psd_f_vdd_op),
	RC(0x29, "VDDCTRL_SR", psd_f_vdd_sr),
	/* TPS65911: LDO1-LDO8 replace VDIG1..VDAC, in this odd order. */
	RC(0x30, "LDO1", psd_f_ldo_wide),
	RC(0x31, "LDO2", psd_f_ldo_wide),
	RC(0x32, "LDO5", psd_f_ldo_narrow),
	RC(0x33, "LDO8", psd_f_ldo_narrow),
	RC(0x34, "LDO7", psd_f_ldo_narrow),
	RC(0x35, "LDO6", psd_f_ldo_narrow),
	RC(0x36, "LDO4", psd_f_ldo_wide),
	RC(0x37, "LDO3", psd_f_ldo_narrow),
	R(0x3e, "DCDCCTRL", psd_f_dcdcctrl),
	R(0x3f, "DEVCTRL", psd_f_devctrl),
	R(0x40, "DEVCTRL2", psd_f_devctrl2),
	R(0x41, "SLEEP_KEEP_LDO_ON", psd_f_keep_ldo_65911),
	R(0x42, "SLEEP_KEEP_RES_ON", psd_f_keep_res_65911),
	R(0x43, "SLEEP_SET_LDO_OFF", psd_f_setoff_ldo_65911),
	R(0x44, "SLEEP_SET_RES_OFF", psd_f_setoff_res_65911),
	R(0x45, "EN1_LDO_ASS", psd_f_en1_ldo_65911),
	R(0x46, "EN1_SMPS_ASS", psd_f_en1_smps_65911),
	R(0x47, "EN2_LDO_ASS", psd_f_en2_ldo_65911),
	R(0x48, "EN2_SMPS_ASS", psd_f_en2_smps_65911),
	/* No EN3 on the TPS65911 (the driver writes EN3 for TPS65910 only). */
	R(0x4a, "SPARE", psd_f_spare),
	/* Three interrupt pairs on the TPS65911. */
	R(0x50, "INT_STS", psd_f_int_sts_65911),
	R(0x51, "INT_MSK", psd_f_int_msk_65911),
	R(0x52, "INT_STS2", psd_f_int_sts2_65911),
	R(0x53, "INT_MSK2", psd_f_int_msk2_65911),
	R(0x54, "INT_STS3", psd_f_int_sts3_65911),
	R(0x55, "INT_MSK3", psd_f_int_msk3_65911),
	R(0x60, "GPIO0", psd_f_gpio),
	R(0x61, "GPIO1", psd_f_gpio),
	R(0x62, "GPIO2", psd_f_gpio),
	R(0x63, "GPIO3", psd_f_gpio),
	R(0x64, "GPIO4", psd_f_gpio),
	R(0x65, "GPIO5", psd_f_gpio),
	R(0x66, "GPIO6", psd_f_gpio),
	R(0x67, "GPIO7", psd_f_gpio),
	R(0x68, "GPIO8", psd_f_gpio),
};

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
