# SPDX-License-Identifier: GPL-2.0
"""Reliability soak, short (issue #9; rel_soak is the 200-cycle one):
20 RTC-woken s2idle cycles with every component on (TPS65910 fixture, the
UART IRQ watched, probe timer at 1 ms) while hrtimer traffic runs and every
debugfs file is read in a loop.  Afterwards: every cycle counted and
resumed, every component still on, the events ring (sized 256 so that it
overflows) and the anomaly log account for everything generated (seq=
contiguous, first seq = dropped, dropped = generated - capacity), and the
memory the module owns is what it owned after cycle 5: the same
/proc/vmallocinfo areas attributed to pmic_sleepdiag, and no slab object
allocated by module code in between still held (kmem tracepoints)."""

from helpers import rel_lib

CYCLES, FIRST, EVENTS = 20, 5, 256
GUEST = rel_lib.soak_guest(CYCLES, FIRST, EVENTS)
TIMEOUT = 400

check = rel_lib.soak_checker('rel_soak_short', CYCLES, FIRST, EVENTS)
