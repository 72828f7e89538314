// SPDX-License-Identifier: GPL-2.0
/*
 * ctlfuzz: bad input for pmic_sleepdiag's debugfs files, for the
 * rel_control_fuzz e2e campaign.  Built with the kernel's nolibc (the
 * guest has no libc); raw system calls return -errno.
 *
 *   ctlfuzz writes N SEED   N writes to control: random bytes, over-long,
 *                           embedded NUL, split/offset writes, every set
 *                           key at and past its bounds, nonexistent IRQs,
 *                           syntax errors, some valid commands.  After
 *                           each rejected write the state (summary minus
 *                           last_control_error and the counters probes
 *                           move, plus the watched IRQs) must be unchanged
 *   ctlfuzz writers K N     K processes, each N writes to its own key,
 *                           valid and invalid alternately; then every key
 *                           holds its writer's last value
 *   ctlfuzz irqfill LIST    watch_irq every existing IRQ (LIST: numbers,
 *                           one a line) until the list holds 64
 *   ctlfuzz reads LIST [1]  every file in LIST read with sizes 1 3 7 4095
 *                           4097, lseek to odd offsets, SEEK_CUR, SEEK_END;
 *                           with 1: the stable files are compared with a
 *                           whole read (nothing else may run meanwhile)
 *   ctlfuzz readers K LIST  K processes doing "reads LIST" until /tmp/stop
 *   ctlfuzz nobody LIST     as uid/gid 65534 every open must fail
 *   ctlfuzz modes LIST      0400 for every file but control (0200)
 *
 * Results are "key=value" lines; "mismatch ..." lines say what went wrong.
 */
#define D		"/sys/kernel/debug/pmic_sleepdiag"
#define CTL		D "/control"
#define AT_CWD		-100
#define MAXLINE		128
#define NOBODY		65534
#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

static char big[1 << 20], big2[1 << 20];
static char st_base[16384], st_now[16384];
static char wbuf[70000];

/* ---- small tools ---- */

static unsigned long rs = 88172645463325252UL;

static unsigned long rnd(void)
{
	rs ^= rs << 13;
	rs ^= rs >> 7;
	rs ^= rs << 17;
	return rs;
}

static int xopen(const char *path, int flags)
{
	return my_syscall4(__NR_openat, AT_CWD, path, flags, 0);
}

static long xread(int fd, char *b, long n)
{
	return my_syscall3(__NR_read, fd, b, n);
}

static long xwrite(int fd, const char *b, long n)
{
	return my_syscall3(__NR_write, fd, b, n);
}

static long xpwrite(int fd, const char *b, long n, long off)
{
	return my_syscall4(__NR_pwrite64, fd, b, n, off);
}

static long xlseek(int fd, long off, int whence)
{
	return my_syscall3(__NR_lseek, fd, off, whence);
}

/* Whole file into @b (NUL-terminated); length or -errno. */
static long slurp(const char *path, char *b, long cap)
{
	long n = 0, r;
	int fd = xopen(path, O_RDONLY);

	if (fd < 0)
		return fd;
	while (n < cap - 1 && (r = xread(fd, b + n, 4096 < cap - 1 - n ?
					 4096 : cap - 1 - n)) > 0)
		n += r;
	close(fd);
	b[n] = 0;
	return r < 0 ? r : n;
}

/* nolibc has no strstr. */
static char *strstr(const char *h, const char *n)
{
	size_t l = strlen(n);

	for (; *h; h++)
		if (!strncmp(h, n, l))
			return (char *)h;
	return NULL;
}

static int starts(const char *s, const char *p)
{
	return !strncmp(s, p, strlen(p));
}

static char *cat(char *d, const char *s)
{
	while (*s)
		*d++ = *s++;
	*d = 0;
	return d;
}

static char *catn(char *d, unsigned long v)
{
	char t[24];

	utoa_r(v, t);
	return cat(d, t);
}

/* Lines of @path, one per entry of @out (at most @max); returns count. */
static int lines(const char *path, char **out, int max)
{
	static char lb[65536];
	int n = 0;
	char *p;

	if (slurp(path, lb, sizeof(lb)) < 0)
		return 0;
	for (p = lb; *p && n < max; ) {
		out[n++] = p;
		while (*p && *p != '\n')
			p++;
		if (*p)
			*p++ = 0;
	}
	return n;
}

