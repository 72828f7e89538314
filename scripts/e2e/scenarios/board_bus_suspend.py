# SPDX-License-Identifier: GPL-2.0
"""A TPS65910 board whose I2C controller suspends in .suspend (the board
model's bus_suspend=suspend, helpers/board_lib.py): every .suspend runs
before any .suspend_late, so the PMIC's adapter is marked suspended
(i2c_mark_adapter_suspended()) before the module's suspend_late snapshot
and resumed only after its resume_early one; a transfer then gets
-ESHUTDOWN and, the first time, a WARNING.

Two such cycles, woken by the PL031 with the PMIC's INT deasserted (so the
kernel's own regmap-irq thread has nothing to read before the adapter
resumes), then one with bus_suspend=noirq.  With .suspend: the model counts
no transfer while its adapter was suspended, no WARNING, no suspend_late
or resume_early snapshot, the suspend snapshot is the cycle's pre-sleep
one (presleep=1 in pmic/snapshots, phase=suspend in the report), no
PMIC_IO_ERROR, verdict not pmic_unreadable.  With .suspend_noirq the
suspend_late snapshot is still taken and is the pre-sleep one."""

from helpers import board_lib, report_lib

KERNEL = 'board'
TIMEOUT = 300

GUEST = board_lib.SETUP + board_lib.CYCLE + r'''
load_psd || fail "insmod pmic_sleepdiag.ko"
%s
echo suspend > $P/bus_suspend
cycle bus_suspend_1
cycle bus_suspend_2
echo noirq > $P/bus_suspend
cycle bus_noirq
%s
dump /tmp/board $D/summary $D/pmic/snapshots $D/anomalies \
	/sys/kernel/debug/psd_fix_tps_board/suspended_xfers
''' % (report_lib.HRT_QUIET, report_lib.SETTLE)


def check(run):
    cyc = board_lib.cycles(run)
    snaps = [r for r in run.records('pmic/snapshots') if 'phase' in r and
             'reg' not in r]
    cs = {c.cycle: c for c in report_lib.cycles(run)}
    run.expect_eq('cycles in report', [1, 2, 3], sorted(cs))
    run.expect_eq('PMIC_IO_ERROR anomalies', [],
                  run.records('anomalies', **{'class': 'PMIC_IO_ERROR'}))
    for n, label, presleep in ((1, 'bus_suspend_1', 'suspend'),
                               (2, 'bus_suspend_2', 'suspend'),
                               (3, 'bus_noirq', 'suspend_late')):
        c = cyc[label]
        run.expect_eq('%s: transfers while the adapter was suspended'
                      % label, '0', c['suspended_xfers'])
        run.expect_eq('%s: woken by the PL031' % label, '1', c['pl031'])
        phases = {s['phase']: s for s in snaps if s['cycle'] == str(n)}
        want = ['prepare', 'suspend', 'suspend_late', 'resume_early',
                'resume', 'post']
        if presleep == 'suspend':
            want = [p for p in want if p not in ('suspend_late',
                                                 'resume_early')]
        run.expect_eq('%s: snapshot phases' % label, want,
                      [p for p in ('prepare', 'suspend', 'suspend_late',
                                   'resume_early', 'resume', 'post')
                       if p in phases])
        run.expect_eq('%s: the pre-sleep snapshot' % label, [presleep],
                      [p for p, s in phases.items()
                       if s.get('presleep') == '1'])
        for p, s in phases.items():
            run.expect_eq('%s: %s snapshot err' % (label, p), '0', s['err'])
        r = cs[n]
        run.expect_eq('%s: report pmic= phase' % label, presleep,
                      r.one('pmic')['phase'])
        run.expect_eq('%s: report.json pmic phase' % label, presleep,
                      r.obj['pmic']['phase'])
        run.expect(r.verdict['verdict'] != 'pmic_unreadable',
                   '%s: verdict %s' % (label, r.verdict['verdict']))
    run.expect_eq('the model\'s suspended_xfers in all', 'suspended_xfers=0',
                  run.file('/sys/kernel/debug/psd_fix_tps_board/'
                           'suspended_xfers').splitlines()[0])
