#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Build pmic_sleepdiag.ko, or with --fixtures the test-only modules of
# kunit/fixtures/, from a copy of the sources in OUTDIR, so that builds for
# different kernels and architectures never share object files with the
# repository.  Prints the path of every module built, one a line.
#
#   scripts/build-module.sh [--fixtures] KDIR ARCH CROSS_COMPILE OUTDIR [make args]
#   scripts/build-module.sh "$(scripts/build-kernel.sh arm64-e2e)" \
#           arm64 aarch64-linux-gnu- /tmp/psd-arm64
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
what=module
if [ "${1:-}" = --fixtures ]; then
	what=fixtures
	shift
fi
if [ $# -lt 4 ]; then
	echo "usage: build-module.sh [--fixtures] KDIR ARCH CROSS_COMPILE OUTDIR [make args]" >&2
	exit 2
fi
kdir=$1 arch=$2 cross=$3 out=$4
shift 4
# Objects built from another checkout can be newer than this one's
# sources while older in content: start afresh when the checkout changes.
if [ "$(cat "$out/.psd-src" 2>/dev/null)" != "$root" ]; then
	rm -rf "$out"
fi
mkdir -p "$out"
echo "$root" >"$out/.psd-src"

# Copy only files whose content changed, stamped now: make then rebuilds
# exactly those, even when the objects came from another, newer checkout.
cd "$root"
if [ "$what" = fixtures ]; then
	rsync -rl --checksum kunit/fixtures/Kbuild kunit/fixtures/*.[ch] "$out/"
else
	srcs=
	for f in Makefile Kbuild pmic_sleepdiag wakesrc_trace kunit; do
		[ -e "$f" ] && srcs="$srcs $f"
	done
	# shellcheck disable=SC2086 # word splitting intended
	rsync -rl --checksum --relative --exclude kunit/fixtures/ $srcs "$out/"
fi

make -C "$kdir" M="$out" ARCH="$arch" CROSS_COMPILE="$cross" \
	-j"${PSD_JOBS:-2}" "$@" modules >&2

if [ "$what" = fixtures ]; then
	ls "$out"/psd_fix_*.ko
else
	ls "$out/pmic_sleepdiag.ko"
fi
