# Top-level build: the kernel, libc and libsys, the boot programs, GRUB
# images, and the run/test/bench entry points.  `make help` lists targets.

CROSS   ?= i686-linux-gnu-
CC      := $(CROSS)gcc
LD      := $(CROSS)ld
AR      := $(CROSS)ar
OBJDUMP := $(CROSS)objdump
NM      := $(CROSS)nm
NASM    ?= nasm
QEMU    ?= qemu-system-i386
HZ      ?= 100
QUANTUM ?= 100
# The device the mount tests mount a second ext2 image from
# (tests/user/t_mount.c): a RAM disk of the memory driver, or label:minor.
MOUNT_DEV ?= /dev/ram1
B       := build

# The root disk of make run (docs/storage.md): its kind, one line per
# kind with the driver's label and the QEMU arguments attaching file $(1)
# as disk number $(2) (more below, at "the disk").
# IOMMU=1: QEMU's q35 machine with Intel's IOMMU (VT-d); the kernel finds
# it and confines each driver's PCI device to the frames the driver holds
# by vumap (docs/kernel.md, "The IOMMU").  IDE disks go on a PIIX3 IDE
# function (q35's own -drive if=ide is AHCI, which at_wini does not
# drive), and the root disk is IDE unless DISK says otherwise.  A
# virtio disk is then modern-only (virtio 1.0) with iommu_platform=on:
# QEMU translates a virtio device's DMA through the IOMMU only so (its
# legacy virtio-blk does DMA around it, unconfined).  VIRTIO=modern asks
# for the modern device without an IOMMU too (docs/storage.md).
IOMMU     ?= 0
VIRTIO    ?= legacy
IOMMU_QEMU := -M q35 -device intel-iommu,intremap=off -device piix3-ide,id=pide
ifeq ($(IOMMU),1)
DISK      ?= ide
endif
DISK      ?= virtio
DISK_IMG  ?= $(B)/disk.img
DISK_KIB  ?= 65536
BLOCKSIZE ?= 4096
disk_virtio_driver := virtio_blk
virtio_legacy      := disable-modern=on
virtio_modern      := disable-legacy=on
ifeq ($(IOMMU),1)
virtio_modern      := disable-legacy=on,iommu_platform=on
VIRTIO             := modern
endif
disk_virtio_qemu    = -drive file=$(1),format=raw,if=none,id=disk$(2) -device virtio-blk-pci,drive=disk$(2),$(virtio_$(VIRTIO))
disk_ide_driver    := at_wini
disk_ide_qemu       = -drive file=$(1),format=raw,if=ide,index=$(2)
ifeq ($(IOMMU),1)
disk_ide_qemu       = -drive file=$(1),format=raw,if=none,id=disk$(2) -device ide-hd,drive=disk$(2),bus=pide.0,unit=$(2)
endif
DISK_DRIVER = $(disk_$(DISK)_driver)
ifeq ($(DISK_DRIVER),)
$(error DISK=$(DISK): no such kind of disk (the table in the Makefile has: $(patsubst disk_%_driver,%,$(filter disk_%_driver,$(.VARIABLES)))))
endif

GCCINC   = $(shell $(CC) -print-file-name=include 2>/dev/null)
LIBGCC   = $(shell $(CC) -print-libgcc-file-name 2>/dev/null)
WARN    := -Wall -Wextra -Werror -Wno-unused-parameter
BASEFLAGS = -std=gnu11 -m32 -ffreestanding -nostdinc -isystem $(GCCINC) -Iinclude \
	-fno-pic -fno-pie -fno-stack-protector -fno-omit-frame-pointer \
	-fno-asynchronous-unwind-tables -mgeneral-regs-only -g -O2 $(WARN)
KCFLAGS  = $(BASEFLAGS) -D_SYSTEM -DHZ=$(HZ) -DQUANTUM_MS=$(QUANTUM) -Ikernel -MMD -MP
UCFLAGS  = $(BASEFLAGS) -MMD -MP
SCFLAGS  = $(UCFLAGS) -D_SYSTEM

