# SPDX-License-Identifier: GPL-2.0
"""scripts/sleepdiag-collect, as shipped in the guest's /bin, under busybox.

With the TPS65910 fixture and pmic_sleepdiag.ko (keep_cycles=5) loaded and
one s2idle cycle done, `sleepdiag-collect -o /tmp` exits 0 and its last
line names a .tar.gz in /tmp; the archive holds every readable file of the
module's debugfs tree (not the write-only control), its parameters, uname,
the kernel config facts, /sys/power with suspend_stats, the RTC, the
kernel's wakeup sources and interrupts, and the kernel log's PM lines; the
collection changed nothing (no new cycle, no control write).  Then, module
not loaded: exit 1, a clear message, and an archive with the kernel facts
only.  Module loaded but debugfs unmounted: exit 1 and says so.  -h exits
0, an unknown option 2."""

import re

from harness import config

GUEST = r'''
collect() {                     # collect N [ARGS]: run N into /tmp/cN
	n=$1
	shift
	sleepdiag-collect "$@" >/tmp/out$n 2>/tmp/err$n
	echo $? >/tmp/rc$n
	dump /tmp/out$n /tmp/err$n /tmp/rc$n
	a=$(tail -n 1 /tmp/out$n | sed -n 's/^sleepdiag-collect: wrote //p')
	[ -f "$a" ] || { fail "run $n: no archive at '$a'"; return; }
	tar tzf "$a" >/tmp/list$n || fail "run $n: tar tzf $a"
	dump /tmp/list$n
	mkdir /tmp/x$n && tar xzf "$a" -C /tmp/x$n && mv /tmp/x$n/sleepdiag-* /tmp/c$n
}
load_tps || fail "tps65910 fixture"
load_psd keep_cycles=5 || fail "insmod pmic_sleepdiag.ko"
s2idle_cycle || fail "s2idle cycle: freeze failed"
find $D -type f -perm -0400 | sort >/tmp/readable; dump /tmp/readable
collect 1 -o /tmp
cd /tmp && for f in status errors README uname time config dmesg-pm \
	sys/kernel/debug/pmic_sleepdiag/summary \
	sys/kernel/debug/pmic_sleepdiag/events \
	sys/kernel/debug/pmic_sleepdiag/pmic/snapshots \
	sys/module/pmic_sleepdiag/parameters/keep_cycles \
	sys/power/state sys/power/suspend_stats/success \
	sys/class/rtc/rtc0/name sys/kernel/debug/wakeup_sources \
	proc/interrupts; do
	dump c1/$f
done
cd /
dump $D/summary

umount /sys/kernel/debug || fail "umount debugfs"
collect 2
mount -t debugfs debugfs /sys/kernel/debug
dump_report
rmmod pmic_sleepdiag || fail "rmmod"
collect 3 -o /tmp
cd /tmp && dump c3/status c3/uname c3/config
cd /
sleepdiag-collect -h >/tmp/help; echo $? >/tmp/rc_help
sleepdiag-collect -x 2>/dev/null; echo $? >/tmp/rc_bad
dump /tmp/help /tmp/rc_help /tmp/rc_bad
'''

CONFIG_NAMED = ('PM_SLEEP', 'SUSPEND', 'PM_DEBUG', 'PM_SLEEP_DEBUG',
                'PM_WAKELOCKS', 'DEBUG_FS', 'FTRACE', 'TRACEPOINTS', 'KPROBES',
                'RTC_CLASS', 'MFD_TPS65910', 'RTC_DRV_TPS65910',
                'GENERIC_IRQ_DEBUGFS', 'CPU_IDLE', 'HIGH_RES_TIMERS')
ARCHIVE = r'/tmp/sleepdiag-[A-Za-z0-9._-]+-\d{8}-\d{6}(-\d+)?\.tar\.gz'


def last_line(run, n):
    out = run.files.get('/tmp/out%d' % n, '').strip().splitlines()
    run.expect(out, 'run %d printed nothing on stdout' % n)
    return out[-1]


