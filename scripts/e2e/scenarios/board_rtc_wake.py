# SPDX-License-Identifier: GPL-2.0
"""A TPS65910 board woken by its PMIC's RTC, through regmap-irq: the
healthy case of the board model (helpers/board_lib.py).  A
CLOCK_BOOTTIME_ALARM timerfd armed 5 s ahead (alarmwait) makes alarmtimer
program the PMIC's RTC through rtc-tps65910; the alarm raises the model's
INT on a GIC SPI, the kernel records that parent line as the wake IRQ,
and after resume the tps65910 regmap-irq thread runs the RTC alarm child
with handle_nested_irq().  The PL031 is armed at +15 s as a backup only.

The events' wake_irq line and the report's cycle line name the parent
line (irq=, action="tps65910") and the RTC alarm child (child_irq=,
child_name="tps65910-rtc"), rtc=1; the alarm woke within the RTC's
one-second step, so with alarm_late_ms=10 its cause is rtc_granularity
and the verdict alarm_rtc_granularity.  The child's interrupt count moved
by one, the PL031's not at all."""

from helpers import alarmprog, board_lib, report_lib

KERNEL = 'board'
TIMEOUT = 300

GUEST = board_lib.SETUP + alarmprog.guest_install() + \
    alarmprog.GUEST_LIB + r'''
load_psd || fail "insmod pmic_sleepdiag.ko"
%s
echo "set alarm_late_ms 10" > $D/control || fail "set alarm_late_ms"
[ "$PMIC" = /sys/class/rtc/rtc0 ] || fail "the PMIC's RTC is not rtc0"
c0=$(cnt tps65910-rtc); b0=$(cnt rtc-pl031)
echo 0 > $BAK/wakealarm; echo +15 > $BAK/wakealarm
alarm_cycle 5 /tmp/aw1
echo 0 > $BAK/wakealarm
%s
echo "what=counts rtc=$(($(cnt tps65910-rtc) - c0))" \
	"pl031=$(($(cnt rtc-pl031) - b0))" >> /tmp/board
dump /tmp/board /tmp/aw1 $D/summary $D/events $D/alarm/history
''' % (report_lib.HRT_QUIET, report_lib.SETTLE)


def check(run):
    parent, child = board_lib.irqs(run)
    run.expect(parent and child, 'no PMIC INT or RTC child IRQ: %r %r'
               % (parent, child))
    n = run.records('/tmp/board', what='counts')[0]
    run.expect_eq('RTC child, PL031 interrupts in the cycle', ('1', '0'),
                  (n['rtc'], n['pl031']))

    c = report_lib.last(run, 'alarm_rtc_granularity', n=1)
    line = report_lib.resumed(run, c, wake='tps65910')
    run.expect_eq('cycle line: wake_irq, wake_child_irq, wake_child_name',
                  (parent, child, 'tps65910-rtc'),
                  (line['wake_irq'], line.get('wake_child_irq'),
                   line.get('wake_child_name')))
    run.expect_eq('report.json wake_irq, wake_child_irq, wake_child_name',
                  (int(parent), int(child), 'tps65910-rtc'),
                  (c.obj['wake_irq'], c.obj.get('wake_child_irq'),
                   c.obj.get('wake_child_name')))

    wakes = run.records('events', type='wake_irq', cycle=c.cycle)
    run.expect_eq('wake_irq events of the cycle',
                  [{'irq': parent, 'action': 'tps65910', 'rtc': '1',
                    'child_irq': child, 'child_name': 'tps65910-rtc'}],
                  [{k: w.get(k) for k in ('irq', 'action', 'rtc',
                                          'child_irq', 'child_name')}
                   for w in wakes])
    end = run.records('events', type='cycle_end', cycle=c.cycle)[0]
    run.expect_eq('cycle_end wake_irq (the parent line)', parent,
                  end['wake_irq'])

    al = c.one('alarm')
    run.expect_eq('alarm= type, cause', ('BOOTTIME', 'rtc_granularity'),
                  (al['alarm'], al['cause']))
    run.expect(0 < int(al['woke_ns']) - int(al['expected_ns']) <= 10**9,
               'woke_ns - expected_ns not within the RTC second: %r' % al)
    c.anomaly('ALARM_LATE')
    c.detail_has('RTC')
