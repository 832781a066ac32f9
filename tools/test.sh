#!/bin/bash
# test.sh - everything `make test` runs: the host unit tests, the in-guest
# test images under QEMU, the serial-console shell session, host checks
# of the guest runs, and a self-check of this harness.  Ends with one line
# "N passed, N failed" summing all of them; exits non-zero if anything
# failed.
#
# A test program passes only if it exits 0 and its last line is "N passed,
# 0 failed".  A program that crashes, is killed, times out, exits non-zero
# or prints no closing line is one more failure, named.  Host test
# binaries run only when they were built from the current sources, so a
# stale binary can never stand in for a test that no longer builds.
set -u
cd "$(dirname "$0")/.."
pass=0 fail=0
HOST_TIMEOUT=${HOST_TIMEOUT:-300}
CLOSING='^[0-9]+ passed, [0-9]+ failed$'

# verdict NAME RC OUTPUT: print the program's failures and one summary
# line; set v_pass and v_fail (its closing counts, plus one failure if it
# did not end cleanly).  Returns 0 if it ended cleanly.
verdict() {
	local name=$1 rc=$2 out=$3 line why=""
	grep -E '^not ok' <<<"$out"
	line=$(tail -n 1 <<<"$out")
	v_pass=0 v_fail=0
	if grep -qE "$CLOSING" <<<"$line"; then
		v_pass=${line%% passed*}
		v_fail=${line#*passed, }
		v_fail=${v_fail%% failed*}
	else
		why="no closing line"
	fi
	case $rc in
	0) ;;
	124|137) why="timed out after ${HOST_TIMEOUT}s" ;;
	*) [ "$rc" -gt 128 ] && why="killed by signal $((rc - 128))" ||
		why="${why:-exit status $rc}" ;;
	esac
	[ -n "$why" ] || [ "$v_fail" = 0 ] || why="exit status 0 with failures"
	echo "$name: ${line:-no output}"
	if [ -n "$why" ]; then
		echo "not ok - $name: $why"
		v_fail=$((v_fail + 1))
		return 1
	fi
	return 0
}

# run_tap NAME CMD...: run a TAP-printing program and count its verdict.
run_tap() {
	local name=$1 out rc
	shift
	out=$(timeout -k 5 "$HOST_TIMEOUT" "$@" 2>&1)
	rc=$?
	verdict "$name" "$rc" "$out"
	pass=$((pass + v_pass)) fail=$((fail + v_fail))
}

# add_closing OUTPUT: count the closing line of a run that judged itself
# (tools/qemu-test.sh and the console scripts add their own failure when
# the run did not end cleanly).
add_closing() {
	local line
	line=$(tail -n 1 <<<"$1")
	if grep -qE "$CLOSING" <<<"$line"; then
		pass=$((pass + ${line%% passed*}))
		line=${line#*passed, }
		fail=$((fail + ${line%% failed*}))
	else
		echo "not ok - no closing line"
		fail=$((fail + 1))
	fi
}

# check NAME CMD...: one more TAP-style line from a host-side condition.
check() {
	local name=$1
	shift
	if "$@"; then
		echo "ok - $name"
		pass=$((pass + 1))
	else
		echo "not ok - $name"
		fail=$((fail + 1))
	fi
}

echo "== build"
if ! make -s all build/test.iso build/panic.iso build/utest.iso build/stest.iso build/os.iso build/os-ide.iso build/utest-ide.iso build/selfcheck.iso build/iommu.iso build/iommuoff.iso build/hello.iso build/longargs.iso build/utest1k.iso build/test-disk.img build/test-disk-1k.img; then
	echo "build failed"
	echo "0 passed, 1 failed"
	exit 1
fi

echo "== host unit tests"
make -k -s -C tests/host >/dev/null 2>build/host-build.log
for src in tests/host/test_*.c; do
	t=$(basename "$src" .c)
	if ! make -s -q -C tests/host "../../build/host/$t" 2>/dev/null; then
		echo "not ok - $t does not build (build/host-build.log):"
		grep -m 5 -E 'error|Error' build/host-build.log | sed 's/^/#   /'
		fail=$((fail + 1))
		continue
	fi
	run_tap "$t" "build/host/$t"
done
# Host scripts that drive host builds of our programs (the shell ...).
for t in tests/host/*.sh; do
	case $t in */ext2-images.sh|*/lib.sh) continue ;; esac
	run_tap "$(basename "$t")" bash "$t"
