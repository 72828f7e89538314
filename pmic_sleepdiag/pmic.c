// SPDX-License-Identifier: GPL-2.0
/*
 * The PMIC component: attach to the regmap of the i2c client bound to the
 * tps65910 driver (or of the device named by pmic=), follow that driver
 * being unbound and bound again, and take snapshots in the suspend phases.
 *
 * Lifetime: the regmap belongs to the driver (devm), so it lives exactly
 * while the client stays bound.  The core tells a bus notifier before it
 * unbinds (BUS_NOTIFY_UNBIND_DRIVER, with the device locked) and before it
 * deletes a device; the notifier detaches under p->lock, which every
 * snapshot holds across its reads, so a regmap is never used after its
 * driver let go.  Lock order: device_lock(PMIC) -> p->lock.
 *
 * Ordering: a stateless device link makes the module's own device a
 * consumer of the PMIC, which moves it after the PMIC in the PM lists:
 * our suspend callbacks run before the PMIC's and its bus's, our resume
 * callbacks after theirs.  The own device is registered before the
 * layers start, so the link is made at attach; it is made again at
 * PM_SUSPEND_PREPARE when it is missing (the PMIC bound later).
 * Snapshots are never taken in noirq phases.
 *
 * The link orders devices within a phase only: every .suspend callback
 * runs before any .suspend_late, so an I2C controller that suspends in
 * .suspend has marked its adapter suspended (i2c_mark_adapter_suspended())
 * before our suspend_late snapshot, and resumes it only in .resume, after
 * our resume_early one.  A transfer then fails with -ESHUTDOWN and a
 * WARNING.  No snapshot is read while the adapter is marked suspended; the
 * cycle's pre-sleep snapshot is then the latest one whose bus was up.  The
 * flag changes only in the controller's own callbacks, which the PM core
 * runs to completion before our callbacks of the same or a later phase.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt
#define dev_fmt(fmt) pr_fmt(fmt)

#include <linux/device.h>
#include <linux/i2c.h>
#include <linux/kernel.h>
#include <linux/mutex.h>
#include <linux/regmap.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/timekeeping.h>

#include "pmic.h"
#include "psd_trace.h"

#define PSD_PMIC_DRIVER	"tps65910"

struct psd_pmic {
	struct mutex lock;		/* all below, and snapshot I/O */
	bool live;			/* the component's: switches it on/off */
	struct device *own;		/* to link as consumer, or NULL */
	struct device *dev;		/* the PMIC, referenced; NULL: detached */
	struct regmap *map;
	const struct psd_pmic_profile *prof;
	struct device *consumer;	/* linked own device, referenced */
	u32 risk_prev;			/* warn rules held at last pre-sleep */
	u32 wake_cycle;			/* cycle of the last post-wake lint */
	struct psd_pmic_store *store;
};

/*
 * The layer's data in a core instance (psd_layer_data()): the component's
 * PMIC instance, the module's from start to stop; a KUnit case's has none.
 */
static struct psd_pmic **psd_pmic_ptr(void)
{
	return psd_layer_data(&psd_pmic_layer);
}

static void psd_pmic_off(struct psd_pmic *p, const char *why)
{
	if (p->live)
		psd_layer_set(&psd_pmic_layer, false, why);
}

/**
 * psd_pmic_create() - an instance with its snapshot store
 * @keep: cycles of snapshots kept
 * @own: the device made a consumer of the PMIC at attach (the module's
 *       own), or NULL for none; it must outlive the instance
 * @live: true for the component's own instance (switches it on and off)
 *
 * Return: the instance, or NULL.
 */
struct psd_pmic *psd_pmic_create(unsigned int keep, struct device *own,
				 bool live)
{
	struct psd_pmic *p = kzalloc(sizeof(*p), GFP_KERNEL);

	if (!p)
		return NULL;
	p->store = psd_pmic_store_create(keep);
	if (!p->store) {
		kfree(p);
		return NULL;
	}
	mutex_init(&p->lock);
	p->own = own;
	p->live = live;
	return p;
}

