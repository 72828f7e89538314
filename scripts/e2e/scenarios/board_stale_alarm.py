# SPDX-License-Identifier: GPL-2.0
"""The board model sets RTC_STATUS.ALARM from its suspend_noirq on, an
alarm status never acknowledged: the comparator raises no new interrupt
when the alarm comes, the PL031 backup waker wakes the board."""

from helpers import board_lib

KERNEL = 'board'
TIMEOUT = 300

GUEST, check = board_lib.misconfig(
    'stale_alarm', lint_rule='rtc_alarm_stale', verdict='pmic_wake_path')
