# SPDX-License-Identifier: GPL-2.0
"""Finding and importing scenarios (see scenarios/__init__.py)."""
import glob
import importlib
import importlib.util
import os

from .config import SCENARIOS


def load(path):
    """(name, module) of a scenario file.  One of scenarios/ is imported
    as scenarios.NAME; one from elsewhere (a benchmark) by its path."""
    name = os.path.splitext(os.path.basename(path))[0]
    if os.path.dirname(os.path.abspath(path)) == SCENARIOS:
        return name, importlib.import_module('scenarios.' + name)
    spec = importlib.util.spec_from_file_location('psd_e2e_' + name, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return name, mod


def paths(names):
    """The scenario files named (NAME or a path ending in .py), or all."""
    if names:
        return [n if n.endswith('.py') else os.path.join(SCENARIOS, n + '.py')
                for n in names]
    return sorted(p for p in glob.glob(os.path.join(SCENARIOS, '*.py'))
                  if not os.path.basename(p).startswith('_'))
