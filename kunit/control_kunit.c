// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: the control file, module parameters, summary and the layer
 * registry (pmic_sleepdiag/control.c, main.c, summary.c, layer.c).
 *
 * The module is built in and its layers run; the tests leave them alone.
 * Each test drives a control instance of its own over fake layers (the
 * real ones' names, settings and commands) that record what they were
 * asked, with settings values of its own.  Summary is only read.
 */
#include <kunit/test.h>
#include <linux/irq.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "psd_kunit.h"
#include "summary_text.h"

static struct {
	unsigned int applied;
	unsigned int snapshots;
	unsigned int watched;
	unsigned int resets;
	unsigned int core_resets;
	unsigned int last_irq;
	bool last_add;
} fake;

static int fake_start(const char **why)
{
	return 0;
}

static int fake_start_absent(const char **why)
{
	*why = "fake absent";
	return -ENODEV;
}

static void fake_apply(unsigned int setting, u32 value)
{
	fake.applied++;
}

static void fake_reset(void)
{
	fake.resets++;
}

static int fake_snapshot(const char **why)
{
	fake.snapshots++;
	return 0;
}

static int fake_watch(unsigned int irq, bool add, const char **why)
{
	fake.watched++;
	fake.last_irq = irq;
	fake.last_add = add;
	return 0;
}

/* The suite's own layers and control file: each test gets fresh ones. */
static struct psd_control *ctl;
static unsigned int nr_started;	/* fakes whose start succeeds */

/*
 * A fake of a real layer: its name and settings, and the commands it
 * takes; alarm is not built and hrtimer fails to start, the others start.
 */
static struct psd_layer *fake_of(struct kunit *test,
				 const struct psd_layer *real)
{
	struct psd_layer *l = kunit_kzalloc(test, sizeof(*l), GFP_KERNEL);
	struct psd_layer_ops *ops = kunit_kzalloc(test, sizeof(*ops),
						  GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, l);
	KUNIT_ASSERT_NOT_NULL(test, ops);
	l->name = real->name;
	l->settings = real->settings;
	if (!strcmp(real->name, "alarm"))
		return l;
	l->ops = ops;
	if (!strcmp(real->name, "hrtimer")) {
		ops->start = fake_start_absent;
		return l;
	}
	ops->start = fake_start;
	ops->apply = fake_apply;
	ops->reset = fake_reset;
	if (real->ops && real->ops->snapshot)
		ops->snapshot = fake_snapshot;
	if (real->ops && real->ops->watch)
		ops->watch = fake_watch;
	return l;
}

static struct psd_layer *named(const char *name)
{
	unsigned int i;

	for (i = 0; i < ctl->layers->nr; i++)
		if (!strcmp(ctl->layers->layers[i]->name, name))
			return ctl->layers->layers[i];
	return NULL;
}

static void fake_core_reset(void)
{
	fake.core_resets++;
}

static void stop_layers(void *set)
{
	const struct psd_layer_set *s = set;
	unsigned int i;

	for (i = s->nr; i-- > 0;)
		psd_layer_stop(s->layers[i]);
}

static int control_init(struct kunit *test)
{
	struct psd_layer_set *set = kunit_kzalloc(test, sizeof(*set),
						  GFP_KERNEL);
	struct psd_layer **layers = kunit_kcalloc(test, psd_nr_layers,
						  sizeof(*layers), GFP_KERNEL);
	unsigned int i;

	psd_kunit_core(test);
	ctl = kunit_kzalloc(test, sizeof(*ctl), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, set);
	KUNIT_ASSERT_NOT_NULL(test, layers);
	KUNIT_ASSERT_NOT_NULL(test, ctl);
	ctl->settings = kunit_kcalloc(test, PSD_NR_SETTINGS,
				      sizeof(*ctl->settings), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, ctl->settings);
	for (i = 0; i < psd_nr_layers; i++)
		layers[i] = fake_of(test, psd_layers[i]);
	for (i = 0; i < PSD_NR_SETTINGS; i++)
		ctl->settings[i] = psd_setting(i);
	set->layers = layers;
	set->nr = psd_nr_layers;
	ctl->layers = set;
	ctl->reset = fake_core_reset;
	mutex_init(&ctl->lock);
	memset(&fake, 0, sizeof(fake));
	nr_started = 0;
	for (i = 0; i < set->nr; i++) {
		psd_layer_start(layers[i]);
		if (layers[i]->ops && layers[i]->ops->start == fake_start)
			nr_started++;
	}
	return kunit_add_action_or_reset(test, stop_layers, set);
}

static int submit(const char *s)
{
	return psd_control_exec(ctl, s, strlen(s), 0);
}

/* The suite's last_control_error value. */
static char *ctl_error(struct kunit *test)
{
	struct seq_file *m = psd_kunit_seq(test, 256);

	psd_control_error_show(ctl, m);
	return psd_kunit_text(test, m);
}

/* "on" or "off(<why>)" of one of the suite's layers. */
static char *layer_state(struct kunit *test, const char *name)
{
	struct seq_file *m = psd_kunit_seq(test, 64);

	psd_layer_show(m, named(name));
	return psd_kunit_text(test, m);
}

static void expect_no_change(struct kunit *test, const char *cmd, int err)
{
	u32 before[PSD_NR_SETTINGS];
	unsigned int calls = fake.applied + fake.snapshots + fake.watched +
			     fake.resets;

	memcpy(before, ctl->settings, sizeof(before));
	ctl->error[0] = '\0';
	KUNIT_EXPECT_EQ_MSG(test, submit(cmd), err, "command \"%s\"", cmd);
	KUNIT_EXPECT_MEMEQ_MSG(test, before, ctl->settings, sizeof(before),
			       "command \"%s\" changed a setting", cmd);
	KUNIT_EXPECT_EQ_MSG(test, calls, fake.applied + fake.snapshots +
			    fake.watched + fake.resets,
			    "command \"%s\" reached a component", cmd);
	KUNIT_EXPECT_STRNEQ_MSG(test, ctl_error(test), "none",
				"command \"%s\" left no error", cmd);
}

static void control_set_every_key_at_bounds(struct kunit *test)
{
	unsigned int id;
	char cmd[64];
	u32 lo, hi;
	bool zero;

	for (id = 0; id < PSD_NR_SETTINGS; id++) {
		zero = psd_setting_range(id, &lo, &hi);
		snprintf(cmd, sizeof(cmd), "set %s %u\n", psd_setting_key(id), lo);
		if (!psd_layer_on(psd_layer_owning(ctl->layers, id))) {
			/* hrtimer is off and alarm not built in fake_ops */
			expect_no_change(test, cmd, -EOPNOTSUPP);
			continue;
		}
		KUNIT_EXPECT_EQ(test, submit(cmd), 0);
		KUNIT_EXPECT_EQ(test, ctl->settings[id], lo);
		snprintf(cmd, sizeof(cmd), "set %s %u", psd_setting_key(id), hi);
		KUNIT_EXPECT_EQ(test, submit(cmd), 0);
		KUNIT_EXPECT_EQ(test, ctl->settings[id], hi);

		snprintf(cmd, sizeof(cmd), "set %s %u", psd_setting_key(id),
			 lo - 1);
		if (!(zero && lo - 1 == 0))
			expect_no_change(test, cmd, -EINVAL);
		snprintf(cmd, sizeof(cmd), "set %s %llu", psd_setting_key(id),
			 (u64)hi + 1);
		expect_no_change(test, cmd, -EINVAL);
	}
	/* stuck_ms, ws_stuck_ms, gic_scan and resume_slow_ms, low and high */
	KUNIT_EXPECT_EQ(test, fake.applied, 8U);
}

static void control_defaults_match_interface(struct kunit *test)
{
	static const struct { const char *key; u32 def, lo, hi; bool zero; }
	want[] = {
		{ "stuck_ms", 1000, 10, 600000, false },
		{ "ws_stuck_ms", 10000, 100, 3600000, false },
		{ "alarm_late_ms", 100, 1, 600000, false },
		{ "hrtimer_late_us", 1000, 1, 10000000, false },
		{ "post_resume_ms", 1000, 1, 600000, false },
		{ "probe_period_us", 0, 100, 1000000, true },
		{ "gic_scan", 1, 0, 1, false },
		{ "resume_slow_ms", 100, 1, 600000, false },
	};
	unsigned int i;
	u32 lo, hi;
	int id;

	for (i = 0; i < ARRAY_SIZE(want); i++) {
		id = psd_setting_lookup(want[i].key);
		KUNIT_ASSERT_GE_MSG(test, id, 0, "key %s", want[i].key);
		KUNIT_EXPECT_EQ(test, psd_setting(id), want[i].def);
		KUNIT_EXPECT_EQ(test, psd_setting_range(id, &lo, &hi),
				want[i].zero);
		KUNIT_EXPECT_EQ(test, lo, want[i].lo);
		KUNIT_EXPECT_EQ(test, hi, want[i].hi);
	}
	KUNIT_EXPECT_EQ(test, (int)ARRAY_SIZE(want), PSD_NR_SETTINGS);
}

/* Commands that are not whole and valid: rejected, nothing changes. */
static const char *const malformed[] = {
	"", "\n", "\n\n", "bogus", "Reset", "reset now", "reset\n\n",
	" reset", "reset ", "set", "set stuck_ms", "set stuck_ms 1 2",
	"set  stuck_ms 500", "set stuck_ms  500", "set\tstuck_ms 500",
	"set nokey 5", "set stuck_ms abc", "set stuck_ms -1",
	"set stuck_ms 0x20", "set stuck_ms 1e3", "set stuck_ms 500ms",
	"set stuck_ms 99999999999999999999999",
	"set stuck_ms 18446744073709551616",
	"set stuck_ms 4294967796", "set probe_period_us 50",
	"snapshot now", "watch_irq", "watch_irq 1 2", "watch_irq x",
	"watch_irq -1", "unwatch_irq", "set stuck_ms 500\r",
	"set stuck_ms \xe9", "set \"stuck_ms\" 500",
};

/* The command, its unprintable bytes escaped for the test's name. */
static void command_desc(const char *const *cmd, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "\"%*pE\"", (int)strlen(*cmd),
		 *cmd);
}

