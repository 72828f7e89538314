/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The module's own trace events, so that trace-cmd, perf and Perfetto
 * show its view of a suspend cycle next to the kernel's power: and timer:
 * events.  Strings are copied into the event (the module may be gone when
 * the buffer is read).  CREATE_TRACE_POINTS is in trace_points.c only.
 */
#undef TRACE_SYSTEM
#define TRACE_SYSTEM pmic_sleepdiag

#if !defined(_PSD_TRACE_H) || defined(TRACE_HEADER_MULTI_READ)
#define _PSD_TRACE_H

#include <linux/tracepoint.h>

#define PSD_TRACE_WORD	28	/* class, result, phase and verdict names */

TRACE_EVENT(cycle_begin,
	    TP_PROTO(u32 cycle, int state),
	    TP_ARGS(cycle, state),
	    TP_STRUCT__entry(__field(u32, cycle)
			     __field(int, state)),
	    TP_fast_assign(__entry->cycle = cycle;
			   __entry->state = state;),
	    TP_printk("cycle=%u state=%d", __entry->cycle, __entry->state)
);

TRACE_EVENT(cycle_end,
	    TP_PROTO(u32 cycle, const char *result, u32 s2idle_loops,
		     int wake_irq, const char *verdict),
	    TP_ARGS(cycle, result, s2idle_loops, wake_irq, verdict),
	    TP_STRUCT__entry(__field(u32, cycle)
			     __field(u32, s2idle_loops)
			     __field(int, wake_irq)
			     __array(char, result, PSD_TRACE_WORD)
			     __array(char, verdict, PSD_TRACE_WORD)),
	    TP_fast_assign(__entry->cycle = cycle;
			   __entry->s2idle_loops = s2idle_loops;
			   __entry->wake_irq = wake_irq;
			   strscpy(__entry->result, result, PSD_TRACE_WORD);
			   strscpy(__entry->verdict, verdict, PSD_TRACE_WORD);),
	    TP_printk("cycle=%u result=%s s2idle_loops=%u wake_irq=%d verdict=%s",
		      __entry->cycle, __entry->result, __entry->s2idle_loops,
		      __entry->wake_irq, __entry->verdict)
);

TRACE_EVENT(anomaly,
	    TP_PROTO(u32 cycle, u64 seq, const char *class),
	    TP_ARGS(cycle, seq, class),
	    TP_STRUCT__entry(__field(u64, seq)
			     __field(u32, cycle)
			     __array(char, class, PSD_TRACE_WORD)),
	    TP_fast_assign(__entry->seq = seq;
			   __entry->cycle = cycle;
			   strscpy(__entry->class, class, PSD_TRACE_WORD);),
	    TP_printk("cycle=%u seq=%llu class=%s", __entry->cycle,
		      __entry->seq, __entry->class)
);

TRACE_EVENT(pmic_snapshot,
	    TP_PROTO(u32 cycle, const char *phase, int err, u32 warn),
	    TP_ARGS(cycle, phase, err, warn),
	    TP_STRUCT__entry(__field(u32, cycle)
			     __field(int, err)
			     __field(u32, warn)
			     __array(char, phase, PSD_TRACE_WORD)),
	    TP_fast_assign(__entry->cycle = cycle;
			   __entry->err = err;
			   __entry->warn = warn;
			   strscpy(__entry->phase, phase, PSD_TRACE_WORD);),
	    TP_printk("cycle=%u phase=%s err=%d warn=%u", __entry->cycle,
		      __entry->phase, __entry->err, __entry->warn)
);

#endif /* _PSD_TRACE_H */

#undef TRACE_INCLUDE_PATH
#define TRACE_INCLUDE_PATH .
#undef TRACE_INCLUDE_FILE
#define TRACE_INCLUDE_FILE psd_trace
#include <trace/define_trace.h>
