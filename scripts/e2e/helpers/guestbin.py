# SPDX-License-Identifier: GPL-2.0
"""Programs for the guest: a C file of scripts/e2e cross-compiled for the
target of the kernel the run was asked for (--kernel) and installed by the
GUEST script itself (base64 in a here-document: the runner's initramfs
takes no extra files)."""
import base64
import os
import subprocess
import tempfile

from harness import config


def build(src, cflags, libs=()):
    """Compile scripts/e2e/SRC with cflags; return the binary's bytes."""
    with tempfile.TemporaryDirectory(prefix='psd-guestbin-') as tmp:
        out = os.path.join(tmp, 'a.out')
        subprocess.run([config.target()['cross'] + 'gcc'] + list(cflags) +
                       ['-o', out, os.path.join(config.HERE, src)] +
                       list(libs), check=True)
        with open(out, 'rb') as f:
            return f.read()


def install(name, binary):
    """Guest shell lines that write binary as /bin/NAME."""
    return ("base64 -d > /bin/%s <<'PSD_EOF'\n%sPSD_EOF\nchmod 755 /bin/%s\n"
            % (name, base64.encodebytes(binary).decode(), name))
