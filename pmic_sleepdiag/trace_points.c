// SPDX-License-Identifier: GPL-2.0
/*
 * The one place the module's trace events are instantiated.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#define CREATE_TRACE_POINTS
#include "psd_trace.h"