KUNIT_ARRAY_PARAM(malformed, malformed, command_desc);

static void control_malformed_changes_nothing(struct kunit *test)
{
	const char *const *cmd = test->param_value;

	expect_no_change(test, *cmd, -EINVAL);
}

static void control_rejects_bad_writes(struct kunit *test)
{
	char nul[] = "set stuck_ms 5#00";
	char longcmd[PSD_CONTROL_MAX + 2];
	u32 before[PSD_NR_SETTINGS];

	memcpy(before, ctl->settings, sizeof(before));

	/* An embedded NUL, where it would cut "5000" down to "5". */
	*strchr(nul, '#') = '\0';
	KUNIT_EXPECT_EQ(test, psd_control_exec(ctl, nul, sizeof(nul) - 1, 0),
			-EINVAL);
	/* A whole valid command, but not at offset 0: part of a split write. */
	KUNIT_EXPECT_EQ(test, psd_control_exec(ctl, "reset", 5, 5), -EINVAL);
	KUNIT_EXPECT_EQ(test, psd_control_exec(ctl, "set stuck_ms 500", 16, 1),
			-EINVAL);
	/* One byte over the limit, even with a valid start. */
	memset(longcmd, ' ', sizeof(longcmd));
	memcpy(longcmd, "reset", 5);
	KUNIT_EXPECT_EQ(test, psd_control_exec(ctl, longcmd, PSD_CONTROL_MAX + 1, 0),
			-EINVAL);
	/* Exactly at the limit, it is parsed (and rejected for its spaces). */
	KUNIT_EXPECT_EQ(test, psd_control_exec(ctl, longcmd, PSD_CONTROL_MAX, 0),
			-EINVAL);
	KUNIT_EXPECT_MEMEQ(test, before, ctl->settings, sizeof(before));
	KUNIT_EXPECT_EQ(test, fake.resets, 0U);
}

