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
memory the module holds after load.  Fails only if the guest broke."""

TIMEOUT = 600

GUEST = r'''
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
'''


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
