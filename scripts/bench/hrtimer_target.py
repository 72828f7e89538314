# SPDX-License-Identifier: GPL-2.0
"""Benchmark, not a test (scripts/bench.sh target): on the arm64 QEMU
target, in one boot, alternately without and with pmic_sleepdiag.ko:

  workload   2000 x `read -t 0.001` on an empty FIFO: 1 ms poll timeouts
             from a shell builtin, no fork (a fixed timer-heavy loop)
  pm_test    freeze with pm_test=platform, pm_test_delay=0: the whole
             suspend/resume path, no sleep
  s2idle     a real s2idle cycle woken by the RTC after ~3 s (whole-second
             RTC: noisy, shown for completeness)

Prints the median of 3 rounds each and the ratio with/without, and the
memory the module holds after load.

Then a four-way comparison of what watching hrtimer expiries costs, in the
same boot: `sleeper bench 1 5000` (scripts/e2e/sleeper.c: 5000
nanosleep()s of 1 us, each one hrtimer expiry) timed

  bare       nothing attached
  module     pmic_sleepdiag.ko loaded (every layer; its hrtimer/latency
             `all` count says how many expiries it saw in the run)
  event      the kernel's timer:hrtimer_expire_entry trace event enabled
             into the ftrace ring buffer
  hist       a hist trigger on that event keyed by function (needs
             CONFIG_HIST_TRIGGERS: this bench runs on the arm64-bench
             kernel, the e2e one plus that)

in 8 interleaved rounds (the order rotating), as the fastest round of
each (the least disturbed on a shared machine) and the median: the ratio
T / T_bare and the cost per expiry relative to bare ((T - T_bare) /
expiries, expiries as the module counted them).  Fails only if
the guest broke."""

from helpers import rel_lib

TIMEOUT = 600
KERNEL = 'bench'
TIMER_SLEEPS = 5000
ROUNDS = 8

GUEST = rel_lib.install('sleeper') + r'''
ns() { date +%s%N; }
case $(ns) in *N*|'') ns() { read -r u _ < /proc/uptime; echo $(( ${u%.*} * 1000000000 + ${u#*.} * 10000000 )); } ;; esac
mkfifo /tmp/fifo && exec 3<>/tmp/fifo || fail "fifo"
work() { i=0; while [ $i -lt 2000 ]; do read -t 0.001 x <&3; i=$((i + 1)); done; }
pmtest() {
	echo platform > /sys/power/pm_test || return
	echo freeze > /sys/power/state
	echo none > /sys/power/pm_test
}
cycle() { s2idle_cycle 3; }
timeit() { t0=$(ns); "$@" || fail "$*"; t1=$(ns); echo $((t1 - t0)); }
meminfo() { awk '/^(Percpu|Slab|VmallocUsed):/ { printf " %s%s", $1, $2 }' /proc/meminfo; }

echo 0 > /sys/module/suspend/parameters/pm_test_delay || fail "pm_test_delay"
work
for r in 1 2 3; do
	note "bench round=$r mod=0 workload_ns=$(timeit work)"
	note "bench round=$r mod=0 pm_test_ns=$(timeit pmtest)"
	note "bench round=$r mod=0 s2idle_ns=$(timeit cycle)"
	before=$(meminfo)
	load_psd || fail "insmod"
	after=$(meminfo)
	note "bench round=$r mod=1 workload_ns=$(timeit work)"
	note "bench round=$r mod=1 pm_test_ns=$(timeit pmtest)"
	note "bench round=$r mod=1 s2idle_ns=$(timeit cycle)"
	own=$(sed -n 's/.*memory=\([0-9]*\) bytes.*/\1/p' $D/hrtimer/latency)
	note "mem round=$r coresize=$(cat /sys/module/pmic_sleepdiag/coresize) hrtimer_bytes=$own cpus=$(nproc) before:$before after:$after"
	rmmod pmic_sleepdiag || fail "rmmod"
done

T=/sys/kernel/tracing
E=$T/events/timer/hrtimer_expire_entry
[ -d $E ] || fail "no $E"
[ -f $E/hist ] || note "no $E/hist: hist triggers missing from this kernel"
tw() { sleeper bench 1 @SLEEPS@ | sed -n 's/.*elapsed_ns=//p'; }
allcount() { sed -n 's/^window=all count=\([0-9]*\) .*/\1/p' $D/hrtimer/latency; }
way_bare() { note "timers round=$1 how=bare ns=$(tw)"; }
way_module() {
	load_psd || fail "insmod"
	c0=$(allcount)
	note "timers round=$1 how=module ns=$(tw)"
	c1=$(allcount)
	note "expiries round=$1 how=module count=$((c1 - c0))"
	rmmod pmic_sleepdiag || fail "rmmod"
}
way_event() {
	echo > $T/trace
	echo 1 > $E/enable || fail "enable $E"
	note "timers round=$1 how=event ns=$(tw)"
	echo 0 > $E/enable
	note "expiries round=$1 how=event count=$(grep -c hrtimer_expire_entry $T/trace)"
	echo > $T/trace
}
way_hist() {
	echo 'hist:keys=function' > $E/trigger || fail "hist trigger"
	note "timers round=$1 how=hist ns=$(tw)"
	note "expiries round=$1 how=hist count=$(sed -n 's/^ *Hits: //p' $E/hist)"
	[ $1 = 1 ] && dump $E/hist
	echo '!hist:keys=function' > $E/trigger || fail "hist trigger off"
}
tw > /dev/null
# The four ways in turn, each round starting one further on, so that
# none always follows the same one.
ways="bare module event hist"
for r in $(seq 1 @ROUNDS@); do
	for w in $ways; do way_$w $r; done
	ways="${ways#* } ${ways%% *}"
done
'''.replace('@SLEEPS@', str(TIMER_SLEEPS)).replace('@ROUNDS@', str(ROUNDS))


