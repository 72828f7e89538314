# SPDX-License-Identifier: GPL-2.0
"""PMIC bound after the module loaded: off(no tps65910 i2c client) at
first, attached when the tps65910 driver binds (bus notifier), linked as
supplier of our device right away, and snapshots in the next cycle."""

from helpers import pmic_lib

GUEST = r'''
load_stub || fail "i2c-stub"
load_psd || fail "insmod pmic_sleepdiag.ko"
cp $D/summary /tmp/summary_before; dump /tmp/summary_before
insmod $M/psd_fix_tps65910.ko regs=0x10:0x01 || fail "tps65910 fixture"
ls /sys/class/devlink > /tmp/links; dump /tmp/links
s2idle_cycle || fail "s2idle cycle"
dump $D/summary $D/pmic/snapshots
dump_report
rmmod pmic_sleepdiag || fail "rmmod"
'''


def check(run):
    b = run.summary('/tmp/summary_before')
    run.expect_eq('pmic before the PMIC exists',
                  'off(no tps65910 i2c client)', b.get('pmic'))
    run.expect_eq('pmic after it bound', 'tps65910 0-002d',
                  run.summary().get('pmic'))
    run.expect('i2c:0-002d--platform:pmic_sleepdiag' in
               run.file('/tmp/links').split(), 'no device link at bind')
    keys = pmic_lib.by_key(pmic_lib.snapshots(run))
    for p in pmic_lib.SNAP_PHASES:
        run.expect(('1', p) in keys, 'no %s snapshot' % p)
        run.expect_eq('%s err' % p, '0', keys[('1', p)][0]['err'])
