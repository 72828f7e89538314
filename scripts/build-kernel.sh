#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Build (or reuse) a linux-source-6.12 kernel for one of the configurations in
# scripts/configs/, and print the path of its build tree on the last line.
#
#   scripts/build-kernel.sh arm64-e2e
#
# A configuration file names its base and architecture in its header:
#   # base: tinyconfig
#   # arch: arm64 aarch64-linux-gnu-
# Builds are cached under $PSD_CACHE/build/, keyed by a hash of the
# configuration and the source version, so a rerun costs nothing.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
. "$here/cache.sh"

name=${1:?usage: build-kernel.sh CONFIG-NAME}
frag=$here/configs/$name.config
[ -f "$frag" ] || { echo "build-kernel: no $frag" >&2; exit 1; }

base=$(sed -n 's/^# base: *//p' "$frag")
set -- $(sed -n 's/^# arch: *//p' "$frag")
arch=$1
cross=${2:-}
target=$(sed -n 's/^# target: *//p' "$frag")

psd_src_tree
ver=$(dpkg-query -W -f '${Version}' linux-source-6.12)
key=$( (cat "$frag"; echo "$ver"; "${cross}gcc" --version | head -1) | sha256sum | cut -c1-12)
out=$PSD_CACHE/build/$name-$key

if [ ! -f "$out/.psd-built" ]; then
	mkdir -p "$out"
	mk() { make -C "$PSD_SRC" O="$out" ARCH="$arch" CROSS_COMPILE="$cross" "$@"; }
	echo "build-kernel: configuring $name ($base) in $out" >&2
	mk -s "$base" >&2
	"$PSD_SRC/scripts/kconfig/merge_config.sh" -m -O "$out" "$out/.config" "$frag" >&2
	mk -s olddefconfig >&2
	# Every option the fragment asks for must have survived olddefconfig.
	lost=$(grep -E '^(CONFIG_[A-Z0-9_]+=.*|# CONFIG_[A-Z0-9_]+ is not set)$' "$frag" |
		grep -vxF -f "$out/.config" || true)
	if [ -n "$lost" ]; then
		echo "build-kernel: $name: these options did not stick:" >&2
		echo "$lost" >&2
		exit 1
	fi
	echo "build-kernel: building $name" >&2
	mk -s -j"$(nproc)" $target modules >&2
	touch "$out/.psd-built"
fi
echo "$out"
