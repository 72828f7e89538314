# SPDX-License-Identifier: GPL-2.0
"""report, healthy: the TPS65910 fixture with the healthy register preload
of pmic_healthy.py (RTC running, DEV_SLP=1 with the 32 kHz, VRTC and
high-speed clocks kept on), two RTC-woken s2idle cycles.  Each cycle's
block in report ends in verdict=ok uses="cycle" also="" and report.json
says the same; the block shows the nine phases, the PL031 as wake IRQ and
wakeup source, a PMIC line without warnings, the post_resume timer window,
and no anomaly line.

hrtimer_late_us is raised to 1 s first: on this TCG target timer expiries
after resume are often > 1 ms late (emulation, not a module property)."""

from helpers import report_lib

HEALTHY = '0x10:0x01,0x3f:0x02,0x42:0x70,0x17:0x11,0x21:0x05'

GUEST = report_lib.tps_guest(HEALTHY, 2, ['summary', 'anomalies'])


def check(run):
    cs = report_lib.judged(run, 'ok', 'ok')
    for c in cs:
        report_lib.resumed(run, c)
        run.expect_eq('cycle %d also=' % c.cycle, '', c.verdict['also'])
        run.expect_eq('cycle %d detail' % c.cycle,
                      'no layer saw anything wrong', c.verdict['detail'])
        p = c.one('pmic')
        run.expect_eq('cycle %d pmic line' % c.cycle,
                      ('tps65910', 'suspend_late', '0', '', ''),
                      (p['pmic'], p['phase'], p['err'], p['warn'],
                       p['unknown']))
        run.expect_eq('report.json cycle %d pmic warn' % c.cycle, [],
                      c.obj['pmic']['warn'])
        ws = c.one('ws', ws='9010000.pl031')
        run.expect_eq('cycle %d PL031 source' % c.cycle,
                      ('0', '0', '0', '0'),
                      (ws['in_suspend'], ws['not_honored'], ws['stuck'],
                       ws['aborted']))
        wake = c.one('cycle')['wake_irq']
        irq = c.one('irq', irq=wake)
        run.expect_eq('cycle %d wake IRQ line wake=, stuck=' % c.cycle,
                      ('1', '0'), (irq['wake'], irq['stuck']))
        h = c.one('hrtimer')
        run.expect_eq('cycle %d hrtimer window, late' % c.cycle,
                      ('post_resume', '0', '1000000'),
                      (h['hrtimer'], h['late'], h['late_us']))
        run.expect(int(h['count']) > 0, 'cycle %d: no timer expiry after '
                   'the wake: %r' % (c.cycle, h))
        run.expect_eq('cycle %d anomaly= lines' % c.cycle, [],
                      c.all('anomaly'))
        run.expect_eq('report.json cycle %d alarm' % c.cycle, None,
                      c.obj['alarm'])
