# SPDX-License-Identifier: GPL-2.0
"""Shared by the board_* scenarios (KERNEL='board'): bringing up the
TPS65910 board model (kunit/fixtures/psd_fix_tps_board.c) with the real
tps65910 MFD and rtc-tps65910 drivers, and the PL031 as the backup waker.
Not a scenario."""

# Guest shell: the model, then rtc-tps65910 (alarmtimer takes the first
# wake-capable RTC: the PMIC's, as on a real board), then rtc-pl031.  Sets
# P (the model's parameters), PMIC and BAK (the two RTCs' sysfs dirs), BUS
# (the model's i2c bus) and the helpers reg, wreg, cnt, irqof and up.
SETUP = r'''
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
irqof() {	# irqof NAME: the Linux IRQ of the /proc/interrupts line NAME
	awk -v n="$1" '$NF == n { sub(":", "", $1); print $1 }' /proc/interrupts
}
up() { cut -d' ' -f1 /proc/uptime; }
echo "what=pmic_int irq=$(cat $P/irq) hwirq=$(cat $P/hwirq)" \
	"rtc_irq=$(irqof tps65910-rtc)" >> /tmp/board
'''

# Guest shell: cycle LABEL [PMIC_SECONDS]: suspend to idle with the PMIC's
# alarm at +PMIC_SECONDS (none without) and the PL031's at +8 s, then one
# line in /tmp/board: cycle=LABEL, uptime before and after (t0, t1), the
# wake IRQ, interrupts of the PMIC line (parent), its RTC child (rtc) and
# the PL031, the model's INT kicks and transfers while its adapter was
# suspended, and the RTC and interrupt registers after the cycle.
CYCLE = r'''
cycle() {	# cycle LABEL [PMIC_SECONDS]: freeze, the PL031 at +8 s
	# counters first: on a loaded host they take a while, and the PMIC's
	# alarm must not come before the freeze
	p0=$(cnt tps65910); c0=$(cnt tps65910-rtc); b0=$(cnt rtc-pl031)
	x0=$(cat $P/suspended_xfers); k0=$(cat $P/int_kicks)
	echo 0 > $PMIC/wakealarm; echo 0 > $BAK/wakealarm
	[ -n "$2" ] && { echo +$2 > $PMIC/wakealarm || fail "$1: PMIC alarm"; }
	echo +8 > $BAK/wakealarm || fail "$1: PL031 alarm"
	t0=$(up)
	freeze || fail "$1: freeze"
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
'''

def slept(c):
    """Seconds a cycle line of CYCLE spent from freeze to resume."""
    return float(c['t1']) - float(c['t0'])


def cycles(run):
    """The cycle lines of CYCLE, by label."""
    return {x['cycle']: x for x in run.records('/tmp/board') if 'cycle' in x}


def irqs(run):
    """The model's INT line (the PMIC's parent IRQ) and the RTC alarm
    child's Linux IRQ, as the guest saw them."""
    r = run.records('/tmp/board', what='pmic_int')[0]
    return r['irq'], r['rtc_irq']


# A misconfigured board (board_alarm_masked, board_rtc_stopped, ...): the
# model's sticky fault, a CLOCK_BOOTTIME_ALARM timerfd 4 s ahead that
# alarmtimer programs into the PMIC's RTC, and the PL031 at +8 s as the
# backup waker.  The console shows which RTC woke the board, and when.
MISCONFIG = r'''
load_psd || fail "insmod pmic_sleepdiag.ko"
%(hrt_quiet)s
[ "$PMIC" = /sys/class/rtc/rtc0 ] || fail "the PMIC's RTC is not rtc0"
echo %(fault)s > $P/faults || fail "faults=%(fault)s"
p0=$(cnt tps65910); c0=$(cnt tps65910-rtc); b0=$(cnt rtc-pl031)
x0=$(cat $P/suspended_xfers)
echo 0 > $BAK/wakealarm; echo +8 > $BAK/wakealarm
t0=$(up)
alarm_cycle 4 /tmp/aw1
t1=$(up)
echo 0 > $BAK/wakealarm
echo > $P/faults
sleep 1		# a PMIC alarm held back arrives after the resume
w=$(cat /sys/power/pm_wakeup_irq)
case $w in
$(irqof rtc-pl031)) by="the PL031 (backup waker)" ;;
$(cat $P/irq)) by="the PMIC's RTC (INT)" ;;
*) by="irq $w" ;;
esac
note "%(fault)s: PMIC alarm due 4 s in; woken by $by after" \
	"$(awk -v a=$t0 -v b=$t1 'BEGIN { printf "%%.1f", b - a }') s"
echo "what=misconfig t0=$t0 t1=$t1 wake_irq=$w" \
	"pl031_irq=$(irqof rtc-pl031) pmic_irq=$(cat $P/irq)" \
	"parent=$(($(cnt tps65910) - p0)) rtc=$(($(cnt tps65910-rtc) - c0))" \
	"pl031=$(($(cnt rtc-pl031) - b0))" \
	"suspended_xfers=$(($(cat $P/suspended_xfers) - x0))" >> /tmp/board
%(settle)s
dump /tmp/board /tmp/aw1 $D/summary $D/events $D/pmic/snapshots \
	$D/alarm/history
'''


def misconfig(fault, lint_rule, verdict):
    """GUEST and check() of the scenario of one sticky fault of the model:
    the PMIC's alarm does not wake the board in time, the PL031 does, and
    the cycle's verdict is the PMIC rule (verdict) naming lint_rule and the
    alarm's measured lateness."""
    from helpers import alarmprog, report_lib

    guest = SETUP + alarmprog.guest_install() + alarmprog.GUEST_LIB + \
        MISCONFIG % {'fault': fault, 'hrt_quiet': report_lib.HRT_QUIET,
                     'settle': report_lib.SETTLE}

    def check(run):
        m = run.records('/tmp/board', what='misconfig')[0]
        run.expect_eq('%s: woken by the PL031 (wake IRQ)' % fault,
                      m['pl031_irq'], m['wake_irq'])
        run.expect_eq('%s: PL031 interrupts' % fault, '1', m['pl031'])
        run.expect(float(m['t1']) - float(m['t0']) > 6,
                   '%s: slept only %s..%s s' % (fault, m['t0'], m['t1']))
        run.expect_eq('%s: transfers while the adapter was suspended'
                      % fault, '0', m['suspended_xfers'])
        c = report_lib.last(run, verdict, n=1)
        report_lib.resumed(run, c, wake='rtc-pl031')
        al = c.one('alarm')
        late = int(al['late_ms'])
        run.expect(late > 2000, '%s: alarm late by only %d ms' %
                   (fault, late))
        c.detail_has(lint_rule, 'late by %d ms' % late)
    return guest, check
