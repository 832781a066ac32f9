#!/bin/bash
# test.sh - everything `make test` runs: the host unit tests, then the
# in-guest test image under QEMU.  Ends with one line "N passed, N failed"
# summing both; exits non-zero if anything failed.
set -u
cd "$(dirname "$0")/.."
pass=0 fail=0

add() { # add the counts of a closing line "N passed, M failed"
	local line=$1 p f
	p=${line%% passed*}
	f=${line#*passed, }
	f=${f%% failed*}
	pass=$((pass + p)) fail=$((fail + f))
}

echo "== build"
if ! make -s all build/test.iso build/panic.iso build/utest.iso build/os.iso; then
	echo "build failed"
	echo "0 passed, 1 failed"
	exit 1
fi

echo "== host unit tests"
if ! make -s -C tests/host; then
	echo "not ok - host tests do not build"
	fail=$((fail + 1))
fi
for t in build/host/test_*; do
	[ -x "$t" ] || continue
	out=$("$t" 2>&1)
	rc=$?
	grep -E '^not ok' <<<"$out"
	line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' <<<"$out" | tail -n 1)
	if [ -z "$line" ] || [ $rc -ne 0 ] && [ "${line#*passed, }" = "0 failed" ]; then
		echo "not ok - $(basename "$t"): exit status $rc"
		fail=$((fail + 1))
	fi
	echo "$(basename "$t"): ${line:-no closing line}"
	[ -n "$line" ] && add "$line"
done

# Host scripts that drive host builds of our programs (the shell).
for t in tests/host/*.sh; do
	case $t in */ext2-images.sh) continue ;; esac
	out=$(bash "$t" 2>&1)
	rc=$?
	grep -E '^not ok' <<<"$out"
	line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' <<<"$out" | tail -n 1)
	echo "$(basename "$t"): ${line:-no closing line}"
	if [ -n "$line" ]; then
		add "$line"
		[ $rc -eq 0 ] || [ "${line#*passed, }" != "0 failed" ] || { echo "not ok - $t: exit status $rc"; fail=$((fail + 1)); }
	else
		echo "not ok - $t: no closing line (exit status $rc)"
		fail=$((fail + 1))
	fi
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
out=$(tools/qemu-test.sh build/test.iso build/test 300)
unset COM2_INPUT
echo "$out"
add "$(tail -n 1 <<<"$out")"

echo "== user-mode OS: /bin/tests under init (QEMU, TCG)"
out=$(tools/qemu-test.sh build/utest.iso build/utest 300)
echo "$out"
add "$(tail -n 1 <<<"$out")"

echo "== shell session over the serial console (QEMU, TCG)"
out=$(tools/shell-session.sh build/os.iso build/shell-session.log)
echo "$out"
add "$(tail -n 1 <<<"$out")"

echo "== host checks of the guest runs"
check() { # check NAME CONDITION...: one more TAP-style line
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
# Grant diagnostics are rate-limited: at most 5 lines per process per
# second, and the fuzz test overflows that limit.
rate_ok() {
	awk '/^grant: t=/ { k = $2 " " $4; if (++n[k] > 5) bad = 1 }
	     END { exit bad }' build/test-debug.log &&
		grep -q 'more failures not shown' build/test-debug.log
}
check "grant diagnostics are rate-limited per process" rate_ok
# The tty echoed the input with its editing (backspace-space-backspace for
# the DEL and for each character ^U or ^W erased, a bell for each byte
# past 4095), then wrote the test's line; its '@'s, with nothing echoed in
# non-canonical mode without ECHO; "e" with ECHO; the ^Z.
tty_ok() {
	local rub='\b \b' want
	want="hello\r\nabc${rub}d\r\nx${rub}yz\r\ntail\r\n"
	want+="one two$rub$rub${rub}three\r\na.b/$rub${rub}c\r\n"
	want+="$(printf '%4095s' '' | tr ' ' x)\a\a${rub}y\r\n"
	want+="out line\r\n@@@e@abc^Z\r\ndef\r\n"
	printf "$want" | cmp -s - build/test-com2.log
}
check "the tty echoes and edits input, and writes output" tty_ok
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

echo "== total"
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
