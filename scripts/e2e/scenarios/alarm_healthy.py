# SPDX-License-Identifier: GPL-2.0
"""Ten healthy RTC-woken s2idle cycles, each woken by a CLOCK_BOOTTIME_ALARM
timerfd 4 s ahead, with alarm_late_ms, hrtimer_late_us and resume_slow_ms
set high: no anomaly at all, every cycle's wake IRQ is the PL031's
(cycle_end wake_irq= and a wake_irq event with rtc=1), and alarm/history
keeps the last keep_cycles alarms, each judged cause=none or rtc_granularity."""

from helpers import alarmprog

TIMEOUT = 400

GUEST = alarmprog.guest_install() + alarmprog.GUEST_LIB + r'''
load_psd keep_cycles=16 || fail "insmod pmic_sleepdiag.ko"
echo "set alarm_late_ms 600000" > $D/control || fail "set alarm_late_ms"
echo "set hrtimer_late_us 10000000" > $D/control || fail "set hrtimer_late_us"
echo "set resume_slow_ms 600000" > $D/control || fail "set resume_slow_ms"
echo reset > $D/control || fail "reset"  # late samples taken before the set
for i in 1 2 3 4 5 6 7 8 9 10; do
	alarm_cycle 4 /tmp/aw || break
done
dump $D/summary $D/events $D/anomalies $D/alarm/history /proc/interrupts
dump_report
rmmod pmic_sleepdiag || fail "rmmod"
'''


def check(run):
    s = run.summary()
    run.expect_eq('summary cycles', '10', s.get('cycles'))
    run.expect_eq('summary anomalies', '0', s.get('anomalies'))
    irq = None
    for line in run.file('/proc/interrupts').splitlines():
        if 'rtc-pl031' in line:
            irq = line.split(':')[0].strip()
    run.expect(irq is not None, 'no rtc-pl031 line in /proc/interrupts')
    ends = run.records('events', type='cycle_end')
    run.expect_eq('cycle_end lines', 10, len(ends))
    for e in ends:
        run.expect_eq('cycle %s result' % e['cycle'], 'resumed',
                      e.get('result'))
        run.expect_eq('cycle %s wake_irq' % e['cycle'], irq,
                      e.get('wake_irq'))
        w = run.records('events', type='wake_irq', cycle=e['cycle'])
        run.expect(w, 'cycle %s: no wake_irq event' % e['cycle'])
        run.expect_eq('cycle %s wake_irq event irq' % e['cycle'], irq,
                      w[0].get('irq'))
        run.expect_eq('cycle %s wake_irq event rtc' % e['cycle'], '1',
                      w[0].get('rtc'))
    hist = run.records('alarm/history')
    run.expect_eq('alarm/history lines', 10, len(hist))
    for h in hist:
        run.expect(h.get('cause') in ('none', 'rtc_granularity'),
                   'cycle %s: cause=%s' % (h.get('cycle'), h.get('cause')))
    run.expect_eq('anomalies lines', [], run.records('anomalies'))
