# SPDX-License-Identifier: GPL-2.0
"""The module's trace events next to the kernel's: with
events/pmic_sleepdiag and power:suspend_resume enabled (trace_clock=boot,
the module's own clock), two RTC-woken s2idle cycles with the TPS65910
fixture's RTC alarm interrupt masked in INT_MSK; before cycle 2 the
fixture sets RTC_STATUS.ALARM while suspending.  Each cycle raises a
PMIC_CONFIG_RISK (rtc_alarm_masked, then rtc_alarm_stale).

Expected in /sys/kernel/tracing/trace, per cycle N, in time order and
interleaved with suspend_resume: cycle_begin N and pmic_snapshot
phase=prepare (the PM notifier, before freeze_processes), dpm_prepare,
pmic_snapshot phase=suspend inside dpm_suspend, pmic_snapshot
phase=suspend_late and the anomaly inside dpm_suspend_late,
machine_suspend, pmic_snapshot resume_early / resume inside
dpm_resume_early / dpm_resume, after thaw_processes pmic_snapshot post,
and last cycle_end N result=resumed verdict=pmic_wake_path -- the
report's verdict for cycle N.
The trace's times agree with the report's phases (same clock): cycle_begin
N not before phase=prepare's start, cycle_end N not before phase=post's.

cycle_end is emitted at PM_POST_SUSPEND, before the post_resume timer
window closes, so an hrtimer verdict could only appear in the report:
hrtimer_late_us is raised to 1 s (on this TCG target timer expiries after
resume are often > 1 ms late; emulation, not a module property)."""

import re

from helpers import report_lib

REGS = '0x10:0x01,0x3f:0x02,0x42:0x70,0x12:0x08,0x51:0x40'

GUEST = r'''
T=/sys/kernel/tracing
load_tps regs=%s phase_at=suspend || fail "tps65910 fixture"
load_psd || fail "insmod pmic_sleepdiag.ko"
%s
echo boot > $T/trace_clock || fail "trace_clock boot"
echo > $T/trace
echo 1 > $T/events/pmic_sleepdiag/enable || fail "enable pmic_sleepdiag events"
echo 1 > $T/events/power/suspend_resume/enable || fail "enable suspend_resume"
s2idle_cycle || fail "s2idle cycle 1"
echo 0x11:0x40 > /sys/module/psd_fix_tps65910/parameters/phase_write || \
	fail "phase_write"
s2idle_cycle || fail "s2idle cycle 2"
settle
echo 0 > $T/tracing_on
dump $T/trace $D/summary $D/anomalies
dump_report
echo 0 > $T/events/pmic_sleepdiag/enable
echo 0 > $T/events/power/suspend_resume/enable
rmmod pmic_sleepdiag || fail "rmmod"
''' % (REGS, report_lib.HRT_QUIET)

LINE = re.compile(r'^\s*(.+?)-(\d+)\s+\[(\d+)\]\s+\S+\s+(\d+)\.(\d+): '
                  r'(\w+): (.*)$')


def trace(run):
    """[(t_us, event, fields)] of the trace, in file order."""
    out = []
    for line in run.file('/sys/kernel/tracing/trace').splitlines():
        if line.startswith('#') or not line.strip():
            continue
        m = LINE.match(line)
        run.expect(m, 'unparsable trace line: %r' % line)
        t = int(m.group(4)) * 1000000 + int(m.group(5).ljust(6, '0')[:6])
        ev, rest = m.group(6), m.group(7)
        if ev == 'suspend_resume':
            sm = re.match(r'(\w+)\[(\d+)\] (begin|end)$', rest)
            run.expect(sm, 'suspend_resume line: %r' % rest)
            f = {'action': sm.group(1), 'val': sm.group(2),
                 'start': sm.group(3)}
        else:
            f = run.kv(rest)
        out.append((t, ev, f))
    return out


def key(ev, f):
    """What the order check compares: the event and what names it."""
    if ev == 'suspend_resume':
        return 'k:%s:%s' % (f['action'], f['start'])
    if ev == 'pmic_snapshot':
        return 'pmic_snapshot:' + f['phase']
    if ev == 'anomaly':
        return 'anomaly:' + f['class']
    return ev


