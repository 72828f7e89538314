// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: the JSON writer (pmic_sleepdiag/json.c) and the two report
 * formats (pmic_sleepdiag/report_show.c).  A strict JSON validator and a
 * key=value tokenizer, both written here, check the output of hand-built
 * cycle records that take every branch of the formatters, with hostile
 * wakeup source names.  seq_files over small buffers check the bounds.
 */
#include <kunit/test.h>
#include <linux/ctype.h>
#include <linux/seq_file.h>
#include <linux/string.h>

#include "../pmic_sleepdiag/devpm.h"
#include "../pmic_sleepdiag/sleepers.h"
#include "psd_kunit.h"
#include "records.h"
#include "render.h"

#define GUARD		32	/* canary bytes after a seq_file's buffer */
#define CANARY		0xa5
#define REPORT_SIZE	(16 * 1024)

/* ---- a strict JSON validator: RFC 8259, ASCII only ---- */

struct jv {
	const char *p;
	const char *end;
	unsigned int depth;
};

static bool jv_value(struct jv *v);

static void jv_ws(struct jv *v)
{
	while (v->p < v->end && (*v->p == ' ' || *v->p == '\t' ||
				 *v->p == '\n' || *v->p == '\r'))
		v->p++;
}

static bool jv_lit(struct jv *v, const char *lit)
{
	size_t n = strlen(lit);

	if (v->end - v->p < n || memcmp(v->p, lit, n))
		return false;
	v->p += n;
	return true;
}

static bool jv_string(struct jv *v)
{
	unsigned int k;

	if (v->p >= v->end || *v->p != '"')
		return false;
	v->p++;
	while (v->p < v->end) {
		unsigned char c = *v->p++;

		if (c == '"')
			return true;
		/* Raw bytes >= 0x80 would have to be UTF-8: the writer escapes. */
		if (c < 0x20 || c >= 0x80)
			return false;
		if (c != '\\')
			continue;
		if (v->p >= v->end)
			return false;
		c = *v->p++;
		if (c == 'u') {
			for (k = 0; k < 4; k++, v->p++)
				if (v->p >= v->end || !isxdigit(*v->p))
					return false;
		} else if (!c || !strchr("\"\\/bfnrt", c)) {
			return false;
		}
	}
	return false;
}

static bool jv_digits(struct jv *v)
{
	const char *s = v->p;

	while (v->p < v->end && isdigit(*v->p))
		v->p++;
	return v->p > s;
}

static bool jv_number(struct jv *v)
{
	if (v->p < v->end && *v->p == '-')
		v->p++;
	if (v->p >= v->end)
		return false;
	if (*v->p == '0')
		v->p++;
	else if (*v->p < '1' || *v->p > '9' || !jv_digits(v))
		return false;
	if (v->p < v->end && *v->p == '.') {
		v->p++;
		if (!jv_digits(v))
			return false;
	}
	if (v->p < v->end && (*v->p == 'e' || *v->p == 'E')) {
		v->p++;
		if (v->p < v->end && (*v->p == '+' || *v->p == '-'))
			v->p++;
		if (!jv_digits(v))
			return false;
	}
	return true;
}

static bool jv_container(struct jv *v, bool obj)
{
	char close = obj ? '}' : ']';

	v->p++;
	if (++v->depth > 32)
		return false;
	jv_ws(v);
	if (v->p < v->end && *v->p == close) {
		v->p++;
		v->depth--;
		return true;
	}
	for (;;) {
		if (obj) {
			if (!jv_string(v))
				return false;
			jv_ws(v);
			if (v->p >= v->end || *v->p != ':')
				return false;
			v->p++;
		}
		if (!jv_value(v))
			return false;
		jv_ws(v);
		if (v->p >= v->end)
			return false;
		if (*v->p == close) {
			v->p++;
			v->depth--;
			return true;
		}
		if (*v->p != ',')
			return false;
		v->p++;
		jv_ws(v);
	}
}

static bool jv_value(struct jv *v)
{
	jv_ws(v);
	if (v->p >= v->end)
		return false;
	switch (*v->p) {
	case '{':
		return jv_container(v, true);
	case '[':
		return jv_container(v, false);
	case '"':
		return jv_string(v);
	case 't':
		return jv_lit(v, "true");
	case 'f':
		return jv_lit(v, "false");
	case 'n':
		return jv_lit(v, "null");
	default:
		return jv_number(v);
	}
}

/* One JSON value and nothing but white space after it. */
static bool json_valid(const char *s, size_t len)
{
	struct jv v = { .p = s, .end = s + len };

	if (!jv_value(&v))
		return false;
	jv_ws(&v);
	return v.p == v.end;
}

/* ---- a key=value line tokenizer, as the report files promise ---- */

static bool kv_key_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
}

/* Tokens key=value, single spaces between; "quoted" values may hold spaces. */
static bool kv_line(const char *l, size_t n)
{
	size_t i = 0, s;

	for (;;) {
		for (s = i; i < n && kv_key_char(l[i]); i++)
			;
		if (i == s || i >= n || l[i] != '=')
			return false;
		i++;
		if (i < n && l[i] == '"') {
			for (i++; i < n && l[i] != '"'; i++)
				if (l[i] < 0x20 || l[i] > 0x7e)
					return false;
			if (i++ >= n)
				return false;
		} else {
			for (s = i; i < n && l[i] != ' '; i++)
				if (l[i] <= 0x20 || l[i] > 0x7e || l[i] == '"' ||
				    l[i] == '=')
					return false;
			if (i == s)
				return false;
		}
		if (i == n)
			return true;
		if (l[i++] != ' ' || i == n)
			return false;
	}
}

