#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Check report.json documents against Documentation/report.schema.json.

    python3 scripts/e2e/schema_check.py FILE...

Each FILE is a report.json document, or a console log of an e2e run
(scripts/e2e/run.py), from which every dump of a report.json between its
@@BEGIN …report.json@@ / @@END …@@ markers is checked (a log may have
none).  Prints one line
per error (FILE[#dump]: $.json.path: message) and a summary; exit status 0
when every document is valid, 1 otherwise, 2 on usage or a missing
validator.

As a module: validate(doc) -> list of error strings, empty when valid.
Needs python3-jsonschema (Debian 12: 4.10, JSON Schema draft 2020-12).
"""
import json
import os
import re
import sys

try:
    import jsonschema
except ImportError:             # main() says what to install
    jsonschema = None

SCHEMA_PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                           '..', '..', 'Documentation', 'report.schema.json')
DUMP = re.compile(r'^@@BEGIN (\S*report\.json)@@\s*$(.*?)@@END \1@@',
                  re.M | re.S)

_validator = None


def validator():
    """The draft 2020-12 validator of the schema, built once."""
    global _validator
    if _validator is None:
        with open(SCHEMA_PATH) as f:
            schema = json.load(f)
        jsonschema.Draft202012Validator.check_schema(schema)
        _validator = jsonschema.Draft202012Validator(schema)
    return _validator


def where(path):
    """$.cycles[0].verdict from a deque of keys and indices."""
    return '$' + ''.join('[%d]' % p if isinstance(p, int) else '.%s' % p
                         for p in path)


def validate(doc):
    """The schema errors of a parsed report.json document, one string each
    ('$.path: message'), in document order; [] when it is valid."""
    errors = [f for e in validator().iter_errors(doc) for f in leaves(e)]
    errors.sort(key=lambda e: [str(p) for p in e.absolute_path])
    return ['%s: %s' % (where(e.absolute_path), short(e.message))
            for e in errors]


def leaves(e):
    """The errors that say what is wrong.  For a oneOf (a cycle or a gone
    cycle, a number or a word, an object or null) that is the errors of
    the alternative that came closest, when one came closer than the
    others, rather than 'is not valid under any of the given schemas'."""
    if not e.context:
        return [e]
    alts = {}
    for c in e.context:
        alts.setdefault(c.relative_schema_path[0], []).append(c)
    # An alternative of another JSON type is the farthest.
    ranked = sorted(alts.values(), key=lambda g: (
        any(c.validator in ('type', 'const') and
            len(c.absolute_path) == len(e.absolute_path) for c in g),
        len(g)))
    if len(ranked) > 1 and len(ranked[0]) == len(ranked[1]) and \
            ranked[0][0].validator == ranked[1][0].validator:
        return [e]
    return [f for c in ranked[0] for f in leaves(c)]


def short(msg, n=300):
    return msg if len(msg) <= n else msg[:n] + '...'


def documents(path):
    """[(name, text)] of the report.json documents in a file: the file
    itself, or the dumps in an e2e console log."""
    with open(path, encoding='utf-8', errors='replace') as f:
        text = f.read().replace('\r', '')
    dumps = DUMP.findall(text)
    if not dumps and '@@PSD-START' not in text:
        return [(path, text)]       # a document, not a console log
    return [('%s#%d(%s)' % (path, i + 1, name), body.lstrip('\n'))
            for i, (name, body) in enumerate(dumps)]


def main(argv):
    if not argv or argv[0].startswith('-'):
        print(__doc__, file=sys.stderr)
        return 2
    if jsonschema is None:
        print('schema_check: no jsonschema module: apt-get install '
              'python3-jsonschema', file=sys.stderr)
        return 2
    n = bad = 0
    for path in argv:
        for name, text in documents(path):
            n += 1
            try:
                errs = validate(json.loads(text))
            except ValueError as e:
                errs = ['not JSON: %s' % e]
            for err in errs:
                print('%s: %s' % (name, err))
            bad += bool(errs)
    print('schema_check: %d document(s), %d valid, %d invalid' % (
        n, n - bad, bad))
    return 1 if bad or not n else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
