# SPDX-License-Identifier: GPL-2.0
"""The guest: an initramfs whose /init runs a scenario's GUEST script
(with the shell helpers of GUEST_LIB), and one QEMU boot of it."""
import os
import re
import subprocess
import time

from .config import ROOT
from .progress import Progress, elapsed
from .waker import ASLEEP_S, Waker

# After the target's QEMU machine (config.KERNELS).
QEMU = ['-smp', '2', '-nographic', '-no-reboot',
        # No network: the guest needs none, and the default NIC's option
        # ROM (Debian's ipxe-qemu) is not installed without recommends.
        '-nic', 'none']
CMDLINE = 'console=ttyAMA0 panic=-1 printk.time=1'

# Shell functions every guest script can use.  Console messages below
# KERN_WARNING are kept off the console (they are in the dmesg dump at the
# end), and while a file is dumped every message is: a line the kernel
# prints on the console would otherwise cut into the file's text.
GUEST_LIB = r'''
M=/m                            # the .ko files
D=/sys/kernel/debug/pmic_sleepdiag
dump() {                        # dump FILE...: FILE's text between markers
	for f in "$@"; do
		if [ -f "$f" ]; then
			echo 1 > /proc/sys/kernel/printk
			echo "@@BEGIN $f@@"; cat "$f"; echo "@@END $f@@"
			echo 5 > /proc/sys/kernel/printk
		else
			echo "@@MISSING $f@@"
		fi
	done
}
dump_tree() {                   # dump_tree DIR: every readable file under DIR
	find "$1" -type f -perm -0400 | sort | while read -r f; do dump "$f"; done
}
fail() { echo "@@FAIL $*@@"; }  # the scenario fails, the script goes on
note() { echo "@@NOTE $*@@"; }  # shown in the log, kept in run.notes
progress() { echo "@@PROGRESS $*@@"; }  # how far a long script is (shown)
must() { "$@" || fail "rc=$?: $*"; }
load_stub() { insmod $M/i2c-stub.ko chip_addr=0x2d; }
load_tps() { load_stub && insmod $M/psd_fix_tps65910.ko "$@"; }
load_psd() { insmod $M/pmic_sleepdiag.ko "$@"; }
freeze() {                      # freeze: one s2idle attempt, between markers
	echo "@@SLEEP@@"        # the host wakes a guest asleep too long (boot())
	echo freeze > /sys/power/state
	set -- $?
	echo "@@AWAKE@@"
	return $1
}
s2idle_cycle() {                # s2idle_cycle [SECONDS]: RTC-alarm-woken freeze
	echo 0 > /sys/class/rtc/rtc0/wakealarm
	echo "+${1:-3}" > /sys/class/rtc/rtc0/wakealarm || return
	freeze
}
settle() {                      # settle: the last cycle's post_resume timer
	local ms                # window is closed (post_resume_ms, + 1 s)
	ms=$(sed -n 's/^setting.post_resume_ms: //p' $D/summary)
	[ -n "$ms" ] || { fail "no setting.post_resume_ms: in summary"; return 1; }
	sleep $(( (ms + 999) / 1000 + 1 ))
}
insmod() {                      # insmod, noting where the module's code is:
	command insmod "$@" || return   # names leaks found after its rmmod
	[ -e /sys/kernel/debug/kmemleak ] || return 0
	local m s
	m=$(basename "$1" .ko | tr - _)
	for s in /sys/module/$m/sections/.*text*; do
		[ -f "$s" ] && echo "$m ${s##*/} $(cat "$s")" >> /tmp/psd-sections
	done
	return 0
}
dump_report() {                 # dump_report: report and report.json (the
	[ -d $D ] && dump $D/report $D/report.json      # runner parses the JSON)
}
'''

INIT = r'''#!/bin/sh
/bin/busybox --install -s /bin
export PATH=/bin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
mount -t debugfs debugfs /sys/kernel/debug
[ -d /sys/kernel/tracing ] && mount -t tracefs tracefs /sys/kernel/tracing
echo 5 > /proc/sys/kernel/printk
# The console can wake the guest: the host's last resort when a wake alarm
# rang before the sleep began (a starved guest), see boot().
echo enabled > /sys/class/tty/ttyAMA0/power/wakeup 2>/dev/null
echo "@@PSD-START $(uname -r)@@"
sh /scenario.sh
rc=$?
if [ -e /sys/kernel/debug/kmemleak ]; then
	# Leak check (debug kernel).  Unload every module so that what one
	# allocated and never freed has no reference left, then scan twice:
	# kmemleak reports an object unreferenced in two scans in a row (the
	# first one records checksums), and only if it is at least 5 s older
	# than the scan.  Code addresses of unloaded modules in its backtraces
	# are named on the host, from where insmod (GUEST_LIB) noted they were.
	for i in 1 2 3; do
		for m in $(cut -d' ' -f1 /proc/modules); do rmmod "$m" 2>/dev/null; done
	done
	grep -q '^pmic_sleepdiag ' /proc/modules &&
		echo "@@FAIL pmic_sleepdiag cannot be unloaded for the leak check@@"
	t0=$(cut -d. -f1 /proc/uptime)
	echo scan > /sys/kernel/debug/kmemleak ||
		echo "@@FAIL kmemleak scan failed (kmemleak off?)@@"
	w=$((t0 + 6 - $(cut -d. -f1 /proc/uptime)))
	[ $w -gt 0 ] && sleep $w
	echo scan > /sys/kernel/debug/kmemleak
	echo "@@PSD-KMEMLEAK@@"
	sed 's/^/# section /' /tmp/psd-sections 2>/dev/null
	cat /sys/kernel/debug/kmemleak
	echo "@@PSD-KMEMLEAK-END@@"
fi
echo "@@PSD-DMESG@@"
dmesg
echo "@@PSD-DONE rc=$rc@@"
poweroff -f
'''