/* Make the own device a consumer of the PMIC; p->lock held. */
static void psd_pmic_link(struct psd_pmic *p)
{
	if (p->consumer || !p->own || !p->dev)
		return;
	if (!device_link_add(p->own, p->dev, DL_FLAG_STATELESS)) {
		dev_warn(p->dev, "no device link; snapshots may run after the PMIC suspended\n");
		return;
	}
	p->consumer = get_device(p->own);
}

/*
 * The link may be gone already (the own device was deleted first at
 * unload): device_link_remove() looks it up and does nothing then.
 */
static void psd_pmic_unlink(struct psd_pmic *p)
{
	if (!p->consumer)
		return;
	device_link_remove(p->consumer, p->dev);
	put_device(p->consumer);
	p->consumer = NULL;
}

/**
 * psd_pmic_attach() - attach to a bound PMIC device
 * @p: the instance
 * @dev: the device; its driver stays bound for the call (device locked,
 *	 or called from its BUS_NOTIFY_BOUND_DRIVER)
 * @chip: its i2c id name, which picks the profile
 * @why: out: the reason when it fails
 *
 * Warms the regmap cache for the cached ranges, so that snapshots read
 * only the volatile ranges from the bus.
 *
 * Return: 0, -EBUSY when attached elsewhere, -ENODEV.
 */
int psd_pmic_attach(struct psd_pmic *p, struct device *dev, const char *chip,
		    const char **why)
{
	const struct psd_pmic_profile *prof = psd_pmic_profile_find(chip);
	u8 buf[PSD_PMIC_NR_ADDR];
	struct regmap *map;
	unsigned int r;

	if (!prof) {
		*why = "unknown chip";
		return -ENODEV;
	}
	map = dev_get_regmap(dev, NULL);
	if (!map) {
		*why = "pmic has no regmap";
		return -ENODEV;
	}
	mutex_lock(&p->lock);
	if (p->dev) {
		mutex_unlock(&p->lock);
		*why = "already attached";
		return -EBUSY;
	}
	p->dev = get_device(dev);
	p->map = map;
	p->prof = prof;
	for (r = 0; r < prof->nranges; r++)
		if (prof->ranges[r].cached)
			regmap_bulk_read(map, prof->ranges[r].first,
					 buf + prof->ranges[r].first,
					 prof->ranges[r].last -
					 prof->ranges[r].first + 1);
	psd_pmic_link(p);
	mutex_unlock(&p->lock);
	if (p->live) {
		psd_layer_set(&psd_pmic_layer, true, NULL);
		dev_info(dev, "attached (%s)\n", prof->chip);
	}
	return 0;
}

/**
 * psd_pmic_detach() - let go of the PMIC; waits for a snapshot in progress
 * @p: the instance
 * @why: static reason the component shows as off(<why>)
 */
void psd_pmic_detach(struct psd_pmic *p, const char *why)
{
	struct device *dev;

	mutex_lock(&p->lock);
	dev = p->dev;
	if (dev) {
		psd_pmic_unlink(p);
		p->map = NULL;
		p->dev = NULL;
	}
	mutex_unlock(&p->lock);
	if (!dev)
		return;
	psd_pmic_off(p, why);
	if (p->live)
		dev_info(dev, "detached (%s)\n", why);
	put_device(dev);
}

/**
 * psd_pmic_destroy() - detach and free
 * @p: the instance, or NULL
 */
void psd_pmic_destroy(struct psd_pmic *p)
{
	if (!p)
		return;
	psd_pmic_detach(p, "stopped");
	psd_pmic_store_destroy(p->store);
	mutex_destroy(&p->lock);
	kfree(p);
}

/**
 * psd_pmic_attached() - the device an instance is attached to
 * @p: the instance
 * @linked: out, may be NULL: whether the device link exists
 *
 * Return: the device (no reference taken), or NULL.
 */
