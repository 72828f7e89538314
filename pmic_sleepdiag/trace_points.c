// SPDX-License-Identifier: GPL-2.0
/*
 * The one place the module's trace events are instantiated.
 */
#define CREATE_TRACE_POINTS
#include "psd_trace.h"
