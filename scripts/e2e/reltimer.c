// SPDX-License-Identifier: GPL-2.0
/*
 * reltimer: helpers for the rel_*.py e2e campaigns, built with the
 * kernel's nolibc (the guest has no libc).
 *
 *   reltimer load OUT      hrtimer traffic until /tmp/stop exists:
 *                          clock_nanosleep() of 100 us, 1 ms and 3 ms on
 *                          CLOCK_MONOTONIC and CLOCK_BOOTTIME; the number
 *                          of sleeps done is written to OUT now and then
 *   reltimer time CMD...   run CMD (absolute path), print
 *                          "time ms=<wall ms> rc=<exit status>"
 *   reltimer hexadd HEX N  print 0x(HEX + N): 64-bit addresses, which the
 *                          shell's and awk's arithmetic cannot hold
 */
#define CLOCK_MONOTONIC_ID	1
#define CLOCK_BOOTTIME_ID	7

/* On 32-bit, the time64 calls: COMPAT_32BIT_TIME may be off. */
#ifdef __NR_clock_gettime64
#define NR_CLOCK_GETTIME	__NR_clock_gettime64
#define NR_CLOCK_NANOSLEEP	__NR_clock_nanosleep_time64
#else
#define NR_CLOCK_GETTIME	__NR_clock_gettime
#define NR_CLOCK_NANOSLEEP	__NR_clock_nanosleep
#endif

/* struct __kernel_timespec */
struct ts {
	long long sec;
	long long nsec;
};

static long now_ms(void)
{
	struct ts t;

	my_syscall2(NR_CLOCK_GETTIME, CLOCK_MONOTONIC_ID, &t);
	return t.sec * 1000 + t.nsec / 1000000;
}

static void nap(int clock, long ns)
{
	struct ts t = { 0, ns };

	my_syscall4(NR_CLOCK_NANOSLEEP, clock, 0, &t, 0);
}

static void put_count(const char *out, unsigned long n)
{
	char buf[24];
	int fd = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	int len;

	if (fd < 0)
		return;
	utoa_r(n, buf);
	len = strlen(buf);
	buf[len++] = '\n';
	write(fd, buf, len);
	close(fd);
}

static int load(const char *out)
{
	static const long ns[] = { 100000, 1000000, 3000000 };
	unsigned long n = 0;
	struct stat st;

	for (;;) {
		nap(n & 1 ? CLOCK_BOOTTIME_ID : CLOCK_MONOTONIC_ID, ns[n % 3]);
		n++;
		if (n % 64 == 0) {
			put_count(out, n);
			if (stat("/tmp/stop", &st) == 0)
				return 0;
		}
	}
}

static int timed(char **argv, char **envp)
{
	long t0 = now_ms();
	int status = 0;
	pid_t pid = fork();

	if (pid < 0)
		return 2;
	if (pid == 0) {
		execve(argv[0], argv, envp);
		exit(127);
	}
	waitpid(pid, &status, 0);
	printf("time ms=%ld rc=%d\n", now_ms() - t0,
	       WIFEXITED(status) ? WEXITSTATUS(status) : 128);
	return 0;
}

static int hexadd(const char *hex, const char *dec)
{
	unsigned long v = 0;
	char out[20];
	int i;

	for (; *hex; hex++)
		v = v * 16 + (*hex <= '9' ? *hex - '0' : (*hex | 32) - 'a' + 10);
	v += atol(dec);
	for (i = 15; i >= 0; i--, v >>= 4)
		out[i] = "0123456789abcdef"[v & 15];
	out[16] = 0;
	printf("0x%s\n", out);
	return 0;
}

int main(int argc, char **argv, char **envp)
{
	if (argc == 4 && !strcmp(argv[1], "hexadd"))
		return hexadd(argv[2], argv[3]);
	if (argc == 3 && !strcmp(argv[1], "load"))
		return load(argv[2]);
	if (argc >= 3 && !strcmp(argv[1], "time"))
		return timed(argv + 2, envp);
	printf("usage: reltimer load OUT | reltimer time CMD...\n");
	return 2;
}
