// SPDX-License-Identifier: GPL-2.0
/*
 * The report's fields, declared once in tables (report_show.c, and each
 * layer's <layer>_report.c) and written by two renderers: a "key=value
 * ..." line of the report, and an object of report.json.  A field says
 * where its value is in a record and what type it has; the renderers know
 * how each type is written in each format.
 */
#include <linux/bits.h>
#include <linux/seq_file.h>

#include "core.h"

/* The field's value, @f->off bytes into @rec. */
#define PSD_FIELD_VAL(type, rec, f) \
	(*(const type *)((const u8 *)(rec) + (f)->off))

/* Write the names of the bits set in @f's value, separated by spaces. */
static void psd_field_bits_text(struct seq_file *m, const void *rec,
				const struct psd_field *f)
{
	u32 bits = PSD_FIELD_VAL(u32, rec, f);
	bool first = true;
	const char *name;
	unsigned int i;

	for (i = 0; i < 32 && (name = f->bit_name(rec, i)); i++) {
		if (!(bits & BIT(i)))
			continue;
		if (!first)
			seq_putc(m, ' ');
		seq_puts(m, name);
		first = false;
	}
}

/* A field's value as both formats see it: a number, a truth, or words. */
struct psd_field_value {
	enum {
		PSD_FV_UNSIGNED,
		PSD_FV_SIGNED,
		PSD_FV_BOOL,
		PSD_FV_STR,
		PSD_FV_NAME,	/* a name kept in the record, quoted as needed */
		PSD_FV_BITS,	/* left to each format's list of names */
	} kind;
	union {
		u64 u;
		s64 s;
		bool b;
		const char *str;
	};
};

/* Read @f's value out of @rec, by @f's type. */
static struct psd_field_value psd_field_value(const void *rec,
					      const struct psd_field *f)
{
	struct psd_field_value v = { .kind = PSD_FV_STR };
	s32 irq;

	switch (f->type) {
	case PSD_FT_U32:
		v.kind = PSD_FV_UNSIGNED;
		v.u = PSD_FIELD_VAL(u32, rec, f);
		break;
	case PSD_FT_S32:
		v.kind = PSD_FV_SIGNED;
		v.s = PSD_FIELD_VAL(s32, rec, f);
		break;
	case PSD_FT_U64:
		v.kind = PSD_FV_UNSIGNED;
		v.u = PSD_FIELD_VAL(u64, rec, f);
		break;
	case PSD_FT_S64:
		v.kind = PSD_FV_SIGNED;
		v.s = PSD_FIELD_VAL(s64, rec, f);
		break;
	case PSD_FT_BOOL:
		v.kind = PSD_FV_BOOL;
		v.b = PSD_FIELD_VAL(bool, rec, f);
		break;
	case PSD_FT_BIT:
		v.kind = PSD_FV_BOOL;
		v.b = PSD_FIELD_VAL(u8, rec, f) & f->bit;
		break;
	case PSD_FT_STR:
		v.str = PSD_FIELD_VAL(char *, rec, f);
		break;
	case PSD_FT_NAME:
		v.kind = PSD_FV_NAME;
		v.str = (const char *)rec + f->off;
		break;
	case PSD_FT_WORD:
		v.str = f->word(PSD_FIELD_VAL(u8, rec, f));
		break;
	case PSD_FT_FN:
		v.str = f->fn(rec);
		break;
	case PSD_FT_WAKE_IRQ:
		irq = PSD_FIELD_VAL(s32, rec, f);
		if (irq >= 0) {
			v.kind = PSD_FV_SIGNED;
			v.s = irq;
		} else {
			v.str = psd_wake_irq_word(irq);
		}
		break;
	case PSD_FT_BITS:
		v.kind = PSD_FV_BITS;
		break;
	}
	return v;
}