done

echo "== in-guest tests (QEMU, TCG)"
# COM2 feeds the tty driver's tests (tests/system/t_tty.c): lines with a
# backspace (0x7f), a line kill (^U), an end of file (^D), word erases
# (^W), a line 2 bytes too long; then, in parts sent as the test asks
# (@@), non-canonical input and a ^Z.
xs=$(printf '%4097s' '' | tr ' ' x)
export COM2_INPUT="hello\\nabc\\177d\\nx\\025yz\\n\\004tail\\n"
COM2_INPUT+="one two\\027three\\na.b/\\027c\\n$xs\\177y\\n"
COM2_INPUT+="@@R@@xyz@@e@@abc\\032def\\n"
# Then 5,000 lines typed while no one reads: "<i>:" and (i * 7) % 13 'x'.
COM2_INPUT+="@@$(awk 'BEGIN { for (i = 1; i <= 5000; i++) {
	printf "%d:", i; for (k = 0; k < (i * 7) % 13; k++) printf "x"; printf "\\n" } }')"
# A 1 MiB scratch disk for the virtio_blk tests (tests/system/t_vblk.c),
# through QEMU's blkdebug, which fails the I/O of two sectors; and two
# for at_wini (the block-driver conformance test, t_bdev.c): the master of
# 129 GiB, sparse, so that its last sectors need LBA48, through blkdebug
# too, which fails the accesses to one sector (ide-errors.cfg); the slave
# of 4 MiB, with two partitions that sfdisk writes (ide-slave.sfdisk).
tools/vblk-image.py make build/vblk-test.img
rm -f build/ide-scratch.img build/ide-slave.img
truncate -s 129G build/ide-scratch.img
tools/mkparts.sh build/ide-slave.img 4M tests/system/ide-slave.sfdisk
# A second virtio disk of 2 MiB with two partitions that sfdisk writes
# (t_bdev.c: virtio_blk's d1 and its partition minors).
tools/mkparts.sh build/vblk-parts.img 2M tests/system/vblk-parts.sfdisk
export QEMU_EXTRA="$(make -s disk-args DISK=virtio FILE=blkdebug:tests/system/t_vblk.blkdebug:build/vblk-test.img) \
$(make -s disk-args DISK=virtio N=1 FILE=build/vblk-parts.img) \
$(make -s disk-args DISK=ide FILE=blkdebug:tests/system/ide-errors.cfg:build/ide-scratch.img) \
$(make -s disk-args DISK=ide N=1 FILE=build/ide-slave.img)"
out=$(tools/qemu-test.sh build/test.iso build/test 300)
unset COM2_INPUT QEMU_EXTRA
echo "$out"
add_closing "$out"

# DMA under the IOMMU (tests/system/t_iommu.c): iommu.iso on q35 with
# intel-iommu (make iommu-args), at_wini's 1 MiB scratch disk on a PIIX3
# IDE function and virtio_blk's on a modern-only virtio-blk-pci with
# iommu_platform=on (make disk-args DISK=virtio IOMMU=1); then iommuoff.iso on the pc machine, where the same wild
# DMA lands in the canary.  QEMU's own fault messages go to a log.
# The vumap cost they print is in TSC ticks here; in guest instructions
# with QEMU_EXTRA="-icount shift=0,sleep=off ..." (docs/kernel.md), which
# makes these runs three times slower.
echo "== DMA under the IOMMU (q35, intel-iommu), then the same wild DMA without one"
rm -f build/iommu-scratch.img build/iommu-vscratch.img
truncate -s 1M build/iommu-scratch.img && truncate -s 1M build/iommu-vscratch.img
out=$(QEMU_EXTRA="$(make -s iommu-args) $(make -s disk-args DISK=ide IOMMU=1 FILE=build/iommu-scratch.img) \
$(make -s disk-args DISK=virtio IOMMU=1 N=1 FILE=build/iommu-vscratch.img)" \
	tools/qemu-test.sh build/iommu.iso build/iommu 60 2>build/iommu-qemu.log)
