# SPDX-License-Identifier: GPL-2.0
"""The host's last resort for a guest that sleeps on.  A guest's RTC wake
alarm is set before it writes freeze; a starved guest (a loaded machine, a
debug kernel) can take longer than that to freeze its tasks and suspend
its devices, the alarm rings while it is still awake, and nothing is left
to wake it: the scenario would hang until its time limit.  The guest's
console is a wakeup device (INIT in guest.py), so one character on it
ends such a sleep.  The guest's freeze() writes @@SLEEP@@ and @@AWAKE@@
around each attempt; a sleep longer than any scenario asks for is
woken, and the run says so in a note."""
import time

from .progress import Background

SLEEP, AWAKE = b'@@SLEEP@@', b'@@AWAKE@@'
# Longer than any scenario's own sleep (the longest RTC alarms are ~10 s),
# times the target's slowness.
ASLEEP_S = 60


class Waker(Background):
    """Watch the console log; write a carriage return to the guest's
    console when its last marker has been @@SLEEP@@ for limit seconds.
    The seconds each woken sleep had lasted are in woken."""

    def __init__(self, log, console, limit):
        super().__init__()
        self.log, self.console, self.limit = log, console, limit
        self.woken = []

    def notes(self):
        """The console note lines that tell of each wake."""
        return ''.join('\n@@NOTE the host woke the guest through its '
                       'console after %d s asleep: its wake alarm rang '
                       'before the sleep began (a starved guest)@@\n' % s
                       for s in self.woken)

    def loop(self):
        pos, tail, since = 0, b'', None
        while not self.stop.wait(2):
            try:
                with open(self.log, 'rb') as f:
                    f.seek(pos)
                    new = f.read()
            except OSError:
                continue
            pos += len(new)
            # A marker cut by a read is whole in tail + new; tail is too
            # short to hold a whole marker already seen.
            buf = tail + new
            tail = buf[-(len(SLEEP) - 1):]
            asleep, awake = buf.rfind(SLEEP), buf.rfind(AWAKE)
            if asleep > awake:
                since = time.monotonic()
            elif awake > asleep:
                since = None
            if since is None or time.monotonic() - since < self.limit:
                continue
            self.woken.append(time.monotonic() - since)
            since = time.monotonic()
            try:
                self.console.write(b'\r')
                self.console.flush()
            except OSError:
                return
