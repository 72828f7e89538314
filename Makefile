# SPDX-License-Identifier: GPL-2.0
#
# Out-of-tree build of pmic_sleepdiag.ko; kbuild itself reads ./Kbuild.
#
#   make                        build against the running kernel
#   make KDIR=/path/to/built/tree ARCH=arm64 CROSS_COMPILE=aarch64-linux-gnu-
#   make check                  every gate, KUnit case and e2e scenario
#   make check-full             the same plus the long campaigns
#   make help                   all targets

KDIR ?= /lib/modules/$(shell uname -r)/build
PWD := $(CURDIR)

KBUILD_ARGS := -C $(KDIR) M=$(PWD)
ifneq ($(ARCH),)
KBUILD_ARGS += ARCH=$(ARCH)
endif
ifneq ($(CROSS_COMPILE),)
KBUILD_ARGS += CROSS_COMPILE=$(CROSS_COMPILE)
endif
ifneq ($(LLVM),)
KBUILD_ARGS += LLVM=$(LLVM)
endif

.PHONY: all modules modules_install clean help lint kunit kunit-arm32 e2e \
	demo check check-full bench

all: modules

modules:
	$(MAKE) $(KBUILD_ARGS) modules

modules_install:
	$(MAKE) $(KBUILD_ARGS) modules_install

clean:
	$(MAKE) $(KBUILD_ARGS) clean 2>/dev/null || \
		rm -rf *.ko *.o *.mod *.mod.c .*.cmd Module.symvers modules.order \
		       pmic_sleepdiag/*.o wakesrc_trace/*.o kunit/*.o \
		       pmic_sleepdiag/.*.cmd wakesrc_trace/.*.cmd kunit/.*.cmd

lint:
	scripts/lint.sh

kunit:
	scripts/kunit.sh

kunit-arm32:
	scripts/kunit.sh --arch arm

e2e:
	python3 scripts/e2e/run.py

demo:
	scripts/demo.sh

bench:
	scripts/bench.sh

check:
	scripts/check.sh

check-full:
	scripts/check.sh --full

help:
	@echo 'Targets:'
	@echo '  all (default)    build ./pmic_sleepdiag.ko against KDIR'
	@echo '                   (KDIR=$(KDIR))'
	@echo '  modules_install  install into /lib/modules of KDIR'"'"'s release'
	@echo '  clean            remove build products'
	@echo '  demo             a healthy board and two injected faults on the'
	@echo '                   arm64 QEMU target: each cycle and its verdict'
	@echo '  check            lint + kunit (UML, arm32) + e2e, ending'
	@echo '                   "N passed, N failed"'
	@echo '  check-full       check plus the long e2e campaigns (FULL_ONLY'
	@echo '                   scenarios) on both kernels, and demo + check'
	@echo '                   in a fresh Debian 12 root (scripts/fresh-root.sh)'
	@echo '  lint             W=1 builds (6.1, 6.12, 6.12-rt amd64; 6.12 arm64,'
	@echo '                   arm64 without tracepoints, arm), sparse,'
	@echo '                   checkpatch --strict'
	@echo '  kunit            KUnit suites in UML (linux-source-6.12)'
	@echo '  kunit-arm32      the same on 32-bit ARM, QEMU virt with 2 CPUs'
	@echo '  e2e              end-to-end scenarios on the arm64 QEMU target'
	@echo '  bench            hrtimer probe cost (UML) and, on the arm64 target,'
	@echo '                   workload/s2idle time with and without the module'
	@echo 'Variables: KDIR ARCH CROSS_COMPILE LLVM; PSD_CACHE (cache dir,'
	@echo 'default ~/.cache/pmic_sleepdiag)'