echo "$out"
add_closing "$out"
# The kernel's record of each blocked write: at the canary's page, from the
# function the kernel gave the driver (ID $2), which was killed and
# restarted by RS; two distinct records in all (at_wini's, virtio_blk's: a
# record repeated back to back is one blocked transfer seen twice).
iommu_fault_logged() {
	local log=build/iommu-serial.log pa bdf
	pa=$(sed -n "s/^iommu: canary at 0x\([0-9a-f]*\) ($1)$/\1/p" $log)
	bdf=$(sed -n "s/^kernel: iommu: \([0-9a-f:.]*\) $2 is $1's .*/\1/p" $log | head -n 1)
	[ -n "$pa" ] && [ -n "$bdf" ] &&
	[ "$(grep '^kernel: iommu: DMA fault' $log | uniq | wc -l)" = 2 ] &&
	grep -qx "kernel: iommu: DMA fault: $bdf write to 0x$(printf %08x 0x$pa) blocked, reason 5 (write outside its holds), device of $1 (endpoint [0-9]*)" $log &&
	grep -q "^rs: $1 died: signal (10)" $log && grep -q "^rs: $1 restarted" $log
}
check "iommu: the fault record names the canary page and at_wini's device; RS restarted at_wini" iommu_fault_logged at_wini 8086:7010
check "iommu: the fault record names the canary page and virtio_blk's device (1af4:1042); RS restarted virtio_blk" iommu_fault_logged virtio_blk 1af4:1042
out=$(QEMU_EXTRA="$(make -s disk-args DISK=ide FILE=build/iommu-scratch.img)" \
	tools/qemu-test.sh build/iommuoff.iso build/iommuoff 60)
echo "$out"
add_closing "$out"
# The root disk on at_wini under the IOMMU, at the shell: `service fi
# at_wini -type wilddma` before a sync and before a read; ext2 sees no
# error, e2fsck and debugfs find the data right (tools/iommu-session.py).
# Then the same with the root on virtio_blk (os.iso; a modern virtio disk
# with iommu_platform=on).
cp build/test-disk.img build/iommu-session.img
out=$(tools/iommu-session.py build/os-ide.iso build/iommu-session.img build/iommu-session.log 2>&1)
echo "$out"
add_closing "$out"
cp build/test-disk.img build/iommu-vsession.img
out=$(tools/iommu-session.py build/os.iso build/iommu-vsession.img build/iommu-vsession.log virtio 2>&1)
echo "$out"
add_closing "$out"

echo "== user-mode OS: /bin/tests under init (QEMU, TCG)"
out=$(tools/qemu-test.sh build/utest.iso build/utest 300)
echo "$out"
add_closing "$out"

echo "== user-mode OS on a root with 1 KiB blocks (QEMU, TCG)"
out=$(tools/qemu-test.sh build/utest1k.iso build/utest1k 300)
echo "$out"
add_closing "$out"

echo "== the same with the root on an IDE disk (at_wini), then e2fsck"
# A copy of the RAM disk's image (root.img), so that only the driver
# differs; e2fsck judges what the tests left on it.
cp build/root.img build/utest-ide-disk.img
out=$(QEMU_EXTRA="$(make -s disk-args DISK=ide FILE=build/utest-ide-disk.img)" \
	tools/qemu-test.sh build/utest-ide.iso build/utest-ide 300)
echo "$out"
add_closing "$out"
ide_fsck() { e2fsck -fn build/utest-ide-disk.img >/dev/null 2>&1; }
check "utest-ide: e2fsck -fn finds the IDE root clean" ide_fsck

echo "== the scheduler under load: /bin/tests sched (QEMU, TCG, -icount shift=0)"
out=$(QEMU_EXTRA="-icount shift=0" tools/qemu-test.sh build/stest.iso build/stest 300)
echo "$out"
grep '^# ' build/stest-serial.log
add_closing "$out"

# os.iso has its root on the disk: each session boots a scratch copy of
# the pristine disk image (never the user's build/disk.img).
scratch_disk() { # scratch_disk FILE: a fresh copy, and QEMU_EXTRA for it
	cp build/test-disk.img "$1"
	QEMU_EXTRA="$(make -s disk-args FILE="$1")"
	export QEMU_EXTRA
}

# console_session NAME: tools/NAME-session.py at os.iso's console, on a
# scratch copy of the disk (log build/NAME-session.log).
console_session() {
	scratch_disk build/session-disk.img
	out=$("tools/$1-session.py" build/os.iso "build/$1-session.log" 2>&1)
	unset QEMU_EXTRA
	echo "$out"
	add_closing "$out"
}

