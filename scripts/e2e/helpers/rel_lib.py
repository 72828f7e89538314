# SPDX-License-Identifier: GPL-2.0
"""Shared by the rel_*.py reliability campaigns (issue #9): guest C
helpers built against the kernel's nolibc (the guest has busybox only, no
libc) and shipped like alarmwait (base64 in a here-document), guest shell
snippets for background load and memory accounting, and host-side
parsers."""
import os
import re
import subprocess

from harness.config import CACHE, ROOT
from harness.judge import is_splat
from helpers import guestbin

NOLIBC = os.path.join(CACHE, 'linux-source-6.12', 'tools', 'include',
                      'nolibc')
CFLAGS = ['-static', '-nostdlib', '-ffreestanding', '-fno-stack-protector',
          '-fno-asynchronous-unwind-tables', '-Os', '-s', '-Wall', '-Werror',
          '-Wl,-z,max-page-size=4096']


def install(*names):
    """Guest shell lines that write /bin/NAME for each helper, NAME.c
    built with nolibc."""
    if not os.path.isdir(NOLIBC):       # the runner extracts it; be sure
        subprocess.run(['sh', '-c', '. "%s"; psd_src_tree' %
                        os.path.join(ROOT, 'scripts', 'cache.sh')],
                       check=True)
    return ''.join(guestbin.install(n, guestbin.build(
        n + '.c', CFLAGS + ['-include', os.path.join(NOLIBC, 'nolibc.h'),
                            '-I', NOLIBC], ['-lgcc'])) for n in names)


