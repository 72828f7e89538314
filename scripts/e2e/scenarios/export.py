# SPDX-License-Identifier: GPL-2.0
"""scripts/sleepdiag-export, as shipped in the guest's /bin, under busybox,
and its output through Prometheus' own tools on the host.

Guest: the TPS65910 fixture with a risky sleep configuration (as in
pmic_risky.py: PMIC_CONFIG_RISK anomalies), pmic_sleepdiag.ko with
keep_cycles=2, then four attempts: one aborted by a wake lock, two
RTC-woken s2idle cycles and one woken by a CLOCK_BOOTTIME_ALARM timer (an
alarm/history line).  hrtimer_late_us is 1 s, so that no anomaly depends on
TCG timing.  The exporter runs to stdout, with -o into a directory (the
file is 0644, no temporary file is left), with --root on a copy of the
debugfs tree, with --root on a copy given an awkward sleepers file, and
once the module is unloaded (exit 1, pmic_sleepdiag_up 0).

Host: the counters equal the summary's per-result and per-class counters
(all four attempts counted, though only two cycles are kept); the --root
output equals what the copied files say (quantiles, _count, _sum from the
histogram rows, the last cycle's verdict and wake IRQ, the greatest alarm
lateness); label values are escaped and invalid UTF-8 dropped; every
output passes `promtool check metrics`; the -o file, served by a real
prometheus-node-exporter on 127.0.0.1 (textfile collector only), scrapes
with the guest's values and node_textfile_scrape_error 0.  The example
alert rules of Documentation/pmic_sleepdiag.rst pass `promtool check rules`
and name only metrics the exporter writes.  promtool and node_exporter
missing is a failure: scripts/deps.sh installs them."""

import base64
import math
import os
import re
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request

from helpers import alarmprog

RISKY = '0x3f:0x62,0x42:0x00,0x10:0x00,0x12:0x18,0x51:0x40,0x50:0x04'
# A sleepers file (as the sleepers layer writes it) with names that need
# care: a quoted value with escaped quotes and a backslash, bytes that are
# not UTF-8 (a lone 0xff, a UTF-16 surrogate, an overlong '/'), and a line
# outside cycles, which has no overslept_ms=.
ODD = (b'# cycle=9 mono_stopped_ms=0\n'
       b'comm="say \\"hi\\" C:\\\\" pid=1 tgid=1 clock=MONOTONIC how=expired '
       b'overslept_ms=1500\n'
       b'comm=caf\xc3\xa9\xff\xfex pid=2 tgid=2 clock=BOOTTIME how=expired '
       b'overslept_ms=250\n'
       b'comm=caf\xc3\xa9\xff\xfex pid=3 tgid=3 clock=BOOTTIME how=expired '
       b'overslept_ms=40\n'
       b'comm=\xed\xa0\x80ok\xc0\xaf pid=4 tgid=4 clock=MONOTONIC how=expired '
       b'overslept_ms=3\n'
       b'# outside cycles\n'
       b'comm=idle tgid=5 late_count=2 max_late_us=5\n')
# The comm= labels the odd sleepers file must give, once unescaped.
ODD_COMMS = {'say "hi" C:\\': 1.5, 'caf\u00e9x': 0.25, 'ok': 0.003}

