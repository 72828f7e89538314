# SPDX-License-Identifier: GPL-2.0
"""The board model masks the RTC alarm in INT_MSK from its suspend_noirq
on (after regmap-irq's last sync): the alarm sets INT_STS but INT stays
low, the PL031 backup waker wakes the board, and the alarm reaches the
kernel only once rtc-tps65910's resume has regmap-irq rewrite INT_MSK.
The resume_early snapshot shows the mask."""

from helpers import board_lib

KERNEL = 'board'
TIMEOUT = 300

GUEST, check = board_lib.misconfig(
    'alarm_masked', lint_rule='rtc_alarm_masked', verdict='pmic_wake_path')
