# SPDX-License-Identifier: GPL-2.0
"""The slowest device PM callbacks of a cycle: psd_fix_devpm's resume
callback sleeps 300 ms across one s2idle cycle; devpm lists it first among
the resume callbacks with dur_us >= 300000, phase=resume, err=0, and the
cycle's report and report.json list it first among the slowest resume
callbacks (at most 3 per direction).  Nothing failed: no devpm_error, no
failed lines, the cycle resumed."""

from helpers import report_lib

GUEST = r'''
load_psd || fail "insmod pmic_sleepdiag.ko"
%s
insmod $M/psd_fix_devpm.ko resume_ms=300 || fail "devpm fixture"
s2idle_cycle || fail "s2idle cycle"
dump $D/events $D/devpm
%s
rmmod psd_fix_devpm
rmmod pmic_sleepdiag || fail "rmmod"
''' % (report_lib.HRT_QUIET, report_lib.SETTLE)


def check(run):
    run.expect_eq('devpm_error events', [],
                  run.records('events', type='devpm_error'))
    ends = run.records('events', type='cycle_end')
    run.expect_eq('cycle_end results', ['resumed'],
                  [e.get('result') for e in ends])
    lines = run.records('devpm')
    run.expect_eq('devpm failed lines', [],
                  [x for x in lines if x.get('err') != '0'])
    resume = [x for x in lines if x.get('dir') == 'resume']
    run.expect(resume, 'devpm has no resume callback')
    run.expect(len(resume) <= 8, 'devpm lists %d resume callbacks' %
               len(resume))
    first = resume[0]
    run.expect_eq('slowest resume callback dev driver phase',
                  ('psd_fix_devpm', 'psd_fix_devpm', 'resume'),
                  (first.get('dev'), first.get('driver'), first.get('phase')))
    run.expect(int(first['dur_us']) >= 300000,
               'psd_fix_devpm resume dur_us=%s < 300000' % first['dur_us'])
    durs = [int(x['dur_us']) for x in resume]
    run.expect_eq('resume callbacks slowest first', sorted(durs, reverse=True),
                  durs)
    c = report_lib.cycles(run)[-1]
    slow = c.all('devpm', devpm='slow', dir='resume')
    run.expect(1 <= len(slow) <= 3, 'report: %d slow resume lines' % len(slow))
    run.expect_eq('report: slowest resume callback', 'psd_fix_devpm',
                  slow[0].get('dev'))
    js = [x for x in c.obj['devpm']['slowest'] if x['dir'] == 'resume']
    run.expect_eq('report.json: slowest resume callback',
                  ('psd_fix_devpm', 'resume'), (js[0]['dev'], js[0]['phase']))
    run.expect(js[0]['dur_us'] >= 300000,
               'report.json dur_us=%d < 300000' % js[0]['dur_us'])
    run.expect_eq('report.json devpm failed', [], c.obj['devpm']['failed'])
