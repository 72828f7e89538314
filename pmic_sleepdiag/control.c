// SPDX-License-Identifier: GPL-2.0
/*
 * The control file: one command per write, parsed completely before any of
 * it takes effect, so a rejected write changes nothing.  Commands are rows
 * of psd_commands[]; adding a command is adding a row.  What was wrong with
 * the last rejected write is kept for summary's last_control_error.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/ctype.h>
#include <linux/fs.h>
#include <linux/irq.h>
#include <linux/kernel.h>
#include <linux/mutex.h>
#include <linux/seq_file.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#include "core.h"
#include "../kunit/visible.h"

#define PSD_MAX_WORDS	3
#define PSD_OP(op)	offsetof(struct psd_layer_ops, op)

struct psd_parsed {
	struct psd_control *ctl;
	const struct psd_command *cmd;
	struct psd_layer *owner;	/* of cmd's op or setting */
	unsigned int setting;
	u64 value;
};

struct psd_command {
	const char *name;
	unsigned int nargs;
	size_t op;		/* offsetof() in psd_layer_ops, or 0: core */
	int (*parse)(struct psd_parsed *p, char **args, char *why, size_t n);
	int (*run)(const struct psd_parsed *p, const char **why);
};

/* What "reset" clears besides the layers' own state. */
VISIBLE_IF_KUNIT void psd_reset_core(void)
{
	psd_events_reset();
	psd_anomalies_reset();
	psd_cycles_reset();
	psd_report_reset();
}

/* The control file's: the module's layers and settings. */
static struct psd_control psd_control = {
	.layers = &psd_module_layers,
	.settings = psd_live.settings,
	.reset = psd_reset_core,
	.lock = __MUTEX_INITIALIZER(psd_control.lock),
};

/* Quote a user word safely inside a "..."-quoted message. */
static void psd_word(char *dst, size_t n, const char *word)
{
	size_t i;

	for (i = 0; i + 1 < n && word[i]; i++)
		dst[i] = isprint(word[i]) && word[i] != '"' &&
			 word[i] != '\\' ? word[i] : '?';
	dst[i] = '\0';
	if (word[i] && n > 4)
		strscpy(dst + n - 4, "...", 4);
}

static int psd_parse_number(const char *word, u64 *val, char *why, size_t n)
{
	char w[24];
	int ret;

	ret = kstrtou64(word, 10, val);
	if (!ret)
		return 0;
	psd_word(w, sizeof(w), word);
	snprintf(why, n, ret == -ERANGE ? "number too large '%s'" :
		 "not a number '%s'", w);
	return -EINVAL;
}

static int psd_parse_set(struct psd_parsed *p, char **args, char *why,
			 size_t n)
{
	const char *reason = NULL;
	char w[24];
	int id;
	u32 lo, hi;
	bool zero;

	id = psd_setting_lookup(args[0]);
	if (id < 0) {
		psd_word(w, sizeof(w), args[0]);
		snprintf(why, n, "unknown key '%s'", w);
		return -EINVAL;
	}
	if (psd_parse_number(args[1], &p->value, why, n))
		return -EINVAL;
	if (psd_setting_check(id, p->value, &reason)) {
		zero = psd_setting_range(id, &lo, &hi);
		snprintf(why, n, "%s %llu out of range %s%u-%u",
			 psd_setting_key(id), p->value, zero ? "0 or " : "",
			 lo, hi);
		return -EINVAL;
	}
	p->setting = id;
	return 0;
}

static int psd_run_set(const struct psd_parsed *p, const char **why)
{
	WRITE_ONCE(p->ctl->settings[p->setting], (u32)p->value);
	psd_layer_apply(p->owner, p->setting, (u32)p->value);
	return 0;
}

static int psd_parse_irq(struct psd_parsed *p, char **args, char *why,
			 size_t n)
{
	if (psd_parse_number(args[0], &p->value, why, n))
		return -EINVAL;
	if (p->value > INT_MAX || !irq_get_irq_data(p->value)) {
		snprintf(why, n, "no IRQ %llu", p->value);
		return -EINVAL;
	}
	return 0;
}

