# SPDX-License-Identifier: GPL-2.0
"""The test fixtures themselves work, without pmic_sleepdiag.ko: the
TPS65910 binds to the real driver with preloaded registers and gets its
phase_write applied (and restored) across an s2idle cycle; the stuck IRQ
stays pending across a cycle and can be cleared; the wakeup source reports
a soft event (suspend goes on) and a hard one (suspend aborts).  Also the kernel fact the aborted scenario
relies on: reading /sys/power/wakeup_count blocks while a source is active."""

NEEDS_MODULE = False

GUEST = r'''
echo probe > /sys/power/wake_lock
timeout 3 cat /sys/power/wakeup_count > /dev/null; echo $? > /tmp/wc_rc
echo probe > /sys/power/wake_unlock
dump /tmp/wc_rc
load_tps regs=0x3f:0x14,0x3e:0x08 phase_write=0x3f:0x15 phase_restore=1 || fail "tps65910 fixture"
dump /sys/bus/i2c/devices/0-002d/name
readlink /sys/bus/i2c/devices/0-002d/driver > /tmp/drv; dump /tmp/drv
insmod $M/psd_fix_irqstuck.ko wake=1 || fail "irqstuck fixture"
P=/sys/module/psd_fix_irqstuck/parameters
dump $P/irq $P/hwirq $P/pending /sys/kernel/debug/irq/irqs/$(cat $P/irq)
insmod $M/psd_fix_wakesrc.ko mode=event || fail "wakesrc fixture"
dump /sys/kernel/debug/regmap/0-002d/registers
s2idle_cycle || fail "s2idle cycle with a soft event failed"
cp $P/pending /tmp/pending_after; dump /tmp/pending_after
dump /sys/module/psd_fix_tps65910/parameters/phase_writes /sys/power/suspend_stats/success
echo hard > /sys/module/psd_fix_wakesrc/parameters/mode
s2idle_cycle && fail "s2idle cycle with a hard event did not abort"
dump /sys/power/suspend_stats/last_failed_step /sys/power/suspend_stats/fail
dump /sys/module/psd_fix_wakesrc/parameters/events_reported
echo none > /sys/module/psd_fix_wakesrc/parameters/mode
echo 0 > $P/pending; cp $P/pending /tmp/pending_cleared; dump /tmp/pending_cleared
dump /sys/kernel/debug/regmap/0-002d/registers
grep psd_fix_wakesrc /sys/kernel/debug/wakeup_sources > /tmp/ws; dump /tmp/ws
must rmmod psd_fix_wakesrc
must rmmod psd_fix_irqstuck
must rmmod psd_fix_tps65910
insmod $M/psd_fix_tps65910.ko chip=tps65911 || fail "tps65911 fixture"
cp /sys/bus/i2c/devices/0-002d/name /tmp/name2; dump /tmp/name2
must rmmod psd_fix_tps65910
must rmmod i2c-stub
insmod $M/psd_fix_irqstuck.ko index=0 || fail "irqstuck index=0"
cp $P/pending /tmp/pending0; dump /tmp/pending0
must rmmod psd_fix_irqstuck
[ -e /sys/bus/i2c/devices/0-002d ] && fail "0-002d left behind"
true
'''


def check(run):
    f = lambda p: run.file(p).strip()
    run.expect_eq('exit status of a wakeup_count read killed by timeout '
                  '(143: it blocked)', '143', f('/tmp/wc_rc'))
    run.expect_eq('i2c client name', 'tps65910',
                  f('/sys/bus/i2c/devices/0-002d/name'))
    run.expect_eq('second i2c client name', 'tps65911', f('/tmp/name2'))
    run.expect_eq('pending with index=0, wake=0', '1', f('/tmp/pending0'))
    run.expect_match('i2c client driver', r'.*/tps65910', f('/tmp/drv'))
    fix = lambda name: run.param('psd_fix_irqstuck', name)
    run.expect_eq('pending after load', '1', fix('pending'))
    run.expect_eq('pending after an s2idle cycle', '1', f('/tmp/pending_after'))
    run.expect_eq('pending after writing 0', '0', f('/tmp/pending_cleared'))
    irq = fix('irq')
    dbg = run.file('/sys/kernel/debug/irq/irqs/' + irq)
    run.expect_match('irq debugfs hwirq', r'(?s).*hwirq:\s+0x%x\b.*'
                     % int(fix('hwirq')), dbg)
    regs = [t for p, t in run.dumps if p.endswith('0-002d/registers')]
    run.expect_eq('regmap dumps', 2, len(regs))
    run.expect_match('preloaded DEVCTRL', r'(?ms).*^3e: 08\n3f: 14$.*', regs[0])
    run.expect_match('DEVCTRL restored after resume', r'(?ms).*^3f: 14$.*',
                     regs[1])
    run.expect_eq('phase_writes after one cycle', '1',
                  run.param('psd_fix_tps65910', 'phase_writes'))
    run.expect_eq('wakesrc events after soft + hard', '2',
                  run.param('psd_fix_wakesrc', 'events_reported'))
    run.expect_eq('suspend_stats/success', '1',
                  f('/sys/power/suspend_stats/success'))
    run.expect_eq('last_failed_step after a hard event', 'suspend',
                  f('/sys/power/suspend_stats/last_failed_step'))
    run.expect_match('wakeup_sources line', r'psd_fix_wakesrc\s+\d+\s+2\b.*',
                     f('/tmp/ws'))
