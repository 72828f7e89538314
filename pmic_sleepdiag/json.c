// SPDX-License-Identifier: GPL-2.0
/*
 * A small JSON writer on a seq_file, for report.json.
 *
 * The writer keeps only the nesting depth and whether each open container
 * has a member yet, so it needs no memory of its own; seq_file bounds the
 * text (a record that does not fit is retried in a larger buffer, then
 * dropped).  Strings are escaped so that any bytes, including names that
 * are not UTF-8, give valid JSON: bytes outside printable ASCII become
 * \u00XX, which reads them as Latin-1.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/kernel.h>
#include <linux/seq_file.h>

#include "core.h"
#include "../kunit/visible.h"

/**
 * psd_json_escape() - write a JSON string literal, quotes included
 * @m: the seq_file
 * @s: the bytes, NUL-terminated; NULL is written as null
 */
VISIBLE_IF_KUNIT void psd_json_escape(struct seq_file *m, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	if (!s) {
		seq_puts(m, "null");
		return;
	}
	seq_putc(m, '"');
	for (; *p; p++) {
		if (*p == '"' || *p == '\\')
			seq_printf(m, "\\%c", *p);
		else if (*p < 0x20 || *p >= 0x7f)
			seq_printf(m, "\\u%04x", *p);
		else
			seq_putc(m, *p);
	}
	seq_putc(m, '"');
}

/* Separator and key of the next member; false when it must not go out. */
static bool psd_json_member(struct psd_json *j, const char *key)
{
	if (!j->depth)
		j->err = true;
	if (j->err)
		return false;
	if (j->comma & BIT(j->depth - 1))
		seq_putc(j->m, ',');
	j->comma |= BIT(j->depth - 1);
	if (key) {
		psd_json_escape(j->m, key);
		seq_putc(j->m, ':');
	}
	return true;
}

static void psd_json_push(struct psd_json *j, bool array)
{
	if (j->depth == PSD_JSON_DEPTH) {
		j->err = true;
		return;
	}
	seq_putc(j->m, array ? '[' : '{');
	j->depth++;
	j->comma &= ~BIT(j->depth - 1);
	if (array)
		j->array |= BIT(j->depth - 1);
	else
		j->array &= ~BIT(j->depth - 1);
}

#if IS_ENABLED(CONFIG_KUNIT)
/**
 * psd_json_begin() - start a document whose top level is an object or array
 * @j: the writer
 * @m: where the text goes
 * @array: the top level is an array
 */
void psd_json_begin(struct psd_json *j, struct seq_file *m, bool array)
{
	j->m = m;
	j->depth = 0;
	j->comma = 0;
	j->array = 0;
	j->err = false;
	psd_json_push(j, array);
}
#endif

/**
 * psd_json_resume() - go on inside a container an earlier call opened
 * @j: the writer
 * @m: where the text goes
 * @array: that container is an array
 * @comma: it already has a member
 *
 * For a document that spans seq_file records: each record writes its
 * members into the container the first record opened.
 */
void psd_json_resume(struct psd_json *j, struct seq_file *m, bool array,
		     bool comma)
{
	j->m = m;
	j->depth = 1;
	j->comma = comma;
	j->array = array;
	j->err = false;
}

/**
 * psd_json_open() - open an object or array as the next member
 * @j: the writer
 * @key: its key inside an object; NULL inside an array
 * @array: open an array, else an object
 */
void psd_json_open(struct psd_json *j, const char *key, bool array)
{
	/* Full: stop before the key, so what went out stays a prefix. */
	if (j->depth == PSD_JSON_DEPTH)
		j->err = true;
	if (psd_json_member(j, key))
		psd_json_push(j, array);
}

/**
 * psd_json_close() - close the innermost object or array
 * @j: the writer
 * @array: it is an array
 */
void psd_json_close(struct psd_json *j, bool array)
{
	if (j->err || !j->depth ||
	    !!(j->array & BIT(j->depth - 1)) != array) {
		j->err = true;
		return;
	}
	seq_putc(j->m, array ? ']' : '}');
	j->depth--;
}

/**
 * psd_json_str() - a string member
 * @j: the writer
 * @key: its key, or NULL inside an array
 * @v: the string; NULL gives null
 */
void psd_json_str(struct psd_json *j, const char *key, const char *v)
{
	if (psd_json_member(j, key))
		psd_json_escape(j->m, v);
}

/**
 * psd_json_u64() - an unsigned number member
 * @j: the writer
 * @key: its key, or NULL inside an array
 * @v: the number
 */
void psd_json_u64(struct psd_json *j, const char *key, u64 v)
{
	if (psd_json_member(j, key))
		seq_printf(j->m, "%llu", v);
}

/**
 * psd_json_s64() - a signed number member
 * @j: the writer
 * @key: its key, or NULL inside an array
 * @v: the number
 */
void psd_json_s64(struct psd_json *j, const char *key, s64 v)
{
	if (psd_json_member(j, key))
		seq_printf(j->m, "%lld", v);
}

/**
 * psd_json_bool() - a true/false member
 * @j: the writer
 * @key: its key, or NULL inside an array
 * @v: the value
 */
void psd_json_bool(struct psd_json *j, const char *key, bool v)
{
	if (psd_json_member(j, key))
		seq_puts(j->m, v ? "true" : "false");
}

/**
 * psd_json_null() - a null member
 * @j: the writer
 * @key: its key, or NULL inside an array
 */
void psd_json_null(struct psd_json *j, const char *key)
{
	if (psd_json_member(j, key))
		seq_puts(j->m, "null");
}
