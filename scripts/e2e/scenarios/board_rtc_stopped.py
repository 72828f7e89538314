# SPDX-License-Identifier: GPL-2.0
"""The board model clears RTC_CTRL.STOP_RTC from its suspend_noirq on: the
PMIC's clock stands still in SLEEP, its alarm never comes, the PL031
backup waker wakes the board.

Verdict pmic_rtc_clock naming rtc_stopped and the alarm's
lateness (helpers/board_lib.py, misconfig())."""

from helpers import board_lib

KERNEL = 'board'
TIMEOUT = 300

GUEST, check = board_lib.misconfig('rtc_stopped', 'rtc_stopped',
                                   'pmic_rtc_clock')
