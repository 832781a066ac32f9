#!/bin/bash
# bench.sh BENCH.ISO UBENCH.ISO [VMLINUZ INITRD] - make bench: run our
# kernel-level (tests/bench) and user-mode (commands/ubench) benchmark
# images and, given a Linux kernel and the peer's initramfs, the same
# user-mode programs on Linux, each in the same QEMU configuration (-m
# 128M, TCG, serial console) twice: with -icount shift=0 (rdtsc counts
# guest instructions: deterministic) and without (rdtsc follows the
# emulated clock: nanoseconds, noisy).  A run prints lines "bench NAME
# median=N min=N max=N n=N", "bench tsc_per_sec=N" and "bench done".
# The raw lines go to build/bench/<image>-{icount,wall}.txt;
# tools/bench-report.py prints the side-by-side table, writes
# build/bench.json and the plots and compares with the baseline.
set -u
[ $# -eq 2 ] || [ $# -eq 4 ] || { echo "usage: bench.sh BENCH.ISO UBENCH.ISO [VMLINUZ INITRD]" >&2; exit 2; }
QEMU=${QEMU:-qemu-system-i386}
OUT=build/bench
mkdir -p "$OUT"
qemu() { # qemu BOOT-FLAGS... -> the bench lines on stdout
	timeout -k 5 300 "$QEMU" -m 128M -no-reboot -display none \
		-monitor none -serial stdio -device isa-debug-exit,iobase=0xf4,iosize=0x04 \
		"$@" </dev/null | tr -d '\r' | grep '^bench '
}
run() { # run NAME BOOT-FLAGS...
	local name=$1
	shift
	echo "bench: $name (icount)" >&2
	qemu "$@" -icount shift=0 > "$OUT/$name-icount.txt"
	grep -q '^bench done' "$OUT/$name-icount.txt" || { echo "bench: $name: icount run failed" >&2; exit 1; }
	echo "bench: $name (emulated clock)" >&2
	qemu "$@" > "$OUT/$name-wall.txt"
	grep -q '^bench done' "$OUT/$name-wall.txt" || echo "bench: $name: run without icount failed (no ns)" >&2
}
# at_wini's disk for tests/bench/b_disk.c: a fresh sparse scratch image.
rm -f "$OUT/ide.img" && truncate -s 64M "$OUT/ide.img"
run bench -boot d -cdrom "$1" -drive "file=$OUT/ide.img,if=ide,index=0,format=raw"
# commands/ubench/seqio.c's disks: fresh empty ext2 images (4 KiB blocks,
# 64 MiB), virtio_blk:0 and at_wini:0, attached as make run attaches them.
for k in virtio ide; do
	rm -f "$OUT/seq-$k.img"
	mke2fs -q -F -t ext2 -b 4096 "$OUT/seq-$k.img" 16384 >/dev/null ||
		{ echo "bench: mke2fs failed" >&2; exit 1; }
done
read -r -a seqdisks <<< "$(make -s --no-print-directory disk-args DISK=virtio FILE=$OUT/seq-virtio.img) \
$(make -s --no-print-directory disk-args DISK=ide FILE=$OUT/seq-ide.img)"
run ubench -boot d -cdrom "$2" "${seqdisks[@]}"
args=(--ours "$OUT/bench" --ours "$OUT/ubench")
if [ $# -eq 4 ]; then
	run linux -kernel "$3" -initrd "$4" -append "console=ttyS0 quiet loglevel=3"
	args+=(--linux "$OUT/linux" --linux-version "$(cat "$(dirname "$3")/version" 2>/dev/null || echo unknown)")
fi
exec python3 tools/bench-report.py "${args[@]}" --json build/bench.json \
	--plots "$OUT" --baseline tests/bench/baseline.json
