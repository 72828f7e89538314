# SPDX-License-Identifier: GPL-2.0
"""Reliability, faults (issue #9): the PMIC's I2C adapter removed while
the module is attached, cycles going on, then the adapter back.  First the
psd_fix_failbus adapter (rmmod takes the adapter and its TPS65910 client
away), then i2c-stub (its TPS65910 client first: the fixture module pins
the stub while loaded).  While the adapter is gone the PMIC is off(<why>),
control snapshot fails with a reason, cycles are still counted and resumed
and have no snapshots, the other components stay on; once an adapter with
a TPS65910 is back the module attaches by itself and the next cycle has
its six snapshots.  No splat."""

from helpers import pmic_lib, rel_lib

TIMEOUT = 300

GUEST = rel_lib.GUEST_LIB + r'''
cyc() { s2idle_cycle 2 || fail "cycle $1"; }
insmod $M/psd_fix_failbus.ko regs=0x10:0x01 || fail "failbus fixture"
load_psd || fail "insmod pmic_sleepdiag.ko"
echo set probe_period_us 1000 > $D/control || fail "probe timer on"
bg_readers rd
cyc 1
rmmod psd_fix_failbus || fail "rmmod failbus while attached"
cp $D/summary /tmp/sum_removed
echo snapshot > $D/control 2>/dev/null && fail "snapshot with the adapter gone"
cp $D/summary /tmp/sum_snapfail
cyc 2; cyc 3
insmod $M/psd_fix_failbus.ko regs=0x10:0x01 || fail "failbus fixture again"
cp $D/summary /tmp/sum_back
cyc 4
rmmod psd_fix_failbus || fail "rmmod failbus"
load_tps regs=0x10:0x01 || fail "tps65910 fixture"
cp $D/summary /tmp/sum_stub
rmmod i2c-stub 2>/dev/null && fail "i2c-stub unloaded while the fixture pins it"
rmmod psd_fix_tps65910 || fail "rmmod tps65910 fixture"
rmmod i2c-stub || fail "rmmod i2c-stub while attached"
cp $D/summary /tmp/sum_stub_gone
cyc 5
load_tps regs=0x10:0x01 || fail "tps65910 fixture again"
cp $D/summary /tmp/sum_stub_back
cyc 6
bg_stop
echo "reads_ok=$(cat /tmp/rd.ok) reads_err=$(cat /tmp/rd.err)" > /tmp/faults
dump /tmp/faults /tmp/sum_removed /tmp/sum_snapfail /tmp/sum_back /tmp/sum_stub \
	/tmp/sum_stub_gone /tmp/sum_stub_back $D/summary $D/pmic/snapshots
dump_report
rmmod pmic_sleepdiag || fail "rmmod"
'''

def check(run):
    for f, on in (('removed', False), ('snapfail', False), ('back', True),
                  ('stub', True), ('stub_gone', False),
                  ('stub_back', True)):
        s = run.summary('/tmp/sum_' + f)
        if on:
            run.expect_match('pmic after %s' % f, r'tps65910 \d+-002d',
                             s.get('pmic'))
            run.expect_eq('component.pmic after %s' % f, 'on',
                          s.get('component.pmic'))
        else:
            run.expect_match('component.pmic after %s' % f, r'off\(.+\)',
                             s.get('component.pmic'))
        rel_lib.all_on(run, s, 'after ' + f, but=('pmic',))
    run.expect_match('last_control_error after a snapshot with no adapter',
                     r'".*pmic.*"', run.summary('/tmp/sum_snapfail').get(
                         'last_control_error'))
    s = run.summary()
    run.expect_eq('cycles', '6', s.get('cycles'))
    keys = pmic_lib.by_key(pmic_lib.snapshots(run))
    for c, has in (('1', True), ('2', False), ('3', False), ('4', True),
                   ('5', False), ('6', True)):
        for p in pmic_lib.SNAP_PHASES:
            run.expect(((c, p) in keys) == has, 'cycle %s %s snapshot: '
                       'expected %s' % (c, p, 'one' if has else 'none'))
    f = run.kv(run.file('/tmp/faults'))
    rel_lib.figures(run, 'rel_faults_remove', {
        'cycles': 6, 'adapter_removals': 2, 'reattach': 2,
        'cycles_without_pmic': 3, 'debugfs_reads': f['reads_ok'],
        'splats': rel_lib.no_splat(run)})
