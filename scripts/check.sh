#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# make check: every gate, KUnit case and end-to-end scenario, then one line
# "N passed, N failed, N skipped" counting them all.  Exit status 0 only
# when nothing failed.
set -u

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)

if [ "$(id -u)" = 0 ]; then
	"$here/deps.sh" || { echo "0 passed, 1 failed"; exit 1; }
fi

PSD_RESULTS=$(mktemp /tmp/psd-results.XXXXXX)
export PSD_RESULTS

step() {	# step NAME COMMAND...: a step that crashed without a verdict fails
	name=$1
	shift
	echo "==== $name ===="
	before=$(wc -l <"$PSD_RESULTS")
	start=$(date +%s)
	"$@"
	rc=$?
	after=$(wc -l <"$PSD_RESULTS")
	if [ "$rc" != 0 ] && ! tail -n $((after - before)) "$PSD_RESULTS" | grep -q '^FAIL'; then
		echo "FAIL $name/run (exit $rc)" | tee -a "$PSD_RESULTS"
	fi
	echo "==== $name: $(($(date +%s) - start)) s ===="
}

step lint "$here/lint.sh"
step kunit "$here/kunit.sh"
step e2e python3 "$repo/scripts/e2e/run.py"

passed=$(grep -c '^PASS' "$PSD_RESULTS")
failed=$(grep -c '^FAIL' "$PSD_RESULTS")
skipped=$(grep -c '^SKIP' "$PSD_RESULTS")
if [ "$failed" != 0 ]; then
	echo "Failed:"
	grep '^FAIL' "$PSD_RESULTS" | sed 's/^/  /'
fi
rm -f "$PSD_RESULTS"
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" = 0 ] && [ "$passed" != 0 ]