static void control_component_off_is_eopnotsupp(struct kunit *test)
{
	expect_no_change(test, "set hrtimer_late_us 5", -EOPNOTSUPP);
	expect_no_change(test, "set probe_period_us 0", -EOPNOTSUPP);
	psd_layer_set(named("irqpend"), false, "fake unplugged");
	expect_no_change(test, "watch_irq 1", -EOPNOTSUPP);
	expect_no_change(test, "set stuck_ms 500", -EOPNOTSUPP);
	psd_layer_set(named("pmic"), false, "fake unplugged");
	expect_no_change(test, "snapshot", -EOPNOTSUPP);
}

static int first_irq(void)
{
	int irq;

	for (irq = 0; irq < 4096; irq++)
		if (irq_get_irq_data(irq))
			return irq;
	return -1;
}

static void control_watch_and_snapshot(struct kunit *test)
{
	int irq = first_irq();
	char cmd[32];

	KUNIT_ASSERT_GE(test, irq, 0);
	snprintf(cmd, sizeof(cmd), "watch_irq %d\n", irq);
	KUNIT_EXPECT_EQ(test, submit(cmd), 0);
	KUNIT_EXPECT_EQ(test, fake.last_irq, (unsigned int)irq);
	KUNIT_EXPECT_TRUE(test, fake.last_add);
	snprintf(cmd, sizeof(cmd), "unwatch_irq %d", irq);
	KUNIT_EXPECT_EQ(test, submit(cmd), 0);
	KUNIT_EXPECT_FALSE(test, fake.last_add);
	KUNIT_EXPECT_EQ(test, fake.watched, 2U);

	/* An IRQ number that has no descriptor. */
	expect_no_change(test, "watch_irq 1000000", -EINVAL);

	KUNIT_EXPECT_EQ(test, submit("snapshot"), 0);
	KUNIT_EXPECT_EQ(test, fake.snapshots, 1U);
}

