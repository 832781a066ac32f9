#!/bin/bash
# qemu-test.sh IMAGE LOGPREFIX [TIMEOUT] - boot a test image under TCG with
# a host timeout; keep the serial log (LOGPREFIX-serial.log) and the kernel
# log (LOGPREFIX-debug.log).  Prints the guest's TAP lines and, last, its
# "N passed, N failed" line (with one more failure if the run did not end
# cleanly).  Exit 0 only if QEMU left through isa-debug-exit with the pass
# code and the closing line says 0 failed.
#
# QEMU_EXTRA adds words to QEMU's command line (-icount shift=0 for the
# scheduler's tests, whose figures are guest instructions).
#
# With COM2_INPUT set (a printf format), COM2 is a pipe pair: the guest
# reads those bytes from it, and what it writes there is kept in
# LOGPREFIX-com2.log (the tty driver's tests).  QEMU_EXTRA, if set, is
# more QEMU arguments (words), e.g. a disk (make disk-args FILE=...).  COM2_INPUT is sent in
# parts split at "@@": the first at once, part k+1 once the guest has
# written its k-th '@' on COM2 (so input can follow a mode change).
set -u
img=$1 log=$2 limit=${3:-300}
QEMU=${QEMU:-qemu-system-i386}
com2=()
feed_com2() { # feed_com2 LOG LIMIT: COM2_INPUT, part by part
	local rest=$COM2_INPUT part k=0 i
	while :; do
		part=${rest%%@@*}
		if [ $k -gt 0 ]; then
			for ((i = 0; i < $2 * 20; i++)); do
				[ "$(tr -cd @ < "$1" | wc -c)" -ge $k ] && break
				sleep 0.05
			done
		fi
		printf "$part"
		k=$((k + 1))
		[ "$part" != "$rest" ] || break
		rest=${rest#*@@}
	done
}
if [ -n "${COM2_INPUT:-}" ]; then
	fifo=$(mktemp -d)
	mkfifo "$fifo/c2.in" "$fifo/c2.out"
	cat "$fifo/c2.out" > "$log-com2.log" &
	reader=$!
	feed_com2 "$log-com2.log" "$limit" > "$fifo/c2.in" &
	feeder=$!
	com2=(-chardev "pipe,id=c2,path=$fifo/c2" -serial chardev:c2)
fi
timeout --foreground -k 5 "$limit" "$QEMU" -m 128M -no-reboot -boot d \
	-display none -monitor none -serial stdio "${com2[@]}" \
	-device isa-debug-exit,iobase=0xf4,iosize=0x04 \
	-debugcon "file:$log-debug.log" -cdrom "$img" ${QEMU_EXTRA:-} </dev/null \
	| tr -d '\r' > "$log-serial.log"
rc=${PIPESTATUS[0]}
if [ -n "${COM2_INPUT:-}" ]; then
	sleep 0.2
	kill "$reader" "$feeder" 2>/dev/null
	rm -rf "$fifo"
fi
grep -E '^(ok|not ok) ' "$log-serial.log"
closing=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$log-serial.log" | tail -n 1)
pass=0 fail=0
if [ -n "$closing" ]; then
	pass=${closing%% passed*}
	fail=${closing#*passed, }
	fail=${fail%% failed*}
fi
why=""
case $rc in
33) ;;
35) [ "$fail" -gt 0 ] || why="guest reported failure without a failed test" ;;
37) why="kernel panic (see $log-serial.log)" ;;
124|137) why="timed out after ${limit}s" ;;
*) why="QEMU exited with status $rc" ;;
esac
[ -n "$closing" ] || why="${why:-no closing line}"
if [ -n "$why" ]; then
	echo "not ok - $(basename "$img"): $why"
	grep -A12 'kernel panic' "$log-serial.log" || tail -n 5 "$log-serial.log"
	fail=$((fail + 1))
fi
echo "$pass passed, $fail failed"
[ "$rc" = 33 ] && [ "$fail" = 0 ]
