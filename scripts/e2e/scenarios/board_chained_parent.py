# SPDX-License-Identifier: GPL-2.0
"""irqpend false positives on a board's interrupt tree, no PMIC needed:
psd_fix_chained puts a chained flow handler (as a GPIO bank's driver does)
on a real SPI and storms it, the line re-asserted while it is serviced;
psd_fix_irqstuck's SPI is wake-enabled, masked and pending.  While awake,
with both watched and sampled throughout the storm: the chained parent is
seen pending but shows chained=1 stuck=0 and is never IRQ_STUCK_PENDING
although its own handler count never moves (its child's does); the masked
wake-enabled line shows wake=1 armed=0 stuck=0.  Across an s2idle cycle
the masked line is armed and stays pending, never handled: it is then
IRQ_STUCK_PENDING, once.  Presence is asserted, never timing."""

TIMEOUT = 300

GUEST = r'''
C=/sys/module/psd_fix_chained/parameters
P=/sys/module/psd_fix_irqstuck/parameters
insmod $M/psd_fix_chained.ko cpu=1 || fail "chained fixture"
insmod $M/psd_fix_irqstuck.ko wake=1 || fail "irqstuck fixture"
load_psd || fail "insmod pmic_sleepdiag.ko"
PI=$(cat $C/irq); SI=$(cat $P/irq)
echo "set stuck_ms 100" > $D/control || fail "set stuck_ms"
echo "watch_irq $PI" > $D/control || fail "watch_irq $PI (chained)"
echo "watch_irq $SI" > $D/control || fail "watch_irq $SI (stuck)"
# 300 interrupts serviced 10 ms each, on CPU1; sample all along from
# CPU0 (a storm on the shell's own CPU would hold it until the end).
taskset -p 1 $$ > /dev/null || fail "taskset"
echo 300 > $C/storm || fail "storm"
i=0
while [ $i -lt 30 ]; do
	echo "watch_irq $PI" > $D/control || fail "sample $i"
	cat $D/irq/pending >> /tmp/pending_storm
	usleep 50000; i=$((i + 1))
done
i=0
while [ $i -lt 100 ] && [ "$(cat $C/storm)" != 0 ]; do
	usleep 100000; i=$((i + 1))
done
dump $C/irq $C/child_irq $C/handled $C/storm $P/irq /tmp/pending_storm
cp $D/anomalies /tmp/anomalies_awake; dump /tmp/anomalies_awake
echo "set stuck_ms 2000" > $D/control || fail "set stuck_ms 2000"
s2idle_cycle 4 || fail "s2idle cycle"
i=0
while [ $i -lt 100 ] && ! grep -q "IRQ_STUCK_PENDING irq=$SI " $D/anomalies; do
	usleep 100000; i=$((i + 1))
done
dump $D/irq/pending $D/anomalies $D/summary /proc/interrupts
rmmod pmic_sleepdiag || fail "rmmod"
rmmod psd_fix_irqstuck || fail "rmmod irqstuck fixture"
rmmod psd_fix_chained || fail "rmmod chained fixture"
'''


def check(run):
    fix = lambda name: run.param('psd_fix_chained', name)
    pi, si = fix('irq'), run.param('psd_fix_irqstuck', 'irq')

    run.expect_eq('storm left', '0', fix('storm'))
    run.expect(int(fix('handled')) >= 300,
               'storm not serviced: child handled %s' % fix('handled'))
    storm = run.records('/tmp/pending_storm', irq=pi)
    run.expect(len(storm) >= 30, 'chained parent lines: %d' % len(storm))
    run.expect(any(r.get('pending') == '1' for r in storm),
               'the storm was never seen pending: %r' % storm[:3])
    run.expect(any(int(r.get('pending_ms', 0)) >= 300 for r in storm),
               'never pending for 3 x stuck_ms: %r' % storm[-1:])
    for r in storm:
        run.expect_eq('chained parent chained=', '1', r.get('chained'))
        run.expect_eq('chained parent stuck=', '0', r.get('stuck'))
    awake = run.records('/tmp/pending_storm', irq=si)
    run.expect(len(awake) >= 30, 'masked line lines: %d' % len(awake))
    for r in awake:
        for k, v in {'wake': '1', 'enabled': '0', 'pending': '1',
                     'armed': '0', 'stuck': '0', 'chained': '0'}.items():
            run.expect_eq('masked wake line while awake %s=' % k, v, r.get(k))
    run.expect_eq('IRQ_STUCK_PENDING while awake', [],
                  [a for a in run.parse_kv(run.file('/tmp/anomalies_awake'))
                   if a.get('class') == 'IRQ_STUCK_PENDING'])

    an = run.records('anomalies', **{'class': 'IRQ_STUCK_PENDING'})
    run.expect_eq('IRQ_STUCK_PENDING of the chained parent', [],
                  [a for a in an if a.get('irq') == pi])
    run.expect_eq('IRQ_STUCK_PENDING of the masked line across the sleep',
                  1, len([a for a in an if a.get('irq') == si]))
