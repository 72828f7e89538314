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
# or takes them, and every option, from another one it includes:
#   # include: arm64-e2e
# (its own headers and options come after, and win).  Builds are cached
# under $PSD_CACHE/build/, keyed by a hash of the configuration and the
# source version, so a rerun costs nothing.  A configuration that differs
# from another in a few options may name it, in its own file only:
#   # seed: arm64-e2e
# A cold build then starts from a copy of that one's build tree, and Kbuild
# rebuilds only what the changed options touch.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
. "$here/cache.sh"

# fragment NAME: NAME's configuration file, preceded by those it includes.
fragment() (
	f=$here/configs/$1.config
	[ -f "$f" ] || { echo "build-kernel: no $f" >&2; exit 1; }
	for inc in $(sed -n 's/^# include: *//p' "$f"); do
		fragment "$inc" || exit
	done
	cat "$f"
)

name=${1:?usage: build-kernel.sh CONFIG-NAME}
frag=$(mktemp /tmp/psd-kconfig.XXXXXX)
trap 'rm -f "$frag"' EXIT
fragment "$name" >"$frag"

header() { sed -n "s/^# $1: *//p" "$frag" | tail -1; }
base=$(header base)
set -- $(header arch)
arch=$1
cross=${2:-}
target=$(header target)

psd_src_tree
ver=$(dpkg-query -W -f '${Version}' linux-source-6.12)
key=$( (cat "$frag"; echo "$ver"; "${cross}gcc" --version | head -1) | sha256sum | cut -c1-12)
out=$PSD_CACHE/build/$name-$key

# One build of a configuration at a time, whoever asks (lint, e2e, bench).
mkdir -p "$PSD_CACHE/build"
exec 8>"$PSD_CACHE/build/$name-$key.lock"
flock 8
if [ ! -f "$out/.psd-built" ]; then
	seed=$(sed -n 's/^# seed: *//p' "$here/configs/$name.config" | tail -1)
	if [ -n "$seed" ] && [ ! -e "$out" ]; then
		from=$("$here/build-kernel.sh" "$seed" | tail -1)
		echo "build-kernel: $name starts from $seed's build" >&2
		rm -rf "$out.tmp"
		cp -a "$from" "$out.tmp"
		rm -f "$out.tmp/.psd-built"
		mv "$out.tmp" "$out"
	fi
	mkdir -p "$out"
	mk() { make -C "$PSD_SRC" O="$out" ARCH="$arch" CROSS_COMPILE="$cross" "$@"; }
	echo "build-kernel: configuring $name ($base) in $out" >&2
	mk -s "$base" >&2
	"$PSD_SRC/scripts/kconfig/merge_config.sh" -m -O "$out" "$out/.config" "$frag" >&2
	mk -s olddefconfig >&2
	# Every option the fragment asks for (its last word on each) must have
	# survived olddefconfig.  An option asked to be off may also be gone
	# from .config, hidden by another that is off.
	lost=$(grep -E '^(CONFIG_[A-Z0-9_]+=.*|# CONFIG_[A-Z0-9_]+ is not set)$' "$frag" |
		awk '{ o = $0; sub(/^# /, "", o); sub(/[= ].*/, "", o); last[o] = $0 }
		     END { for (o in last) print last[o] }' |
		while read -r want; do
			case $want in
			"# "*)	o=${want#\# }
				! grep -q "^${o%% *}=" "$out/.config" ||
					echo "$want" ;;
			*)	grep -qxF "$want" "$out/.config" ||
					echo "$want" ;;
			esac
		done)
	if [ -n "$lost" ]; then
		echo "build-kernel: $name: these options did not stick:" >&2
		echo "$lost" >&2
		exit 1
	fi
	echo "build-kernel: building $name" >&2
	# The long step: a progress line (objects built, out of as many as the
	# last build of this configuration made) at least every 30 s.
	objs=$PSD_CACHE/build/$name.objects
	total=$(cat "$objs" 2>/dev/null || echo 0)
	python3 "$here/e2e/harness/progress.py" \
		--what "build-kernel: building $name" \
		--count "$out" '*.o' --total "$total" -- \
		make -C "$PSD_SRC" O="$out" ARCH="$arch" CROSS_COMPILE="$cross" \
		-s -j"$(nproc)" $target modules >&2
	find "$out" -name '*.o' | wc -l >"$objs"
	touch "$out/.psd-built"
fi
echo "$out"
