# SPDX-License-Identifier: GPL-2.0
"""alarmwait for the e2e guest: build scripts/e2e/alarmwait.c as a tiny
static arm64 program and hand scenarios a GUEST snippet that installs it
as /bin/alarmwait (base64 in a here-document: the runner's initramfs takes
no extra files).  Imported by the alarm_* scenarios; not a scenario."""
import base64
import os
import subprocess

from harness.config import HERE, LOGDIR

SRC = os.path.join(HERE, 'alarmwait.c')
CC = 'aarch64-linux-gnu-gcc'
CFLAGS = ['-static', '-nostdlib', '-ffreestanding', '-fno-stack-protector',
          '-fno-builtin', '-O2', '-Wall', '-Werror']


def build(out_dir=LOGDIR):
    """Compile alarmwait; return the binary's bytes."""
    os.makedirs(out_dir, exist_ok=True)
    out = os.path.join(out_dir, 'alarmwait')
    subprocess.run([CC] + CFLAGS + ['-o', out, SRC], check=True)
    with open(out, 'rb') as f:
        return f.read()


def guest_install():
    """Shell lines that write /bin/alarmwait in the guest."""
    b64 = base64.encodebytes(build()).decode()
    return ("base64 -d > /bin/alarmwait <<'PSD_EOF'\n%sPSD_EOF\n"
            "chmod 755 /bin/alarmwait\n" % b64)


# Guest shell helper: alarm_cycle SECONDS OUT arms a CLOCK_BOOTTIME_ALARM
# timerfd SECONDS ahead, suspends to idle with no RTC wakealarm, and leaves
# alarmwait's two lines in OUT.
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
	echo freeze > /sys/power/state || { fail "freeze failed"; return 1; }
	wait $aw || { fail "alarmwait exited $?"; return 1; }
}
'''
