// SPDX-License-Identifier: GPL-2.0
/*
 * alarmsleep boottime|realtime SECONDS: sleep in
 * clock_nanosleep(CLOCK_BOOTTIME_ALARM or CLOCK_REALTIME_ALARM,
 * TIMER_ABSTIME) until SECONDS from now, print "armed clock=C
 * expected_ns=E" first, then "fired clock=C expected_ns=E woke_ns=W
 * late_ms=L" with W read in the same clock right after the sleep ended.
 * A suspend while it sleeps freezes it: the kernel then arms its alarm
 * through the freezer path (ALARM_*_FREEZER).  For the e2e guest, built
 * with the kernel's nolibc (guest_time.h).
 */
/* The clock ids and TIMER_ABSTIME come with nolibc's <linux/time.h>. */
#include "guest_time.h"

static char *head(char *p, const char *what, const char *name, long long e)
{
	p = put(p, what);
	p = put(p, " clock=");
	p = put(p, name);
	p = put(p, " expected_ns=");
	return num(p, e);
}

int main(int argc, char **argv)
{
	int real = argc > 1 && argv[1][0] == 'r';
	int clock = real ? CLOCK_REALTIME : CLOCK_BOOTTIME;
	const char *name = real ? "REALTIME" : "BOOTTIME";
	long long secs = 0, expected, woke;
	char buf[200], *p;
	const char *a;
	struct ts t;
	long ret;

	for (a = argc > 2 ? argv[2] : "5"; *a >= '0' && *a <= '9'; a++)
		secs = secs * 10 + *a - '0';
	expected = now_ns(clock) + secs * NSEC_PER_SEC;
	t.sec = expected / NSEC_PER_SEC;
	t.nsec = expected % NSEC_PER_SEC;
	p = head(buf, "armed", name, expected);
	*p++ = '\n';
	write(1, buf, p - buf);
	/* Absolute: a restart after the freezer keeps the same expiry. */
	do {
		ret = my_syscall4(NR_CLOCK_NANOSLEEP, real ? CLOCK_REALTIME_ALARM :
				  CLOCK_BOOTTIME_ALARM, TIMER_ABSTIME, &t, 0);
	} while (ret == -4);	/* EINTR */
	woke = now_ns(clock);
	if (ret) {
		p = put(buf, "error clock_nanosleep=");
		p = num(p, ret);
		*p++ = '\n';
		write(1, buf, p - buf);
		return 1;
	}
	p = head(buf, "fired", name, expected);
	p = kv(p, "woke_ns", woke);
	p = kv(p, "late_ms", (woke - expected) / 1000000LL);
	*p++ = '\n';
	write(1, buf, p - buf);
	return 0;
}