# Guest shell helpers for the campaigns.
#   bg_readers NAME       read every debugfs file in a loop until /tmp/stop
#                         exists; /tmp/NAME.ok /tmp/NAME.err count the reads
#   bg_wakelock NAME      take and drop /sys/power/wake_lock in a loop
#   bg_cycles NAME SECS   RTC-woken s2idle cycles in a loop (ok/fail counts)
#   bg_stop               ask every bg_* loop to stop and wait for them
#   bg_watchdog FILE      every 30 s, if FILE did not change, print the
#                         state, wchan and kernel stack of every task in D
#                         state or running insmod/rmmod (a hang shows where)
#   mod_mem LABEL         /tmp/vmalloc_LABEL: /proc/vmallocinfo areas and
#                         bytes per caller (the module allocates through
#                         vcalloc/kvmalloc, so the caller is the mm helper:
#                         the module's share is what insmod added), minus
#                         thread stacks and areas awaiting a lazy purge;
#                         /tmp/mem_LABEL: their totals plus /proc/meminfo's
#                         Slab, SUnreclaim, VmallocUsed, Percpu, MemFree
#                         (system-wide, for context)
#   kmem_trace_start      (needs reltimer) record kmem:kmalloc/kfree events
#                         whose call site
#                         lies in the module's text (filter by address range
#                         from /proc/kallsyms; attribution is checked again on
#                         the host by the [pmic_sleepdiag] in call_site)
#   kmem_trace_stop FILE  stop and save the trace text to FILE
GUEST_LIB = r'''
BG_PIDS=""
rm -f /tmp/stop
bg_readers() {
	( ok=0; err=0
	  while [ ! -e /tmp/stop ]; do
		for f in $(find $D -type f -perm -0400 2>/dev/null); do
			if cat "$f" > /dev/null 2>&1; then ok=$((ok + 1)); else err=$((err + 1)); fi
		done
		[ -d $D ] || { err=$((err + 1)); usleep 20000; }
		echo $ok > /tmp/$1.ok; echo $err > /tmp/$1.err
	  done ) &
	BG_PIDS="$BG_PIDS $!"
}
bg_wakelock() {
	( n=0
	  while [ ! -e /tmp/stop ]; do
		echo "$1" > /sys/power/wake_lock
		usleep 2000
		echo "$1" > /sys/power/wake_unlock
		n=$((n + 1)); echo $n > /tmp/$1.n
		usleep 5000
	  done ) &
	BG_PIDS="$BG_PIDS $!"
}
bg_cycles() {
	( ok=0; bad=0
	  while [ ! -e /tmp/stop ]; do
		if s2idle_cycle "$2" 2>/dev/null; then ok=$((ok + 1)); else bad=$((bad + 1)); fi
		sleep 1         # awake for a while: the others get their turn
		echo $ok > /tmp/$1.ok; echo $bad > /tmp/$1.bad
	  done ) &
	BG_PIDS="$BG_PIDS $!"
}
bg_watchdog() {
	( last=""
	  while [ ! -e /tmp/stop ]; do
		sleep 30
		cur=$(cat "$1" 2>/dev/null)
		if [ "$cur" = "$last" ]; then
			echo "watchdog: no progress in 30 s ($1: $cur)"
			for p in /proc/[0-9]*; do
				st=$(cut -d' ' -f2,3 $p/stat 2>/dev/null)
				case "$st" in
				*" D"|*rmmod*|*insmod*|*"(sh) R"*)
					echo "watchdog: $p $st wchan=$(cat $p/wchan 2>/dev/null)"
					cat $p/stack 2>/dev/null;;
				esac
			done
		fi
		last=$cur
	  done ) &
	BG_PIDS="$BG_PIDS $!"
}
# $1 s2idle cycles, 0.7 s awake after each so the background fault loop
# gets its turn, with every debugfs file read meanwhile (/tmp/rd.ok); ok=
# counts the cycles that resumed.  Stops the background loops.
fault_cycles() {
	bg_readers rd
	ok=0; i=0
	while [ $i -lt $1 ]; do
		i=$((i + 1))
		progress "cycle $i/$1"
		s2idle_cycle 2 && ok=$((ok + 1))
		usleep 700000
	done
	bg_stop
}
bg_stop() {
	touch /tmp/stop
	for p in $BG_PIDS; do wait $p; done
	BG_PIDS=""
	rm -f /tmp/stop
}
mod_mem() {
	# vmalloc areas grouped by the caller that made them, but thread stacks
	# (processes come and go) and lazily freed areas not yet purged.
	grep -v -e alloc_thread_stack -e unpurged -e vm_map_ram /proc/vmallocinfo |
		awk '{ n[$3]++; b[$3] += $2 } END { for (c in n) print "caller=" c, "areas=" n[c], "bytes=" b[c] }' |
		sort > /tmp/vmalloc_$1
	awk '{ split($2, a, "="); split($3, c, "="); n += a[2]; s += c[2] }
	     END { printf "vmalloc_areas=%d vmalloc_bytes=%d", n, s }' /tmp/vmalloc_$1 > /tmp/mem_$1
	awk '/^(Slab|SUnreclaim|VmallocUsed|Percpu|MemFree):/ { printf " %s=%d", $1, $2 }' \
		/proc/meminfo | tr -d ':' >> /tmp/mem_$1
	echo >> /tmp/mem_$1
	dump /tmp/mem_$1 /tmp/vmalloc_$1
}
T=/sys/kernel/tracing
kmem_trace_start() {
	set -- $(awk '$2 ~ /^[tT]$/ && $4 == "[pmic_sleepdiag]" { print $1 }' /proc/kallsyms | sort | sed -n '1p;$p')
	[ -n "$2" ] || { fail "no pmic_sleepdiag text symbols in /proc/kallsyms"; return 1; }
	echo 0 > $T/tracing_on; echo > $T/trace
	echo 8192 > $T/buffer_size_kb
	flt="call_site >= 0x$1 && call_site < $(reltimer hexadd $2 65536)"
	for e in kmalloc kfree kmem_cache_alloc kmem_cache_free; do
		echo "$flt" > $T/events/kmem/$e/filter || fail "kmem/$e filter"
		echo 1 > $T/events/kmem/$e/enable || fail "kmem/$e enable"
	done
	echo 1 > $T/tracing_on
}
kmem_trace_stop() {
	echo 0 > $T/tracing_on
	for e in kmalloc kfree kmem_cache_alloc kmem_cache_free; do
		echo 0 > $T/events/kmem/$e/enable; echo 0 > $T/events/kmem/$e/filter
	done
	cat $T/per_cpu/cpu*/stats | awk '/^overrun:/ { s += $2 } END { printf "overrun=%d ", s }' > $1
	# Pair allocations with frees by (hashed) pointer; what stays unpaired
	# was allocated by module code in the window and is still held.
	: > $1.live
	awk -v live=$1.live '/\[pmic_sleepdiag\]/ {
		if (!match($0, / (kmalloc|kmem_cache_alloc|kfree|kmem_cache_free): /)) next
		ev = substr($0, RSTART + 1, RLENGTH - 3)
		if (!match($0, /ptr=[^ ]+/)) next
		p = substr($0, RSTART + 4, RLENGTH - 4)
		if (ev ~ /alloc/) { a++; held[p] = $0; next }
		if (p == "0000000000000000" || p == "(null)") next
		f++
		if (p in held) delete held[p]; else x++
	} END {
		n = 0; b = 0
		for (p in held) {
			n++; print held[p] > live
			if (match(held[p], /bytes_alloc=[0-9]+/)) b += substr(held[p], RSTART + 12, RLENGTH - 12)
		}
		printf "allocs=%d frees=%d foreign_frees=%d live=%d live_bytes=%d\n", a, f, x, n, b
	}' $T/trace >> $1
	echo > $T/trace
	dump $1 $1.live
}
'''

