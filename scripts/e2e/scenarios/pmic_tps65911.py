# SPDX-License-Identifier: GPL-2.0
"""PMIC, TPS65911 variant and the pmic= parameter.  pmic= naming a device
that does not exist leaves the component off(<reason>) and the module
working; pmic=0-002d attaches to the TPS65911 fixture, which is told apart
by its i2c id: VDDCTRL, LDO1-8, three INT_STS/INT_MSK pairs, and the
regulator driver's LDO bit map (LDO6 is bit 0 of SLEEP_KEEP_LDO_ON).  One
s2idle cycle and a manual snapshot; the bus cost of a snapshot is
measured."""

from helpers import pmic_lib

GUEST = r'''
load_tps chip=tps65911 regs=0x10:0x01,0x41:0x01,0x54:0x10,0x55:0x10,0x27:0x01 \
	|| fail "tps65911 fixture"
load_psd pmic=7-0042 || fail "insmod pmic_sleepdiag.ko pmic=7-0042"
cp $D/summary /tmp/summary_absent
echo snapshot > $D/control 2>/dev/null && fail "snapshot with the pmic off"
s2idle_cycle || fail "s2idle cycle with the pmic off"
cp $D/pmic/snapshots /tmp/snapshots_absent
dump /tmp/summary_absent /tmp/snapshots_absent
rmmod pmic_sleepdiag || fail "rmmod"
load_psd pmic=0-002d || fail "insmod pmic_sleepdiag.ko pmic=0-002d"
s2idle_cycle || fail "s2idle cycle"
dump $D/summary $D/pmic/snapshots $D/pmic/lint $D/anomalies
%s
dump_report
rmmod pmic_sleepdiag || fail "rmmod"
''' % pmic_lib.COUNT_BUS

TPS65911_REGS = 66


def check(run):
    a = run.summary('/tmp/summary_absent')
    run.expect_eq('summary pmic with pmic=7-0042', 'off(pmic= device not found)',
                  a.get('pmic'))
    run.expect_eq('component.pmic with pmic=7-0042',
                  'off(pmic= device not found)', a.get('component.pmic'))
    run.expect_eq('cycles counted with the pmic off', '0', a.get('cycles'))
    run.expect_eq('snapshots with the pmic off', [],
                  [r for r in run.parse_kv(run.file('/tmp/snapshots_absent'))])

    s = run.summary()
    run.expect_eq('summary pmic', 'tps65911 0-002d', s.get('pmic'))
    keys = pmic_lib.by_key(pmic_lib.snapshots(run))
    for p in pmic_lib.SNAP_PHASES:
        run.expect(('1', p) in keys, 'no snapshot for phase %s' % p)
        h, regs = keys[('1', p)]
        pmic_lib.check_snapshot_shape(run, h, regs, TPS65911_REGS, 'tps65911')
    _, regs = keys[('1', 'suspend_late')]
    names = {a: r['name'] for a, r in regs.items()}
    for a, n in ((0x27, 'VDDCTRL'), (0x28, 'VDDCTRL_OP'), (0x30, 'LDO1'),
                 (0x35, 'LDO6'), (0x37, 'LDO3'), (0x54, 'INT_STS3'),
                 (0x55, 'INT_MSK3'), (0x68, 'GPIO8')):
        run.expect_eq('register 0x%02x' % a, n, names.get(a))
    run.expect(0x49 not in names and 0x56 not in names,
               'TPS65911 shows EN3_LDO_ASS or a fourth INT pair')
    run.expect_eq('LDO6_KEEPON (bit 0)', 1,
                  pmic_lib.field(regs[0x41], 'LDO6_KEEPON'))
    run.expect_eq('LDO1_KEEPON (bit 1)', 0,
                  pmic_lib.field(regs[0x41], 'LDO1_KEEPON'))
    run.expect_eq('WTCHDG_IT', 1, pmic_lib.field(regs[0x54], 'WTCHDG_IT'))
    run.expect_eq('VDDCTRL ST (cached)', 1, pmic_lib.field(regs[0x27], 'ST'))
    # WTCHDG pending but masked: no int_pending.
    found = pmic_lib.lint(run)
    run.expect('int_pending' not in found, 'int_pending on a masked source')
    pmic_lib.bus_reads(run)
