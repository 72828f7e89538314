# SPDX-License-Identifier: GPL-2.0
"""alarmwait for the e2e guest: scripts/e2e/alarmwait.c built with nolibc
for the target, a GUEST snippet that installs it as /bin/alarmwait, and
the guest shell helpers the alarm_* scenarios use it (and alarm_freezer
its alarmsleep) through."""
from helpers import rel_lib


def guest_install():
    """Shell lines that write /bin/alarmwait in the guest."""
    return rel_lib.install('alarmwait')


# Guest shell helpers.  armed_cycle OUT CMD PROG [ARG...] runs PROG with
# its output in OUT in the background, waits for its "armed" line, runs CMD
# (none if empty), suspends to idle with no RTC wakealarm and waits for PROG
# to end.  alarm_cycle SECONDS OUT [CMD] does so with alarmwait, which arms
# a CLOCK_BOOTTIME_ALARM timerfd SECONDS ahead and leaves its two lines in
# OUT.
GUEST_LIB = r'''
armed_cycle() {
	local out=$1 cmd=$2 pid
	shift 2
	echo 0 > /sys/class/rtc/rtc0/wakealarm
	"$@" > "$out" &
	pid=$!
	n=0
	until grep -q armed "$out"; do
		n=$((n + 1)); [ $n -gt 100 ] && { fail "$1 did not arm"; return 1; }
		sleep 0.05
	done
	[ -z "$cmd" ] || eval "$cmd" || { fail "$cmd"; return 1; }
	freeze || { fail "freeze failed"; return 1; }
	wait $pid || { fail "$1 exited $?"; return 1; }
}
alarm_cycle() { armed_cycle "$2" "$3" alarmwait "$1"; }
'''
