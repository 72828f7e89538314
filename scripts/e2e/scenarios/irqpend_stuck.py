# SPDX-License-Identifier: GPL-2.0
"""irqpend, awake: the fixture's SPI is wake-enabled, masked and pending,
and the user also watches it explicitly.  While awake it is not armed for
a sleep (IRQD_WAKEUP_STATE alone stays set), so a disabled line may stay
pending: irq/pending shows wake=1 armed=0 stuck=0 and no IRQ_STUCK_PENDING
is raised, however many polls look (irqpend_s2idle.py: across a sleep it
is stuck).  Clearing the bit shows pending=0 (and the watch entry stays).
A read of irq/pending raises nothing by itself.  Unloading the fixture
frees the descriptor: its entry is dropped, not left dangling (the next
control command samples).  Presence is asserted, never timing."""

from harness import config

GUEST = r'''
P=/sys/module/psd_fix_irqstuck/parameters
insmod $M/psd_fix_irqstuck.ko wake=1 || fail "irqstuck fixture"
load_psd || fail "insmod pmic_sleepdiag.ko"
IRQ=$(cat $P/irq)
echo "set stuck_ms 100" > $D/control || fail "set stuck_ms"
echo "watch_irq $IRQ" > $D/control || fail "watch_irq $IRQ"
# Many polls (stuck_ms 100, one every 25 ms while it is pending).
usleep 1000000
dump $P/irq $P/hwirq $P/handled $D/irq/pending $D/anomalies $D/summary
cp $D/irq/pending /tmp/pending_stuck
# Clear the bit: the next look must say pending=0 stuck=0.
echo 0 > $P/pending || fail "clear pending"
cp $D/irq/pending /tmp/pending_cleared
usleep 500000
cp $D/anomalies /tmp/anomalies_after_clear
dump /tmp/pending_stuck /tmp/pending_cleared /tmp/anomalies_after_clear
# Reads alone raise nothing.
for i in 1 2 3 4 5; do cat $D/irq/pending > /dev/null; done
cp $D/anomalies /tmp/anomalies_after_reads; dump /tmp/anomalies_after_reads
# Free the descriptor; a control command samples and drops the entry.
rmmod psd_fix_irqstuck || fail "rmmod fixture"
cp $D/irq/pending /tmp/pending_gone_read; dump /tmp/pending_gone_read
echo "unwatch_irq $IRQ" > $D/control 2>/dev/null && fail "unwatch of a freed IRQ succeeded"
T=$(awk '/arch_timer/ { sub(":", "", $1); print $1; exit }' /proc/interrupts)
echo "watch_irq $T" > $D/control || fail "watch_irq $T (arch_timer)"
echo "unwatch_irq $T" > $D/control || fail "unwatch_irq $T (arch_timer)"
cp $D/irq/pending /tmp/pending_gone; dump /tmp/pending_gone $D/summary
dump_report
rmmod pmic_sleepdiag || fail "rmmod"
'''


def check(run):
    fix = lambda name: run.param('psd_fix_irqstuck', name)
    irq, hwirq = fix('irq'), fix('hwirq')

    an = run.records('anomalies', irq=irq, **{'class': 'IRQ_STUCK_PENDING'})
    run.expect_eq('IRQ_STUCK_PENDING anomalies for irq %s' % irq, 0, len(an))

    st = run.records('/tmp/pending_stuck', irq=irq)
    run.expect_eq('irq/pending lines for irq %s' % irq, 1, len(st))
    run.expect_keys('irq/pending line', st[0],
                    ['irq', 'hwirq', 'chip', 'wake', 'enabled', 'pending',
                     'pending_ms', 'count', 'stuck', 'armed', 'chained'])
    want = {'hwirq': hwirq, 'wake': '1', 'enabled': '0', 'pending': '1',
            'stuck': '0', 'armed': '0', 'chained': '0',
            'count': fix('handled')}
    for k, v in want.items():
        run.expect_eq('awake line %s=' % k, v, st[0][k])
    run.expect_match('chip', config.target()['gic'], st[0]['chip'])
    run.expect('user' in st[0].get('watch', ''), 'watch= lacks user: %r'
               % st[0])
    run.expect('wake' in st[0].get('watch', ''), 'watch= lacks wake: %r'
               % st[0])

    cl = run.records('/tmp/pending_cleared', irq=irq)
    run.expect_eq('lines after clearing', 1, len(cl))
    run.expect_eq('pending after clearing', '0', cl[0]['pending'])
    run.expect_eq('stuck after clearing', '0', cl[0]['stuck'])
    run.expect_eq('pending_ms after clearing', '0', cl[0]['pending_ms'])

    for path in ('/tmp/anomalies_after_clear', '/tmp/anomalies_after_reads'):
        n = [a for a in run.parse_kv(run.file(path))
             if a.get('class') == 'IRQ_STUCK_PENDING']
        run.expect_eq('IRQ_STUCK_PENDING count in %s' % path, 0, len(n))

    run.expect_eq('lines of a freed IRQ on read', [],
                  run.records('/tmp/pending_gone_read', irq=irq))
    gone = run.file('/tmp/pending_gone')
    run.expect_eq('lines of a freed IRQ', [], run.parse_kv(gone, irq=irq))
    hdr = run.kv(gone.splitlines()[0])
    run.expect_eq('header dropped=', '1', hdr.get('dropped'))
    unsup = [r for r in run.parse_kv(gone) if r.get('pending') == 'unsupported']
    run.expect_eq('summary irq_unsupported', str(len(unsup)),
                  run.summary().get('irq_unsupported'))
