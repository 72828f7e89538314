# SPDX-License-Identifier: GPL-2.0
"""Where things are, and the kernels the scenarios run on."""
import hashlib
import os

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))  # e2e/
ROOT = os.path.dirname(os.path.dirname(HERE))                       # repo
SCENARIOS = os.path.join(HERE, 'scenarios')
CACHE = os.environ.get('PSD_CACHE') or os.path.join(
    os.environ.get('XDG_CACHE_HOME') or os.path.expanduser('~/.cache'),
    'pmic_sleepdiag')
LOGDIR = os.environ.get('PSD_LOGDIR') or '/tmp/psd-e2e-logs'
# This checkout's name among those sharing CACHE: its builds of the module
# are its own, so that runs from several checkouts need not wait for each
# other.
CHECKOUT = '%s-%s' % (os.path.basename(ROOT), hashlib.sha1(
    ROOT.encode()).hexdigest()[:8])
DEBUGFS = '/sys/kernel/debug/pmic_sleepdiag'

# The targets: the guest's architecture, its cross compiler, kernel image,
# busybox's Debian architecture, the QEMU machine, and its GIC's chip name
# as irq/pending shows it and name in /proc/interrupts (the same: a GICv2
# in SVC mode has no irq_chip name, only the /proc/interrupts one).
ARM64 = {'arch': 'arm64', 'cross': 'aarch64-linux-gnu-',
         'image': 'arch/arm64/boot/Image', 'debarch': 'arm64',
         'qemu': ['qemu-system-aarch64', '-M', 'virt,gic-version=3',
                  '-cpu', 'cortex-a57'],
         'gic': 'GICv3', 'gic_proc': 'GICv3'}
ARM32 = {'arch': 'arm', 'cross': 'arm-linux-gnueabihf-',
         'image': 'arch/arm/boot/zImage', 'debarch': 'armhf',
         'qemu': ['qemu-system-arm', '-M', 'virt,gic-version=2',
                  '-cpu', 'cortex-a15'],
         'gic': 'GIC-0', 'gic_proc': 'GIC-0'}

# The kernels scenarios run on: their scripts/configs/ name, target, the
# prefix of their result lines, QEMU memory, and how much slower than e2e
# they are (scales TIMEOUT).  KASAN's shadow takes an eighth of the
# memory, kmemleak and KASAN's quarantine more: the debug kernel gets 1 GiB.
KERNELS = {
    'e2e': {'config': 'arm64-e2e', 'prefix': 'e2e', 'mem': '512M',
            'slow': 1, **ARM64},
    'debug': {'config': 'arm64-debug', 'prefix': 'e2e-debug', 'mem': '1G',
              'slow': 3, **ARM64},
    # The e2e kernel plus hist triggers: for scripts/bench.sh target only
    # (the bench compares the module with the kernel's own trace event and
    # a hist trigger on it); the e2e kernel's cache key stays as it is.
    'bench': {'config': 'arm64-bench', 'prefix': 'bench', 'mem': '512M',
              'slow': 1, **ARM64},
    # No tracepoints at all: only for scenarios that ask for it (KERNEL).
    'notrace': {'config': 'arm64-notrace', 'prefix': 'e2e', 'mem': '512M',
                'slow': 1, **ARM64},
    # A TPS65910 board (psd_fix_tps_board): its RTC drivers are modules
    # (kmods, from the kernel tree to /m), loaded by the scenarios.
    'board': {'config': 'arm64-board', 'prefix': 'e2e', 'mem': '512M',
              'slow': 1, 'kmods': ['drivers/rtc/rtc-tps65910.ko',
                                   'drivers/rtc/rtc-pl031.ko'], **ARM64},
    'arm32': {'config': 'arm32-e2e', 'prefix': 'e2e-arm32', 'mem': '512M',
              'slow': 1, **ARM32},
    # The board kernel of the 32-bit target: where KERNEL = 'board'
    # scenarios run with --kernel arm32.
    'arm32-board': {'config': 'arm32-board', 'prefix': 'e2e-arm32',
                    'mem': '512M', 'slow': 1,
                    'kmods': ['drivers/rtc/rtc-tps65910.ko',
                              'drivers/rtc/rtc-pl031.ko'], **ARM32},
    # The board kernel with the debuggers: KERNEL = 'board' scenarios
    # with --kernel debug.
    'debug-board': {'config': 'arm64-board-debug', 'prefix': 'e2e-debug',
                    'mem': '1G', 'slow': 3,
                    'kmods': ['drivers/rtc/rtc-tps65910.ko',
                              'drivers/rtc/rtc-pl031.ko'], **ARM64},
}
# A scenario's own kernel (KERNEL) on a selected one that has a variant
# of it: (selected, own) -> the variant.
VARIANTS = {('arm32', 'board'): 'arm32-board',
            ('debug', 'board'): 'debug-board'}
SELECTABLE = ('e2e', 'debug', 'arm32')      # --kernel
# The kernel this run was asked for (--kernel): guest programs are built
# for its target.
selected = 'e2e'


def own_kernel(sc, kernel):
    """The kernel scenario sc runs on when kernel is selected: its own
    KERNEL (or its variant for the selected target), else kernel."""
    own = getattr(sc, 'KERNEL', kernel)
    return VARIANTS.get((kernel, own), own)


def target():
    """The selected kernel's entry in KERNELS."""
    return KERNELS[selected]


def logdir(base, kernel='e2e'):
    """Console logs of a run on kernel: the debug kernel's apart."""
    return base if kernel == 'e2e' else os.path.join(base, kernel)
