# SPDX-License-Identifier: GPL-2.0
"""Who overslept, outside suspend (issue #17): psd_fix_irqoff keeps
interrupts off on CPU 1 for 5 ms every ~20 ms while a program pinned to
CPU 1 sleeps 1 ms in a loop with nanosleep() (scripts/e2e/sleeper.c); no
suspend.  With hrtimer_late_us 1000, the `# outside cycles` table of
`sleepers` names the program (its tgid) with late_count >= 1 and
max_late_us >= 1000, no more than the program itself measured for its
longest sleep (duration minus the 1 ms asked, printed beside it), and
lists no cycle.  Control: the same program on CPU 1 before the fixture is
loaded, with hrtimer_late_us 1000000, is not in the table."""

from helpers import sleepers_lib as sl

LATE_US = 1000

GUEST = sl.guest_install() + r'''
load_psd || fail "insmod pmic_sleepdiag.ko"
echo "set hrtimer_late_us 1000000" > $D/control || fail "set hrtimer_late_us"
rm -f /tmp/stop
sleeper nanosleep 1000 1000000 1 > /tmp/sl_quiet.out &
q=$!
sleep 2
touch /tmp/stop; wait $q || fail "quiet sleeper exited $?"
dump /tmp/sl_quiet.out $D/sleepers
echo reset > $D/control || fail "reset"
echo "set hrtimer_late_us %d" > $D/control || fail "set hrtimer_late_us"
insmod $M/psd_fix_irqoff.ko cpu=1 off_ms=5 period_ms=20 || fail "irqoff fixture"
rm -f /tmp/stop
sleeper nanosleep 1000 2000 1 > /tmp/sl_nanosleep.out &
p=$!
sleep 3
touch /tmp/stop; wait $p || fail "sleeper exited $?"
dump /sys/module/psd_fix_irqoff/parameters/rounds
rmmod psd_fix_irqoff || fail "rmmod psd_fix_irqoff"
dump /tmp/sl_nanosleep.out $D/sleepers $D/summary $D/anomalies
dump_report
rmmod pmic_sleepdiag || fail "rmmod"
''' % LATE_US


def dumps(run, path):
    return [t for p, t in run.dumps if p == path]


def check(run):
    run.expect_eq('summary setting.hrtimer_late_us', str(LATE_US),
                  run.summary().get('setting.hrtimer_late_us'))
    texts = dumps(run, '/sys/kernel/debug/pmic_sleepdiag/sleepers')
    run.expect_eq('sleepers dumps', 2, len(texts))
    quiet = run.parse_kv(run.file('/tmp/sl_quiet.out'))
    qpid = [r for r in quiet if 'cpu' in r][0]['pid']
    cycles, outside = sl.parse(texts[0])
    print('  control (hrtimer_late_us 1000000): outside cycles %r' % outside)
    run.expect(not [r for r in outside if r.get('tgid') == qpid],
               'control: pid %s listed with hrtimer_late_us 1000000: %r'
               % (qpid, outside))
    rounds = int(run.param('psd_fix_irqoff', 'rounds'))
    run.expect(rounds > 10, 'psd_fix_irqoff did only %d rounds' % rounds)
    start, slept, done = sl.program(run, 'nanosleep')
    cycles, outside = sl.parse(texts[1])
    run.expect_eq('cycles in sleepers (no suspend)', {}, cycles)
    mine = [r for r in outside if r.get('comm') == 'psd_nanosleep']
    print('  outside cycles: %r' % outside)
    print('  program: %s; its slept lines (> 3 ms): %d, longest %s us' % (
        done, len(slept), done['max_us']))
    run.expect_eq('outside-cycles lines of psd_nanosleep', 1, len(mine))
    r = mine[0]
    run.expect_keys('outside line', r, ['comm', 'tgid', 'late_count',
                                        'max_late_us'])
    run.expect_eq('psd_nanosleep tgid', start['pid'], r['tgid'])
    run.expect(int(r['late_count']) >= 1, 'late_count=%s' % r['late_count'])
    run.expect(int(r['max_late_us']) >= LATE_US,
               'max_late_us=%s < hrtimer_late_us %d' % (r['max_late_us'],
                                                        LATE_US))
    prog_late = int(done['max_us']) - int(start['asked_us'])
    run.expect(int(r['max_late_us']) <= prog_late + 1000,
               'max_late_us=%s but the program measured at most %d us '
               'late' % (r['max_late_us'], prog_late))
