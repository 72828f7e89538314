# SPDX-License-Identifier: GPL-2.0
"""Building what is missing: the kernel (scripts/build-kernel.sh, cached),
pmic_sleepdiag.ko and the fixtures (scripts/build-module.sh) and the
guest's busybox (from the Debian package, cached)."""
import glob
import os
import shutil
import subprocess
import sys
import tempfile

from .config import CACHE, CHECKOUT, KERNELS, ROOT, SELECTABLE
from .progress import Progress, how_far


def sh(cmd, log, progress=None, **kw):
    """Run cmd with its standard error in log; return its standard output,
    raise with the log's tail.  How far the progress lines of its standard
    error say it is becomes progress's status."""
    with open(log, 'a') as f:
        f.write('$ %s\n' % ' '.join(cmd))
        f.flush()
        with tempfile.TemporaryFile('w+') as out:
            p = subprocess.Popen(cmd, stdout=out, stderr=subprocess.PIPE,
                                 text=True, **kw)
            for line in p.stderr:
                f.write(line)
                f.flush()
                how = how_far(line) if progress else None
                if how is not None:
                    progress.status = lambda how=how: how
            rc = p.wait()
            out.seek(0)
            stdout = out.read()
    if rc:
        with open(log) as f:
            tail = f.read().splitlines()[-30:]
        raise RuntimeError('%s failed (log %s):\n%s' % (cmd[0], log,
                                                        '\n'.join(tail)))
    return stdout


def busybox(debarch, log):
    """busybox-static for debarch, from the Debian package, cached."""
    bb = os.path.join(CACHE, 'busybox-' + debarch, 'busybox')
    if not os.path.exists(bb):
        archs = subprocess.run(['dpkg', '--print-foreign-architectures'],
                               stdout=subprocess.PIPE, text=True).stdout
        if debarch not in archs.split():        # deps.sh adds it
            sh(['sh', os.path.join(ROOT, 'scripts', 'deps.sh')], log)
        with tempfile.TemporaryDirectory() as tmp:
            sh(['apt-get', 'download', 'busybox-static:' + debarch], log,
               cwd=tmp)
            deb = glob.glob(os.path.join(tmp, '*.deb'))[0]
            sh(['dpkg-deb', '-x', deb, os.path.join(tmp, 'x')], log)
            os.makedirs(os.path.dirname(bb), exist_ok=True)
            shutil.copy(os.path.join(tmp, 'x', 'bin', 'busybox'), bb + '.tmp')
            os.rename(bb + '.tmp', bb)
    return bb


def build_all(kernel, logdir):
    """The artifacts for kernel as a dict; 'module' is None (and
    'module_error' says why) if pmic_sleepdiag.ko did not build."""
    os.makedirs(logdir, exist_ok=True)
    log = os.path.join(logdir, 'build.log' if kernel in SELECTABLE else
                       'build-%s.log' % kernel)
    open(log, 'w').close()
    print('e2e: building what is missing (log: %s)' % log, file=sys.stderr,
          flush=True)
    k = KERNELS[kernel]
    config, arch, cross = k['config'], k['arch'], k['cross']
    with Progress('e2e: building the %s kernel' % config) as prog:
        kdir = sh([os.path.join(ROOT, 'scripts', 'build-kernel.sh'), config],
                  log, prog).split()[-1]
    out = os.path.join(CACHE, 'e2e', os.path.basename(kdir), CHECKOUT)
    bm = [os.path.join(ROOT, 'scripts', 'build-module.sh')]
    a = {'kdir': kdir, 'busybox': busybox(k['debarch'], log), 'module': None,
         'kernel': k, 'image': os.path.join(kdir, k['image']),
         'stub': os.path.join(kdir, 'drivers', 'i2c', 'i2c-stub.ko'),
         'fixtures': sh(bm + ['--fixtures', kdir, arch, cross,
                              os.path.join(out, 'fixtures')], log).split()}
    try:
        a['module'] = sh(bm + [kdir, arch, cross, os.path.join(out, 'module')],
                         log).split()[-1]
    except RuntimeError as e:
        a['module_error'] = str(e)
    return a
