# SPDX-License-Identifier: GPL-2.0
"""Three RTC-alarm-woken s2idle cycles with the TPS65910 fixture present:
summary counts 3 cycles; events has, per cycle, every phase in the order of
Documentation/interface.rst and a cycle_end result=resumed with
s2idle_loops >= 1."""

GUEST = r'''
load_tps || fail "tps65910 fixture"
load_psd || fail "insmod pmic_sleepdiag.ko"
for i in 1 2 3; do
	s2idle_cycle || fail "s2idle cycle $i: freeze failed"
done
dump $D/summary $D/events
dump_report
rmmod pmic_sleepdiag || fail "rmmod"
'''

PHASES = ['prepare', 'suspend', 'suspend_late', 'suspend_noirq', 's2idle',
          'resume_noirq', 'resume_early', 'resume', 'post']


def check_cycles(run, n, result='resumed'):
    """n cycles in summary and events, each with its phases in order and
    one cycle_end with the given result after them."""
    run.expect_eq('summary cycles', str(n), run.summary().get('cycles'))
    ev = run.records('events')
    seqs = [int(e.get('seq', -1)) for e in ev]
    run.expect_eq('events seq= strictly increasing', sorted(set(seqs)), seqs)
    cycles = []
    for e in ev:
        if e.get('type') in ('phase', 'cycle_end') and e['cycle'] not in cycles:
            cycles.append(e['cycle'])
    run.expect_eq('cycles in events', n, len(cycles))
    for c in cycles:
        mine = [e for e in ev if e.get('cycle') == c]
        names = []
        for e in mine:
            if e.get('type') == 'phase' and (not names or
                                             names[-1] != e['phase']):
                names.append(e['phase'])
        run.expect_eq('cycle %s phases' % c, PHASES, names)
        for p in PHASES:
            run.expect(any(e.get('type') == 'phase' and e['phase'] == p and
                           e.get('start') == '1' for e in mine),
                       'cycle %s: no type=phase phase=%s start=1' % (c, p))
        ends = [e for e in mine if e.get('type') == 'cycle_end']
        run.expect_eq('cycle %s cycle_end lines' % c, 1, len(ends))
        # Later layers may log after cycle_end (post-resume timer window).
        spine = [e for e in mine if e.get('type') in ('phase', 'cycle_end')]
        run.expect_eq('cycle %s: cycle_end after its last phase' % c,
                      'cycle_end', spine[-1].get('type'))
        run.expect_eq('cycle %s result' % c, result, ends[0].get('result'))
        run.expect_match('cycle %s s2idle_loops' % c, r'[1-9]\d*',
                         ends[0].get('s2idle_loops'))


def check(run):
    check_cycles(run, 3)
