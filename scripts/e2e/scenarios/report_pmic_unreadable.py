# SPDX-License-Identifier: GPL-2.0
"""report, PMIC unreadable: the psd_fix_failbus adapter emulates a
TPS65910 with a healthy configuration, and its reads of 0x41 fail, so
the range 0x3e-0x4a (DEVCTRL, KEEP_RES, ...) of every snapshot of the
RTC-woken s2idle cycle is lost (as in pmic_ioerror.py).  No lint rule
can be shown to hold, so the cycle's verdict is pmic_unreadable
uses="pmic anomaly": detail err=-5 and the PMIC_IO_ERROR count; the
pmic= line has err=-5 and lists the rules it could not judge in
unknown=, none in warn=; anomaly=PMIC_IO_ERROR counts one per snapshot.

hrtimer_late_us is raised to 1 s first: on this TCG target timer expiries
after resume are often > 1 ms late (emulation, not a module property)."""

from helpers import pmic_lib, report_lib

GUEST = r'''
P=/sys/module/psd_fix_failbus/parameters
insmod $M/psd_fix_failbus.ko regs=0x10:0x01,0x3f:0x02,0x42:0x70 \
	|| fail "failbus fixture"
load_psd || fail "insmod pmic_sleepdiag.ko"
%s
echo 0x41 > $P/fail || fail "set fail"
s2idle_cycle || fail "s2idle cycle with failing reads"
echo > $P/fail || fail "clear fail"
%s
dump $D/summary $D/anomalies
rmmod pmic_sleepdiag || fail "rmmod"
rmmod psd_fix_failbus || fail "rmmod fixture"
''' % (report_lib.HRT_QUIET, report_lib.SETTLE)

# Rules that need DEVCTRL (0x3f) or KEEP_RES (0x42), in lint table order;
# not rtc_it_sleep_masked: its RTC_INTERRUPTS term (0x12 = 0) already fails.
UNKNOWN = ['rtc_pwdn', 'ck32k_sleep_off', 'vrtc_lowpower', 'i2chs_off',
           'ck32k_rc']


def check(run):
    c = report_lib.last(run, 'pmic_unreadable', n=1)
    report_lib.resumed(run, c)
    p = c.one('pmic')
    run.expect_eq('pmic= err warn unknown',
                  ('-5', '', ' '.join(UNKNOWN)),
                  (p['err'], p['warn'], p['unknown']))
    run.expect_eq('report.json pmic', {
        'chip': 'tps65910', 'phase': 'suspend_late', 'err': -5, 'warn': [],
        'info': [], 'unknown': UNKNOWN}, c.obj['pmic'])
    a = c.anomaly('PMIC_IO_ERROR')
    run.expect_eq('anomaly=PMIC_IO_ERROR count (one per snapshot)',
                  str(len(pmic_lib.SNAP_PHASES)), a['count'])
    c.detail_has('err=-5', 'PMIC_IO_ERROR x%s' % a['count'])
    run.expect_eq('also=', '', c.verdict['also'])
