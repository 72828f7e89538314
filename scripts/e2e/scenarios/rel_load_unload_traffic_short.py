# SPDX-License-Identifier: GPL-2.0
"""Reliability: load/unload under traffic, short (issue #9; the 50-round
campaign is rel_load_unload_traffic, make check-full only): the same
background traffic and checks with 8 insmod/rmmod rounds."""

from scenarios import rel_load_unload_traffic as full

ROUNDS = 8
GUEST = full.guest(ROUNDS)
TIMEOUT = 400


def check(run):
    full.check(run, ROUNDS, 'rel_load_unload_traffic_short')
