# SPDX-License-Identifier: GPL-2.0
"""A kernel built without tracing (scripts/configs/arm64-notrace.config: no
tracepoint at all, as on many production kernels).  The module loads; the
layers that hang off tracepoints (wakesrc, alarm, hrtimer, devpm) are
off(tracepoint missing), and summary says the device phases come from the
module's own device (phases: own_device(tracepoint missing)).  The rest
keeps working over two RTC-woken s2idle cycles, with the risky RTC preload
of report_pmic_rtc_clock.py: the PMIC is snapshotted and linted, the
wake-armed RTC IRQ is sampled, each cycle shows the device phases our
callbacks saw and ends result=unknown (the sleep itself cannot be seen),
and the verdict still names the PMIC's RTC configuration.  The wake IRQ
belongs to the wakesrc layer, so it is unknown here."""

KERNEL = 'notrace'

REGS = '0x10:0x00,0x3f:0x42,0x42:0x70,0x17:0x11,0x21:0x05'

GUEST = r'''
[ -d /sys/kernel/tracing ] && fail "this kernel has tracing"
load_tps regs=%s || fail "tps65910 fixture"
load_psd || fail "insmod pmic_sleepdiag.ko"
dump $D/summary
s2idle_cycle || fail "s2idle cycle 1"
s2idle_cycle || fail "s2idle cycle 2"
sleep 2
dump_report
dump $D/summary $D/events $D/anomalies $D/pmic/lint
rmmod pmic_sleepdiag || fail "rmmod"
''' % REGS

PHASES = ['prepare', 'suspend', 'suspend_late', 'suspend_noirq',
          'resume_noirq', 'resume_early', 'resume', 'post']


def check(run):
    s = run.summary()
    for c in ('wakesrc', 'alarm', 'hrtimer', 'devpm'):
        run.expect_eq('summary component.' + c, 'off(tracepoint missing)',
                      s.get('component.' + c))
    for c in ('pmic', 'irqpend'):
        run.expect_eq('summary component.' + c, 'on', s.get('component.' + c))
    run.expect_eq('summary phases', 'own_device(tracepoint missing)',
                  s.get('phases'))
    run.expect_eq('summary cycles', '2', s.get('cycles'))

    run.expect_eq('verdicts', [(1, 'pmic_rtc_clock'), (2, 'pmic_rtc_clock')],
                  run.verdicts())
    run.expect_report_agrees()
    blocks = run.report_blocks()
    for n, obj in enumerate(run.report_json()['cycles'], 1):
        lines = blocks[n]
        cyc = [r for k, r in lines if k == 'cycle'][0]
        run.expect_eq('cycle %d result, state, s2idle_loops' % n,
                      ('unknown', 'unknown', '0'),
                      (cyc['result'], cyc['state'], cyc['s2idle_loops']))
        run.expect_eq('cycle %d wake_irq' % n, 'unknown', cyc['wake_irq'])
        irqs = [r for k, r in lines if k == 'irq']
        # The RTC's line, and the console's (the harness's waker).
        run.expect(irqs, 'cycle %d: no irq= line' % n)
        run.expect_eq('cycle %d irq= lines: wake, stuck' % n, {('1', '0')},
                      {(r['wake'], r['stuck']) for r in irqs})
        run.expect_eq('cycle %d phases' % n, PHASES,
                      [r['phase'] for k, r in lines if k == 'phase'])
        run.expect_eq('report.json cycle %d result' % n, 'unknown',
                      obj['result'])
        pmic = [r for k, r in lines if k == 'pmic']
        run.expect_eq('cycle %d pmic= warn' % n, ['rtc_pwdn rtc_stopped'],
                      [p['warn'] for p in pmic])
        run.expect_eq('cycle %d lines of tracepoint layers' % n, [],
                      [k for k, r in lines if k in ('ws', 'alarm', 'hrtimer',
                                                    'devpm')])

    ends = run.records('events', type='cycle_end')
    run.expect_eq('events cycle_end results', ['unknown', 'unknown'],
                  [e['result'] for e in ends])
    run.expect(any('no suspend_resume tracepoint' in line
                   for line in run.lines),
               'dmesg does not say where the phases come from')
