# SPDX-License-Identifier: GPL-2.0
"""The end-to-end runner behind scripts/e2e/run.py, one job per module:

    config    where things are; the kernels scenarios run on
    build     building what is missing (kernel, module, fixtures, busybox)
    guest     the initramfs, its shell helpers, one QEMU boot
    console   a boot's console parsed for check(run): class Run
    judge     whether a scenario passed (splats, leaks, report format and
              schema, its check)
    loader    finding and importing scenarios
    progress  a progress line for long work (also a command for shell)
    cli       the command line, running scenarios and printing results
"""
