# SPDX-License-Identifier: GPL-2.0
"""A CLOCK_BOOTTIME_ALARM timerfd armed 5 s ahead, then suspend-to-idle
with no other wake source: the alarmtimer programs the PL031, which wakes
the system on its one-second step, late by up to a second.  Three times:
alarm/history shows each alarm with the expiry user space asked for,
late_ms agreeing with what user space measured, cause=rtc_granularity when
late; ALARM_LATE follows alarm_late_ms (the default, as summary shows
it)."""
import re

from helpers import alarmprog

GUEST = alarmprog.guest_install() + alarmprog.GUEST_LIB + r'''
load_psd || fail "insmod pmic_sleepdiag.ko"
for i in 1 2 3; do
	alarm_cycle 5 /tmp/aw$i
	dump /tmp/aw$i
done
dump $D/summary $D/events $D/anomalies $D/alarm/history /proc/interrupts
dump_report
rmmod pmic_sleepdiag || fail "rmmod"
'''

# User space reads the clock after the thaw: it sees the wake, plus resume.
RESUME_SLACK_MS = 1000


def pl031_irq(run):
    for line in run.file('/proc/interrupts').splitlines():
        if 'rtc-pl031' in line:
            return line.split(':')[0].strip()
    run.fail('no rtc-pl031 line in /proc/interrupts')


def check(run):
    s = run.summary()
    run.expect_eq('component.alarm', 'on', s.get('component.alarm'))
    late_ms = int(s['setting.alarm_late_ms'])
    hist = run.records('alarm/history')
    run.expect_eq('alarm/history lines', 3, len(hist))
    irq = pl031_irq(run)
    ends = {e['cycle']: e for e in run.records('events', type='cycle_end')}
    late_an = {a['cycle']: a for a in
               run.records('anomalies', **{'class': 'ALARM_LATE'})}
    for i, h in enumerate(hist, 1):
        user = run.parse_kv(run.file('/tmp/aw%d' % i))
        fired = [u for u in user if 'woke_ns' in u]
        run.expect_eq('alarmwait %d output' % i, 1, len(fired))
        u = fired[0]
        what = 'alarm %d (cycle %s)' % (i, h.get('cycle'))
        run.expect_keys(what, h, ['cycle', 'type', 'expected_ns', 'woke_ns',
                                  'fired_ns', 'late_ms', 'cause'])
        run.expect_eq(what + ' type', 'BOOTTIME', h['type'])
        run.expect_eq(what + ' expected_ns', u['expected_ns'],
                      h['expected_ns'])
        late = int(h['late_ms'])
        exp, woke, fired_ns = (int(h[k]) for k in
                               ('expected_ns', 'woke_ns', 'fired_ns'))
        late_ns = max(woke, fired_ns) - exp
        run.expect_eq(what + ' late_ms = max(woke, fired) - expected',
                      late_ns // 1000000 if late_ns >= 0 else
                      -(-late_ns // 1000000), late)
        ulate = int(u['late_ms'])
        run.expect(late <= ulate + 1 and ulate - late <= RESUME_SLACK_MS,
                   '%s: late_ms=%d, user space measured %d ms' %
                   (what, late, ulate))
        run.expect(-1000 < late < 1000, '%s: late_ms=%d not within the '
                   "RTC's second" % (what, late))
        run.expect_eq(what + ' cycle_end wake_irq', irq,
                      ends[h['cycle']].get('wake_irq'))
        if woke > exp and late > 0:
            run.expect_eq(what + ' cause', 'rtc_granularity', h['cause'])
        # ALARM_LATE compares nanoseconds; late_ms is truncated.
        if late_ns > late_ms * 1000000:
            a = late_an.get(h['cycle'])
            run.expect(a is not None, '%s: late_ms=%d > %d but no '
                       'ALARM_LATE' % (what, late, late_ms))
            run.expect_eq(what + ' ALARM_LATE cause', h['cause'],
                          a.get('cause'))
            run.expect_eq(what + ' ALARM_LATE late_ms', h['late_ms'],
                          a.get('late_ms'))
        else:
            run.expect(h['cycle'] not in late_an, '%s: late by %d ns <= %d '
                       'ms yet ALARM_LATE' %
                       (what, late_ns, late_ms))
    run.expect(all(re.fullmatch(r'-?\d+', h['late_ms']) for h in hist),
               'late_ms not a number')
