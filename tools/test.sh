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
if ! make -s all build/test.iso; then
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

echo "== total"
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
