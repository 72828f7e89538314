# SPDX-License-Identifier: GPL-2.0
"""irqpend on a healthy board: ten RTC-woken s2idle cycles with the PL031's
IRQ (wake-armed at each suspend) and the arch timer's per-CPU IRQ watched
explicitly never raise IRQ_STUCK_PENDING; both show stuck=0 and a pending
state the GIC reports (not unsupported); summary's irq_unsupported counts
the unsupported lines."""

from harness import config

TIMEOUT = 600

GUEST = r'''
load_psd || fail "insmod pmic_sleepdiag.ko"
irq_of() { awk -v n="$1" '$0 ~ n { sub(":", "", $1); print $1; exit }' /proc/interrupts; }
T=$(irq_of arch_timer); R=$(irq_of pl031)
[ -n "$T" ] && [ -n "$R" ] || fail "no arch_timer ($T) or pl031 ($R) in /proc/interrupts"
echo $T > /tmp/timer_irq; echo $R > /tmp/rtc_irq; dump /tmp/timer_irq /tmp/rtc_irq
echo "set stuck_ms 100" > $D/control || fail "set stuck_ms"
echo "watch_irq $T" > $D/control || fail "watch_irq $T"
echo "watch_irq $R" > $D/control || fail "watch_irq $R"
for c in 1 2 3 4 5 6 7 8 9 10; do
	progress "cycle $c/10"
	s2idle_cycle || fail "s2idle cycle $c"
	cat $D/irq/pending > /dev/null
done
sleep 1
dump $D/irq/pending $D/anomalies $D/summary /proc/interrupts
dump_report
rmmod pmic_sleepdiag || fail "rmmod"
'''


def check(run):
    f = lambda p: run.file(p).strip()
    run.expect_eq('summary cycles', '10', run.summary().get('cycles'))
    stuck = run.records('anomalies', **{'class': 'IRQ_STUCK_PENDING'})
    run.expect_eq('IRQ_STUCK_PENDING anomalies', [], stuck)
    lines = run.records('irq/pending')
    for name, irq in (('arch_timer', f('/tmp/timer_irq')),
                      ('pl031', f('/tmp/rtc_irq'))):
        mine = [r for r in lines if r.get('irq') == irq]
        run.expect_eq('irq/pending lines for %s (irq %s)' % (name, irq), 1,
                      len(mine))
        run.expect_eq('%s stuck=' % name, '0', mine[0].get('stuck'))
        run.expect_match('%s pending=' % name, r'[01]', mine[0].get('pending'))
        run.expect_match('%s chip=' % name, config.target()['gic'],
                         mine[0].get('chip'))
        run.expect(int(mine[0].get('count', 0)) > 0,
                   '%s never counted a handler run: %r' % (name, mine[0]))
    unsup = [r for r in lines if r.get('pending') == 'unsupported']
    run.expect_eq('summary irq_unsupported', str(len(unsup)),
                  run.summary().get('irq_unsupported'))
