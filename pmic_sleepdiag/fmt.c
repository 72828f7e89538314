// SPDX-License-Identifier: GPL-2.0
/*
 * How values are written on key=value lines.  A string is bare when it
 * is one plain word, else double-quoted, so that a line always splits on
 * spaces into tokens.  Inside quotes, bytes that would end the value or
 * are not printable ASCII become '?': names are shown, never parsed back.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/seq_file.h>

#include "core.h"

static bool psd_fmt_plain(char c)
{
	return c > ' ' && c <= '~' && c != '"' && c != '\\' && c != '=';
}

/**
 * psd_seq_str() - write key=value with @v quoted when it must be
 * @m: the seq_file
 * @key: the key
 * @v: the value; "" is written as key=""
 */
void psd_seq_str(struct seq_file *m, const char *key, const char *v)
{
	bool plain = *v;
	const char *p;

	for (p = v; *p; p++)
		plain &= psd_fmt_plain(*p);
	if (plain) {
		seq_printf(m, "%s=%s", key, v);
		return;
	}
	seq_printf(m, "%s=\"", key);
	for (p = v; *p; p++)
		seq_putc(m, psd_fmt_plain(*p) || *p == ' ' || *p == '=' ? *p : '?');
	seq_putc(m, '"');
}

/**
 * psd_wake_irq_word() - what a wake IRQ that is not a number is called
 * @irq: PSD_WAKE_IRQ_NONE or PSD_WAKE_IRQ_UNKNOWN
 *
 * Return: "none" or "unknown".
 */
const char *psd_wake_irq_word(s64 irq)
{
	return irq == PSD_WAKE_IRQ_NONE ? "none" : "unknown";
}

/**
 * psd_seq_wake_irq() - write wake_irq=N|none|unknown
 * @m: the seq_file
 * @irq: the Linux IRQ, or PSD_WAKE_IRQ_NONE / _UNKNOWN
 */
void psd_seq_wake_irq(struct seq_file *m, s64 irq)
{
	if (irq >= 0)
		seq_printf(m, "wake_irq=%lld", irq);
	else
		seq_printf(m, "wake_irq=%s", psd_wake_irq_word(irq));
}

static const char *const psd_irqp_bit_names[] = {
	[PSD_IRQP_NO] = "0",
	[PSD_IRQP_YES] = "1",
	[PSD_IRQP_UNSUPPORTED] = "unsupported",
};

/**
 * psd_irqp_bit_name() - how a state bit is shown: 0, 1, unsupported
 * @bit: enum psd_irqp_bit, or PSD_RPT_NOT_SEEN (shown as unseen)
 *
 * Return: the word.
 */
const char *psd_irqp_bit_name(u8 bit)
{
	if (bit == PSD_RPT_NOT_SEEN)
		return "unseen";
	return bit < ARRAY_SIZE(psd_irqp_bit_names) ?
	       psd_irqp_bit_names[bit] : "unsupported";
}
