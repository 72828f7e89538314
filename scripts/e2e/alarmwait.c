// SPDX-License-Identifier: GPL-2.0
/*
 * alarmwait SECONDS[.FRACTION]: arm a CLOCK_BOOTTIME_ALARM timerfd that far
 * ahead (absolute), print "armed expected_ns=E", block until it fires, then print
 * "fired expected_ns=E woke_ns=W late_ms=L" with W read right after the
 * read() returned.  For the e2e guest, which has no libc: built with the
 * kernel's nolibc (guest_time.h).
 */
#define CLOCK_BOOTTIME		7
#define CLOCK_BOOTTIME_ALARM	9
#define TFD_TIMER_ABSTIME	1
#include "guest_time.h"

struct its {
	struct ts interval;
	struct ts value;
};

static void say(const char *buf, const char *end)
{
	write(1, buf, end - buf);
}

int main(int argc, char **argv)
{
	char buf[160], *p;
	long long secs = 0, frac_ns = 0, unit = NSEC_PER_SEC, expected, woke;
	unsigned long long ticks;
	struct its it;
	const char *a;
	long fd;

	for (a = argc > 1 ? argv[1] : "5"; *a >= '0' && *a <= '9'; a++)
		secs = secs * 10 + *a - '0';
	if (*a == '.')
		for (a++; *a >= '0' && *a <= '9' && unit > 1; a++) {
			unit /= 10;
			frac_ns += (*a - '0') * unit;
		}
	fd = my_syscall2(__NR_timerfd_create, CLOCK_BOOTTIME_ALARM, 0);
	if (fd < 0) {
		p = put(buf, "error timerfd_create=");
		p = num(p, fd);
		*p++ = '\n';
		say(buf, p);
		return 1;
	}
	expected = now_ns(CLOCK_BOOTTIME) + secs * NSEC_PER_SEC + frac_ns;
	it.interval.sec = 0;
	it.interval.nsec = 0;
	it.value.sec = expected / NSEC_PER_SEC;
	it.value.nsec = expected % NSEC_PER_SEC;
	if (my_syscall4(NR_TIMERFD_SETTIME, fd, TFD_TIMER_ABSTIME, &it, 0) < 0)
		return 2;
	p = put(buf, "armed expected_ns=");
	p = num(p, expected);
	*p++ = '\n';
	say(buf, p);

	read(fd, &ticks, sizeof(ticks));
	woke = now_ns(CLOCK_BOOTTIME);
	p = put(buf, "fired expected_ns=");
	p = num(p, expected);
	p = kv(p, "woke_ns", woke);
	p = kv(p, "late_ms", (woke - expected) / 1000000LL);
	*p++ = '\n';
	say(buf, p);
	return 0;
}
