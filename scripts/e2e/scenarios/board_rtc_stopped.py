# SPDX-License-Identifier: GPL-2.0
"""The board model clears RTC_CTRL.STOP_RTC from its suspend_noirq on: the
PMIC's clock stands still in SLEEP, its alarm never comes, the PL031
backup waker wakes the board."""

from helpers import board_lib

KERNEL = 'board'
TIMEOUT = 300

GUEST, check = board_lib.misconfig(
    'rtc_stopped', lint_rule='rtc_stopped', verdict='pmic_rtc_clock')
