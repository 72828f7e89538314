# SPDX-License-Identifier: GPL-2.0
"""Reliability: load/unload under traffic, short (issue #9; the 50-round
campaign is rel_load_unload_traffic, make check-full only): the same
background traffic and checks with 8 insmod/rmmod rounds."""
import importlib.util
import os

_spec = importlib.util.spec_from_file_location(
    'psd_rel_lut', os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                'rel_load_unload_traffic.py'))
_full = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_full)

ROUNDS = 8
GUEST = _full.guest(ROUNDS)
TIMEOUT = 400


def check(run):
    _full.check(run, ROUNDS, 'rel_load_unload_traffic_short')
