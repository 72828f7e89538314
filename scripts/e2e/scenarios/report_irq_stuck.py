# SPDX-License-Identifier: GPL-2.0
"""report, stuck wake IRQ: the psd_fix_irqstuck SPI is wake-armed, masked
and pending across an RTC-woken s2idle cycle (as in irqpend_s2idle.py).
Once the post-resume poll has raised IRQ_STUCK_PENDING, the cycle's block
in report ends in verdict=irq_stuck_pending uses="irq anomaly", its
detail names the IRQ as wake-armed and pending at suspend and resume, and
the block holds `irq=N wake=1 pending_at_suspend=1 pending_at_resume=1
stuck=1 cause=disabled` (the GIC's reason: the line is masked) and
`anomaly=IRQ_STUCK_PENDING`, the detail ends in that cause and its advice
for a wake-armed line; report.json says the same.

hrtimer_late_us is raised to 1 s first: on this TCG target timer expiries
after resume are often > 1 ms late (emulation, not a module property)."""

from helpers import report_lib

GUEST = r'''
P=/sys/module/psd_fix_irqstuck/parameters
insmod $M/psd_fix_irqstuck.ko wake=1 || fail "irqstuck fixture"
load_psd || fail "insmod pmic_sleepdiag.ko"
%s
echo "set stuck_ms 2000" > $D/control || fail "set stuck_ms"
s2idle_cycle 4 || fail "s2idle cycle"
i=0
while [ $i -lt 100 ] && ! grep -q IRQ_STUCK_PENDING $D/anomalies; do
	usleep 100000; i=$((i + 1))
done
%s
dump $P/irq $P/hwirq $D/summary $D/anomalies
echo 0 > $P/pending || fail "clear pending"
rmmod psd_fix_irqstuck || fail "rmmod fixture"
rmmod pmic_sleepdiag || fail "rmmod"
''' % (report_lib.HRT_QUIET, report_lib.SETTLE)


def check(run):
    irq = run.param('psd_fix_irqstuck', 'irq')
    c = report_lib.last(run, 'irq_stuck_pending', n=1)
    report_lib.resumed(run, c)
    line = c.one('irq', irq=irq)
    run.expect_eq('irq=%s line' % irq, ('1', '1', '1', '1'),
                  (line['wake'], line['pending_at_suspend'],
                   line['pending_at_resume'], line['stuck']))
    j = [x for x in c.obj['irqs'] if x['irq'] == int(irq)]
    run.expect_eq('report.json irqs entry for %s' % irq,
                  [{'irq': int(irq), 'wake': True, 'pending_at_suspend': '1',
                    'pending_at_resume': '1', 'stuck': True,
                    'cause': 'disabled'}], j)
    run.expect_eq('irq=%s line cause=' % irq, 'disabled', line['cause'])
    c.detail_has('; cause=disabled: ', 'cannot wake')
    an = [x for x in run.records('anomalies', **{'class': 'IRQ_STUCK_PENDING'})
          if x.get('irq') == irq]
    run.expect(an, 'no IRQ_STUCK_PENDING of irq %s in anomalies' % irq)
    # One anomaly per episode: on a slow (debug) kernel the poll may see
    # the episode begin before the cycle does (cycle=0); the cycle then
    # still shows the IRQ stuck, and the detail says since when.
    if an and an[0]['cycle'] == str(c.cycle):
        a = c.anomaly('IRQ_STUCK_PENDING')
        c.detail_has('irq %s (wake-armed)' % irq, 'suspend=1 resume=1',
                     'IRQ_STUCK_PENDING x%s' % a['count'])
        run.expect_eq('first_seq= is the anomaly seq', an[0]['seq'],
                      a['first_seq'])
    else:
        run.expect(an and int(an[0]['cycle']) < c.cycle,
                   'IRQ_STUCK_PENDING cycles %r' % [x['cycle'] for x in an])
        c.detail_has('irq %s (wake-armed)' % irq, 'suspend=1 resume=1',
                     'stuck since before this cycle')
