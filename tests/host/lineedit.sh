#!/bin/bash
# lineedit.sh - tests of the shell's line editor (commands/sh/lineedit.c)
# on the host.
#
# Builds tests/host/le-host.c with lineedit.c (host compiler, ASan/UBSan)
# into build/host/le-host, checks its plain reading when input is not a
# terminal, then runs the key tests through a pseudo-terminal
# (tests/host/lineedit.py, python3).  Prints TAP lines and
# "N passed, N failed"; exits non-zero on failure.
#
#	bash tests/host/lineedit.sh
set -u

. "$(dirname "$0")/lib.sh"
LE=$OUT/le-host

mkdir -p "$OUT"
rm -f "$LE"
if ! host_cc "$LE" "$ROOT/tests/host/le-host.c" \
    "$ROOT/commands/sh/lineedit.c"; then
	not_ok "build le-host"
	finish
fi
ok "build le-host"

scratch

# plain NAME WANT INPUT [ARGS...]: le-host ARGS with INPUT (a printf
# format) on a pipe; stdout and stderr together must be WANT, status 0.
plain() {
	local name=$1 want=$2 input=$3
	shift 3
	printf "$input" | "$LE" "$@" >"$T/got" 2>&1
	st=$?
	printf '%s' "$want" >"$T/want"
	if cmp -s "$T/want" "$T/got" && [ $st -eq 0 ]; then
		ok "$name"
	else
		not_ok "$name"
		echo "# status $st; want:"
		sed 's/^/#   /' "$T/want"
		echo "# got:"
		sed 's/^/#   /' "$T/got"
	fi
}

# ---- Not a terminal: the prompt, then plain lines ----
plain "not a terminal: lines as they are" \
    $'> [one]\n> [ two  ]\n> []\n> <eof>\n' 'one\n two  \n\n'
plain "not a terminal: no editing, escapes kept" \
    $'> [a\x7fb\x1b[Dc\x15]\n> <eof>\n' 'a\177b\033[Dc\025\n'
plain "not a terminal: a last line without a newline" \
    $'> [last]\n> <eof>\n' 'last'
plain "not a terminal: empty input is the end" $'> <eof>\n' ''
plain "not a terminal: a line too long is reported and skipped" \
    $'> line too long: skipped\n[ok]\n> line too long: skipped\n<eof>\n' \
    '01234567\nok\n0123456789' 8
plain "not a terminal: a line of size - 1 fits" \
    $'> [0123456]\n> <eof>\n' '0123456\n' 8
plain "not a terminal: nothing after the line is read" \
    $'> [first]\nrest: second\nthird\n' 'first\nsecond\nthird\n' 64 once

# ---- Keys, through a pseudo-terminal ----
if command -v python3 >/dev/null 2>&1; then
	N0=$n python3 "$ROOT/tests/host/lineedit.py" "$LE" >"$T/pty.out" 2>&1
	st=$?
	cat "$T/pty.out"
	p=$(grep -c '^ok ' "$T/pty.out")
	f=$(grep -c '^not ok ' "$T/pty.out")
	n=$((n + p + f)) pass=$((pass + p)) fail=$((fail + f))
	if [ $st -ne 0 ] || [ $((p + f)) -lt 40 ]; then
		not_ok "pty key tests ran to the end (status $st, $((p + f)) cases)"
	fi
else
	ok "pty key tests # SKIP no python3"
fi

finish
