# SPDX-License-Identifier: GPL-2.0
"""hrtimer latency around s2idle: after RTC-woken cycles the post_resume
window is populated; with hrtimer_late_us=1 HRTIMER_LATE lines appear, at
most one per window per cycle, each with count= and max_ns=; after reset
with hrtimer_late_us=10000000 (10 s) the same workload raises none.
Percentile ordering holds on every latency line."""

GUEST = r'''
load_psd || fail "insmod pmic_sleepdiag.ko"
L=$D/hrtimer/latency
spin() { i=0; while [ $i -lt 50 ]; do usleep 200; i=$((i + 1)); done; }
echo "set hrtimer_late_us 1" > $D/control || fail "set hrtimer_late_us 1"
for c in 1 2; do
	s2idle_cycle || fail "s2idle cycle $c"
	spin
done
settle
dump $L $D/anomalies $D/summary
echo "set hrtimer_late_us 10000000" > $D/control || fail "set high"
echo reset > $D/control || fail "reset"
for c in 3 4; do
	s2idle_cycle || fail "s2idle cycle $c"
	spin
done
settle
dump $L $D/anomalies
dump_report
rmmod pmic_sleepdiag || fail "rmmod"
'''


def dumps(run, path):
    """Every dump of a debugfs file of ours, in order."""
    return [t for p, t in run.dumps if p.endswith('/pmic_sleepdiag/' + path)]


def windows(run, text):
    out = {}
    for r in run.parse_kv(text):
        if 'lo_ns' in r:
            continue
        vals = [int(r[k]) for k in ('min_ns', 'p50_ns', 'p90_ns', 'p99_ns',
                                    'p999_ns', 'max_ns')]
        run.expect(vals == sorted(vals),
                   'min <= p50 <= p90 <= p99 <= p999 <= max broken: %r' % r)
        if 'cpu' not in r:
            out[r['window']] = r
    return out


def check(run):
    lat = dumps(run, 'hrtimer/latency')
    an = dumps(run, 'anomalies')
    run.expect_eq('dumps of hrtimer/latency and anomalies', (2, 2),
                  (len(lat), len(an)))
    run.expect_eq('summary cycles', '2', run.summary().get('cycles'))

    w = windows(run, lat[0])
    run.expect(int(w['post_resume']['count']) > 0,
               'post_resume window empty after 2 s2idle cycles: %r' %
               w['post_resume'])
    late = [r for r in run.parse_kv(an[0]) if r.get('class') == 'HRTIMER_LATE']
    run.expect(late, 'no HRTIMER_LATE with hrtimer_late_us=1')
    seen = set()
    for r in late:
        run.expect_keys('HRTIMER_LATE', r, ['cycle', 'window', 'count',
                                            'max_ns', 'suspended'])
        key = (r['cycle'], r['window'])
        run.expect(key not in seen, 'HRTIMER_LATE twice for cycle %s window '
                   '%s' % key)
        seen.add(key)
        run.expect(int(r['count']) > 0 and int(r['max_ns']) > 1000,
                   'HRTIMER_LATE without a late expiry: %r' % r)
    post = sorted(c for c, win in seen if win == 'post_resume')
    run.expect_eq('cycles with a post_resume HRTIMER_LATE', ['1', '2'], post)

    w = windows(run, lat[1])
    run.expect(int(w['post_resume']['count']) > 0,
               'post_resume window empty after cycles 3 and 4')
    late = [r for r in run.parse_kv(an[1]) if r.get('class') == 'HRTIMER_LATE']
    run.expect_eq('HRTIMER_LATE with hrtimer_late_us=10000000', [], late)
