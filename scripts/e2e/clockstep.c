// SPDX-License-Identifier: GPL-2.0
/*
 * clockstep SECONDS: step CLOCK_REALTIME forward by SECONDS with
 * clock_settime(), as date -s or hwclock -s do (the kernel then calls
 * clock_was_set()).  For the e2e guest, built with the kernel's nolibc (guest_time.h).
 */
#include "guest_time.h"

int main(int argc, char **argv)
{
	long long secs = 0;
	const char *a;
	struct ts t;

	for (a = argc > 1 ? argv[1] : "60"; *a >= '0' && *a <= '9'; a++)
		secs = secs * 10 + *a - '0';
	my_syscall2(NR_CLOCK_GETTIME, CLOCK_REALTIME, &t);
	t.sec += secs;
	if (my_syscall2(NR_CLOCK_SETTIME, CLOCK_REALTIME, &t)) {
		write(2, "clock_settime failed\n", 21);
		return 1;
	}
	return 0;
}
