#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# `make demo`: install what is missing (as root, scripts/deps.sh, as `make
# check` does), build what is missing (kernel, module, fixtures, busybox),
# then boot the arm64 QEMU target three times: a healthy TPS65910 board and
# two injected faults, one RTC-woken s2idle cycle each (scripts/e2e/demo.py).
# Prints each cycle's block of the report with its verdict and checks the
# verdicts; every file's full text goes to a directory printed at the end.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
if [ "$(id -u)" = 0 ]; then
	"$here/deps.sh" >&2
fi
exec python3 "$here/e2e/run.py" --demo
