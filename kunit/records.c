// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit helpers for report records built by hand.
 */
#include <kunit/test.h>
#include <linux/string.h>

#include "psd_kunit.h"
#include "records.h"

/**
 * psd_kunit_lint_bit() - the bit of a PMIC lint rule in a record's masks
 * @test: the test; it fails if there is no such rule
 * @id: the rule's id, e.g. "rtc_pwdn"
 *
 * Return: BIT(the rule's row).
 */
u32 psd_kunit_lint_bit(struct kunit *test, const char *id)
{
	unsigned int i;

	for (i = 0; i < psd_pmic_nr_lint_rules; i++)
		if (!strcmp(psd_pmic_lint_rules[i].id, id))
			break;
	KUNIT_ASSERT_LT_MSG(test, i, psd_pmic_nr_lint_rules, "lint %s", id);
	KUNIT_ASSERT_LT(test, i, 32U);
	return BIT(i);
}

/**
 * psd_kunit_lint_bits() - the bits of PMIC lint rules
 * @test: the test; it fails if a rule does not exist
 * @ids: the rules' ids separated by spaces, e.g. "rtc_pwdn rtc_stopped"
 *
 * Return: the bits, ORed.
 */
u32 psd_kunit_lint_bits(struct kunit *test, const char *ids)
{
	char buf[128], *p = buf, *id;
	u32 bits = 0;

	KUNIT_ASSERT_GT(test, strscpy(buf, ids, sizeof(buf)), 0);
	while ((id = strsep(&p, " ")))
		bits |= psd_kunit_lint_bit(test, id);
	return bits;
}
