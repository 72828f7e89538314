#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Turn kunit.py --json output into PASS/FAIL lines, one per test case.

    kunit-results.py JSON KUNIT_PY_STATUS LOG [PREFIX]

Lines are "PASS PREFIX/<suite>.<case>"; PREFIX is kunit unless given
(kunit-arm32 for the 32-bit ARM run, so that the two runs count apart).

Fails when kunit.py failed, when the JSON is missing (a crash before any
result), when a case failed or crashed, or when no case ran at all.
"""
import json
import os
import sys


def walk(doc):
    # kunit.py's JSON: a root group whose sub_groups are suites.
    for suite in doc.get("sub_groups", []):
        sname = suite.get("name", "?")
        for t in suite.get("test_cases", []):
            yield f"{sname}.{t['name']}", t.get("status", "")
        for sub in suite.get("sub_groups", []):
            for t in sub.get("test_cases", []):
                yield f"{sname}.{sub.get('name', '?')}.{t['name']}", t.get("status", "")


def main():
    path, status, log = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    prefix = sys.argv[4] if len(sys.argv) > 4 else "kunit"
    out = os.environ.get("PSD_RESULTS")
    lines = []
    if os.path.exists(path):
        with open(path) as f:
            doc = json.load(f)
        for name, st in walk(doc):
            verdict = {"PASS": "PASS", "SKIP": "SKIP"}.get(st, "FAIL")
            lines.append(f"{verdict} {prefix}/{name}")
    if not lines or status != 0:
        lines.append(f"FAIL {prefix}/run (kunit.py exit {status}; log {log})")
    for line in lines:
        print(line)
    if out:
        with open(out, "a") as f:
            f.write("\n".join(lines) + "\n")
    return 1 if any(l.startswith("FAIL") for l in lines) else 0


if __name__ == "__main__":
    sys.exit(main())