# grant_verify.c is compiled inside grant.c (and alone in the host tests).
KERNEL_C   := $(filter-out kernel/grant_verify.c,$(wildcard kernel/*.c kernel/arch/i386/*.c kernel/system/*.c))
KERNEL_ASM := $(wildcard kernel/arch/i386/*.asm)
KERNEL_OBJ := $(KERNEL_C:%.c=$(B)/%.o) $(KERNEL_ASM:%.asm=$(B)/%.o)
LIBC_OBJ   := $(patsubst %.c,$(B)/%.o,$(wildcard lib/libc/*.c))
CMDUTIL_OBJ := $(patsubst %.c,$(B)/%.o,$(wildcard lib/cmdutil/*.c))
LIBSYS_OBJ := $(patsubst %.c,$(B)/%.o,$(filter-out lib/libsys/crt0.c,$(wildcard lib/libsys/*.c)))
DRVLIBS    := libchardriver libblockdriver libpci
DRVLIB_A   := $(DRVLIBS:%=$(B)/lib/%.a)
CRT0       := $(B)/lib/libsys/crt0.o
ULIBS      := --start-group $(DRVLIB_A) $(B)/lib/libsys.a $(B)/lib/libc.a $(LIBGCC) --end-group

# Programs: name -> sources.
PROGS := hello runner bench exectest fitest cdevtest ds rs memory tty ext2 pm vfs virtio_blk at_wini
PROGS += rtc
hello_SRC  := $(wildcard commands/hello/*.c)
ds_SRC     := $(wildcard servers/ds/*.c)
rs_SRC     := $(wildcard servers/rs/*.c)
memory_SRC := $(wildcard drivers/memory/*.c)
tty_SRC    := $(wildcard drivers/tty/*.c)
virtio_blk_SRC := $(wildcard drivers/virtio_blk/*.c)
at_wini_SRC := $(wildcard drivers/at_wini/*.c)
ext2_SRC   := $(wildcard servers/ext2/*.c)
pm_SRC     := $(wildcard servers/pm/*.c)
vfs_SRC    := $(wildcard servers/vfs/*.c)
runner_SRC := $(wildcard tests/system/*.c) servers/rs/conf.c
exectest_SRC := tests/exec/exectest.c
fitest_SRC := tests/fitest/fitest.c
cdevtest_SRC := tests/drivers/cdevtest/cdevtest.c
rtc_SRC    := drivers/examples/rtc/rtc.c
PROGS += hellodrv
hellodrv_SRC := drivers/examples/hello/hello.c	# /bin/hello on the root
runner_EXTRA := $(B)/prog/exectest_blob.o $(B)/prog/fitest_blob.o  # for SYS_EXEC, RS_UP
bench_SRC  := $(wildcard tests/bench/*.c)
# The example block driver (`service up /bin/ramdisk`); the runner carries
# it and its .conf too, for the block-driver conformance test.
PROGS += ramdisk
ramdisk_SRC := drivers/examples/ramdisk/ramdisk.c
runner_EXTRA += $(B)/prog/ramdisk_blob.o $(B)/prog/ramdisk_conf_blob.o $(B)/prog/ramdisk_parts_blob.o

# User programs: /bin of the root file system.  Each commands/<name>/ (and
# tests/user/ as "tests") is one program, linked with libposix first: its
# system calls are messages to PM and VFS.
USER_PROGS := $(notdir $(patsubst %/,%,$(dir $(wildcard commands/*/*.c))))
USER_PROGS := $(filter-out hello,$(sort $(USER_PROGS))) $(if $(wildcard tests/user/*.c),tests)
tests_USRC := $(wildcard tests/user/*.c)
# The shell's test and [ builtins are /bin/test's evaluator.
sh_USRC    := $(wildcard commands/sh/*.c) commands/test/texpr.c
POSIX_OBJ  := $(patsubst %.c,$(B)/%.o,$(wildcard lib/libposix/*.c))
UBIN       := $(USER_PROGS:%=$(B)/ubin/%)

all: $(B)/kernel.elf $(PROGS:%=$(B)/bin/%) $(UBIN)

# ---- build configuration ----
# Variables that change what is built.  Their values are kept in
# $(B)/config.stamp, rewritten only when one of them changes, and what
# depends on them depends on the stamp: `make HZ=1000 run` after a build
# at HZ=100 rebuilds the kernel.
CONFIG_VARS := HZ QUANTUM MOUNT_DEV
CONFIG_LINE := $(foreach v,$(CONFIG_VARS),$(v)=$($(v)))
$(B)/config.stamp: FORCE
	@mkdir -p $(B)
	@echo '$(CONFIG_LINE)' | cmp -s - $@ 2>/dev/null || echo '$(CONFIG_LINE)' > $@

# ---- kernel ----
$(B)/kernel/%.o: kernel/%.c $(B)/config.stamp
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) $(KCFLAGS) -c $< -o $@
$(B)/kernel/%.o: kernel/%.asm
	@mkdir -p $(dir $@)
	@echo "  NASM    $<"
	@$(NASM) -f elf32 -g $< -o $@
$(B)/kernel.elf: $(KERNEL_OBJ) boot/kernel.ld
	@echo "  LD      $@"
	@$(LD) -m elf_i386 -z noexecstack -T boot/kernel.ld -o $@ $(KERNEL_OBJ) $(LIBGCC)
	@$(OBJDUMP) -d -S $@ > $(B)/kernel.asm
	@$(NM) -n $@ > $(B)/kernel.sym
	@echo "kernel: $$(cat $(KERNEL_C) $(wildcard kernel/*.h kernel/*/*.h kernel/*/*/*.h) $(KERNEL_ASM) | wc -l) source lines," \
	  "$$($(CROSS)size $@ | awk 'NR==2{print $$1+$$2}') bytes of text+data"