struct device *psd_pmic_attached(struct psd_pmic *p, bool *linked)
{
	struct device *dev;

	mutex_lock(&p->lock);
	dev = p->dev;
	if (linked)
		*linked = !!p->consumer;
	mutex_unlock(&p->lock);
	return dev;
}

/**
 * psd_pmic_store_of() - an instance's snapshot store
 * @p: the instance
 *
 * Return: the store.
 */
struct psd_pmic_store *psd_pmic_store_of(struct psd_pmic *p)
{
	return p->store;
}

static void psd_pmic_raise_io(const struct psd_pmic_snap *s)
{
	struct psd_record rec = {
		.t_ns = s->t_ns,
		.cycle = s->cycle,
		.type = PSD_AN_PMIC_IO_ERROR,
		.phase = s->phase,
	};
	int first = find_first_bit(s->failed, s->prof->nregs);

	rec.v[0] = s->prof->regs[first].addr;
	rec.v[1] = bitmap_weight(s->failed, s->prof->nregs);
	rec.v[2] = s->err;
	psd_anomaly_raise(&rec);
}

/* PMIC_CONFIG_RISK: warn rules that hold now and did not last time. */
static void psd_pmic_raise_risk(const struct psd_pmic_snap *s, u32 fresh)
{
	struct psd_record rec = {
		.t_ns = s->t_ns,
		.cycle = s->cycle,
		.type = PSD_AN_PMIC_CONFIG_RISK,
		.phase = s->phase,
	};
	unsigned long bits = fresh;
	unsigned int i;
	u8 reg;

	for_each_set_bit(i, &bits, psd_pmic_nr_lint_rules) {
		psd_pmic_lint_eval(&psd_pmic_lint_rules[i], s, &reg);
		strscpy(rec.name, psd_pmic_lint_rules[i].id, sizeof(rec.name));
		rec.v[0] = reg;
		rec.v[1] = i;
		psd_anomaly_raise(&rec);
	}
}

/*
 * May the PMIC be read now?  Not while its adapter, or an adapter it hangs
 * off behind a mux, is marked suspended.  p->lock held.
 */
static bool psd_pmic_bus_up(struct psd_pmic *p)
{
	struct i2c_client *client = i2c_verify_client(p->dev);
	struct i2c_adapter *a;

	for (a = client ? client->adapter : NULL; a;
	     a = i2c_parent_is_i2c_adapter(a))
		if (test_bit(I2C_ALF_IS_SUSPENDED, &a->locked_flags))
			return false;
	return true;
}

/*
 * The cycle's pre-sleep snapshot @s: PMIC_CONFIG_RISK for each warn rule
 * that holds and did not on the previous cycle's (a rule that cannot be
 * evaluated keeps its previous state); the live instance gives the
 * cycle's record its lint.  p->lock held.
 */
static u32 psd_pmic_judge_presleep(struct psd_pmic *p,
				   const struct psd_pmic_snap *s)
{
	u32 holds, unknown, fresh;

	holds = psd_pmic_lint_warnings(s, &unknown);
	holds |= p->risk_prev & unknown;
	fresh = holds & ~p->risk_prev;
	p->risk_prev = holds;
	return fresh;
}

/**
 * psd_pmic_take() - take, keep and judge a snapshot
 * @p: the instance
 * @cycle: the suspend cycle it belongs to
 * @phase: a phase with a snapshot slot (psd_pmic_slot() >= 0)
 *
 * Raises PMIC_IO_ERROR when a read failed.  The suspend_late snapshot
 * is the cycle's pre-sleep one, judged by psd_pmic_judge_presleep(); while
 * the PMIC's I2C adapter is suspended nothing is read, and in suspend_late
 * the cycle's latest earlier snapshot becomes the pre-sleep one.
 *
 * Context: process; sleeps on the bus.
 * Return: 0, -ENODEV when detached, -EINVAL for a phase without a slot,
 * -ESHUTDOWN when the bus is suspended (nothing read).
 */
