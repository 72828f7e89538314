# SPDX-License-Identifier: GPL-2.0
"""Alarms armed through the freezer path: a task sleeping in
clock_nanosleep(CLOCK_BOOTTIME_ALARM, TIMER_ABSTIME) 5 s ahead is frozen
by an s2idle suspend with no RTC wakealarm of its own, so the kernel arms
the RTC for it as ALARM_BOOTTIME_FREEZER; then the same with
CLOCK_REALTIME_ALARM (ALARM_REALTIME_FREEZER).  One cycle each:
alarm/history shows type=BOOTTIME, then type=REALTIME, each via=freezer,
with a late_ms within 100 ms of what the sleeper measured, and no
ALARM_LATE for a sleeper woken on time.  "On time" here is within
alarm_late_ms, set to 2 s: the PL031 wakes on whole seconds and TCG
resumes slowly, so these sleepers measure themselves a few hundred ms
late.  Before the fix the BOOTTIME sleeper became a REALTIME alarm due at
0, late by the uptime."""

from helpers import alarmprog, rel_lib

LATE_MS = 2000

GUEST = rel_lib.install('alarmsleep') + alarmprog.GUEST_LIB + r'''
load_psd || fail "insmod pmic_sleepdiag.ko"
echo "set hrtimer_late_us 10000000" > $D/control || fail "set hrtimer_late_us"
echo "set alarm_late_ms %d" > $D/control || fail "set alarm_late_ms"
echo reset > $D/control || fail "reset"
armed_cycle /tmp/as1 "" alarmsleep boottime 5
armed_cycle /tmp/as2 "" alarmsleep realtime 5
dump /tmp/as1 /tmp/as2 $D/alarm/history $D/events $D/anomalies $D/summary
dump_report
rmmod pmic_sleepdiag || fail "rmmod"
''' % LATE_MS


def check(run):
    hist = run.records('alarm/history')
    run.expect_eq('alarm/history lines', 2, len(hist))
    an = [a for a in run.records('anomalies') if a.get('class') ==
          'ALARM_LATE']
    for i, (h, want) in enumerate(zip(hist, ('BOOTTIME', 'REALTIME')), 1):
        out = run.parse_kv(run.file('/tmp/as%d' % i))
        fired = [r for r in out if 'woke_ns' in r]
        run.expect_eq('alarmsleep %d fired lines' % i, 1, len(fired))
        s = fired[0]
        run.expect_eq('cycle %s type, via' % h['cycle'], (want, 'freezer'),
                      (h.get('type'), h.get('via')))
        run.expect(h.get('late_ms') not in (None, 'unknown'),
                   'cycle %s: late_ms=%s' % (h['cycle'], h.get('late_ms')))
        diff = int(h['late_ms']) - int(s['late_ms'])
        run.expect(abs(diff) <= 100,
                   'cycle %s: alarm/history late_ms=%s, the sleeper measured '
                   'late_ms=%s' % (h['cycle'], h['late_ms'], s['late_ms']))
        mine = [a for a in an if a.get('cycle') == h['cycle']]
        if int(s['late_ms']) <= LATE_MS - 100:
            run.expect_eq('cycle %s ALARM_LATE for a sleeper on time (%s ms)'
                          % (h['cycle'], s['late_ms']), [], mine)
        for a in mine:
            run.expect(abs(int(a['late_ms']) - int(s['late_ms'])) <= 100,
                       'cycle %s: ALARM_LATE late_ms=%s, sleeper %s ms'
                       % (h['cycle'], a['late_ms'], s['late_ms']))
