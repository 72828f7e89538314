# SPDX-License-Identifier: GPL-2.0
"""Shared by the sleepers_* scenarios (issue #17, "who overslept"): the
guest program scripts/e2e/sleeper.c (nolibc, installed like alarmwait),
guest shell helpers to run it, and host-side parsers of the `sleepers`
debugfs file and of the program's own lines.  Not a scenario.

sleeper prints, for every sleep that took more than it asked plus a
threshold, `slept comm= pid= mode= n= asked_us= rc= boot_us= mono_us=
late_us= mono_start_ns= mono_end_ns= boot_start_ns= boot_end_ns=`
(boot_us measured on CLOCK_BOOTTIME, which counts a suspend)."""
from helpers import rel_lib

LOOPERS = ('nanosleep', 'futex', 'epoll')
# 1 s loopers (sleeper MODE 1000000 50000 -1 COMM): their sleep is pending
# when the freezer comes in nearly every cycle
LONG = {'nano1s': 'nanosleep', 'epoll1s': 'epoll'}
COMM = {'nanosleep': 'psd_nanosleep', 'futex': 'psd_futex',
        'epoll': 'psd_epoll', 'sleep5': 'psd_sleep5',
        'nano1s': 'psd_nano1s', 'epoll1s': 'psd_epoll1s'}
PARTS = ('presleep_ms', 'suspended_ms', 'resume_ms', 'thaw_ms')
VICTIM_KEYS = ('comm', 'pid', 'tgid', 'clock', 'how', 'expires_ns',
               'expired_ns', 'thaw_ns', 'overslept_ms') + PARTS
REPORT_KEYS = ('comm', 'pid', 'clock', 'overslept_ms') + PARTS
# The acceptance: the module's overslept_ms and what the program
# measured for the same sleep (its duration minus what it asked) agree
# within this.
AGREE_MS = 100


def guest_install():
    """Shell lines that write /bin/sleeper in the guest."""
    return rel_lib.install('sleeper')


# Guest shell helpers:
#   loopers_start [MODE...]  the 10 ms loopers (default: nanosleep futex
#                            epoll) in the background, each's output in
#                            /tmp/sl_MODE.out; returns once all have started;
#                            MODE nano1s or epoll1s: a 1 s looper
#   loopers_stop             touch /tmp/stop, wait for them, dump outputs
GUEST_LIB = r'''
SL_PIDS=""
loopers_start() {
	local m n
	rm -f /tmp/stop
	for m in ${*:-nanosleep futex epoll}; do
		case $m in
		nano1s)	sleeper nanosleep 1000000 50000 -1 psd_nano1s > /tmp/sl_$m.out & ;;
		epoll1s) sleeper epoll 1000000 50000 -1 psd_epoll1s > /tmp/sl_$m.out & ;;
		*)	sleeper $m > /tmp/sl_$m.out & ;;
		esac
		SL_PIDS="$SL_PIDS $!"
		n=0
		until grep -q '^start' /tmp/sl_$m.out; do
			n=$((n + 1)); [ $n -gt 100 ] && { fail "sleeper $m did not start"; return 1; }
			usleep 20000
		done
	done
}
loopers_stop() {
	local f
	touch /tmp/stop
	wait $SL_PIDS || fail "a sleeper exited $?"
	SL_PIDS=""
	for f in /tmp/sl_*.out; do dump "$f"; done
}
'''


def parse(text):
    """A dump of `sleepers` as (cycles, outside): cycles {N: {'head': the
    `# cycle=` line's keys, 'victims': [records]}} in file order, outside
    the `# outside cycles` records."""
    from harness.console import Run
    cycles, outside, cur = {}, [], None
    for line in text.splitlines():
        if line.startswith('# cycle='):
            head = Run.kv(line[2:])
            cur = cycles.setdefault(int(head['cycle']),
                                    {'head': head, 'victims': []})['victims']
        elif line.startswith('# outside cycles'):
            cur = outside
        elif line.startswith('#') or not line.strip():
            continue
        elif cur is not None:
            cur.append(Run.kv(line))
    return cycles, outside


def program(run, mode):
    """The program's lines: (start record, [slept records], done record)."""
    recs = run.parse_kv(run.file('/tmp/sl_%s.out' % mode))
    start = [r for r in recs if 'cpu' in r]
    done = [r for r in recs if 'sleeps' in r]
    slept = [r for r in recs if 'boot_us' in r]
    run.expect(start and done, 'sleeper %s: no start/done line in %r' % (
        mode, recs))
    return start[0], slept, done[0]