static bool kv_valid(const char *s)
{
	return kv_line(s, strlen(s));
}

/* ---- seq_files the test owns ---- */

/* A seq_file over @size bytes, followed by GUARD canary bytes. */
static struct seq_file *seq(struct kunit *test, size_t size)
{
	struct seq_file *m = psd_kunit_seq(test, size + GUARD);

	memset(m->buf, CANARY, size + GUARD);
	m->size = size;
	return m;
}

static bool guard_intact(const struct seq_file *m)
{
	unsigned int i;

	for (i = 0; i < GUARD; i++)
		if ((u8)m->buf[m->size + i] != CANARY)
			return false;
	return true;
}

/* @j begun, an array or an object, on a fresh seq_file of @size bytes. */
static struct seq_file *begun(struct kunit *test, struct psd_json *j,
			      size_t size, bool array)
{
	struct seq_file *m = seq(test, size);

	psd_json_begin(j, m, array);
	return m;
}

/* What was written, as a string; the seq_file must not have overflowed. */
static char *text(struct kunit *test, struct seq_file *m)
{
	char *s;

	KUNIT_EXPECT_TRUE(test, guard_intact(m));
	KUNIT_ASSERT_FALSE(test, seq_has_overflowed(m));
	s = kunit_kzalloc(test, m->count + 1, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, s);
	memcpy(s, m->buf, m->count);
	return s;
}

/* ---- the validators themselves ---- */

static void json_validator_is_strict(struct kunit *test)
{
	static const char *const good[] = {
		"{}", "[]", "\"\"", "0", "-0.5e+3", " [1, {\"a\": null}]\n",
		"\"\\u00ff\\\"\\\\\\/\\b\\f\\n\\r\\t\"", "true", "[false,null]",
		"{\"a\":{\"b\":[[],{}]}}", "18446744073709551615",
	};
	static const char *const bad[] = {
		"", "[1,]", "{\"a\":1,}", "{\"a\" 1}", "{a:1}", "\"\\x\"",
		"\"\\u12g4\"", "01", "1.", "-", "tru", "[1] x", "\"a\nb\"",
		"{\"a\":1}}", "[", "{\"a\":1", "\"\xff\"", "[,1]", "{,}",
		"\"abc", "nul", "1e", "+1", "[1 2]", "{\"a\":1 \"b\":2}",
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(good); i++)
		KUNIT_EXPECT_TRUE_MSG(test, json_valid(good[i], strlen(good[i])),
				      "%s", good[i]);
	for (i = 0; i < ARRAY_SIZE(bad); i++)
		KUNIT_EXPECT_FALSE_MSG(test, json_valid(bad[i], strlen(bad[i])),
				       "%s", bad[i]);
}

static void kv_tokenizer_is_strict(struct kunit *test)
{
	static const char *const good[] = {
		"a=b", "a=\"b c\" d=e", "x=\"\"", "k_1=-5 v=0x3f",
		"detail=\"a=b c?d\"",
	};
	static const char *const bad[] = {
		"", "a=b  c=d", "a=\"b", "a=b\"c", "=b", "a=", "a=b ", " a=b",
		"a b", "a=b=c", "A=b", "a=\"b\"c", "a=\"b\tc\"", "a=\"x\"\"y\"",
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(good); i++)
		KUNIT_EXPECT_TRUE_MSG(test, kv_valid(good[i]), "%s", good[i]);
	for (i = 0; i < ARRAY_SIZE(bad); i++)
		KUNIT_EXPECT_FALSE_MSG(test, kv_valid(bad[i]), "%s", bad[i]);
}

/* ---- the writer ---- */

static void json_escapes_names(struct kunit *test)
{
	static const struct {
		const char *in;
		const char *out;
	} cases[] = {
		{ "plain-name_1.0", "\"plain-name_1.0\"" },
		{ "a\"b", "\"a\\\"b\"" },
		{ "back\\slash", "\"back\\\\slash\"" },
		{ "\n\t\r\x01\x1f", "\"\\u000a\\u0009\\u000d\\u0001\\u001f\"" },
		{ "\x7f\x80\xfe\xff", "\"\\u007f\\u0080\\u00fe\\u00ff\"" },
		{ "caf\xc3\xa9", "\"caf\\u00c3\\u00a9\"" },
		{ "", "\"\"" },
		{ "a/b <c> {d} [e] 'f' =g", "\"a/b <c> {d} [e] 'f' =g\"" },
		{ NULL, "null" },
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		struct seq_file *m = seq(test, 256);
		char *s;

		psd_json_escape(m, cases[i].in);
		s = text(test, m);
		KUNIT_EXPECT_STREQ_MSG(test, s, cases[i].out, "case %u", i);
		KUNIT_EXPECT_TRUE_MSG(test, json_valid(s, strlen(s)), "%s", s);
	}
}

static void json_str_null_and_numbers(struct kunit *test)
{
	struct psd_json j;
	struct seq_file *m = begun(test, &j, 256, false);

	psd_json_str(&j, "s", NULL);
	psd_json_str(&j, "e", "");
	psd_json_u64(&j, "u", U64_MAX);
	psd_json_s64(&j, "n", S64_MIN);
	psd_json_s64(&j, "p", 7);
	psd_json_bool(&j, "t", true);
	psd_json_bool(&j, "f", false);
	psd_json_null(&j, "z");
	psd_json_close(&j, false);
	KUNIT_EXPECT_FALSE(test, j.err);
	KUNIT_EXPECT_EQ(test, j.depth, 0);
	KUNIT_EXPECT_STREQ(test, text(test, m),
			   "{\"s\":null,\"e\":\"\",\"u\":18446744073709551615,\"n\":-9223372036854775808,\"p\":7,\"t\":true,\"f\":false,\"z\":null}");
}