/*
 * What a rejected write must not change: summary without
 * last_control_error and the counters that probes move on their own,
 * plus the list of watched IRQs.
 */
static void state(char *out)
{
	static const char *const skip[] = {
		"last_control_error:", "anomalies", "events_dropped:", "ws_",
		"irq_unsupported:",
	};
	char *o = out, *p, *e;
	unsigned int i;
	int keep;

	*o = 0;
	if (slurp(D "/summary", big2, sizeof(big2)) < 0)
		return;
	for (p = big2; *p; p = e) {
		for (e = p; *e && *e != '\n'; e++)
			;
		if (*e)
			e++;
		keep = 1;
		for (i = 0; i < ARRAY_SIZE(skip); i++)
			if (starts(p, skip[i]))
				keep = 0;
		if (keep && o + (e - p) < out + sizeof(st_base) - 64) {
			memcpy(o, p, e - p);
			o += e - p;
		}
	}
	if (slurp(D "/irq/pending", big2, sizeof(big2)) < 0)
		return;
	for (p = big2; *p; ) {
		if (starts(p, "irq=")) {
			for (; *p && *p != ' ' && o < out + sizeof(st_base) - 2; )
				*o++ = *p++;
			*o++ = '\n';
		}
		while (*p && *p != '\n')
			p++;
		if (*p)
			p++;
	}
	*o = 0;
}

static int lce(char *out, int cap)
{
	char *p, *e;

	out[0] = 0;
	if (slurp(D "/summary", big2, sizeof(big2)) < 0)
		return -1;
	p = strstr(big2, "last_control_error: ");
	if (!p)
		return -1;
	p += 20;
	for (e = p; *e && *e != '\n' && e - p < cap - 1; e++)
		;
	memcpy(out, p, e - p);
	out[e - p] = 0;
	return 0;
}

/* One write (at @off when not 0) on a fresh fd; 0 or -errno. */
static long ctl(const char *b, long n, long off)
{
	int fd = xopen(CTL, O_WRONLY);
	long r;

	if (fd < 0)
		return fd;
	r = off ? xpwrite(fd, b, n, off) : xwrite(fd, b, n);
	close(fd);
	if (r >= 0 && r != n)
		return -1000;		/* short write: never expected */
	return r < 0 ? r : 0;
}

static long ctls(const char *s)
{
	return ctl(s, strlen(s), 0);
}

/* ---- the set keys and their documented ranges (Documentation/interface.rst) ---- */

static const struct {
	const char *key;
	unsigned long min, max;
	int zero_ok;
} keys[] = {
	{ "stuck_ms", 10, 600000, 0 },
	{ "ws_stuck_ms", 100, 3600000, 0 },
	{ "alarm_late_ms", 1, 600000, 0 },
	{ "hrtimer_late_us", 1, 10000000, 0 },
	{ "post_resume_ms", 1, 600000, 0 },
	{ "resume_slow_ms", 1, 600000, 0 },
	{ "probe_period_us", 100, 1000000, 1 },
	{ "gic_scan", 0, 1, 0 },
};

#define NKEYS	ARRAY_SIZE(keys)

/* ---- the write campaign ---- */

enum { C_RANDOM, C_LONG, C_NUL, C_SPLIT, C_BOUND, C_IRQ, C_SYNTAX, C_VALID,
	NCAT };
static const char *const catname[NCAT] = {
	"random", "overlong", "nul", "split", "bound", "irq", "syntax", "valid"
};

static unsigned long tried[NCAT], acc[NCAT], rej[NCAT], mism[NCAT];
static unsigned long checks, changed, lce_bad, shown;
static int check_every = 1;

static void show(const char *what, int c, const char *b, long n, long got)
{
	long i;

	mism[c]++;
	if (shown++ >= 30)
		return;
	printf("mismatch cat=%s what=\"%s\" got=%ld len=%ld bytes=", catname[c],
	       what, got, n);
	for (i = 0; i < n && i < 48; i++)
		printf("%x%x", (b[i] >> 4) & 15, b[i] & 15);
	printf("\n");
}

/*
 * Submit @b and judge it: @expect 1 accepted, 0 rejected with EINVAL.
 * A rejected write must leave the state as it was.
 */
