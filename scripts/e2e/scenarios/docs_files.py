# SPDX-License-Identifier: GPL-2.0
"""The files table of Documentation/interface.rst (between its
`.. files-table-begin` and `.. files-table-end` comments) lists exactly the
files the module creates under /sys/kernel/debug/pmic_sleepdiag/, with
their modes: loaded with every component on (TPS65910 fixture), the files
found on the target (find -type f) and those documented must be the same
set, and each file's mode (0400 or 0200) the documented one.  A file added
to the module without its row, or a row for a file that does not exist
(a planned one listed too early), fails."""

import os
import re

DOC = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..',
                   '..', 'Documentation', 'interface.rst')
ROW = re.compile(r'^``([^`]+)``\s+(0[0-7]{3})(?:\s|$)')
MODES = ('0400', '0200')

GUEST = r'''
load_tps || fail "tps65910 fixture"
load_psd || fail "insmod pmic_sleepdiag.ko"
find $D -type f | sort > /tmp/files_all; dump /tmp/files_all
for m in %s; do
	find $D -type f -perm $m | sort > /tmp/files_$m; dump /tmp/files_$m
done
dump $D/summary
dump_report
rmmod pmic_sleepdiag || fail "rmmod"
''' % ' '.join(MODES)


def documented():
    """{path relative to the debugfs root: mode} from the files table."""
    with open(DOC) as f:
        text = f.read()
    m = re.search(r'^\.\. files-table-begin$(.*?)^\.\. files-table-end$',
                  text, re.M | re.S)
    if not m:
        return None
    return {r.group(1): r.group(2) for r in
            (ROW.match(line) for line in m.group(1).splitlines()) if r}


def present(run, name):
    """Paths relative to the debugfs root listed in a dumped file."""
    root = '/sys/kernel/debug/pmic_sleepdiag/'
    return {line[len(root):] for line in run.file(name).splitlines()
            if line.startswith(root)}


def check(run):
    doc = documented()
    run.expect(doc, '%s has no files table between .. files-table-begin '
               'and .. files-table-end' % DOC)
    run.expect_eq('summary component.pmic', 'on',
                  run.summary().get('component.pmic'))
    found = present(run, '/tmp/files_all')
    run.expect(found, 'no file under the debugfs directory')
    run.expect_eq('files on the target but not documented', [],
                  sorted(found - set(doc)))
    run.expect_eq('files documented but not on the target', [],
                  sorted(set(doc) - found))
    for mode in MODES:
        run.expect_eq('files of mode %s (target vs documented)' % mode,
                      sorted(p for p, m in doc.items() if m == mode),
                      sorted(present(run, '/tmp/files_' + mode)))