echo "== shell session over the serial console (QEMU, TCG)"
console_session shell

echo "== RS at the console: service fi tty (QEMU, TCG)"
console_session rs

echo "== the memory driver's RAM disk checks: pointer faults aimed at them (QEMU, TCG)"
console_session ramdisk

echo "== the console reset with the tty's port I/O broken (QEMU, TCG)"
console_session ttyreset

echo "== fault injection: a short campaign (tools/fi.py, QEMU, TCG, 2 at a time)"
# 312 faults, every type (docs/fault-injection.md) into virtio_blk, tty
# and memory (each in 2 rounds of 13 faults out of 24: a tty fault costs a
# new shell, about 1.4 s; the character drivers' failures that the rule
# counts are real and not rare, docs/fault-injection.md), on scratch
# copies of the pristine disk; passes if the exit
# rule holds (no kernel panic, system hang or corrupted byte, e2fsck
# clean) and the campaign did inject and see restarts.
fi_targets=virtio_blk,virtio_blk,virtio_blk,virtio_blk,virtio_blk,memory
fi_targets+=,virtio_blk,virtio_blk,virtio_blk,virtio_blk,virtio_blk,tty
out=$(timeout -k 5 400 tools/fi.py run --faults 312 --seed "${FI_TEST_SEED:-6}" --jobs 2 \
	--targets $fi_targets \
	--timeout 10 --name test-campaign --tap 2>/dev/null)
echo "$out"
add_closing "$out"

echo "== the example rtc driver: service up, read, service fi, read (QEMU, TCG)"
scratch_disk build/session-disk.img
QEMU_EXTRA+=" -rtc base=2020-01-02T03:04:05"
out=$(tools/rtc-session.py build/os.iso build/rtc-session.log 2>&1)
unset QEMU_EXTRA
echo "$out"
add_closing "$out"

echo "== docs/writing-drivers.md followed: build out of tree, run, crash, refusals (QEMU, TCG)"
out=$(tools/tutorial-test.py build/tutorial-session.log 2>&1)
echo "$out"
add_closing "$out"

echo "== the root disk: persistence, oracles, power cut (QEMU, TCG)"
# Scratch copies of the pristine disk images, 4 KiB and 1 KiB blocks, on
# virtio-blk (os.iso) and on IDE (os-ide.iso: its root on at_wini's disk).
for kind in virtio ide; do
	iso=build/os.iso
	[ $kind = ide ] && iso=build/os-ide.iso
	for img in test-disk test-disk-1k; do
		cp build/$img.img build/persist-$kind-$img.img
		out=$(DISK=$kind tools/disk-session.py $iso build/persist-$kind-$img.img \
			build/disk-session-$kind-$img.log 2>&1)
		echo "$out" | sed "s/^\(not \)\{0,1\}ok [0-9]* - /&$kind $img: /"
		add_closing "$out"
	done
done

