# SPDX-License-Identifier: GPL-2.0
"""The board model sets DEVCTRL.RTC_PWDN from its suspend_noirq on: the
RTC domain is powered down in SLEEP, the alarm never comes, the PL031
backup waker wakes the board."""

from helpers import board_lib

KERNEL = 'board'
TIMEOUT = 300

GUEST, check = board_lib.misconfig(
    'rtc_pwdn', lint_rule='rtc_pwdn', verdict='pmic_rtc_clock')