GUEST = alarmprog.guest_install() + alarmprog.GUEST_LIB + r'''
load_tps regs=%s || fail "tps65910 fixture"
load_psd keep_cycles=2 || fail "insmod pmic_sleepdiag.ko"
echo "set hrtimer_late_us 1000000" > $D/control || fail "set hrtimer_late_us"
count=$(cat /sys/power/wakeup_count) || fail "reading wakeup_count"
echo "$count" > /sys/power/wakeup_count || fail "writing wakeup_count back"
echo psdtest > /sys/power/wake_lock || fail "wake_lock"
freeze && fail "freeze succeeded despite the wake lock"
echo psdtest > /sys/power/wake_unlock
s2idle_cycle || fail "s2idle cycle 1"
s2idle_cycle || fail "s2idle cycle 2"
alarm_cycle 3 /tmp/aw
sleep 2         # the post_resume window closes: the last cycle is final

sleepdiag-export >/tmp/out_stdout 2>/tmp/err_stdout; echo $? >/tmp/rc_stdout
dump $D/summary
mkdir /tmp/tf
sleepdiag-export -o /tmp/tf/pmic_sleepdiag.prom 2>/tmp/err_o; echo $? >/tmp/rc_o
ls -a /tmp/tf >/tmp/tf_names
stat -c %%a /tmp/tf/pmic_sleepdiag.prom >/tmp/tf_mode
cp /tmp/tf/pmic_sleepdiag.prom /tmp/out_o

mkdir /tmp/copy
(cd $D && find . -type f -perm -0400) | while read -r f; do
	mkdir -p "/tmp/copy/${f%%/*}" && cat "$D/$f" >"/tmp/copy/$f"
done
sleepdiag-export --root /tmp/copy >/tmp/out_root 2>/tmp/err_root
echo $? >/tmp/rc_root
cp -r /tmp/copy /tmp/odd
base64 -d >/tmp/odd/sleepers <<'PSD_EOF'
%sPSD_EOF
sleepdiag-export --root /tmp/odd >/tmp/out_odd 2>/tmp/err_odd; echo $? >/tmp/rc_odd

dump /tmp/out_stdout /tmp/err_stdout /tmp/rc_stdout /tmp/out_o /tmp/err_o \
	/tmp/rc_o /tmp/tf_names /tmp/tf_mode /tmp/out_root /tmp/err_root \
	/tmp/rc_root /tmp/out_odd /tmp/rc_odd
dump /tmp/copy/summary /tmp/copy/report /tmp/copy/hrtimer/latency \
	/tmp/copy/alarm/history
dump_report
rmmod pmic_sleepdiag || fail "rmmod"
sleepdiag-export >/tmp/out_gone 2>/tmp/err_gone; echo $? >/tmp/rc_gone
sleepdiag-export -x 2>/dev/null; echo $? >/tmp/rc_bad
dump /tmp/out_gone /tmp/err_gone /tmp/rc_gone /tmp/rc_bad
''' % (RISKY, base64.encodebytes(ODD).decode())

RESULTS = ('resumed', 'aborted', 'no_sleep', 'unknown')
CLASSES = ('WS_NOT_HONORED', 'WS_STUCK_ACTIVE', 'IRQ_STUCK_PENDING',
           'ALARM_LATE', 'HRTIMER_LATE', 'PMIC_CONFIG_RISK', 'PMIC_IO_ERROR',
           'RESUME_SLOW')
QUANTILES = (('0.5', 'p50_ns'), ('0.9', 'p90_ns'), ('0.99', 'p99_ns'),
             ('0.999', 'p999_ns'))
SAMPLE = re.compile(r'([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$')
LABEL = re.compile(r'([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"(,|$)')
RST = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.dirname(os.path.abspath(__file__))))), 'Documentation',
    'pmic_sleepdiag.rst')


def unescape(v):
    return re.sub(r'\\(.)', lambda m: '\n' if m.group(1) == 'n'
                  else m.group(1), v)


def parse(run, text, what):
    """Text exposition -> ({(name, ((label, value), ...)): float},
    {name: type}); fails on a line it cannot read or on a timestamp."""
    samples, types = {}, {}
    for line in text.splitlines():
        if line.startswith('# TYPE '):
            name, typ = line.split()[2:4]
            types[name] = typ
            continue
        if not line or line.startswith('#'):
            continue
        m = SAMPLE.match(line)
        run.expect(m, '%s: not a sample without timestamp: %r' % (what, line))
        labels, rest = [], m.group(2) or ''
        while rest:
            lm = LABEL.match(rest)
            run.expect(lm, '%s: bad labels in %r' % (what, line))
            labels.append((lm.group(1), unescape(lm.group(2))))
            rest = rest[lm.end():]
        key = (m.group(1), tuple(sorted(labels)))
        run.expect(key not in samples, '%s: %r twice' % (what, key))
        samples[key] = float(m.group(3))
    return samples, types