static void judge(int c, const char *b, long n, long off, int expect)
{
	char e[200];
	long r;

	tried[c]++;
	r = ctl(b, n, off);
	if (r == 0) {
		acc[c]++;
		if (!expect)
			show("accepted, should be rejected", c, b, n, r);
		state(st_base);
		return;
	}
	rej[c]++;
	if (expect)
		show("rejected, should be accepted", c, b, n, r);
	else if (r != -EINVAL)
		show("rejected with an errno other than EINVAL", c, b, n, r);
	if (tried[c] % check_every)
		return;
	checks++;
	state(st_now);
	if (strcmp(st_now, st_base)) {
		changed++;
		show("rejected write changed the state", c, b, n, r);
		memcpy(st_base, st_now, sizeof(st_base));
	}
	if (lce(e, sizeof(e)) || e[0] != '"' || strlen(e) < 3) {
		lce_bad++;
		show("last_control_error not set", c, b, n, r);
	}
}

/* A valid "set" with a value in range; slow probe periods only. */
static long valid_set(char *b)
{
	unsigned int k = rnd() % NKEYS;
	unsigned long lo = keys[k].min, v;
	char *p;

	if (keys[k].zero_ok)
		lo = 20000;
	v = lo + rnd() % (keys[k].max - lo + 1);
	if (keys[k].zero_ok && rnd() % 2)
		v = 0;
	p = cat(b, "set ");
	p = cat(p, keys[k].key);
	p = cat(p, " ");
	p = catn(p, v);
	if (rnd() % 2)
		p = cat(p, "\n");
	return p - b;
}

static void probe_off(void)
{
	judge(C_VALID, "set probe_period_us 0", 21, 0, 1);
}

static void gen_random(void)
{
	long n = 1 + rnd() % 200, i;

	for (i = 0; i < n; i++)
		wbuf[i] = rnd();
	judge(C_RANDOM, wbuf, n, 0, 0);
}

/* "set stuck_ms 000...0001000": valid but for its length. */
static void gen_long(void)
{
	static const long lens[] = { 127, 128, 129, 130, 200, 255, 256, 1000,
				     4095, 4096, 4097, 65536 };
	long L = lens[rnd() % (ARRAY_SIZE(lens))];
	int nl = rnd() % 2, expect;
	long body = L - nl, i;
	char *p = cat(wbuf, "set stuck_ms ");

	for (i = p - wbuf; i < body - 4; i++)
		wbuf[i] = '0';
	memcpy(wbuf + body - 4, "1000", 4);
	if (nl)
		wbuf[body] = '\n';
	expect = L <= MAXLINE;
	judge(C_LONG, wbuf, L, 0, expect);
}

static void gen_nul(void)
{
	long n = valid_set(wbuf), at;

	if (wbuf[n - 1] == '\n')
		n--;
	at = rnd() % (n + 1);
	if (rnd() % 2) {
		wbuf[at < n ? at : n - 1] = 0;		/* replace */
	} else {
		memmove(wbuf + at + 1, wbuf + at, n - at);	/* insert */
		wbuf[at] = 0;
		n++;
	}
	judge(C_NUL, wbuf, n, 0, 0);
}

static void gen_split(void)
{
	long n = valid_set(wbuf), h, r;
	int fd;

	switch (rnd() % 3) {
	case 0:		/* a whole command at an offset */
		judge(C_SPLIT, wbuf, n, 1 + rnd() % 300, 0);
		break;
	case 1:		/* two commands on one fd: the second is at offset n */
		fd = xopen(CTL, O_WRONLY);
		tried[C_SPLIT] += 2;
		r = xwrite(fd, wbuf, n);
		if (r == n)
			acc[C_SPLIT]++;
		else
			show("first write on a fresh fd rejected", C_SPLIT,
			     wbuf, n, r);
		state(st_base);
		r = xwrite(fd, wbuf, n);
		close(fd);
		if (r == -EINVAL)
			rej[C_SPLIT]++;
		else
			show("second write on one fd accepted", C_SPLIT, wbuf,
			     n, r);
		break;
	default:	/* one command in two writes on one fd */
		/* Cut before the value: a cut inside it leaves a valid
		 * command ("set stuck_ms 97824" -> "set stuck_ms 97").
		 */
		for (h = n - 1; h > 0 && wbuf[h - 1] != ' '; h--)
			;
		h = 1 + rnd() % h;
		fd = xopen(CTL, O_WRONLY);
		tried[C_SPLIT] += 2;
		r = xwrite(fd, wbuf, h);
		if (r != -EINVAL)
			show("first half accepted", C_SPLIT, wbuf, h, r);
		r = r == -EINVAL ? xwrite(fd, wbuf + h, n - h) : -EINVAL;
		close(fd);
		if (r != -EINVAL)
			show("second half accepted", C_SPLIT, wbuf + h, n - h, r);
		rej[C_SPLIT] += 2;
		state(st_now);
		checks++;
		if (strcmp(st_now, st_base)) {
			changed++;
			show("split write changed the state", C_SPLIT, wbuf, n,
			     r);
			memcpy(st_base, st_now, sizeof(st_base));
		}
		break;
	}
}

