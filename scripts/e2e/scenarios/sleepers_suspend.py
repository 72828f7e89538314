# SPDX-License-Identifier: GPL-2.0
"""Who overslept (issue #17): three user programs sleeping 10 ms in a loop
-- nanosleep(), FUTEX_WAIT with a timeout, epoll_pwait() on an empty set
(scripts/e2e/sleeper.c) -- and two sleeping 1 s in a loop (nanosleep,
epoll), across three RTC-woken s2idle cycles of ~3 s, with a program
sleeping 5 s once started before each cycle, and the psd_fix_ksleeper
kernel thread sleeping 10 ms in a loop.

`sleepers` names a looper in a cycle exactly when one of its sleeps spans
the cycle's s2idle (the freezer may catch it between two sleeps instead:
then it did not oversleep), whether its timer fired while it was frozen or
before the freezer reached it -- but for two sleeps the program cannot
tell from an oversleep (sleepers_lib.victim, printed as NOT LISTED): one
due before the freezing was over, whose task may have run and been
frozen before the clock read after it (the freezer's signal interrupts a
running task), and one begun while the freezer ran,
whose task may have been frozen in the clock read before it.  Each 1 s
looper, asleep when the freezer comes in, must be listed in one cycle at
least.  A listed looper has its pid,
clock=MONOTONIC and an overslept_ms within 100 ms of what the program
itself measured for that sleep on CLOCK_BOOTTIME (its duration minus what
it asked; both are printed); the four parts add up to overslept_ms; an
epoll looper is how=cancelled (its wait is not freezable: the freezer
wakes it and the timer is cancelled) and got -EINTR, or how=expired (its
timer fired after the freezer woke it but before it ran) and got 0.  The 5 s sleeper,
whose sleep outlasts each cycle (checked against the cycle's end), and
the kernel thread are never listed.  report and report.json list the
cycle's worst three as sleeper=<how> lines, as `sleepers` shows them;
summary has component.sleepers: on, clocksource: and hres_active:."""

from helpers import report_lib, sleepers_lib as sl

GUEST = sl.guest_install() + sl.GUEST_LIB + r'''
load_psd || fail "insmod pmic_sleepdiag.ko"
%s
insmod $M/psd_fix_ksleeper.ko || fail "ksleeper fixture"
loopers_start nanosleep futex epoll nano1s epoll1s
for i in 1 2 3; do
	sleeper sleep5 > /tmp/sl_sleep5_$i.out &
	s5=$!
	usleep 100000
	s2idle_cycle 3 || fail "s2idle cycle $i"
	wait $s5 || fail "sleep5 $i exited $?"
	dump /tmp/sl_sleep5_$i.out
done
%s
dump $D/sleepers
loopers_stop
dump $D/summary $D/events /sys/module/psd_fix_ksleeper/parameters/loops
rmmod psd_fix_ksleeper
rmmod pmic_sleepdiag || fail "rmmod"
''' % (report_lib.HRT_QUIET, report_lib.SETTLE)

TIMEOUT = 240


