# SPDX-License-Identifier: GPL-2.0
"""The TPS65910 board model itself (kunit/fixtures/psd_fix_tps_board.c) on
the board kernel, without pmic_sleepdiag: the real tps65910 MFD driver
binds to it with its INT line, rtc-tps65910 then rtc-pl031 load, so
alarmtimer takes the PMIC's RTC and the PL031 is a backup waker.

Register semantics over i2c-dev: the time ticks, GET_TIME reads back 0,
RTC_STATUS and INT_STS are write-1-to-clear.  Then s2idle cycles with the
PMIC alarm at +3 s and the PL031's at +8 s: healthy, the PMIC wakes the
board through INT -> GIC SPI -> regmap-irq -> rtc-tps65910 (the wake IRQ is
the model's SPI, the RTC child counts one interrupt); with each sticky
fault the PMIC alarm does not wake it and the PL031 does, ~8 s in.  Last,
with the adapter suspending in .suspend, a PL031-woken cycle: nothing
transfers while it is suspended."""

from helpers import board_lib

KERNEL = 'board'
NEEDS_MODULE = False
TIMEOUT = 400

FAULTS = ['alarm_masked', 'rtc_stopped', 'rtc_pwdn', 'sleep_mask',
          'stale_alarm']

GUEST = board_lib.SETUP + board_lib.CYCLE + r'''
s1=$(cat $PMIC/since_epoch); sleep 3; s2=$(cat $PMIC/since_epoch)
wreg 0x10 0x41; ctrl=$(reg 0x10)
wreg 0x11 0x40; sts=$(reg 0x11)
echo "what=regs tick=$((s2 - s1)) rtc_ctrl=$ctrl rtc_status=$sts" >> /tmp/board
grep -E 'tps65910|pl031' /proc/interrupts

cycle healthy 3
for f in @FAULTS@; do
	echo $f > $P/faults
	cycle $f 3
	echo > $P/faults
	# what a user would do about it (the drivers do not undo these)
	case $f in
	rtc_stopped) wreg 0x10 0x01 ;;
	rtc_pwdn) wreg 0x3f $(($(reg 0x3f) & ~0x40)) ;;
	stale_alarm) wreg 0x11 0x40 ;;
	esac
done
cycle healthy_again 3
echo suspend > $P/bus_suspend
cycle bus_suspend
echo noirq > $P/bus_suspend
dump /tmp/board /sys/kernel/debug/psd_fix_tps_board/suspended_xfers
grep -E 'tps65910|pl031' /proc/interrupts
'''.replace('@FAULTS@', ' '.join(FAULTS))


def check(run):
    r = run.records('/tmp/board', what='regs')[0]
    run.expect(int(r['tick']) in (2, 3, 4), 'RTC did not tick: %r' % r)
    run.expect_eq('RTC_CTRL after a GET_TIME write', '0x01', r['rtc_ctrl'])
    run.expect_eq('RTC_STATUS after writing ALARM (RUN only)', '0x02',
                  r['rtc_status'])
    pmic_irq, _ = board_lib.irqs(run)
    cyc = board_lib.cycles(run)
    slept = board_lib.slept

    for name in ('healthy', 'healthy_again'):
        c = cyc[name]
        run.expect_eq('%s: woken by the model\'s INT' % name, pmic_irq,
                      c['wake_irq'])
        run.expect(slept(c) < 5, '%s: slept %.2f s' % (name, slept(c)))
        run.expect_eq('%s: RTC child interrupts' % name, '1', c['rtc'])
    for f in FAULTS:
        c = cyc[f]
        run.expect(c['wake_irq'] != pmic_irq,
                   '%s: woken by the PMIC (irq %s)' % (f, pmic_irq))
        run.expect(slept(c) > 6, '%s: slept only %.2f s' % (f, slept(c)))
        run.expect_eq('%s: PL031 interrupts' % f, '1', c['pl031'])
    c = cyc['bus_suspend']
    run.expect_eq('transfers while the adapter was suspended', '0',
                  c['suspended_xfers'])