echo "== host checks of the guest runs"
# Refusals (failed grant checks among them) are logged by one kdiag(),
# rate-limited: at most 5 lines per process per second, and the grant
# fuzz test overflows that limit.
rate_ok() {
	awk '/^kdiag: t=/ { k = $2 " " $4; if (++n[k] > 5) bad = 1 }
	     END { exit bad }' build/test-debug.log &&
		grep -q 'grant .* refused: ' build/test-debug.log &&
		grep -q 'more refusals not shown' build/test-debug.log
}
check "refusals are logged, rate-limited per process" rate_ok
# The tty echoed the input with its editing (backspace-space-backspace for
# the DEL, for each character ^U and ^W killed, a bell for each character
# past 4095), then wrote the test's lines; then a bell per dropped line.
tty_ok() {
	local rub='\b \b' want
	want="hello\r\nabc${rub}d\r\nx${rub}yz\r\ntail\r\n"
	want+="one two$rub$rub${rub}three\r\na.b/$rub${rub}c\r\n"
	want+="$(printf '%4095s' '' | tr ' ' x)\a\a${rub}y\r\n"
	want+="out line\r\n@@@e@abc^Z\r\ndef\r\n"
	# The flood: no echo, a bell for each of the 4245 lines dropped.
	want+="@$(printf '%4245s' '' | sed 's/ /\\a/g')"
	# Held output (TCXONC): 16128 'z' that filled the output queue (all
	# of it but the room kept for echo), then the 10 'w' of the write
	# that waited for room.
	want+="$(printf '%16128s' '' | tr ' ' z)wwwwwwwwww"
	printf "$want" | cmp -s - build/test-com2.log
}
check "the tty echoes and edits input, and writes output" tty_ok
# The virtio_blk tests' disk holds what their writes left, nothing else:
# the refused requests touched nothing.
check "virtio_blk: the disk holds exactly the tests' writes" tools/vblk-image.py check build/vblk-test.img
# A kernel panic prints registers and a backtrace and leaves QEMU with the
# panic code (37), never hanging.
panic_ok() {
	local out
	out=$(tools/qemu-test.sh build/panic.iso build/panic 60)
	[ $? -ne 0 ] && grep -q 'kernel panic (see' <<<"$out" &&
		grep -q 'kernel panic: self-test' build/panic-serial.log &&
		grep -q '^backtrace: [0-9a-f]' build/panic-serial.log
}
check "a kernel panic reports and exits QEMU with the failure code" panic_ok
# The image `make run` boots carries no test privileges: no test module,
# no test service in its system.conf, no test program named in its kernel
# (its code and data: debug information may name the build's directory).
no_test_privs() {
	local d
	d=$(mktemp -d) || return 1
	xorriso -osirrox on -indev build/os.iso -extract /boot "$d/boot" >/dev/null 2>&1 &&
		[ -s "$d/boot/system.conf" ] && [ -s "$d/boot/kernel" ] &&
		[ ! -e "$d/boot/runner" ] && [ ! -e "$d/boot/bench" ] &&
		! grep -qE '^service (runner|bench)' "$d/boot/system.conf" &&
		${CROSS:-i686-linux-gnu-}strip --strip-all -o "$d/kernel" "$d/boot/kernel" &&
		! grep -qaE 'runner|bench' "$d/kernel"
	local r=$?
	chmod -R u+w "$d"; rm -rf "$d"
	return $r
}
check "the production image (os.iso) carries no test privileges" no_test_privs
# A boot module's command line longer than the kernel takes (258 words)
# is never cut short: the boot stops, naming the module.
longargs_ok() {
	local out
	out=$(tools/qemu-test.sh build/longargs.iso build/longargs 60)
	[ $? -ne 0 ] && grep -q "kernel panic: boot module 'hello': command line longer than 256 words or 4096 bytes" build/longargs-serial.log
}
check "a boot module's command line too long stops the boot, naming it" longargs_ok

echo "== harness self-check (each of these must be reported as a failure)"
# A host test that prints "ok" lines and then crashes, with no closing line.
crash_fails() {
	mkdir -p build/harness
	cc -o build/harness/crash tests/harness/crash.c || return 1
	local out rc
	out=$(build/harness/crash 2>&1)
	rc=$?
	out=$(verdict crash "$rc" "$out")
	[ $? -ne 0 ] && grep -q '^not ok - crash: killed by signal 11$' <<<"$out"
}
check "a host test that crashes after printing ok lines fails" crash_fails
# An in-guest test that hangs, and one that crashes: the runner reports
# both as failures ("runner selfcheck").
guest_hang_fails() {
	local out
	out=$(tools/qemu-test.sh build/selfcheck.iso build/selfcheck 60)
	[ $? -ne 0 ] &&
		grep -q '^not ok 1 - selfcheck_hang: timed out$' <<<"$out" &&
		grep -q '^not ok 2 - selfcheck_crash: test process killed' <<<"$out" &&
		[ "$(tail -n 1 <<<"$out")" = "0 passed, 2 failed" ]
}
check "in-guest tests that hang or crash fail" guest_hang_fails
# A guest that never finishes (the bare-kernel demo idles forever) is
# stopped by the host timeout and counted as a failure.
guest_timeout_fails() {
	local out
	out=$(tools/qemu-test.sh build/hello.iso build/hang 5 2>&1)
	[ $? -ne 0 ] && grep -q '^not ok - hello.iso: timed out after 5s$' <<<"$out" &&
		[ "$(tail -n 1 <<<"$out")" = "0 passed, 1 failed" ]
}
check "a guest that never finishes times out and fails" guest_timeout_fails

echo "== docs name only what exists"
out=$(tools/check-docs.py 2>&1)
echo "$out"
add_closing "$out"

echo "== total"
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