int psd_pmic_take(struct psd_pmic *p, u32 cycle, enum psd_phase phase)
{
	struct psd_pmic_snap s = {
		.cycle = cycle,
		.phase = phase,
	};
	u32 unknown, fresh = 0;
	bool post_wake = false;

	if (psd_pmic_slot(phase) < 0)
		return -EINVAL;
	mutex_lock(&p->lock);
	if (!p->map) {
		mutex_unlock(&p->lock);
		return -ENODEV;
	}
	if (!psd_pmic_bus_up(p)) {
		if (phase == PSD_PH_SUSPEND_LATE &&
		    psd_pmic_store_presleep(p->store, cycle, &s))
			fresh = psd_pmic_judge_presleep(p, &s);
		mutex_unlock(&p->lock);
		if (s.presleep)
			goto judged;
		return -ESHUTDOWN;
	}
	s.prof = p->prof;
	s.t_ns = ktime_get_boot_fast_ns();
	s.presleep = phase == PSD_PH_SUSPEND_LATE;
	psd_pmic_read(p->map, p->prof, &s);
	psd_pmic_store_add(p->store, &s);
	if (s.presleep)
		fresh = psd_pmic_judge_presleep(p, &s);
	/* The first snapshot after the wake shows the PMIC as in SLEEP. */
	post_wake = (phase == PSD_PH_RESUME_EARLY || phase == PSD_PH_RESUME) &&
		    p->wake_cycle != cycle;
	if (post_wake)
		p->wake_cycle = cycle;
	mutex_unlock(&p->lock);

	if (trace_pmic_snapshot_enabled())
		trace_pmic_snapshot(cycle, psd_phase_name(phase), s.err,
				    hweight32(psd_pmic_lint_warnings(&s,
								     &unknown)));
	if (s.err)
		psd_pmic_raise_io(&s);
judged:
	if (fresh)
		psd_pmic_raise_risk(&s, fresh);
	if ((s.presleep || post_wake) && p->live) {
		struct psd_pmic_seen seen = { .has = true };

		psd_pmic_lint_report(&s, &seen.lint);
		psd_report_part(&psd_pmic_layer, cycle, s.presleep ?
				offsetof(struct psd_pmic_part, presleep) :
				offsetof(struct psd_pmic_part, wake),
				&seen, sizeof(seen));
	}
	return 0;
}

/**
 * psd_pmic_reset() - forget snapshots and the rules seen holding
 * @p: the instance
 */
void psd_pmic_reset(struct psd_pmic *p)
{
	mutex_lock(&p->lock);
	p->risk_prev = 0;
	p->wake_cycle = 0;
	mutex_unlock(&p->lock);
	psd_pmic_store_reset(p->store);
}

/* ---- the i2c side: which client, and its bind/unbind ---- */

static bool psd_pmic_wanted(struct device *dev)
{
	const char *name = psd_params.pmic;

	if (!i2c_verify_client(dev))
		return false;
	if (name && name[0])
		return !strcmp(dev_name(dev), name);
	return dev->driver && !strcmp(dev->driver->name, PSD_PMIC_DRIVER);
}

static int psd_pmic_match(struct device *dev, const void *unused)
{
	return psd_pmic_wanted(dev);
}

/* Attach to a wanted device whose driver stays bound for the call. */
static int psd_pmic_try(struct psd_pmic *p, struct device *dev,
			const char **why)
{
	if (!dev->driver) {
		*why = "pmic not bound to a driver";
		return -ENODEV;
	}
	return psd_pmic_attach(p, dev, i2c_verify_client(dev)->name, why);
}

