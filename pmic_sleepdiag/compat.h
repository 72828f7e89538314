/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Every kernel-version difference the module meets, in one place.  The rest
 * of the code is written for the newest API; this header maps it onto older
 * kernels.  Features are probed (Kbuild greps the target's headers and
 * defines PSD_HAVE_*), not guessed from version numbers: distributions
 * backport (Debian's 6.1 has timer_delete()).
 *
 * Verified on 6.1 and 6.12.  Known later changes, from the mainline tree:
 *   timer_delete(), timer_delete_sync()   6.2  (del_timer*() gone in 6.15)
 *   platform_driver .remove returns void  6.11 (we define no .remove)
 *   no_llseek removed                     6.12 (we leave .llseek unset)
 *   hrtimer_setup()                       6.13 (hrtimer_init() gone in 6.15)
 *   hrtimer_setup_sleeper_on_stack()      6.13 (the _init_ one gone in 6.15)
 *   hrtimer.function __private            6.15 (ACCESS_PRIVATE reads it)
 *   irq_get_nr_irqs()                     6.13 (nr_irqs unexported later)
 *   timer_container_of()                  6.16 (from_timer() gone in 6.16)
 *   raw_read_seqcount_latch_retry()       early 6.1.y lack it (Debian's has)
 */
#ifndef _PMIC_SLEEPDIAG_COMPAT_H
#define _PMIC_SLEEPDIAG_COMPAT_H

#include <linux/hrtimer.h>
#include <linux/irq.h>
#include <linux/irqdesc.h>
#include <linux/irqnr.h>
#include <linux/ptrace.h>
#include <linux/seqlock.h>
#include <linux/timer.h>

#ifndef PSD_HAVE_TIMER_DELETE
#define timer_delete_sync(t)	del_timer_sync(t)
#define timer_delete(t)		del_timer(t)
#endif

#ifndef PSD_HAVE_HRTIMER_SETUP
static inline void hrtimer_setup(struct hrtimer *timer,
				 enum hrtimer_restart (*function)(struct hrtimer *),
				 clockid_t clock_id, enum hrtimer_mode mode)
{
	hrtimer_init(timer, clock_id, mode);
	timer->function = function;
}
#endif

#ifndef PSD_HAVE_HRTIMER_SETUP_SLEEPER
static inline void hrtimer_setup_sleeper_on_stack(struct hrtimer_sleeper *sl,
						  clockid_t clock_id,
						  enum hrtimer_mode mode)
{
	hrtimer_init_sleeper_on_stack(sl, clock_id, mode);
}
#endif

#ifndef PSD_HAVE_IRQ_GET_NR_IRQS
static inline unsigned int irq_get_nr_irqs(void)
{
	return nr_irqs;
}
#endif

#ifndef PSD_HAVE_RAW_READ_SEQCOUNT_LATCH_RETRY
/* As mainline has it, for the 6.1.y releases that lack it. */
static __always_inline int
raw_read_seqcount_latch_retry(const seqcount_latch_t *s, unsigned int start)
{
	/* Copy read before the count; pairs with the writer's smp_wmb(). */
	smp_rmb();
	return unlikely(READ_ONCE(s->seqcount.sequence) != start);
}
#endif

#ifndef PSD_HAVE_TIMER_CONTAINER_OF
#define timer_container_of(var, timer, field)	from_timer(var, timer, field)
#endif

/*
 * The parent a nested-thread child was given with irq_set_parent() (as
 * regmap-irq does); the field exists only with HARDIRQS_SW_RESEND (arm and
 * arm64 select it).  0: none known.
 */
static inline unsigned int psd_irq_desc_parent(const struct irq_desc *desc)
{
#ifdef CONFIG_HARDIRQS_SW_RESEND
	return desc->parent_irq > 0 ? desc->parent_irq : 0;
#else
	return 0;
#endif
}

/*
 * The first argument of a kprobed function.  32-bit ARM has no
 * regs_get_kernel_argument(); undefined elsewhere: no wake IRQ kprobe.
 */
#if defined(PSD_HAVE_REGS_GET_KERNEL_ARGUMENT)
#define psd_kprobe_arg0(regs)	regs_get_kernel_argument(regs, 0)
#elif defined(CONFIG_ARM)
#define psd_kprobe_arg0(regs)	((regs)->ARM_r0)
#endif

#endif /* _PMIC_SLEEPDIAG_COMPAT_H */
