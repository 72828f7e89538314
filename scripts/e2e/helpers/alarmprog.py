# SPDX-License-Identifier: GPL-2.0
"""alarmwait for the e2e guest: scripts/e2e/alarmwait.c built with nolibc
for the target, a GUEST snippet that installs it as /bin/alarmwait, and
the guest shell helper the alarm_* scenarios use it through."""
from helpers import rel_lib


def guest_install():
    """Shell lines that write /bin/alarmwait in the guest."""
    return rel_lib.install('alarmwait')


# Guest shell helper: alarm_cycle SECONDS OUT [CMD] arms a
# CLOCK_BOOTTIME_ALARM timerfd SECONDS ahead, runs CMD once it is armed,
# suspends to idle with no RTC wakealarm, and leaves alarmwait's two lines
# in OUT.
GUEST_LIB = r'''
alarm_cycle() {
	echo 0 > /sys/class/rtc/rtc0/wakealarm
	alarmwait "$1" > "$2" &
	aw=$!
	n=0
	until grep -q armed "$2"; do
		n=$((n + 1)); [ $n -gt 100 ] && { fail "alarmwait did not arm"; return 1; }
		sleep 0.05
	done
	[ -z "$3" ] || eval "$3" || { fail "$3"; return 1; }
	freeze || { fail "freeze failed"; return 1; }
	wait $aw || { fail "alarmwait exited $?"; return 1; }
}
'''
