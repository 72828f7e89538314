#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""End-to-end scenarios on the arm64 QEMU target (python3 stdlib only).

    python3 scripts/e2e/run.py [SCENARIO...]     # default: every scenario
    python3 scripts/e2e/run.py path/to/file.py   # a scenario from elsewhere
    python3 scripts/e2e/run.py --demo            # what `make demo` prints
    python3 scripts/e2e/run.py --kernel debug [SCENARIO...]
                                # the same on the KASAN/kmemleak/... kernel
    python3 scripts/e2e/run.py --full            # also the FULL_ONLY ones

Builds what is missing (kernel, pmic_sleepdiag.ko, fixtures, busybox), then
for each scenario boots QEMU once with an initramfs whose /init runs the
scenario's GUEST shell script, and runs the scenario's check(run) on the
console it collected.  A scenario is scripts/e2e/scenarios/NAME.py with:

    GUEST = '''shell script run in the guest (helpers: see GUEST_LIB)'''
    def check(run): ...         # assertions, see class Run
    TIMEOUT = 300               # optional, seconds for the whole boot
                                # (times KERNELS[...]['slow'] on a slow kernel)
    NEEDS_MODULE = True         # optional: False if pmic_sleepdiag.ko unused
    APPEND = ''                 # optional: more kernel command line
    FULL_ONLY = True            # optional: a long campaign, run only with
                                # --full or when named; otherwise not listed
    DEBUG_SKIP = 'why'          # optional: not run on the debug kernel, and
                                # counted as SKIP with this reason
    KERNEL = 'notrace'          # optional: runs on that kernel of KERNELS
                                # instead (built when first needed); SKIP
                                # with --kernel debug

A scenario fails on a kernel splat (SPLATS) anywhere on the console, if the
guest did not finish, if its script called `fail` or exited non-zero, or if
check(run) raised.  On the debug kernel (scripts/configs/arm64-debug.config)
it also fails if, once the guest script ended and every module was unloaded,
kmemleak lists an unreferenced object (see INIT).  Any scenario fails if a
dump of report.json is not JSON {"version":1,"cycles":[...]} or one of
report has a cycle block not ending in its verdict= line (report_problem);
scenarios that load the module call `dump_report` before unloading it.

