#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Install, idempotently, every Debian package the build, lint, KUnit and
# end-to-end gates need. Safe to run on a machine that already has them.
# Without recommends: linux-libc-dev-arm64-cross and -armhf-cross (the uapi
# headers the e2e guest helpers built with nolibc include) and
# python3-jsonschema (checks every report.json an e2e scenario reads) are
# named here.
# apt's output goes to $PSD_LOGDIR/deps.log (default /tmp/psd-e2e-logs),
# shown only if it fails.  --no-install-recommends: what is listed here is
# all that is needed (the QEMU guest has no network card, so no ROMs).
set -eu

PKGS="build-essential flex bison bc libelf-dev libssl-dev sparse cpio kmod \
rsync xz-utils python3 perl git shellcheck \
linux-source-6.12 linux-headers-amd64 linux-headers-6.12-amd64 \
linux-headers-6.12-rt-amd64 gcc-aarch64-linux-gnu gcc-arm-linux-gnueabihf \
linux-libc-dev-arm64-cross linux-libc-dev-armhf-cross qemu-system-arm \
python3-jsonschema prometheus prometheus-node-exporter"
# Daemons these packages would start (and enable at boot), listening on
# every address: the e2e export scenario runs its own on 127.0.0.1 only.
DAEMONS="prometheus prometheus-node-exporter"

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
	log=${PSD_LOGDIR:-/tmp/psd-e2e-logs}/deps.log
	mkdir -p "$(dirname "$log")"
	echo "deps: installing${missing:- (foreign architectures only)} (log: $log)"
	# Where no policy-rc.d forbids it, packages start their daemons:
	# forbid it for this install.
	policy=/usr/sbin/policy-rc.d
	if [ ! -e "$policy" ]; then
		printf '#!/bin/sh\nexit 101\n' >"$policy"
		chmod 755 "$policy"
		trap 'rm -f "$policy"' EXIT
	fi
	# An index that fails to update (a mirror mid-sync) need not stop the
	# install: only the install's own failure does.
	# shellcheck disable=SC2086	# one word per package
	if ! { { apt-get update -q ||
		 echo "deps: apt-get update reported errors"; } &&
		{ [ -z "$missing" ] ||
		  apt-get install -y -q --no-install-recommends $missing; }; } \
		>"$log" 2>&1; then
		tail -n 30 "$log" >&2
		echo "deps: apt-get failed (log: $log)" >&2
		exit 1
	fi
	for d in $DAEMONS; do
		case " $missing " in *" $d "*) ;; *) continue ;; esac
		# Not at boot either; stopped if one runs after all.
		if command -v systemctl >/dev/null 2>&1; then
			systemctl disable "$d" >/dev/null 2>&1 || true
			if [ -d /run/systemd/system ]; then
				systemctl stop "$d" || true
			fi
		fi
		if [ -x "/etc/init.d/$d" ]; then
			update-rc.d "$d" disable >/dev/null 2>&1 || true
			"/etc/init.d/$d" stop >/dev/null 2>&1 || true
		fi
	done
fi
echo "deps: all packages present"
