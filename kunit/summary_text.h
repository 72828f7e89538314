/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The summary file rendered into a string, for suites that check a line
 * of it.  Included by the suites that use it (static helpers).
 */
#ifndef _PSD_KUNIT_SUMMARY_TEXT_H
#define _PSD_KUNIT_SUMMARY_TEXT_H

#include <kunit/test.h>
#include <linux/kstrtox.h>
#include <linux/seq_file.h>
#include <linux/string.h>

#include "psd_kunit.h"
#include "render.h"

/* Render the summary file into a string the test owns. */
static inline char *summary_text(struct kunit *test)
{
	return psd_kunit_render(test, PAGE_SIZE, psd_summary_show, NULL);
}

/* Does the summary have exactly this line? */
static inline bool summary_has(struct kunit *test, const char *line)
{
	char *text = summary_text(test), *l;

	while ((l = strsep(&text, "\n")))
		if (!strcmp(l, line))
			return true;
	return false;
}

/* The number on the summary's "@key: " line. */
static inline long summary_value(struct kunit *test, const char *key)
{
	char *text = summary_text(test), *l;
	size_t len = strlen(key);
	long v;

	while ((l = strsep(&text, "\n")))
		if (!strncmp(l, key, len) && l[len] == ':' &&
		    !kstrtol(l + len + 2, 10, &v))
			return v;
	KUNIT_FAIL(test, "summary has no %s", key);
	return -1;
}

#endif /* _PSD_KUNIT_SUMMARY_TEXT_H */
