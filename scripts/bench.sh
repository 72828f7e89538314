#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# make bench: what the hrtimer latency layer costs.  Prints numbers and
# asserts nothing.
#
#  1. UML (kunit.py, the KUnit build with CONFIG_PMIC_SLEEPDIAG_BENCH):
#     ns per recorded expiry of the real probe body, of an empty probe and
#     of a bare per-CPU increment probe, from one run, and their ratio.
#  2. The arm64 QEMU target (scripts/e2e/run.py): a fixed timer-heavy
#     workload and an s2idle cycle, timed without and with the module in
#     one boot, as ratios; the memory the module holds after load.
#
#   scripts/bench.sh [uml|target]...      default: both
set -u

here=$(cd "$(dirname "$0")" && pwd)
. "$here/cache.sh"
unset PSD_RESULTS

parts=${*:-uml target}
rc=0
for part in $parts; do
	case $part in
	uml)
		echo "== bench: hrtimer probe body in UML (KUnit build) =="
		log=$(mktemp /tmp/psd-bench.XXXXXX)
		PSD_KUNIT_LOG=$log "$here/kunit.sh" \
			--kconfig_add CONFIG_PMIC_SLEEPDIAG_BENCH=y \
			--raw_output=kunit 'pmic_sleepdiag_bench*' >/dev/null 2>&1
		if grep -q 'bench:' "$log"; then
			grep 'bench:' "$log" | sed 's/^.*bench: /  /'
			rm -f "$log"
		else
			echo "  no numbers; see $log"
			rc=1
		fi
		;;
	target)
		echo "== bench: arm64 QEMU target, one boot =="
		PSD_LOGDIR=${PSD_LOGDIR:-/tmp/psd-bench-logs} python3 \
			"$here/e2e/run.py" "$here/bench/hrtimer_target.py" || rc=1
		;;
	*)
		echo "bench.sh: unknown part '$part' (uml, target)" >&2
		exit 2
		;;
	esac
done
exit $rc
