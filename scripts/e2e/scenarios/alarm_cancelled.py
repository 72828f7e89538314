# SPDX-License-Identifier: GPL-2.0
"""An alarm the sleep covered, then cancelled: a CLOCK_BOOTTIME_ALARM
timerfd 8 s ahead is armed, the board is woken earlier by the RTC
wakealarm (3 s), the alarm's owner is killed, and another timerfd alarm,
due after the first one, fires later.  alarm/history keeps the first alarm
with no fired_ns (it never fired), no alarm_fired event is joined to it
and no ALARM_LATE is raised.  Before the fix the later alarm was taken for
the first, late by the seconds between them."""

from helpers import alarmprog

GUEST = alarmprog.guest_install() + r'''
armed() {
	n=0
	until grep -q armed "$1"; do
		n=$((n + 1)); [ $n -gt 100 ] && { fail "alarmwait did not arm"; return 1; }
		sleep 0.05
	done
}
load_psd || fail "insmod pmic_sleepdiag.ko"
echo "set hrtimer_late_us 10000000" > $D/control || fail "set hrtimer_late_us"
echo reset > $D/control || fail "reset"
echo 0 > /sys/class/rtc/rtc0/wakealarm
alarmwait 8 > /tmp/aw1 &
aw=$!
armed /tmp/aw1
echo +3 > /sys/class/rtc/rtc0/wakealarm || fail "wakealarm"
freeze || fail "freeze failed"
kill $aw
wait $aw || true
echo 0 > /sys/class/rtc/rtc0/wakealarm
alarmwait 10 > /tmp/aw2 || fail "second alarmwait exited $?"
dump /tmp/aw1 /tmp/aw2 $D/alarm/history $D/events $D/anomalies $D/summary
rmmod pmic_sleepdiag || fail "rmmod"
'''


def check(run):
    first = [r for r in run.parse_kv(run.file('/tmp/aw1'))
             if 'expected_ns' in r]
    run.expect(first, 'the first alarmwait did not arm')
    run.expect_eq('the first alarm fired lines', [],
                  [r for r in first if 'woke_ns' in r])
    second = [r for r in run.parse_kv(run.file('/tmp/aw2'))
              if 'woke_ns' in r]
    run.expect_eq('the second alarm fired lines', 1, len(second))
    if first and second:
        run.expect(int(second[0]['expected_ns']) >
                   int(first[0]['expected_ns']),
                   'the second alarm was due before the first')
    hist = run.records('alarm/history')
    run.expect_eq('alarm/history lines', 1, len(hist))
    for h in hist:
        run.expect_eq('type', 'BOOTTIME', h.get('type'))
        if first:
            run.expect_eq('expected_ns', first[0]['expected_ns'],
                          h.get('expected_ns'))
        run.expect(0 < int(h.get('woke_ns', 0)) < int(h['expected_ns']),
                   'not woken before the alarm: %s' % h)
        run.expect_eq('fired_ns of the cancelled alarm', '0',
                      h.get('fired_ns'))
        run.expect(h.get('cause') in ('pending', 'none'),
                   'cause=%s' % h.get('cause'))
    run.expect_eq('alarm_fired events', [],
                  run.records('events', type='alarm_fired'))
    run.expect_eq('ALARM_LATE anomalies', [],
                  [a for a in run.records('anomalies')
                   if a.get('class') == 'ALARM_LATE'])
