# SPDX-License-Identifier: GPL-2.0
"""A wakeup event while suspending, without the wakeup_count handshake: the
fixture reports a soft event from its suspend callback, the suspend goes on
(the kernel's designed behaviour) and WS_NOT_HONORED names that source;
wakeup/sources counts the activation in_suspend with last_phase=suspend,
and events shows it inside the cycle."""

GUEST = r'''
load_psd || fail "insmod pmic_sleepdiag.ko"
insmod $M/psd_fix_wakesrc.ko mode=event || fail "wakesrc fixture"
s2idle_cycle || fail "s2idle cycle failed"
dump $D/summary $D/events $D/anomalies $D/wakeup/sources
dump /sys/module/psd_fix_wakesrc/parameters/events_reported
dump_report
rmmod pmic_sleepdiag || fail "rmmod"
'''


def check(run):
    run.expect_eq('fixture events', '1',
                  run.param('psd_fix_wakesrc', 'events_reported'))
    s = run.summary()
    run.expect_eq('component.wakesrc', 'on', s.get('component.wakesrc'))
    ends = run.records('events', type='cycle_end')
    run.expect_eq('cycle_end lines', 1, len(ends))
    run.expect_eq('cycle_end result', 'resumed', ends[0].get('result'))
    cycle = ends[0]['cycle']
    an = run.records('anomalies', **{'class': 'WS_NOT_HONORED'})
    run.expect_eq('WS_NOT_HONORED lines', 1, len(an))
    run.expect_eq('WS_NOT_HONORED ws', 'psd_fix_wakesrc', an[0].get('ws'))
    run.expect_eq('WS_NOT_HONORED cycle', cycle, an[0].get('cycle'))
    run.expect_eq('WS_NOT_HONORED phase', 'suspend', an[0].get('phase'))
    run.expect('wakeup_count' in an[0].get('detail', ''),
               'WS_NOT_HONORED detail does not mention the handshake: %r'
               % an[0].get('detail'))
    src = run.records('wakeup/sources', name='psd_fix_wakesrc')
    run.expect_eq('wakeup/sources lines for the fixture', 1, len(src))
    run.expect_keys('wakeup/sources line', src[0],
                    ['active', 'activations', 'deactivations', 'in_suspend',
                     'max_active_ms', 'last_phase'])
    run.expect_eq('activations', '1', src[0]['activations'])
    run.expect_eq('deactivations', '1', src[0]['deactivations'])
    run.expect_eq('in_suspend', '1', src[0]['in_suspend'])
    run.expect_eq('active', '0', src[0]['active'])
    run.expect_eq('last_phase', 'suspend', src[0]['last_phase'])
    act = run.records('events', type='ws_activate', ws='psd_fix_wakesrc')
    run.expect_eq('ws_activate events', 1, len(act))
    run.expect_eq('ws_activate cycle', cycle, act[0].get('cycle'))
    ev = run.records('events')
    types = [(e.get('type'), e.get('phase')) for e in ev]
    run.expect_in_order('events order',
                        [('phase', 'suspend'), ('ws_activate', 'suspend'),
                         ('phase', 's2idle'), ('anomaly', None),
                         ('cycle_end', None)], types)