static void json_empty_containers(struct kunit *test)
{
	struct psd_json j;
	struct seq_file *m = begun(test, &j, 256, false);

	psd_json_close(&j, false);
	KUNIT_EXPECT_STREQ(test, text(test, m), "{}");

	m = begun(test, &j, 256, true);
	psd_json_close(&j, true);
	KUNIT_EXPECT_STREQ(test, text(test, m), "[]");

	m = begun(test, &j, 256, false);
	psd_json_open(&j, "a", true);
	psd_json_close(&j, true);
	psd_json_open(&j, "o", false);
	psd_json_close(&j, false);
	psd_json_u64(&j, "n", 1);
	psd_json_close(&j, false);
	KUNIT_EXPECT_FALSE(test, j.err);
	KUNIT_EXPECT_STREQ(test, text(test, m), "{\"a\":[],\"o\":{},\"n\":1}");
}

static void json_nesting_and_commas(struct kunit *test)
{
	struct psd_json j;
	struct seq_file *m = begun(test, &j, 256, true);
	char *s;

	psd_json_open(&j, NULL, true);
	psd_json_open(&j, NULL, false);
	psd_json_str(&j, "k", "v");
	psd_json_null(&j, "z");
	psd_json_open(&j, "e", true);
	psd_json_close(&j, true);
	psd_json_close(&j, false);
	psd_json_u64(&j, NULL, 2);
	psd_json_open(&j, NULL, false);
	psd_json_close(&j, false);
	psd_json_close(&j, true);
	psd_json_bool(&j, NULL, true);
	psd_json_s64(&j, NULL, -5);
	psd_json_open(&j, NULL, true);
	psd_json_str(&j, NULL, "x");
	psd_json_close(&j, true);
	psd_json_close(&j, true);
	KUNIT_EXPECT_FALSE(test, j.err);
	KUNIT_EXPECT_EQ(test, j.depth, 0);
	s = text(test, m);
	KUNIT_EXPECT_STREQ(test, s,
			   "[[{\"k\":\"v\",\"z\":null,\"e\":[]},2,{}],true,-5,[\"x\"]]");
	KUNIT_EXPECT_TRUE(test, json_valid(s, strlen(s)));
}

/* PSD_JSON_DEPTH levels are fine; one more sets err and stops output. */
static void json_depth_overflow(struct kunit *test)
{
	struct psd_json j;
	struct seq_file *m = begun(test, &j, 256, true);
	unsigned int i;
	size_t count;
	char *s;

	for (i = 1; i < PSD_JSON_DEPTH; i++)
		psd_json_open(&j, NULL, true);
	KUNIT_EXPECT_FALSE(test, j.err);
	KUNIT_EXPECT_EQ(test, j.depth, PSD_JSON_DEPTH);
	for (i = 0; i < PSD_JSON_DEPTH; i++)
		psd_json_close(&j, true);
	KUNIT_EXPECT_FALSE(test, j.err);
	s = text(test, m);
	KUNIT_EXPECT_EQ(test, strlen(s), 2 * (size_t)PSD_JSON_DEPTH);
	KUNIT_EXPECT_TRUE(test, json_valid(s, strlen(s)));

	m = begun(test, &j, 256, true);
	for (i = 1; i < PSD_JSON_DEPTH; i++)
		psd_json_open(&j, NULL, true);
	count = m->count;
	psd_json_open(&j, NULL, false);
	KUNIT_EXPECT_TRUE(test, j.err);
	KUNIT_EXPECT_EQ(test, m->count, count);
	psd_json_str(&j, NULL, "after");
	psd_json_u64(&j, NULL, 1);
	psd_json_s64(&j, NULL, -1);
	psd_json_bool(&j, NULL, true);
	psd_json_null(&j, NULL);
	psd_json_open(&j, NULL, true);
	for (i = 0; i <= PSD_JSON_DEPTH; i++)
		psd_json_close(&j, true);
	KUNIT_EXPECT_TRUE(test, j.err);
	KUNIT_EXPECT_EQ(test, m->count, count);
	KUNIT_EXPECT_TRUE(test, guard_intact(m));
}

/* Closing more than was opened is an error and writes nothing. */
static void json_close_underflow(struct kunit *test)
{
	struct psd_json j;
	struct seq_file *m = begun(test, &j, 256, false);

	psd_json_close(&j, false);
	KUNIT_EXPECT_FALSE(test, j.err);
	/* A member after the end is an error too, not silently dropped. */
	psd_json_str(&j, "late", "x");
	KUNIT_EXPECT_TRUE(test, j.err);
	psd_json_close(&j, false);
	KUNIT_EXPECT_TRUE(test, j.err);
	KUNIT_EXPECT_STREQ(test, text(test, m), "{}");
}

/* Closing an array as an object (or the reverse) is an error. */
static void json_close_mismatch(struct kunit *test)
{
	struct psd_json j;
	struct seq_file *m = begun(test, &j, 256, false);

	psd_json_open(&j, "a", true);
	psd_json_close(&j, false);
	KUNIT_EXPECT_TRUE(test, j.err);
	KUNIT_EXPECT_STREQ(test, text(test, m), "{\"a\":[");
}

/* An object with a key at full depth: nothing of it goes out. */
static void json_depth_overflow_keyed(struct kunit *test)
{
	struct psd_json j;
	struct seq_file *m = begun(test, &j, 256, false);
	unsigned int i;
	size_t count;

	for (i = 1; i < PSD_JSON_DEPTH; i++)
		psd_json_open(&j, "k", false);
	count = m->count;
	psd_json_open(&j, "deep", false);
	KUNIT_EXPECT_TRUE(test, j.err);
	KUNIT_EXPECT_EQ(test, m->count, count);
}

