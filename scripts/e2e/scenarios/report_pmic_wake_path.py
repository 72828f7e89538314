# SPDX-License-Identifier: GPL-2.0
"""report, risky PMIC configuration on the wake path: the healthy preload
of pmic_healthy.py plus the RTC alarm interrupt enabled (RTC_INTERRUPTS
0x12:0x08) but masked in INT_MSK (0x51:0x40), and an unmasked PWRON
interrupt pending (INT_STS 0x50:0x04).  The RTC itself is fine, so the
verdict is pmic_wake_path uses="pmic pmic_wake held_irq alarm", detail
naming rtc_alarm_masked and int_pending; the pmic= line lists both in
warn=.

hrtimer_late_us is raised to 1 s first: on this TCG target timer expiries
after resume are often > 1 ms late (emulation, not a module property)."""

from helpers import report_lib

REGS = ('0x10:0x01,0x3f:0x02,0x42:0x70,0x17:0x11,0x21:0x05,'
        '0x12:0x08,0x51:0x40,0x50:0x04')

GUEST = report_lib.tps_guest(REGS, 1, ['summary', 'anomalies', 'pmic/lint'])

WARN = ['rtc_alarm_masked', 'int_pending']


def check(run):
    c = report_lib.last(run, 'pmic_wake_path', n=1)
    report_lib.resumed(run, c)
    p = c.one('pmic')
    run.expect_eq('pmic= chip phase err warn',
                  ('tps65910', 'suspend_late', '0', ' '.join(WARN)),
                  (p['pmic'], p['phase'], p['err'], p['warn']))
    run.expect_eq('report.json pmic.warn', WARN, c.obj['pmic']['warn'])
    c.detail_has(','.join(WARN) + " hold on tps65910's suspend_late "
                 'snapshot', 'wake interrupt path')
    run.expect_eq('also=', '', c.verdict['also'])
    a = c.anomaly('PMIC_CONFIG_RISK')
    run.expect_eq('anomaly=PMIC_CONFIG_RISK count (one per warn rule)',
                  str(len(WARN)), a['count'])
