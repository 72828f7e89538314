# SPDX-License-Identifier: GPL-2.0
"""`make demo`: three boots of the arm64 QEMU target, each running one of the
report_* scenarios as it is (the same register preloads, fixtures and
checks), plus a dump of every file of the module before it is unloaded:

  a healthy board   report_healthy: the TPS65910 registers as a real board's
                    after boot (RTC running, alarm unmasked), verdict ok
  a stuck wake IRQ  report_irq_stuck: verdict irq_stuck_pending
  a masked alarm    report_pmic_wake_path: verdict pmic_wake_path

show() prints what is being done, the healthy board's summary and the last
cycle's block of report for each boot, each introduced by one sentence, and
writes every dumped file in full under LOGDIR/demo/BOOT/ (and the console
log); it returns non-zero unless every boot passed its scenario's checks
and ended in the expected verdict."""

import os
import re
import shutil
import textwrap
import types

# (boot, scenario, expected verdict of its last cycle, the sentence that
# introduces its cycle block)
BOOTS = [
    ('healthy', 'report_healthy', 'ok',
     'A healthy board: the PMIC registers as a real board\'s after boot '
     '(RTC running, alarm unmasked); the last of two cycles:'),
    ('irq_stuck', 'report_irq_stuck', 'irq_stuck_pending',
     'Fault 1, a stuck wake IRQ: a test interrupt armed for wake stays '
     'masked and pending across the cycle:'),
    ('alarm_masked', 'report_pmic_wake_path', 'pmic_wake_path',
     'Fault 2, a masked PMIC alarm: the healthy registers, but the RTC '
     'alarm interrupt masked in INT_MSK (and a PWRON interrupt pending):'),
]

UNLOAD = 'rmmod pmic_sleepdiag || fail "rmmod"'
DEBUGFS = '/sys/kernel/debug/pmic_sleepdiag'

INTRO = '''\
pmic_sleepdiag demo
-------------------
pmic_sleepdiag.ko watches every suspend cycle of a board with a TI TPS65910
PMIC and tells why it woke late or not at all: each cycle's block in
%s/report ends in verdict=, the first rule that
holds (ok when no layer saw anything wrong).

The arm64 QEMU target (virt, GICv3, PL031 RTC) boots three times: a TPS65910
on i2c-stub, pmic_sleepdiag.ko, then s2idle cycles each woken by an RTC
alarm (echo +3 > /sys/class/rtc/rtc0/wakealarm; echo freeze >
/sys/power/state): once healthy, then with two injected faults.  (On this
emulated target timers often fire > 1 ms late after resume, so each boot
first raises hrtimer_late_us to 1 s.)
''' % DEBUGFS


def boots(load, scenarios):
    """[(name, scenario-like module, expected rule, sentence)]: each
    scenario's GUEST with a dump of the module's whole debugfs tree before
    pmic_sleepdiag is unloaded, and its own check()."""
    out = []
    for name, scenario, rule, sentence in BOOTS:
        _, sc = load(os.path.join(scenarios, scenario + '.py'))
        if sc.GUEST.count(UNLOAD) != 1:
            raise RuntimeError('demo: %s has no single "%s" line' %
                               (scenario, UNLOAD))
        guest = sc.GUEST.replace(UNLOAD, 'dump_tree $D\n' + UNLOAD)
        out.append(('demo-' + name, types.SimpleNamespace(
            GUEST=guest, check=sc.check,
            TIMEOUT=getattr(sc, 'TIMEOUT', 300)), rule, sentence))
    return out


def last_block(text):
    """The last `# cycle N` block of report's text, its header included."""
    starts = [m.start() for m in re.finditer(r'^# cycle \d+$', text, re.M)]
    return text[starts[-1]:].rstrip('\n') if starts else ''


def save(run, log, where):
    """Every file the boot dumped, in full, under where (the guest's path
    with the debugfs directory dropped), and the console log."""
    for path, text in run.dumps:
        rel = path[len(DEBUGFS) + 1:] if path.startswith(DEBUGFS + '/') \
            else 'guest' + path
        dst = os.path.join(where, rel)
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        with open(dst, 'w') as f:
            f.write(text)
    shutil.copy(log, os.path.join(where, 'console.log'))


def show(results, outdir):
    """results: [(name, why, run, log, expected rule, sentence)] in BOOTS
    order.  Print the demo, save the files; return the exit status."""
    shutil.rmtree(outdir, ignore_errors=True)
    print(INTRO)
    bad = []
    for i, (name, why, run, log, rule, sentence) in enumerate(results):
        if run is not None:
            save(run, log, os.path.join(outdir, name[len('demo-'):]))
        if why is None:
            v = run.verdicts()
            if not v or v[-1][1] != rule:
                why = 'last verdict %r, expected %s' % (v[-1:], rule)
        if why is not None:
            bad.append((name, why))
            continue
        if i == 0:
            print('The healthy board\'s summary after its cycles\n'
                  '(%s/summary):\n' % DEBUGFS)
            print(run.file('summary').rstrip('\n') + '\n')
        print(textwrap.fill(sentence, 76) + '\n')
        print(last_block(run.file('report')) + '\n')
    got = ', '.join('%s %s' % (r[0][len('demo-'):], r[4]) for r in results)
    if bad:
        print('DEMO FAILED: %s' % '; '.join('%s: %s' % b for b in bad))
    else:
        print('Verdicts as expected: %s.' % got)
    print('Every file of the module, in full, for each boot: %s/' % outdir)
    return 1 if bad else 0
