# SPDX-License-Identifier: GPL-2.0
"""A slow device resume: psd_fix_devpm's resume callback sleeps 300 ms
across one s2idle cycle (resume_slow_ms 100, the default, set again after
HRT_QUIET raised it).  The anomalies
hold one RESUME_SLOW naming psd_fix_devpm (driver, phase=resume, dur_us
>= 300000), the cycle's verdict is resume_slow uses="devpm anomaly" and
its detail names the device and its time, in report and report.json.
Then resume_slow_ms 600000: the same callback, a second cycle, no
RESUME_SLOW and the verdict is not resume_slow.  Programs sleeping
in a loop (10 ms by nanosleep and futex, 1 s by nanosleep:
scripts/e2e/sleeper.c) run across both
cycles: their sleeps overslept by the slow resume, `sleepers` shows
resume_ms >= 300 for them in both cycles, and so do cycle 1's sleeper
lines in report and report.json (the victims pay for the 300 ms resume
whatever the verdict)."""

from helpers import report_lib, sleepers_lib

GUEST = sleepers_lib.guest_install() + sleepers_lib.GUEST_LIB + r'''
load_psd || fail "insmod pmic_sleepdiag.ko"
%s
echo "set resume_slow_ms 100" > $D/control || fail "set resume_slow_ms"
insmod $M/psd_fix_devpm.ko resume_ms=300 || fail "devpm fixture"
loopers_start nanosleep futex nano1s
progress "cycle 1"
s2idle_cycle || fail "s2idle cycle 1"
progress "cycle 2"
echo "set resume_slow_ms 600000" > $D/control || fail "set resume_slow_ms"
s2idle_cycle || fail "s2idle cycle 2"
%s
dump $D/anomalies $D/devpm $D/sleepers $D/events
loopers_stop
rmmod psd_fix_devpm
rmmod pmic_sleepdiag || fail "rmmod"
''' % (report_lib.HRT_QUIET, report_lib.SETTLE)

RESUME_MS = 300
# epoll's not: it does not sleep on the 32-bit target.  The 1 s looper is
# asleep when the freezer comes in (the 10 ms ones often are not: on the
# debug kernel) and its deadline comes before the wake (the RTC wakes 2 s
# after prepare at the earliest), so its resume_ms is the whole resume.
LOOPERS = ('nanosleep', 'futex', 'nano1s')


def check(run):
    slow = [a for a in run.records('anomalies')
            if a.get('class') == 'RESUME_SLOW']
    run.expect_eq('RESUME_SLOW anomalies: cycle, dev, driver, phase',
                  [('1', 'psd_fix_devpm', 'psd_fix_devpm', 'resume')],
                  [(a.get('cycle'), a.get('dev'), a.get('driver'),
                    a.get('phase')) for a in slow])
    if slow:
        run.expect(int(slow[0]['dur_us']) >= 300000,
                   'RESUME_SLOW dur_us=%s < 300000' % slow[0]['dur_us'])
    cs = report_lib.cycles(run)
    run.expect_eq('cycles in report', [1, 2], [c.cycle for c in cs])
    first, second = cs[0], cs[-1]
    run.expect_eq('cycle 1 verdict, uses', ('resume_slow', 'devpm anomaly'),
                  (first.verdict['verdict'], first.verdict['uses']))
    run.expect_eq('report.json cycle 1 rule', 'resume_slow',
                  first.obj['verdict']['rule'])
    first.anomaly('RESUME_SLOW')
    first.detail_has('device psd_fix_devpm', 'psd_fix_devpm', ' ms in resume',
                     'RESUME_SLOW x1')
    report_lib.resumed(run, first)
    run.expect(second.verdict['verdict'] != 'resume_slow',
               'cycle 2 (resume_slow_ms 600000) judged resume_slow')
    run.expect_eq('cycle 2 RESUME_SLOW lines', [],
                  second.all('anomaly', anomaly='RESUME_SLOW'))
    sleepers(run, first)


def sleepers(run, first):
    """Each looper's sleep across each cycle has resume_ms >= RESUME_MS, in
    `sleepers` and in cycle 1's report and report.json; a looper whose
    last sleep was due before the cycle began is not listed
    (sleepers_lib.victim), but one of them must be."""
    cycles, _ = sleepers_lib.parse(run.file('sleepers'))
    progs = {m: sleepers_lib.program(run, m) for m in LOOPERS}
    listed = {}
    for n in (1, 2):
        victims = cycles.get(n, {}).get('victims', [])
        for m, (_, slept, _) in progs.items():
            v, _ = sleepers_lib.victim(run, n, victims, m, slept)
            if v is None:
                continue
            listed.setdefault(n, []).append(v)
            print('  sleepers cycle %d: %s' % (n, sleepers_lib.show(v)))
            sleepers_lib.parts_add_up(run, 'cycle %d %s' % (n, v['comm']), v)
            run.expect(int(v['resume_ms']) >= RESUME_MS,
                       'sleepers cycle %d: %s resume_ms=%s < %d' % (
                           n, v['comm'], v['resume_ms'], RESUME_MS))
        run.expect(listed.get(n), 'sleepers cycle %d: no looper listed'
                   % n)
    for v in listed[1]:
        comm = v['comm']
        lines = first.all('sleeper', comm=comm)
        run.expect_eq('report cycle 1 sleeper lines of ' + comm, 1,
                      len(lines))
        print('  report cycle 1: sleeper %s' % ' '.join(
            '%s=%s' % (k, lines[0].get(k)) for k in sleepers_lib.REPORT_KEYS))
        run.expect_eq('report cycle 1 sleeper %s resume_ms (as sleepers)'
                      % comm, v['resume_ms'], lines[0]['resume_ms'])
        js = [j for j in first.obj.get('sleepers') or []
              if j.get('comm') == comm]
        run.expect_eq('report.json cycle 1 sleepers of ' + comm, 1, len(js))
        run.expect_eq('report.json cycle 1 %s resume_ms' % comm,
                      int(v['resume_ms']), js[0].get('resume_ms'))