def members(run, n):
    """Archive member paths below its top directory, one per file."""
    lst = run.files.get('/tmp/list%d' % n)
    run.expect(lst is not None, 'run %d: archive not listed' % n)
    tops = {m.split('/')[0] for m in lst.split()}
    run.expect_eq('run %d: top directories in the archive' % n, 1, len(tops))
    return {m.split('/', 1)[1] for m in lst.split()
            if '/' in m and not m.endswith('/')}


def text(run, path):
    """A member of run 1's archive, as dumped from /tmp/c1."""
    path = 'c1/' + path
    run.expect(path in run.files, '%s not in the archive (or not dumped)'
               % path)
    return run.files[path]


def colon(txt):
    """`key: value` lines as a dict."""
    return {k.strip(): v.strip() for k, sep, v in
            (line.partition(':') for line in txt.splitlines()) if sep}


def check(run):
    # -- run 1: the module loaded, one cycle done --
    run.expect_eq('run 1 exit status', '0', run.files.get('/tmp/rc1',
                                                          '').strip())
    run.expect_match('run 1 last line', 'sleepdiag-collect: wrote ' + ARCHIVE,
                     last_line(run, 1))
    run.expect_eq('run 1 stderr', '', run.files.get('/tmp/err1'))
    got = members(run, 1)
    for f in run.file('/tmp/readable').split():
        run.expect(f.lstrip('/') in got, 'debugfs file %s not in the archive '
                   '(members: %s)' % (f, sorted(got)))
    run.expect('sys/kernel/debug/pmic_sleepdiag/control' not in got,
               'the write-only control file was archived')
    for m in ('README', 'status', 'uname', 'time', 'config', 'dmesg',
              'dmesg-pm', 'proc/cmdline', 'proc/modules', 'proc/interrupts',
              'sys/power/state', 'sys/power/mem_sleep',
              'sys/power/wakeup_count', 'sys/power/suspend_stats/success',
              'sys/power/suspend_stats/fail',
              'sys/kernel/debug/wakeup_sources', 'sys/class/rtc/rtc0/name',
              'sys/class/rtc/rtc0/since_epoch',
              'sys/module/pmic_sleepdiag/parameters/pmic',
              'sys/module/pmic_sleepdiag/parameters/watch_irqs',
              'sys/module/pmic_sleepdiag/parameters/keep_cycles',
              'sys/module/pmic_sleepdiag/parameters/events'):
        run.expect(m in got, '%s not in the archive (members: %s)'
                   % (m, sorted(got)))

    st = colon(text(run, 'status'))
    run.expect_eq('run 1 status module', 'loaded', st.get('module'))
    run.expect_eq('run 1 status exit', '0', st.get('exit'))
    s = colon(text(run, 'sys/kernel/debug/pmic_sleepdiag/summary'))
    run.expect_eq('archived summary cycles', '1', s.get('cycles'))
    run.expect_eq('archived summary keep_cycles', '5', s.get('keep_cycles'))
    ev = run.parse_kv(text(run, 'sys/kernel/debug/pmic_sleepdiag/events'),
                      type='cycle_end')
    run.expect_eq('archived events: cycle_end results', ['resumed'],
                  [e.get('result') for e in ev])
    snaps = text(run, 'sys/kernel/debug/pmic_sleepdiag/pmic/snapshots')
    run.expect(re.search(r'^cycle=1 phase=suspend_late .*chip=tps65910',
                         snaps, re.M), 'archived pmic/snapshots: no cycle 1 '
               'suspend_late snapshot of the tps65910')
    run.expect_eq('archived keep_cycles parameter', '5',
                  text(run, 'sys/module/pmic_sleepdiag/parameters/'
                       'keep_cycles').strip())
    run.expect_eq('archived suspend_stats/success', '1',
                  text(run, 'sys/power/suspend_stats/success').strip())
    run.expect('freeze' in text(run, 'sys/power/state'),
               'archived /sys/power/state lacks freeze')
    run.expect_eq('archived rtc0 name', 'rtc-pl031',
                  text(run, 'sys/class/rtc/rtc0/name').strip().split()[0])
    run.expect('9010000.pl031' in text(run, 'sys/kernel/debug/wakeup_sources'),
               'archived wakeup_sources lacks the PL031')
    run.expect(config.target()['gic_proc'] in text(run, 'proc/interrupts'),
               'archived /proc/interrupts lacks the GIC')
    run.expect(run.kernel and run.kernel in text(run, 'uname'),
               'uname does not name the kernel %r' % run.kernel)
    cfg = text(run, 'config').splitlines()
    # What every kernel this target runs has (the fixture needs the MFD,
    # the module tracepoints and kprobes), then a verdict on every option
    # the script names: set, not set, or absent.
    for want in ('# from /proc/config.gz', 'CONFIG_PM_SLEEP=y',
                 'CONFIG_SUSPEND=y', 'CONFIG_DEBUG_FS=y',
                 'CONFIG_TRACEPOINTS=y', 'CONFIG_KPROBES=y',
                 'CONFIG_MFD_TPS65910=y'):
        run.expect(want in cfg, 'config lacks %r: %s' % (want, cfg))
    for o in CONFIG_NAMED:
        run.expect(any(re.fullmatch(r'(# )?CONFIG_%s(=.*| is not set| is '
                                    r'absent .*)' % o, line) for line in cfg),
                   'config says nothing of CONFIG_%s: %s' % (o, cfg))
    for o in ('RTC_HCTOSYS', 'NO_HZ', 'PREEMPT', 'LTO'):
        run.expect(any(re.match(r'(# )?CONFIG_%s\w*[= ]' % o, line)
                       for line in cfg), 'config: no CONFIG_%s* line: %s'
                   % (o, cfg))
    run.expect(all(line.startswith(('#', 'CONFIG_')) for line in cfg),
               'config has other lines: %s' % cfg)
    pm = text(run, 'dmesg-pm')
    for want in (r'PM: suspend entry \(s2idle\)', r'PM: suspend exit'):
        run.expect(re.search(want, pm), 'dmesg-pm lacks /%s/' % want)
    # Read-only: no cycle started, no control write.
    live = run.summary()
    run.expect_eq('cycles after collecting', '1', live.get('cycles'))
    run.expect_eq('last_control_error after collecting', 'none',
                  live.get('last_control_error'))

    # -- run 2: loaded, debugfs not mounted --
    run.expect_eq('run 2 (debugfs unmounted) exit status', '1',
                  run.files.get('/tmp/rc2', '').strip())
    run.expect_match('run 2 last line', 'sleepdiag-collect: wrote ' + ARCHIVE,
                     last_line(run, 2))
    run.expect('debugfs is not mounted' in run.files.get('/tmp/err2', ''),
               'run 2 stderr does not say debugfs is not mounted: %r'
               % run.files.get('/tmp/err2'))
    got = members(run, 2)
    run.expect('sys/module/pmic_sleepdiag/parameters/keep_cycles' in got,
               'run 2: parameters not archived')

    # -- run 3: module not loaded --
    run.expect_eq('run 3 (not loaded) exit status', '1',
                  run.files.get('/tmp/rc3', '').strip())
    run.expect_match('run 3 last line', 'sleepdiag-collect: wrote ' + ARCHIVE,
                     last_line(run, 3))
    run.expect('pmic_sleepdiag is not loaded' in run.files.get('/tmp/err3',
                                                                 ''),
               'run 3 stderr does not say the module is not loaded: %r'
               % run.files.get('/tmp/err3'))
    got = members(run, 3)
    run.expect(not any(m.startswith(('sys/kernel/debug/pmic_sleepdiag',
                                     'sys/module/pmic_sleepdiag'))
                       for m in got), 'run 3 archived module files: %s'
               % sorted(got))
    for m in ('status', 'uname', 'config', 'dmesg', 'sys/power/state'):
        run.expect(m in got, 'run 3: %s not in the archive' % m)
    run.expect('c3/status' in run.files, 'run 3: status not dumped')
    st = colon(run.files['c3/status'])
    run.expect_eq('run 3 status module', 'not_loaded', st.get('module'))
    run.expect_eq('run 3 status exit', '1', st.get('exit'))

    # -- options --
    run.expect_eq('-h exit status', '0', run.files['/tmp/rc_help'].strip())
    run.expect('usage: sleepdiag-collect' in run.files['/tmp/help'],
               '-h prints no usage')
    run.expect_eq('unknown option exit status', '2',
                  run.files['/tmp/rc_bad'].strip())