/* Output past the buffer is cut, never written beyond it. */
static void json_bounded_output(struct kunit *test)
{
	struct psd_json j;
	struct seq_file *m = begun(test, &j, 16, false);

	psd_json_str(&j, "name", "a wakeup source name longer than 16");
	psd_json_u64(&j, "n", 12345);
	psd_json_close(&j, false);
	KUNIT_EXPECT_TRUE(test, seq_has_overflowed(m));
	KUNIT_EXPECT_EQ(test, m->count, m->size);
	KUNIT_EXPECT_TRUE(test, guard_intact(m));

	/* Escapes longer than the room left: \u00ff is six bytes. */
	m = seq(test, 9);
	psd_json_escape(m, "\xff\xff");
	KUNIT_EXPECT_TRUE(test, seq_has_overflowed(m));
	KUNIT_EXPECT_TRUE(test, guard_intact(m));
}

/*
 * seq_file calls a full buffer (count == size) overflowed even when the
 * text fits exactly, and seq_read() retries in a larger one: a record
 * one byte shorter than the buffer is the largest kept as it is.
 */
static void json_exact_fit(struct kunit *test)
{
	struct seq_file *m = seq(test, 8);

	psd_json_escape(m, "abcde");		/* 7 bytes */
	KUNIT_EXPECT_FALSE(test, seq_has_overflowed(m));
	KUNIT_EXPECT_EQ(test, m->count, (size_t)7);
	KUNIT_EXPECT_EQ(test, memcmp(m->buf, "\"abcde\"", 7), 0);

	m = seq(test, 8);
	psd_json_escape(m, "abcdef");		/* 8 bytes */
	KUNIT_EXPECT_TRUE(test, seq_has_overflowed(m));
	KUNIT_EXPECT_TRUE(test, guard_intact(m));
}

/* ---- cycle records that take every branch of the formatters ---- */

static const char *const hostile[PSD_RPT_MAX_WS] = {
	"q\"uote\"d",
	"back\\slash\\",
	"new\nline\r\ttab",
	"\xff\xfe\x80 high bytes",
	"a b=c d",
	"{\"json\":[1,2]}",
	"\x01\x1f ctl \\u0000",
	"psdj-a-39-byte-wakeup-source-name-xxxxx",
};

/* rec_everything()'s two warn rules, in lint table order. */
static void warn_pair(struct kunit *test, const char **a, const char **b)
{
	*a = "rtc_pwdn";
	*b = "int_pending";
	if (psd_kunit_lint_bit(test, *a) > psd_kunit_lint_bit(test, *b))
		swap(*a, *b);
}

static void phases(struct psd_report_cycle *r, unsigned int n)
{
	unsigned int p;

	for (p = 0; p < n && p < PSD_PH_MANUAL; p++) {
		r->c.t_start[p] = 1000000ULL * (p + 1);
		r->c.t_end[p] = r->c.t_start[p] + 5000;
	}
}

static void rec_open(struct kunit *test, struct psd_report_cycle *r)
{
	r->c.result = PSD_RES_OPEN;
	r->c.wake_irq = PSD_WAKE_IRQ_UNKNOWN;
	phases(r, PSD_PH_SUSPEND + 1);
	r->c.t_end[PSD_PH_SUSPEND] = 0;	/* still running */
}

static void rec_quiet(struct kunit *test, struct psd_report_cycle *r)
{
	phases(r, PSD_PH_MANUAL);
	r->c.s2idle_loops = 1;
	r->c.wake_irq = 33;
	strscpy(r->wake_irq_name, "rtc0", sizeof(r->wake_irq_name));
}

/* Failed and slowest device callbacks, names to escape among them. */
static void rec_devpm(struct psd_report_cycle *r)
{
	struct psd_devpm_rec *d = psd_kunit_part(r, &psd_devpm_layer);
	unsigned int i, dir;

	d->nfailed = PSD_RPT_DEVPM_FAILED;
	d->failed_more = 2;
	for (i = 0; i < d->nfailed; i++) {
		strscpy(d->failed[i].dev, hostile[i], sizeof(d->failed[i].dev));
		strscpy(d->failed[i].driver, hostile[7 - i],
			sizeof(d->failed[i].driver));
		d->failed[i].phase = "dpm_suspend_late";
		d->failed[i].dur_us = 10 * i;
		d->failed[i].err = -5 - i;
		d->failed[i].dir = PSD_DEVPM_SUSPEND;
	}
	for (dir = 0; dir < PSD_DEVPM_NR_DIRS; dir++) {
		d->nslow[dir] = PSD_RPT_DEVPM_SLOW;
		for (i = 0; i < PSD_RPT_DEVPM_SLOW; i++) {
			struct psd_rpt_devpm_cb *cb = &d->slow[dir][i];

			snprintf(cb->dev, sizeof(cb->dev), "dev%u.%u", dir, i);
			strscpy(cb->driver, "drv", sizeof(cb->driver));
			cb->phase = dir ? "dpm_resume" : "dpm_suspend";
			cb->dur_us = U32_MAX - i;
			cb->dir = dir;
		}
	}
}

