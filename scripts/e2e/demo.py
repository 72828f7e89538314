# SPDX-License-Identifier: GPL-2.0
"""`make demo`: the TPS65910 fixture, pmic_sleepdiag.ko and three
RTC-alarm-woken s2idle cycles on the arm64 QEMU target; show() prints
summary, events and every other readable file of the module, each under a
heading, as one would paste it into a bug report."""

GUEST = r'''
load_tps || fail "tps65910 fixture"
load_psd || fail "insmod pmic_sleepdiag.ko"
for i in 1 2 3; do
	s2idle_cycle || fail "s2idle cycle $i: freeze failed"
done
uname -a > /tmp/kernel; dump /tmp/kernel
dump $D/summary $D/events
find $D -type f -perm -0400 | sort | while read -r f; do
	case $f in $D/summary|$D/events) ;; *) dump "$f" ;; esac
done
'''


def show(run):
    print('pmic_sleepdiag demo: arm64 QEMU virt (GICv3, PL031 RTC), TPS65910 '
          'on i2c-stub,\n3 s2idle cycles each woken by an RTC alarm '
          '(echo +3 > wakealarm; echo freeze > /sys/power/state)\n')
    for path, text in run.dumps:
        name = 'kernel' if path == '/tmp/kernel' else \
            path.replace('/sys/kernel/debug/pmic_sleepdiag/', '')
        print('==== %s ====' % name)
        print(text or '(empty)\n')


def check(run):
    run.summary()
