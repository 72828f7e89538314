# SPDX-License-Identifier: GPL-2.0
"""A slow device resume: psd_fix_devpm's resume callback sleeps 300 ms
across one s2idle cycle (resume_slow_ms 100, the default).  The anomalies
hold one RESUME_SLOW naming psd_fix_devpm (driver, phase=resume, dur_us
>= 300000), the cycle's verdict is resume_slow uses="devpm anomaly" and
its detail names the device and its time, in report and report.json.
Then resume_slow_ms 600000: the same callback, a second cycle, no
RESUME_SLOW and the verdict is not resume_slow."""

from helpers import report_lib

GUEST = r'''
load_psd || fail "insmod pmic_sleepdiag.ko"
%s
insmod $M/psd_fix_devpm.ko resume_ms=300 || fail "devpm fixture"
s2idle_cycle || fail "s2idle cycle 1"
echo "set resume_slow_ms 600000" > $D/control || fail "set resume_slow_ms"
s2idle_cycle || fail "s2idle cycle 2"
%s
dump $D/anomalies $D/devpm
rmmod psd_fix_devpm
rmmod pmic_sleepdiag || fail "rmmod"
''' % (report_lib.HRT_QUIET, report_lib.SETTLE)


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