static void psd_field_text(struct seq_file *m, const void *rec,
			   const struct psd_field *f)
{
	const char *key = f->text ?: f->key;
	struct psd_field_value v = psd_field_value(rec, f);

	switch (v.kind) {
	case PSD_FV_UNSIGNED:
		seq_printf(m, "%s=%llu", key, v.u);
		break;
	case PSD_FV_SIGNED:
		seq_printf(m, "%s=%lld", key, v.s);
		break;
	case PSD_FV_BOOL:
		seq_printf(m, "%s=%u", key, v.b);
		break;
	case PSD_FV_STR:
		seq_printf(m, "%s=%s", key, v.str);
		break;
	case PSD_FV_NAME:
		psd_seq_str(m, key, v.str);
		break;
	case PSD_FV_BITS:
		seq_printf(m, "%s=\"", key);
		psd_field_bits_text(m, rec, f);
		seq_putc(m, '"');
		break;
	}
}

/**
 * psd_fields_text() - one line of the report
 * @m: the seq_file
 * @head: written first, as it is ("devpm=slow"), or NULL
 * @rec: the record the fields point into
 * @f: its fields, in line order, up to an empty one
 *
 * Fields separated by spaces, then a newline.  A field whose @when says
 * no is left out, or written as its @unset word when it has one.
 */
void psd_fields_text(struct seq_file *m, const char *head, const void *rec,
		     const struct psd_field *f)
{
	bool sep = false;

	if (head) {
		seq_puts(m, head);
		sep = true;
	}
	for (; f->key; f++) {
		bool set = !f->when || f->when(rec);

		if (!set && !f->unset)
			continue;
		if (sep)
			seq_putc(m, ' ');
		sep = true;
		if (set)
			psd_field_text(m, rec, f);
		else
			seq_printf(m, "%s=%s", f->text ?: f->key, f->unset);
	}
	seq_putc(m, '\n');
}

static void psd_field_bits_json(struct psd_json *j, const void *rec,
				const struct psd_field *f)
{
	u32 bits = PSD_FIELD_VAL(u32, rec, f);
	const char *name;
	unsigned int i;

	psd_json_open(j, f->key, true);
	for (i = 0; i < 32 && (name = f->bit_name(rec, i)); i++)
		if (bits & BIT(i))
			psd_json_str(j, NULL, name);
	psd_json_close(j, true);
}

static void psd_field_json(struct psd_json *j, const void *rec,
			   const struct psd_field *f)
{
	struct psd_field_value v = psd_field_value(rec, f);

	switch (v.kind) {
	case PSD_FV_UNSIGNED:
		psd_json_u64(j, f->key, v.u);
		break;
	case PSD_FV_SIGNED:
		psd_json_s64(j, f->key, v.s);
		break;
	case PSD_FV_BOOL:
		psd_json_bool(j, f->key, v.b);
		break;
	case PSD_FV_STR:
	case PSD_FV_NAME:
		psd_json_str(j, f->key, v.str);
		break;
	case PSD_FV_BITS:
		psd_field_bits_json(j, rec, f);
		break;
	}
}

/**
 * psd_fields_json_members() - the fields as members of the open object
 * @j: the writer
 * @rec: the record the fields point into
 * @f: its fields, up to an empty one
 *
 * A field whose @when says no is null; one only for the report is left
 * out.
 */
void psd_fields_json_members(struct psd_json *j, const void *rec,
			     const struct psd_field *f)
{
	for (; f->key; f++) {
		if (f->text_only)
			continue;
		if (f->when && !f->when(rec))
			psd_json_null(j, f->key);
		else
			psd_field_json(j, rec, f);
	}
}

/**
 * psd_fields_json() - the fields as one object of report.json
 * @j: the writer
 * @key: the object's key, or NULL inside an array
 * @rec: the record the fields point into, or NULL: the object is null
 * @f: its fields, up to an empty one
 */
void psd_fields_json(struct psd_json *j, const char *key, const void *rec,
		     const struct psd_field *f)
{
	if (!rec) {
		psd_json_null(j, key);
		return;
	}
	psd_json_open(j, key, false);
	psd_fields_json_members(j, rec, f);
	psd_json_close(j, false);
}