/* The layer may have gone off since parsing (PMIC unbound). */
static const struct psd_layer_ops *psd_ops_or_off(const struct psd_parsed *p,
						  const char **why)
{
	const struct psd_layer_ops *ops = psd_layer_get(p->owner);

	if (!ops)
		*why = "component went off";
	return ops;
}

static int psd_run_watch(const struct psd_parsed *p, const char **why)
{
	const struct psd_layer_ops *ops = psd_ops_or_off(p, why);

	return ops && ops->watch ? ops->watch(p->value, true, why) : -EOPNOTSUPP;
}

static int psd_run_unwatch(const struct psd_parsed *p, const char **why)
{
	const struct psd_layer_ops *ops = psd_ops_or_off(p, why);

	return ops && ops->watch ? ops->watch(p->value, false, why) : -EOPNOTSUPP;
}

static int psd_run_snapshot(const struct psd_parsed *p, const char **why)
{
	const struct psd_layer_ops *ops = psd_ops_or_off(p, why);

	return ops && ops->snapshot ? ops->snapshot(why) : -EOPNOTSUPP;
}

static int psd_run_reset(const struct psd_parsed *p, const char **why)
{
	p->ctl->reset();
	psd_layers_reset(p->ctl->layers);
	return 0;
}

static const struct psd_command psd_commands[] = {
	{ "reset", 0, 0, NULL, psd_run_reset },
	{ "snapshot", 0, PSD_OP(snapshot), NULL, psd_run_snapshot },
	{ "watch_irq", 1, PSD_OP(watch), psd_parse_irq, psd_run_watch },
	{ "unwatch_irq", 1, PSD_OP(watch), psd_parse_irq, psd_run_unwatch },
	{ "set", 2, 0, psd_parse_set, psd_run_set },
};

/* Split @line at single spaces; an empty word is an error. */
static int psd_split(char *line, char **words, unsigned int *nwords,
		     char *why, size_t n)
{
	unsigned int i = 0;
	char *w;

	while ((w = strsep(&line, " "))) {
		if (!*w) {
			snprintf(why, n, "empty word: words are separated by one space");
			return -EINVAL;
		}
		if (i == PSD_MAX_WORDS) {
			snprintf(why, n, "too many words");
			return -EINVAL;
		}
		words[i++] = w;
	}
	*nwords = i;
	return 0;
}

static int psd_parse(char *line, struct psd_parsed *p, char *why, size_t n)
{
	char *words[PSD_MAX_WORDS];
	unsigned int nwords, i;
	char w[24];
	int ret;

	ret = psd_split(line, words, &nwords, why, n);
	if (ret)
		return ret;
	for (i = 0; i < ARRAY_SIZE(psd_commands); i++)
		if (!strcmp(words[0], psd_commands[i].name))
			break;
	if (i == ARRAY_SIZE(psd_commands)) {
		psd_word(w, sizeof(w), words[0]);
		snprintf(why, n, "unknown command '%s'", w);
		return -EINVAL;
	}
	p->cmd = &psd_commands[i];
	if (nwords - 1 != p->cmd->nargs) {
		snprintf(why, n, "%s takes %u argument%s, got %u", p->cmd->name,
			 p->cmd->nargs, p->cmd->nargs == 1 ? "" : "s",
			 nwords - 1);
		return -EINVAL;
	}
	if (p->cmd->parse)
		ret = p->cmd->parse(p, words + 1, why, n);
	if (ret)
		return ret;
	if (p->cmd->op)
		p->owner = psd_layer_with(p->ctl->layers, p->cmd->op);
	if (p->cmd->op && (!p->owner || !psd_layer_get(p->owner))) {
		snprintf(why, n, "%s needs component %s, which is off",
			 p->cmd->name, p->owner ? p->owner->name : "?");
		return -EOPNOTSUPP;
	}
	if (p->cmd->parse == psd_parse_set) {
		p->owner = psd_layer_owning(p->ctl->layers, p->setting);
		if (!p->owner || !psd_layer_get(p->owner)) {
			snprintf(why, n, "%s belongs to component %s, which is off",
				 psd_setting_key(p->setting),
				 p->owner ? p->owner->name : "?");
			return -EOPNOTSUPP;
		}
	}
	return 0;
}

