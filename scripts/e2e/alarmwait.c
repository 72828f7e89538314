// SPDX-License-Identifier: GPL-2.0
/*
 * alarmwait SECONDS: arm a CLOCK_BOOTTIME_ALARM timerfd SECONDS ahead
 * (absolute), print "armed expected_ns=E", block until it fires, then print
 * "fired expected_ns=E woke_ns=W late_ms=L" with W read right after the
 * read() returned.  For the e2e guest, which has no libc: arm64 only,
 * raw system calls, built with -nostdlib -static.
 */
#define NR_READ			63
#define NR_WRITE		64
#define NR_EXIT			93
#define NR_TIMERFD_CREATE	85
#define NR_TIMERFD_SETTIME	86
#define NR_CLOCK_GETTIME	113
#define CLOCK_BOOTTIME		7
#define CLOCK_BOOTTIME_ALARM	9
#define TFD_TIMER_ABSTIME	1

struct ts {
	long sec;
	long nsec;
};

struct its {
	struct ts interval;
	struct ts value;
};

static long sys(long n, long a, long b, long c, long d)
{
	register long x8 asm("x8") = n;
	register long x0 asm("x0") = a;
	register long x1 asm("x1") = b;
	register long x2 asm("x2") = c;
	register long x3 asm("x3") = d;

	asm volatile("svc #0" : "+r"(x0) : "r"(x8), "r"(x1), "r"(x2), "r"(x3)
		     : "memory");
	return x0;
}

static long now_ns(void)
{
	struct ts t;

	sys(NR_CLOCK_GETTIME, CLOCK_BOOTTIME, (long)&t, 0, 0);
	return t.sec * 1000000000L + t.nsec;
}

static char *put(char *p, const char *s)
{
	while (*s)
		*p++ = *s++;
	return p;
}

static char *num(char *p, long v)
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
	sys(NR_WRITE, 1, (long)buf, end - buf, 0);
}

void cmain(long *sp)
{
	char **argv = (char **)(sp + 1);
	char buf[160], *p;
	long secs = 0, expected, woke, fd;
	unsigned long long ticks;
	struct its it;
	const char *a;

	for (a = sp[0] > 1 ? argv[1] : "5"; *a >= '0' && *a <= '9'; a++)
		secs = secs * 10 + *a - '0';
	fd = sys(NR_TIMERFD_CREATE, CLOCK_BOOTTIME_ALARM, 0, 0, 0);
	if (fd < 0) {
		p = put(buf, "error timerfd_create=");
		p = num(p, fd);
		*p++ = '\n';
		say(buf, p);
		sys(NR_EXIT, 1, 0, 0, 0);
	}
	expected = now_ns() + secs * 1000000000L;
	it.interval.sec = 0;
	it.interval.nsec = 0;
	it.value.sec = expected / 1000000000L;
	it.value.nsec = expected % 1000000000L;
	if (sys(NR_TIMERFD_SETTIME, fd, TFD_TIMER_ABSTIME, (long)&it, 0) < 0)
		sys(NR_EXIT, 2, 0, 0, 0);
	p = put(buf, "armed expected_ns=");
	p = num(p, expected);
	*p++ = '\n';
	say(buf, p);

	sys(NR_READ, fd, (long)&ticks, sizeof(ticks), 0);
	woke = now_ns();
	p = put(buf, "fired expected_ns=");
	p = num(p, expected);
	p = put(p, " woke_ns=");
	p = num(p, woke);
	p = put(p, " late_ms=");
	p = num(p, (woke - expected) / 1000000L);
	*p++ = '\n';
	say(buf, p);
	sys(NR_EXIT, 0, 0, 0, 0);
}

asm(".globl _start\n_start:\n\tmov x0, sp\n\tbl cmain\n");
