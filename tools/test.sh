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
if ! make -s all build/test.iso build/panic.iso; then
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

echo "== in-guest tests (QEMU, TCG)"
out=$(tools/qemu-test.sh build/test.iso build/test 300)
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
