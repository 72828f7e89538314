# SPDX-License-Identifier: GPL-2.0
"""Reliability: bad input (issue #9), from scripts/e2e/ctlfuzz.c.
At least 10,000 writes to control (random bytes, over-long lines up to
64 KiB, embedded NULs, writes at an offset and commands split over two
writes, every set key at and just past both ends of its documented range
plus numbers that only fit after u32 truncation, nonexistent IRQs, syntax
errors, and valid commands in between), with three concurrent readers
running: every write is judged (accepted iff valid; rejected with EINVAL),
and after a rejected write the state (summary minus last_control_error and
the counters probes move, plus the watched IRQs) is unchanged — checked
after each of the first 3000 writes, then every fifth of each kind — and
last_control_error says something.  Then four concurrent writers on their
own keys (each key ends at its writer's last value), the watch list filled
with every existing IRQ, every file read with sizes 1 3 7 4095 4097 and
lseek to odd offsets (stable files compared with a whole read), and every
file denied to uid/gid 65534.  Mode bits: 0400, control 0200."""

from harness import config
from helpers import rel_lib

WRITES, SEED = 10000, 9
TIMEOUT = 900
ARM32_SKIP = 'ctlfuzz.c is 64-bit only (its random values are unsigned long)'

GUEST = ('' if config.selected == 'arm32' else
         rel_lib.install('ctlfuzz')) + r'''
load_tps regs=0x10:0x01 || fail "tps65910 fixture"
load_psd || fail "insmod pmic_sleepdiag.ko"
find $D -type f | sort > /tmp/files
ls /sys/kernel/irq | sort -n > /tmp/irqs
dump /tmp/files /tmp/irqs
echo snapshot > $D/control || fail "snapshot"
ctlfuzz modes /tmp/files > /tmp/fz_modes
ctlfuzz nobody /tmp/files > /tmp/fz_nobody
ctlfuzz reads /tmp/files 1 > /tmp/fz_reads
rm -f /tmp/stop
ctlfuzz readers 3 /tmp/files > /tmp/fz_readers &
RP=$!
t0=$(cut -d. -f1 /proc/uptime)
ctlfuzz writes @WRITES@ @SEED@ /tmp/irqs > /tmp/fz_writes
t1=$(cut -d. -f1 /proc/uptime)
ctlfuzz writers 4 300 > /tmp/fz_writers
ctlfuzz irqfill /tmp/irqs > /tmp/fz_irqfill
touch /tmp/stop; wait $RP
echo "seconds=$((t1 - t0))" > /tmp/fz_time
dump /tmp/fz_modes /tmp/fz_nobody /tmp/fz_reads /tmp/fz_readers \
	/tmp/fz_writes /tmp/fz_writers /tmp/fz_irqfill /tmp/fz_time $D/summary
note "$(grep '^writes ' /tmp/fz_writes)"
dump_report
rmmod pmic_sleepdiag || fail "rmmod"
'''.replace('@WRITES@', str(WRITES)).replace('@SEED@', str(SEED))


def one(run, path, prefix):
    rs = [r for line, r in zip(run.file(path).splitlines(),
                               run.parse_kv(run.file(path)))
          if line.startswith(prefix + ' ')]
    run.expect(rs, '%s: no "%s" line' % (path, prefix))
    return {k: int(v) if v.isdigit() else v for k, v in rs[-1].items()}


def check(run):
    for p in ('/tmp/fz_modes', '/tmp/fz_nobody', '/tmp/fz_reads',
              '/tmp/fz_readers', '/tmp/fz_writes', '/tmp/fz_writers',
              '/tmp/fz_irqfill'):
        bad = [line for line in run.file(p).splitlines()
               if line.startswith('mismatch')]
        run.expect(not bad, '%s: %s' % (p, '; '.join(bad[:5])))
    w = one(run, '/tmp/fz_writes', 'writes')
    run.expect(w['tried'] >= WRITES, 'writes tried %d' % w['tried'])
    run.expect_eq('writes judged wrongly', 0, w['mismatches'])
    run.expect_eq('rejected writes that changed the state', 0,
                  w['state_changed'])
    run.expect_eq('rejections without last_control_error', 0,
                  w['lce_missing'])
    run.expect(w['state_checks'] >= 3000, 'state checks %d' %
               w['state_checks'])
    cats = run.parse_kv(run.file('/tmp/fz_writes'))
    for c in [c for c in cats if 'name' in c]:
        run.expect(int(c['tried']) > 0, 'no %s writes' % c['name'])
    m = one(run, '/tmp/fz_modes', 'modes')
    run.expect_eq('files with wrong mode', 0, m['wrong'])
    nb = one(run, '/tmp/fz_nobody', 'nobody')
    run.expect_eq('uid 65534: opens allowed', 0, nb['allowed'])
    run.expect_eq('uid 65534: opens denied', nb['opens'], nb['denied'])
    r = one(run, '/tmp/fz_reads', 'reads')
    run.expect_eq('read errors', 0, r['errors'])
    run.expect_eq('chunked/seeked reads differing from a whole read', 0,
                  r['differed'])
    run.expect(r['compared'] > 0, 'nothing compared')
    rd = one(run, '/tmp/fz_readers', 'readers')
    run.expect_eq('concurrent readers that failed', 0, rd['failed'])
    wr = one(run, '/tmp/fz_writers', 'writers')
    run.expect_eq('concurrent writers: mismatches', 0, wr['mismatches'])
    f = one(run, '/tmp/fz_irqfill', 'irqfill')
    run.expect_eq('irqfill mismatches', 0, f['mismatches'])
    if f['existing'] >= 64:
        run.expect_eq('watch list filled to', 64, f['watched_max'])
    s = run.summary()
    rel_lib.all_on(run, s)
    rel_lib.figures(run, 'rel_control_fuzz', {
        'writes': w['tried'], 'accepted': w['accepted'],
        'rejected': w['rejected'], 'state_checks': w['state_checks'],
        'seconds': run.kv(run.file('/tmp/fz_time'))['seconds'],
        'concurrent_writes': wr['writes'], 'read_calls': r['read_calls'],
        'seeks': r['seeks'], 'reader_procs': rd['procs'],
        'nobody_denied': '%d/%d' % (nb['denied'], nb['opens']),
        'irqs_existing': f['existing'], 'watch_max': f['watched_max'],
        'splats': rel_lib.no_splat(run)})