def cpio(entries):
    """newc archive from (name, mode, data) entries; no root needed."""
    out = bytearray()

    def add(ino, name, mode, data=b'', rdev=(0, 0)):
        name = name.encode() + b'\0'
        out.extend(b'070701' + b''.join(b'%08X' % v for v in (
            ino, mode, 0, 0, 1, 0, len(data), 0, 0, rdev[0], rdev[1],
            len(name), 0)))
        out.extend(name + b'\0' * (-(110 + len(name)) % 4))
        out.extend(data + b'\0' * (-len(data) % 4))

    for ino, (name, mode, data) in enumerate(entries, 1):
        if isinstance(data, tuple):             # device node
            add(ino, name, mode, rdev=data)
        else:
            add(ino, name, mode, data)
    add(0, 'TRAILER!!!', 0)
    return bytes(out)


def initramfs(a, guest, path):
    """Write the initramfs for the artifacts a and a GUEST script."""
    def read(p):
        with open(p, 'rb') as f:
            return f.read()
    d, x, r, ln = 0o040755, 0o100755, 0o100644, 0o120777
    e = [(n, d, b'') for n in ('bin', 'dev', 'proc', 'sys', 'tmp', 'm')]
    e += [('dev/console', 0o020600, (5, 1)),
          ('bin/busybox', x, read(a['busybox'])), ('bin/sh', ln, b'busybox'),
          ('init', x, INIT.encode()),
          ('scenario.sh', r, (GUEST_LIB + guest).encode()),
          ('m/i2c-stub.ko', r, read(a['stub']))]
    kmods = [os.path.join(a['kdir'], k) for k in a['kernel'].get('kmods', [])]
    for ko in a['fixtures'] + kmods + ([a['module']] if a['module'] else []):
        e.append(('m/' + os.path.basename(ko), r, read(ko)))
    # The scripts users run on a target, as they ship.
    for tool in ('sleepdiag-collect', 'sleepdiag-export'):
        e.append(('bin/' + tool, x, read(os.path.join(ROOT, 'scripts',
                                                      tool))))
    with open(path, 'wb') as f:
        f.write(cpio(e))


PROGRESS = re.compile(rb'@@PROGRESS (.*?)@@')


def last_progress(log):
    """The guest's latest `progress` message in the console log so far."""
    try:
        with open(log, 'rb') as f:
            f.seek(max(0, os.fstat(f.fileno()).st_size - 8192))
            found = PROGRESS.findall(f.read())
    except OSError:
        return ''
    return found[-1].decode('utf-8', 'replace') if found else ''


def boot(a, what, guest, logdir, name, timeout, append=''):
    """Boot the kernel of a once with the GUEST script, for at most timeout
    seconds; return (console text, log path).  The console goes
    straight to the log, so that a long run can be watched (tail -f); the
    command and time head it once it is over."""
    os.makedirs(logdir, exist_ok=True)
    log = os.path.join(logdir, name + '.log')
    rd = os.path.join(logdir, name + '.cpio')
    initramfs(a, guest, rd)
    k = a['kernel']
    cmd = k['qemu'] + QEMU + ['-m', k['mem'], '-kernel', a['image'],
                              '-initrd', rd, '-append', CMDLINE + append]
    t0 = time.monotonic()

    what = '%s (time limit %s)' % (what, elapsed(timeout))
    with open(log, 'w+b') as f, Progress(what, lambda: last_progress(log)):
        with subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=f,
                              stderr=subprocess.STDOUT) as p, \
                Waker(log, p.stdin, ASLEEP_S * k['slow']) as waker:
            try:
                p.wait(timeout=timeout)
                timed_out = False
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()
                timed_out = True
            except BaseException:
                p.kill()
                raise
        secs = time.monotonic() - t0
        f.seek(0)
        console = f.read().decode('utf-8', 'replace') + waker.notes()
    with open(log, 'w') as f:
        f.write('# %s\n# %.1f s%s\n%s' % (' '.join(cmd), secs,
                                         ', TIMEOUT' if timed_out else '',
                                         console))
    return console, log
