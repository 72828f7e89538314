#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Install, idempotently, every Debian package the build, lint, KUnit and
# end-to-end gates need. Safe to run on a machine that already has them.
# Without recommends: linux-libc-dev-arm64-cross and -armhf-cross (the uapi
# headers the e2e guest helpers built with nolibc include) and python3-jsonschema (checks
# every report.json an e2e scenario reads) are named here.
set -eu

PKGS="build-essential flex bison bc libelf-dev libssl-dev sparse cpio kmod \
rsync xz-utils python3 perl git shellcheck \
linux-source-6.12 linux-headers-amd64 linux-headers-6.12-amd64 \
linux-headers-6.12-rt-amd64 gcc-aarch64-linux-gnu gcc-arm-linux-gnueabihf \
linux-libc-dev-arm64-cross linux-libc-dev-armhf-cross qemu-system-arm \
python3-jsonschema"

missing=""
for p in $PKGS; do
	dpkg-query -W -f '${Status}\n' "$p" 2>/dev/null | grep -q "ok installed" ||
		missing="$missing $p"
done

# busybox for the arm64 and 32-bit ARM guests comes as a
# foreign-architecture .deb.
archs=""
for a in arm64 armhf; do
	dpkg --print-foreign-architectures | grep -qx "$a" || archs="$archs $a"
done

if [ -n "$missing" ] || [ -n "$archs" ]; then
	[ "$(id -u)" = 0 ] || { echo "deps: need root to install:$missing" >&2; exit 1; }
	for a in $archs; do
		dpkg --add-architecture "$a"
	done
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -q
	if [ -n "$missing" ]; then
		# shellcheck disable=SC2086
		apt-get install -y -q --no-install-recommends $missing
	fi
fi
echo "deps: all packages present"
