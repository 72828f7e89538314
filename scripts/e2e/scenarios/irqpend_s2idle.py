# SPDX-License-Identifier: GPL-2.0
"""irqpend across s2idle: the fixture's SPI is wake-armed, disabled
unlazily (masked) and pending, and watched only because it is wake-armed.
The bit survives the RTC-woken s2idle cycle (the PL031 wakes the board),
so the samples at suspend_noirq and resume_noirq, with its handler count
unchanged, make it IRQ_STUCK_PENDING naming its GIC INTID; irq/pending
shows stuck=1 after resume.  Presence is asserted, never timing."""

GUEST = r'''
P=/sys/module/psd_fix_irqstuck/parameters
insmod $M/psd_fix_irqstuck.ko wake=1 || fail "irqstuck fixture"
load_psd || fail "insmod pmic_sleepdiag.ko"
echo "set stuck_ms 2000" > $D/control || fail "set stuck_ms"
cp $D/irq/pending /tmp/pending_before; dump /tmp/pending_before
s2idle_cycle 4 || fail "s2idle cycle"
cp $P/pending /tmp/bit_after; dump /tmp/bit_after
# The post-resume poll runs once processes thaw; wait for it (<= 10 s).
i=0
while [ $i -lt 100 ] && ! grep -q IRQ_STUCK_PENDING $D/anomalies; do
	usleep 100000; i=$((i + 1))
done
dump $P/irq $P/hwirq $P/handled $D/irq/pending $D/anomalies $D/events $D/summary
echo 0 > $P/pending || fail "clear pending"
rmmod psd_fix_irqstuck || fail "rmmod fixture"
dump_report
rmmod pmic_sleepdiag || fail "rmmod"
'''


def check(run):
    fix = lambda name: run.param('psd_fix_irqstuck', name)
    irq, hwirq = fix('irq'), fix('hwirq')

    before = run.records('/tmp/pending_before', irq=irq)
    run.expect_eq('watched (wake-armed) before the cycle', 1, len(before))
    run.expect_eq('watch= before the cycle', 'wake', before[0].get('watch'))
    run.expect_eq('pending bit after the cycle', '1',
                  run.file('/tmp/bit_after').strip())
    run.expect_eq('summary cycles', '1', run.summary().get('cycles'))
    ends = run.records('events', type='cycle_end')
    run.expect_eq('cycle_end result', ['resumed'], [e['result'] for e in ends])

    an = run.records('anomalies', irq=irq, **{'class': 'IRQ_STUCK_PENDING'})
    run.expect_eq('IRQ_STUCK_PENDING anomalies for irq %s' % irq, 1, len(an))
    run.expect_eq('anomaly hwirq (GIC INTID)', hwirq, an[0].get('hwirq'))
    run.expect_eq('anomaly wake', '1', an[0].get('wake'))
    run.expect_eq('anomaly enabled', '0', an[0].get('enabled'))

    st = run.records('irq/pending', irq=irq)
    run.expect_eq('irq/pending lines for irq %s' % irq, 1, len(st))
    for k, v in {'hwirq': hwirq, 'wake': '1', 'enabled': '0', 'pending': '1',
                 'stuck': '1', 'count': fix('handled')}.items():
        run.expect_eq('irq/pending %s=' % k, v, st[0].get(k))
    run.expect(int(st[0]['pending_ms']) >= 2000,
               'pending_ms below stuck_ms on a stuck line: %r' % st[0])
