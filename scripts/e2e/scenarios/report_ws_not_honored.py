# SPDX-License-Identifier: GPL-2.0
"""report, unhonored wakeup event: psd_fix_wakesrc reports a soft wakeup
event from its suspend callback without the wakeup_count handshake (as in
wakesrc_not_honored.py); the suspend goes on.  The cycle's block ends in
verdict=ws_not_honored uses="ws anomaly" with detail naming
psd_fix_wakesrc, and holds `ws=psd_fix_wakesrc ... in_suspend=1
not_honored=1` and `anomaly=WS_NOT_HONORED`; report.json says the same.

hrtimer_late_us is raised to 1 s first: on this TCG target timer expiries
after resume are often > 1 ms late (emulation, not a module property)."""

from helpers import report_lib

GUEST = r'''
load_psd || fail "insmod pmic_sleepdiag.ko"
%s
insmod $M/psd_fix_wakesrc.ko mode=event || fail "wakesrc fixture"
s2idle_cycle || fail "s2idle cycle"
%s
dump $D/summary $D/anomalies
rmmod pmic_sleepdiag || fail "rmmod"
''' % (report_lib.HRT_QUIET, report_lib.SETTLE)


def check(run):
    c = report_lib.last(run, 'ws_not_honored', n=1)
    report_lib.resumed(run, c)
    ws = c.one('ws', ws='psd_fix_wakesrc')
    run.expect_eq('ws=psd_fix_wakesrc activations in_suspend deactivated '
                  'not_honored aborted', ('1', '1', '1', '1', '0'),
                  (ws['activations'], ws['in_suspend'], ws['deactivated'],
                   ws['not_honored'], ws['aborted']))
    j = [x for x in c.obj['wakeup_sources'] if x['name'] == 'psd_fix_wakesrc']
    run.expect_eq('report.json wakeup_sources entry',
                  [{'name': 'psd_fix_wakesrc', 'activations': 1,
                    'in_suspend': True, 'deactivated': True,
                    'not_honored': True, 'stuck': False, 'aborted': False}], j)
    a = c.anomaly('WS_NOT_HONORED')
    c.detail_has('of psd_fix_wakesrc while', 'WS_NOT_HONORED x%s' % a['count'])
