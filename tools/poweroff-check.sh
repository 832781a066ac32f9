#!/bin/bash
# poweroff-check.sh [IMAGE] [COMMAND] - boot IMAGE (build/os.iso) with the
# QEMU command line of `make run`, wait for the shell prompt, type COMMAND
# (poweroff) and check that QEMU exits with status 0 by itself (reboot
# does too, under -no-reboot).  Prints one TAP line and "N passed, N
# failed"; exits 0 if it passed.
set -u
img=${1:-build/os.iso} cmd=${2:-poweroff}
QEMU=${QEMU:-qemu-system-i386}
log=build/poweroff-check.log
: > "$log"

coproc VM { timeout -k 5 90 "$QEMU" -m 128M -no-reboot -nographic -boot d \
	-device isa-debug-exit,iobase=0xf4,iosize=0x04 -cdrom "$img" \
	-debugcon file:build/poweroff-check-debug.log 2>&1; }
vm_pid=$VM_PID
exec {vm_in}>&"${VM[1]}" {vm_out}<&"${VM[0]}"

# The prompt: "# " at the end of what came so far.
seen="" prompt=0
while IFS= read -r -d '' -n 1 -t 60 -u "$vm_out" c; do
	seen+=$c
	printf '%s' "$c" >> "$log"
	if [[ $seen == *"# " ]]; then
		prompt=1
		break
	fi
done
if [ $prompt -eq 1 ]; then
	printf '%s\n' "$cmd" >&"$vm_in"
	cat <&"$vm_out" >> "$log"
fi
wait "$vm_pid"
rc=$?
if [ $prompt -eq 1 ] && [ $rc -eq 0 ]; then
	echo "ok 1 - $cmd at the shell prompt leaves QEMU with status 0"
	echo "1 passed, 0 failed"
	exit 0
fi
[ $prompt -eq 1 ] || echo "# no shell prompt within 60 s"
echo "not ok 1 - $cmd at the shell prompt: QEMU exit status $rc (124: timed out); see $log"
echo "0 passed, 1 failed"
exit 1