static void control_reset_keeps_settings(struct kunit *test)
{
	KUNIT_ASSERT_EQ(test, submit("set stuck_ms 777"), 0);
	KUNIT_EXPECT_EQ(test, submit("reset\n"), 0);
	KUNIT_EXPECT_EQ(test, fake.core_resets, 1U);
	KUNIT_ASSERT_GT(test, nr_started, 0U);
	KUNIT_EXPECT_EQ(test, fake.resets, nr_started);
	KUNIT_EXPECT_EQ(test, ctl->settings[PSD_SET_STUCK_MS], 777U);
}

static void control_error_is_quoted_and_safe(struct kunit *test)
{
	static const char *const unknown = "\"unknown command 'frobnicate'\"";
	static const char *const range = "\"stuck_ms 5 out of range 10-600000\"";

	KUNIT_EXPECT_STREQ(test, ctl_error(test), "none");
	KUNIT_EXPECT_EQ(test, submit("frobnicate \"x\""), -EINVAL);
	KUNIT_EXPECT_STREQ(test, ctl_error(test), unknown);
	KUNIT_EXPECT_EQ(test, submit("set stuck_ms 5"), -EINVAL);
	KUNIT_EXPECT_STREQ(test, ctl_error(test), range);
	/* A later good command does not erase the last error. */
	KUNIT_EXPECT_EQ(test, submit("set stuck_ms 50"), 0);
	KUNIT_EXPECT_STREQ(test, ctl_error(test), range);
}

static void summary_format(struct kunit *test)
{
	static const char *const keys[] = {
		"version", "pmic", "component.pmic", "component.wakesrc",
		"component.alarm", "component.irqpend", "component.hrtimer",
		"cycles", "anomalies", "events_dropped", "ws_overflow",
		"ws_untracked_deactivations", "irq_unsupported",
		"last_control_error",
	};
	char *text = summary_text(test), *l;
	unsigned int k = 0;

	while ((l = strsep(&text, "\n")) && *l) {
		char *colon = strstr(l, ": ");

		KUNIT_EXPECT_NOT_NULL_MSG(test, colon, "line \"%s\"", l);
		if (!colon)
			continue;
		*colon = '\0';
		KUNIT_EXPECT_NULL_MSG(test, strchr(l, ' '), "key \"%s\"", l);
		if (k < ARRAY_SIZE(keys))
			KUNIT_EXPECT_STREQ(test, l, keys[k]);
		k++;
	}
	KUNIT_EXPECT_GE(test, k, (unsigned int)ARRAY_SIZE(keys));
	KUNIT_EXPECT_TRUE(test, summary_has(test, "version: 1"));
}

