# SPDX-License-Identifier: GPL-2.0
"""A device PM callback that fails aborts the suspend, and the module says
which device did it.  psd_fix_devpm's suspend_noirq callback returns -EIO
(cycle 1), then its suspend callback returns -EBUSY (cycle 2): each cycle
ends result=aborted with the kernel's last_failed_step as step=,
dev=psd_fix_devpm and the error as err= on cycle_end (a failed noirq
callback is not "no_sleep"); events has a devpm_error line naming the
device, its driver, the phase and the error; devpm lists the failure first
in each cycle; the verdict suspend_aborted names the device, not a wakeup
source, in report and report.json (abort_dev, abort_err)."""

from helpers import report_lib

FIX = '/sys/module/psd_fix_devpm/parameters'

GUEST = r'''
load_psd || fail "insmod pmic_sleepdiag.ko"
%s
insmod $M/psd_fix_devpm.ko fail=suspend_noirq || fail "devpm fixture"
s2idle_cycle 5 && fail "freeze succeeded despite the suspend_noirq error"
cp /sys/power/suspend_stats/last_failed_step /tmp/step1; dump /tmp/step1
echo suspend > %s/fail
echo -16 > %s/err
s2idle_cycle 5 && fail "freeze succeeded despite the suspend error"
cp /sys/power/suspend_stats/last_failed_step /tmp/step2; dump /tmp/step2
echo none > %s/fail
echo 0 > /sys/class/rtc/rtc0/wakealarm
dump $D/events $D/devpm $D/summary
%s
rmmod psd_fix_devpm
rmmod pmic_sleepdiag || fail "rmmod"
''' % (report_lib.HRT_QUIET, FIX, FIX, FIX, report_lib.SETTLE)

CASES = ((1, 'suspend_noirq', '-5'), (2, 'suspend', '-16'))


def devpm_cycles(run):
    """devpm as {cycle: [line dicts in file order]}."""
    out, cur = {}, None
    for line in run.file('devpm').splitlines():
        if line.startswith('# cycle='):
            cur = out.setdefault(int(run.kv(line[2:])['cycle']), [])
        elif cur is not None and not line.startswith('#'):
            cur.append(run.kv(line))
    return out


def check(run):
    run.expect_eq('kernel last_failed_step after each abort',
                  ['suspend_noirq', 'suspend'],
                  [run.file('/tmp/step%d' % i).strip() for i in (1, 2)])
    run.expect_eq('summary component.devpm', 'on',
                  run.summary().get('component.devpm'))
    ends = run.records('events', type='cycle_end')
    run.expect_eq('cycle_end lines', 2, len(ends))
    errs = run.records('events', type='devpm_error')
    dp = devpm_cycles(run)
    cs = {c.cycle: c for c in report_lib.cycles(run)}
    for (cycle, step, err), end in zip(CASES, ends):
        run.expect_eq('cycle_end %d result step dev err' % cycle,
                      ('aborted', step, 'psd_fix_devpm', err),
                      (end.get('result'), end.get('step'), end.get('dev'),
                       end.get('err')))
        run.expect_eq('cycle_end %d ws=' % cycle, None, end.get('ws'))
        e = [x for x in errs if x['cycle'] == str(cycle)]
        run.expect_eq('devpm_error events of cycle %d' % cycle,
                      [('psd_fix_devpm', 'psd_fix_devpm', step, err)],
                      [(x.get('dev'), x.get('driver'), x.get('phase'),
                        x.get('err')) for x in e])
        lines = dp.get(cycle)
        run.expect(lines, 'devpm has no cycle=%d block' % cycle)
        first = lines[0]
        run.expect_eq('devpm cycle %d first line' % cycle,
                      ('suspend', step, 'psd_fix_devpm', 'psd_fix_devpm', err),
                      (first.get('dir'), first.get('phase'), first.get('dev'),
                       first.get('driver'), first.get('err')))
        c = cs[cycle]
        run.expect_eq('cycle %d verdict' % cycle, 'suspend_aborted',
                      c.verdict['verdict'])
        c.detail_has('suspend aborted in step %s' % step,
                     'device psd_fix_devpm', err)
        run.expect('wakeup source' not in c.obj['verdict']['detail'],
                   'cycle %d: the verdict blames a wakeup source: %r'
                   % (cycle, c.obj['verdict']['detail']))
        line = c.one('cycle')
        run.expect_eq('report cycle %d result step abort_dev abort_err'
                      % cycle, ('aborted', step, 'psd_fix_devpm', err),
                      (line['result'], line['step'], line.get('abort_dev'),
                       line.get('abort_err')))
        run.expect_eq('report.json cycle %d abort_dev abort_err' % cycle,
                      ('psd_fix_devpm', int(err)),
                      (c.obj['abort_dev'], c.obj['abort_err']))
        run.expect_eq('report.json cycle %d devpm failed' % cycle,
                      [('suspend', step, 'psd_fix_devpm', int(err))],
                      [(f['dir'], f['phase'], f['dev'], f['err'])
                       for f in c.obj['devpm']['failed']])
        run.expect_eq('report cycle %d devpm=failed lines' % cycle, 1,
                      len(c.all('devpm', devpm='failed', dev='psd_fix_devpm')))
