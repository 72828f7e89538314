# SPDX-License-Identifier: GPL-2.0
"""The harness itself: a kernel message logged while a file is dumped does
not cut into the dumped text.  A background loop logs KERN_ERR lines (shown
on the console outside dumps) while a 20000-line file is dumped three
times; every dump must be that file to the line, and the messages must
still be in the kernel log.  (A warning printed in the middle of a report
dump once made rel_faults_remove fail: a cycle's block seemed to end in a
line that was not its verdict.)"""

LINES = 20000

GUEST = r'''
seq 1 %d > /tmp/lines
( while :; do echo "<3>psd noise while dumping" > /dev/kmsg; done ) &
noise=$!
for i in 1 2 3; do dump /tmp/lines; done
kill $noise
dmesg | grep -c "psd noise while dumping" > /tmp/noise; dump /tmp/noise
''' % LINES

DEBUG_SKIP = 'a harness check: the default kernel runs it'
ARM32_SKIP = DEBUG_SKIP


def check(run):
    dumps = [text for path, text in run.dumps if path == '/tmp/lines']
    run.expect_eq('dumps of /tmp/lines', 3, len(dumps))
    want = [str(i) for i in range(1, LINES + 1)]
    for i, text in enumerate(dumps):
        got = text.splitlines()
        bad = [line for line in got if not line.isdigit()]
        run.expect_eq('dump %d: lines that are not the file\'s' % (i + 1), [],
                      bad[:3])
        run.expect(got == want, 'dump %d is not the file (%d lines)' %
                   (i + 1, len(got)))
    run.expect(int(run.file('/tmp/noise').strip() or 0) > 0,
               'no noise message in the kernel log: the loop did not run')
