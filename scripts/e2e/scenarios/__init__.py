# SPDX-License-Identifier: GPL-2.0
"""The end-to-end scenarios, one per file: scenarios/NAME.py, run by
`python3 scripts/e2e/run.py NAME`.  The runner imports each as
scenarios.NAME, so a scenario imports another (`from scenarios import
rel_load_unload_traffic`) and the helpers (`from helpers import
report_lib`) as plain modules.  A scenario has:

    GUEST = '''shell script run in the guest (helpers: guest.GUEST_LIB)'''
    def check(run): ...         # assertions, see console.Run
    TIMEOUT = 300               # optional, seconds for the whole boot
                                # (times KERNELS[...]['slow'] on a slow kernel)
    NEEDS_MODULE = True         # optional: False if pmic_sleepdiag.ko unused
    APPEND = ''                 # optional: more kernel command line
    FULL_ONLY = True            # optional: a long campaign, run only with
                                # --full or when named; otherwise not listed
    DEBUG_SKIP = 'why'          # optional: not run on the debug kernel, and
                                # counted as SKIP with this reason
    ARM32_SKIP = 'why'          # optional: the same for --kernel arm32
    KERNEL = 'notrace'          # optional: runs on that kernel of KERNELS
                                # instead (built when first needed); SKIP
                                # with --kernel debug or arm32
"""