def mem(run, label):
    """/tmp/mem_LABEL as a dict of ints."""
    return {k: int(v) for k, v in
            run.parse_kv(run.file('/tmp/mem_' + label))[0].items()}


def kmem(run, path='/tmp/kmem'):
    """kmem_trace_stop's counts as ints; fails when the trace buffer
    overran (the pairing would then be a guess)."""
    k = {a: int(b) for a, b in run.kv(run.file(path)).items()}
    run.expect_eq('kmem trace buffer overruns', 0, k.get('overrun'))
    return k


def no_splat(run):
    """Splat lines on the console, as the runner counts them (it fails the
    scenario on any): returned for the figures."""
    return sum(1 for line in run.lines if is_splat(line))


def all_on(run, s, when='', but=()):
    """Every component the module lists in summary s (component.NAME:
    lines), but those named, is on."""
    comps = [k for k in s if k.startswith('component.')]
    run.expect(comps, 'summary has no component.* line')
    for c in comps:
        if c[len('component.'):] not in but:
            run.expect_eq(' '.join(filter(None, (c, when))), 'on', s[c])


def summary_counts(run, path='summary'):
    s = run.summary(path)
    return {k: int(s[k]) for k in ('cycles', 'anomalies', 'events_dropped',
                                   'anomalies_dropped', 'ws_overflow',
                                   'ws_untracked_deactivations', 'events')
            if k in s and re.fullmatch(r'\d+', s[k])}


def check_ring(run, what, lines, total, dropped, capacity):
    """A ring file read after the writers stopped: the seq= of its lines
    are contiguous, the first one is the number dropped (no reset), and
    dropped = total generated - capacity when it overflowed.  Returns the
    (first, last) seq seen."""
    seqs = [int(r['seq']) for r in lines]
    run.expect(seqs, '%s: empty' % what)
    run.expect_eq('%s: seq= contiguous' % what,
                  list(range(seqs[0], seqs[0] + len(seqs))), seqs)
    run.expect_eq('%s: first seq = dropped count' % what, dropped, seqs[0])
    run.expect_eq('%s: lines = total - dropped' % what, total - dropped,
                  len(seqs))
    run.expect_eq('%s: dropped = max(0, generated - capacity)' % what,
                  max(0, seqs[-1] + 1 - capacity), dropped)
    return seqs[0], seqs[-1]


# ---- the soak (rel_soak.py, rel_soak_short.py) --------------------------------

