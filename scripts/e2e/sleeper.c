// SPDX-License-Identifier: GPL-2.0
/*
 * sleeper MODE [ASKED_US [THRESH_US [CPU [COMM]]]]: a task that sleeps, for the
 * sleepers scenarios (the module's "who overslept" layer).  Built with the
 * kernel's nolibc (guest_time.h); the guest has no libc.
 *
 *   nanosleep   loop: nanosleep(ASKED_US)                comm psd_nanosleep
 *   futex       loop: FUTEX_WAIT (private) on a word nobody wakes, with a
 *               relative timeout of ASKED_US             comm psd_futex
 *   epoll       loop: epoll_pwait() on an empty epoll set, timeout
 *               ASKED_US / 1000 ms                       comm psd_epoll
 *   sleep5      once: nanosleep(ASKED_US)                comm psd_sleep5
 *   bench       COUNT nanosleeps of ASKED_US, then only
 *               "bench comm= pid= mode= sleeps= elapsed_ns=" (THRESH_US
 *               is COUNT here)                           comm psd_bench
 *
 * ASKED_US defaults to 10000 (5000000 for sleep5), THRESH_US to 50000.
 * The loops stop when /tmp/stop exists.  CPU >= 0 pins the task there;
 * COMM replaces the mode's comm.
 * First "start comm= pid= mode= asked_us= cpu= boot_ns=", then for every sleep that took
 * more than ASKED_US + THRESH_US (CLOCK_BOOTTIME, which counts a suspend;
 * CLOCK_MONOTONIC shown too):
 *   slept comm= pid= mode= n= asked_us= rc= boot_us= mono_us= late_us=
 *         mono_start_ns= mono_end_ns= boot_start_ns= boot_end_ns=
 * (late_us = boot_us - asked_us; rc the call's return, a negative errno),
 * and at the end "done comm= pid= sleeps= long= max_us= last_rc= epfd=".
 */
#define CLOCK_MONOTONIC		1
#define CLOCK_BOOTTIME		7
#define PR_SET_NAME		15
#define FUTEX_WAIT_PRIVATE	128
#include "guest_time.h"

#ifdef __NR_futex_time64
#define NR_FUTEX		__NR_futex_time64
#else
#define NR_FUTEX		__NR_futex
#endif

static const char *mode, *comm;
static long long asked_us = 10000, thresh_us = 50000;
/*
 * asked_us as the sleep calls take it, computed once: on 32-bit ARM a
 * 64-bit division is a libgcc call, and a call next to my_syscall*()
 * clobbers the argument registers it loads (the epoll fd was lost, and
 * epoll_pwait() failed with -EINVAL).
 */
static struct ts asked_ts;
static long asked_ms;

static void say(const char *buf, const char *end)
{
	write(1, buf, end - buf);
}

static long long arg(const char *a, long long dflt)
{
	long long v = 0;
	int neg = 0;

	if (!a || !*a)
		return dflt;
	if (*a == '-') {
		neg = 1;
		a++;
	}
	while (*a >= '0' && *a <= '9')
		v = v * 10 + *a++ - '0';
	return neg ? -v : v;
}

static char *head(char *p, const char *what)
{
	p = put(p, what);
	p = put(p, " comm=");
	p = put(p, comm);
	p = kv(p, "pid", getpid());
	p = put(p, " mode=");
	p = put(p, mode);
	return p;
}

/* One sleep of asked_us the mode's way; its return value. */
static long sleep_once(int epfd)
{
	static int word;
	long long ev[2];	/* struct epoll_event */

	switch (mode[0]) {
	case 'f':
		return my_syscall6(NR_FUTEX, &word, FUTEX_WAIT_PRIVATE, 0,
				   &asked_ts, 0, 0);
	case 'e':
		return my_syscall6(__NR_epoll_pwait, epfd, ev, 1, asked_ms, 0,
				   8);
	default:
#ifdef __NR_clock_gettime64
		/* nanosleep() is CLOCK_MONOTONIC, relative */
		return my_syscall4(NR_CLOCK_NANOSLEEP, CLOCK_MONOTONIC, 0,
				   &asked_ts, 0);
#else
		return my_syscall2(__NR_nanosleep, &asked_ts, 0);
#endif
	}
}

