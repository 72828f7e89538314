# SPDX-License-Identifier: GPL-2.0
"""What a scenario's check(run) gets: the console of one boot parsed into
the files the guest dumped, its messages and exit status (class Run), with
parsers of the module's formats and assertion helpers."""
import json
import re

from .config import DEBUGFS


class CheckFailed(Exception):
    pass


MARK = re.compile(r'@@(BEGIN|END|MISSING|FAIL|NOTE|PROGRESS|PSD-START'
                  r'|PSD-DMESG|PSD-DONE|PSD-KMEMLEAK-END|PSD-KMEMLEAK) ?'
                  r'(.*?)@@\s*$')
KV = re.compile(r'([A-Za-z_][\w.]*)=("(?:[^"\\]|\\.)*"|\S*)')


class Run:
    """The outcome of one boot, and assertion helpers for check(run).

    run.console   whole console text       run.lines   its lines
    run.files     {path: last text dumped} run.missing paths dumped but absent
    run.dumps     [(path, text)] of every `dump`, in order
    run.dmesg     the guest's final dmesg  run.notes   `note` messages
    run.rc        exit status of the guest script (None: did not finish)
    run.kmemleak  /sys/kernel/debug/kmemleak after the final scans, None if
                  the kernel has no kmemleak (or the guest did not get there)
    """

    def __init__(self, name, console):
        self.name, self.console = name, console
        self.lines = console.replace('\r', '').split('\n')
        self.files, self.missing, self.notes, self.dumps = {}, set(), [], []
        self.guest_fails, self.rc, self.kernel = [], None, None
        self.kmemleak = None
        cur, dmesg, leaks = None, None, None
        self.leak_lines = range(0)      # where the kmemleak text is
        for i, line in enumerate(self.lines):
            m = MARK.search(line)
            tag, arg = m.groups() if m else (None, None)
            if leaks is not None and tag != 'PSD-KMEMLEAK-END':
                leaks.append(line)
            elif cur is not None:           # inside a dump
                if tag == 'END':            # a file not ending in newline
                    tail = line[:m.start()]
                    self.files[cur] = '\n'.join(buf + [tail] if tail else buf)
                    self.files[cur] += '\n' if buf or tail else ''
                    self.dumps.append((cur, self.files[cur]))
                    cur = None
                else:
                    buf.append(line)
            elif tag == 'BEGIN':
                cur, buf = arg, []
            elif tag == 'MISSING':
                self.missing.add(arg)
            elif tag == 'FAIL':
                self.guest_fails.append(arg)
            elif tag == 'NOTE':
                self.notes.append(arg)
            elif tag == 'PSD-START':
                self.kernel = arg
            elif tag == 'PSD-KMEMLEAK':
                leaks = []
            elif tag == 'PSD-KMEMLEAK-END':
                self.kmemleak = '\n'.join(leaks)
                self.leak_lines, leaks = range(i - len(leaks), i), None
            elif tag == 'PSD-DMESG':
                dmesg = []
            elif tag == 'PSD-DONE':
                self.rc = int(arg.split('=')[1])
                break
            elif dmesg is not None:
                dmesg.append(line)
        self.dmesg = '\n'.join(dmesg or [])

    # -- access and parsing --
    def file(self, path):
        """Text of a dumped file; a relative path is taken under DEBUGFS."""
        if not path.startswith('/'):
            path = DEBUGFS + '/' + path
        if path in self.missing:
            self.fail('%s does not exist in the guest' % path)
        if path not in self.files:
            self.fail('%s was not dumped by the guest script' % path)
        return self.files[path]

    def param(self, module, name):
        """A module parameter's value, as dumped (stripped):
        param('psd_fix_irqstuck', 'irq') is the text of
        /sys/module/psd_fix_irqstuck/parameters/irq."""
        return self.file('/sys/module/%s/parameters/%s'
                         % (module, name)).strip()

    @staticmethod
    def kv(line):
        """'a=1 b="x y"' -> {'a': '1', 'b': 'x y'}"""
        return {k: v[1:-1] if v.startswith('"') else v
                for k, v in KV.findall(line)}

    def records(self, path, **match):
        """key=value lines of a dumped file, as dicts, keeping those whose
        keys equal the given values: records('events', type='phase')."""
        return self.parse_kv(self.file(path), **match)

    @classmethod
    def parse_kv(cls, text, **match):
        """The same for a text; '#' lines and lines without key=value are
        skipped."""
        out = []
        for line in text.splitlines():
            r = {} if line.startswith('#') else cls.kv(line)
            if r and all(r.get(k) == str(v) for k, v in match.items()):
                out.append(r)
        return out

    def summary(self, path='summary'):
        """`key: value` lines of summary as a dict (values stripped)."""
        d = {}
        for line in self.file(path).splitlines():
            k, sep, v = line.partition(':')
            if sep and not line.startswith('#'):
                d[k.strip()] = v.strip()
        return d

    # -- the cross-layer report (report, report.json) --
    def report_json(self, path='report.json'):
        """The last dump of report.json, parsed ({'version':1,'cycles':[]})."""
        text = self.file(path)
        try:
            return json.loads(text)
        except ValueError as e:
            self.fail('%s is not JSON: %s' % (path, e))

    def report_blocks(self, path='report'):
        """The last dump of report as {cycle: [(key, line), ...]} in file
        order: one entry per `# cycle N` block, each line parsed by kv()
        and keyed by its first key (cycle, phase, ws, pmic, irq, ...)."""
        blocks, cur = {}, None
        for line in self.file(path).splitlines():
            m = re.match(r'# cycle (\d+)$', line)
            if m:
                cur = blocks.setdefault(int(m.group(1)), [])
            elif cur is not None and not line.startswith('#'):
                first = KV.match(line)
                if first:
                    cur.append((first.group(1), self.kv(line)))
        return blocks

    def verdicts(self, path='report'):
        """[(cycle, rule)] of the verdict= lines of the last dump of report."""
        return [(int(r['cycle']), r['verdict'])
                for r in self.parse_kv(self.file(path)) if 'verdict' in r]

    def expect_report_agrees(self, text='report', doc='report.json'):
        """report and report.json (dumped back to back) list the same cycles
        with the same verdict rule, uses, also and detail."""
        blocks, js = self.report_blocks(text), self.report_json(doc)
        self.expect_eq('cycles in %s vs %s' % (text, doc), sorted(blocks),
                       [c['cycle'] for c in js['cycles']])
        for c in js['cycles']:
            v = [r for k, r in blocks[c['cycle']] if k == 'verdict']
            self.expect_eq('verdict lines in cycle %d' % c['cycle'], 1, len(v))
            jv = c['verdict']
            self.expect_eq('cycle %d verdict (report vs report.json)'
                           % c['cycle'],
                           (v[0]['verdict'], v[0]['uses'],
                            v[0]['also'].split(), v[0]['detail']),
                           (jv['rule'], jv['uses'], jv['also'],
                            self.as_text(jv['detail'])))

    @staticmethod
    def as_text(s):
        """A string as a quoted text value shows it (psd_seq_str): bytes
        other than printable ASCII, '"' and '\\' become '?'."""
        return ''.join(chr(b) if 32 <= b <= 126 and chr(b) not in '"\\'
                       else '?' for b in s.encode())

    # -- assertions: each raises CheckFailed saying expected vs found --
    def fail(self, msg):
        raise CheckFailed(msg)

    def expect(self, cond, what):
        if not cond:
            self.fail(what)

    def expect_eq(self, what, expected, found):
        if expected != found:
            self.fail('%s: expected %r, found %r' % (what, expected, found))

    def expect_match(self, what, regex, found):
        if found is None or not re.fullmatch(regex, found):
            self.fail('%s: expected /%s/, found %r' % (what, regex, found))

    def expect_keys(self, what, d, keys):
        lost = [k for k in keys if k not in d]
        if lost:
            self.fail('%s: missing %s (found keys: %s)' % (
                what, ', '.join(lost), ', '.join(d) or 'none'))

    def expect_in_order(self, what, expected, found):
        """expected must appear in found as a subsequence, in that order."""
        it = iter(found)
        for i, e in enumerate(expected):
            if not any(f == e for f in it):
                self.fail('%s: expected %s in order; %r missing after %s; '
                          'found %s' % (what, expected, e, expected[:i],
                                        list(found)))

    def expect_console(self, regex, what=None):
        if not re.search(regex, self.console, re.M):
            self.fail('%s: no console line matches /%s/' % (what or 'console',
                                                           regex))