SOAK_GUEST = r'''
load_tps regs=0x10:0x01 || fail "tps65910 fixture"
mod_mem base
load_psd events=@EVENTS@ || fail "insmod pmic_sleepdiag.ko"
mod_mem loaded
UART=$(awk '/uart-pl011/ { sub(":", "", $1); print $1; exit }' /proc/interrupts)
echo watch_irq $UART > $D/control || fail "watch_irq $UART"
echo set probe_period_us 1000 > $D/control || fail "probe timer on"
echo $UART > /tmp/uart_irq; cp $D/summary /tmp/summary_start
dump /tmp/uart_irq /tmp/summary_start
bg_load() {                     # bg_load N: hrtimer traffic and readers
	reltimer load /tmp/tl$1.n & BG_PIDS="$BG_PIDS $!"
	bg_readers rd$1
}
bg_load 1
S0=$(cat /sys/power/suspend_stats/success)
ok=0; bad=0; i=0; t0=$(cut -d. -f1 /proc/uptime)
while [ $i -lt @CYCLES@ ]; do
	i=$((i + 1))
	if s2idle_cycle 2; then ok=$((ok + 1)); else bad=$((bad + 1)); sleep 1; fi
	usleep 300000           # awake for a while: the readers get their turn
	progress "$i/@CYCLES@ cycles, $bad failed"
	if [ $i = @FIRST@ ]; then
		# Quiet point: no reader holds a transient buffer while measuring.
		bg_stop
		mod_mem first
		cp $D/summary /tmp/summary_first; dump /tmp/summary_first
		kmem_trace_start
		bg_load 2
	fi
done
t1=$(cut -d. -f1 /proc/uptime)
bg_stop
echo set probe_period_us 0 > $D/control || fail "probe timer off"
settle                  # the last cycle's HRTIMER_LATE comes as its window closes
mod_mem last
kmem_trace_stop /tmp/kmem
S1=$(cat /sys/power/suspend_stats/success)
echo "tried=@CYCLES@ ok=$ok failed=$bad suspend_success=$((S1 - S0)) seconds=$((t1 - t0)) \
reads_ok=$(($(cat /tmp/rd1.ok) + $(cat /tmp/rd2.ok))) reads_err=$(($(cat /tmp/rd1.err) + $(cat /tmp/rd2.err))) \
timer_sleeps=$(($(cat /tmp/tl1.n) + $(cat /tmp/tl2.n)))" > /tmp/soak
dump /tmp/soak
cp $D/summary /tmp/sum_a; cp $D/events /tmp/events; cp $D/anomalies /tmp/anomalies
cp $D/summary /tmp/sum_b
dump /tmp/sum_a /tmp/sum_b /tmp/events /tmp/anomalies $D/hrtimer/latency \
	$D/irq/pending $D/wakeup/sources $D/pmic/lint
dump_report
rmmod pmic_sleepdiag || fail "rmmod"
'''

# The anomaly log's size is fixed in the module (PSD_ANOMALY_CAPACITY in
# anomaly.c) and shown nowhere, unlike the events ring's (summary events:).
ANOMALY_CAPACITY = 512
# Events every resumed cycle logs at least: 9 phases started and ended,
# the cycle_end and its wake IRQ.
EVENTS_PER_CYCLE = 20


def soak_guest(cycles, first, events):
    return (install('reltimer') + GUEST_LIB + SOAK_GUEST
            .replace('@CYCLES@', str(cycles)).replace('@FIRST@', str(first))
            .replace('@EVENTS@', str(events)))


