# SPDX-License-Identifier: GPL-2.0
"""irqpend, why a pending SPI is not delivered, from the GIC's own state:
psd_fix_gic puts real SPIs in each state, one cause per s2idle cycle
(group0 on the GICv3 only: Linux takes Group 0 on a GICv2), with a healthy
line and an unrequested pending line each time.  The stuck line, watched
with watch_irq, shows its cause= in irq/pending, in its IRQ_STUCK_PENDING
anomalies and in its cycle's irq= report line and verdict detail (with
the advice); the healthy line is never stuck; the unrequested line,
unwatched, is found by the scan across the sleep and listed in irq/gic
with requested=0.  The fixture's snapshot of the distributor, taken when
it had set its lines up, still equals the distributor after every cycle:
nobody, pmic_sleepdiag included, wrote the GIC.  Presence is asserted,
never timing."""

from harness import config

# (fixture state, bit in states=, the cause= the module must name)
CAUSES = [('group0', 0, 'group0'), ('disabled', 1, 'disabled'),
          ('active', 2, 'active_not_eoi'), ('priority', 3, 'priority_masked'),
          ('offline', 4, 'routed_offline')]
if config.selected == 'arm32':
    CAUSES = CAUSES[1:]
HEALTHY, UNREQUESTED = 5, 6
# The RTC alarm that ends each cycle must not fire before the sleep: a
# soft wakeup event does not abort a suspend (no wakeup_count handshake),
# so the system would sleep with no alarm left.  Slower kernels need more.
ALARM_S = 3 * config.target()['slow']

ONE = r'''
S=%(state)s
insmod $M/psd_fix_gic.ko states=%(states)d || fail "gic fixture, $S"
cp $P/lines /tmp/${S}_lines
IRQ=$(sed -n "s/^state=$S irq=\([0-9]*\) .*/\1/p" $P/lines)
H=$(sed -n 's/^state=healthy irq=\([0-9]*\) .*/\1/p' $P/lines)
echo "watch_irq $IRQ" > $D/control || fail "watch_irq $IRQ ($S)"
echo "watch_irq $H" > $D/control || fail "watch_irq $H (healthy)"
s2idle_cycle %(alarm)d || fail "s2idle cycle ($S)"
C=$(sed -n 's/^cycles: //p' $D/summary)
i=0
while [ $i -lt 100 ] && ! grep -q "cycle=$C class=IRQ_STUCK_PENDING irq=$IRQ " $D/anomalies; do
	usleep 100000; i=$((i + 1))
done
i=0
while [ $i -lt 100 ] && ! grep -q "hwirq=$UH requested=0 .* cycle=$C" $D/irq/gic; do
	usleep 100000; i=$((i + 1))
done
settle
cp $D/irq/pending /tmp/${S}_pending
cp $D/irq/gic /tmp/${S}_gic
cp $P/diff /tmp/${S}_diff
echo $C > /tmp/${S}_cycle
dump /tmp/${S}_lines /tmp/${S}_pending /tmp/${S}_gic /tmp/${S}_diff /tmp/${S}_cycle
rmmod psd_fix_gic || fail "rmmod gic fixture ($S)"
'''

GUEST = r'''
P=/sys/module/psd_fix_gic/parameters
load_psd || fail "insmod pmic_sleepdiag.ko"
%s
echo "set stuck_ms 200" > $D/control || fail "set stuck_ms"
dump $D/irq/gic $D/irq/pending
# The unrequested line's INTID, from a first load of the fixture.
insmod $M/psd_fix_gic.ko states=%d || fail "gic fixture"
UH=$(sed -n 's/^state=unrequested irq=[0-9]* hwirq=\([0-9]*\) .*/\1/p' $P/lines)
rmmod psd_fix_gic
''' % ('echo "set hrtimer_late_us 1000000" > $D/control', 1 << UNREQUESTED) + \
    ''.join(ONE % {'state': s, 'states': 1 << b | 1 << HEALTHY |
                   1 << UNREQUESTED, 'alarm': ALARM_S}
            for s, b, _ in CAUSES) + r'''
dump $D/anomalies $D/summary
dump_report
rmmod pmic_sleepdiag || fail "rmmod"
'''


def fixture_lines(run, state):
    return {r['state']: r for r in run.parse_kv(run.file('/tmp/%s_lines'
                                                         % state))}