def value(run, samples, what, name, **labels):
    key = (name, tuple(sorted(labels.items())))
    run.expect(key in samples, '%s: no %s%s (has %s)' % (
        what, name, labels, sorted(k for k in samples if k[0] == name)))
    return samples[key]


def need(run, tool):
    path = shutil.which(tool)
    run.expect(path, '%s not found: scripts/deps.sh installs it (Debian '
               'package %s)' % (tool, 'prometheus' if tool == 'promtool'
                                else tool))
    return path


def promtool(run, args, text=None, what=''):
    p = subprocess.run([need(run, 'promtool')] + args, input=text,
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       text=True, timeout=60)
    run.expect(p.returncode == 0, 'promtool %s %s: exit %d: %s' % (
        ' '.join(args), what, p.returncode, p.stdout.strip()))


def expect_counters(run, samples, summary, what):
    """Every per-result and per-class counter of summary, as exported."""
    for r in RESULTS:
        run.expect_eq('%s cycles_total{result=%s}' % (what, r),
                      float(summary['cycles.' + r]),
                      value(run, samples, what, 'pmic_sleepdiag_cycles_total',
                            result=r))
    for c in CLASSES:
        run.expect_eq('%s anomalies_total{class=%s}' % (what, c),
                      float(summary['anomalies.' + c]),
                      value(run, samples, what,
                            'pmic_sleepdiag_anomalies_total', **{'class': c}))
    run.expect_eq('%s cycles_started_total' % what, float(summary['cycles']),
                  value(run, samples, what,
                        'pmic_sleepdiag_cycles_started_total'))


def expect_from_files(run, samples, what, d):
    """The gauges and the summary metric as the copied files d/... say."""
    for w in run.parse_kv(run.files[d + 'hrtimer/latency']):
        if 'window' not in w or 'lo_ns' in w or 'cpu' in w:
            continue            # histogram rows and per-CPU lines
        win, n = w['window'], int(w['count'])
        for q, key in QUANTILES:
            got = value(run, samples, what,
                        'pmic_sleepdiag_hrtimer_latency_seconds', window=win,
                        quantile=q)
            if n:
                run.expect(abs(got - int(w[key]) / 1e9) < 1e-12,
                           '%s window %s quantile %s: %r, file says %s ns'
                           % (what, win, q, got, w[key]))
            else:
                run.expect(math.isnan(got), '%s empty window %s quantile '
                           '%s: %r, not NaN' % (what, win, q, got))
        run.expect_eq('%s window %s _count' % (what, win), float(n),
                      value(run, samples, what,
                            'pmic_sleepdiag_hrtimer_latency_seconds_count',
                            window=win))
        # _sum: each histogram row counts as its midpoint, at most max.
        ns = sum(min(int(r['lo_ns']) + (int(r['hi_ns']) - int(r['lo_ns'])) //
                     2, int(w['max_ns'])) * int(r['count'])
                 for r in run.parse_kv(run.files[d + 'hrtimer/latency'],
                                       window=win) if 'lo_ns' in r)
        got = value(run, samples, what,
                    'pmic_sleepdiag_hrtimer_latency_seconds_sum', window=win)
        run.expect(abs(got - ns / 1e9) <= 1e-9 + ns * 1e-15,
                   '%s window %s _sum: %r, rows say %d ns' % (what, win, got,
                                                             ns))
        if n:
            run.expect(int(w['min_ns']) <= got * 1e9 / n <=
                       int(w['max_ns']) + 1, '%s window %s: _sum/_count '
                       'outside [min, max]' % (what, win))
    blocks = run.report_blocks(d + 'report')
    run.expect(blocks, '%s: the copied report has no cycle' % what)
    last = blocks[max(blocks)]
    cyc = [r for k, r in last if k == 'cycle'][0]
    ver = [r for k, r in last if k == 'verdict'][0]
    run.expect_eq('%s last_cycle_info' % what, 1.0, value(
        run, samples, what, 'pmic_sleepdiag_last_cycle_info',
        result=cyc['result'], verdict=ver['verdict'],
        wake_irq=cyc['wake_irq']))
    late = [int(h['late_ms']) for h in
            run.parse_kv(run.files[d + 'alarm/history'])
            if re.fullmatch(r'-?\d+', h.get('late_ms', ''))]
    run.expect(late, '%s: no alarm/history line with late_ms' % what)
    run.expect_eq('%s alarm_late_seconds_max' % what, max(late) / 1000,
                  value(run, samples, what,
                        'pmic_sleepdiag_alarm_late_seconds_max'))


