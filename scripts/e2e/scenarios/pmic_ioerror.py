# SPDX-License-Identifier: GPL-2.0
"""PMIC read errors mid-snapshot, from the project's own SMBus fixture
adapter (psd_fix_failbus; i2c-stub cannot fail a read).  With reads of
0x41 failing, the range 0x3e-0x4a (the fourth of six) fails: the snapshot
has err=-5, those 13 registers val=none, every other register kept, and
PMIC_IO_ERROR names it; lint says which rules it could not judge.  Across
an s2idle cycle with the failure on, each of the six snapshots does the
same.  Cleared, the next snapshot is whole again.  The fixture's own read
counter measures the bus transfers of a snapshot."""

from helpers import pmic_lib

GUEST = r'''
P=/sys/module/psd_fix_failbus/parameters
insmod $M/psd_fix_failbus.ko regs=0x10:0x01,0x3f:0x02,0x42:0x70,0x60:0x80 \
	|| fail "failbus fixture"
load_psd || fail "insmod pmic_sleepdiag.ko"
dump $D/summary
R0=$(cat $P/reads)
echo snapshot > $D/control || fail "snapshot"
R1=$(cat $P/reads)
echo $((R1 - R0)) > /tmp/fixture_reads; dump /tmp/fixture_reads
note "failbus read transfers for one snapshot: $(cat /tmp/fixture_reads)"
echo 0x41 > $P/fail || fail "set fail"
echo snapshot > $D/control || fail "snapshot with a failing read"
cp $D/pmic/snapshots /tmp/snap_manual; cp $D/pmic/lint /tmp/lint_manual
cp $D/anomalies /tmp/anomalies_manual
dump /tmp/snap_manual /tmp/lint_manual /tmp/anomalies_manual
s2idle_cycle || fail "s2idle cycle with failing reads"
echo > $P/fail || fail "clear fail"
echo snapshot > $D/control || fail "snapshot after clearing"
dump $D/summary $D/pmic/snapshots $D/anomalies $P/failed
%s
dump_report
rmmod pmic_sleepdiag || fail "rmmod"
rmmod psd_fix_failbus || fail "rmmod fixture"
''' % pmic_lib.COUNT_BUS

FAILED = set(range(0x3e, 0x4b))


def check_failed(run, h, regs, where):
    run.expect_eq('%s err' % where, '-5', h['err'])
    run.expect_eq('%s failed' % where, str(len(FAILED)), h['failed'])
    for a, r in regs.items():
        if a in FAILED:
            run.expect_eq('%s reg 0x%02x val' % (where, a), 'none', r['val'])
            run.expect_eq('%s reg 0x%02x changed' % (where, a), '0',
                          r['changed'])
        else:
            run.expect_match('%s reg 0x%02x val' % (where, a),
                             r'0x[0-9a-f]{2}', r['val'])
    # Ranges before and after the failing one are kept.
    run.expect_eq('%s RTC_CTRL' % where, '0x01', regs[0x10]['val'])
    run.expect_eq('%s GPIO0' % where, '0x80', regs[0x60]['val'])
    run.expect_eq('%s INT_STS' % where, '0x00', regs[0x50]['val'])


def check(run):
    run.expect_eq('summary pmic', 'tps65910 0-002d', run.summary().get('pmic'))
    n = int(run.file('/tmp/fixture_reads').strip())
    run.expect(0 < n <= 6, 'fixture read transfers per snapshot: %d' % n)
    pmic_lib.bus_reads(run)

    manual = pmic_lib.by_key(pmic_lib.snapshots(
        run, run.file('/tmp/snap_manual')))
    h, regs = manual[('0', 'manual')]
    pmic_lib.check_snapshot_shape(run, h, regs, 60, 'tps65910')
    check_failed(run, h, regs, 'manual')
    an = run.parse_kv(run.file('/tmp/anomalies_manual'),
                      **{'class': 'PMIC_IO_ERROR'})
    run.expect_eq('PMIC_IO_ERROR after the manual snapshot', 1, len(an))
    run.expect_eq('PMIC_IO_ERROR', {'phase': 'manual', 'reg': '0x3e',
                                    'regs': '13', 'err': '-5'},
                  {k: an[0].get(k) for k in ('phase', 'reg', 'regs', 'err')})
    lint = run.file('/tmp/lint_manual')
    run.expect('# rule=ck32k_sleep_off not evaluated' in lint,
               'lint does not say ck32k_sleep_off could not be judged')
    run.expect_eq('lint findings with DEVCTRL unreadable', {},
                  pmic_lib.lint(run, lint))

    keys = pmic_lib.by_key(pmic_lib.snapshots(run))
    for p in pmic_lib.SNAP_PHASES:
        h, regs = keys[('1', p)]
        check_failed(run, h, regs, 'cycle 1 %s' % p)
    io = run.records('anomalies', **{'class': 'PMIC_IO_ERROR'})
    run.expect_eq('PMIC_IO_ERROR phases',
                  ['manual'] + pmic_lib.SNAP_PHASES,
                  [a['phase'] for a in io])
    h, regs = keys[('1', 'manual')]
    run.expect_eq('err after clearing', '0', h['err'])
    run.expect_eq('DEVCTRL after clearing', '0x02', regs[0x3f]['val'])
