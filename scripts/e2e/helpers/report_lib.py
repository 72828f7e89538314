# SPDX-License-Identifier: GPL-2.0
"""Shared by the report_* scenarios: guest snippets and the checks of one
cycle's block in report and its object in report.json.  Not a scenario."""

# On the TCG target timer expiries after resume are often > 1 ms late
# (emulation, not a module property), which makes hrtimer_late_after_resume
# hold on every cycle; scenarios not about timers raise the threshold to 1 s.
# Likewise a device callback can take more than resume_slow_ms' 100 ms
# (seen: a tty's complete, 172 ms, on the debug kernel of a loaded
# machine): scenarios not about it raise that threshold to 600 s.
HRT_QUIET = r'''
echo "set hrtimer_late_us 1000000" > $D/control || fail "set hrtimer_late_us"
echo "set resume_slow_ms 600000" > $D/control || fail "set resume_slow_ms"
'''

# A cycle's record is final once its post_resume timer window has closed:
# wait for it (settle), then dump.
SETTLE = r'''
settle
dump_report
'''


def tps_guest(regs, cycles, dumps):
    """The guest script of a report scenario on the TPS65910 fixture: the
    fixture preloaded with REGS, the module with HRT_QUIET, CYCLES s2idle
    cycles, SETTLE, then the debugfs files DUMPS (below $D) dumped."""
    return (r'''
load_tps regs=%s || fail "tps65910 fixture"
load_psd || fail "insmod pmic_sleepdiag.ko"
%s''' % (regs, HRT_QUIET) +
            ''.join('s2idle_cycle || fail "s2idle cycle %d"\n' % (i + 1)
                    for i in range(cycles)) +
            SETTLE + 'dump %s\n' % ' '.join('$D/' + f for f in dumps) +
            'rmmod pmic_sleepdiag || fail "rmmod"\n')


class Cycle:
    """One cycle of report (its lines by first key) and of report.json."""

    def __init__(self, run, cycle, lines, obj):
        self.run, self.cycle, self.lines, self.obj = run, cycle, lines, obj
        self.verdict = [r for k, r in lines if k == 'verdict'][0]

    def all(self, key, **match):
        """The lines whose first key is key, keeping those whose keys equal
        the given values."""
        return [r for k, r in self.lines if k == key and
                all(r.get(mk) == str(mv) for mk, mv in match.items())]

    def one(self, key, **match):
        found = self.all(key, **match)
        self.run.expect_eq('cycle %d: %s= lines with %r' % (self.cycle, key,
                                                             match),
                           1, len(found))
        return found[0]

    def anomaly(self, cls):
        """The cycle's anomaly= line for cls, also in report.json."""
        a = self.one('anomaly', anomaly=cls)
        run = self.run
        run.expect(int(a['count']) >= 1, 'anomaly=%s count=%s' %
                   (cls, a['count']))
        j = [x for x in self.obj['anomalies'] if x['class'] == cls]
        run.expect_eq('report.json cycle %d anomalies of class %s' %
                      (self.cycle, cls),
                      [{'class': cls, 'count': int(a['count']),
                        'first_seq': int(a['first_seq'])}], j)
        return a

    def detail_has(self, *words):
        """The verdict's detail names each of words (report.json's detail:
        the text's is the same with '"' shown as '?', checked by cycles())."""
        d = self.obj['verdict']['detail']
        for w in words:
            self.run.expect(str(w) in d, 'cycle %d: detail=%r does not name '
                            '%r' % (self.cycle, d, w))


def cycles(run):
    """Every cycle, oldest first, after checking that report and
    report.json agree on the cycles and their verdicts.  Each verdict's
    uses= (the kinds of report line its rule reads, by first key) is the
    same for a rule in every cycle and names a line its block holds: the
    rule table is the module's, not copied here."""
    run.expect_report_agrees()
    blocks, doc = run.report_blocks(), run.report_json()
    run.expect(doc['cycles'], 'report.json has no cycle')
    out, uses = [], {}
    for obj in doc['cycles']:
        c = Cycle(run, obj['cycle'], blocks[obj['cycle']], obj)
        rule, used = c.verdict['verdict'], c.verdict['uses']
        kinds = [k for k, _ in c.lines]
        run.expect(set(used.split()) & set(kinds),
                   'cycle %d verdict %s uses="%s", its block has %s lines'
                   % (c.cycle, rule, used, ' '.join(sorted(set(kinds)))))
        run.expect_eq('uses= of verdict %s (as in an earlier cycle)' % rule,
                      uses.setdefault(rule, used), used)
        run.expect_eq('cycle %d: cycle= line first' % c.cycle, 'cycle',
                      c.lines[0][0])
        run.expect_eq('cycle %d: verdict= line last' % c.cycle, 'verdict',
                      c.lines[-1][0])
        out.append(c)
    return out


def last(run, rule, n=None):
    """The last cycle, whose verdict (report and report.json) must be rule;
    n: the number of cycles the report must hold."""
    cs = cycles(run)
    if n is not None:
        run.expect_eq('cycles in report', list(range(1, n + 1)),
                      [c.cycle for c in cs])
    c = cs[-1]
    run.expect_eq('verdict of the last cycle (%d)' % c.cycle, rule,
                  c.verdict['verdict'])
    run.expect_eq('report.json verdict of the last cycle', rule,
                  c.obj['verdict']['rule'])
    run.expect_eq('summary cycles', str(c.cycle), run.summary().get('cycles'))
    return c


def judged(run, *verdicts):
    """The cycles of report, which must be cycles 1, 2, ... judged VERDICTS
    in that order; last() checks the last one."""
    run.expect_eq('verdicts', list(enumerate(verdicts, 1)), run.verdicts())
    last(run, verdicts[-1], n=len(verdicts))
    return cycles(run)


def resumed(run, c, wake='rtc-pl031'):
    """A cycle that slept and was woken by wake's IRQ: its cycle= line, the
    nine phases, and report.json saying the same."""
    line = c.one('cycle')
    run.expect_eq('cycle %d result' % c.cycle, 'resumed', line['result'])
    run.expect_eq('cycle %d state' % c.cycle, 'freeze', line['state'])
    run.expect(int(line['s2idle_loops']) >= 1, 'cycle %d: s2idle_loops=%s'
               % (c.cycle, line['s2idle_loops']))
    run.expect_eq('cycle %d wake_irq_name' % c.cycle, wake,
                  line['wake_irq_name'])
    run.expect_eq('report.json cycle %d result, wake_irq' % c.cycle,
                  ('resumed', int(line['wake_irq'])),
                  (c.obj['result'], c.obj['wake_irq']))
    names = [p['phase'] for p in c.all('phase')]
    run.expect_eq('cycle %d phases' % c.cycle,
                  ['prepare', 'suspend', 'suspend_late', 'suspend_noirq',
                   's2idle', 'resume_noirq', 'resume_early', 'resume',
                   'post'], names)
    run.expect_eq('report.json cycle %d phases' % c.cycle, names,
                  [p['phase'] for p in c.obj['phases']])
    for p in c.all('phase'):
        if p['phase'] != 'post':
            run.expect(int(p['start_ns']) <= int(p['end_ns']) and
                       'dur_us' in p, 'cycle %d: %r' % (c.cycle, p))
    return line
