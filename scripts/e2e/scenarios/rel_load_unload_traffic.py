# SPDX-License-Identifier: GPL-2.0
"""Reliability: load/unload under traffic (issue #9).  50 insmod/rmmod
rounds of pmic_sleepdiag (TPS65910 fixture present; each round turns the
probe timer on and watches the UART IRQ) while, in the background, RTC-woken
s2idle cycles run back to back, a wakeup source is taken and dropped
through /sys/power/wake_lock in a loop (a suspend that meets it aborts,
which is fine), hrtimer traffic runs, and every debugfs file is read in a
loop (ENOENT while unloaded; an open file pins the module, so rmmod may
answer EBUSY and is retried).  No splat, every round completes, and no
single rmmod call takes 10 s or more (a hang detector, not a benchmark).
About 8 minutes under TCG (user space runs only between the back-to-back
cycles): make check-full only; about 17 minutes on the debug kernel."""

from helpers import rel_lib

FULL_ONLY = True
ROUNDS = 50
RMMOD_BOUND_MS = 10000
TIMEOUT = 900

GUEST_T = rel_lib.GUEST_LIB + r'''
load_tps regs=0x10:0x01 || fail "tps65910 fixture"
UART=$(awk '/uart-pl011/ { sub(":", "", $1); print $1; exit }' /proc/interrupts)
S0=$(cat /sys/power/suspend_stats/success); F0=$(cat /sys/power/suspend_stats/fail)
reltimer load /tmp/tl.n & BG_PIDS="$BG_PIDS $!"
bg_readers rd
bg_wakelock relwl
bg_cycles cyc 3
bg_watchdog /tmp/round
ms() { sed -n 's/^time ms=\([0-9]*\) rc=.*/\1/p'; }
rc() { sed -n 's/^time ms=[0-9]* rc=\([0-9]*\)$/\1/p'; }
n=0; imax=0; rmax=0; busy=0
while [ $n -lt @ROUNDS@ ]; do
	progress "round $((n + 1))/@ROUNDS@"
	o=$(reltimer time /bin/insmod $M/pmic_sleepdiag.ko)
	[ "$(echo "$o" | rc)" = 0 ] || { fail "insmod round $((n + 1)): $o"; break; }
	t=$(echo "$o" | ms); [ $t -gt $imax ] && imax=$t
	echo set probe_period_us 1000 > $D/control || fail "round $((n + 1)): probe on"
	echo watch_irq $UART > $D/control || fail "round $((n + 1)): watch_irq"
	usleep $((100000 + (n % 5) * 100000))
	tries=0
	while :; do
		o=$(reltimer time /bin/rmmod pmic_sleepdiag)
		t=$(echo "$o" | ms); [ $t -gt $rmax ] && rmax=$t
		[ "$(echo "$o" | rc)" = 0 ] && break
		busy=$((busy + 1)); tries=$((tries + 1))
		[ $tries -ge 200 ] && { fail "rmmod round $((n + 1)): still failing: $o"; break 2; }
		usleep 20000
	done
	[ -e $D ] && { fail "round $((n + 1)): $D still exists after rmmod"; break; }
	n=$((n + 1)); echo $n > /tmp/round; echo "round $n rmmod_ms=$t"
	usleep $(((n % 3) * 100000))
done
bg_stop
S1=$(cat /sys/power/suspend_stats/success); F1=$(cat /sys/power/suspend_stats/fail)
echo "rounds=$n insmod_max_ms=$imax rmmod_max_ms=$rmax rmmod_busy=$busy \
cycles_ok=$(cat /tmp/cyc.ok) cycles_failed=$(cat /tmp/cyc.bad) \
suspend_success=$((S1 - S0)) suspend_fail=$((F1 - F0)) \
wakelocks=$(cat /tmp/relwl.n) reads_ok=$(cat /tmp/rd.ok) reads_err=$(cat /tmp/rd.err) \
timer_sleeps=$(cat /tmp/tl.n)" > /tmp/lut
dump /tmp/lut
note "$(cat /tmp/lut)"
# Still healthy after all that: load once more, one cycle, all on.
load_psd || fail "final insmod"
s2idle_cycle 3 || fail "final cycle"
dump $D/summary
dump_report
rmmod pmic_sleepdiag || fail "final rmmod"
'''


def guest(rounds):
    return (rel_lib.install('reltimer') +
            GUEST_T.replace('@ROUNDS@', str(rounds)))


GUEST = guest(ROUNDS)


def check(run, rounds=ROUNDS, name='rel_load_unload_traffic'):
    d = {k: int(v) for k, v in run.kv(run.file('/tmp/lut')).items()}
    run.expect_eq('rounds completed', rounds, d['rounds'])
    run.expect(d['rmmod_max_ms'] < RMMOD_BOUND_MS,
               'an rmmod took %d ms (bound %d)' % (d['rmmod_max_ms'],
                                                   RMMOD_BOUND_MS))
    run.expect(d['cycles_ok'] > 0, 'no suspend cycle completed meanwhile')
    run.expect(d['wakelocks'] > 0, 'no wake_lock traffic')
    run.expect(d['reads_ok'] > 0, 'no debugfs read succeeded')
    run.expect(d['timer_sleeps'] > 0, 'no timer traffic')
    s = run.summary()
    rel_lib.all_on(run, s, 'at the final load')
    run.expect_eq('final load: cycles', '1', s.get('cycles'))
    d['splats'] = rel_lib.no_splat(run)
    rel_lib.figures(run, name, d)
