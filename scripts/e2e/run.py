#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""End-to-end scenarios on the arm64 QEMU target: see harness/cli.py, or
run.py --help.  The runner is the harness package next to this file."""
import sys

from harness.cli import main

if __name__ == '__main__':
    sys.exit(main())
