# SPDX-License-Identifier: GPL-2.0
"""report, a wakeup source held across two aborted suspends: a wake lock
(psdtest) is taken without the wakeup_count handshake, so it alone does
not stop a suspend; psd_fix_wakesrc in mode=hard aborts two suspends in
a row (step=suspend).  psdtest stays active across both, so in cycle 2
WS_STUCK_ACTIVE (reason=aborted_twice) names it, and the cycle's verdict
is ws_stuck_active uses="ws anomaly" -- ahead of suspend_aborted, which
is listed in also= -- with detail naming psdtest, whose ws= line says
stuck=1.  Cycle 1 is a plain suspend_aborted.

hrtimer_late_us is raised to 1 s first: on this TCG target timer expiries
after resume are often > 1 ms late (emulation, not a module property)."""

from helpers import report_lib

GUEST = r'''
load_psd || fail "insmod pmic_sleepdiag.ko"
%s
insmod $M/psd_fix_wakesrc.ko mode=hard || fail "wakesrc fixture"
echo psdtest > /sys/power/wake_lock || fail "wake_lock"
for i in 1 2; do
	echo 0 > /sys/class/rtc/rtc0/wakealarm
	echo +5 > /sys/class/rtc/rtc0/wakealarm  # in case it does not abort
	freeze && fail "freeze $i did not abort"
done
%s
echo psdtest > /sys/power/wake_unlock
dump $D/summary $D/anomalies
rmmod pmic_sleepdiag || fail "rmmod"
''' % (report_lib.HRT_QUIET, report_lib.SETTLE)


def check(run):
    cs = report_lib.judged(run, 'suspend_aborted', 'ws_stuck_active')
    c = cs[-1]
    for x in cs:
        line = x.one('cycle')
        run.expect_eq('cycle %d result, step' % x.cycle,
                      ('aborted', 'suspend'), (line['result'], line['step']))
    run.expect_eq('cycle 2 also=', 'suspend_aborted', c.verdict['also'])
    ws = c.one('ws', ws='psdtest')
    run.expect_eq('cycle 2 ws=psdtest stuck', '1', ws['stuck'])
    a = c.anomaly('WS_STUCK_ACTIVE')
    c.detail_has('source psdtest held active', 'WS_STUCK_ACTIVE x%s' % a['count'])
    st = run.records('anomalies', **{'class': 'WS_STUCK_ACTIVE'})
    run.expect_eq('WS_STUCK_ACTIVE (cycle, ws, reason)',
                  [('2', 'psdtest', 'aborted_twice')],
                  [(x.get('cycle'), x.get('ws'), x.get('reason')) for x in st])
    run.expect_eq('cycle 1 anomaly= lines', [], cs[0].all('anomaly'))