static int psd_pmic_bus_notify(struct notifier_block *nb,
			       unsigned long action, void *data)
{
	struct psd_pmic *p = READ_ONCE(*psd_pmic_ptr());
	struct device *dev = data;
	const char *why = NULL;
	int ret;

	if (!p)
		return NOTIFY_DONE;
	switch (action) {
	case BUS_NOTIFY_BOUND_DRIVER:	/* device locked by the core */
		if (!psd_pmic_wanted(dev) || psd_pmic_attached(p, NULL))
			break;
		ret = psd_pmic_try(p, dev, &why);
		if (ret && ret != -EBUSY)
			psd_pmic_off(p, why);
		break;
	case BUS_NOTIFY_UNBIND_DRIVER:
		if (psd_pmic_attached(p, NULL) == dev)
			psd_pmic_detach(p, "pmic unbound");
		break;
	case BUS_NOTIFY_DEL_DEVICE:
		if (psd_pmic_attached(p, NULL) == dev)
			psd_pmic_detach(p, "pmic removed");
		break;
	}
	return NOTIFY_DONE;
}

static struct notifier_block psd_pmic_nb = {
	.notifier_call = psd_pmic_bus_notify,
};

/* At start: attach to what is there, or say why not. */
static void psd_pmic_find(struct psd_pmic *p)
{
	const char *name = psd_params.pmic;
	const char *why = "no tps65910 i2c client";
	struct device *dev;

	if (name && name[0]) {
		why = "pmic= device not found";
		dev = bus_find_device_by_name(&i2c_bus_type, NULL, name);
		if (dev && !i2c_verify_client(dev)) {
			put_device(dev);
			dev = NULL;
			why = "pmic= device is not an i2c client";
		}
	} else {
		dev = bus_find_device(&i2c_bus_type, NULL, NULL,
				      psd_pmic_match);
	}
	if (dev) {
		/* Unbinding takes the device lock: the driver stays or is gone. */
		device_lock(dev);
		if (!psd_pmic_attached(p, NULL) && !psd_pmic_try(p, dev, &why))
			why = NULL;
		device_unlock(dev);
		put_device(dev);
	}
	if (why && !psd_pmic_attached(p, NULL))
		psd_pmic_off(p, why);
}

/* ---- component ops ---- */

static int psd_pmic_start(const char **why)
{
	struct psd_pmic *p;
	int ret;

	/* The module's device outlives the layer (main.c). */
	p = psd_pmic_create(psd_params.keep_cycles, psd_pmdev_device(), true);
	if (!p) {
		*why = "out of memory";
		return -ENOMEM;
	}
	WRITE_ONCE(*psd_pmic_ptr(), p);
	/* Notifier first: a bind or unbind from now on is seen. */
	ret = bus_register_notifier(&i2c_bus_type, &psd_pmic_nb);
	if (ret) {
		WRITE_ONCE(*psd_pmic_ptr(), NULL);
		psd_pmic_destroy(p);
		*why = "no i2c bus notifier";
		return ret;
	}
	psd_pmic_find(p);
	return 0;
}

static void psd_pmic_stop(void)
{
	struct psd_pmic *p = *psd_pmic_ptr();

	bus_unregister_notifier(&i2c_bus_type, &psd_pmic_nb);
	WRITE_ONCE(*psd_pmic_ptr(), NULL);
	psd_pmic_destroy(p);
}

static void psd_pmic_comp_reset(void)
{
	struct psd_pmic *p = *psd_pmic_ptr();

	if (p)
		psd_pmic_reset(p);
}

static void psd_pmic_devpm(u32 cycle, enum psd_phase phase)
{
	struct psd_pmic *p = *psd_pmic_ptr();

	if (!p || psd_pmic_slot(phase) < 0)
		return;
	if (phase == PSD_PH_PREPARE) {
		mutex_lock(&p->lock);
		psd_pmic_link(p);
		mutex_unlock(&p->lock);
	}
	psd_pmic_take(p, cycle, phase);
}