/* The worst victims, one with a comm to escape, and more not shown. */
static void rec_sleepers(struct psd_report_cycle *r)
{
	struct psd_sl_cycle *all = psd_kunit_part(r, &psd_sleepers_layer);
	unsigned int i;

	all->nvict = PSD_RPT_SLEEPERS;
	all->dropped = 4;
	for (i = 0; i < PSD_RPT_SLEEPERS; i++) {
		struct psd_sl_victim *v = &all->v[i];
		struct psd_sl_split *s = &all->split[i];

		strscpy(v->comm, i ? "psdj-sleep" : "a b\\c\"d", sizeof(v->comm));
		v->pid = 100 + i;
		v->clock = CLOCK_MONOTONIC;
		v->how = i & 1 ? PSD_SL_CANCELLED : PSD_SL_EXPIRED;
		s->overslept_ms = 3000 - i;
		s->presleep_ms = 200;
		s->suspended_ms = 2600 - i;
		s->resume_ms = 150;
		s->thaw_ms = 50;
	}
}

static void rec_everything(struct kunit *test, struct psd_report_cycle *r)
{
	static const u8 bits[] = {
		PSD_IRQP_NO, PSD_IRQP_YES, PSD_IRQP_UNSUPPORTED,
		PSD_RPT_NOT_SEEN,
	};
	struct psd_rpt_pmic *pre, *wake;
	unsigned int i;

	rec_quiet(test, r);
	r->c.s2idle_loops = 3;
	strscpy(r->wake_irq_name, "pmic \"irq\"\\\xff", sizeof(r->wake_irq_name));
	r->c.t_start[PSD_PH_RESUME] = 0;	/* an end without a start */
	for (i = 0; i < PSD_RPT_MAX_WS; i++) {
		strscpy(r->ws[i].name, hostile[i], sizeof(r->ws[i].name));
		r->ws[i].activations = i;
		r->ws[i].what = (u8)(0x3f >> (i % 6)) | PSD_RPT_WS_ACTIVATED;
	}
	r->nws = PSD_RPT_MAX_WS;
	r->ws_more = 5;
	/* Every pair of pending states, suspend by resume. */
	for (i = 0; i < PSD_RPT_MAX_IRQS; i++) {
		r->irq[i].irq = 40 + i;
		r->irq[i].at_suspend = bits[i % 4];
		r->irq[i].at_resume = bits[(i / 4 + i) % 4];
		r->irq[i].wake = i & 1;
		r->irq[i].stuck = i & 2;
	}
	r->nirq = PSD_RPT_MAX_IRQS;
	r->irq_more = 2;
	*(struct psd_rpt_hrt *)psd_kunit_part(r, &psd_hrtimer_layer) =
		(struct psd_rpt_hrt){
			.count = 100, .max_ns = U64_MAX, .late = 4,
			.suspended = 1, .late_us = 250,
		};
	for (i = 0; i < PSD_NR_ANOMALY_CLASSES; i++) {
		r->an[i].count = i + 1;
		r->an[i].first_seq = 1000 + i;
	}
	r->an[PSD_AN_HRTIMER_LATE].flags = BIT(PSD_HRT_POST_RESUME);
	psd_kunit_alarm(r, &(struct psd_rpt_alarm){
		.type = "BOOTTIME", .cause = "rtc_granularity",
		.expected_ns = 9000000000ULL, .woke_ns = 9600000000ULL,
		.fired_ns = 9700000000ULL, .late_ms = 700, .late_known = true,
	});
	pre = psd_kunit_pmic(r, false);
	pre->rule_id = psd_pmic_lint_id;
	pre->nrules = min(psd_pmic_nr_lint_rules, 32U);
	pre->phase = PSD_PH_SUSPEND_LATE;
	pre->chip = "tps65911";
	pre->err = -110;
	pre->warn = psd_kunit_lint_bits(test, "rtc_pwdn int_pending");
	pre->info = psd_kunit_lint_bits(test, "vrtc_lowpower ck32k_rc");
	pre->unknown = psd_kunit_lint_bit(test, "rtc_alarm_stale");
	wake = psd_kunit_pmic(r, true);
	*wake = *pre;
	wake->phase = PSD_PH_RESUME_NOIRQ;
	wake->err = 0;
	r->wake_child = true;
	r->wake_child_irq = 77;
	strscpy(r->wake_child_name, hostile[2], sizeof(r->wake_child_name));
	r->has_held = true;
	r->held_irq = 78;
	r->held_parent = 33;
	r->held_ns = 9600000001ULL;
	strscpy(r->held_name, hostile[1], sizeof(r->held_name));
	rec_devpm(r);
	rec_sleepers(r);
}

static void rec_aborted(struct kunit *test, struct psd_report_cycle *r)
{
	struct psd_rpt_pmic *pre;

	r->c.result = PSD_RES_ABORTED;
	r->c.step = PSD_STEP_SUSPEND_LATE;
	r->c.wake_irq = PSD_WAKE_IRQ_NONE;
	phases(r, PSD_PH_SUSPEND_LATE + 1);
	strscpy(r->c.abort_ws, hostile[0], sizeof(r->c.abort_ws));
	strscpy(r->c.abort_dev, hostile[3], sizeof(r->c.abort_dev));
	r->c.abort_err = -16;
	strscpy(r->ws[0].name, hostile[0], sizeof(r->ws[0].name));
	r->ws[0].activations = 1;
	r->ws[0].what = PSD_RPT_WS_ACTIVATED | PSD_RPT_WS_IN_SUSPEND |
			PSD_RPT_WS_ABORTED;
	r->nws = 1;
	/* An alarm whose lateness is unknown: it never fired, no wake. */
	psd_kunit_alarm(r, &(struct psd_rpt_alarm){
		.type = "REALTIME", .cause = "pending",
		.expected_ns = 9000000000ULL,
	});
	pre = psd_kunit_pmic(r, false);
	pre->rule_id = psd_pmic_lint_id;
	pre->nrules = min(psd_pmic_nr_lint_rules, 32U);
	pre->phase = PSD_PH_SUSPEND_LATE;
	pre->chip = "tps65910";
	pre->unknown = (u32)(BIT_ULL(min(psd_pmic_nr_lint_rules, 32U)) - 1);
}

