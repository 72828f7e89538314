# SPDX-License-Identifier: GPL-2.0
"""PMIC, the tps65910 driver unbound and bound again at run time.
Unbinding turns the component off(pmic unbound) without a splat; control
snapshot then fails, a suspend cycle takes no snapshot (and touches no
freed regmap) and the device link to the PMIC is gone; binding again turns it back on and the next cycle has its
snapshots.  Deleting the device (fixture unloaded) turns it off(pmic
removed); the module then unloads cleanly."""

from helpers import pmic_lib

GUEST = r'''
DRV=/sys/bus/i2c/drivers/tps65910
load_tps regs=0x10:0x01 || fail "tps65910 fixture"
load_psd || fail "insmod pmic_sleepdiag.ko"
s2idle_cycle || fail "s2idle cycle 1"
ls /sys/class/devlink > /tmp/links_attached
echo 0-002d > $DRV/unbind || fail "unbind"
cp $D/summary /tmp/summary_unbound
ls /sys/class/devlink > /tmp/links_unbound
echo snapshot > $D/control 2>/dev/null && fail "snapshot while unbound"
s2idle_cycle || fail "s2idle cycle 2 (unbound)"
echo 0-002d > $DRV/bind || fail "bind"
cp $D/summary /tmp/summary_bound
ls /sys/class/devlink > /tmp/links_bound
dump /tmp/links_attached /tmp/links_unbound /tmp/links_bound
echo snapshot > $D/control || fail "snapshot after bind"
s2idle_cycle || fail "s2idle cycle 3"
dump /tmp/summary_unbound /tmp/summary_bound $D/summary $D/pmic/snapshots
rmmod psd_fix_tps65910 || fail "rmmod fixture"
cp $D/summary /tmp/summary_removed; dump /tmp/summary_removed
dump_report
rmmod pmic_sleepdiag || fail "rmmod"
'''


LINK = 'i2c:0-002d--platform:pmic_sleepdiag'


def check(run):
    # Our device is a consumer of the PMIC while attached, never after.
    for f, want in (('attached', True), ('unbound', False), ('bound', True)):
        have = LINK in run.file('/tmp/links_' + f).split()
        run.expect_eq('device link %s while %s' % (LINK, f), want, have)
    u = run.summary('/tmp/summary_unbound')
    run.expect_eq('pmic after unbind', 'off(pmic unbound)', u.get('pmic'))
    run.expect_eq('component.pmic after unbind', 'off(pmic unbound)',
                  u.get('component.pmic'))
    run.expect_match('last_control_error after a snapshot while unbound',
                     r'".*pmic.*off.*"', run.summary().get('last_control_error'))
    b = run.summary('/tmp/summary_bound')
    run.expect_eq('pmic after bind', 'tps65910 0-002d', b.get('pmic'))
    run.expect_eq('component.pmic after bind', 'on', b.get('component.pmic'))
    run.expect_eq('cycles', '3', run.summary().get('cycles'))

    keys = pmic_lib.by_key(pmic_lib.snapshots(run))
    for p in pmic_lib.SNAP_PHASES:
        run.expect(('1', p) in keys, 'cycle 1: no %s snapshot' % p)
        run.expect(('3', p) in keys, 'cycle 3 (rebound): no %s snapshot' % p)
        run.expect(('2', p) not in keys, 'cycle 2 (unbound): %s snapshot' % p)
    run.expect(('2', 'manual') in keys, 'no manual snapshot after bind')
    run.expect_eq('err after rebind', '0', keys[('3', 'suspend_late')][0]['err'])

    r = run.summary('/tmp/summary_removed')
    run.expect_eq('pmic after the device is deleted', 'off(pmic removed)',
                  r.get('pmic'))
    run.expect_console(r'0-002d: pmic_sleepdiag: detached \(pmic unbound\)')
    run.expect_console(r'0-002d: pmic_sleepdiag: attached \(tps65910\)')
