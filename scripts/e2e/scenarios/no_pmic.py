# SPDX-License-Identifier: GPL-2.0
"""Loaded with no PMIC (no i2c bus at all) and no watch list, the module
still loads and summary names every component, the PMIC as off(<reason>),
and every counter of Documentation/interface.rst; the device phases come
from the suspend_resume tracepoint."""

GUEST = r'''
load_psd || fail "insmod pmic_sleepdiag.ko"
dump $D/summary
dump_report
rmmod pmic_sleepdiag || fail "rmmod"
'''

COMPONENTS = ('pmic', 'wakesrc', 'alarm', 'irqpend', 'hrtimer')
COUNTERS = ('cycles', 'anomalies', 'events_dropped', 'ws_overflow',
            'ws_untracked_deactivations', 'irq_unsupported',
            'last_control_error')


def check(run):
    s = run.summary()
    run.expect_eq('summary version', '1', s.get('version'))
    run.expect_match('summary pmic', r'off\(.+\)', s.get('pmic'))
    run.expect_match('summary component.pmic', r'off\(.+\)',
                     s.get('component.pmic'))
    run.expect_keys('summary', s, ['component.' + c for c in COMPONENTS])
    for c in COMPONENTS:
        run.expect_match('summary component.' + c, r'on|off\(.+\)',
                         s['component.' + c])
    run.expect_keys('summary', s, COUNTERS)
    for k in COUNTERS[:-1]:
        run.expect_match('summary ' + k, r'\d+', s[k])
    run.expect_eq('summary cycles', '0', s['cycles'])
    run.expect_eq('summary phases', 'suspend_resume', s.get('phases'))
