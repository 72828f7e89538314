#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Prove that the README's two commands work on a fresh Debian 12 machine:
# debootstrap a minimal bookworm root from this machine's own apt sources,
# clone this checkout's HEAD into it, install only what the README asks a
# reader to install first (git, make), then run `make demo` and `make check`
# there as root, with an empty cache (a cold build).  Prints the time of
# each and PASS/FAIL fresh-root/demo, fresh-root/check (also appended to
# $PSD_RESULTS if set).  Needs root; run by `make check-full`.
#
#   scripts/fresh-root.sh [TARGET...]   # default: demo check; the root
#                       # lives in $PSD_FRESH_DIR (default /var/tmp) and is
#                       # removed at the end
#
# The whole output of each command goes to $PSD_LOGDIR/fresh-root-*.log
# (default /tmp/psd-e2e-logs).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
logdir=${PSD_LOGDIR:-/tmp/psd-e2e-logs}

[ "$(id -u)" = 0 ] || { echo "fresh-root: needs root" >&2; exit 1; }
mkdir -p "$logdir"

result() {	# result PASS|FAIL NAME [why]
	echo "$1 fresh-root/$2${3:+: $3}"
	[ -z "${PSD_RESULTS:-}" ] || echo "$1 fresh-root/$2" >>"$PSD_RESULTS"
}

# The first mirror serving bookworm, from the sources apt reads here
# (one-line and deb822 formats): "URI KEYRING".
mirror() {
	for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
		[ -f "$f" ] || continue
		awk '$1 == "deb" {
			key = ""; i = 2
			if ($2 ~ /^\[/) {
				for (; i <= NF; i++) {
					if ($i ~ /signed-by=/) {
						key = $i; sub(/.*signed-by=/, "", key)
						sub(/\]$/, "", key)
					}
					if ($i ~ /\]$/)
						break
				}
				i++
			}
			if ($(i + 1) == "bookworm") { print $i, key; exit }
		}' "$f"
	done
	for f in /etc/apt/sources.list.d/*.sources; do
		[ -f "$f" ] || continue
		awk 'function flush() {
			if (deb && uri != "" && suites ~ /(^| )bookworm( |$)/)
				print uri, key
			deb = 0; uri = ""; suites = ""; key = ""
		}
		/^[ \t]*$/ { flush(); next }
		/^Types:/ { deb = ($0 ~ /[ \t]deb([ \t]|$)/) }
		/^URIs:/ { uri = $2 }
		/^Suites:/ { suites = $0; sub(/^Suites:[ \t]*/, "", suites) }
		/^Signed-By:/ { key = $2 }
		END { flush() }' "$f"
	done
}

targets=${*:-demo check}
# shellcheck disable=SC2046	# URI and keyring path: two words
set -- $(mirror | head -1)
uri=${1:-}
keyring=${2:-}
[ -n "$uri" ] || { echo "fresh-root: no bookworm source in /etc/apt" >&2; exit 1; }

if ! command -v debootstrap >/dev/null; then
	DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
		--no-install-recommends debootstrap >/dev/null
fi