/*
 * anomalies.<CLASS>: counts every anomaly raised, past what the log keeps,
 * and "reset" zeroes every class.
 */
static void summary_counts_anomalies_by_class(struct kunit *test)
{
	struct psd_record rec = { .type = PSD_AN_IRQ_STUCK_PENDING };
	u64 kept = 0, pos = 0;
	struct psd_record out;
	unsigned int i, n = 600;	/* over the log's capacity */

	psd_anomalies_reset();
	for (i = 0; i < n; i++)
		psd_anomaly_raise(&rec);
	rec.type = PSD_AN_ALARM_LATE;
	psd_anomaly_raise(&rec);

	while (psd_anomalies_get(&pos, &out)) {
		kept++;
		pos = out.seq + 1;
	}
	KUNIT_EXPECT_LT(test, kept, (u64)n);
	KUNIT_EXPECT_EQ(test, psd_anomalies_of_class(PSD_AN_IRQ_STUCK_PENDING),
			(u64)n);
	KUNIT_EXPECT_EQ(test, psd_anomalies_of_class(PSD_NR_ANOMALY_CLASSES),
			0ULL);
	KUNIT_EXPECT_TRUE(test, summary_has(test, "anomalies: 601"));
	KUNIT_EXPECT_TRUE(test, summary_has(test,
					    "anomalies.IRQ_STUCK_PENDING: 600"));
	KUNIT_EXPECT_TRUE(test, summary_has(test, "anomalies.ALARM_LATE: 1"));
	KUNIT_EXPECT_TRUE(test, summary_has(test, "anomalies.WS_NOT_HONORED: 0"));
	KUNIT_EXPECT_TRUE(test, summary_has(test, "anomalies.PMIC_IO_ERROR: 0"));

	psd_anomalies_reset();
	for (i = 0; i < PSD_NR_ANOMALY_CLASSES; i++)
		KUNIT_EXPECT_EQ_MSG(test, psd_anomalies_of_class(i), 0ULL, "%s",
				    psd_anomaly_class_name(i));
	KUNIT_EXPECT_TRUE(test, summary_has(test,
					    "anomalies.IRQ_STUCK_PENDING: 0"));
}

static void registry_states(struct kunit *test)
{
	KUNIT_EXPECT_STREQ(test, layer_state(test, "pmic"), "on");
	KUNIT_EXPECT_STREQ(test, layer_state(test, "alarm"),
			   "off(not implemented)");
	KUNIT_EXPECT_STREQ(test, layer_state(test, "hrtimer"),
			   "off(fake absent)");
	KUNIT_EXPECT_TRUE(test, psd_layer_on(named("irqpend")));
	KUNIT_EXPECT_FALSE(test, psd_layer_on(named("hrtimer")));
	KUNIT_EXPECT_NULL(test, psd_layer_get(named("hrtimer")));

	psd_layer_set(named("pmic"), false, "fake unbound");
	KUNIT_EXPECT_STREQ(test, layer_state(test, "pmic"), "off(fake unbound)");
	KUNIT_EXPECT_NULL(test, psd_layer_get(named("pmic")));
	psd_layer_set(named("pmic"), true, NULL);
	KUNIT_EXPECT_STREQ(test, layer_state(test, "pmic"), "on");

	psd_layer_stop(named("wakesrc"));
	KUNIT_EXPECT_STREQ(test, layer_state(test, "wakesrc"), "off(stopped)");
	KUNIT_EXPECT_NULL(test, psd_layer_get(named("wakesrc")));
}