/* Reject what is not one whole command before looking at its words. */
static int psd_check_write(const char *buf, size_t len, loff_t pos,
			   char *why, size_t n)
{
	size_t i;

	if (pos != 0) {
		snprintf(why, n, "split write: a command is one write at offset 0");
		return -EINVAL;
	}
	if (len > PSD_CONTROL_MAX) {
		snprintf(why, n, "write longer than %u bytes", PSD_CONTROL_MAX);
		return -EINVAL;
	}
	if (len && buf[len - 1] == '\n')
		len--;
	if (!len) {
		snprintf(why, n, "empty command");
		return -EINVAL;
	}
	for (i = 0; i < len; i++) {
		if (!buf[i]) {
			snprintf(why, n, "embedded NUL at byte %zu", i);
			return -EINVAL;
		}
		if (!isprint(buf[i]) || buf[i] & 0x80) {
			snprintf(why, n, "non-printable byte 0x%02x at byte %zu",
				 (u8)buf[i], i);
			return -EINVAL;
		}
	}
	return 0;
}

/**
 * psd_control_exec() - validate and run one command on an instance
 * @ctl: what the command acts on
 * @buf: the bytes written (kernel memory)
 * @len: their number
 * @pos: the file offset of the write
 *
 * Either the whole command takes effect or nothing does; a rejection is
 * recorded in @ctl->error.
 *
 * Return: as psd_control_submit().
 */
VISIBLE_IF_KUNIT int psd_control_exec(struct psd_control *ctl,
				      const char *buf, size_t len, loff_t pos)
{
	char line[PSD_CONTROL_MAX + 1];
	char why[sizeof(ctl->error)];
	const char *run_why = NULL;
	struct psd_parsed p = { .ctl = ctl };
	int ret;

	ret = psd_check_write(buf, len, pos, why, sizeof(why));
	if (!ret) {
		if (buf[len - 1] == '\n')
			len--;
		memcpy(line, buf, len);
		line[len] = '\0';
		ret = psd_parse(line, &p, why, sizeof(why));
	}

	mutex_lock(&ctl->lock);
	if (!ret) {
		ret = p.cmd->run(&p, &run_why);
		if (ret)
			snprintf(why, sizeof(why), "%s: %s", p.cmd->name,
				 run_why ?: "failed");
	}
	if (ret)
		strscpy(ctl->error, why, sizeof(ctl->error));
	mutex_unlock(&ctl->lock);
	return ret;
}

/**
 * psd_control_submit() - validate and run one control command
 * @buf: the bytes written (kernel memory)
 * @len: their number
 * @pos: the file offset of the write
 *
 * Either the whole command takes effect or nothing does; a rejection is
 * recorded for summary's last_control_error.
 *
 * Return: 0, -EINVAL for a malformed or out-of-range command, -EOPNOTSUPP
 * when the component the command needs is off.
 */
static int psd_control_submit(const char *buf, size_t len, loff_t pos)
{
	return psd_control_exec(&psd_control, buf, len, pos);
}

/**
 * psd_control_error_show() - an instance's last_control_error value
 * @ctl: the instance
 * @m: the seq_file
 */
VISIBLE_IF_KUNIT void psd_control_error_show(struct psd_control *ctl,
					     struct seq_file *m)
{
	mutex_lock(&ctl->lock);
	if (ctl->error[0])
		seq_printf(m, "\"%s\"", ctl->error);
	else
		seq_puts(m, "none");
	mutex_unlock(&ctl->lock);
}

/**
 * psd_control_show_error() - summary's last_control_error value
 * @m: the seq_file
 *
 * Return: 0.
 */
int psd_control_show_error(struct seq_file *m)
{
	psd_control_error_show(&psd_control, m);
	return 0;
}

static ssize_t psd_control_write(struct file *file, const char __user *ubuf,
				 size_t count, loff_t *ppos)
{
	char buf[PSD_CONTROL_MAX];
	int ret;

	/* Over-long writes are judged without copying them. */
	if (count > PSD_CONTROL_MAX)
		return psd_control_submit(NULL, count, *ppos);
	if (copy_from_user(buf, ubuf, count))
		return -EFAULT;
	ret = psd_control_submit(buf, count, *ppos);
	if (ret)
		return ret;
	*ppos += count;
	return count;
}

const struct file_operations psd_control_fops = {
	.owner = THIS_MODULE,
	.open = simple_open,
	.write = psd_control_write,
};