root=$(mktemp -d "${PSD_FRESH_DIR:-/var/tmp}/psd-fresh-root.XXXXXX")
# shellcheck disable=SC2317	# called by cleanup
# in_root_pids: the processes whose root is the fresh root (ours: only
# this script starts any there).
in_root_pids() {
	for p in /proc/[0-9]*; do
		[ "$(readlink "$p/root" 2>/dev/null)" != "$root" ] || echo "${p#/proc/}"
	done
}
# shellcheck disable=SC2317	# called by the trap
cleanup() {
	# What a killed `make check` left running would keep writing there.
	for _ in 1 2 3 4 5; do
		pids=$(in_root_pids)
		[ -n "$pids" ] || break
		# shellcheck disable=SC2086	# one word per process id
		kill -9 $pids 2>/dev/null || true
		sleep 1
	done
	umount -R "$root" 2>/dev/null || umount -R -l "$root" 2>/dev/null || true
	# Remove only what is no longer a mount point: never the host's /dev.
	if ! grep -q " ${root}[/ ]" /proc/self/mounts; then
		rm -rf "$root"
	else
		echo "fresh-root: $root still mounted, left in place" >&2
	fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

t0=$(date +%s)
echo "fresh-root: debootstrap bookworm (minbase) from $uri into $root"
debootstrap --variant=minbase ${keyring:+--keyring="$keyring"} bookworm \
	"$root" "$uri" >"$logdir/fresh-root-debootstrap.log" 2>&1 || {
	tail -n 20 "$logdir/fresh-root-debootstrap.log"
	result FAIL debootstrap
	exit 1
}

# The machine's apt configuration: sources, the keyrings they name, and
# the proxy and validity settings, as apt here sees them.
rm -f "$root/etc/apt/sources.list"
cp -a /etc/apt/sources.list.d/. "$root/etc/apt/sources.list.d/"
[ ! -f /etc/apt/sources.list ] || cp /etc/apt/sources.list "$root/etc/apt/"
cp -a /etc/apt/trusted.gpg.d/. "$root/etc/apt/trusted.gpg.d/"
cp -a /usr/share/keyrings/. "$root/usr/share/keyrings/"
for f in /etc/apt/apt.conf.d/*proxy*; do
	[ ! -f "$f" ] || cp "$f" "$root/etc/apt/apt.conf.d/"
done
for opt in Acquire::http::Proxy Acquire::https::Proxy \
	Acquire::Check-Valid-Until Acquire::Check-Date; do
	val=
	eval "$(apt-config shell val "$opt")"
	[ -z "$val" ] || echo "$opt \"$val\";"
done >"$root/etc/apt/apt.conf.d/00fresh-root-host"
cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true

# Packages install, but start no daemon.
printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
chmod 755 "$root/usr/sbin/policy-rc.d"

# Mounts of its own, private, so that nothing propagates to the host.
mount --bind "$root" "$root"
mount --make-rprivate "$root"
mount -t proc proc "$root/proc"
mount -t sysfs sysfs "$root/sys"
mount -t devtmpfs devtmpfs "$root/dev"
mkdir -p "$root/dev/pts" "$root/dev/shm"
mount -t devpts -o newinstance,ptmxmode=0666,mode=620 devpts "$root/dev/pts"
mount -t tmpfs -o mode=1777 shm "$root/dev/shm"

# A clean clone of what is committed here.
head=$(git -C "$repo" rev-parse HEAD)
[ -z "$(git -C "$repo" status --porcelain --untracked-files=no)" ] ||
	echo "fresh-root: uncommitted changes are not tested (HEAD $head)"
git clone -q "$repo" "$root/root/pmic_sleepdiag"
git -C "$root/root/pmic_sleepdiag" checkout -q --detach "$head"

# in_root LOG COMMAND: COMMAND as root in the fresh root, a clean
# environment (no host cache, no $PSD_RESULTS), output into LOG.
in_root() {
	log=$1
	shift
	chroot "$root" /usr/bin/env -i HOME=/root LANG=C.UTF-8 TERM=dumb \
		PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
		${http_proxy:+http_proxy="$http_proxy"} \
		${https_proxy:+https_proxy="$https_proxy"} \
		${no_proxy:+no_proxy="$no_proxy"} \
		sh -c "cd /root/pmic_sleepdiag && $*" >"$log" 2>&1
}

# What the README asks a reader to install first.
in_root "$logdir/fresh-root-apt.log" \
	'apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends git make' || {
	tail -n 20 "$logdir/fresh-root-apt.log"
	result FAIL install
	exit 1
}
echo "fresh-root: root ready in $(($(date +%s) - t0)) s (HEAD $head)"

rc=0
for target in $targets; do
	log=$logdir/fresh-root-$target.log
	start=$(date +%s)
	if in_root "$log" make "$target"; then
		echo "fresh-root: make $target: $(($(date +%s) - start)) s, passed (log $log)"
		result PASS "$target"
	else
		echo "fresh-root: make $target: $(($(date +%s) - start)) s, FAILED (log $log); its last lines:"
		tail -n 30 "$log" | sed 's/^/  | /'
		result FAIL "$target"
		rc=1
	fi
done
exit $rc
