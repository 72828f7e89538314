#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The build matrix and static checks, each a gate counted as a test:
#   build/<kernel>   W=1 build, zero warnings (Debian headers 6.1, 6.12,
#                    6.12-rt amd64; linux-source-6.12 built for arm64, arm,
#                    and for arm64 without tracepoints)
#   sparse/<kernel>  C=2, zero reports
#   checkpatch/<f>   checkpatch.pl --strict, per source file
#   sh-n/<f>, shellcheck/<f>  dash -n and shellcheck -s sh, per target script
# Lines "PASS <gate>" / "FAIL <gate>" go to stdout and to $PSD_RESULTS.
set -u

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
. "$here/cache.sh"
psd_src_tree

# Each checkout lints in a directory of its own: runs from several
# checkouts of the same cache go on at once.
lintdir=$PSD_CACHE/lint/$(basename "$repo")-$(printf %s "$repo" | sha1sum | cut -c1-8)
mkdir -p "$lintdir"

fails=0
result() {	# result PASS|FAIL gate [log]
	echo "$1 $2"
	[ -n "${PSD_RESULTS:-}" ] && echo "$1 $2" >>"$PSD_RESULTS"
	if [ "$1" = FAIL ]; then
		fails=$((fails + 1))
		[ -n "${3:-}" ] && sed 's/^/    /' "$3" | grep -E 'warning|error|:[0-9]+:' | head -20
	fi
	return 0
}

newest() { ls -d $1 2>/dev/null | sort -V | tail -1; }

# gate NAME KDIR ARCH CROSS [extra make args]
gate() {
	name=$1 kdir=$2 arch=$3 cross=$4
	shift 4
	out=$lintdir/$name
	log=$lintdir/$name.log
	rm -rf "$out"
	mkdir -p "$out"
	if [ -z "$kdir" ] || [ ! -d "$kdir" ]; then
		echo "no kernel tree for $name" >"$log"
		result FAIL "$name" "$log"
		return
	fi
	if "$here/build-module.sh" "$kdir" "$arch" "$cross" "$out" "$@" \
		>"$log" 2>&1 && ! grep -qE 'warning:|error:|^[^ ]+:[0-9]+:[0-9]+: ' "$log"; then
		result PASS "$name"
	else
		result FAIL "$name" "$log"
	fi
}

h61=$(newest '/usr/src/linux-headers-6.1.*-amd64')
h612=$(ls -d /usr/src/linux-headers-6.12.*-amd64 | grep -v -- -rt- | sort -V | tail -1)
h612rt=$(newest '/usr/src/linux-headers-6.12.*-rt-amd64')
arm64=$("$here/build-kernel.sh" arm64-e2e | tail -1) || arm64=
# The 32-bit board target's kernel, which e2e-arm32 boots: no kernel
# built only for this gate.
arm=$("$here/build-kernel.sh" arm32-board | tail -1) || arm=
notrace=$("$here/build-kernel.sh" arm64-notrace | tail -1) || notrace=

gate build/6.1-amd64 "$h61" x86_64 "" W=1
gate build/6.12-amd64 "$h612" x86_64 "" W=1
gate build/6.12-rt-amd64 "$h612rt" x86_64 "" W=1
gate build/6.12-arm64 "$arm64" arm64 aarch64-linux-gnu- W=1
gate build/6.12-arm "$arm" arm arm-linux-gnueabihf- W=1
gate build/6.12-arm64-notrace "$notrace" arm64 aarch64-linux-gnu- W=1
gate sparse/6.12-amd64 "$h612" x86_64 "" C=2
gate sparse/6.12-arm64 "$arm64" arm64 aarch64-linux-gnu- C=2

cd "$repo"
for f in $(git ls-files --cached --others --exclude-standard '*.c' '*.h'); do
	log=$lintdir/checkpatch.log
	if perl "$PSD_SRC/scripts/checkpatch.pl" --strict --no-tree --quiet \
		--show-types -f "$f" >"$log" 2>&1; then
		result PASS "checkpatch/$f"
	else
		result FAIL "checkpatch/$f" "$log"
		cat "$log"
	fi
done

# Shell scripts that run on targets (busybox): POSIX syntax, as dash
# parses it, and shellcheck as POSIX sh.
for f in scripts/sleepdiag-collect scripts/sleepdiag-export; do
	log=$lintdir/shell.log
	if dash -n "$f" >"$log" 2>&1; then
		result PASS "sh-n/$f"
	else
		result FAIL "sh-n/$f" "$log"
	fi
	if shellcheck -s sh -f gcc "$f" >"$log" 2>&1; then
		result PASS "shellcheck/$f"
	else
		result FAIL "shellcheck/$f" "$log"
	fi
done

[ "$fails" = 0 ]
