#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""End-to-end scenarios on the arm64 QEMU target (python3 stdlib only).

    python3 scripts/e2e/run.py [SCENARIO...]     # default: every scenario
    python3 scripts/e2e/run.py path/to/file.py   # a scenario from elsewhere
    python3 scripts/e2e/run.py --demo            # what `make demo` prints

Builds what is missing (kernel, pmic_sleepdiag.ko, fixtures, busybox), then
for each scenario boots QEMU once with an initramfs whose /init runs the
scenario's GUEST shell script, and runs the scenario's check(run) on the
console it collected.  A scenario is scripts/e2e/scenarios/NAME.py with:

    GUEST = '''shell script run in the guest (helpers: see GUEST_LIB)'''
    def check(run): ...         # assertions, see class Run
    TIMEOUT = 300               # optional, seconds for the whole boot
    NEEDS_MODULE = True         # optional: False if pmic_sleepdiag.ko unused
    APPEND = ''                 # optional: more kernel command line

A scenario fails on a kernel splat (SPLATS) anywhere on the console, if the
guest did not finish, if its script called `fail` or exited non-zero, or if
check(run) raised.

Prints `PASS e2e/NAME` or `FAIL e2e/NAME: reason` per scenario (and appends
`PASS e2e/NAME` / `FAIL e2e/NAME` to $PSD_RESULTS if set), then
`e2e: N passed, N failed`.  Console logs go to $PSD_LOGDIR
(default /tmp/psd-e2e-logs).  Exit status 1 if any scenario failed.
"""
import fcntl
import glob
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SCENARIOS = os.path.join(HERE, 'scenarios')
CACHE = os.environ.get('PSD_CACHE') or os.path.join(
    os.environ.get('XDG_CACHE_HOME') or os.path.expanduser('~/.cache'),
    'pmic_sleepdiag')
LOGDIR = os.environ.get('PSD_LOGDIR') or '/tmp/psd-e2e-logs'
ARCH, CROSS = 'arm64', 'aarch64-linux-gnu-'
DEBUGFS = '/sys/kernel/debug/pmic_sleepdiag'
QEMU = ['qemu-system-aarch64', '-M', 'virt,gic-version=3', '-cpu', 'cortex-a57',
        '-smp', '2', '-m', '512M', '-nographic', '-no-reboot']
CMDLINE = 'console=ttyAMA0 panic=-1 printk.time=1'
SPLATS = ('WARNING:', 'BUG:', 'Oops', 'possible recursive locking', 'lockdep',
          'INFO: task', 'circular locking',
          'sleeping function called from invalid context', 'Call trace:')
SPLAT_OK = re.compile(r'RCU lockdep checking is enabled')   # boot banner

# Shell functions every guest script can use.  Console messages below
# KERN_WARNING are kept off the console (they are in the dmesg dump at the
# end) so that they do not cut into dumps.
GUEST_LIB = r'''
M=/m                            # the .ko files
D=/sys/kernel/debug/pmic_sleepdiag
dump() {                        # dump FILE...: FILE's text between markers
	for f in "$@"; do
		if [ -f "$f" ]; then
			echo "@@BEGIN $f@@"; cat "$f"; echo "@@END $f@@"
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
must() { "$@" || fail "rc=$?: $*"; }
load_stub() { insmod $M/i2c-stub.ko chip_addr=0x2d; }
load_tps() { load_stub && insmod $M/psd_fix_tps65910.ko "$@"; }
load_psd() { insmod $M/pmic_sleepdiag.ko "$@"; }
s2idle_cycle() {                # s2idle_cycle [SECONDS]: RTC-alarm-woken freeze
	echo 0 > /sys/class/rtc/rtc0/wakealarm
	echo "+${1:-3}" > /sys/class/rtc/rtc0/wakealarm || return
	echo freeze > /sys/power/state
}
'''

INIT = r'''#!/bin/sh
/bin/busybox --install -s /bin
export PATH=/bin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
mount -t debugfs debugfs /sys/kernel/debug
mount -t tracefs tracefs /sys/kernel/tracing
echo 5 > /proc/sys/kernel/printk
echo "@@PSD-START $(uname -r)@@"
sh /scenario.sh
rc=$?
echo "@@PSD-DMESG@@"
dmesg
echo "@@PSD-DONE rc=$rc@@"
poweroff -f
'''


class CheckFailed(Exception):
    pass


def sh(cmd, log, **kw):
    """Run cmd with its output in log; return stdout, raise with the tail."""
    with open(log, 'a') as f:
        f.write('$ %s\n' % ' '.join(cmd))
        f.flush()
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=f, text=True,
                           **kw)
    if p.returncode:
        with open(log) as f:
            tail = f.read().splitlines()[-30:]
        raise RuntimeError('%s failed (log %s):\n%s' % (cmd[0], log,
                                                        '\n'.join(tail)))
    return p.stdout


# ---- building what is missing ----------------------------------------------

def busybox(log):
    """busybox-static for arm64, from the Debian package, cached."""
    bb = os.path.join(CACHE, 'busybox-arm64', 'busybox')
    if not os.path.exists(bb):
        archs = subprocess.run(['dpkg', '--print-foreign-architectures'],
                               stdout=subprocess.PIPE, text=True).stdout
        if 'arm64' not in archs.split():        # deps.sh adds it
            sh(['sh', os.path.join(ROOT, 'scripts', 'deps.sh')], log)
        with tempfile.TemporaryDirectory() as tmp:
            sh(['apt-get', 'download', 'busybox-static:arm64'], log, cwd=tmp)
            deb = glob.glob(os.path.join(tmp, '*.deb'))[0]
            sh(['dpkg-deb', '-x', deb, os.path.join(tmp, 'x')], log)
            os.makedirs(os.path.dirname(bb), exist_ok=True)
            shutil.copy(os.path.join(tmp, 'x', 'bin', 'busybox'), bb + '.tmp')
            os.rename(bb + '.tmp', bb)
    return bb


def build_all():
    """Return the artifacts as a dict; 'module' is None if it did not build."""
    os.makedirs(LOGDIR, exist_ok=True)
    log = os.path.join(LOGDIR, 'build.log')
    open(log, 'w').close()
    print('e2e: building what is missing (log: %s)' % log, file=sys.stderr,
          flush=True)
    kdir = sh([os.path.join(ROOT, 'scripts', 'build-kernel.sh'), 'arm64-e2e'],
              log).split()[-1]
    out = os.path.join(CACHE, 'e2e', os.path.basename(kdir))
    bm = [os.path.join(ROOT, 'scripts', 'build-module.sh')]
    a = {'kdir': kdir, 'busybox': busybox(log), 'module': None,
         'image': os.path.join(kdir, 'arch', ARCH, 'boot', 'Image'),
         'stub': os.path.join(kdir, 'drivers', 'i2c', 'i2c-stub.ko'),
         'fixtures': sh(bm + ['--fixtures', kdir, ARCH, CROSS,
                              os.path.join(out, 'fixtures')], log).split()}
    try:
        a['module'] = sh(bm + [kdir, ARCH, CROSS, os.path.join(out, 'module')],
                         log).split()[-1]
    except RuntimeError as e:
        a['module_error'] = str(e)
    return a


# ---- initramfs ---------------------------------------------------------------

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
    for ko in a['fixtures'] + ([a['module']] if a['module'] else []):
        e.append(('m/' + os.path.basename(ko), r, read(ko)))
    with open(path, 'wb') as f:
        f.write(cpio(e))


# ---- what a check() gets -----------------------------------------------------

MARK = re.compile(r'@@(BEGIN|END|MISSING|FAIL|NOTE|PSD-START|PSD-DMESG|PSD-DONE)'
                  r' ?(.*?)@@\s*$')
KV = re.compile(r'([A-Za-z_][\w.]*)=("(?:[^"\\]|\\.)*"|\S*)')


class Run:
    """The outcome of one boot, and assertion helpers for check(run).

    run.console   whole console text       run.lines   its lines
    run.files     {path: last text dumped} run.missing paths dumped but absent
    run.dumps     [(path, text)] of every `dump`, in order
    run.dmesg     the guest's final dmesg  run.notes   `note` messages
    run.rc        exit status of the guest script (None: did not finish)
    """

    def __init__(self, name, console):
        self.name, self.console = name, console
        self.lines = console.replace('\r', '').split('\n')
        self.files, self.missing, self.notes, self.dumps = {}, set(), [], []
        self.guest_fails, self.rc, self.kernel = [], None, None
        cur, dmesg = None, None
        for line in self.lines:
            m = MARK.search(line)
            tag, arg = m.groups() if m else (None, None)
            if cur is not None:             # inside a dump
                if tag == 'END':            # a file not ending in newline
                    tail = line[:m.start()]
                    self.files[cur] = '\n'.join(buf + [tail] if tail else buf)
                    self.files[cur] += '\n' if buf or tail else ''
                    self.dumps.append((cur, self.files[cur]))
                    cur = None
                else:
                    buf.append(line)
            elif tag == 'BEGIN':
                cur, buf = arg, []
            elif tag == 'MISSING':
                self.missing.add(arg)
            elif tag == 'FAIL':
                self.guest_fails.append(arg)
            elif tag == 'NOTE':
                self.notes.append(arg)
            elif tag == 'PSD-START':
                self.kernel = arg
            elif tag == 'PSD-DMESG':
                dmesg = []
            elif tag == 'PSD-DONE':
                self.rc = int(arg.split('=')[1])
                break
            elif dmesg is not None:
                dmesg.append(line)
        self.dmesg = '\n'.join(dmesg or [])

    # -- access and parsing --
    def file(self, path):
        """Text of a dumped file; a relative path is taken under DEBUGFS."""
        if not path.startswith('/'):
            path = DEBUGFS + '/' + path
        if path in self.missing:
            self.fail('%s does not exist in the guest' % path)
        if path not in self.files:
            self.fail('%s was not dumped by the guest script' % path)
        return self.files[path]

    @staticmethod
    def kv(line):
        """'a=1 b="x y"' -> {'a': '1', 'b': 'x y'}"""
        return {k: v[1:-1] if v.startswith('"') else v
                for k, v in KV.findall(line)}

    def records(self, path, **match):
        """key=value lines of a dumped file, as dicts, keeping those whose
        keys equal the given values: records('events', type='phase')."""
        return self.parse_kv(self.file(path), **match)

    @classmethod
    def parse_kv(cls, text, **match):
        """The same for a text; '#' lines and lines without key=value are
        skipped."""
        out = []
        for line in text.splitlines():
            r = {} if line.startswith('#') else cls.kv(line)
            if r and all(r.get(k) == str(v) for k, v in match.items()):
                out.append(r)
        return out

    def summary(self, path='summary'):
        """`key: value` lines of summary as a dict (values stripped)."""
        d = {}
        for line in self.file(path).splitlines():
            k, sep, v = line.partition(':')
            if sep and not line.startswith('#'):
                d[k.strip()] = v.strip()
        return d

    # -- assertions: each raises CheckFailed saying expected vs found --
    def fail(self, msg):
        raise CheckFailed(msg)

    def expect(self, cond, what):
        if not cond:
            self.fail(what)

    def expect_eq(self, what, expected, found):
        if expected != found:
            self.fail('%s: expected %r, found %r' % (what, expected, found))

    def expect_match(self, what, regex, found):
        if found is None or not re.fullmatch(regex, found):
            self.fail('%s: expected /%s/, found %r' % (what, regex, found))

    def expect_keys(self, what, d, keys):
        lost = [k for k in keys if k not in d]
        if lost:
            self.fail('%s: missing %s (found keys: %s)' % (
                what, ', '.join(lost), ', '.join(d) or 'none'))

    def expect_in_order(self, what, expected, found):
        """expected must appear in found as a subsequence, in that order."""
        it = iter(found)
        for i, e in enumerate(expected):
            if not any(f == e for f in it):
                self.fail('%s: expected %s in order; %r missing after %s; '
                          'found %s' % (what, expected, e, expected[:i],
                                        list(found)))

    def expect_console(self, regex, what=None):
        if not re.search(regex, self.console, re.M):
            self.fail('%s: no console line matches /%s/' % (what or 'console',
                                                           regex))


# ---- one boot ----------------------------------------------------------------

def load(path):
    name = os.path.splitext(os.path.basename(path))[0]
    spec = importlib.util.spec_from_file_location('psd_e2e_' + name, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return name, mod


def boot(a, name, sc):
    """Boot once with sc.GUEST; return (Run, log path, seconds)."""
    os.makedirs(LOGDIR, exist_ok=True)
    log = os.path.join(LOGDIR, name + '.log')
    rd = os.path.join(LOGDIR, name + '.cpio')
    initramfs(a, sc.GUEST, rd)
    cmd = QEMU + ['-kernel', a['image'], '-initrd', rd,
                  '-append', CMDLINE + getattr(sc, 'APPEND', '')]
    t0 = time.monotonic()
    with subprocess.Popen(cmd, stdin=subprocess.DEVNULL,
                          stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT) as p:
        try:
            out, _ = p.communicate(timeout=getattr(sc, 'TIMEOUT', 300))
            timeout = False
        except subprocess.TimeoutExpired:
            p.kill()
            out, _ = p.communicate()
            timeout = True
        except BaseException:
            p.kill()
            raise
    secs = time.monotonic() - t0
    console = out.decode('utf-8', 'replace')
    with open(log, 'w') as f:
        f.write('# %s\n# %.1f s%s\n%s' % (' '.join(cmd), secs,
                                         ', TIMEOUT' if timeout else '',
                                         console))
    return Run(name, console), log, secs


def verdict(run, sc):
    """None if the scenario passed, else the reason."""
    for line in run.lines:
        for s in SPLATS:
            if s in line and not SPLAT_OK.search(line):
                return 'kernel splat: %s' % line.strip()
    if run.rc is None:
        return 'guest did not finish (timeout, hang or crash)'
    if run.guest_fails:
        return 'guest: %s' % '; '.join(run.guest_fails)
    if run.rc:
        return 'guest script exited %d' % run.rc
    try:
        sc.check(run)
    except CheckFailed as e:
        return str(e)
    return None


def run_scenario(a, name, sc):
    if getattr(sc, 'NEEDS_MODULE', True) and not a['module']:
        return 'pmic_sleepdiag.ko did not build: %s' % \
            a['module_error'].splitlines()[0], None, None
    run, log, secs = boot(a, name, sc)
    return verdict(run, sc), run, log


def report(name, why, run, log):
    line = 'PASS e2e/%s' % name if why is None else 'FAIL e2e/%s' % name
    print(line if why is None else '%s: %s' % (line, why), flush=True)
    if why is not None and log:
        print('  console log: %s; its last lines before the dmesg dump:' % log)
        end = run.lines.index('@@PSD-DMESG@@') if '@@PSD-DMESG@@' in \
            run.lines else len(run.lines)
        for s in run.lines[max(0, end - 40):end]:
            print('  | ' + s)
    if os.environ.get('PSD_RESULTS'):
        with open(os.environ['PSD_RESULTS'], 'a') as f:
            f.write(line + '\n')


def main(argv):
    demo = '--demo' in argv
    names = [n for n in argv if n != '--demo']
    # Runs share the build output under CACHE: one at a time.
    os.makedirs(CACHE, exist_ok=True)
    lock = open(os.path.join(CACHE, 'e2e.lock'), 'w')
    fcntl.flock(lock, fcntl.LOCK_EX)
    try:
        a = build_all()
    except RuntimeError as e:
        print('FAIL e2e/build: %s' % e)
        return 1
    if demo:
        name, sc = load(os.path.join(HERE, 'demo.py'))
        why, run, log = run_scenario(a, name, sc)
        if run:
            sc.show(run)
        if why:
            report(name, why, run, log)
        return 1 if why else 0
    paths = [n if n.endswith('.py') else os.path.join(SCENARIOS, n + '.py')
             for n in names] or sorted(glob.glob(os.path.join(SCENARIOS,
                                                              '*.py')))
    passed = failed = 0
    for path in paths:
        name, sc = load(path)
        why, run, log = run_scenario(a, name, sc)
        report(name, why, run, log)
        passed, failed = passed + (why is None), failed + (why is not None)
    print('e2e: %d passed, %d failed' % (passed, failed))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
