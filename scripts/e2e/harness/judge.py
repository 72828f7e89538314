# SPDX-License-Identifier: GPL-2.0
"""Whether a scenario passed: no kernel splat, the guest finished, no leak
on the debug kernel, every report and report.json dump well formed (and
report.json valid against Documentation/report.schema.json), and the
scenario's own check(run)."""
import json
import os
import re
import subprocess
import traceback

import schema_check     # scripts/e2e/, the runner's own directory

from .config import ROOT
from .console import CheckFailed, Run

SPLATS = ('WARNING:', 'BUG:', 'Oops', 'possible recursive locking', 'lockdep',
          'INFO: task', 'circular locking',
          'sleeping function called from invalid context', 'Call trace:',
          # the debug kernel's detectors (most also print BUG:/WARNING:)
          'BUG: KASAN', 'BUG: KFENCE', 'unreferenced object', 'ODEBUG:',
          'suspicious RCU usage')
SPLAT_OK = re.compile(r'RCU lockdep checking is enabled')   # boot banner


def is_splat(line):
    """Whether a console line is a kernel splat (fails any scenario)."""
    return any(s in line for s in SPLATS) and not SPLAT_OK.search(line)


def schema_problem(doc):
    """None if doc is valid against the report schema, else the first
    error by document order, with its path (schema_check.py)."""
    if schema_check.jsonschema is None:
        return 'python3-jsonschema is missing (scripts/deps.sh installs it)'
    errors = schema_check.validate(doc)
    if not errors:
        return None
    return 'not valid against %s at %s%s' % (
        os.path.relpath(schema_check.SCHEMA_PATH, ROOT), errors[0],
        ' (and %d more errors)' % (len(errors) - 1)
        if len(errors) > 1 else '')


def report_problem(run):
    """Whether every dump of report.json is JSON valid against the report
    schema, with version 1 and a list of cycles, each with its verdict, and
    every dump of report a sequence of `# cycle N` blocks each ending in its
    verdict= line: None or why not.
    Applies to every scenario (see dump_report in GUEST_LIB)."""
    for path, text in run.dumps:
        if path.endswith('report.json'):
            try:
                doc = json.loads(text)
            except ValueError as e:
                return '%s: not JSON: %s' % (path, e)
            why = schema_problem(doc)
            if why:
                return '%s: %s' % (path, why)
            if not isinstance(doc, dict) or doc.get('version') != 1 or \
                    not isinstance(doc.get('cycles'), list):
                return '%s: not {"version":1,"cycles":[...]}: %.200s' % (
                    path, text)
            for c in doc['cycles']:
                if not isinstance(c, dict) or not isinstance(c.get('cycle'),
                                                             int):
                    return '%s: a cycle without cycle=: %.200r' % (path, c)
                if c.get('gone') is not True and not isinstance(
                        (c.get('verdict') or {}).get('rule'), str):
                    return '%s: cycle %d has no verdict rule' % (path,
                                                                 c['cycle'])
        elif path.endswith('/report'):
            head, last = None, None
            for line in text.splitlines() + ['# end']:
                m = re.match(r'# cycle (\d+)$', line)
                if m or line == '# end':
                    if head is not None and not (
                            last and last.get('verdict') and
                            last.get('cycle') == head):
                        return '%s: cycle %s does not end in its verdict= ' \
                            'line (last: %r)' % (path, head, last)
                    head, last = m.group(1) if m else None, None
                elif not line.startswith('#'):
                    last = Run.kv(line)
    return None


LEAK = re.compile(r'^unreferenced object (\S+) \(size (\d+)\)', re.M)
FRAME = re.compile(r'^    (\S+(?: \[\w+\])?)\s*$', re.M)     # of a backtrace
OBJDUMP_SYM = re.compile(r'^([0-9a-f]+) .{7} (\S+)\t([0-9a-f]+) (\S+)$', re.M)


def symbolize(text, a):
    """kmemleak's text with the bare code addresses of modules unloaded
    since the allocation written as sym+0xoff/0xsize [module], from the
    '# section MODULE SECTION ADDRESS' lines insmod noted and the .ko."""
    where = [l.split()[2:] for l in text.splitlines()
             if l.startswith('# section ')]
    kos = {os.path.basename(k)[:-3].replace('-', '_'): k
           for k in a['fixtures'] + [a['module'], a['stub']] if k}
    syms = {}

    def name(m):
        addr = int(m.group(2), 16)
        for mod, sec, base in where:
            if mod not in kos:
                continue
            if mod not in syms:
                out = subprocess.run([a['kernel']['cross'] + 'objdump', '-t',
                                      kos[mod]],
                                     stdout=subprocess.PIPE, text=True).stdout
                syms[mod] = [(sec_, int(v, 16), int(n, 16), sym) for
                             v, sec_, n, sym in OBJDUMP_SYM.findall(out)]
            off = addr - int(base, 16)
            for sec_, v, n, sym in syms[mod]:
                if sec_ == sec and n and v <= off < v + n:
                    return '%s%s+%#x/%#x [%s]' % (m.group(1), sym, off - v, n,
                                                  mod)
        return m.group(0)
    return re.sub(r'^(    )(0x[0-9a-f]+)$', name, text, flags=re.M)


def verdict(run, sc, kernel):
    """None if the scenario passed, else the reason."""
    for i, line in enumerate(run.lines):
        if i in run.leak_lines:     # judged below, as a whole
            continue
        if is_splat(line):
            return 'kernel splat: %s' % line.strip()
    if run.rc is None:
        return 'guest did not finish (timeout, hang or crash)'
    if kernel['config'] == 'arm64-debug' and run.kmemleak is None:
        return 'no kmemleak report on the debug kernel'
    leaks = LEAK.findall(run.kmemleak or '')
    if leaks:
        # where the first one was allocated: its first frames past the
        # allocator, enough to name the culprit in the result line
        first = run.kmemleak.split('unreferenced object')[1]
        frames = [f for f in FRAME.findall(first)
                  if not re.match(r'(kmemleak|__kmem|kmem_cache|kmalloc|'
                                  r'__kmalloc|__do_kmalloc|slab|kasan|'
                                  r'__alloc|alloc_pages)', f)]
        return 'kmemleak: %d unreferenced object(s), first %s bytes from %s' % (
            len(leaks), leaks[0][1], ' < '.join(frames[:4]) or '?')
    if run.guest_fails:
        return 'guest: %s' % '; '.join(run.guest_fails)
    if run.rc:
        return 'guest script exited %d' % run.rc
    why = report_problem(run)
    if why:
        return why
    try:
        sc.check(run)
    except CheckFailed as e:
        return str(e)
    except Exception as e:      # a broken check fails its scenario only
        tb = traceback.extract_tb(e.__traceback__)[-1]
        return 'check() raised %s: %s (%s:%d)' % (
            type(e).__name__, e, os.path.basename(tb.filename), tb.lineno)
    return None
