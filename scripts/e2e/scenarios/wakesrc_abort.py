# SPDX-License-Identifier: GPL-2.0
"""The same wakeup event under the wakeup_count handshake: the suspend
aborts (step=suspend), events names the source on the cycle's cycle_end
(ws=psd_fix_wakesrc) and no anomaly is raised: an abort is the event
honored, not a fault."""

GUEST = r'''
load_psd || fail "insmod pmic_sleepdiag.ko"
echo "set hrtimer_late_us 10000000" > $D/control || fail "set hrtimer_late_us"
echo reset > $D/control || fail "reset"  # late samples taken before the set
insmod $M/psd_fix_wakesrc.ko mode=event || fail "wakesrc fixture"
echo 0 > /sys/class/rtc/rtc0/wakealarm
echo +5 > /sys/class/rtc/rtc0/wakealarm  # in case it did not abort
count=$(cat /sys/power/wakeup_count) || fail "reading wakeup_count"
echo "$count" > /sys/power/wakeup_count || fail "writing wakeup_count back"
freeze && fail "freeze succeeded despite the event"
dump /sys/power/suspend_stats/last_failed_step
dump $D/summary $D/events $D/anomalies $D/wakeup/sources
dump_report
rmmod pmic_sleepdiag || fail "rmmod"
'''


def check(run):
    run.expect_eq('kernel last_failed_step', 'suspend', run.file(
        '/sys/power/suspend_stats/last_failed_step').strip())
    ends = run.records('events', type='cycle_end')
    run.expect_eq('cycle_end lines', 1, len(ends))
    run.expect_eq('cycle_end result', 'aborted', ends[0].get('result'))
    run.expect_eq('cycle_end step', 'suspend', ends[0].get('step'))
    run.expect_eq('cycle_end ws', 'psd_fix_wakesrc', ends[0].get('ws'))
    run.expect_eq('summary anomalies', '0', run.summary().get('anomalies'))
    run.expect_eq('anomalies lines', [], run.records('anomalies'))
    src = run.records('wakeup/sources', name='psd_fix_wakesrc')
    run.expect_eq('fixture in_suspend', '1', src[0].get('in_suspend'))