static void rec_no_sleep(struct kunit *test, struct psd_report_cycle *r)
{
	r->c.result = PSD_RES_NO_SLEEP;
	r->c.wake_irq = PSD_WAKE_IRQ_NONE;
	phases(r, PSD_PH_SUSPEND_NOIRQ + 1);
	psd_kunit_part(r, &psd_hrtimer_layer);	/* a window with nothing */
	r->an[PSD_AN_WS_NOT_HONORED].count = 1;
	r->an[PSD_AN_WS_NOT_HONORED].first_seq = 0;
	r->ws_more = 1;
}

/* Values no table names: state 0, a result and a step past the end. */
static void rec_unknown_words(struct kunit *test, struct psd_report_cycle *r)
{
	r->c.state = 0;
	r->c.result = 9;
	r->c.step = PSD_NR_STEPS;
	r->c.wake_irq = 0;
	r->irq[0].irq = 0;
	r->irq[0].at_suspend = 7;
	r->irq[0].at_resume = 7;
	r->nirq = 1;
}

struct rec_case {
	const char *desc;
	void (*setup)(struct kunit *test, struct psd_report_cycle *r);
};

static const struct rec_case rec_cases[] = {
	{ "open", rec_open },
	{ "quiet", rec_quiet },
	{ "everything", rec_everything },
	{ "aborted", rec_aborted },
	{ "no_sleep", rec_no_sleep },
	{ "unknown_words", rec_unknown_words },
};

static struct psd_report_cycle *record(struct kunit *test,
				       const struct rec_case *c, u32 id)
{
	struct psd_report_cycle *r = psd_kunit_record(test);

	r->c.id = id;
	r->c.state = 1;
	r->c.result = PSD_RES_RESUMED;
	r->c.step = PSD_STEP_SUSPEND_NOIRQ;
	r->c.wake_irq = PSD_WAKE_IRQ_NONE;
	c->setup(test, r);
	return r;
}

/* report.json's document around records, written as report_show.c does. */
static char *json_doc(struct kunit *test, struct psd_report_cycle **r,
		      struct psd_verdict *v, unsigned int n, size_t size)
{
	struct seq_file *m = seq(test, size);
	unsigned int i;

	seq_printf(m, "{\"version\":%d,\"cycles\":[", PSD_INTERFACE_VERSION);
	for (i = 0; i < n; i++) {
		struct psd_json j = { .m = m, .depth = 1, .comma = i ? 1 : 0 };

		psd_report_json(&j, r[i], &v[i]);
		KUNIT_EXPECT_FALSE_MSG(test, j.err, "record %u", i);
		KUNIT_EXPECT_EQ_MSG(test, j.depth, 1, "record %u", i);
	}
	seq_puts(m, "]}\n");
	return text(test, m);
}

/* Each non-# line is key=value tokens; a cycle starts with cycle=, ends
 * with its only verdict= line.
 */
static void expect_kv_text(struct kunit *test, char *s, u32 id)
{
	char *line, *last = NULL, *first = NULL;
	unsigned int verdicts = 0;
	char head[32];

	snprintf(head, sizeof(head), "# cycle %u", id);
	KUNIT_ASSERT_GT(test, strlen(s), (size_t)0);
	KUNIT_EXPECT_EQ(test, s[strlen(s) - 1], '\n');
	s[strlen(s) - 1] = '\0';
	line = strsep(&s, "\n");
	KUNIT_EXPECT_STREQ(test, line, head);
	while ((line = strsep(&s, "\n"))) {
		if (line[0] == '#')
			continue;
		KUNIT_EXPECT_TRUE_MSG(test, kv_valid(line), "line: %s", line);
		if (!first)
			first = line;
		if (!strncmp(line, "verdict=", 8))
			verdicts++;
		last = line;
	}
	KUNIT_ASSERT_NOT_NULL(test, first);
	KUNIT_EXPECT_EQ(test, strncmp(first, "cycle=", 6), 0);
	KUNIT_EXPECT_EQ(test, strncmp(last, "verdict=", 8), 0);
	KUNIT_EXPECT_EQ(test, verdicts, 1U);
}

