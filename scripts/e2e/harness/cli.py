# SPDX-License-Identifier: GPL-2.0
"""End-to-end scenarios on the arm64 QEMU target (or the 32-bit ARM one).

    run.py [NAME...]              every scenario (default) or those named
    run.py path/to/file.py        a scenario from elsewhere
    run.py --demo                 what `make demo` prints
    run.py --kernel debug [NAME...]
                                  the same on the KASAN/kmemleak/... kernel
    run.py --kernel arm32 [NAME...]
                                  the same on 32-bit ARM (arm32-e2e.config)
    run.py --full                 also the FULL_ONLY ones (make check-full)

Builds what is missing (kernel, pmic_sleepdiag.ko, fixtures, busybox), then
for each scenario boots QEMU once with an initramfs whose /init runs the
scenario's GUEST shell script, and runs the scenario's check(run) on the
console it collected.  A scenario is scripts/e2e/scenarios/NAME.py (what
it holds: scripts/e2e/scenarios/__init__.py).

A scenario fails on a kernel splat anywhere on the console, if the guest
did not finish, if its script called `fail` or exited non-zero, or if
check(run) raised.  On the debug kernel (scripts/configs/arm64-debug.config)
it also fails if, once the guest script ended and every module was
unloaded, kmemleak lists an unreferenced object.  Any scenario fails if a
dump of report.json is not valid against Documentation/report.schema.json
or not {"version":1,"cycles":[...]}, or one of report has a cycle block not
ending in its verdict= line; scenarios that load the module call
`dump_report` before unloading it.

Prints `PASS e2e/NAME` or `FAIL e2e/NAME: reason` per scenario (and appends
`PASS e2e/NAME` / `FAIL e2e/NAME` to $PSD_RESULTS if set), then
`e2e: N passed, N failed, N skipped`; on the debug kernel the prefix is
`e2e-debug`, on arm32 `e2e-arm32`.  A scenario that cannot run on a
kernel says why in DEBUG_SKIP or ARM32_SKIP and is skipped there; one
that asks for its own KERNEL runs on that kernel's variant for the selected
target where there is one (config.VARIANTS: --kernel arm32 runs the board
scenarios on arm32-board, --kernel debug on debug-board), else is skipped on other targets.  Console logs go to $PSD_LOGDIR (default /tmp/psd-e2e-logs,
or /tmp/psd-e2e-logs-CHECKOUT while a run of another checkout uses it),
those of the debug and arm32 kernels to their own subdirectory.  Runs from
different checkouts go on at once; two from the same checkout take turns.
A boot or build that lasts shows a progress line on standard error.  Exit
status 1 if any scenario failed.
"""
import argparse
import fcntl
import os
import sys
import time

from . import config, loader
from .build import build_all
from .console import Run
from .guest import boot
from .judge import symbolize, verdict


def run_scenario(a, name, sc, logdir):
    """Boot once for scenario sc; return (why it failed or None, Run, log)."""
    if getattr(sc, 'NEEDS_MODULE', True) and not a['module']:
        return 'pmic_sleepdiag.ko did not build: %s' % \
            a['module_error'].splitlines()[0], None, None
    k = a['kernel']
    console, log = boot(a, '%s/%s' % (k['prefix'], name), sc.GUEST,
                        logdir, name, getattr(sc, 'TIMEOUT', 300) * k['slow'],
                        getattr(sc, 'APPEND', ''))
    run = Run(name, console)
    if run.kmemleak:
        run.kmemleak = symbolize(run.kmemleak, a)
    return verdict(run, sc, k), run, log


def result(line):
    if os.environ.get('PSD_RESULTS'):
        with open(os.environ['PSD_RESULTS'], 'a') as f:
            f.write(line + '\n')


def report(name, why, run, log, prefix):
    """The result line of a scenario; a failure's console tail."""
    line = '%s %s/%s' % ('PASS' if why is None else 'FAIL', prefix, name)
    print(line if why is None else '%s: %s' % (line, why), flush=True)
    if why is not None and log:
        print('  console log: %s; its last lines before the dmesg dump:' % log)
        end = run.lines.index('@@PSD-DMESG@@') if '@@PSD-DMESG@@' in \
            run.lines else len(run.lines)
        if why.startswith('kmemleak:'):     # the leaks, module code named
            end = run.leak_lines.start
        for s in run.lines[max(0, end - 40):end]:
            print('  | ' + s)
        if why.startswith('kmemleak:'):
            print('  kmemleak:')
            for s in run.kmemleak.splitlines():
                print('  | ' + s)
    result(line)


def skip(name, why, prefix):
    line = 'SKIP %s/%s' % (prefix, name)
    print('%s: %s' % (line, why), flush=True)
    result(line)