/* Load parameters at and past their bounds. */
struct params_case {
	unsigned int keep_cycles;
	unsigned int events;
	int ret;
};

static const struct params_case params_cases[] = {
	{ 8, 1024, 0 },
	{ 0, 1024, -EINVAL },
	{ 1, 1024, 0 },
	{ 64, 1024, 0 },
	{ 65, 1024, -EINVAL },
	{ 8, 63, -EINVAL },
	{ 8, 64, 0 },
	{ 8, 65536, 0 },
	{ 8, 65537, -EINVAL },
};

static void params_case_desc(const struct params_case *c, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "keep_cycles=%u events=%u",
		 c->keep_cycles, c->events);
}

KUNIT_ARRAY_PARAM(params, params_cases, params_case_desc);

static void params_ranges(struct kunit *test)
{
	const struct params_case *c = test->param_value;
	struct psd_params p = {
		.pmic = "", .watch_irqs = "",
		.keep_cycles = c->keep_cycles, .events = c->events,
	};

	KUNIT_EXPECT_EQ(test, psd_params_check(&p), c->ret);
}

/* watch_irqs= lists: comma-separated decimal IRQ numbers, or none. */
struct watch_irqs_case {
	const char *list;
	int ret;
};

static const struct watch_irqs_case watch_irqs_cases[] = {
	{ "", 0 }, { "5", 0 }, { "1,2,3", 0 }, { "0,64,1023", 0 },
	{ ",", -EINVAL }, { "1,", -EINVAL }, { ",1", -EINVAL },
	{ "1,,2", -EINVAL }, { "a", -EINVAL }, { "1 2", -EINVAL },
	{ "-1", -EINVAL }, { "1;2", -EINVAL }, { "0x10", -EINVAL },
};

static void watch_irqs_desc(const struct watch_irqs_case *c, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "\"%s\"", c->list);
}

KUNIT_ARRAY_PARAM(watch_irqs, watch_irqs_cases, watch_irqs_desc);

static void params_watch_irqs(struct kunit *test)
{
	const struct watch_irqs_case *c = test->param_value;
	struct psd_params p = {
		.pmic = "", .watch_irqs = (char *)c->list,
		.keep_cycles = 8, .events = 1024,
	};

	KUNIT_EXPECT_EQ(test, psd_params_check(&p), c->ret);
}

/* At most 64 IRQs. */
static void params_watch_irqs_bound(struct kunit *test)
{
	struct psd_params p = { .pmic = "", .keep_cycles = 8, .events = 1024 };
	char list[64 * 3 + 8] = "";
	unsigned int i;

	for (i = 0; i < 64; i++)
		strcat(list, i ? ",1" : "1");
	p.watch_irqs = list;
	KUNIT_EXPECT_EQ(test, psd_params_check(&p), 0);
	strcat(list, ",1");
	KUNIT_EXPECT_EQ(test, psd_params_check(&p), -EINVAL);
}

static struct kunit_case control_cases[] = {
	KUNIT_CASE(control_defaults_match_interface),
	KUNIT_CASE(control_set_every_key_at_bounds),
	KUNIT_CASE_PARAM(control_malformed_changes_nothing,
			 malformed_gen_params),
	KUNIT_CASE(control_rejects_bad_writes),
	KUNIT_CASE(control_component_off_is_eopnotsupp),
	KUNIT_CASE(control_watch_and_snapshot),
	KUNIT_CASE(control_reset_keeps_settings),
	KUNIT_CASE(control_error_is_quoted_and_safe),
	KUNIT_CASE(summary_format),
	KUNIT_CASE(summary_counts_anomalies_by_class),
	KUNIT_CASE(registry_states),
	KUNIT_CASE_PARAM(params_ranges, params_gen_params),
	KUNIT_CASE_PARAM(params_watch_irqs, watch_irqs_gen_params),
	KUNIT_CASE(params_watch_irqs_bound),
	{}
};

static struct kunit_suite control_suite = {
	.name = "pmic_sleepdiag_control",
	.init = control_init,
	.test_cases = control_cases,
};

kunit_test_suite(control_suite);
