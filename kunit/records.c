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

/**
 * psd_kunit_record() - an empty record with room for every layer's part
 * @test: the test; it fails if there is no memory
 *
 * Return: the record, freed with the test.
 */
struct psd_report_cycle *psd_kunit_record(struct kunit *test)
{
	struct psd_report_cycle *r = kunit_kzalloc(test, psd_report_cycle_size(),
						   GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, r);
	return r;
}

/**
 * psd_kunit_part() - a layer's part of a record, marked written
 * @r: the record, from psd_kunit_record()
 * @l: the layer
 *
 * Return: the part, to fill in.
 */
void *psd_kunit_part(struct psd_report_cycle *r, const struct psd_layer *l)
{
	r->parts |= BIT(l->state.index);
	return r->part + l->state.part_off;
}

/**
 * psd_kunit_alarm() - give a record the alarm layer's part, and what that
 *	layer tells the other layers' rules of it (as psd_alarm_publish() does)
 * @r: the record
 * @a: the alarm
 */
void psd_kunit_alarm(struct psd_report_cycle *r, const struct psd_rpt_alarm *a)
{
	*(struct psd_rpt_alarm *)psd_kunit_part(r, &psd_alarm_layer) = *a;
	r->has_wake_alarm = true;
	r->wake_alarm = (struct psd_rpt_wake_alarm){
		.type = a->type,
		.late_ms = a->late_ms,
		.beyond_step = strcmp(a->cause, "rtc_granularity"),
	};
}

/**
 * psd_kunit_pmic() - the pmic layer's lint of a record's snapshot, marked
 *	taken, to fill in
 * @r: the record
 * @wake: the first snapshot after the wake, not the pre-sleep one
 *
 * Return: the lint.
 */
struct psd_rpt_pmic *psd_kunit_pmic(struct psd_report_cycle *r, bool wake)
{
	struct psd_pmic_part *p = psd_kunit_part(r, &psd_pmic_layer);
	struct psd_pmic_seen *seen = wake ? &p->wake : &p->presleep;

	seen->has = true;
	return &seen->lint;
}

/**
 * psd_kunit_nr_rules() - how many verdict rules there are, every layer's
 *
 * Return: the count.
 */
unsigned int psd_kunit_nr_rules(void)
{
	unsigned int i = 0;

	while (psd_verdict_rule(i))
		i++;
	return i;
}
