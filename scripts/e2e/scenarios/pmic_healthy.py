# SPDX-License-Identifier: GPL-2.0
"""PMIC, healthy configuration (TPS65910 on i2c-stub, RTC running,
DEV_SLP=1 with the 32 kHz, VRTC and high-speed clocks kept on), three
s2idle cycles.  The fixture writes BCK1 (volatile) and VDD1 (cached in the
driver's regmap) from its suspend callback and restores them in resume.

Expected: summary `pmic: tps65910 0-002d`; a snapshot for every phase of
every cycle with every register decoded; changed=1 exactly on BCK1 and VDD1
at suspend_late (our suspend ran before the fixture's) and at resume (the
fixture's resume restored them first); no lint finding, no PMIC anomaly;
a snapshot costs at most 6 SMBus read transfers, measured on the bus."""

from helpers import pmic_lib

HEALTHY = '0x10:0x01,0x3f:0x02,0x42:0x70,0x17:0x11,0x21:0x05'

GUEST = r'''
load_tps regs=%s phase_at=suspend phase_write=0x17:0x5a,0x21:0x06 \
	phase_restore=1 || fail "tps65910 fixture"
load_psd || fail "insmod pmic_sleepdiag.ko"
dump $D/summary
for i in 1 2 3; do
	s2idle_cycle || fail "s2idle cycle $i: freeze failed"
done
dump $D/summary $D/pmic/snapshots $D/pmic/lint $D/anomalies
dump /sys/module/psd_fix_tps65910/parameters/phase_writes
%s
dump_report
rmmod pmic_sleepdiag || fail "rmmod"
''' % (HEALTHY, pmic_lib.COUNT_BUS)

TPS65910_REGS = 60


def check(run):
    s = run.summary()
    run.expect_eq('summary pmic', 'tps65910 0-002d', s.get('pmic'))
    run.expect_eq('summary component.pmic', 'on', s.get('component.pmic'))
    run.expect_eq('summary cycles', '3', s.get('cycles'))
    run.expect_eq('fixture writes (2 registers x 3 cycles)', '6',
                  run.param('psd_fix_tps65910', 'phase_writes'))

    snaps = pmic_lib.snapshots(run)
    keys = pmic_lib.by_key(snaps)
    for c in ('1', '2', '3'):
        for p in pmic_lib.SNAP_PHASES:
            run.expect((c, p) in keys, 'no snapshot for cycle %s phase %s '
                       '(have %s)' % (c, p, sorted(keys)))
            h, regs = keys[(c, p)]
            pmic_lib.check_snapshot_shape(run, h, regs, TPS65910_REGS,
                                          'tps65910')
            run.expect_eq('cycle %s %s err' % (c, p), '0', h['err'])
            run.expect_eq('cycle %s %s DEVCTRL.DEV_SLP' % (c, p), 1,
                          pmic_lib.field(regs[0x3f], 'DEV_SLP'))
            run.expect_eq('cycle %s %s RTC_CTRL' % (c, p), '0x01',
                          regs[0x10]['val'])
    # Phases in order within each cycle, cycles in order.
    order = [(h['cycle'], h['phase']) for h, _ in snaps
             if h['phase'] != 'manual']
    run.expect_eq('snapshot order', [(c, p) for c in ('1', '2', '3')
                                     for p in pmic_lib.SNAP_PHASES], order)

    ch = pmic_lib.changed(snaps)
    for (c, p), addrs in ch.items():
        want = [0x17, 0x21] if p in ('suspend_late', 'resume') else []
        run.expect_eq('changed=1 registers at cycle %s %s' % (c, p),
                      want, addrs)
    for c in ('1', '2', '3'):
        _, regs = keys[(c, 'suspend_late')]
        run.expect_eq('BCK1 at suspend_late', '0x5a', regs[0x17]['val'])
        run.expect_eq('VDD1 at suspend_late (from the cache)', '0x06',
                      regs[0x21]['val'])
        _, regs = keys[(c, 'resume')]
        run.expect_eq('BCK1 restored at resume', '0x11', regs[0x17]['val'])

    found = pmic_lib.lint(run)
    run.expect_eq('lint findings on the healthy run', {}, found)
    an = [a for a in run.records('anomalies')
          if a.get('class', '').startswith('PMIC_')]
    run.expect_eq('PMIC anomalies on the healthy run', [], an)
    pmic_lib.bus_reads(run)
