# SPDX-License-Identifier: GPL-2.0
"""pmic_sleepdiag.ko loads and unloads 20 times, 10 without and 10 with the
TPS65910 fixture present, reading summary each time; after every rmmod its
debugfs directory is gone.  Any splat fails the run."""

GUEST = r'''
n=0
for pmic in no yes; do
	[ $pmic = yes ] && { load_tps || fail "tps65910 fixture"; }
	for i in 1 2 3 4 5 6 7 8 9 10; do
		load_psd || { fail "insmod #$((n + 1))"; break 2; }
		cat $D/summary > /dev/null || fail "#$((n + 1)): cannot read summary"
		rmmod pmic_sleepdiag || { fail "rmmod #$((n + 1))"; break 2; }
		[ -e $D ] && { fail "#$((n + 1)): $D still exists after rmmod"; break 2; }
		n=$((n + 1))
	done
done
note "load/unload cycles: $n"
'''


def check(run):
    run.expect_eq('completed load/unload cycles', ['load/unload cycles: 20'],
                  run.notes)
