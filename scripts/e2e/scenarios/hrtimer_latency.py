# SPDX-License-Identifier: GPL-2.0
"""hrtimer/latency under a timer workload: the `all` count grows with 200
nanosleeps; with probe_period_us set the `probe` window appears and fills
(count grows; no rate asserted on TCG); min <= p50 <= p90 <= p99 <= p999 <=
max on every line; histogram rows add up to their window's count; `reset`
clears the histograms and stopping the probe removes its window."""

GUEST = r'''
load_psd || fail "insmod pmic_sleepdiag.ko"
L=$D/hrtimer/latency
dump $L
i=0; while [ $i -lt 200 ]; do usleep 500; i=$((i + 1)); done
dump $L
echo "set probe_period_us 1000" > $D/control || fail "set probe_period_us"
sleep 1
dump $L
sleep 1
dump $L
echo "set probe_period_us 0" > $D/control || fail "probe off"
echo reset > $D/control || fail "reset"
dump $L $D/summary
dump_report
rmmod pmic_sleepdiag || fail "rmmod"
'''

PCT = ['min_ns', 'p50_ns', 'p90_ns', 'p99_ns', 'p999_ns', 'max_ns']
KEYS = ['count', 'min_ns', 'avg_ns', 'max_ns', 'p50_ns', 'p90_ns', 'p99_ns',
        'p999_ns']


def latency(run, text):
    """{'windows': {w: rec}, 'cpus': [rec], 'rows': {w: [rec]}} of one dump;
    checks the format and the ordering of every line on the way."""
    out = {'windows': {}, 'cpus': [], 'rows': {}}
    for r in run.parse_kv(text):
        if 'lo_ns' in r:
            run.expect_keys('histogram row', r, ['window', 'lo_ns', 'hi_ns',
                                                 'count'])
            run.expect(int(r['lo_ns']) <= int(r['hi_ns']) and
                       int(r['count']) > 0, 'bad histogram row %r' % r)
            out['rows'].setdefault(r['window'], []).append(r)
            continue
        run.expect_keys('latency line', r, ['window'] + KEYS)
        vals = [int(r[k]) for k in PCT]
        run.expect(vals == sorted(vals),
                   'min <= p50 <= p90 <= p99 <= p999 <= max broken: %r' % r)
        if 'cpu' in r:
            out['cpus'].append(r)
        else:
            run.expect(r['window'] not in out['windows'],
                       'window %s twice' % r['window'])
            out['windows'][r['window']] = r
    for w, rec in out['windows'].items():
        rows = sum(int(x['count']) for x in out['rows'].get(w, []))
        run.expect_eq('histogram rows of window %s add up to count' % w,
                      int(rec['count']), rows)
        cpus = sum(int(c['count']) for c in out['cpus'] if c['window'] == w)
        run.expect(cpus >= int(rec['count']),
                   'per-CPU counts of %s (%d) below its count %s' % (
                       w, cpus, rec['count']))
    return out


def dumps(run, path):
    """Every dump of a debugfs file of ours, in order."""
    return [t for p, t in run.dumps if p.endswith('/pmic_sleepdiag/' + path)]


def count(d, w):
    return int(d['windows'][w]['count'])


def check(run):
    texts = dumps(run, 'hrtimer/latency')
    run.expect_eq('hrtimer/latency dumps', 5, len(texts))
    d = [latency(run, t) for t in texts]
    for i, x in enumerate(d):
        run.expect(set(['all', 'post_resume']) <= set(x['windows']),
                   'dump %d: windows %s' % (i, sorted(x['windows'])))
    run.expect('probe' not in d[0]['windows'],
               'probe window shown while probe_period_us=0')
    run.expect(count(d[1], 'all') >= count(d[0], 'all') + 200,
               'all count did not grow by the 200 sleeps: %d -> %d' % (
                   count(d[0], 'all'), count(d[1], 'all')))
    run.expect('probe' in d[2]['windows'] and 'probe' in d[3]['windows'],
               'probe window missing with probe_period_us=1000')
    run.expect(0 < count(d[2], 'probe') < count(d[3], 'probe'),
               'probe count did not grow: %d -> %d' % (
                   count(d[2], 'probe'), count(d[3], 'probe')))
    run.expect(count(d[3], 'all') >= count(d[3], 'probe'),
               'probe expiries missing from all')
    run.expect('probe' not in d[4]['windows'],
               'probe window shown after probe off and reset')
    run.expect(count(d[4], 'all') < count(d[3], 'all'),
               'reset did not clear: all %d -> %d' % (
                   count(d[3], 'all'), count(d[4], 'all')))
    run.expect_eq('summary component.hrtimer', 'on',
                  run.summary().get('component.hrtimer'))
