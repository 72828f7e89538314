#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Run the project's KUnit suites in UML, built from linux-source-6.12 with
# the repository's real sources linked into drivers/misc/ (no copies).
#
# Each test case becomes a "PASS kunit/<suite>.<case>" or "FAIL ..." line,
# on stdout and appended to $PSD_RESULTS when set.  A crash, a failed case
# or a suite that did not run fails the script.
#
#   scripts/kunit.sh [--reverse] [--arch arm|arm64] [--build-only]
#                    [kunit.py run arguments]
#
# --reverse links the suites in the opposite order (they run in link
# order), to show that none depends on what one before it did.
#
# --arch arm runs them in a 32-bit ARM kernel (arm-linux-gnueabihf-) under
# qemu-system-arm -machine virt -smp 2, where a u64 is read and written in
# two halves and a reader on one CPU can race a writer on the other; its
# lines are "PASS kunit-arm32/<suite>.<case>".  It has a tree copy, a build
# directory and a lock of its own, so it does not hold up the UML runs.
# --arch arm64 does the same on 64-bit ARM ("kunit-arm64/..."), by hand:
# there irqpend's watch_shows_unsupported_and_unwatch_removes fails, the
# IRQ it watches showing a pending state rather than "unsupported".
#
# --build-only builds the kernel and the suites and runs nothing (make
# check builds the UML and arm ones ahead, at idle priority, while other
# steps run).
set -eu

PSD_KUNIT_REVERSE=0
arch=um
build_only=
while [ $# -gt 0 ]; do
	case $1 in
	--reverse) PSD_KUNIT_REVERSE=1 ;;
	--arch) arch=${2:?--arch arm}; shift ;;
	--build-only) build_only=1 ;;
	*) break ;;
	esac
	shift
done
export PSD_KUNIT_REVERSE
case $arch in
um)	name=um-kunit prefix=kunit copy=linux-source-6.12-kunit
	set -- --jobs="$(nproc)" "$@" ;;
arm|arm64)
	# arm64 is not in make check: 64-bit SMP, where lat_max_read_whole
	# must pass.
	name=$arch-kunit copy=linux-source-6.12-kunit-$arch
	prefix=kunit-arm32 cross=arm-linux-gnueabihf-
	if [ "$arch" = arm64 ]; then
		prefix=kunit-arm64 cross=aarch64-linux-gnu-
	fi
	# SMP for a reader and a writer on two CPUs; TCG is slow, and the
	# suites run one after the other in one boot.
	set -- --jobs="$(nproc)" --arch="$arch" --cross_compile="$cross" \
		--qemu_args="-smp 2" --kconfig_add=CONFIG_SMP=y "$@" ;;
*)	echo "kunit.sh: --arch um, arm or arm64, not $arch" >&2
	exit 2 ;;
esac

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
. "$here/cache.sh"

psd_src_tree
mkdir -p "$PSD_CACHE/build"
# One build per architecture at a time, whoever asks.
if [ "$arch" = um ]; then
	exec 9>"$PSD_CACHE/kunit.lock"
else
	exec 9>"$PSD_CACHE/kunit-$arch.lock"
fi
flock 9

# A hard-linked copy of the tree, so the edits below never touch the tree
# the other kernels are built from; sed -i breaks the links it edits.
src=$PSD_CACHE/$copy
if [ ! -f "$src/.psd-copied" ] || [ "$PSD_SRC/.psd-extracted-"* -nt "$src/.psd-copied" ]; then
	rm -rf "$src"
	cp -al "$PSD_SRC" "$src"
	sed -i '$i source "drivers/misc/pmic_sleepdiag/kunit/Kconfig"' \
		"$src/drivers/misc/Kconfig"
	echo 'obj-$(CONFIG_PMIC_SLEEPDIAG) += pmic_sleepdiag/' \
		>>"$src/drivers/misc/Makefile"
	touch "$src/.psd-copied"
fi
build=$PSD_CACHE/build/$name
# The repository itself, not a copy that could drift.  Objects built from
# another checkout may look newer than this one's sources: drop them.
if [ "$(readlink "$src/drivers/misc/pmic_sleepdiag")" != "$repo" ]; then
	rm -rf "$build/drivers/misc/pmic_sleepdiag"
fi
ln -sfn "$repo" "$src/drivers/misc/pmic_sleepdiag"

log=${PSD_KUNIT_LOG:-$PSD_CACHE/build/$name.log}	# bench.sh reads its own
if [ -n "$build_only" ]; then
	(cd "$src" && python3 tools/testing/kunit/kunit.py build \
		--kunitconfig="$repo/kunit/.kunitconfig" --build_dir="$build" \
		"$@") >"$log.build" 2>&1 ||
		{ tail -20 "$log.build" >&2; exit 1; }
	exit 0
fi
[ "$arch" = um ] || set -- --timeout=1800 "$@"
json=$PSD_CACHE/build/$name.json
rm -f "$json" "$build/test.log"
status=0
(cd "$src" && python3 tools/testing/kunit/kunit.py run \
	--kunitconfig="$repo/kunit/.kunitconfig" --build_dir="$build" \
	--json="$json" "$@") >"$log" 2>&1 || status=$?
grep -E '^\[..:..:..\] (=|\[|Testing|Ran|Elapsed)' "$log" | tail -60 || true

rc=0
python3 "$here/kunit-results.py" "$json" "$status" "$log" "$prefix" || rc=$?
# The suites and the module are built with the kernel's own flags: a
# compiler warning in any of their files is a failure, as in lint.sh.
if grep -E 'drivers/misc/pmic_sleepdiag/.*: warning:' "$log"; then
	echo "FAIL $prefix/build-warnings (log $log)"
	rc=1
fi
# A kernel WARNING, BUG or oops while the suites ran fails the run even
# when every case passed (kunit.py keeps the kernel's console in test.log).
# From the first suite on: UML's own boot warns (virt-pci, no device).
gate=PASS
if [ -f "$build/test.log" ] &&
   sed -n '/KTAP version/,$p' "$build/test.log" |
   grep -E '(WARNING|BUG):|Oops|Kernel panic'; then
	gate=FAIL
	rc=1
fi
if [ -f "$build/test.log" ]; then
	echo "$gate $prefix/kernel-warnings" | tee -a "${PSD_RESULTS:-/dev/null}"
fi
exit "$rc"