static void set_value(unsigned int k, const char *val, int expect)
{
	char *p = cat(wbuf, "set ");

	p = cat(p, keys[k].key);
	p = cat(p, " ");
	p = cat(p, val);
	judge(C_BOUND, wbuf, p - wbuf, 0, expect);
	if (expect && keys[k].zero_ok)
		probe_off();
}

static void set_num(unsigned int k, unsigned long v, int expect)
{
	char t[24];

	utoa_r(v, t);
	set_value(k, t, expect);
}

/* Every key at, and just past, both ends of its range; odd numbers. */
static void gen_bound(unsigned int k)
{
	unsigned long lo = keys[k].min, hi = keys[k].max;

	set_num(k, lo, 1);
	set_num(k, hi, 1);
	set_num(k, lo - 1, lo - 1 == 0 && keys[k].zero_ok);
	set_num(k, hi + 1, 0);
	set_num(k, 0, keys[k].zero_ok || lo == 0);
	set_num(k, (1UL << 32) + lo, 0);	/* u32 truncation would fit */
	set_num(k, (1UL << 32) + hi, 0);
	set_num(k, ~0UL, 0);
	set_value(k, "18446744073709551616", 0);
	set_value(k, "-1", 0);
	set_value(k, "1e3", 0);
	set_value(k, "0x64", 0);
	set_value(k, "", 0);
}

static unsigned long irq_max;

static void gen_irq(void)
{
	static const char *const bad[] = {
		"100000", "2147483647", "2147483648", "4294967295",
		"4294967296", "18446744073709551616", "-1", "abc", "1.5", "",
	};
	char t[24], *p;

	p = cat(wbuf, rnd() % 2 ? "watch_irq " : "unwatch_irq ");
	if (rnd() % 2) {
		utoa_r(irq_max + 1 + rnd() % 5, t);
		p = cat(p, t);
	} else {
		p = cat(p, bad[rnd() % (ARRAY_SIZE(bad))]);
	}
	judge(C_IRQ, wbuf, p - wbuf, 0, 0);
}

static void gen_syntax(void)
{
	static const char *const bad[] = {
		"\n", "\n\n", " ", "reset\n\n", "reset ", " reset", "reset\r",
		"RESET", "reset\t", "snapshot now", "set", "set stuck_ms",
		"set  stuck_ms 1000", "set stuck_ms  1000", "set stuck_ms 1000 1",
		"set STUCK_MS 1000", "set no_such_key 1", "watch_irq",
		"watch_irq 1 2", "\x7f", "r\xc3\xa9set", "reset\n ",
		"set stuck_ms 1000\n\n", "snapshot\r\n", "reset;reset",
	};
	const char *s = bad[rnd() % (ARRAY_SIZE(bad))];

	judge(C_SYNTAX, s, strlen(s), 0, 0);
}

static void gen_valid(void)
{
	long n;

	switch (rnd() % 10) {
	case 0:
		judge(C_VALID, "reset\n", 6, 0, 1);
		break;
	case 1:
	case 2:
		judge(C_VALID, "snapshot", 8, 0, 1);
		break;
	default:
		n = valid_set(wbuf);
		judge(C_VALID, wbuf, n, 0, 1);
	}
}

