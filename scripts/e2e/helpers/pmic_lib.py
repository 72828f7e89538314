# SPDX-License-Identifier: GPL-2.0
"""Shared by the pmic_*.py scenarios: guest snippets and parsers for
pmic/snapshots, pmic/lint and the bus-transfer count."""

SNAP_PHASES = ['prepare', 'suspend', 'suspend_late', 'resume_early',
               'resume', 'post']

# Guest: count the SMBus read transfers one `control snapshot` costs, on
# the bus (the smbus_read tracepoint), into /tmp/smbus_reads.
COUNT_BUS = r'''
T=/sys/kernel/tracing
echo 0 > $T/tracing_on
echo > $T/trace
echo 1 > $T/events/smbus/smbus_read/enable || fail "no smbus_read tracepoint"
echo 1 > $T/tracing_on
echo snapshot > $D/control || fail "control snapshot"
echo 0 > $T/tracing_on
echo 0 > $T/events/smbus/smbus_read/enable
grep -c 'smbus_read:' $T/trace > /tmp/smbus_reads
note "bus read transfers for one snapshot: $(cat /tmp/smbus_reads)"
grep 'smbus_read:' $T/trace > /tmp/smbus_trace
dump /tmp/smbus_reads /tmp/smbus_trace
'''


def snapshots(run, text=None):
    """pmic/snapshots as [(header dict, {addr: reg dict})] in file order."""
    text = run.file('pmic/snapshots') if text is None else text
    out = []
    for r in run.parse_kv(text):
        if 'reg' in r:
            run.expect(out, 'register line before any header: %r' % r)
            out[-1][1][int(r['reg'], 16)] = r
        elif 'phase' in r:
            out.append((r, {}))
        else:
            run.fail('pmic/snapshots: unexpected line %r' % r)
    return out


def by_key(snaps):
    """{(cycle, phase): (header, regs)}; a duplicate is a failure."""
    d = {}
    for h, regs in snaps:
        k = (h['cycle'], h['phase'])
        if k in d:
            raise AssertionError('two snapshots for %s' % (k,))
        d[k] = (h, regs)
    return d


def check_snapshot_shape(run, h, regs, nregs, chip):
    """Header keys, one line per profile register, fields decoded."""
    run.expect_keys('snapshot header', h,
                    ['cycle', 'phase', 't_ns', 'err', 'chip', 'failed'])
    run.expect_eq('snapshot chip', chip, h['chip'])
    run.expect_eq('registers in cycle %s %s' % (h['cycle'], h['phase']),
                  nregs, len(regs))
    for a, r in regs.items():
        run.expect_keys('register line', r,
                        ['reg', 'name', 'val', 'changed', 'fields', 'cached'])
        if r['val'] != 'none':
            run.expect_match('reg 0x%02x val' % a, r'0x[0-9a-f]{2}', r['val'])
            run.expect_match('reg 0x%02x fields' % a,
                             r'[A-Z0-9_]+=\d+( [A-Z0-9_]+=\d+)*', r['fields'])
        run.expect_eq('reg 0x%02x cached' % a,
                      '1' if 0x20 <= a <= 0x37 else '0', r['cached'])


def field(r, name):
    """The value of one decoded field of a register line."""
    for tok in r['fields'].split():
        k, _, v = tok.partition('=')
        if k == name:
            return int(v)
    raise AssertionError('no field %s in %r' % (name, r['fields']))


def changed(snaps):
    """{(cycle, phase): sorted addrs with changed=1}, for every snapshot."""
    return {(h['cycle'], h['phase']):
            sorted(a for a, r in regs.items() if r['changed'] == '1')
            for h, regs in snaps}


def lint(run, text=None):
    """pmic/lint findings as {rule: dict}, and the # findings= count."""
    text = run.file('pmic/lint') if text is None else text
    found = {r['rule']: r for r in run.parse_kv(text) if 'rule' in r}
    n = [l for l in text.splitlines() if l.startswith('# findings=')]
    run.expect_eq('pmic/lint "# findings=" lines', 1, len(n))
    run.expect_eq('pmic/lint findings count', len(found),
                  int(n[0].split('=')[1]))
    return found


def bus_reads(run, bound=6):
    """The measured transfers of one snapshot, within the bound."""
    n = int(run.file('/tmp/smbus_reads').strip())
    run.expect(0 < n <= bound, 'bus read transfers per snapshot: %d, '
               'bound %d' % (n, bound))
    return n
