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

KERNEL = 'board'
NEEDS_MODULE = False
TIMEOUT = 400

FAULTS = ['alarm_masked', 'rtc_stopped', 'rtc_pwdn', 'sleep_mask',
          'stale_alarm']

GUEST = r'''
P=/sys/module/psd_fix_tps_board/parameters
insmod $M/psd_fix_tps_board.ko || fail "board model"
insmod $M/rtc-tps65910.ko || fail "rtc-tps65910"
insmod $M/rtc-pl031.ko || fail "rtc-pl031"
for r in /sys/class/rtc/rtc*; do
	case $(cat $r/name) in
	*tps65910*) PMIC=$r ;;
	*pl031*) BAK=$r ;;
	esac
	note "${r##*/}: $(cat $r/name), wakeup=$(cat $r/device/power/wakeup)"
done
[ -n "$PMIC" ] && [ -n "$BAK" ] || fail "no PMIC or no PL031 RTC"
ls -d $PMIC/alarmtimer* > /dev/null 2>&1 ||
	fail "alarmtimer did not take the PMIC's RTC"
BUS=$(grep -l "psd tps board" /sys/bus/i2c/devices/i2c-*/name)
BUS=${BUS%/name}; BUS=${BUS##*/i2c-}
reg() { i2cget -f -y $BUS 0x2d $1; }
wreg() { i2cset -f -y $BUS 0x2d $1 $2; }
cnt() {		# cnt NAME: interrupts of the /proc/interrupts line named NAME
	awk -v n="$1" '$NF == n { s = 0
		for (i = 2; i <= NF && $i ~ /^[0-9]+$/; i++) s += $i
		print s }' /proc/interrupts
}
up() { cut -d' ' -f1 /proc/uptime; }

s1=$(cat $PMIC/since_epoch); sleep 3; s2=$(cat $PMIC/since_epoch)
wreg 0x10 0x41; ctrl=$(reg 0x10)
wreg 0x11 0x40; sts=$(reg 0x11)
echo "what=regs tick=$((s2 - s1)) rtc_ctrl=$ctrl rtc_status=$sts" >> /tmp/board
echo "what=pmic_int irq=$(cat $P/irq) hwirq=$(cat $P/hwirq)" >> /tmp/board
grep -E 'tps65910|pl031' /proc/interrupts

cycle() {	# cycle LABEL [PMIC_SECONDS]: freeze, the PL031 at +8 s
	echo 0 > $PMIC/wakealarm; echo 0 > $BAK/wakealarm
	[ -n "$2" ] && { echo +$2 > $PMIC/wakealarm || fail "$1: PMIC alarm"; }
	echo +8 > $BAK/wakealarm || fail "$1: PL031 alarm"
	p0=$(cnt tps65910); c0=$(cnt tps65910-rtc); b0=$(cnt rtc-pl031)
	x0=$(cat $P/suspended_xfers); k0=$(cat $P/int_kicks)
	t0=$(up)
	echo freeze > /sys/power/state || fail "$1: freeze"
	t1=$(up)
	sleep 1		# threaded handlers, late deliveries
	echo "cycle=$1 t0=$t0 t1=$t1 wake_irq=$(cat /sys/power/pm_wakeup_irq)" \
		"parent=$(($(cnt tps65910) - p0)) rtc=$(($(cnt tps65910-rtc) - c0))" \
		"pl031=$(($(cnt rtc-pl031) - b0)) kicks=$(($(cat $P/int_kicks) - k0))" \
		"suspended_xfers=$(($(cat $P/suspended_xfers) - x0))" \
		"rtc_status=$(reg 0x11) int_sts=$(reg 0x50) int_msk=$(reg 0x51)" \
		"rtc_ctrl=$(reg 0x10) rtc_int=$(reg 0x12) devctrl=$(reg 0x3f)" \
		>> /tmp/board
	tail -1 /tmp/board
	echo 0 > $BAK/wakealarm
}

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
    regs = run.records('/tmp/board')
    r = run.records('/tmp/board', what='regs')[0]
    run.expect(int(r['tick']) in (2, 3, 4), 'RTC did not tick: %r' % r)
    run.expect_eq('RTC_CTRL after a GET_TIME write', '0x01', r['rtc_ctrl'])
    run.expect_eq('RTC_STATUS after writing ALARM (RUN only)', '0x02',
                  r['rtc_status'])
    pmic_irq = run.records('/tmp/board', what='pmic_int')[0]['irq']
    cyc = {x['cycle']: x for x in regs if 'cycle' in x}

    def slept(c):
        return float(c['t1']) - float(c['t0'])

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