static int cmd_writes(long total, unsigned long seed, const char *irqs)
{
	char *l[512];
	unsigned long t = 0, a = 0, r = 0, m = 0;
	int n, i, c;

	rs ^= seed * 2654435761UL;
	n = lines(irqs, l, 512);
	for (i = 0; i < n; i++)
		if ((unsigned long)atol(l[i]) > irq_max)
			irq_max = atol(l[i]);
	state(st_base);
	for (i = 0; t < (unsigned long)total; i++) {
		if (i % 500 == 0)
			for (c = 0; c < (int)NKEYS; c++)
				gen_bound(c);
		switch (rnd() % 20) {
		case 0 ... 5:
			gen_random();
			break;
		case 6 ... 7:
			gen_long();
			break;
		case 8 ... 9:
			gen_nul();
			break;
		case 10 ... 11:
			gen_split();
			break;
		case 12 ... 13:
			gen_irq();
			break;
		case 14 ... 16:
			gen_syntax();
			break;
		default:
			gen_valid();
		}
		t = 0;
		a = 0;
		r = 0;
		m = 0;
		for (c = 0; c < NCAT; c++) {
			t += tried[c];
			a += acc[c];
			r += rej[c];
			m += mism[c];
		}
		if (i == 3000)
			check_every = 5;	/* sampled from here on */
	}
	for (c = 0; c < NCAT; c++)
		printf("cat name=%s tried=%lu accepted=%lu rejected=%lu mismatches=%lu\n",
		       catname[c], tried[c], acc[c], rej[c], mism[c]);
	printf("writes tried=%lu accepted=%lu rejected=%lu mismatches=%lu ",
	       t, a, r, m);
	printf("state_checks=%lu state_changed=%lu lce_missing=%lu\n",
	       checks, changed, lce_bad);
	return 0;
}

/* ---- concurrent writers, each on its own key ---- */

static int cmd_writers(int k, long n)
{
	int i, status, bad = 0;
	pid_t pid[NKEYS];
	char b[64], *p, t[24];

	/* not the probe period, nor gic_scan (its range has no room) */
	if (k > (int)NKEYS - 2)
		k = NKEYS - 2;
	for (i = 0; i < k; i++) {
		pid[i] = fork();
		if (pid[i] == 0) {
			long j, r;
			unsigned long v;
			int m = 0, ok;

			rs ^= (i + 1) * 0x9e3779b97f4a7c15UL;
			for (j = 0; j <= n; j++) {
				ok = j % 2 == 0;
				v = ok ? keys[i].min + rnd() %
					 (keys[i].max - keys[i].min + 1) :
					 keys[i].max + 1 + rnd() % 1000;
				if (j == n) {
					ok = 1;
					v = keys[i].min + i + 7;
				}
				p = cat(b, "set ");
				p = cat(p, keys[i].key);
				p = cat(p, " ");
				p = catn(p, v);
				r = ctl(b, p - b, 0);
				if (ok ? r != 0 : r != -EINVAL)
					m++;
			}
			exit(m > 255 ? 255 : m);
		}
	}
	for (i = 0; i < k; i++) {
		waitpid(pid[i], &status, 0);
		if (!WIFEXITED(status) || WEXITSTATUS(status)) {
			bad++;
			printf("mismatch writer=%d status=%d\n", i, status);
		}
	}
	slurp(D "/summary", big, sizeof(big));
	for (i = 0; i < k; i++) {
		p = cat(b, "setting.");
		p = cat(p, keys[i].key);
		p = cat(p, ": ");
		utoa_r(keys[i].min + i + 7, t);
		p = cat(p, t);
		p = cat(p, "\n");
		if (!strstr(big, b)) {
			bad++;
			printf("mismatch writer=%d final value not %s\n", i, t);
		}
	}
	printf("writers procs=%d writes=%ld mismatches=%d\n", k, k * (n + 1),
	       bad);
	return 0;
}

/* ---- watch list up to its bound ---- */

static int watched(char *set, int max)
{
	char *p;
	int n = 0;
	long irq;

	memset(set, 0, max);
	slurp(D "/irq/pending", big, sizeof(big));
	for (p = big; *p; ) {
		if (starts(p, "irq=")) {
			irq = atol(p + 4);
			if (irq >= 0 && irq < max)
				set[irq] = 1;
			n++;
		}
		while (*p && *p != '\n')
			p++;
		if (*p)
			p++;
	}
	return n;
}

