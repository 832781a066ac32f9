# lib.sh - what the host test scripts (cmds.sh, sh-session.sh,
# lineedit.sh) share; sourced, never run (tools/test.sh skips it).
#
# Sets ROOT (the tree), OUT (build/host) and CC; ok, not_ok and finish
# print TAP lines and the closing "N passed, N failed" that tools/test.sh
# reads; host_cc builds a program with our warning and sanitizer flags;
# scratch makes the scratch directory $T; check compares the last run's
# output ($T/got) and status ($got_st); relay passes on the verdicts a
# pseudo-terminal session printed.

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT=$ROOT/build/host
CC=${CC:-gcc}

n=0
pass=0
fail=0

ok() {
	n=$((n + 1))
	pass=$((pass + 1))
	echo "ok $n - $1"
}

not_ok() {
	n=$((n + 1))
	fail=$((fail + 1))
	echo "not ok $n - $1"
}

finish() {
	echo "$pass passed, $fail failed"
	[ "$fail" -eq 0 ]
	exit
}

# host_cc OUTPUT ARGS...: compile ARGS (flags and sources) into OUTPUT
# with the host compiler, warnings as errors, ASan and UBSan.
host_cc() {
	local out=$1
	shift
	$CC -std=gnu11 -O1 -g -Wall -Wextra -Werror \
	    -fsanitize=address,undefined -o "$out" "$@"
}

# scratch: a scratch directory in $T, removed on exit.
scratch() {
	T=$(mktemp -d)
	trap 'rm -rf "$T"' EXIT
}

# check NAME WANT_STATUS WANT_OUTPUT: compare the last run's output
# ($T/got: stdout and stderr together) and status ($got_st).
check() {
	local name=$1 want_st=$2 want=$3
	printf '%s' "$want" >"$T/want"
	if cmp -s "$T/want" "$T/got" && [ "$got_st" -eq "$want_st" ]; then
		ok "$name"
	else
		not_ok "$name"
		echo "# status: got $got_st want $want_st"
		echo "# want:"
		sed 's/^/#   /' "$T/want"
		echo "# got:"
		sed 's/^/#   /' "$T/got"
	fi
}

# relay WHAT SUFFIX: the verdicts ("ok NAME" / "not ok NAME" lines) a
# pseudo-terminal session WHAT printed into $T/pty.out, as ours with
# " (SUFFIX)" after each name; its transcript ($T/pty.err) as comments
# if one failed, or if it printed nothing (one more failure).
relay() {
	local what=$1 suffix=$2 res rest bad=0
	if [ ! -s "$T/pty.out" ]; then
		not_ok "$what ran"
		sed 's/^/# /' "$T/pty.err"
		return
	fi
	while read -r res rest; do
		if [ "$res" = ok ]; then
			ok "$rest ($suffix)"
		else
			not_ok "${rest#ok } ($suffix)"
			bad=1
		fi
	done <"$T/pty.out"
	[ $bad -eq 0 ] || sed 's/^/# transcript: /' "$T/pty.err"
}
