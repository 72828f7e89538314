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
child_name="tps65910-rtc"), rtc=1.

alarmtimer reads the RTC in whole seconds and rounds the alarm up to the
next whole second, so whether the wake comes early or late depends on the
phase of the RTC's second when it reads it.  The model's alarm_late_for
places that phase when alarmtimer latches the time: the alarm, armed 5 s
ahead, rings 500 ms after it was due every time, however late the read.
With alarm_late_ms=10 the cause is rtc_granularity and each of the two
cycles' verdict alarm_rtc_granularity; each was woken by the RTC child,
never the PL031."""

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
# The model rings the alarm due at the armed line's time 500 ms late.
late_for() { sed -n 's/^armed expected_ns=//p' "$1" > $P/alarm_late_for; }
k=0		# (alarm_cycle uses n)
while [ $k -lt 2 ]; do
	k=$((k + 1))
	echo 0 > $BAK/wakealarm; echo +15 > $BAK/wakealarm
	alarm_cycle 5 /tmp/aw$k "late_for /tmp/aw$k"
	echo 0 > $BAK/wakealarm
done
%s
echo "what=counts cycles=$k rtc=$(($(cnt tps65910-rtc) - c0))" \
	"pl031=$(($(cnt rtc-pl031) - b0))" >> /tmp/board
dump /tmp/board $D/summary $D/events $D/alarm/history
''' % (report_lib.HRT_QUIET, report_lib.SETTLE)


def check(run):
    parent, child = board_lib.irqs(run)
    run.expect(parent and child, 'no PMIC INT or RTC child IRQ: %r %r'
               % (parent, child))
    n = run.records('/tmp/board', what='counts')[0]
    run.expect_eq('RTC child, PL031 interrupts in the cycles',
                  (n['cycles'], '0'), (n['rtc'], n['pl031']))

    c = report_lib.judged(run, *['alarm_rtc_granularity'] * int(n['cycles']))
    for cy in c:
        line = report_lib.resumed(run, cy, wake='tps65910')
        run.expect_eq('cycle %d line: wake_irq, wake_child_irq, '
                      'wake_child_name' % cy.cycle,
                      (parent, child, 'tps65910-rtc'),
                      (line['wake_irq'], line.get('wake_child_irq'),
                       line.get('wake_child_name')))
        run.expect_eq('report.json cycle %d wake_irq, wake_child_irq, '
                      'wake_child_name' % cy.cycle,
                      (int(parent), int(child), 'tps65910-rtc'),
                      (cy.obj['wake_irq'], cy.obj.get('wake_child_irq'),
                       cy.obj.get('wake_child_name')))
        wakes = run.records('events', type='wake_irq', cycle=cy.cycle)
        run.expect_eq('wake_irq events of cycle %d' % cy.cycle,
                      [{'irq': parent, 'action': 'tps65910', 'rtc': '1',
                        'child_irq': child, 'child_name': 'tps65910-rtc'}],
                      [{k: w.get(k) for k in ('irq', 'action', 'rtc',
                                              'child_irq', 'child_name')}
                       for w in wakes])
        end = run.records('events', type='cycle_end', cycle=cy.cycle)[0]
        run.expect_eq('cycle %d cycle_end wake_irq (the parent line)'
                      % cy.cycle, parent, end['wake_irq'])

        al = cy.one('alarm')
        run.expect_eq('cycle %d alarm= type, cause' % cy.cycle,
                      ('BOOTTIME', 'rtc_granularity'),
                      (al['alarm'], al['cause']))
        run.expect(0 < int(al['woke_ns']) - int(al['expected_ns']) <= 10**9,
                   'cycle %d: woke_ns - expected_ns not within the RTC '
                   'second: %r' % (cy.cycle, al))
        cy.anomaly('ALARM_LATE')
        cy.detail_has('RTC')