def median(v):
    v = sorted(v)
    return v[len(v) // 2] if v else 0


def check(run):
    res = {}
    for n in run.notes:
        if n.startswith('bench '):
            r = run.kv(n)
            for k, v in r.items():
                if k.endswith('_ns'):
                    res.setdefault((k[:-3], r['mod']), []).append(int(v))
    print('  %-10s %14s %14s %8s' % ('', 'without ms', 'with ms', 'ratio'))
    for what in ('workload', 'pm_test', 's2idle'):
        a = median(res.get((what, '0'), []))
        b = median(res.get((what, '1'), []))
        print('  %-10s %14.2f %14.2f %8.3f' % (what, a / 1e6, b / 1e6,
                                               b / a if a else 0))
    for n in run.notes:
        if n.startswith('mem '):
            print('  ' + n)
    mems = [run.kv(n) for n in run.notes if n.startswith('mem ')]
    if mems:
        m = mems[-1]
        print('  module holds after load: core %s bytes + hrtimer histograms'
              ' %s bytes (%s CPUs), besides the event/anomaly rings' % (
                  m.get('coresize'), m.get('hrtimer_bytes'), m.get('cpus')))

    timers(run)


def timers(run):
    """The four-way table of what watching hrtimer expiries costs."""
    ns, exp = {}, {}
    for n in run.notes:
        r = run.kv(n)
        if n.startswith('timers '):
            ns.setdefault(r['how'], []).append(int(r['ns'] or 0))
        elif n.startswith('expiries ') and r.get('count', '').isdigit():
            exp.setdefault(r['how'], []).append(int(r['count']))
    bare = median(ns.get('bare', []))
    # every way sees the same workload: the expiries the module counted
    # (the hist trigger's hits, if the module's count is missing)
    per = median(exp.get('module', [])) or median(exp.get('hist', [])) or \
        TIMER_SLEEPS
    print('  hrtimer expiries: %d nanosleep(1 us) in %.1f ms bare; '
          'expiries per run: %s' % (TIMER_SLEEPS, bare / 1e6, ', '.join(
              '%s %s' % (k, median(v)) for k, v in sorted(exp.items()))))
    print('  %-8s %10s %10s %8s %8s %12s %12s' % (
        '', 'min ms', 'median ms', 'min x', 'med x', 'ns/exp min',
        'ns/exp med'))
    bmin = min(ns.get('bare', [0]))
    for how in ('bare', 'module', 'event', 'hist'):
        t, tm = median(ns.get(how, [])), min(ns.get(how, [0]))
        print('  %-8s %10.1f %10.1f %8.3f %8.3f %12.0f %12.0f' % (
            how, tm / 1e6, t / 1e6, tm / bmin if bmin else 0,
            t / bare if bare else 0, (tm - bmin) / per if per else 0,
            (t - bare) / per if per else 0))
