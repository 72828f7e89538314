# SPDX-License-Identifier: GPL-2.0
"""report, timers late after the wake: with hrtimer_late_us=1 every
expiry a microsecond late counts, so an RTC-woken s2idle cycle followed by
timer traffic (usleep) has late expiries in its post_resume window.  Once
the window has closed (post_resume_ms) the cycle's verdict is
hrtimer_late_after_resume uses="hrtimer anomaly"; the detail carries the
figures of the block's hrtimer=post_resume line (late of count, late_us=1,
max_ns) and the block holds anomaly=HRTIMER_LATE.  Nothing else is wrong:
no PMIC, no stuck IRQ, no alarm."""

from helpers import report_lib

GUEST = r'''
load_psd || fail "insmod pmic_sleepdiag.ko"
echo "set hrtimer_late_us 1" > $D/control || fail "set hrtimer_late_us 1"
s2idle_cycle || fail "s2idle cycle"
i=0; while [ $i -lt 50 ]; do usleep 200; i=$((i + 1)); done
%s
dump $D/summary $D/anomalies
rmmod pmic_sleepdiag || fail "rmmod"
''' % report_lib.SETTLE


def check(run):
    c = report_lib.last(run, 'hrtimer_late_after_resume', n=1)
    report_lib.resumed(run, c)
    h = c.one('hrtimer')
    run.expect_eq('hrtimer= window, late_us', ('post_resume', '1'),
                  (h['hrtimer'], h['late_us']))
    count, late, max_ns = int(h['count']), int(h['late']), int(h['max_ns'])
    run.expect(0 < late <= count and max_ns > 1000,
               'hrtimer= line without a late expiry: %r' % h)
    run.expect_eq('report.json hrtimer_post_resume',
                  {'count': count, 'max_ns': max_ns, 'late': late,
                   'late_us': 1, 'suspended': int(h['suspended'])},
                  c.obj['hrtimer_post_resume'])
    c.detail_has('%d of %d timer expiries after the wake later than 1 us, '
                 'the latest by %d ns' % (late, count, max_ns))
    c.anomaly('HRTIMER_LATE')
    an = run.records('anomalies', **{'class': 'HRTIMER_LATE'},
                     window='post_resume')
    run.expect_eq('HRTIMER_LATE window=post_resume cycles', [str(c.cycle)],
                  [a['cycle'] for a in an])
    run.expect_eq('also=', '', c.verdict['also'])
    run.expect_eq('pmic= lines', [], c.all('pmic'))