def check(run):
    gic = run.parse_kv(run.file('irq/gic'))[0]
    want_version = 'v2' if config.selected == 'arm32' else 'v3'
    run.expect_keys('irq/gic facts line', gic,
                    ['version', 'spis', 'ctlr', 'grp0', 'grp1ns', 'are'])
    run.expect_eq('irq/gic version=', want_version, gic['version'])
    run.expect(int(gic['spis']) > 0, 'irq/gic spis=%s' % gic['spis'])
    hdr = [line for line in run.file('irq/pending').splitlines()
           if line.startswith('# gic=')]
    run.expect_eq('irq/pending "# gic=" headers', 1, len(hdr))
    run.expect_match('irq/pending gic header',
                     r'# gic=%s dist_ctlr=0x[0-9a-f]{8}' % want_version,
                     hdr[0])

    anomalies = run.records('anomalies', **{'class': 'IRQ_STUCK_PENDING'})
    run.expect_report_agrees()
    doc, blocks = run.report_json(), run.report_blocks()
    for state, _, cause in CAUSES:
        lines = fixture_lines(run, state)
        irq, hwirq = lines[state]['irq'], lines[state]['hwirq']
        healthy = lines['healthy']['irq']
        cycle = int(run.file('/tmp/%s_cycle' % state).strip())
        what = '%s line (irq %s, hwirq %s)' % (state, irq, hwirq)

        pend = {r['irq']: r for r in
                run.parse_kv(run.file('/tmp/%s_pending' % state))}
        run.expect(irq in pend, '%s: not in irq/pending' % what)
        p = pend[irq]
        run.expect_keys('%s irq/pending' % what, p,
                        ['group', 'prio', 'pmr', 'active', 'route', 'cause'])
        run.expect_eq('%s irq/pending stuck=' % what, '1', p['stuck'])
        run.expect_eq('%s irq/pending cause=' % what, cause, p['cause'])
        run.expect_eq('%s irq/pending hwirq=' % what, hwirq, p['hwirq'])
        # The register behind the cause, as the line shows it.
        shown = {'group0': p['group'] == '0', 'active': p['active'] == '1',
                 'disabled': (p['enabled'], p['wake']) == ('0', '1'),
                 'priority': int(p['prio'], 16) >= int(p['pmr'], 16),
                 'offline': p['route'] not in ('0x0', '')}[state]
        run.expect(shown, '%s: irq/pending does not show why: %r'
                   % (what, p))
        h = pend.get(healthy)
        run.expect(h, 'healthy irq %s not in irq/pending' % healthy)
        run.expect_eq('healthy irq/pending stuck=', '0', h['stuck'])
        run.expect_eq('healthy irq/pending pending=', '0', h['pending'])
        run.expect(int(lines['healthy']['handled']) >= 1,
                   'healthy line never handled: %r' % lines['healthy'])

        # One anomaly per episode: a wake-armed line stays stuck across
        # the sleep, so its episode may have begun before the cycle did.
        mine = [a for a in anomalies if a.get('irq') == irq]
        run.expect(any(int(a['cycle']) <= cycle for a in mine),
                   '%s: no IRQ_STUCK_PENDING by cycle %d: %r'
                   % (what, cycle, mine))
        run.expect_eq('%s anomaly causes' % what, {cause},
                      {a.get('cause') for a in mine})
        run.expect_eq('IRQ_STUCK_PENDING of the healthy irq %s' % healthy,
                      [], [a for a in anomalies if a.get('irq') == healthy])

        c = [x for x in doc['cycles'] if x['cycle'] == cycle]
        run.expect_eq('report.json cycles %d' % cycle, 1, len(c))
        c = c[0]
        run.expect_eq('cycle %d verdict' % cycle, 'irq_stuck_pending',
                      c['verdict']['rule'])
        d = c['verdict']['detail']
        run.expect('irq %s' % irq in d and 'cause=%s:' % cause in d,
                   'cycle %d detail %r does not name irq %s and cause=%s'
                   % (cycle, d, irq, cause))
        ji = [x for x in c['irqs'] if x['irq'] == int(irq)]
        run.expect_eq('cycle %d report.json irqs of %s' % (cycle, irq),
                      [(True, cause)], [(x['stuck'], x['cause']) for x in ji])
        ti = [r for k, r in blocks.get(cycle, []) if k == 'irq' and
              r['irq'] == irq]
        run.expect_eq('cycle %d report irq=%s line cause=' % (cycle, irq),
                      [cause], [r['cause'] for r in ti])

        un = lines['unrequested']['hwirq']
        found = [r for r in run.parse_kv(run.file('/tmp/%s_gic' % state))
                 if r.get('hwirq') == un]
        run.expect_eq('%s: irq/gic lines of the unrequested hwirq %s'
                      % (state, un), 1, len(found))
        run.expect_eq('unrequested requested=', '0', found[0]['requested'])
        run.expect_eq('unrequested cause=', 'disabled', found[0]['cause'])
        watched = [r['hwirq'] for r in
                   run.parse_kv(run.file('/tmp/%s_gic' % state))
                   if 'requested' in r]
        run.expect(hwirq not in watched and
                   lines['healthy']['hwirq'] not in watched,
                   'irq/gic lists a watched line: %r' % watched)

        run.expect_eq('%s: distributor words changed since the fixture '
                      'set its lines up' % state, 'none',
                      run.file('/tmp/%s_diff' % state).strip())