static int cmd_irqfill(const char *irqs)
{
	static char set[4096], added[4096];
	char *l[512], b[48], e[200];
	int n, i, w0, w, irq, nadd = 0, full = 0, bad = 0;
	long r;

	n = lines(irqs, l, 512);
	w = watched(set, sizeof(set));
	w0 = w;
	for (i = 0; i < n; i++) {
		irq = atol(l[i]);
		if (irq < 0 || irq >= (int)sizeof(set) || set[irq])
			continue;
		cat(catn(cat(b, "watch_irq "), irq), "");
		r = ctls(b);
		if (w < 64 && r == 0) {
			added[irq] = 1;
			nadd++;
			w++;
		} else if (w >= 64 && r == -EINVAL) {
			full++;
			lce(e, sizeof(e));
			if (!strstr(e, "full")) {
				bad++;
				printf("mismatch irqfill irq=%d error=%s\n",
				       irq, e);
			}
		} else {
			/* An IRQ may be one irq_get_irq_data() cannot see. */
			printf("note irqfill irq=%d r=%ld watched=%d\n", irq,
			       r, w);
		}
	}
	if (watched(set, sizeof(set)) != w) {
		bad++;
		printf("mismatch irqfill watched count\n");
	}
	for (i = 0; i < (int)sizeof(added); i++) {
		if (!added[i])
			continue;
		cat(catn(cat(b, "unwatch_irq "), i), "");
		if (ctls(b))
			bad++;
		if (ctls(b) != -EINVAL)	/* not watched any more */
			bad++;
	}
	printf("irqfill existing=%d watched_before=%d added=%d ", n, w0, nadd);
	printf("watched_max=%d rejected_full=%d mismatches=%d\n", w, full,
	       bad);
	return 0;
}

/* ---- readers ---- */

static const char *const stable[] = {
	D "/summary", D "/pmic/snapshots", D "/pmic/lint",
	D "/alarm/history",
};

static int is_stable(const char *path)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(stable); i++)
		if (!strcmp(path, stable[i]))
			return 1;
	return 0;
}

static unsigned long r_files, r_reads, r_bytes, r_err, r_cmp, r_diff,
	r_seeks, r_seek_end_err;

/* Read @path in @sz chunks into big2; length or -errno. */
static long chunked(const char *path, long sz)
{
	long n = 0, r = 0;
	int fd = xopen(path, O_RDONLY);

	if (fd < 0)
		return fd;
	while (n + sz < (long)sizeof(big2) - 1 &&
	       (r = xread(fd, big2 + n, sz)) > 0) {
		n += r;
		r_reads++;
	}
	close(fd);
	big2[n] = 0;
	return r < 0 ? r : n;
}

static void read_one(const char *path, int cmp)
{
	static const long sizes[] = { 1, 3, 7, 4095, 4097 };
	static const long offs[] = { 1, 3, 7, 4095, 4097 };
	int ctlfile = !!strstr(path, "/control");
	long full, r, o;
	unsigned int i;
	char b[64];
	int fd;

	r_files++;
	full = slurp(path, big, sizeof(big));
	if (full < 0 && !(ctlfile && full == -EINVAL)) {
		r_err++;
		printf("mismatch read path=%s err=%ld\n", path, full);
	}
	cmp = cmp && is_stable(path) && full >= 0;
	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		r = chunked(path, sizes[i]);
		if (r < 0) {
			if (!ctlfile)
				r_err++;
			continue;
		}
		r_bytes += r;
		if (cmp) {
			r_cmp++;
			if (r != full || memcmp(big, big2, r)) {
				r_diff++;
				printf("mismatch chunked path=%s size=%ld\n",
				       path, sizes[i]);
			}
		}
	}
	fd = xopen(path, O_RDONLY);
	if (fd < 0)
		return;
	for (i = 0; i < ARRAY_SIZE(offs); i++) {
		r_seeks++;
		o = xlseek(fd, offs[i], SEEK_SET);
		if (o < 0)
			continue;
		r = xread(fd, b, 7);
		if (cmp && r >= 0) {
			r_cmp++;
			if (o != offs[i] ||
			    r != (offs[i] >= full ? 0 :
				  full - offs[i] < 7 ? full - offs[i] : 7) ||
			    memcmp(b, big + offs[i], r)) {
				r_diff++;
				printf("mismatch seek path=%s off=%ld got=%ld\n",
				       path, offs[i], r);
			}
		}
		o = xlseek(fd, 3, SEEK_CUR);
		r = xread(fd, b, 3);
	}
	r_seeks++;
	if (xlseek(fd, 0, SEEK_END) < 0)
		r_seek_end_err++;
	r = xread(fd, b, 5);
	r_seeks++;
	xlseek(fd, -1, SEEK_SET);
	close(fd);
}

