# SPDX-License-Identifier: GPL-2.0
"""Reliability, faults (issue #9): the tps65910 driver unbound and bound
again in a loop while 15 RTC-woken s2idle cycles run, control snapshots
are asked for and every debugfs file is read in a loop.  No splat; every
cycle counted and resumed; while unbound the PMIC is off(pmic unbound) and
the other components stay on; once bound for good the next cycle has its
six snapshots with err=0.  (pmic_rebind checks one unbind/bind in detail.)"""

from helpers import pmic_lib, rel_lib

CYCLES = 15
TIMEOUT = 400

GUEST = rel_lib.GUEST_LIB + r'''
DRV=/sys/bus/i2c/drivers/tps65910
load_tps regs=0x10:0x01 || fail "tps65910 fixture"
load_psd || fail "insmod pmic_sleepdiag.ko"
echo set probe_period_us 1000 > $D/control || fail "probe timer on"
( n=0; off=0
  while [ ! -e /tmp/stop ]; do
	echo 0-002d > $DRV/unbind && n=$((n + 1))
	usleep $((n % 5 * 70000))
	grep -q '^pmic: off(' $D/summary && off=$((off + 1))
	for c in $(grep '^component\.' $D/summary | grep -v '^component.pmic:' | cut -d' ' -f2); do
		[ "$c" = on ] || echo "$c" >> /tmp/other_off
	done
	echo snapshot > $D/control 2>/dev/null
	echo 0-002d > $DRV/bind
	usleep $((n % 3 * 90000))
	echo snapshot > $D/control 2>/dev/null
	echo $n > /tmp/unbinds; echo $off > /tmp/seen_off
  done ) &
BG_PIDS="$BG_PIDS $!"
fault_cycles @CYCLES@
[ -e $DRV/0-002d ] || echo 0-002d > $DRV/bind || fail "final bind"
s2idle_cycle 2 && ok=$((ok + 1))
touch /tmp/other_off
echo "cycles_ok=$ok unbinds=$(cat /tmp/unbinds) seen_off=$(cat /tmp/seen_off) \
reads_ok=$(cat /tmp/rd.ok)" > /tmp/faults
dump /tmp/faults /tmp/other_off $D/summary $D/pmic/snapshots
dump_report
rmmod pmic_sleepdiag || fail "rmmod"
'''.replace('@CYCLES@', str(CYCLES))


def check(run):
    f = {k: int(v) for k, v in run.kv(run.file('/tmp/faults')).items()}
    s = run.summary()
    run.expect_eq('cycles resumed', CYCLES + 1, f['cycles_ok'])
    run.expect_eq('summary cycles', str(CYCLES + 1), s.get('cycles'))
    run.expect(f['unbinds'] > 0, 'no unbind happened')
    run.expect(f['seen_off'] > 0, 'pmic never seen off while unbound')
    run.expect_eq('other components seen off meanwhile', '',
                  run.file('/tmp/other_off').strip())
    rel_lib.all_on(run, s)
    keys = pmic_lib.by_key(pmic_lib.snapshots(run))
    last = str(CYCLES + 1)
    for p in pmic_lib.SNAP_PHASES:
        run.expect((last, p) in keys, 'cycle %s: no %s snapshot' % (last, p))
        run.expect_eq('cycle %s %s err' % (last, p), '0',
                      keys[(last, p)][0]['err'])
    rel_lib.figures(run, 'rel_faults_rebind', {
        'cycles': f['cycles_ok'], 'unbind_bind': f['unbinds'],
        'seen_off': f['seen_off'], 'debugfs_reads': f['reads_ok'],
        'snapshots_kept': len(keys), 'splats': rel_lib.no_splat(run)})
