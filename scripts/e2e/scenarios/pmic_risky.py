# SPDX-License-Identifier: GPL-2.0
"""PMIC, risky configuration, three s2idle cycles: RTC powered down and
stopped, 32 kHz from the RC oscillator, DEV_SLP=1 with nothing kept on,
RTC alarm interrupt enabled but masked in INT_MSK and held back in SLEEP,
an unmasked PWRON interrupt pending.  Before cycle 3 the fixture is told
to set RTC_STATUS.ALARM from its suspend callback.

Expected: pmic/lint shows exactly the seven warn and three info rules;
PMIC_CONFIG_RISK once per warn rule in cycle 1 (on its suspend_late
snapshot), none in cycle 2 (nothing new), and rtc_alarm_stale alone in
cycle 3, whose suspend_late snapshot marks RTC_STATUS changed=1."""

from helpers import pmic_lib

RISKY = '0x3f:0x62,0x42:0x00,0x10:0x00,0x12:0x18,0x51:0x40,0x50:0x04'

GUEST = r'''
load_tps regs=%s phase_at=suspend || fail "tps65910 fixture"
load_psd || fail "insmod pmic_sleepdiag.ko"
s2idle_cycle || fail "s2idle cycle 1"
s2idle_cycle || fail "s2idle cycle 2"
echo 0x11:0x40 > /sys/module/psd_fix_tps65910/parameters/phase_write || \
	fail "phase_write"
s2idle_cycle || fail "s2idle cycle 3"
dump $D/summary $D/pmic/snapshots $D/pmic/lint $D/anomalies
dump_report
rmmod pmic_sleepdiag || fail "rmmod"
''' % RISKY

WARN = {'rtc_pwdn': '0x3f', 'rtc_stopped': '0x10',
        'rtc_alarm_masked': '0x51', 'int_pending': '0x50',
        'ck32k_sleep_off': '0x42', 'rtc_it_sleep_masked': '0x12'}
INFO = {'vrtc_lowpower': '0x42', 'i2chs_off': '0x42', 'ck32k_rc': '0x3f'}


def check(run):
    s = run.summary()
    run.expect_eq('summary pmic', 'tps65910 0-002d', s.get('pmic'))
    run.expect_eq('summary cycles', '3', s.get('cycles'))

    found = pmic_lib.lint(run)
    want = dict(WARN, rtc_alarm_stale='0x11', **INFO)
    run.expect_eq('lint rules on the last snapshot', sorted(want),
                  sorted(found))
    for rule, reg in want.items():
        f = found[rule]
        run.expect_eq('%s severity' % rule,
                      'info' if rule in INFO else 'warn', f['severity'])
        run.expect_eq('%s reg' % rule, reg, f['reg'])
        run.expect(len(f.get('detail', '')) > 20, '%s: no detail' % rule)

    risk = run.records('anomalies', **{'class': 'PMIC_CONFIG_RISK'})
    got = sorted((a['cycle'], a['rule']) for a in risk)
    run.expect_eq('PMIC_CONFIG_RISK (cycle, rule)',
                  sorted([('1', r) for r in WARN] + [('3', 'rtc_alarm_stale')]),
                  got)
    for a in risk:
        run.expect_eq('PMIC_CONFIG_RISK phase', 'suspend_late', a['phase'])
        run.expect_eq('PMIC_CONFIG_RISK severity', 'warn', a['severity'])
    run.expect_eq('PMIC_IO_ERROR', [],
                  run.records('anomalies', **{'class': 'PMIC_IO_ERROR'}))

    keys = pmic_lib.by_key(pmic_lib.snapshots(run))
    ch = pmic_lib.changed([keys[k] for k in keys])
    run.expect_eq('changed at cycle 3 suspend_late', [0x11],
                  ch[('3', 'suspend_late')])
    for (c, p), addrs in ch.items():
        if (c, p) != ('3', 'suspend_late'):
            run.expect_eq('changed at cycle %s %s' % (c, p), [], addrs)
    _, regs = keys[('1', 'suspend_late')]
    run.expect_eq('RTC_PWDN decoded', 1, pmic_lib.field(regs[0x3f], 'RTC_PWDN'))
    run.expect_eq('CK32K_CTRL decoded', 1,
                  pmic_lib.field(regs[0x3f], 'CK32K_CTRL'))
    run.expect_eq('IT_SLEEP_MASK_EN decoded', 1,
                  pmic_lib.field(regs[0x12], 'IT_SLEEP_MASK_EN'))
    run.expect_eq('PWRON_IT pending decoded', 1,
                  pmic_lib.field(regs[0x50], 'PWRON_IT'))
