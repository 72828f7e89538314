// SPDX-License-Identifier: GPL-2.0
/*
 * alarmwait SECONDS: arm a CLOCK_BOOTTIME_ALARM timerfd SECONDS ahead
 * (absolute), print "armed expected_ns=E", block until it fires, then print
 * "fired expected_ns=E woke_ns=W late_ms=L" with W read right after the
 * read() returned.  For the e2e guest, which has no libc: built with the
 * kernel's nolibc, for arm64 and 32-bit ARM alike: times in long long,
 * and on 32-bit the time64 system calls (a kernel without
 * COMPAT_32BIT_TIME has no others), whose timespec is the 64-bit one.
 */
#define CLOCK_BOOTTIME		7
#define CLOCK_BOOTTIME_ALARM	9
#define TFD_TIMER_ABSTIME	1
#define NSEC_PER_SEC		1000000000LL

#ifdef __NR_clock_gettime64
#define NR_CLOCK_GETTIME	__NR_clock_gettime64
#define NR_TIMERFD_SETTIME	__NR_timerfd_settime64
#else
#define NR_CLOCK_GETTIME	__NR_clock_gettime
#define NR_TIMERFD_SETTIME	__NR_timerfd_settime
#endif

/* struct __kernel_timespec */
struct ts {
	long long sec;
	long long nsec;
};

struct its {
	struct ts interval;
	struct ts value;
};

static long long now_ns(void)
{
	struct ts t;

	my_syscall2(NR_CLOCK_GETTIME, CLOCK_BOOTTIME, &t);
	return t.sec * NSEC_PER_SEC + t.nsec;
}

static char *put(char *p, const char *s)
{
	while (*s)
		*p++ = *s++;
	return p;
}

static char *num(char *p, long long v)
{
	char d[24];
	int n = 0;

	if (v < 0) {
		*p++ = '-';
		v = -v;
	}
	do {
		d[n++] = '0' + v % 10;
		v /= 10;
	} while (v);
	while (n)
		*p++ = d[--n];
	return p;
}

static void say(const char *buf, const char *end)
{
	write(1, buf, end - buf);
}

int main(int argc, char **argv)
{
	char buf[160], *p;
	long long secs = 0, expected, woke;
	unsigned long long ticks;
	struct its it;
	const char *a;
	long fd;

	for (a = argc > 1 ? argv[1] : "5"; *a >= '0' && *a <= '9'; a++)
		secs = secs * 10 + *a - '0';
	fd = my_syscall2(__NR_timerfd_create, CLOCK_BOOTTIME_ALARM, 0);
	if (fd < 0) {
		p = put(buf, "error timerfd_create=");
		p = num(p, fd);
		*p++ = '\n';
		say(buf, p);
		return 1;
	}
	expected = now_ns() + secs * NSEC_PER_SEC;
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
	woke = now_ns();
	p = put(buf, "fired expected_ns=");
	p = num(p, expected);
	p = put(p, " woke_ns=");
	p = num(p, woke);
	p = put(p, " late_ms=");
	p = num(p, (woke - expected) / 1000000LL);
	*p++ = '\n';
	say(buf, p);
	return 0;
}