static int psd_pmic_snapshot(const char **why)
{
	struct psd_pmic *p = *psd_pmic_ptr();
	int ret;

	ret = p ? psd_pmic_take(p, psd_cycle_current(), PSD_PH_MANUAL) :
		  -ENODEV;

	if (ret)
		*why = ret == -ESHUTDOWN ? "pmic bus suspended" : "pmic detached";
	return ret;
}

static void psd_pmic_show_summary(struct seq_file *m)
{
	struct psd_pmic *p = *psd_pmic_ptr();

	if (!p) {
		seq_puts(m, "off(pmic detached)");
		return;
	}
	mutex_lock(&p->lock);
	if (p->dev)
		seq_printf(m, "%s %s", p->prof->chip, dev_name(p->dev));
	else
		seq_puts(m, "off(pmic detached)");
	mutex_unlock(&p->lock);
}

static const struct psd_layer_ops psd_pmic_ops = {
	.start = psd_pmic_start,
	.stop = psd_pmic_stop,
	.reset = psd_pmic_comp_reset,
	.devpm = psd_pmic_devpm,
	.show_summary = psd_pmic_show_summary,
	.snapshot = psd_pmic_snapshot,
};

/* ---- files ---- */

static int psd_pmic_snapshots_open(struct inode *inode, struct file *file)
{
	struct psd_pmic *p = READ_ONCE(*psd_pmic_ptr());

	return psd_pmic_store_seq_open(file, p ? p->store : NULL);
}

static const struct file_operations psd_pmic_snapshots_fops = {
	.owner = THIS_MODULE,
	.open = psd_pmic_snapshots_open,
	.read = seq_read,
	.llseek = seq_lseek,
	.release = seq_release_private,
};

/**
 * psd_pmic_lint_show() - seq_file show function of pmic/lint
 * @m: the seq_file
 * @unused: unused
 *
 * Return: 0.
 */
static int psd_pmic_lint_show(struct seq_file *m, void *unused)
{
	struct psd_pmic *p = READ_ONCE(*psd_pmic_ptr());
	struct psd_pmic_snap *s;

	if (!p) {
		seq_puts(m, "# pmic component not running\n");
		return 0;
	}
	s = kmalloc(sizeof(*s), GFP_KERNEL);
	if (!s)
		return -ENOMEM;
	if (psd_pmic_store_latest(p->store, s))
		psd_pmic_lint_snap_show(m, s);
	else
		seq_puts(m, "# no snapshot yet\n");
	kfree(s);
	return 0;
}

/**
 * psd_pmic_io_error_show() - the class keys of a PMIC_IO_ERROR anomaly
 * @m: the seq_file
 * @rec: the anomaly: @v[0] first failed register, @v[1] registers failed,
 *	 @v[2] the error
 */
static void psd_pmic_io_error_show(struct seq_file *m, const struct psd_record *rec)
{
	seq_printf(m, " phase=%s reg=0x%02llx regs=%lld err=%lld",
		   psd_phase_name(rec->phase), rec->v[0], rec->v[1], rec->v[2]);
}

static const struct psd_kind psd_pmic_classes[] = {
	{ PSD_AN_PMIC_CONFIG_RISK, "PMIC_CONFIG_RISK", psd_pmic_risk_show },
	{ PSD_AN_PMIC_IO_ERROR, "PMIC_IO_ERROR", psd_pmic_io_error_show },
	{}
};

static const struct psd_file psd_pmic_files[] = {
	{ "pmic", "snapshots", 0400, NULL, &psd_pmic_snapshots_fops },
	{ "pmic", "lint", 0400, psd_pmic_lint_show },
	{}
};

struct psd_layer psd_pmic_layer = {
	.name = "pmic",
	.ops = &psd_pmic_ops,
	.classes = psd_pmic_classes,
	.files = psd_pmic_files,
	.part = &psd_pmic_part,
	.data_size = sizeof(struct psd_pmic *),
};
