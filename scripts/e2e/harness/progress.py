#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""A progress line for long work: what, how far when known, time elapsed.

On a terminal one line updated in place every second; otherwise (CI, a
pipe, a log) a plain line every 30 s, starting with "progress: " so that a
caller reading the output can pick it out.  Nothing is printed for work
that ends within its first 30 s off a terminal.

From Python:
    with Progress('e2e/rel_soak', lambda: '45/200 cycles'):
        ...
From a shell script (scripts/build-kernel.sh), around a command:
    progress.py --what 'building arm64-e2e' --count DIR '*.o' \
        [--total N] -- make ...
counts the files matching the pattern under DIR as how far (out of N).
Exit status: the command's.
"""
import argparse
import fnmatch
import os
import re
import subprocess
import sys
import threading
import time

TAG = 'progress: '
PLAIN_EVERY = 30        # s, between plain lines (the promise: at most 30)
TTY_EVERY = 1           # s, between updates of the terminal line


LINE = re.compile(r'^%s(.*): (?:(.*?), )?(\S+) elapsed$' % TAG)


def how_far(line):
    """The how-far part of a plain progress line, None if not one."""
    m = LINE.match(line.rstrip('\n'))
    return m and (m.group(2) or '')


def elapsed(secs):
    secs = int(secs)
    return '%dm%02ds' % (secs // 60, secs % 60) if secs >= 60 else \
        '%ds' % secs


class Background:
    """Runs self.loop() in a daemon thread while the with-block runs; at
    its end sets self.stop (a threading.Event the loop waits on) and
    joins the thread."""

    def __init__(self):
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self.loop, daemon=True)

    def loop(self):
        raise NotImplementedError

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        self.thread.join()


class Progress(Background):
    """Shows `what: status(), elapsed` while the with-block runs."""

    def __init__(self, what, status=None, stream=None):
        super().__init__()
        self.what, self.status = what, status or (lambda: '')
        self.stream = stream or sys.stderr
        self.tty = self.stream.isatty()
        self.every = TTY_EVERY if self.tty else PLAIN_EVERY
        self.t0 = time.monotonic()
        self.shown = False

    def line(self):
        try:
            how = self.status()
        except Exception as e:          # a status is best effort
            how = '? (%s)' % e
        return '%s: %s%s elapsed' % (self.what, how + ', ' if how else '',
                                     elapsed(time.monotonic() - self.t0))

    def loop(self):
        while not self.stop.wait(self.every):
            if self.tty:
                self.stream.write('\r\033[K' + self.line()[:150])
            else:
                self.stream.write(TAG + self.line() + '\n')
            self.stream.flush()
            self.shown = True

    def __exit__(self, *exc):
        super().__exit__(*exc)
        if self.tty and self.shown:     # leave the terminal line clean
            self.stream.write('\r\033[K')
            self.stream.flush()


def count_files(top, pattern):
    n = 0
    for _, _, files in os.walk(top):
        n += len(fnmatch.filter(files, pattern))
    return n


def main(argv):
    p = argparse.ArgumentParser(description='Run a command, showing a '
                                'progress line on standard error.')
    p.add_argument('--what', required=True, help='what is being done')
    p.add_argument('--count', nargs=2, metavar=('DIR', 'PATTERN'),
                   help='how far: files matching PATTERN under DIR')
    p.add_argument('--total', type=int,
                   help='how many files there will be (0: not known)')
    p.add_argument('cmd', nargs=argparse.REMAINDER,
                   help='-- COMMAND [ARG...]')
    a = p.parse_args(argv)
    cmd = a.cmd[1:] if a.cmd[:1] == ['--'] else a.cmd
    if not cmd:
        p.error('no command')

    def status():
        if not a.count:
            return ''
        n = count_files(*a.count)
        return '%d%s %s' % (n, '/%d' % a.total if a.total else '',
                            a.count[1])
    with Progress(a.what, status):
        return subprocess.call(cmd)


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
