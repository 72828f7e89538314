# SPDX-License-Identifier: GPL-2.0
"""report, aborted suspends.  Cycle 1: the wakeup_count handshake, then a
wake lock, then freeze: the kernel aborts in freeze_processes (as in
aborted.py).  Cycle 2: psd_fix_wakesrc reports a wakeup event from its
suspend callback under the handshake: the kernel aborts in the suspend
step (as in wakesrc_abort.py).  Both blocks end in verdict=suspend_aborted
uses="cycle ws" with result=aborted and the step in the cycle= line and
the detail; in cycle 2 the detail and abort_ws= name psd_fix_wakesrc and
its ws= line says in_suspend=1 aborted=1 not_honored=0.  No anomaly: an
abort is the event honored.

hrtimer_late_us is raised to 1 s first: on this TCG target timer expiries
after resume are often > 1 ms late (emulation, not a module property)."""

from helpers import report_lib

GUEST = r'''
load_psd || fail "insmod pmic_sleepdiag.ko"
%s
handshake() {
	count=$(cat /sys/power/wakeup_count) || fail "reading wakeup_count"
	echo "$count" > /sys/power/wakeup_count || fail "writing wakeup_count"
}
echo 0 > /sys/class/rtc/rtc0/wakealarm
echo +5 > /sys/class/rtc/rtc0/wakealarm  # in case it does not abort
handshake
echo psdtest > /sys/power/wake_lock || fail "wake_lock"
freeze && fail "freeze succeeded despite the wake lock"
echo psdtest > /sys/power/wake_unlock
cp /sys/power/suspend_stats/last_failed_step /tmp/step1; dump /tmp/step1
insmod $M/psd_fix_wakesrc.ko mode=event || fail "wakesrc fixture"
handshake
freeze && fail "freeze succeeded despite the event"
cp /sys/power/suspend_stats/last_failed_step /tmp/step2; dump /tmp/step2
%s
dump $D/summary $D/anomalies
rmmod pmic_sleepdiag || fail "rmmod"
''' % (report_lib.HRT_QUIET, report_lib.SETTLE)


def check(run):
    steps = [run.file('/tmp/step%d' % i).strip() for i in (1, 2)]
    run.expect_eq('kernel last_failed_step after each abort',
                  ['freeze', 'suspend'], steps)
    cs = report_lib.judged(run, 'suspend_aborted', 'suspend_aborted')
    for c, step in zip(cs, steps):
        line = c.one('cycle')
        run.expect_eq('cycle %d result, step' % c.cycle, ('aborted', step),
                      (line['result'], line['step']))
        run.expect_eq('report.json cycle %d result, step' % c.cycle,
                      ('aborted', step), (c.obj['result'], c.obj['step']))
        c.detail_has('suspend aborted in step %s' % step)
        # It never slept: no post_resume window, whatever came after it.
        run.expect_eq('cycle %d hrtimer= lines' % c.cycle, [], c.all('hrtimer'))
        run.expect_eq('report.json cycle %d hrtimer_post_resume' % c.cycle,
                      None, c.obj['hrtimer_post_resume'])
        run.expect_eq('cycle %d anomaly= lines' % c.cycle, [],
                      c.all('anomaly'))
        run.expect_eq('cycle %d also=' % c.cycle, '', c.verdict['also'])
    c = cs[1]
    c.detail_has('by wakeup source psd_fix_wakesrc')
    run.expect_eq('cycle 2 abort_ws=', 'psd_fix_wakesrc',
                  c.one('cycle').get('abort_ws'))
    run.expect_eq('report.json cycle 2 abort_ws', 'psd_fix_wakesrc',
                  c.obj['abort_ws'])
    ws = c.one('ws', ws='psd_fix_wakesrc')
    run.expect_eq('cycle 2 ws=psd_fix_wakesrc in_suspend aborted '
                  'not_honored', ('1', '1', '0'),
                  (ws['in_suspend'], ws['aborted'], ws['not_honored']))
    run.expect_eq('summary anomalies', '0', run.summary().get('anomalies'))
