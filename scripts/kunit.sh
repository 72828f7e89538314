#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Run the project's KUnit suites in UML, built from linux-source-6.12 with
# the repository's real sources linked into drivers/misc/ (no copies).
#
# Each test case becomes a "PASS kunit/<suite>.<case>" or "FAIL ..." line,
# on stdout and appended to $PSD_RESULTS when set.  A crash, a failed case
# or a suite that did not run fails the script.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
. "$here/cache.sh"

psd_src_tree
mkdir -p "$PSD_CACHE/build"
# One UML build at a time, whoever asks.
exec 9>"$PSD_CACHE/kunit.lock"
flock 9

# Link the repository into the tree: osource, so a stale link never breaks
# other builds of the same tree.
ln -sfn "$repo" "$PSD_SRC/drivers/misc/pmic_sleepdiag"
grep -q pmic_sleepdiag "$PSD_SRC/drivers/misc/Kconfig" ||
	sed -i '$i osource "drivers/misc/pmic_sleepdiag/kunit/Kconfig"' \
		"$PSD_SRC/drivers/misc/Kconfig"
grep -q pmic_sleepdiag "$PSD_SRC/drivers/misc/Makefile" ||
	echo 'obj-$(CONFIG_PMIC_SLEEPDIAG) += pmic_sleepdiag/' \
		>>"$PSD_SRC/drivers/misc/Makefile"

build=$PSD_CACHE/build/um-kunit
json=$PSD_CACHE/build/um-kunit.json
log=$PSD_CACHE/build/um-kunit.log
rm -f "$json"
status=0
(cd "$PSD_SRC" && python3 tools/testing/kunit/kunit.py run \
	--kunitconfig="$repo/kunit/.kunitconfig" --build_dir="$build" \
	--jobs="$(nproc)" --json="$json" "$@") >"$log" 2>&1 || status=$?
grep -E '^\[..:..:..\] (=|\[|Testing|Ran|Elapsed)' "$log" | tail -60 || true

python3 "$here/kunit-results.py" "$json" "$status" "$log"
