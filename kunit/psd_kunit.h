/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the KUnit suites see of the module: the core, every layer, and the
 * entry points that exist only for tests (VISIBLE_IF_KUNIT in the code).
 */
#ifndef _PSD_KUNIT_H
#define _PSD_KUNIT_H

#include "../pmic_sleepdiag/core.h"
#include "../pmic_sleepdiag/hrtimer.h"
#include "../pmic_sleepdiag/irqpend.h"
#include "../pmic_sleepdiag/pmic.h"
#include "../wakesrc_trace/internal.h"

#include "visible.h"

struct kunit;

struct psd_core *psd_kunit_core(struct kunit *test);
int psd_kunit_core_init(struct kunit *test);
struct psd_core *psd_kunit_live_core(struct kunit *test);
void psd_kunit_ws_probes(struct kunit *test);

#endif /* _PSD_KUNIT_H */
