#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Install, idempotently, every Debian package the build, lint, KUnit and
# end-to-end gates need. Safe to run on a machine that already has them.
set -eu

PKGS="build-essential flex bison bc libelf-dev libssl-dev sparse cpio kmod \
rsync xz-utils python3 perl git shellcheck \
linux-source-6.12 linux-headers-amd64 linux-headers-6.12-amd64 \
linux-headers-6.12-rt-amd64 gcc-aarch64-linux-gnu gcc-arm-linux-gnueabihf \
qemu-system-arm prometheus prometheus-node-exporter"
# Daemons these packages would start (and enable at boot), listening on
# every address: the e2e export scenario runs its own on 127.0.0.1 only.
DAEMONS="prometheus prometheus-node-exporter"

missing=""
for p in $PKGS; do
	dpkg-query -W -f '${Status}\n' "$p" 2>/dev/null | grep -q "ok installed" ||
		missing="$missing $p"
done

# busybox for the arm64 guest comes as a foreign-architecture .deb.
need_arm64=0
dpkg --print-foreign-architectures | grep -qx arm64 || need_arm64=1

if [ -n "$missing" ] || [ "$need_arm64" = 1 ]; then
	[ "$(id -u)" = 0 ] || { echo "deps: need root to install:$missing" >&2; exit 1; }
	[ "$need_arm64" = 1 ] && dpkg --add-architecture arm64
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -q
	if [ -n "$missing" ]; then
		# Where no policy-rc.d forbids it, packages start their
		# daemons: forbid it for this install.
		policy=/usr/sbin/policy-rc.d
		ours=
		if [ ! -e "$policy" ]; then
			printf '#!/bin/sh\nexit 101\n' >"$policy"
			chmod 755 "$policy"
			ours=1
			trap 'rm -f "$policy"' EXIT
		fi
		# shellcheck disable=SC2086
		apt-get install -y -q --no-install-recommends $missing
		if [ -n "$ours" ]; then
			rm -f "$policy"
			trap - EXIT
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
fi
echo "deps: all packages present"
