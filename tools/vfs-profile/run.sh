#!/bin/bash
# run.sh [OUT] - where the instructions of the user-mode file calls go
# (docs/performance.md): relink vfs, memory, ext2 and pm, and uprof.c as
# /bin/ubench, each at an address of its own (user.ld's 1 GiB moved), so
# that a pc in QEMU's instruction trace names its process; boot the
# ubench configuration directly (-kernel, the modules as -initrd, no GRUB)
# with -singlestep -d exec,nochain and count per function with prof.py.
# Without -icount (a trace under -icount is too slow): the clock
# interrupt comes more often than under make bench.  Needs make all and
# build/conf/ubench/system.conf (make build/ubench.iso).  OUT (default
# build/vfs-profile.txt) gets the tables.  Takes a minute or two.
set -e
cd "$(dirname "$0")/../.."
out=${1:-build/vfs-profile.txt}
W=build/vfs-profile
rm -rf "$W" && mkdir -p "$W/mods"
link() { # link PROG BASE: build/bin/PROG again at BASE, into $W
	sed "s/0x40000000/$2/" boot/user.ld > "$W/$1.ld"
	eval "$(make -s -n -W boot/user.ld "build/bin/$1" | grep ' -T boot/user.ld' |
	    sed "s# -T boot/user.ld # -T $W/$1.ld #; s# -o build/bin/$1 # -o $W/$1 #")"
}
link vfs 0x48000000
link memory 0x50000000
link ext2 0x58000000
link pm 0x60000000
# uprof: the user program's compile and link lines, uprof.c for ubench.c.
cc=$(make -s -n -W commands/ubench/ubench.c build/ubin/ubench | grep ' -c commands/ubench/ubench.c' |
    sed "s# -MMD# -Wno-unused-function#; s# -c commands/ubench/ubench.c -o [^ ]*# -c tools/vfs-profile/uprof.c -o $W/uprof.o#")
eval "$cc"
sed "s/0x40000000/0x68000000/" boot/user.ld > "$W/ubench.ld"
eval "$(make -s -n -W commands/ubench/ubench.c build/ubin/ubench | grep ' -T boot/user.ld' |
    sed "s# -T boot/user.ld # -T $W/ubench.ld #; s# -o build/ubin/ubench # -o $W/ubench #; s# [^ ]*/ubench\.o # $W/uprof.o #")"
cp -r build/ubin "$W/ubin" && cp "$W/ubench" "$W/ubin/ubench"
BLOCKSIZE=4096 MOUNT_DEV='/dev/ram1' tools/mkroot.sh "$W/mods/root.img" "$W/ubin" >/dev/null
for m in ds rs tty virtio_blk at_wini; do cp "build/bin/$m" "$W/mods/"; done
cp "$W/vfs" "$W/memory" "$W/ext2" "$W/pm" "$W/mods/"
cp build/ubin/init build/conf/ubench/system.conf "$W/mods/"
(cd "$W/mods" && timeout 900 qemu-system-i386 -m 128M -no-reboot -display none \
	-monitor none -serial null -device isa-debug-exit,iobase=0xf4,iosize=0x04 \
	-kernel ../../kernel.elf -append "root=memory:2" \
	-initrd "ds,rs,pm,vfs,memory,tty,virtio_blk,at_wini,ext2,init bench,system.conf,root.img" \
	-singlestep -d exec,nochain -D /dev/stdout </dev/null 2>/dev/null) |
	python3 tools/vfs-profile/prof.py build/kernel.elf "$W/ubench" "$W/vfs" \
	"$W/memory" "$W/ext2" "$W/pm" > "$out"
echo "vfs-profile: $out"
