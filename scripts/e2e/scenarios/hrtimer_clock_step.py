# SPDX-License-Identifier: GPL-2.0
"""A clock step is no hrtimer lateness: after an s2idle cycle, two tasks
sleep in clock_nanosleep(CLOCK_REALTIME_ALARM, TIMER_ABSTIME) 30 s and
40 s ahead (absolute timers on the REALTIME hrtimer base); CLOCK_REALTIME
is then stepped 60 s forward (clock_settime, as date -s does), which
fires both at once, 30 s and 20 s "late" by the clock.  The sleepers see
the step; hrtimer/latency counts their expiries as clock_set=, its max_ns
stays under 10 s, and no HRTIMER_LATE (flushed by a second cycle) carries
a lateness of 10 s or more."""

from helpers import rel_lib

STEP_S = 60
LONG_NS = 10 * 10**9

GUEST = rel_lib.install('alarmsleep', 'clockstep') + r'''
load_psd || fail "insmod pmic_sleepdiag.ko"
echo reset > $D/control || fail "reset"
s2idle_cycle || fail "s2idle cycle 1"
alarmsleep realtime 30 > /tmp/as1 &
a1=$!
alarmsleep realtime 40 > /tmp/as2 &
a2=$!
n=0
until grep -q armed /tmp/as1 && grep -q armed /tmp/as2; do
	n=$((n + 1)); [ $n -gt 100 ] && fail "alarmsleep did not arm"
	sleep 0.05
done
clockstep %d || fail "clockstep"
wait $a1 || fail "alarmsleep 1 exited $?"
wait $a2 || fail "alarmsleep 2 exited $?"
s2idle_cycle || fail "s2idle cycle 2"
settle
dump /tmp/as1 /tmp/as2 $D/hrtimer/latency $D/anomalies
rmmod pmic_sleepdiag || fail "rmmod"
''' % STEP_S


def check(run):
    for i, ahead in ((1, 30), (2, 40)):
        fired = [r for r in run.parse_kv(run.file('/tmp/as%d' % i))
                 if 'late_ms' in r]
        run.expect_eq('alarmsleep %d fired lines' % i, 1, len(fired))
        late = int(fired[0]['late_ms'])
        # The step, not the sleep, woke it: late by ~STEP_S - ahead.
        run.expect(late >= (STEP_S - ahead - 5) * 1000,
                   'sleeper %d late_ms=%d: the step did not fire it' %
                   (i, late))
    lat = [r for r in run.records('hrtimer/latency')
           if r.get('window') == 'all' and 'cpu' not in r and
           'lo_ns' not in r]
    run.expect_eq('window=all lines', 1, len(lat))
    run.expect(int(lat[0]['clock_set']) >= 2,
               'clock_set=%s, want the 2 stepped sleepers' %
               lat[0]['clock_set'])
    run.expect(int(lat[0]['max_ns']) < LONG_NS,
               'max_ns=%s counts the step as lateness' % lat[0]['max_ns'])
    for a in run.records('anomalies'):
        if a.get('class') == 'HRTIMER_LATE':
            run.expect(int(a['max_ns']) < LONG_NS,
                       'HRTIMER_LATE from the step: %r' % a)
