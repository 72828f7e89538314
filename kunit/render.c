// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit helper: a seq_file over a buffer the test owns, and its text.
 */
#include <kunit/test.h>
#include <linux/seq_file.h>

#include "render.h"

/**
 * psd_kunit_seq() - a seq_file writing into @size fresh bytes
 * @test: the test that owns the memory
 * @size: the buffer's size
 *
 * Return: the seq_file; the test fails if it cannot be allocated.
 */
struct seq_file *psd_kunit_seq(struct kunit *test, size_t size)
{
	struct seq_file *m = kunit_kzalloc(test, sizeof(*m), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, m);
	m->size = size;
	m->buf = kunit_kzalloc(test, size, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, m->buf);
	return m;
}

/**
 * psd_kunit_text() - what was written to @m, as a string
 * @test: the test
 * @m: a seq_file from psd_kunit_seq()
 *
 * Return: the text; the test fails if the buffer overflowed.
 */
char *psd_kunit_text(struct kunit *test, struct seq_file *m)
{
	KUNIT_ASSERT_LT(test, m->count, m->size);
	m->buf[m->count] = '\0';
	return m->buf;
}

/**
 * psd_kunit_render() - run a show function and return its text
 * @test: the test
 * @size: room for the text
 * @show: a single_open()-style show function; must return 0
 * @data: its second argument
 *
 * Return: the text.
 */
char *psd_kunit_render(struct kunit *test, size_t size,
		       int (*show)(struct seq_file *m, void *data), void *data)
{
	struct seq_file *m = psd_kunit_seq(test, size);

	KUNIT_ASSERT_EQ(test, show(m, data), 0);
	return psd_kunit_text(test, m);
}
