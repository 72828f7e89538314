#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# `make demo`: build what is missing (kernel, module, fixtures, busybox),
# boot the arm64 QEMU target once, load the TPS65910 fixture and
# pmic_sleepdiag.ko, run three RTC-alarm-woken s2idle cycles and print every
# file of the module under a heading.  The console log is kept in
# $PSD_LOGDIR (default /tmp/psd-e2e-logs).
exec python3 "$(dirname "$0")/e2e/run.py" --demo