static void rec_case_desc(const struct rec_case *c, char *desc)
{
	strscpy(desc, c->desc, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(rec, rec_cases, rec_case_desc);

/* Each record, judged, as report.json and as report. */
static void report_formats_valid(struct kunit *test)
{
	const struct rec_case *c = test->param_value;
	struct psd_report_cycle *r = record(test, c, 77);
	struct psd_verdict v;
	struct seq_file *m;
	char *s;

	psd_verdict(r, &v);
	s = json_doc(test, &r, &v, 1, REPORT_SIZE);
	KUNIT_EXPECT_TRUE_MSG(test, json_valid(s, strlen(s)), "%s", s);
	KUNIT_EXPECT_EQ(test, strncmp(s, "{\"version\":1,\"cycles\":[{", 24), 0);

	m = seq(test, REPORT_SIZE);
	psd_report_text(m, r, &v);
	expect_kv_text(test, text(test, m), 77);
}

/* Every verdict rule, with every other rule in also, in both formats. */
static void report_every_verdict(struct kunit *test)
{
	struct psd_report_cycle *r = record(test, &rec_cases[2], 78);
	struct psd_verdict v;
	struct seq_file *m;
	unsigned int i;
	char *s;

	for (i = 0; psd_verdict_rule(i); i++) {
		memset(&v, 0, sizeof(v));
		v.rule = psd_verdict_rule(i);
		v.also = (u32)(BIT_ULL(psd_kunit_nr_rules()) - 1) & ~BIT(i);
		memset(v.detail, 'x', sizeof(v.detail) - 1);
		memcpy(v.detail, "\"q\" \\\t\n\xff=", 9);

		s = json_doc(test, &r, &v, 1, REPORT_SIZE);
		KUNIT_EXPECT_TRUE_MSG(test, json_valid(s, strlen(s)),
				      "rule %s: %s", v.rule->name, s);
		KUNIT_EXPECT_NOT_NULL(test, strstr(s, v.rule->name));

		m = seq(test, REPORT_SIZE);
		psd_report_text(m, r, &v);
		expect_kv_text(test, text(test, m), 78);
	}
}

/* All records in one document: the commas between cycles. */
static void report_json_many_cycles(struct kunit *test)
{
	struct psd_report_cycle *r[ARRAY_SIZE(rec_cases)];
	struct psd_verdict *v = kunit_kcalloc(test, ARRAY_SIZE(rec_cases),
					      sizeof(*v), GFP_KERNEL);
	unsigned int i;
	char *s;

	KUNIT_ASSERT_NOT_NULL(test, v);
	for (i = 0; i < ARRAY_SIZE(rec_cases); i++) {
		r[i] = record(test, &rec_cases[i], 100 + i);
		psd_verdict(r[i], &v[i]);
	}
	s = json_doc(test, r, v, ARRAY_SIZE(rec_cases), 8 * REPORT_SIZE);
	KUNIT_EXPECT_TRUE(test, json_valid(s, strlen(s)));
	KUNIT_EXPECT_NOT_NULL(test, strstr(s, "}]}\n"));

	s = json_doc(test, r, v, 0, 256);
	KUNIT_EXPECT_STREQ(test, s, "{\"version\":1,\"cycles\":[]}\n");
	KUNIT_EXPECT_TRUE(test, json_valid(s, strlen(s)));
}

/* The values a reader looks for, as the formats spell them. */
static void report_json_values(struct kunit *test)
{
	static const char *const want_all[] = {
		"\"name\":\"q\\\"uote\\\"d\"",
		"\"name\":\"back\\\\slash\\\\\"",
		"\"name\":\"new\\u000aline\\u000d\\u0009tab\"",
		"\"name\":\"\\u00ff\\u00fe\\u0080 high bytes\"",
		"\"wake_irq\":33",
		"\"wake_irq_name\":\"pmic \\\"irq\\\"\\\\\\u00ff\"",
		"\"abort_ws\":null",
		"\"wakeup_sources_more\":5",
		"\"irqs_more\":2",
		"\"pending_at_suspend\":\"unsupported\"",
		"\"pending_at_resume\":\"unseen\"",
		"\"late_ms\":700",
		"\"max_ns\":18446744073709551615",
		"\"err\":-110",
	};
	static const char *const want_aborted[] = {
		"\"result\":\"aborted\"", "\"step\":\"suspend_late\"",
		"\"wake_irq\":\"none\"", "\"abort_ws\":\"q\\\"uote\\\"d\"",
		"\"late_ms\":null", "\"warn\":[]", "\"info\":[]",
		"\"hrtimer_post_resume\":null", "\"irqs\":[]",
		"\"anomalies\":[]", "\"aborted\":true",
	};
	static const char *const want_open[] = {
		"\"wake_irq\":\"unknown\"", "\"alarm\":null", "\"pmic\":null",
		"\"wakeup_sources\":[]", "\"wakeup_sources_more\":0",
		"\"rule\":\"in_progress\"", "\"also\":[]",
		"\"phase\":\"suspend\",\"start_ns\":2000000,\"end_ns\":0",
	};
	char warn_json[64], io_json[80];
	const char *w1, *w2;
	struct psd_report_cycle *r;
	struct psd_verdict v;
	unsigned int i;
	char *s;

	r = record(test, &rec_cases[2], 79);
	psd_verdict(r, &v);
	warn_pair(test, &w1, &w2);
	snprintf(warn_json, sizeof(warn_json), "\"warn\":[\"%s\",\"%s\"]",
		 w1, w2);
	snprintf(io_json, sizeof(io_json),
		 "{\"class\":\"PMIC_IO_ERROR\",\"count\":%u,\"first_seq\":%u}",
		 PSD_AN_PMIC_IO_ERROR + 1, 1000 + PSD_AN_PMIC_IO_ERROR);
	s = json_doc(test, &r, &v, 1, REPORT_SIZE);
	for (i = 0; i < ARRAY_SIZE(want_all); i++)
		KUNIT_EXPECT_NOT_NULL_MSG(test, strstr(s, want_all[i]), "%s",
					  want_all[i]);
	KUNIT_EXPECT_NOT_NULL_MSG(test, strstr(s, warn_json), "%s", warn_json);
	KUNIT_EXPECT_NOT_NULL_MSG(test, strstr(s, io_json), "%s", io_json);
	/* Only kept phases: resume has an end and no start, still shown. */
	KUNIT_EXPECT_NOT_NULL(test, strstr(s, "\"phase\":\"resume\",\"start_ns\":0"));
	KUNIT_EXPECT_NULL(test, strstr(s, "\"phase\":\"manual\""));

	r = record(test, &rec_cases[3], 80);
	psd_verdict(r, &v);
	s = json_doc(test, &r, &v, 1, REPORT_SIZE);
	for (i = 0; i < ARRAY_SIZE(want_aborted); i++)
		KUNIT_EXPECT_NOT_NULL_MSG(test, strstr(s, want_aborted[i]), "%s",
					  want_aborted[i]);

	r = record(test, &rec_cases[0], 81);
	psd_verdict(r, &v);
	s = json_doc(test, &r, &v, 1, REPORT_SIZE);
	for (i = 0; i < ARRAY_SIZE(want_open); i++)
		KUNIT_EXPECT_NOT_NULL_MSG(test, strstr(s, want_open[i]), "%s",
					  want_open[i]);
}

/* The text report quotes what is not one plain word, and hides bytes. */
static void report_text_values(struct kunit *test)
{
	static const char *const want[] = {
		"\nws=\"q?uote?d\" activations=0 ",
		"\nws=\"back?slash?\" ",
		"\nws=\"new?line??tab\" ",
		"\nws=\"??? high bytes\" ",
		"\nws=\"a b=c d\" ",
		"\nws=psdj-a-39-byte-wakeup-source-name-xxxxx ",
		"\nws_more=5\n",
		"\nirq_more=2\n",
		" wake_irq=33 wake_irq_name=\"pmic ?irq???\" wake_child_irq=77 wake_child_name=\"new?line??tab\"\n",
		" late_ms=700 cause=rtc_granularity\n",
		"\npmic=tps65911 phase=suspend_late err=-110 warn=\"",
		"\nhrtimer=post_resume count=100 max_ns=18446744073709551615 late=4 late_us=250 suspended=1\n",
	};
	const char *aborted_kv =
		" abort_ws=\"q?uote?d\" abort_dev=\"??? high bytes\" abort_err=-16\n";
	char warn_kv[64], io_kv[80];
	const char *w1, *w2;
	struct psd_report_cycle *r = record(test, &rec_cases[2], 82);
	struct psd_verdict v;
	struct seq_file *m = seq(test, REPORT_SIZE);
	unsigned int i;
	char *s;

	warn_pair(test, &w1, &w2);
	snprintf(warn_kv, sizeof(warn_kv), " warn=\"%s %s\" ", w1, w2);
	snprintf(io_kv, sizeof(io_kv), "\nanomaly=PMIC_IO_ERROR count=%u first_seq=%u\n",
		 PSD_AN_PMIC_IO_ERROR + 1, 1000 + PSD_AN_PMIC_IO_ERROR);
	psd_verdict(r, &v);
	psd_report_text(m, r, &v);
	s = text(test, m);
	KUNIT_EXPECT_NOT_NULL_MSG(test, strstr(s, warn_kv), "%s", warn_kv);
	KUNIT_EXPECT_NOT_NULL_MSG(test, strstr(s, io_kv), "%s", io_kv);
	for (i = 0; i < ARRAY_SIZE(want); i++)
		KUNIT_EXPECT_NOT_NULL_MSG(test, strstr(s, want[i]), "%s in %s",
					  want[i], s);

	r = record(test, &rec_cases[3], 83);
	psd_verdict(r, &v);
	m = seq(test, REPORT_SIZE);
	psd_report_text(m, r, &v);
	s = text(test, m);
	KUNIT_EXPECT_NOT_NULL(test, strstr(s, aborted_kv));
	KUNIT_EXPECT_NOT_NULL(test, strstr(s, " late_ms=unknown "));
	KUNIT_EXPECT_NOT_NULL(test, strstr(s, " wake_irq=none "));
	KUNIT_EXPECT_NOT_NULL(test, strstr(s, "\nverdict=suspend_aborted "));
}

/* A record larger than the buffer: cut, flagged, never past the end. */
static void report_json_bounded(struct kunit *test)
{
	struct psd_report_cycle *r = record(test, &rec_cases[2], 84);
	struct seq_file *m = seq(test, 256);
	struct psd_verdict v;
	struct psd_json j = { .m = m, .depth = 1 };

	psd_verdict(r, &v);
	psd_report_json(&j, r, &v);
	KUNIT_EXPECT_TRUE(test, seq_has_overflowed(m));
	KUNIT_EXPECT_TRUE(test, guard_intact(m));

	m = seq(test, 256);
	psd_report_text(m, r, &v);
	KUNIT_EXPECT_TRUE(test, seq_has_overflowed(m));
	KUNIT_EXPECT_TRUE(test, guard_intact(m));
}

static struct kunit_case json_test_cases[] = {
	KUNIT_CASE(json_validator_is_strict),
	KUNIT_CASE(kv_tokenizer_is_strict),
	KUNIT_CASE(json_escapes_names),
	KUNIT_CASE(json_str_null_and_numbers),
	KUNIT_CASE(json_empty_containers),
	KUNIT_CASE(json_nesting_and_commas),
	KUNIT_CASE(json_depth_overflow),
	KUNIT_CASE(json_close_underflow),
	KUNIT_CASE(json_close_mismatch),
	KUNIT_CASE(json_depth_overflow_keyed),
	KUNIT_CASE(json_bounded_output),
	KUNIT_CASE(json_exact_fit),
	KUNIT_CASE_PARAM(report_formats_valid, rec_gen_params),
	KUNIT_CASE(report_every_verdict),
	KUNIT_CASE(report_json_many_cycles),
	KUNIT_CASE(report_json_values),
	KUNIT_CASE(report_text_values),
	KUNIT_CASE(report_json_bounded),
	{}
};

static struct kunit_suite json_suite = {
	.name = "pmic_sleepdiag_json",
	.test_cases = json_test_cases,
};

kunit_test_suite(json_suite);