# ---- libraries ----
$(B)/lib/libc/%.o: lib/libc/%.c
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) $(UCFLAGS) -c $< -o $@
$(B)/lib/cmdutil/%.o: lib/cmdutil/%.c
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) $(UCFLAGS) -c $< -o $@
$(B)/lib/libsys/%.o: lib/libsys/%.c
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) $(SCFLAGS) -c $< -o $@
$(B)/lib/libchardriver/%.o: lib/libchardriver/%.c
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) $(SCFLAGS) -c $< -o $@
$(B)/lib/libblockdriver/%.o: lib/libblockdriver/%.c
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) $(SCFLAGS) -c $< -o $@
$(B)/lib/libpci/%.o: lib/libpci/%.c
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) $(SCFLAGS) -c $< -o $@
$(B)/lib/libpci.a: $(patsubst %.c,$(B)/%.o,$(wildcard lib/libpci/*.c))
	@rm -f $@ && $(AR) rcs $@ $^
$(B)/lib/libchardriver.a: $(patsubst %.c,$(B)/%.o,$(wildcard lib/libchardriver/*.c))
	@rm -f $@ && $(AR) rcs $@ $^
$(B)/lib/libblockdriver.a: $(patsubst %.c,$(B)/%.o,$(wildcard lib/libblockdriver/*.c))
	@rm -f $@ && $(AR) rcs $@ $^
$(B)/lib/libposix/%.o: lib/libposix/%.c
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) $(SCFLAGS) -c $< -o $@
$(B)/lib/libposix.a: $(POSIX_OBJ)
	@rm -f $@ && $(AR) rcs $@ $^
$(B)/lib/libc.a: $(LIBC_OBJ)
	@rm -f $@ && $(AR) rcs $@ $^
$(B)/lib/libcmdutil.a: $(CMDUTIL_OBJ)
	@rm -f $@ && $(AR) rcs $@ $^
$(B)/lib/libsys.a: $(LIBSYS_OBJ)
	@rm -f $@ && $(AR) rcs $@ $^

# ---- programs (system programs: built with _SYSTEM) ----
$(B)/prog/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) $(SCFLAGS) -c $< -o $@

define PROG_RULE
$(B)/bin/$(1): $(patsubst %.c,$(B)/prog/%.o,$($(1)_SRC)) $$($(1)_EXTRA) $(CRT0) $(DRVLIB_A) $(B)/lib/libsys.a $(B)/lib/libc.a boot/user.ld
	@mkdir -p $$(dir $$@)
	@echo "  LD      $$@"
	@$(LD) -m elf_i386 -z noexecstack -T boot/user.ld -o $$@ $(CRT0) $(patsubst %.c,$(B)/prog/%.o,$($(1)_SRC)) $$($(1)_EXTRA) $(ULIBS)
endef
$(foreach p,$(PROGS),$(eval $(call PROG_RULE,$(p))))

# User programs: built without _SYSTEM, linked libposix, libsys, libc, and
# libcmdutil (lib/cmdutil: helpers the commands share).
$(B)/uprog/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) $(UCFLAGS) -c $< -o $@

define UPROG_RULE
$(1)_OBJS := $(patsubst %.c,$(B)/uprog/%.o,$(if $($(1)_USRC),$($(1)_USRC),$(wildcard commands/$(1)/*.c)))
$(B)/ubin/$(1): $$($(1)_OBJS) $(CRT0) $(B)/lib/libcmdutil.a $(B)/lib/libposix.a $(B)/lib/libsys.a $(B)/lib/libc.a boot/user.ld
	@mkdir -p $$(dir $$@)
	@echo "  LD      $$@"
	@$(LD) -m elf_i386 -z noexecstack -T boot/user.ld -o $$@ $(CRT0) $$($(1)_OBJS) \
		--start-group $(B)/lib/libcmdutil.a $(B)/lib/libposix.a $(B)/lib/libsys.a $(B)/lib/libc.a $(LIBGCC) --end-group
endef
$(foreach p,$(USER_PROGS),$(eval $(call UPROG_RULE,$(p))))

# The runner carries exectest and fitest inside it (runner_EXTRA).
$(B)/prog/exectest_blob.o: $(B)/bin/exectest
	@cd $(B)/bin && $(CROSS)objcopy -I binary -O elf32-i386 -B i386 exectest ../prog/exectest_blob.o
$(B)/prog/fitest_blob.o: $(B)/bin/fitest
	@cd $(B)/bin && $(CROSS)objcopy -I binary -O elf32-i386 -B i386 fitest ../prog/fitest_blob.o
$(B)/prog/ramdisk_blob.o: $(B)/bin/ramdisk
	@cd $(B)/bin && $(CROSS)objcopy -I binary -O elf32-i386 -B i386 ramdisk ../prog/ramdisk_blob.o
# The sectors sfdisk writes for tests/system/ramdisk.sfdisk on a disk of
# the example's size (t_bdev.c writes them to the RAM disk).
$(B)/prog/ramdisk_parts_blob.o: tests/system/ramdisk.sfdisk tools/mkparts.sh
	@mkdir -p $(B)/prog/conf
	@tools/mkparts.sh $(B)/prog/conf/ramdisk-parts.img 4M $< $(B)/prog/conf/ramdisk_parts
	@cd $(B)/prog/conf && $(CROSS)objcopy -I binary -O elf32-i386 -B i386 ramdisk_parts ../ramdisk_parts_blob.o
$(B)/prog/ramdisk_conf_blob.o: drivers/examples/ramdisk/ramdisk.conf
	@mkdir -p $(B)/prog/conf && cp $< $(B)/prog/conf/ramdisk.conf
	@cd $(B)/prog/conf && $(CROSS)objcopy -I binary -O elf32-i386 -B i386 ramdisk.conf ../ramdisk_conf_blob.o


# ---- GRUB images: one per line of etc/boot.list ----
# "IMAGE: MODULE[:ARGS] ..." in boot order.  A module is bin/NAME if NAME
# is a boot program (PROGS), else ubin/NAME; its .conf is NAME.conf beside
# its source (servers/, drivers/, commands/, tests/*/).  Each image gets
# system.conf, its modules' .conf files put together (RS reads it at
# boot), and the root file system image as its RAM disk.
BOOT_LIST   := etc/boot.list
BOOT_IMAGES := $(shell sed -n 's/^\([a-z0-9_-]*\):.*/\1/p' $(BOOT_LIST))
boot_mods    = $(subst @disk,$(DISK_DRIVER),$(shell sed -n 's/^$(1):[[:space:]]*//p' $(BOOT_LIST)))
mod_name     = $(firstword $(subst :, ,$(1)))
mod_path     = $(if $(filter $(call mod_name,$(1)),$(PROGS)),bin,ubin)/$(1)
mod_conf     = $(firstword $(wildcard $(foreach d,servers drivers commands,$(d)/$(1)/$(1).conf) tests/*/$(1).conf))
image_confs  = $(foreach m,$(call boot_mods,$(1)),$(call mod_conf,$(call mod_name,$(m))))

# The root device of each image, on its kernel command line (root=LABEL:
# MINOR, read by VFS): os.iso's is the disk (DISK below), the others keep
# theirs on the memory driver's RAM disk (minor 2, MEMORY_RAMDISK), which
# is then one more module, root.img.  An image named *-ide has its root
# on at_wini's disk (utest-ide, os-ide: make test with the root on IDE).
image_root    = $(if $(filter os,$(1)),$(DISK_DRIVER):0,$(if $(filter %-ide,$(1)),at_wini:0,memory:2))
image_ramdisk = $(if $(filter memory:%,$(call image_root,$(1))),$(B)/root.img)

# $(1) image name, $(2) module paths under $(B) (path:arg passes an argument).
define ISO_RULE
$(B)/conf/$(1)/system.conf: $(BOOT_LIST) $(call image_confs,$(1)) $(B)/disk.stamp
	@mkdir -p $$(dir $$@)
	@echo "  CONF    $$@"
	@for f in $(call image_confs,$(1)); do echo "# ---- $$$$f"; cat $$$$f; done > $$@
$(B)/$(1).iso: $(B)/kernel.elf $(foreach m,$(2),$(B)/$(firstword $(subst :, ,$(m)))) $(B)/conf/$(1)/system.conf $(call image_ramdisk,$(1)) tools/mkiso.sh
	@echo "  ISO     $$@"
	@KERNEL_ARGS=root=$(call image_root,$(1)) tools/mkiso.sh $$@ $(B)/kernel.elf $(foreach m,$(2),$(B)/$(m)) $(B)/conf/$(1)/system.conf $(call image_ramdisk,$(1))
endef

# The root file system: ext2 built from a staging folder by mke2fs -d.
# The supervision tests' service is on it too, with its .conf beside it
# (`service up /bin/fitest`).
ROOT_EXTRA := $(B)/ubin/fitest $(B)/ubin/fitest.conf $(B)/ubin/fitest-low.conf
# /sbin: the file system server and its .conf, which mount() starts through
# RS for each mounted device (docs/storage.md).
ROOT_EXTRA += $(B)/sbin/ext2 $(B)/sbin/ext2.conf
$(B)/sbin/ext2: $(B)/bin/ext2
	@mkdir -p $(dir $@) && cp $< $@
$(B)/sbin/ext2.conf: servers/ext2/ext2.conf
	@mkdir -p $(dir $@) && cp $< $@
# The example block driver (`service up /bin/ramdisk`).
ROOT_EXTRA += $(B)/ubin/ramdisk $(B)/ubin/ramdisk.conf
$(B)/ubin/ramdisk: $(B)/bin/ramdisk
	@cp $< $@
$(B)/ubin/ramdisk.conf: drivers/examples/ramdisk/ramdisk.conf
	@mkdir -p $(dir $@) && cp $< $@
# VFS's test character driver (`service up /bin/cdevtest`).
ROOT_EXTRA += $(B)/ubin/cdevtest $(B)/ubin/cdevtest.conf
$(B)/ubin/cdevtest: $(B)/bin/cdevtest
	@cp $< $@
$(B)/ubin/cdevtest.conf: tests/drivers/cdevtest/cdevtest.conf
	@mkdir -p $(dir $@) && cp $< $@
# The example driver rtc (drivers/examples/rtc): /bin/rtc, started with
# `service up /bin/rtc -dev /dev/rtc`.
ROOT_EXTRA += $(B)/ubin/rtc $(B)/ubin/rtc.conf
$(B)/ubin/rtc: $(B)/bin/rtc
	@cp $< $@
$(B)/ubin/rtc.conf: drivers/examples/rtc/rtc.conf
	@mkdir -p $(dir $@) && cp $< $@
# The example driver hello (drivers/examples/hello): /bin/hello, started
# with `service up /bin/hello -dev /dev/hello` (the build's "hello" is
# commands/hello, the boot demo).
ROOT_EXTRA += $(B)/ubin/hello $(B)/ubin/hello.conf
$(B)/ubin/hello: $(B)/bin/hellodrv
	@cp $< $@
$(B)/ubin/hello.conf: drivers/examples/hello/hello.conf
	@mkdir -p $(dir $@) && cp $< $@
$(B)/ubin/fitest: $(B)/bin/fitest
	@cp $< $@
$(B)/ubin/fitest.conf: tests/fitest/fitest.conf
	@mkdir -p $(dir $@) && cp $< $@
$(B)/ubin/fitest-low.conf: tests/fitest/fitest-low.conf
	@mkdir -p $(dir $@) && cp $< $@
$(B)/root.img: tools/mkroot.sh $(shell find rootfs -type f 2>/dev/null) $(UBIN) $(ROOT_EXTRA) $(B)/config.stamp
	@echo "  ROOT    $@"
	@BLOCKSIZE=$(BLOCKSIZE) MOUNT_DEV='$(MOUNT_DEV)' tools/mkroot.sh $@ $(B)/ubin
# The same tree on disk images (DISK_KIB): the tests' pristine copies,
# with BLOCKSIZE-byte blocks and with 1 KiB blocks, rebuilt when a program
# changes (the tests boot scratch copies of them).
$(B)/test-disk.img: tools/mkroot.sh $(shell find rootfs -type f 2>/dev/null) $(UBIN) $(ROOT_EXTRA) $(B)/config.stamp
	@echo "  DISK    $@"
	@BLOCKSIZE=$(BLOCKSIZE) MOUNT_DEV='$(MOUNT_DEV)' tools/mkroot.sh $@ $(B)/ubin $(DISK_KIB)
$(B)/test-disk-1k.img: tools/mkroot.sh $(shell find rootfs -type f 2>/dev/null) $(UBIN) $(ROOT_EXTRA) $(B)/config.stamp
	@echo "  DISK    $@"
	@BLOCKSIZE=1024 MOUNT_DEV='$(MOUNT_DEV)' tools/mkroot.sh $@ $(B)/ubin $(DISK_KIB)
$(foreach i,$(BOOT_IMAGES),$(eval $(call ISO_RULE,$(i),$(foreach m,$(call boot_mods,$(i)),$(call mod_path,$(m))))))
# utest again on a root image with 1 KiB blocks (tools/test.sh): ext2
# keeps working with the block size the default (4 KiB) no longer uses.
$(B)/1k/root.img: tools/mkroot.sh $(shell find rootfs -type f 2>/dev/null) $(UBIN) $(ROOT_EXTRA) $(B)/config.stamp
	@mkdir -p $(dir $@)
	@echo "  ROOT    $@"
	@BLOCKSIZE=1024 MOUNT_DEV='$(MOUNT_DEV)' tools/mkroot.sh $@ $(B)/ubin
$(B)/utest1k.iso: $(B)/kernel.elf $(foreach m,$(call boot_mods,utest),$(B)/$(firstword $(subst :, ,$(call mod_path,$(m))))) $(B)/conf/utest/system.conf $(B)/1k/root.img tools/mkiso.sh
	@echo "  ISO     $@"
	@KERNEL_ARGS=root=memory:2 tools/mkiso.sh $@ $(B)/kernel.elf $(foreach m,$(call boot_mods,utest),$(B)/$(call mod_path,$(m))) $(B)/conf/utest/system.conf $(B)/1k/root.img

# A boot module with a command line of 258 words, more than the kernel
# takes: the boot stops with an error naming it (tools/test.sh).
LONG_ARGS := $(subst $(eval) ,:,$(foreach i,$(shell seq 257),w$(i)))
$(B)/longargs.iso: $(B)/kernel.elf $(B)/bin/hello tools/mkiso.sh
	@echo "  ISO     $@"
	@tools/mkiso.sh $@ $(B)/kernel.elf $(B)/bin/hello:$(LONG_ARGS)

# The panic self-test: the kernel panics on purpose after boot.
$(B)/panic.iso: $(B)/kernel.elf $(B)/bin/hello tools/mkiso.sh
	@echo "  ISO     $@"
	@KERNEL_ARGS=selftest=panic tools/mkiso.sh $@ $(B)/kernel.elf $(B)/bin/hello

# ---- the disk ----
# make run boots with its root on DISK_IMG, attached as DISK (one line per
# kind below: the driver's label and the QEMU arguments attaching file $(1)
# as disk number $(2)).  The image is made once, from the tree as it is
# then, and kept: what the guest writes is there next time.  make
# clean-disk makes it anew (and loses what was written).  DISK2=FILE
# attaches FILE as a second disk of the same kind (d1: minor 5).
# (DISK, DISK_IMG, DISK_KIB, BLOCKSIZE and the table of disk kinds are at
# the top: the images' rules need them.)
disk_qemu   = $(call disk_$(DISK)_qemu,$(1),$(2))
DISK_ARGS   = $(call disk_qemu,$(DISK_IMG),0) $(if $(DISK2),$(call disk_qemu,$(DISK2),1))
$(B)/disk.stamp: FORCE
	@mkdir -p $(B)
	@echo 'DISK=$(DISK) $(DISK_DRIVER)' | cmp -s - $@ 2>/dev/null || echo 'DISK=$(DISK) $(DISK_DRIVER)' > $@

# Made only if missing: never rebuilt behind the user's back.
$(DISK_IMG): | $(UBIN) $(ROOT_EXTRA)
	@echo "  DISK    $@ ($(BLOCKSIZE)-byte blocks, $(DISK_KIB) KiB; kept across runs, make clean-disk to rebuild)"
	@BLOCKSIZE=$(BLOCKSIZE) tools/mkroot.sh $@ $(B)/ubin $(DISK_KIB)
	@touch $@.made

# Programs built after the disk image was made are not on it: say so.
# (The image's own time changes whenever the guest writes; $(DISK_IMG).made
# keeps the time it was made.)
disk-check: $(DISK_IMG)
	@[ -e $(DISK_IMG).made ] || touch -r $(DISK_IMG) $(DISK_IMG).made; \
	newer=$$(find $(B)/ubin -type f -newer $(DISK_IMG).made 2>/dev/null | sed 's|.*/||' | head -5 | tr '\n' ' '); \
	if [ -n "$$newer" ]; then \
		echo "warning: $(DISK_IMG) is older than programs of this build ($$newer...):"; \
		echo "warning: the guest runs the old ones.  make clean-disk rebuilds the disk (what was written on it is lost)."; \
	fi

clean-disk:
	rm -f $(DISK_IMG) $(DISK_IMG).made
	@$(MAKE) -s $(DISK_IMG)

# The QEMU arguments attaching FILE as disk N of kind DISK (tools/test.sh).
disk-args:
	@echo '$(call disk_qemu,$(FILE),$(or $(N),0))'

# The QEMU machine of IOMMU=1 (tools/test.sh: iommu.iso).
iommu-args:
	@echo '$(IOMMU_QEMU)'

# ---- the driver kit (docs/writing-drivers.md) ----
# make sdk: the headers, the libraries, crt0, the link script and
# driver.mk in SDK, to build a driver outside the tree with
# `make -f SDK/driver.mk`.  make disk-add FILES="..." copies programs
# (stripped) and .conf files into /bin of the disk image make run boots.
SDK      ?= $(B)/sdk
SDK_LIBS := $(DRVLIB_A) $(B)/lib/libsys.a $(B)/lib/libc.a
sdk: $(SDK_LIBS) $(CRT0) boot/user.ld tools/driver.mk
	@rm -rf $(SDK)/include && mkdir -p $(SDK)/lib
	@cp -r include $(SDK)/include
	@cp $(SDK_LIBS) $(CRT0) boot/user.ld $(SDK)/lib/
	@sed 's|@CROSS@|$(CROSS)|' tools/driver.mk > $(SDK)/driver.mk
	@echo "sdk: $(abspath $(SDK)) (build a driver with: make -f $(abspath $(SDK))/driver.mk)"

disk-add: $(DISK_IMG)
	@[ -n "$(FILES)" ] || { echo "disk-add: FILES=\"PROGRAM NAME.conf ...\" names what to copy to /bin"; exit 1; }
	@for f in $(FILES); do \
		[ -f "$$f" ] || { echo "disk-add: $$f: no such file"; exit 1; }; \
		n=$$(basename "$$f"); t=$$(mktemp); \
		$(CROSS)strip -o "$$t" "$$f" 2>/dev/null || cp "$$f" "$$t"; chmod 755 "$$t"; \
		debugfs -w -R "rm /bin/$$n" $(DISK_IMG) >/dev/null 2>&1; \
		debugfs -w -R "write $$t /bin/$$n" $(DISK_IMG) >/dev/null 2>&1; rm -f "$$t"; \
		debugfs -R "stat /bin/$$n" $(DISK_IMG) 2>/dev/null | grep -q Inode: || \
			{ echo "disk-add: $$f: could not write /bin/$$n on $(DISK_IMG)"; exit 1; }; \
		echo "disk-add: /bin/$$n on $(DISK_IMG)"; \
	done

iso: deps $(B)/os.iso

deps:
	@tools/deps.sh

QEMU_FLAGS := -m 128M -no-reboot -nographic -echr 29 -boot d -device isa-debug-exit,iobase=0xf4,iosize=0x04
RUN_CMD     = $(QEMU) $(QEMU_FLAGS) $(if $(filter 1,$(IOMMU)),$(IOMMU_QEMU)) -cdrom $(B)/os.iso $(DISK_ARGS) -debugcon file:$(B)/run-debug.log

run: deps $(B)/os.iso disk-check
	$(RUN_CMD)

# What `make run` does, without a person at the console: the same
# prerequisites and the same QEMU command line, with the console driven
# by tools/run-check.py (it waits for the prompt, types a command and
# checks its output).  .ci/run starts with this on its clean checkout.
run-check: deps $(B)/os.iso disk-check
	@tools/run-check.py $(RUN_CMD)

run-hello: deps $(B)/hello.iso
	$(QEMU) $(QEMU_FLAGS) -cdrom $(B)/hello.iso -debugcon file:$(B)/run-debug.log

# gdb reads $(B)/gdbinit given with -x: an explicit script, which
# Debian's gdb runs as shipped (an auto-loaded ./.gdbinit would need a
# safe-path setting).
qemu-gdb: deps $(B)/os.iso disk-check
	@printf 'symbol-file %s\ntarget remote localhost:1234\nsource tools/kernel.gdb\n' $(B)/kernel.elf > $(B)/gdbinit
	@echo "qemu-gdb: QEMU waits for gdb on :1234; in another terminal here, run:"
	@echo "  gdb -x $(B)/gdbinit"
	$(RUN_CMD) -S -s

test: deps
	@tools/test.sh

# ---- the Linux peer of make bench ----
# Debian's i386 kernel (fetched by tools/linux-peer.sh, a build input) and
# an initramfs with commands/ubench built statically against glibc by the
# same cross compiler, with the Linux-only benchmarks of tests/bench/linux.
LINUX_CFLAGS := -std=gnu11 -O2 -static -fno-pie -no-pie -fno-stack-protector \
	-fno-omit-frame-pointer -Wall -Wextra -Werror -Wno-unused-parameter
$(B)/linux/vmlinuz:
	@tools/linux-peer.sh $(B)/linux
$(B)/linux/ubench: commands/ubench/ubench.c tests/bench/linux/peer.c
	@mkdir -p $(dir $@)
	@echo "  CC      $@ (Linux peer)"
	@$(CC) $(LINUX_CFLAGS) -DLINUX_PEER -o $@ $^
$(B)/linux/init: tests/bench/linux/init.c
	@mkdir -p $(dir $@)
	@$(CC) $(LINUX_CFLAGS) -o $@ $<
$(B)/linux/true: tests/bench/linux/true.c
	@mkdir -p $(dir $@)
	@$(CC) -O2 -static -nostdlib -fno-pie -no-pie -o $@ $<
$(B)/linux/initrd.img: tools/mkinitrd.sh $(B)/linux/init $(B)/linux/ubench $(B)/linux/true
	@echo "  INITRD  $@"
	@tools/mkinitrd.sh $@ $(B)/linux/init $(B)/linux/ubench $(B)/linux/true

# Kernel-level benchmarks (bench.iso), user-mode ones (ubench.iso:
# /bin/ubench under init) and the same user-mode programs on Linux, side
# by side: build/bench.json, plots in build/bench/, compared with
# tests/bench/baseline.json.  `make bench-baseline` makes the last run the
# baseline.
bench: deps $(B)/bench.iso $(B)/ubench.iso $(B)/linux/vmlinuz $(B)/linux/initrd.img
	@tools/bench.sh $(B)/bench.iso $(B)/ubench.iso $(B)/linux/vmlinuz $(B)/linux/initrd.img

# Where the instructions of the SENDREC round trip go: QEMU's instruction
# trace of tests/bench (booted directly, no GRUB), counted per function by
# tools/trace-profile.py.  Without -icount (too slow with a trace), so the
# clock interrupt's functions show up more than in make bench.
profile-ipc: $(B)/kernel.elf $(B)/bin/bench
	@cd $(B)/bin && timeout 600 $(QEMU) -m 128M -no-reboot -display none -monitor none \
		-serial null -device isa-debug-exit,iobase=0xf4,iosize=0x04 \
		-kernel ../kernel.elf -initrd bench -singlestep -d exec,nochain -D /dev/stdout \
		</dev/null 2>/dev/null | ../../tools/trace-profile.py ../kernel.elf bench ipc_sendrec report 302

bench-baseline:
	@cp $(B)/bench.json tests/bench/baseline.json && echo "tests/bench/baseline.json <- $(B)/bench.json"

# ---- fault injection (docs/fault-injection.md) ----
# make fi: a campaign of FAULTS faults of TYPES (all, or a comma list)
# into TARGETS (comma list), JOBS QEMUs at a time, reproducible from
# SEED; FI_SHARD=I/N runs one shard of it.  Results: a table, build/fi/
# NAME.json and .png.  make fi-merge FI_JSON="a.json b.json" merges shards.
# IOMMU=1 boots q35 with an Intel IOMMU (FI_IOMMU_QEMU) and lets wilddma
# into the disk drivers it confines (virtio_blk, at_wini: tools/fi.py, CONFINED).
FAULTS  ?= 1000
SEED    ?= 1
TARGETS ?= virtio_blk,tty,memory
TYPES   ?= all
JOBS    ?= 1
FI_SHARD ?=
FI_NAME ?=
FI_JSON ?= $(wildcard $(B)/fi/*-shard*.json)
FI_IOMMU_QEMU = $(or $(IOMMU_QEMU),-M q35 -device intel-iommu,intremap=off)
fi: deps $(B)/test-disk.img $(if $(findstring at_wini,$(TARGETS)),$(B)/os-ide.iso)
	@$(MAKE) -s DISK=virtio $(B)/os.iso
	@tools/fi.py run --faults $(FAULTS) --seed $(SEED) --targets '$(TARGETS)' --types '$(TYPES)' \
		--jobs $(JOBS) --iommu $(IOMMU) $(if $(FI_SHARD),--shard $(FI_SHARD)) $(if $(FI_NAME),--name $(FI_NAME)) \
		$(if $(filter 1,$(IOMMU)),--qemu-extra '$(FI_IOMMU_QEMU)')

fi-merge:
	@tools/fi.py merge $(if $(FI_NAME),--name $(FI_NAME)) $(FI_JSON)

host-tests:
	@$(MAKE) -s -C tests/host

clean:
	rm -rf $(B)

help:
	@echo "make run | run-check | run-hello | test | fi | fi-merge | bench | bench-baseline | profile-ipc | iso | qemu-gdb | clean | clean-disk"
	@echo "  (HZ=$(HZ) DISK=$(DISK) DISK_IMG=$(DISK_IMG) BLOCKSIZE=$(BLOCKSIZE) DISK_KIB=$(DISK_KIB) DISK2=$(DISK2) IOMMU=$(IOMMU) VIRTIO=$(VIRTIO))"

FORCE:

.PHONY: all iso deps run run-check run-hello qemu-gdb test fi fi-merge bench bench-baseline profile-ipc host-tests clean help FORCE disk-check clean-disk disk-args iommu-args sdk disk-add
-include $(shell find $(B) -name '*.d' 2>/dev/null)
