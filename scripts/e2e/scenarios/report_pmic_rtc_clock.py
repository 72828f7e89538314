# SPDX-License-Identifier: GPL-2.0
"""report, risky PMIC configuration for the RTC: the healthy preload of
pmic_healthy.py but with DEVCTRL.RTC_PWDN=1 (0x3f:0x42) and the RTC
stopped (RTC_CTRL 0x10:0x00).  Two cycles: PMIC_CONFIG_RISK is raised in
cycle 1 only (nothing new in cycle 2), yet both cycles' verdict is
pmic_rtc_clock uses="pmic pmic_wake alarm" from the suspend_late
snapshot's lint, detail naming rtc_pwdn and rtc_stopped; the pmic= line
lists them in warn=.

hrtimer_late_us is raised to 1 s first: on this TCG target timer expiries
after resume are often > 1 ms late (emulation, not a module property)."""

from helpers import report_lib

REGS = '0x10:0x00,0x3f:0x42,0x42:0x70,0x17:0x11,0x21:0x05'

GUEST = report_lib.tps_guest(REGS, 2, ['summary', 'anomalies', 'pmic/lint'])

WARN = ['rtc_pwdn', 'rtc_stopped']


def check(run):
    cs = report_lib.judged(run, 'pmic_rtc_clock', 'pmic_rtc_clock')
    for c in cs:
        report_lib.resumed(run, c)
        p = c.one('pmic')
        run.expect_eq('cycle %d pmic= chip phase err warn' % c.cycle,
                      ('tps65910', 'suspend_late', '0', ' '.join(WARN)),
                      (p['pmic'], p['phase'], p['err'], p['warn']))
        run.expect_eq('report.json cycle %d pmic.warn' % c.cycle, WARN,
                      c.obj['pmic']['warn'])
        c.detail_has(','.join(WARN) + " hold on tps65910's suspend_late "
                     'snapshot')
        run.expect_eq('cycle %d also=' % c.cycle, '', c.verdict['also'])
    cs[0].anomaly('PMIC_CONFIG_RISK')
    run.expect_eq('cycle 2 anomaly= lines', [], cs[1].all('anomaly'))
    risk = sorted((a['cycle'], a['rule']) for a in
                  run.records('anomalies', **{'class': 'PMIC_CONFIG_RISK'}))
    run.expect_eq('PMIC_CONFIG_RISK (cycle, rule)',
                  sorted(('1', r) for r in WARN), risk)