def soak_check(run, cycles, first, events):
    s = {k: int(v) for k, v in run.kv(run.file('/tmp/soak')).items()}
    a, b = run.summary('/tmp/sum_a'), run.summary('/tmp/sum_b')
    for key in ('events_dropped', 'anomalies', 'cycles'):
        run.expect_eq('summary %s before and after reading events and '
                      'anomalies (no activity left)' % key, a.get(key),
                      b.get(key))
    all_on(run, a, 'after the soak')
    run.expect_eq('cycles that failed', 0, s['failed'])
    run.expect_eq('summary cycles', str(cycles), a.get('cycles'))
    run.expect_eq('suspend_stats success delta', cycles, s['suspend_success'])
    run.expect(s['reads_ok'] > 0 and s['reads_err'] == 0,
               'debugfs reads: ok=%d err=%d' % (s['reads_ok'], s['reads_err']))
    run.expect(s['timer_sleeps'] > 0, 'no timer traffic')

    # The event timeline: what was generated = what is kept + dropped.
    ev = run.parse_kv(run.file('/tmp/events'))
    dropped = int(a['events_dropped'])
    run.expect_eq('summary events (capacity, events= at load)', str(events),
                  a.get('events'))
    first_seq, last_seq = check_ring(run, 'events', ev, dropped + len(ev),
                                     dropped, int(a['events']))
    run.expect(last_seq + 1 >= EVENTS_PER_CYCLE * cycles,
               'events generated %d < %d per cycle x %d cycles' %
               (last_seq + 1, EVENTS_PER_CYCLE, cycles))
    ends = [int(e['cycle']) for e in ev if e.get('type') == 'cycle_end']
    run.expect(ends and ends[-1] == cycles, 'last cycle_end is cycle %s, '
               'expected %d' % (ends[-1] if ends else None, cycles))
    run.expect_eq('kept cycle_end lines are consecutive cycles',
                  list(range(ends[0], cycles + 1)), ends)
    run.expect(all(e.get('result') == 'resumed' for e in ev
                   if e.get('type') == 'cycle_end'), 'a cycle not resumed')
    an = run.parse_kv(run.file('/tmp/anomalies'))
    atotal, adropped = int(a['anomalies']), int(a['anomalies_dropped'])
    if an or atotal:
        check_ring(run, 'anomalies', an, atotal, adropped, ANOMALY_CAPACITY)

    # hrtimer probe ran; the watched UART is still watched.
    lat = run.parse_kv(run.file('hrtimer/latency'))
    probe = [r for r in lat if r.get('window') == 'probe' and 'cpu' not in r
             and 'lo_ns' not in r]
    run.expect(probe and int(probe[0]['count']) > 0, 'no probe expiries')
    uart = run.file('/tmp/uart_irq').strip()
    run.expect(any(r.get('irq') == uart for r in
                   run.parse_kv(run.file('irq/pending'))),
               'UART IRQ %s no longer watched' % uart)

    # Memory: what the module owns after the soak = after the first cycles.
    m = {x: mem(run, x) for x in ('base', 'loaded', 'first', 'last')}
    own = m['loaded']['vmalloc_bytes'] - m['base']['vmalloc_bytes']
    run.expect(own > 0, 'insmod added no vmalloc area (%r)' % m)
    v0, v1 = (run.file('/tmp/vmalloc_' + x) for x in ('first', 'last'))
    gone = sorted(set(v0.splitlines()) - set(v1.splitlines()))
    new = sorted(set(v1.splitlines()) - set(v0.splitlines()))
    run.expect(not gone and not new, 'vmalloc areas by caller changed '
               'between cycle %d and cycle %d: before %s, after %s' %
               (first, cycles, gone, new))
    k = kmem(run)
    run.expect_eq('slab objects allocated by module code and still held '
                  '(%s)' % run.file('/tmp/kmem.live').strip()[:300],
                  0, k['live'])
    return {
        'cycles': cycles, 'seconds': s['seconds'], 'reads': s['reads_ok'],
        'timer_sleeps': s['timer_sleeps'],
        'events_generated': last_seq + 1, 'events_dropped': dropped,
        'events_capacity': events, 'anomalies': atotal,
        'anomalies_dropped': adropped,
        'probe_expiries': int(probe[0]['count']),
        'module_vmalloc_bytes': own,
        'vmalloc_bytes': '%d->%d' % (m['first']['vmalloc_bytes'],
                                     m['last']['vmalloc_bytes']),
        'module_kmallocs': k['allocs'], 'module_kfrees': k['frees'],
        'module_slab_live': k['live'],
        'meminfo_slab_kb': '%d->%d' % (m['first']['Slab'],
                                       m['last']['Slab']),
        'meminfo_percpu_kb': '%d->%d' % (m['first']['Percpu'],
                                         m['last']['Percpu']),
        'splats': no_splat(run)}


def soak_checker(name, cycles, first, events):
    """The check() of a soak scenario: soak_check(), its figures under
    NAME."""
    return lambda run: figures(run, name,
                               soak_check(run, cycles, first, events))


def figures(run, name, d):
    """Print the campaign's figures (the runner shows stdout) and keep them
    in run.notes, for the lead to quote."""
    line = '%s figures: %s' % (name, ' '.join('%s=%s' % kv for kv in
                                             d.items()))
    print('  ' + line, flush=True)
    run.notes.append(line)