static int cmd_reads(const char *list, int cmp)
{
	char *l[128];
	int n = lines(list, l, 128), i;

	for (i = 0; i < n; i++)
		read_one(l[i], cmp);
	printf("reads files=%lu read_calls=%lu bytes=%lu errors=%lu ",
	       r_files, r_reads, r_bytes, r_err);
	printf("compared=%lu differed=%lu seeks=%lu seek_end_rejected=%lu\n",
	       r_cmp, r_diff, r_seeks, r_seek_end_err);
	return 0;
}

static int cmd_readers(int k, const char *list)
{
	struct stat st;
	char *l[128];
	int i, j, n;

	for (i = 0; i < k; i++) {
		if (fork() == 0) {
			n = lines(list, l, 128);
			do {
				for (j = 0; j < n; j++)
					read_one(l[j], 0);
			} while (stat("/tmp/stop", &st));
			printf("readers proc=%d files=%lu read_calls=%lu errors=%lu\n",
			       i, r_files, r_reads, r_err);
			exit(r_err ? 1 : 0);
		}
	}
	for (i = 0, j = 0; i < k; i++) {
		int status;

		wait(&status);
		j += !WIFEXITED(status) || WEXITSTATUS(status);
	}
	printf("readers procs=%d failed=%d\n", k, j);
	return 0;
}

/* ---- permissions ---- */

static int cmd_nobody(const char *list)
{
	char *l[128];
	int n, i, status, fd;
	unsigned long denied = 0, allowed = 0, other = 0;
	pid_t pid = fork();

	if (pid) {
		waitpid(pid, &status, 0);
		return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
	}
	n = lines(list, l, 128);
	l[n++] = D;
	if (my_syscall2(__NR_setgroups, 0, 0) ||
	    my_syscall1(__NR_setgid, NOBODY) || my_syscall1(__NR_setuid, NOBODY) ||
	    getuid() != NOBODY) {
		printf("mismatch nobody: cannot drop to uid %d\n", NOBODY);
		exit(1);
	}
	for (i = 0; i < 2 * n; i++) {
		fd = xopen(l[i / 2], i % 2 ? O_WRONLY : O_RDONLY);
		if (fd >= 0) {
			allowed++;
			printf("mismatch nobody opened path=%s mode=%s\n",
			       l[i / 2], i % 2 ? "w" : "r");
			close(fd);
		} else if (fd == -EACCES || fd == -EPERM) {
			denied++;
		} else {
			other++;
			printf("note nobody path=%s err=%d\n", l[i / 2], fd);
		}
	}
	printf("nobody uid=%d opens=%d denied=%lu allowed=%lu other=%lu\n",
	       getuid(), 2 * n, denied, allowed, other);
	exit(allowed ? 1 : 0);
}

static int cmd_modes(const char *list)
{
	char *l[128];
	int n = lines(list, l, 128), i, bad = 0;
	struct stat st;
	unsigned int want;

	for (i = 0; i < n; i++) {
		want = strstr(l[i], "/control") ? 0200 : 0400;
		if (stat(l[i], &st) || (st.st_mode & 07777) != want) {
			bad++;
			printf("mismatch mode path=%s mode=%o\n", l[i],
			       st.st_mode & 07777);
		}
	}
	printf("modes files=%d wrong=%d\n", n, bad);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 5 && !strcmp(argv[1], "writes"))
		return cmd_writes(atol(argv[2]), atol(argv[3]), argv[4]);
	if (argc == 4 && !strcmp(argv[1], "writers"))
		return cmd_writers(atol(argv[2]), atol(argv[3]));
	if (argc == 3 && !strcmp(argv[1], "irqfill"))
		return cmd_irqfill(argv[2]);
	if (argc >= 3 && !strcmp(argv[1], "reads"))
		return cmd_reads(argv[2], argc > 3);
	if (argc == 4 && !strcmp(argv[1], "readers"))
		return cmd_readers(atol(argv[2]), argv[3]);
	if (argc == 3 && !strcmp(argv[1], "nobody"))
		return cmd_nobody(argv[2]);
	if (argc == 3 && !strcmp(argv[1], "modes"))
		return cmd_modes(argv[2]);
	printf("usage: see the comment at the top of the source\n");
	return 2;
}
