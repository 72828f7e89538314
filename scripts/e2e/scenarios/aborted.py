# SPDX-License-Identifier: GPL-2.0
"""A suspend aborted on purpose: the wakeup_count handshake, then a wake
lock, then freeze.  The kernel aborts in freeze_processes (its
suspend_stats say freeze) and events shows cycle_end result=aborted
step=freeze."""

GUEST = r'''
load_psd || fail "insmod pmic_sleepdiag.ko"
count=$(cat /sys/power/wakeup_count) || fail "reading wakeup_count failed"
echo "$count" > /sys/power/wakeup_count || fail "writing wakeup_count back failed"
echo psdtest > /sys/power/wake_lock || fail "wake_lock"
freeze && fail "freeze succeeded despite the wake lock"
dump /sys/power/suspend_stats/last_failed_step /sys/power/suspend_stats/failed_freeze
echo psdtest > /sys/power/wake_unlock
dump $D/summary $D/events
dump_report
rmmod pmic_sleepdiag || fail "rmmod"
'''


def check(run):
    run.expect_eq('kernel suspend_stats/last_failed_step', 'freeze',
                  run.file('/sys/power/suspend_stats/last_failed_step').strip())
    run.expect_eq('summary cycles', '1', run.summary().get('cycles'))
    ends = run.records('events', type='cycle_end')
    run.expect_eq('cycle_end lines', 1, len(ends))
    run.expect_eq('cycle_end result', 'aborted', ends[0].get('result'))
    run.expect_eq('cycle_end step', 'freeze', ends[0].get('step'))