Prints `PASS e2e/NAME` or `FAIL e2e/NAME: reason` per scenario (and appends
`PASS e2e/NAME` / `FAIL e2e/NAME` to $PSD_RESULTS if set), then
`e2e: N passed, N failed, N skipped`; on the debug kernel the prefix is
`e2e-debug`.  Console logs go to $PSD_LOGDIR (default /tmp/psd-e2e-logs),
those of the debug kernel to its debug/ subdirectory.  Exit status 1 if any
scenario failed.
"""
import fcntl
import glob
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SCENARIOS = os.path.join(HERE, 'scenarios')
CACHE = os.environ.get('PSD_CACHE') or os.path.join(
    os.environ.get('XDG_CACHE_HOME') or os.path.expanduser('~/.cache'),
    'pmic_sleepdiag')
LOGDIR = os.environ.get('PSD_LOGDIR') or '/tmp/psd-e2e-logs'
ARCH, CROSS = 'arm64', 'aarch64-linux-gnu-'
DEBUGFS = '/sys/kernel/debug/pmic_sleepdiag'
# No network card: the guest needs none, and QEMU's default one needs a ROM
# (Debian's ipxe-qemu) that deps.sh does not install.
QEMU = ['qemu-system-aarch64', '-M', 'virt,gic-version=3', '-cpu', 'cortex-a57',
        '-smp', '2', '-nographic', '-no-reboot', '-nic', 'none']
CMDLINE = 'console=ttyAMA0 panic=-1 printk.time=1'
# The kernels scenarios run on: their scripts/configs/ name, the prefix of
# their result lines, QEMU memory, and how much slower than e2e they are
# (scales TIMEOUT).  KASAN's shadow takes an eighth of the memory, kmemleak
# and KASAN's quarantine more: the debug kernel gets 1 GiB.
KERNELS = {
    'e2e': {'config': 'arm64-e2e', 'prefix': 'e2e', 'mem': '512M',
            'slow': 1},
    'debug': {'config': 'arm64-debug', 'prefix': 'e2e-debug', 'mem': '1G',
              'slow': 3},
    # No tracepoints at all: only for scenarios that ask for it (KERNEL).
    'notrace': {'config': 'arm64-notrace', 'prefix': 'e2e', 'mem': '512M',
                'slow': 1},
}
SELECTABLE = ('e2e', 'debug')       # --kernel
SPLATS = ('WARNING:', 'BUG:', 'Oops', 'possible recursive locking', 'lockdep',
          'INFO: task', 'circular locking',
          'sleeping function called from invalid context', 'Call trace:',
          # the debug kernel's detectors (most also print BUG:/WARNING:)
          'BUG: KASAN', 'BUG: KFENCE', 'unreferenced object', 'ODEBUG:',
          'suspicious RCU usage')
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


def build_all(kernel='e2e'):
    """Return the artifacts as a dict; 'module' is None if it did not build."""
    os.makedirs(LOGDIR, exist_ok=True)
    log = os.path.join(LOGDIR, 'build.log' if kernel in SELECTABLE else
                       'build-%s.log' % kernel)
    open(log, 'w').close()
    print('e2e: building what is missing (log: %s)' % log, file=sys.stderr,
          flush=True)
    kdir = sh([os.path.join(ROOT, 'scripts', 'build-kernel.sh'),
               KERNELS[kernel]['config']], log).split()[-1]
    out = os.path.join(CACHE, 'e2e', os.path.basename(kdir))
    bm = [os.path.join(ROOT, 'scripts', 'build-module.sh')]
    a = {'kdir': kdir, 'busybox': busybox(log), 'module': None,
         'kernel': KERNELS[kernel],
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
    # The scripts users run on a target, as they ship.
    for tool in ('sleepdiag-collect', 'sleepdiag-export'):
        e.append(('bin/' + tool, x, read(os.path.join(ROOT, 'scripts',
                                                      tool))))
    with open(path, 'wb') as f:
        f.write(cpio(e))


# ---- what a check() gets -----------------------------------------------------

MARK = re.compile(r'@@(BEGIN|END|MISSING|FAIL|NOTE|PSD-START|PSD-DMESG|PSD-DONE'
                  r'|PSD-KMEMLEAK-END|PSD-KMEMLEAK) ?(.*?)@@\s*$')
KV = re.compile(r'([A-Za-z_][\w.]*)=("(?:[^"\\]|\\.)*"|\S*)')


class Run:
    """The outcome of one boot, and assertion helpers for check(run).

    run.console   whole console text       run.lines   its lines
    run.files     {path: last text dumped} run.missing paths dumped but absent
    run.dumps     [(path, text)] of every `dump`, in order
    run.dmesg     the guest's final dmesg  run.notes   `note` messages
    run.rc        exit status of the guest script (None: did not finish)
    run.kmemleak  /sys/kernel/debug/kmemleak after the final scans, None if
                  the kernel has no kmemleak (or the guest did not get there)
    """

    def __init__(self, name, console):
        self.name, self.console = name, console
        self.lines = console.replace('\r', '').split('\n')
        self.files, self.missing, self.notes, self.dumps = {}, set(), [], []
        self.guest_fails, self.rc, self.kernel = [], None, None
        self.kmemleak = None
        cur, dmesg, leaks = None, None, None
        self.leak_lines = range(0)      # where the kmemleak text is
        for i, line in enumerate(self.lines):
            m = MARK.search(line)
            tag, arg = m.groups() if m else (None, None)
            if leaks is not None and tag != 'PSD-KMEMLEAK-END':
                leaks.append(line)
            elif cur is not None:           # inside a dump
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
            elif tag == 'PSD-KMEMLEAK':
                leaks = []
            elif tag == 'PSD-KMEMLEAK-END':
                self.kmemleak = '\n'.join(leaks)
                self.leak_lines, leaks = range(i - len(leaks), i), None
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

    # -- the cross-layer report (report, report.json) --
    def report_json(self, path='report.json'):
        """The last dump of report.json, parsed ({'version':1,'cycles':[]})."""
        text = self.file(path)
        try:
            return json.loads(text)
        except ValueError as e:
            self.fail('%s is not JSON: %s' % (path, e))

    def report_blocks(self, path='report'):
        """The last dump of report as {cycle: [(key, line), ...]} in file
        order: one entry per `# cycle N` block, each line parsed by kv()
        and keyed by its first key (cycle, phase, ws, pmic, irq, ...)."""
        blocks, cur = {}, None
        for line in self.file(path).splitlines():
            m = re.match(r'# cycle (\d+)$', line)
            if m:
                cur = blocks.setdefault(int(m.group(1)), [])
            elif cur is not None and not line.startswith('#'):
                first = KV.match(line)
                if first:
                    cur.append((first.group(1), self.kv(line)))
        return blocks

    def verdicts(self, path='report'):
        """[(cycle, rule)] of the verdict= lines of the last dump of report."""
        return [(int(r['cycle']), r['verdict'])
                for r in self.parse_kv(self.file(path)) if 'verdict' in r]

    def expect_report_agrees(self, text='report', doc='report.json'):
        """report and report.json (dumped back to back) list the same cycles
        with the same verdict rule, uses, also and detail."""
        blocks, js = self.report_blocks(text), self.report_json(doc)
        self.expect_eq('cycles in %s vs %s' % (text, doc), sorted(blocks),
                       [c['cycle'] for c in js['cycles']])
        for c in js['cycles']:
            v = [r for k, r in blocks[c['cycle']] if k == 'verdict']
            self.expect_eq('verdict lines in cycle %d' % c['cycle'], 1, len(v))
            jv = c['verdict']
            self.expect_eq('cycle %d verdict (report vs report.json)'
                           % c['cycle'],
                           (v[0]['verdict'], v[0]['uses'],
                            v[0]['also'].split(), v[0]['detail']),
                           (jv['rule'], jv['uses'], jv['also'],
                            self.as_text(jv['detail'])))

    @staticmethod
    def as_text(s):
        """A string as a quoted text value shows it (psd_seq_str): bytes
        other than printable ASCII, '"' and '\\' become '?'."""
        return ''.join(chr(b) if 32 <= b <= 126 and chr(b) not in '"\\'
                       else '?' for b in s.encode())

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
    k = a['kernel']
    cmd = QEMU + ['-m', k['mem'], '-kernel', a['image'], '-initrd', rd,
                  '-append', CMDLINE + getattr(sc, 'APPEND', '')]
    t0 = time.monotonic()
    # The console goes straight to the log, so that a long run can be
    # watched (tail -f); the command and time head it once it is over.
    with open(log, 'w+b') as f:
        with subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=f,
                              stderr=subprocess.STDOUT) as p:
            try:
                p.wait(timeout=getattr(sc, 'TIMEOUT', 300) * k['slow'])
                timeout = False
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()
                timeout = True
            except BaseException:
                p.kill()
                raise
        secs = time.monotonic() - t0
        f.seek(0)
        console = f.read().decode('utf-8', 'replace')
    with open(log, 'w') as f:
        f.write('# %s\n# %.1f s%s\n%s' % (' '.join(cmd), secs,
                                         ', TIMEOUT' if timeout else '',
                                         console))
    return Run(name, console), log, secs


def report_problem(run):
    """Whether every dump of report.json is JSON with version 1 and a list
    of cycles, each with its verdict, and every dump of report a sequence of
    `# cycle N` blocks each ending in its verdict= line: None or why not.
    Applies to every scenario (see dump_report in GUEST_LIB)."""
    for path, text in run.dumps:
        if path.endswith('report.json'):
            try:
                doc = json.loads(text)
            except ValueError as e:
                return '%s: not JSON: %s' % (path, e)
            if not isinstance(doc, dict) or doc.get('version') != 1 or \
                    not isinstance(doc.get('cycles'), list):
                return '%s: not {"version":1,"cycles":[...]}: %.200s' % (
                    path, text)
            for c in doc['cycles']:
                if not isinstance(c, dict) or not isinstance(c.get('cycle'),
                                                             int):
                    return '%s: a cycle without cycle=: %.200r' % (path, c)
                if c.get('gone') is not True and not isinstance(
                        (c.get('verdict') or {}).get('rule'), str):
                    return '%s: cycle %d has no verdict rule' % (path,
                                                                 c['cycle'])
        elif path.endswith('/report'):
            head, last = None, None
            for line in text.splitlines() + ['# end']:
                m = re.match(r'# cycle (\d+)$', line)
                if m or line == '# end':
                    if head is not None and not (
                            last and last.get('verdict') and
                            last.get('cycle') == head):
                        return '%s: cycle %s does not end in its verdict= ' \
                            'line (last: %r)' % (path, head, last)
                    head, last = m.group(1) if m else None, None
                elif not line.startswith('#'):
                    last = Run.kv(line)
    return None


LEAK = re.compile(r'^unreferenced object (\S+) \(size (\d+)\)', re.M)
FRAME = re.compile(r'^    (\S+(?: \[\w+\])?)\s*$', re.M)     # of a backtrace
OBJDUMP_SYM = re.compile(r'^([0-9a-f]+) .{7} (\S+)\t([0-9a-f]+) (\S+)$', re.M)


def symbolize(text, a):
    """kmemleak's text with the bare code addresses of modules unloaded
    since the allocation written as sym+0xoff/0xsize [module], from the
    '# section MODULE SECTION ADDRESS' lines insmod noted and the .ko."""
    where = [l.split()[2:] for l in text.splitlines()
             if l.startswith('# section ')]
    kos = {os.path.basename(k)[:-3].replace('-', '_'): k
           for k in a['fixtures'] + [a['module'], a['stub']] if k}
    syms = {}

    def name(m):
        addr = int(m.group(2), 16)
        for mod, sec, base in where:
            if mod not in kos:
                continue
            if mod not in syms:
                out = subprocess.run([CROSS + 'objdump', '-t', kos[mod]],
                                     stdout=subprocess.PIPE, text=True).stdout
                syms[mod] = [(sec_, int(v, 16), int(n, 16), sym) for
                             v, sec_, n, sym in OBJDUMP_SYM.findall(out)]
            off = addr - int(base, 16)
            for sec_, v, n, sym in syms[mod]:
                if sec_ == sec and n and v <= off < v + n:
                    return '%s%s+%#x/%#x [%s]' % (m.group(1), sym, off - v, n,
                                                  mod)
        return m.group(0)
    return re.sub(r'^(    )(0x[0-9a-f]+)$', name, text, flags=re.M)


def verdict(run, sc, kernel):
    """None if the scenario passed, else the reason."""
    for i, line in enumerate(run.lines):
        if i in run.leak_lines:     # judged below, as a whole
            continue
        for s in SPLATS:
            if s in line and not SPLAT_OK.search(line):
                return 'kernel splat: %s' % line.strip()
    if run.rc is None:
        return 'guest did not finish (timeout, hang or crash)'
    if kernel['config'] == 'arm64-debug' and run.kmemleak is None:
        return 'no kmemleak report on the debug kernel'
    leaks = LEAK.findall(run.kmemleak or '')
    if leaks:
        # where the first one was allocated: its first frames past the
        # allocator, enough to name the culprit in the result line
        first = run.kmemleak.split('unreferenced object')[1]
        frames = [f for f in FRAME.findall(first)
                  if not re.match(r'(kmemleak|__kmem|kmem_cache|kmalloc|'
                                  r'__kmalloc|__do_kmalloc|slab|kasan|'
                                  r'__alloc|alloc_pages)', f)]
        return 'kmemleak: %d unreferenced object(s), first %s bytes from %s' % (
            len(leaks), leaks[0][1], ' < '.join(frames[:4]) or '?')
    if run.guest_fails:
        return 'guest: %s' % '; '.join(run.guest_fails)
    if run.rc:
        return 'guest script exited %d' % run.rc
    why = report_problem(run)
    if why:
        return why
    try:
        sc.check(run)
    except CheckFailed as e:
        return str(e)
    except Exception as e:      # a broken check fails its scenario only
        tb = traceback.extract_tb(e.__traceback__)[-1]
        return 'check() raised %s: %s (%s:%d)' % (
            type(e).__name__, e, os.path.basename(tb.filename), tb.lineno)
    return None


def run_scenario(a, name, sc):
    if getattr(sc, 'NEEDS_MODULE', True) and not a['module']:
        return 'pmic_sleepdiag.ko did not build: %s' % \
            a['module_error'].splitlines()[0], None, None
    run, log, secs = boot(a, name, sc)
    if run.kmemleak:
        run.kmemleak = symbolize(run.kmemleak, a)
    return verdict(run, sc, a['kernel']), run, log


def report(name, why, run, log, prefix='e2e'):
    line = '%s %s/%s' % ('PASS' if why is None else 'FAIL', prefix, name)
    print(line if why is None else '%s: %s' % (line, why), flush=True)
    if why is not None and log:
        print('  console log: %s; its last lines before the dmesg dump:' % log)
        end = run.lines.index('@@PSD-DMESG@@') if '@@PSD-DMESG@@' in \
            run.lines else len(run.lines)
        if why.startswith('kmemleak:'):     # the leaks, module code named
            end = run.leak_lines.start
        for s in run.lines[max(0, end - 40):end]:
            print('  | ' + s)
        if why.startswith('kmemleak:'):
            print('  kmemleak:')
            for s in run.kmemleak.splitlines():
                print('  | ' + s)
    if os.environ.get('PSD_RESULTS'):
        with open(os.environ['PSD_RESULTS'], 'a') as f:
            f.write(line + '\n')


def skip(name, why, prefix):
    line = 'SKIP %s/%s' % (prefix, name)
    print('%s: %s' % (line, why), flush=True)
    if os.environ.get('PSD_RESULTS'):
        with open(os.environ['PSD_RESULTS'], 'a') as f:
            f.write(line + '\n')


def main(argv):
    global LOGDIR
    demo, full, kernel, names = False, False, 'e2e', []
    args = iter(argv)
    for arg in args:
        if arg == '--demo':
            demo = True
        elif arg == '--full':
            full = True
        elif arg == '--kernel' or arg.startswith('--kernel='):
            kernel = arg[9:] if '=' in arg else next(args, '')
            if kernel not in SELECTABLE:
                print('run.py: --kernel %s' % '|'.join(SELECTABLE),
                      file=sys.stderr)
                return 2
        elif arg.startswith('--'):
            print(__doc__, file=sys.stderr)
            return 2
        else:
            names.append(arg)
    prefix = KERNELS[kernel]['prefix']
    if kernel != 'e2e':
        LOGDIR = os.path.join(LOGDIR, kernel)
    # Runs share the build output under CACHE: one at a time.
    os.makedirs(CACHE, exist_ok=True)
    lock = open(os.path.join(CACHE, 'e2e.lock'), 'w')
    fcntl.flock(lock, fcntl.LOCK_EX)
    try:
        a = build_all(kernel)
        arts = {kernel: a}
    except RuntimeError as e:
        print('FAIL %s/build: %s' % (prefix, e))
        return 1
    if demo:
        name, sc = load(os.path.join(HERE, 'demo.py'))
        why, run, log = run_scenario(a, name, sc)
        if run:
            sc.show(run)
        if why:
            report(name, why, run, log, prefix)
        return 1 if why else 0
    paths = [n if n.endswith('.py') else os.path.join(SCENARIOS, n + '.py')
             for n in names] or sorted(glob.glob(os.path.join(SCENARIOS,
                                                              '*.py')))
    passed = failed = skipped = 0
    for path in paths:
        name, sc = load(path)
        if getattr(sc, 'FULL_ONLY', False) and not (full or names):
            continue                # a long campaign: make check-full
        if kernel == 'debug' and getattr(sc, 'DEBUG_SKIP', None):
            skip(name, sc.DEBUG_SKIP, prefix)
            skipped += 1
            continue
        own = getattr(sc, 'KERNEL', kernel)
        if kernel == 'debug' and own != kernel:
            skip(name, 'runs on the %s kernel only' % own, prefix)
            skipped += 1
            continue
        t0 = time.monotonic()
        if own not in arts:
            try:
                arts[own] = build_all(own)
            except RuntimeError as e:
                arts[own] = e
        if isinstance(arts[own], RuntimeError):
            why, run, log = 'the %s kernel did not build: %s' % (
                own, str(arts[own]).splitlines()[0]), None, None
        else:
            why, run, log = run_scenario(arts[own], name, sc)
        report(name, why, run, log, prefix)
        print('  (%.0f s)' % (time.monotonic() - t0), file=sys.stderr,
              flush=True)
        passed, failed = passed + (why is None), failed + (why is not None)
    print('%s: %d passed, %d failed, %d skipped' % (prefix, passed, failed,
                                                    skipped))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
