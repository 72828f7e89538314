# SPDX-License-Identifier: GPL-2.0
"""The board model sets RTC_STATUS.ALARM from its suspend_noirq on, an
alarm status never acknowledged: the comparator raises no new interrupt
when the alarm comes, the PL031 backup waker wakes the board.

Verdict pmic_wake_path naming rtc_alarm_stale and the alarm's
lateness (helpers/board_lib.py, misconfig())."""

from helpers import board_lib

KERNEL = 'board'
TIMEOUT = 300

GUEST, check = board_lib.misconfig('stale_alarm', 'rtc_alarm_stale',
                                   'pmic_wake_path')
