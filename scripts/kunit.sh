#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Run the project's KUnit suites in UML, built from linux-source-6.12 with
# the repository's real sources linked into drivers/misc/ (no copies).
#
# Each test case becomes a "PASS kunit/<suite>.<case>" or "FAIL ..." line,
# on stdout and appended to $PSD_RESULTS when set.  A crash, a failed case
# or a suite that did not run fails the script.
#
#   scripts/kunit.sh [--reverse] [kunit.py run arguments, e.g. a filter]
#
# --reverse links the suites in the opposite order (they run in link
# order), to show that none depends on what one before it did.
set -eu

PSD_KUNIT_REVERSE=0
if [ "${1:-}" = --reverse ]; then
	PSD_KUNIT_REVERSE=1
	shift
fi
export PSD_KUNIT_REVERSE

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
. "$here/cache.sh"

psd_src_tree
mkdir -p "$PSD_CACHE/build"
# One UML build at a time, whoever asks.
exec 9>"$PSD_CACHE/kunit.lock"
flock 9

# A hard-linked copy of the tree, so the edits below never touch the tree
# the other kernels are built from; sed -i breaks the links it edits.
src=$PSD_CACHE/linux-source-6.12-kunit
if [ ! -f "$src/.psd-copied" ] || [ "$PSD_SRC/.psd-extracted-"* -nt "$src/.psd-copied" ]; then
	rm -rf "$src"
	cp -al "$PSD_SRC" "$src"
	sed -i '$i source "drivers/misc/pmic_sleepdiag/kunit/Kconfig"' \
		"$src/drivers/misc/Kconfig"
	echo 'obj-$(CONFIG_PMIC_SLEEPDIAG) += pmic_sleepdiag/' \
		>>"$src/drivers/misc/Makefile"
	touch "$src/.psd-copied"
fi
build=$PSD_CACHE/build/um-kunit
# The repository itself, not a copy that could drift.  Objects built from
# another checkout may look newer than this one's sources: drop them.
if [ "$(readlink "$src/drivers/misc/pmic_sleepdiag")" != "$repo" ]; then
	rm -rf "$build/drivers/misc/pmic_sleepdiag"
fi
ln -sfn "$repo" "$src/drivers/misc/pmic_sleepdiag"

json=$PSD_CACHE/build/um-kunit.json
log=${PSD_KUNIT_LOG:-$PSD_CACHE/build/um-kunit.log}	# bench.sh reads its own
rm -f "$json"
status=0
(cd "$src" && python3 tools/testing/kunit/kunit.py run \
	--kunitconfig="$repo/kunit/.kunitconfig" --build_dir="$build" \
	--jobs="$(nproc)" --json="$json" "$@") >"$log" 2>&1 || status=$?
grep -E '^\[..:..:..\] (=|\[|Testing|Ran|Elapsed)' "$log" | tail -60 || true

rc=0
python3 "$here/kunit-results.py" "$json" "$status" "$log" || rc=$?
# The suites and the module are built with the kernel's own flags: a
# compiler warning in any of their files is a failure, as in lint.sh.
if grep -E 'drivers/misc/pmic_sleepdiag/.*: warning:' "$log"; then
	echo "FAIL kunit/build-warnings (log $log)"
	rc=1
fi
exit "$rc"