def free_port():
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


def scrape(run, text):
    """Serve text as NAME.prom through node_exporter's textfile collector
    on 127.0.0.1 and return /metrics."""
    exe = need(run, 'prometheus-node-exporter')
    with tempfile.TemporaryDirectory() as d:
        with open(os.path.join(d, 'pmic_sleepdiag.prom'), 'w') as f:
            f.write(text)
        port = free_port()
        cmd = [exe, '--web.listen-address=127.0.0.1:%d' % port,
               '--collector.disable-defaults', '--collector.textfile',
               '--collector.textfile.directory=' + d,
               '--web.disable-exporter-metrics']
        with open(os.path.join(d, 'log'), 'w+') as log:
            p = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT)
            try:
                deadline = time.monotonic() + 20
                while True:
                    try:
                        with urllib.request.urlopen(
                                'http://127.0.0.1:%d/metrics' % port,
                                timeout=5) as r:
                            return r.read().decode()
                    except OSError as e:
                        if p.poll() is not None or \
                                time.monotonic() > deadline:
                            log.seek(0)
                            run.fail('node_exporter on 127.0.0.1:%d: %s '
                                     '(exit %s): %s' % (port, e, p.poll(),
                                                        log.read()[-2000:]))
                        time.sleep(0.2)
            finally:
                p.terminate()
                try:
                    p.wait(10)
                except subprocess.TimeoutExpired:
                    p.kill()
                    p.wait()


def alert_rules(run):
    """The YAML block after `.. _export-alert-rules:` in the rst."""
    with open(RST) as f:
        text = f.read()
    m = re.search(r'^\.\. _export-alert-rules:\n(?:.*\n)*?.*::\n\n'
                  r'((?:    .*\n|\n)+)', text, re.M)
    run.expect(m, '%s: no example alert rules block' % RST)
    return re.sub(r'^    ', '', m.group(1), flags=re.M)