def parse_args(argv):
    p = argparse.ArgumentParser(
        prog='run.py', description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('--kernel', choices=config.SELECTABLE, default='e2e',
                   help='the kernel to run on (default: e2e)')
    p.add_argument('--full', action='store_true',
                   help='also the FULL_ONLY scenarios (long campaigns)')
    p.add_argument('--demo', action='store_true',
                   help='three boots (scripts/e2e/demo.py): a healthy board and '
                   'two faults, each cycle block with its verdict')
    p.add_argument('names', nargs='*', metavar='NAME',
                   help='scenario name or path to a scenario file')
    return p.parse_args(argv)


def run_demo(a, prefix, logdir):
    """scripts/e2e/demo.py: one boot per scenario it names, then its show()."""
    _, dm = loader.load(os.path.join(config.HERE, 'demo.py'))
    results = []
    for name, sc, rule, sentence in dm.boots(loader.load, config.SCENARIOS):
        print('demo: booting %s' % name, file=sys.stderr, flush=True)
        why, run, log = run_scenario(a, name, sc, logdir)
        results.append((name, why, run, log, rule, sentence))
    rc = dm.show(results, os.path.join(logdir, 'demo'))
    for name, why, run, log, _, _ in results:
        if why:
            report(name, why, run, log, prefix)
    return rc


def lock(path, wait=True):
    """An exclusive flock on path, held while the returned file is open;
    None if another run holds it and wait is False."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    f = open(path, 'w')
    try:
        fcntl.flock(f, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
    except BlockingIOError:
        f.close()
        return None
    return f


def take_locks():
    """Lock what this run shares with others: this checkout's builds of
    the module (two runs of one checkout take turns) and the log
    directory.  Kernel builds lock themselves (build-kernel.sh).  When
    another run uses the default log directory, this one takes its own.
    Returns (the locks, the log directory)."""
    held = [lock(os.path.join(config.CACHE, 'e2e',
                              config.CHECKOUT + '.lock'))]
    base = config.LOGDIR
    logs = lock(os.path.join(base, '.lock'),
                wait='PSD_LOGDIR' in os.environ)
    if logs is None:
        base = '%s-%s' % (config.LOGDIR, config.CHECKOUT)
        print('e2e: %s is used by another run: logs in %s' % (
            config.LOGDIR, base), file=sys.stderr, flush=True)
        logs = lock(os.path.join(base, '.lock'))
    return held + [logs], base


def excluded(sc, kernel, args):
    """Why scenario sc is not run: '' to leave it out unlisted (a long
    campaign not asked for), a SKIP reason, or None to run it."""
    if getattr(sc, 'FULL_ONLY', False) and not (args.full or args.names):
        return ''                   # a long campaign: make check-full
    if getattr(sc, kernel.upper() + '_SKIP', None):    # DEBUG_SKIP...
        return getattr(sc, kernel.upper() + '_SKIP')
    own = getattr(sc, 'KERNEL', kernel)
    if kernel != 'e2e' and own != kernel and \
            (kernel, own) not in config.VARIANTS:
        return 'runs on the %s kernel only' % own
    return None


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    kernel = config.selected = args.kernel
    prefix = config.KERNELS[kernel]['prefix']
    locks, base = take_locks()     # held until main returns
    logdir = config.logdir(base, kernel)
    try:
        a = build_all(kernel, logdir)
        arts = {kernel: a}
    except RuntimeError as e:
        print('FAIL %s/build: %s' % (prefix, e))
        return 1
    if args.demo:
        return run_demo(a, prefix, logdir)
    passed = failed = skipped = 0
    for path in loader.paths(args.names):
        try:
            name, sc = loader.load(path)
        except Exception as e:  # its GUEST could not be made: it fails
            name = os.path.splitext(os.path.basename(path))[0]
            report(name, 'cannot load: %s: %s' % (type(e).__name__, e),
                   None, None, prefix)
            failed += 1
            continue
        why = excluded(sc, kernel, args)
        if why is not None:
            if why:
                skip(name, why, prefix)
                skipped += 1
            continue
        own = config.own_kernel(sc, kernel)
        t0 = time.monotonic()
        if own not in arts:
            try:
                arts[own] = build_all(own, logdir)
            except RuntimeError as e:
                arts[own] = e
        if isinstance(arts[own], RuntimeError):
            why, run, log = 'the %s kernel did not build: %s' % (
                own, str(arts[own]).splitlines()[0]), None, None
        else:
            why, run, log = run_scenario(arts[own], name, sc, logdir)
        report(name, why, run, log, prefix)
        print('  (%.0f s)' % (time.monotonic() - t0), file=sys.stderr,
              flush=True)
        passed, failed = passed + (why is None), failed + (why is not None)
    print('%s: %d passed, %d failed, %d skipped' % (prefix, passed, failed,
                                                    skipped))
    return 1 if failed else 0
