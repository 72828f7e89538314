# SPDX-License-Identifier: GPL-2.0
"""The board model sets RTC_INTERRUPTS.IT_SLEEP_MASK_EN from its
suspend_noirq on (rtc-tps65910 clears it on every alarm set): the alarm
is held back while the PMIC is in SLEEP, the PL031 backup waker wakes the
board, and the alarm is delivered as the PMIC leaves SLEEP."""

from helpers import board_lib

KERNEL = 'board'
TIMEOUT = 300

GUEST, check = board_lib.misconfig(
    'sleep_mask', lint_rule='rtc_it_sleep_masked', verdict='pmic_wake_path')
