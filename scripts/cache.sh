#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Common paths for the kernel trees and builds cached outside the repository.
# Sourced by the other scripts; override the location with PSD_CACHE.
PSD_CACHE=${PSD_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pmic_sleepdiag}
PSD_SRC_TARBALL=/usr/src/linux-source-6.12.tar.xz
PSD_SRC=$PSD_CACHE/linux-source-6.12
export PSD_CACHE PSD_SRC

# psd_src_tree: extract linux-source-6.12 once per package version (one
# extraction at a time, whoever asks: runs from several checkouts share it).
psd_src_tree() {
	ver=$(dpkg-query -W -f '${Version}' linux-source-6.12)
	[ -f "$PSD_SRC/.psd-extracted-$ver" ] && return
	mkdir -p "$PSD_CACHE"
	(
		flock 9
		if [ ! -f "$PSD_SRC/.psd-extracted-$ver" ]; then
			rm -rf "$PSD_SRC"
			tar -C "$PSD_CACHE" -xf "$PSD_SRC_TARBALL"
			touch "$PSD_SRC/.psd-extracted-$ver"
		fi
	) 9>"$PSD_CACHE/linux-source.lock"
}