def parts_add_up(run, what, v):
    """The four parts of v add up to its overslept_ms."""
    run.expect_eq('%s: presleep+suspended+resume+thaw = overslept_ms' % what,
                  int(v['overslept_ms']), sum(int(v[k]) for k in PARTS))


def show(v):
    return ' '.join('%s=%s' % (k, v.get(k)) for k in VICTIM_KEYS if k in v)


def phase_starts(run, phase, start=1):
    """{cycle: BOOTTIME ns of its first start (start=0: end) of phase}
    from events."""
    out = {}
    for e in run.records('events', type='phase', phase=phase,
                         start=str(start)):
        out.setdefault(int(e['cycle']), int(e['t_ns']))
    return out


def victim(run, n, victims, mode, slept, head=None):
    """(the module's line for looper MODE in cycle n or None, the
    program's slept record of the sleep that spans the cycle's s2idle).

    Every sleep that spans the s2idle overslept and must be listed:
    whether its timer fired while the task was frozen, or before (the
    task woken, but held by the freezer on its way back to user space
    before it ran: seen on this PREEMPT_NONE target, the suspend writer
    holding the CPU), or the freezer woke it and its timer was cancelled
    -- but for two the program cannot tell from an oversleep, printed as
    NOT LISTED: a sleep due before the freezing was over, whose task may
    have run at its deadline and been frozen right after, before the clock
    read that ends its measurement (the freezer's signal interrupts a task
    running in user space; its sleep ended on time; the module tells the
    two apart by the task's saved user registers: woken_ran); and a sleep
    begun while the freezer ran (frozen in the clock read before it).

    (None, None) when no sleep of the program spans the s2idle: the
    freezer caught it between two sleeps (in another system call), so
    nothing overslept, and the layer must not list it.

    A NOT LISTED line ends with the cycle header's count of woken sleeps
    the module dropped, and why (head: the cycle's header)."""
    comm = COMM[mode]
    why = ' '.join('%s=%s' % (k, v) for k, v in sorted((head or {}).items())
                   if k.startswith('woken_'))
    t = phase_starts(run, 's2idle').get(n)
    prep = phase_starts(run, 'prepare').get(n)
    frozen = phase_starts(run, 'prepare', 0).get(n)
    run.expect(None not in (t, prep, frozen),
               'no prepare/s2idle start of cycle %d in events' % n)
    span = [r for r in slept if int(r['boot_start_ns']) <= t <=
            int(r['boot_end_ns'])]
    mine = [v for v in victims if v['comm'] == comm]
    if not span:
        print('  cycle %d %-13s not asleep across s2idle (frozen between '
              'two sleeps): not listed, rightly' % (n, comm))
        run.expect(not mine, 'cycle %d: %s listed, but none of its sleeps '
                   'spans the s2idle: %s' % (n, comm, show(mine[0])
                                             if mine else ''))
        return None, None
    run.expect_eq('cycle %d: %s sleeps spanning s2idle' % (n, comm), 1,
                  len(span))
    sp = span[0]
    due = int(sp['boot_start_ns']) + int(sp['asked_us']) * 1000
    # The program reads the clock by system call (nolibc) before and after
    # each sleep.  Due before the freezing was over, the sleep may have
    # ended on time, the task interrupted by the freezer's signal before
    # the read after it: no oversleep, which the program cannot tell from
    # one.
    if not mine and due < frozen:
        print('  cycle %d %-13s NOT LISTED: its timer was due before the '
              'freezing was over (%+.1f ms from the start of prepare, '
              '%+.1f ms from its end, rc=%s), so it may have run and been '
              'frozen before its clock read after the sleep; the program '
              'measured %s us; %s' % (n, comm, (due - prep) / 1e6,
                                      (due - frozen) / 1e6, sp['rc'],
                                      sp['boot_us'], why))
        return None, sp
    # Begun while the freezer ran, the program may have been frozen on
    # its way back from the read before the sleep: the sleep itself then
    # began after the thaw and met no suspend.
    start = int(sp['boot_start_ns'])
    if not mine and prep <= start < frozen:
        print('  cycle %d %-13s NOT LISTED: it began to sleep while the '
              'freezer ran (%+.1f ms from the start of prepare), so it may '
              'have been frozen in its clock read before the sleep; the '
              'program measured %s us; %s' % (n, comm, (start - prep) / 1e6,
                                               sp['boot_us'], why))
        return None, sp
    run.expect(mine, 'cycle %d: %s not in sleepers; its sleep was due %+.1f '
               'ms from the start of prepare, %+.1f ms from its end, rc=%s'
               % (n, comm, (due - prep) / 1e6, (due - frozen) / 1e6,
                  sp['rc']))
    run.expect_eq('cycle %d: lines of %s' % (n, comm), 1, len(mine))
    return mine[0], sp
