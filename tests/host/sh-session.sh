#!/bin/bash
# sh-session.sh - end-to-end tests of the shell (commands/sh) on the host.
#
# Builds the shell with the host compiler (ASan/UBSan) into
# build/host/sh-host, runs scripted sessions against it in a scratch
# directory and compares their exact output and exit status.  The ^C
# tests drive an interactive shell on a pseudo-terminal through python3,
# with job control (the pty is the controlling terminal) and without it
# (fallback: no controlling terminal, SIGINT sent to the process group).
# Prints TAP lines and "N passed, N failed"; exits non-zero on failure.
#
#	bash tests/host/sh-session.sh
set -u

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT=$ROOT/build/host
SH=$OUT/sh-host
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

mkdir -p "$OUT"
if ! $CC -std=gnu11 -O1 -g -Wall -Wextra -Werror -D_GNU_SOURCE \
    -fsanitize=address,undefined -o "$SH" \
    "$ROOT"/commands/sh/*.c; then
	not_ok "build sh-host"
	finish
fi
ok "build sh-host"

T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
W=$T/w
mkdir -p "$W/sub"
W=$(cd "$W" && pwd -P)
export SH_TEST_VAR=inherited

# check NAME WANT_STATUS WANT_OUTPUT: compare the last run's output
# (stdout and stderr together) and status.
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

# t NAME WANT_STATUS WANT_OUTPUT SCRIPT: run sh -c SCRIPT in $W.
t() {
	(cd "$W" && "$SH" -c "$4" >"$T/got" 2>&1 </dev/null)
	got_st=$?
	check "$1" "$2" "$3"
}

# t_stdin NAME WANT_STATUS WANT_OUTPUT INPUT: feed INPUT to sh on stdin.
t_stdin() {
	(cd "$W" && printf '%s' "$4" | "$SH" >"$T/got" 2>&1)
	got_st=$?
	check "$1" "$2" "$3"
}

# ---- Pipelines and redirections ----
t "echo hi | cat" 0 $'hi\n' 'echo hi | cat'
t "external echo through a pipe" 0 $'hi there\n' '/bin/echo hi there | cat'
t "> creates and truncates" 0 $'one\n' 'echo zero > f; echo one > f; cat f'
t ">> appends" 0 $'one\ntwo\n' 'echo two >> f; cat f'
t "< reads" 0 $'ONE\nTWO\n' 'tr a-z A-Z < f'
t "redirections before the command" 0 $'ONE\nTWO\n' '<f >g tr a-z A-Z; cat g'
t "pipeline of three" 0 $'a\nb\n' "printf 'b\\nc\\na\\n' | sort | head -n 2"
t "pipeline of four with cat" 0 $'3\n' "printf 'x\\ny\\nz\\n' | cat | cat | wc -l"
t "2>&1 into a pipe" 0 $'SH: NOSUCHCMD: NOT FOUND\n' 'nosuchcmd 2>&1 | tr a-z A-Z'
t "2>/dev/null" 0 $'127\n' 'nosuchcmd 2>/dev/null; echo $?'
t "builtin output redirected, then restored" 0 $'after\nin file\n' \
    'echo in file > h; echo after; cat h'
t "cannot open" 0 $'sh: cannot open nofile: No such file or directory\n1\n' \
    'cat < nofile; echo $?'

# ---- Status ----
t "\$? after false and true" 0 $'1\n0\n' 'false; echo $?; true; echo $?'
t "\$? of an external command" 0 $'3\n' 'sh -c "exit 3"; echo $?'
t "! negates" 0 $'1\n0\n' '! true; echo $?; ! false; echo $?'
t "&& and ||" 0 $'a\nd\n' 'true && echo a || echo b; false && echo c || echo d'
t "pipeline status is the last command's" 0 $'0\n1\n' \
    'false | true; echo $?; true | false; echo $?'
t "not found is 127" 0 $'sh: nosuchcmd: not found\n127\n' 'nosuchcmd; echo $?'
t "killed by a signal is 128+sig" 0 $'143\n' \
    "$SH -c 'kill -TERM \$\$'; echo \$?"
t "exit N" 7 '' 'exit 7; echo not here'
t "exit without N keeps \$?" 1 '' 'false; exit'
t "exit in a pipeline leaves the shell running" 0 $'still here\n' \
    'exit 3 | cat; echo still here'

# ---- Builtins ----
t "cd and pwd" 0 "$W/sub"$'\n'"$W"$'\n' 'cd sub; pwd; cd ..; pwd'
t "cd - goes back" 0 "$W"$'\n'"$W"$'\n' 'cd sub; cd -; pwd'
t "cd with no argument goes HOME" 0 "$W/sub"$'\n' "HOME=$W/sub; cd; pwd"
t "cd to a missing directory" 0 \
    $'sh: cd: nosuch: No such file or directory\n1\n' 'cd nosuch; echo $?'
t "cd in a pipeline does not change the shell" 0 "$W"$'\n' 'cd sub | cat; pwd'
t "& and wait" 0 $'first\nbg\n' \
    'echo bg > bgout & echo first; wait; cat bgout'
t "wait \$! returns the status" 0 $'5\n' 'sh -c "exit 5" & wait $!; echo $?'
t "background and-or list" 0 $'a\nb\n' 'true && echo a > x & wait; cat x; echo b'
t "\$! is set" 0 $'yes\n' 'true & [ "$!" -gt 0 ] && echo yes; wait'

# ---- Words ----
t "quoting" 0 $'a  b c  v d  e $X\n' \
    'X=v; echo '\''a  b'\'' "c  $X" d\ \ e '\''$X'\'
t "escapes in double quotes" 0 $'$X "q" \\ \\n\n' 'echo "\$X \"q\" \\ \n"'
t "variables and unset" 0 $'1 2\n[]\n' 'A=1; B="$A 2"; echo $B; unset A; echo "[$A]"'
t "field splitting of unquoted variables" 0 $'3\n1\n' \
    'V="a  b c"; sh -c "echo \$#" x $V; sh -c "echo \$#" x "$V"'
t "\${NAME} and \$\$" 0 $'xvaly\nok\n' \
    'N=val; echo x${N}y; [ "$$" -gt 1 ] && echo ok'
t "prefix assignment reaches the environment only" 0 $'pv\n[]\n' \
    'PV=pv printenv PV; echo "[$PV]"'
t "export" 0 $'xy\n1\n' 'export V=xy; printenv V; W=1; printenv W; echo $?'
t "environment is inherited" 0 $'inherited\n' 'printenv SH_TEST_VAR'
t "comments and continuation lines" 0 $'one two\nx\ny\n' \
    $'echo one \\\n  two # comment\n# whole line\necho "x\ny"'
t "tilde" 0 "$W/sub/x"$'\n' "HOME=$W/sub; echo ~/x"

# ---- Errors ----
t "syntax error message and status" 2 $'sh: syntax error near \'|\'\n' \
    'echo before; echo a | | b'
t "syntax error: unterminated quote" 2 \
    $'sh: syntax error: unterminated quote\n' "echo 'abc"

# ---- Scripts ----
cat >"$W/script.sh" <<'EOF'
# a script file
echo "script $0 has $# args: $1 $2"
fi
EOF
cat >"$W/script2.sh" <<'EOF'
echo "line 1"
X=from-script
echo "$X" | tr a-z A-Z
false
EOF
(cd "$W" && "$SH" script2.sh >"$T/got" 2>&1)
got_st=$?
check "sh script.sh runs a file" 1 $'line 1\nFROM-SCRIPT\n'

(cd "$W" && "$SH" script.sh a b >"$T/got" 2>&1)
got_st=$?
check "script with a syntax error stops with 2" 2 \
    $'script script.sh has 2 args: a b\nsh: syntax error near \'fi\'\n'

printf 'echo "no #! line, arg $1"\n' >"$W/noshebang"
chmod +x "$W/noshebang"
t "executable without #! runs as a script" 0 $'no #! line, arg z\n' \
    './noshebang z'
t "missing script file" 127 \
    $'sh: cannot open nosuch.sh: No such file or directory\n' \
    "$SH nosuch.sh"
mkdir -p "$W/bin"
printf '#!/bin/sh\necho mycmd ran\n' >"$W/bin/mycmd"
chmod +x "$W/bin/mycmd"
t "PATH search" 127 $'mycmd ran\nsh: mycmd: not found\n' \
    "PATH=$W/bin:/usr/bin:/bin; mycmd; PATH=/nonexistent mycmd"
t "a name with / is not searched" 0 $'sh: bin/nosuch: not found\n127\n' \
    'bin/nosuch; echo $?'

# ---- Standard input ----
t_stdin "commands from stdin" 4 $'from stdin\n' \
    $'echo from stdin\nexit 4\necho not here\n'
t_stdin "children read the rest of stdin" 0 $'hello\nafter\n' \
    $'dd bs=1 count=6 2>/dev/null\nhello\necho after\n'
t_stdin "multi-line command from stdin" 0 $'a\nb\n' $'echo a &&\n  echo b\n'
t_stdin "non-interactive syntax error exits" 2 \
    $'sh: syntax error near \';\'\n' $'; echo no\necho no\n'

# ---- ^C on a terminal ----
cat >"$T/ptysession.py" <<'EOF'
# ptysession.py MODE SH: drive an interactive sh on a pseudo-terminal.
#   jc: the pty is sh's controlling terminal; ^C typed as \x03.
#   fallback: no controlling terminal; ^C is SIGINT to sh's process group.
import os, pty, select, signal, sys, time

mode, sh = sys.argv[1], sys.argv[2]
if mode == "jc":
    pid, fd = pty.fork()
    if pid == 0:
        os.execv(sh, [sh])
else:
    fd, slave = pty.openpty()
    pid = os.fork()
    if pid == 0:
        os.setsid()		# a session without a controlling terminal
        for i in range(3):
            os.dup2(slave, i)
        os.execv(sh, [sh])
    os.close(slave)

buf = b""
def read_until(want, timeout=5.0):
    global buf
    end = time.time() + timeout
    while want not in buf and time.time() < end:
        r, _, _ = select.select([fd], [], [], 0.1)
        if r:
            try:
                data = os.read(fd, 4096)
            except OSError:
                break
            if not data:
                break
            buf += data
    return want in buf

def intr():
    if mode == "jc":
        os.write(fd, b"\x03")
    else:
        os.killpg(pid, signal.SIGINT)

read_until(b"# ")
os.write(fd, b"sleep 30\n")
time.sleep(0.7)
t0 = time.time()
intr()
os.write(fd, b"echo alive $?\n")
r1 = read_until(b"alive 130") and time.time() - t0 < 5
time.sleep(0.3)
intr()				# at the prompt: the shell stays
time.sleep(0.3)
os.write(fd, b"echo still $?\n")
r2 = read_until(b"still 130")
os.write(fd, b"sleep 1 &\n")
r3 = read_until(b"[1] ") and read_until(b"\r\n# ")
intr()				# a background job does not see it
time.sleep(0.2)
os.write(fd, b"wait $!; echo bg $?\n")
r4 = read_until(b"bg 0")
os.write(fd, b"sleep 30; echo not''printed\n")
time.sleep(0.7)
intr()				# ends the whole command line
os.write(fd, b"echo next $?\n")
r5 = read_until(b"next 130") and b"notprinted" not in buf
buf = b""
os.write(fd, b"sleep 5 &\n")
read_until(b"[1] ")
os.write(fd, b"wait\n")
time.sleep(0.7)
intr()				# ends the wait builtin
os.write(fd, b"echo w $?; kill $!\n")
r6 = read_until(b"w 130")
os.write(fd, b"exit 3\n")
st = None
end = time.time() + 5
while time.time() < end:
    read_until(b"\0", 0.1)
    p, status = os.waitpid(pid, os.WNOHANG)
    if p == pid:
        st = os.waitstatus_to_exitcode(status)
        break
if st is None:
    os.kill(pid, signal.SIGKILL)
for name, r in (("^C stops the foreground job", r1),
        ("^C at the prompt keeps the shell", r2),
        ("& prints [N] pid", r3), ("^C spares background jobs", r4),
        ("^C ends the command line", r5), ("^C ends wait", r6),
        ("exit status", st == 3)):
    print("%s %s" % ("ok" if r else "not ok", name))
sys.stderr.write(repr(buf) + "\n")
EOF

if command -v python3 >/dev/null 2>&1; then
	for mode in jc fallback; do
		python3 "$T/ptysession.py" "$mode" "$SH" >"$T/pty.out" 2>"$T/pty.err"
		if [ ! -s "$T/pty.out" ]; then
			not_ok "pty session ($mode) ran"
			sed 's/^/# /' "$T/pty.err"
			continue
		fi
		bad=0
		while read -r res rest; do
			if [ "$res" = ok ]; then
				ok "$rest ($mode)"
			else
				not_ok "${rest#ok } ($mode)"
				bad=1
			fi
		done <"$T/pty.out"
		[ $bad -eq 0 ] || sed 's/^/# transcript: /' "$T/pty.err"
	done
else
	for mode in jc fallback; do
		ok "pty session ($mode) # SKIP no python3"
	done
fi

finish
