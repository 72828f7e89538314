/* SPDX-License-Identifier: GPL-2.0 */
/*
 * For the e2e guest programs built with the kernel's nolibc, for arm64 and
 * 32-bit ARM alike: times in long long, and on 32-bit the time64 system
 * calls (a kernel without COMPAT_32BIT_TIME has no others), whose timespec
 * is the 64-bit one; numbers written without printf.
 */
#ifndef PSD_GUEST_TIME_H
#define PSD_GUEST_TIME_H

#define NSEC_PER_SEC		1000000000LL

#ifdef __NR_clock_gettime64
#define NR_CLOCK_GETTIME	__NR_clock_gettime64
#define NR_CLOCK_SETTIME	__NR_clock_settime64
#define NR_CLOCK_NANOSLEEP	__NR_clock_nanosleep_time64
#define NR_TIMERFD_SETTIME	__NR_timerfd_settime64
#else
#define NR_CLOCK_GETTIME	__NR_clock_gettime
#define NR_CLOCK_SETTIME	__NR_clock_settime
#define NR_CLOCK_NANOSLEEP	__NR_clock_nanosleep
#define NR_TIMERFD_SETTIME	__NR_timerfd_settime
#endif

/* struct __kernel_timespec */
struct ts {
	long long sec;
	long long nsec;
};

static inline long long now_ns(int clock)
{
	struct ts t;

	my_syscall2(NR_CLOCK_GETTIME, clock, &t);
	return t.sec * NSEC_PER_SEC + t.nsec;
}

static inline char *put(char *p, const char *s)
{
	while (*s)
		*p++ = *s++;
	return p;
}

static inline char *num(char *p, long long v)
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

/* " KEY=V" */
static inline char *kv(char *p, const char *key, long long v)
{
	*p++ = ' ';
	p = put(p, key);
	*p++ = '=';
	return num(p, v);
}

#endif /* PSD_GUEST_TIME_H */