ORDER = ['cycle_begin', 'pmic_snapshot:prepare', 'k:freeze_processes:begin',
         'k:dpm_prepare:begin', 'k:dpm_suspend:begin',
         'pmic_snapshot:suspend', 'k:dpm_suspend:end',
         'k:dpm_suspend_late:begin', 'pmic_snapshot:suspend_late',
         'anomaly:PMIC_CONFIG_RISK', 'k:dpm_suspend_late:end',
         'k:machine_suspend:begin', 'k:machine_suspend:end',
         'k:dpm_resume_early:begin', 'pmic_snapshot:resume_early',
         'k:dpm_resume_early:end', 'k:dpm_resume:begin',
         'pmic_snapshot:resume', 'k:dpm_resume:end',
         'k:thaw_processes:end', 'pmic_snapshot:post', 'cycle_end']


def check(run):
    tr = trace(run)
    times = [t for t, _, _ in tr]
    run.expect_eq('trace in time order', sorted(times), times)
    run.expect(any(ev == 'suspend_resume' for _, ev, _ in tr),
               'no power:suspend_resume line')
    cs = report_lib.cycles(run)
    run.expect_eq('verdicts', [(1, 'pmic_wake_path'), (2, 'pmic_wake_path')],
                  run.verdicts())
    begins = [i for i, (_, ev, _) in enumerate(tr) if ev == 'cycle_begin']
    run.expect_eq('cycle_begin cycles', ['1', '2'],
                  [tr[i][2]['cycle'] for i in begins])
    for n, c in enumerate(cs):
        lo = begins[n]
        hi = begins[n + 1] if n + 1 < len(begins) else len(tr)
        mine = tr[lo:hi]
        # The module's own events of cycle N carry cycle=N ...
        for _, ev, f in mine:
            if ev != 'suspend_resume' and ev != 'anomaly':
                run.expect_eq('%s in cycle %d' % (ev, c.cycle),
                              str(c.cycle), f.get('cycle'))
        # ... and sit between the kernel's in the order of the suspend path.
        run.expect_in_order('cycle %d trace order' % c.cycle, ORDER,
                            [key(ev, f) for _, ev, f in mine])
        an = [f for _, ev, f in mine if ev == 'anomaly' and
              f['class'] == 'PMIC_CONFIG_RISK']
        run.expect_eq('PMIC_CONFIG_RISK trace events of cycle %d' % c.cycle,
                      [str(c.cycle)], [f['cycle'] for f in an])
        run.expect_eq('anomaly seq= vs the report', c.anomaly(
            'PMIC_CONFIG_RISK')['first_seq'], an[0]['seq'])
        snaps = [f for _, ev, f in mine if ev == 'pmic_snapshot']
        for f in snaps:
            run.expect_eq('pmic_snapshot err', '0', f['err'])
        sl = [f for f in snaps if f['phase'] == 'suspend_late']
        run.expect_eq('cycle %d suspend_late snapshot warn= (rules)'
                      % c.cycle, [str(len(c.obj['pmic']['warn']))],
                      [f['warn'] for f in sl])
        ends = [f for _, ev, f in mine if ev == 'cycle_end']
        run.expect_eq('cycle_end lines of cycle %d' % c.cycle, 1, len(ends))
        e, line = ends[0], c.one('cycle')
        run.expect_eq('cycle %d cycle_end vs report' % c.cycle,
                      (c.verdict['verdict'], line['result'],
                       line['s2idle_loops'], line['wake_irq']),
                      (e['verdict'], e['result'], e['s2idle_loops'],
                       e['wake_irq']))
        # Same clock: trace times (us) not before the report's (ns).
        t_begin = [t for t, ev, _ in mine if ev == 'cycle_begin'][0]
        t_end = [t for t, ev, _ in mine if ev == 'cycle_end'][0]
        ph = {p['phase']: p for p in c.all('phase')}
        run.expect(int(ph['prepare']['start_ns']) // 1000 <= t_begin <=
                   int(ph['suspend']['start_ns']) // 1000 + 1,
                   'cycle %d: cycle_begin at %d us outside phase=prepare '
                   '%r' % (c.cycle, t_begin, ph['prepare']))
        run.expect(int(ph['post']['start_ns']) // 1000 <= t_end,
                   'cycle %d: cycle_end at %d us before phase=post %r'
                   % (c.cycle, t_end, ph['post']))
    rules = [a['rule'] for a in
             run.records('anomalies', **{'class': 'PMIC_CONFIG_RISK'})]
    run.expect_eq('PMIC_CONFIG_RISK rules', ['rtc_alarm_masked',
                                             'rtc_alarm_stale'], rules)
