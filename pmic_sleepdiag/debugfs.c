// SPDX-License-Identifier: GPL-2.0
/*
 * The debugfs surface, /sys/kernel/debug/pmic_sleepdiag/: one row per
 * file, the core's in psd_files[], each layer's in its descriptor.  Files
 * are created once at load and removed first at unload; debugfs' file
 * proxy then guarantees that no reader or writer is still inside our code.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/debugfs.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/seq_file.h>
#include <linux/string.h>

#include "core.h"

static const struct psd_file psd_files[] = {
	{ NULL, "summary", 0400, psd_summary_show },
	{ NULL, "control", 0200, NULL, &psd_control_fops },
	{ NULL, "events", 0400, NULL, &psd_events_fops },
	{ NULL, "anomalies", 0400, NULL, &psd_anomalies_fops },
	{ NULL, "report", 0400, NULL, &psd_report_fops },
	{ NULL, "report.json", 0400, NULL, &psd_report_json_fops },
	{}
};

static struct dentry *psd_root;

static int psd_show_open(struct inode *inode, struct file *file)
{
	const struct psd_file *f = inode->i_private;

	return single_open(file, f->show, NULL);
}

static const struct file_operations psd_show_fops = {
	.owner = THIS_MODULE,
	.open = psd_show_open,
	.read = seq_read,
	.llseek = seq_lseek,
	.release = single_release,
};

static struct dentry *psd_dir(const char *name)
{
	struct dentry *d;

	if (!name)
		return psd_root;
	d = debugfs_lookup(name, psd_root);
	if (d) {
		dput(d);	/* the tree holds it until removal */
		return d;
	}
	return debugfs_create_dir(name, psd_root);
}

static void psd_files_create(const struct psd_file *f)
{
	for (; f && f->name; f++)
		debugfs_create_file(f->name, f->mode, psd_dir(f->dir),
				    (void *)f, f->show ? &psd_show_fops :
							 f->fops);
}

/**
 * psd_debugfs_init() - create the whole tree
 *
 * Return: 0, or -ENODEV when debugfs is not available.
 */
int psd_debugfs_init(void)
{
	unsigned int i;

	psd_root = debugfs_create_dir("pmic_sleepdiag", NULL);
	if (IS_ERR(psd_root))
		return -ENODEV;

	psd_files_create(psd_files);
	for (i = 0; i < psd_nr_layers; i++)
		psd_files_create(psd_layers[i]->files);
	return 0;
}

/**
 * psd_debugfs_exit() - remove the tree; waits for open file operations
 */
void psd_debugfs_exit(void)
{
	debugfs_remove_recursive(psd_root);
	psd_root = NULL;
}