int main(int argc, char **argv)
{
	long long n = 0, nlong = 0, max_us = 0, m0, b0, m1, b1, us, lrc = 0;
	unsigned long mask;
	struct stat st;
	int once, epfd = -1;
	char buf[400], *p;
	long cpu, rc;

	mode = argc > 1 ? argv[1] : "nanosleep";
	once = mode[0] == 's';
	comm = mode[0] == 'f' ? "psd_futex" : mode[0] == 'e' ? "psd_epoll" :
	       mode[0] == 'b' ? "psd_bench" : once ? "psd_sleep5" :
	       "psd_nanosleep";
	asked_us = arg(argc > 2 ? argv[2] : 0, once ? 5000000 : 10000);
	asked_ts.sec = asked_us / 1000000;
	asked_ts.nsec = asked_us % 1000000 * 1000;
	asked_ms = asked_us / 1000;
	thresh_us = arg(argc > 3 ? argv[3] : 0, 50000);
	cpu = arg(argc > 4 ? argv[4] : 0, -1);
	if (argc > 5)
		comm = argv[5];
	my_syscall5(__NR_prctl, PR_SET_NAME, comm, 0, 0, 0);
	if (cpu >= 0) {
		mask = 1UL << cpu;
		if (my_syscall3(__NR_sched_setaffinity, 0, sizeof(mask),
				&mask) < 0)
			return 3;
	}
	if (mode[0] == 'e') {
		epfd = my_syscall1(__NR_epoll_create1, 0);
		if (epfd < 0)
			return 2;
	}
	if (mode[0] == 'b') {
		m0 = now_ns(CLOCK_MONOTONIC);
		for (n = 0; n < thresh_us; n++)
			sleep_once(epfd);
		m1 = now_ns(CLOCK_MONOTONIC);
		p = head(buf, "bench");
		p = kv(p, "sleeps", n);
		p = kv(p, "elapsed_ns", m1 - m0);
		*p++ = '\n';
		say(buf, p);
		return 0;
	}
	p = head(buf, "start");
	p = kv(p, "asked_us", asked_us);
	p = kv(p, "cpu", cpu);
	p = kv(p, "boot_ns", now_ns(CLOCK_BOOTTIME));
	*p++ = '\n';
	say(buf, p);

	do {
		m0 = now_ns(CLOCK_MONOTONIC);
		b0 = now_ns(CLOCK_BOOTTIME);
		rc = sleep_once(epfd);
		b1 = now_ns(CLOCK_BOOTTIME);
		lrc = rc;
		m1 = now_ns(CLOCK_MONOTONIC);
		n++;
		us = (b1 - b0) / 1000;
		if (us > max_us)
			max_us = us;
		if (us <= asked_us + thresh_us)
			continue;
		nlong++;
		p = head(buf, "slept");
		p = kv(p, "n", n);
		p = kv(p, "asked_us", asked_us);
		p = kv(p, "rc", rc);
		p = kv(p, "boot_us", us);
		p = kv(p, "mono_us", (m1 - m0) / 1000);
		p = kv(p, "late_us", us - asked_us);
		p = kv(p, "mono_start_ns", m0);
		p = kv(p, "mono_end_ns", m1);
		p = kv(p, "boot_start_ns", b0);
		p = kv(p, "boot_end_ns", b1);
		*p++ = '\n';
		say(buf, p);
	} while (!once && stat("/tmp/stop", &st) != 0);

	p = head(buf, "done");
	p = kv(p, "sleeps", n);
	p = kv(p, "long", nlong);
	p = kv(p, "max_us", max_us);
	p = kv(p, "last_rc", lrc);
	p = kv(p, "epfd", epfd);
	*p++ = '\n';
	say(buf, p);
	return 0;
}