def check(run):
    summary = run.summary()
    for what in ('stdout', 'o', 'root', 'odd'):
        run.expect_eq('exit status (%s)' % what, '0',
                      run.file('/tmp/rc_' + what).strip())
    run.expect_eq('stderr (stdout run)', '', run.file('/tmp/err_stdout'))
    outs = {w: run.file('/tmp/out_' + w) for w in ('stdout', 'o', 'root',
                                                    'odd', 'gone')}
    for w, text in outs.items():
        promtool(run, ['check', 'metrics'], text, '(%s output)' % w)
    parsed = {w: parse(run, t, w) for w, t in outs.items()}

    # Live: counters equal the summary read just after, and count all four
    # attempts though only two cycles are kept.
    live, types = parsed['stdout']
    expect_counters(run, live, summary, 'stdout')
    run.expect_eq('summary cycles', '4', summary.get('cycles'))
    run.expect_eq('cycles by result', ('3', '1', '0', '0'),
                  tuple(summary.get('cycles.' + r) for r in RESULTS))
    run.expect_eq('cycles kept in report', 2, len(run.report_blocks()))
    run.expect(int(summary['anomalies.PMIC_CONFIG_RISK']) > 0,
               'no PMIC_CONFIG_RISK anomaly counted')
    run.expect_eq('anomalies by class add up to anomalies:',
                  int(summary['anomalies']),
                  sum(int(summary['anomalies.' + c]) for c in CLASSES))
    run.expect_eq('pmic_sleepdiag_up', 1.0,
                  value(run, live, 'stdout', 'pmic_sleepdiag_up'))
    for name, typ in (('pmic_sleepdiag_cycles_total', 'counter'),
                      ('pmic_sleepdiag_anomalies_total', 'counter'),
                      ('pmic_sleepdiag_last_cycle_info', 'gauge'),
                      ('pmic_sleepdiag_hrtimer_latency_seconds', 'summary'),
                      ('pmic_sleepdiag_alarm_late_seconds_max', 'gauge')):
        run.expect_eq('TYPE of %s' % name, typ, types.get(name))
    wins = {dict(k[1]).get('window') for k in live
            if k[0] == 'pmic_sleepdiag_hrtimer_latency_seconds_count'}
    run.expect({'all', 'post_resume'} <= wins, 'hrtimer windows: %s' % wins)

    # -o: the same metrics, the file readable by node_exporter's user,
    # no temporary file left beside it.
    o = parsed['o'][0]
    run.expect_eq('-o: metrics and labels', sorted(live), sorted(o))
    expect_counters(run, o, summary, '-o')
    run.expect_eq('-o directory', ['.', '..', 'pmic_sleepdiag.prom'],
                  sorted(run.file('/tmp/tf_names').split()))
    run.expect_eq('-o file mode', '644', run.file('/tmp/tf_mode').strip())

    # --root: exactly what the copied files say.
    root = parsed['root'][0]
    copied = run.summary('/tmp/copy/summary')
    expect_counters(run, root, copied, '--root')
    expect_from_files(run, root, '--root', '/tmp/copy/')
    run.expect(not any(k[0].startswith('pmic_sleepdiag_sleeper') for k in
                       root), '--root: sleeper metrics without a sleepers '
               'file')

    # Awkward names: escaped, invalid UTF-8 dropped, outside-cycle lines
    # not taken.
    odd = parsed['odd'][0]
    got = {dict(k[1])['comm']: v for k, v in odd.items()
           if k[0] == 'pmic_sleepdiag_sleeper_overslept_seconds_max'}
    run.expect_eq('sleeper comm labels and maxima', ODD_COMMS, got)
    run.expect('comm="say \\"hi\\" C:\\\\"' in outs['odd'],
               'quote and backslash not escaped as the format says')

    # Module unloaded: exit 1, up 0, and why.
    run.expect_eq('exit status (module unloaded)', '1',
                  run.file('/tmp/rc_gone').strip())
    run.expect_eq('output (module unloaded)',
                  {('pmic_sleepdiag_up', ()): 0.0}, parsed['gone'][0])
    run.expect('is pmic_sleepdiag loaded' in run.file('/tmp/err_gone'),
               'module unloaded: stderr says %r' % run.file('/tmp/err_gone'))
    run.expect_eq('exit status (unknown option)', '2',
                  run.file('/tmp/rc_bad').strip())

    # A real node_exporter serves the -o file: the guest's values, no error.
    served, _ = parse(run, '\n'.join(
        line for line in scrape(run, outs['o']).splitlines()
        if not line.startswith('# ')), 'node_exporter /metrics')
    run.expect_eq('node_textfile_scrape_error', 0.0,
                  value(run, served, 'scrape', 'node_textfile_scrape_error'))
    for k, v in o.items():
        run.expect(k in served, 'scrape: %s%s missing' % k)
        run.expect(served[k] == v or math.isnan(v) and math.isnan(served[k]),
                   'scrape: %s%s = %r, the file says %r' % (k + (served[k],
                                                                v)))

    # The documented alert rules are valid and use what the exporter writes.
    rules = alert_rules(run)
    with tempfile.NamedTemporaryFile('w', suffix='.yml') as f:
        f.write(rules)
        f.flush()
        promtool(run, ['check', 'rules', f.name], what='(documented rules)')
    names = {k[0] for k in live} | {re.sub(r'_(sum|count)$', '', k[0])
                                    for k in live}
    for name in set(re.findall(r'\bpmic_sleepdiag_\w+', rules)):
        run.expect(name in names, 'documented rule uses %s, which the '
                   'exporter does not write' % name)