def check(run):
    s = run.summary()
    run.expect_eq('summary component.sleepers', 'on',
                  s.get('component.sleepers'))
    for k in ('clocksource', 'hres_active'):
        run.expect(s.get(k), 'summary has no %s: line' % k)
    print('  summary: clocksource: %s hres_active: %s' % (
        s.get('clocksource'), s.get('hres_active')))
    cycles, outside = sl.parse(run.file('sleepers'))
    run.expect_eq('cycles in sleepers', [1, 2, 3], sorted(cycles))
    modes = sl.LOOPERS + tuple(sl.LONG)
    progs = {m: sl.program(run, m) for m in modes}
    listed = dict((m, 0) for m in modes)
    ends = dict((int(e['cycle']), int(e['t_ns'])) for e in
                run.records('events', type='cycle_end'))
    for n in sorted(cycles):
        head, victims = cycles[n]['head'], cycles[n]['victims']
        run.expect('mono_stopped_ms' in head, 'cycle %d header %r' % (n,
                                                                      head))
        print('  cycle %d: %s, %d victims' % (
            n, ' '.join('%s=%s' % kv for kv in head.items()), len(victims)))
        for v in victims:
            run.expect_keys('cycle %d victim' % n, v, sl.VICTIM_KEYS)
            sl.parts_add_up(run, 'cycle %d %s' % (n, v['comm']), v)
            run.expect(v['comm'] != 'psd_ksleeper',
                       'cycle %d lists %s' % (n, sl.show(v)))
        for m, (start, slept, _) in progs.items():
            comm, pid = sl.COMM[m], start['pid']
            v, span = sl.victim(run, n, victims, m, slept, head)
            if v is None:
                continue
            listed[m] += 1
            late_ms = int(span['late_us']) // 1000
            print('  cycle %d %-13s module: %s' % (n, comm, sl.show(v)))
            print('  cycle %d %-13s program: slept boot_us=%s mono_us=%s '
                  'rc=%s -> late %d ms; module overslept_ms=%s' % (
                      n, comm, span['boot_us'], span['mono_us'],
                      span['rc'], late_ms, v['overslept_ms']))
            run.expect_eq('cycle %d %s pid, tgid' % (n, comm), (pid, pid),
                          (v['pid'], v['tgid']))
            run.expect_eq('cycle %d %s clock' % (n, comm), 'MONOTONIC',
                          v['clock'])
            run.expect(abs(int(v['overslept_ms']) - late_ms) <= sl.AGREE_MS,
                       'cycle %d %s: overslept_ms=%s, the program measured '
                       '%d ms late' % (n, comm, v['overslept_ms'], late_ms))
            if sl.LONG.get(m, m) == 'epoll':
                # its wait is not freezable: woken by the freezer, it
                # cancelled its timer and got -EINTR; or its timer fired
                # after the freezer woke it but before it ran (how=expired)
                # and it timed out, returning 0 after the thaw
                run.expect((v['how'], span['rc']) in (('cancelled', '-4'),
                                                      ('expired', '0')),
                           'cycle %d %s: how=%s, the program got rc=%s'
                           % (n, comm, v['how'], span['rc']))

    print('  cycles listing each looper: %r' % listed)
    # The 10 ms loopers' sleeps may all be due before the freezing is over
    # (on the debug kernel), and so allowed to go unlisted; the 1 s ones
    # are asleep when the freezer comes in.
    for m in sl.LONG:
        run.expect(listed[m] >= 1, '%s listed in no cycle' % sl.COMM[m])
    for i in (1, 2, 3):
        s5 = run.parse_kv(run.file('/tmp/sl_sleep5_%d.out' % i))
        start = [r for r in s5 if 'boot_ns' in r][0]
        due = int(start['boot_ns']) + int(start['asked_us']) * 1000
        five = [v for v in cycles.get(i, {}).get('victims', [])
                if v['comm'] == 'psd_sleep5']
        print('  sleep5 %d: due %.0f ms after cycle %d ended; %s' % (
            i, (due - ends[i]) / 1e6, i, s5[-1]))
        if due > ends[i]:
            run.expect(not five, 'cycle %d lists psd_sleep5, due after '
                       'the cycle ended: %s' % (i, sl.show(five[0])
                                                if five else ''))
    run.expect(not any(r.get('comm') == 'psd_ksleeper' for r in outside),
                'psd_ksleeper in the outside cycles table')
    loops = int(run.param('psd_fix_ksleeper', 'loops'))
    run.expect(loops > 100, 'psd_ksleeper slept only %d times' % loops)
    # report and report.json: the worst three of each cycle
    for c in report_lib.cycles(run):
        lines = c.all('sleeper')
        victims = cycles.get(c.cycle, {}).get('victims', [])
        for r in lines:
            run.expect_keys('cycle %d report sleeper line' % c.cycle, r,
                            sl.REPORT_KEYS)
            sl.parts_add_up(run, 'cycle %d report %s' % (c.cycle, r['comm']),
                            r)
            print('  cycle %d report: sleeper %s' % (c.cycle, ' '.join(
                '%s=%s' % (k, r[k]) for k in sl.REPORT_KEYS)))
        worst = sorted(victims, key=lambda v: -int(v['overslept_ms']))[:3]
        run.expect_eq('cycle %d report sleeper lines (the worst 3 of '
                      'sleepers)' % c.cycle,
                      sorted((v['how'], v['comm'], v['pid'],
                              v['overslept_ms']) for v in worst),
                      sorted((r['sleeper'], r['comm'], r['pid'],
                              r['overslept_ms']) for r in lines))
        js = c.obj.get('sleepers')
        run.expect(isinstance(js, list), 'report.json cycle %d has no '
                   'sleepers list (keys: %s)' % (c.cycle, sorted(c.obj)))
        run.expect_eq('report.json cycle %d sleepers' % c.cycle,
                      sorted((r['sleeper'], r['comm'], int(r['pid']),
                              int(r['overslept_ms'])) for r in lines),
                      sorted((j.get('how'), j.get('comm'), j.get('pid'),
                              j.get('overslept_ms')) for j in js))
        for j in js:
            run.expect_keys('report.json cycle %d sleeper' % c.cycle, j,
                            sl.REPORT_KEYS)
