# SPDX-License-Identifier: GPL-2.0
"""The board model sets DEVCTRL.RTC_PWDN from its suspend_noirq on: the
RTC domain is powered down in SLEEP, the alarm never comes, the PL031
backup waker wakes the board.

Verdict pmic_rtc_clock naming rtc_pwdn and the alarm's
lateness (helpers/board_lib.py, misconfig())."""

from helpers import board_lib

KERNEL = 'board'
TIMEOUT = 300

GUEST, check = board_lib.misconfig('rtc_pwdn', 'rtc_pwdn',
                                   'pmic_rtc_clock')
