#!/bin/bash
# cmds.sh - end-to-end tests of the commands (commands/*) on the host.
#
# Builds every command of the list below with the host compiler
# (ASan/UBSan) into build/host/cmds/, together with the helpers the
# commands share (lib/cmdutil), our getopt (lib/libc/getopt.c) and, for
# grep, our regex engine (lib/libc/regex.c), both renamed to mg_* so that
# the host C library's are never used.  Then runs each command and
# option on fixtures in a scratch directory (the files of rootfs/test,
# which the guest has in /test, and generated ones) and compares the exact output (stdout and stderr together) and
# exit status.  The writing commands (mkdir -p, rm -r, cp -r, tee) are
# checked here by the exact trees they leave, with canary files that
# must stay untouched: the guest's root is read-only.
# Prints TAP lines and "N passed, N failed"; exits non-zero on failure.
#
#	bash tests/host/cmds.sh
set -u

. "$(dirname "$0")/lib.sh"
BIN=$OUT/cmds
CMDS="head tail wc grep more tee test env uname date which basename dirname
	yes seq printf sort uniq cut tr od mkdir rm cp cat ls echo"

# ---- build ----
rm -rf "$BIN" "$OUT/cmds-inc"
mkdir -p "$BIN" "$OUT/cmds-inc"
ln -s "$ROOT/include/regex.h" "$OUT/cmds-inc/regex.h"
RENAME="-Dgetopt=mg_getopt -Doptarg=mg_optarg -Doptind=mg_optind
	-Dopterr=mg_opterr -Doptopt=mg_optopt"
built=1
# lib/cmdutil as an archive, as the guest links it: each command takes
# what it uses (kill's options need our str2sig(), see sh-session.sh).
LIBCMDUTIL=$OUT/cmdutil/libcmdutil.a
rm -rf "$OUT/cmdutil"
mkdir -p "$OUT/cmdutil"
for f in "$ROOT"/lib/cmdutil/*.c "$ROOT/lib/libc/sig2str.c"; do
	if ! host_cc "$OUT/cmdutil/$(basename "$f" .c).o" -c -D_GNU_SOURCE \
	    -include "$ROOT/tests/host/sig2str-host.h" "$f"; then
		not_ok "build $f"
		finish
	fi
done
ar rcs "$LIBCMDUTIL" "$OUT"/cmdutil/*.o
for c in $CMDS; do
	extra=
	[ "$c" = grep ] && extra=$ROOT/lib/libc/regex.c
	# shellcheck disable=SC2086
	if ! host_cc "$BIN/$c" -Wno-unused-parameter -D_GNU_SOURCE \
	    -DHOST_TEST -I"$OUT/cmds-inc" $RENAME \
	    "$ROOT"/commands/"$c"/*.c "$ROOT/lib/libc/getopt.c" $extra \
	    "$LIBCMDUTIL"; then
		not_ok "build $c"
		built=0
	fi
done
[ $built = 1 ] || finish
ln -s test "$BIN/["
ok "build the commands"

scratch
W=$T/w
mkdir -p "$W"
W=$(cd "$W" && pwd -P)
cp "$ROOT"/rootfs/test/words "$ROOT"/rootfs/test/lines "$ROOT"/rootfs/test/table "$W"/
printf 'hi\tthere\n\0\001\377~' >"$W/odc"
export PATH="$BIN:/usr/bin:/bin" BIN
export ASAN_OPTIONS=detect_leaks=0	# short-lived programs: exit frees
# "line A" .. "line B", one a line
line_range() {
	local i
	for ((i = $1; i <= $2; i++)); do echo "line $i"; done
}
export LC_ALL=C
umask 022

# t NAME WANT_STATUS WANT_OUTPUT SCRIPT: run SCRIPT with bash in $W, our
# commands first in PATH, stdin empty.
t() {
	(cd "$W" && bash -c "$4" >"$T/got" 2>&1 </dev/null)
	got_st=$?
	check "$1" "$2" "$3"
}

# ---- head ----
t "head: 10 lines by default" 0 "$(line_range 1 10)"$'\n' 'head lines'
t "head -n 3" 0 $'line 1\nline 2\nline 3\n' 'head -n 3 lines'
t "head -n3 (attached)" 0 $'line 1\nline 2\nline 3\n' 'head -n3 lines'
t "head -n 0" 0 '' 'head -n 0 lines'
t "head -3 (the historical form)" 0 $'line 1\nline 2\nline 3\n' 'head -3 lines'
t "head -c 10" 0 $'line 1\nlin' 'head -c 10 lines'
t "head -c 10 /dev/zero | wc -c" 0 $'10\n' 'head -c 10 /dev/zero | wc -c'
t "head from stdin" 0 $'apple\nbanana\n' 'head -n 2 < words'
t "head of two files" 0 $'==> words <==\napple\n\n==> lines <==\nline 1\n' \
    'head -n 1 words lines'
t "head - is stdin" 0 $'==> standard input <==\napple\n\n==> lines <==\nline 1\n' \
    'head -n 1 - lines < words'
t "head: missing file" 1 $'head: nofile: No such file or directory\n==> words <==\napple\n' \
    'head -n 1 nofile words'
t "head: bad number" 1 $'head: invalid number: x\n' 'head -n x lines'
t "head: bad option" 1 $'head: illegal option -- z\nusage: head [-n N] [-c N] [file ...]\n' \
    'head -z lines'
t "head: missing option argument" 1 \
    $'head: option requires an argument -- n\nusage: head [-n N] [-c N] [file ...]\n' \
    'head -n'

# ---- tail ----
t "tail: 10 lines by default" 0 "$(line_range 21 30)"$'\n' 'tail lines'
t "tail -n 2" 0 $'line 29\nline 30\n' 'tail -n 2 lines'
t "tail -2 (the historical form)" 0 $'line 29\nline 30\n' 'tail -2 lines'
t "tail -n +28" 0 $'line 28\nline 29\nline 30\n' 'tail -n +28 lines'
t "tail -c 9" 0 $'\nline 30\n' 'tail -c 9 lines'
t "tail -c +226" 0 $'e 30\n' 'tail -c +227 lines'
t "tail of a pipe" 0 $'grape\napple pie\n' 'cat words | tail -n 2'
t "tail: last line without newline" 0 $'b\nc' "printf 'a\\nb\\nc' | tail -n 2"
t "tail -n 0" 0 '' 'tail -n 0 lines'
t "tail: more lines than the file" 0 $'x\ny\n' "printf 'x\\ny\\n' | tail -n 5"
t "tail of two files" 0 $'==> words <==\napple pie\n\n==> lines <==\nline 30\n' \
    'tail -n 1 words lines'
t "tail: bad option" 1 $'tail: illegal option -- q\nusage: tail [-n [+]N] [-c [+]N] [file ...]\n' \
    'tail -q lines'

# ---- wc ----
t "wc: all three counts" 0 $'10 11 69 words\n' 'wc words'
t "wc -l" 0 $'30 lines\n' 'wc -l lines'
t "wc -w -c" 0 $'11 69 words\n' 'wc -w -c words'
t "wc -lc (grouped)" 0 $'10 69 words\n' 'wc -lc words'
t "wc from stdin" 0 $'10 11 69\n' 'wc < words'
t "wc: totals" 0 $'10 words\n30 lines\n40 total\n' 'wc -l words lines'
t "wc: words across white space" 0 $'2 4 13\n' "printf ' a\\tb  \\n c  d\\n' | wc"
t "wc: last line without newline" 0 $'1 3 5\n' "printf 'a\\nb c' | wc"
t "wc: empty input" 0 $'0 0 0\n' 'wc < /dev/null'
t "wc: missing file" 1 $'wc: nofile: No such file or directory\n10 words\n10 total\n' \
    'wc -l nofile words'
t "wc: bad option" 1 $'wc: illegal option -- x\nusage: wc [-lwc] [file ...]\n' 'wc -x'

# ---- grep ----
t "grep: lines with a match" 0 $'apple\napple\napple pie\n' 'grep apple words'
t "grep: no match is 1" 1 '' 'grep kiwi words'
t "grep -c" 0 $'3\n' 'grep -c apple words'
t "grep -c with no match" 1 $'0\n' 'grep -c kiwi words'
t "grep -i" 0 $'banana\nBanana\n' 'grep -i BANANA words'
t "grep -v" 0 $'banana\ncherry\ndate\nBanana\nelderberry\nfig\ngrape\n' 'grep -v apple words'
t "grep -n" 0 $'2:banana\n6:Banana\n' 'grep -n anana words'
t "grep -l" 0 $'words\n' 'grep -l apple words lines'
t "grep -q" 0 '' 'grep -q cherry words'
t "grep -q with no match" 1 '' 'grep -q kiwi words'
t "grep: several files" 0 $'words:fig\nlines:line 1\n' "grep -e fig -e 'line 1\$' words lines"
t "grep -c on several files" 0 $'words:3\nlines:0\n' 'grep -c apple words lines'
t "grep: anchors" 0 $'apple\napple\n' "grep '^apple\$' words"
t "grep: bracket and star" 0 $'cherry\nelderberry\n' "grep 'r[ry]*y' words"
t "grep: interval" 0 $'apple\napple\napple pie\n' "grep 'p\\{2\\}' words"
t "grep: back-reference" 0 $'apple\ncherry\napple\nelderberry\napple pie\n' "grep '\\(.\\)\\1' words"
t "grep: class" 0 $'apple pie\n' "grep '[[:space:]]' words"
t "grep -E" 0 $'fig\ngrape\n' "grep -E '^(fig|grape)\$' words"
t "grep -x" 0 $'apple\napple\n' 'grep -x apple words'
t "grep -F" 0 $'a.b\n' "printf 'a.b\\naxb\\n' | grep -F a.b"
t "grep from stdin with -n" 0 $'3:line 3\n' 'grep -n "3$" < lines | head -n 1'
t "grep: missing file is 2" 2 $'grep: nofile: No such file or directory\nwords:fig\n' \
    'grep fig nofile words'
t "grep -s hides it" 2 $'words:fig\n' 'grep -s fig nofile words'
t "grep -q match despite an error is 0" 0 $'grep: nofile: No such file or directory\n' 'grep -q fig nofile words'
t "grep: bad RE is 2" 2 $'grep: a\\{1: braces { } not balanced\n' "grep 'a\\{1' words"
t "grep: bad option is 2" 2 \
    $'grep: illegal option -- y\nusage: grep [-EFcilnqsvx] [-e pattern] ... [pattern] [file ...]\n' \
    'grep -y a words'
t "grep: no pattern is 2" 2 \
    $'usage: grep [-EFcilnqsvx] [-e pattern] ... [pattern] [file ...]\n' 'grep'
t "grep | wc pipeline" 0 $'3\n' 'grep apple words | wc -l'

# ---- more (not a terminal: a copy) ----
t "more copies when stdout is no terminal" 0 "$(cat "$W/lines")"$'\n' 'more lines'
t "more from stdin" 0 $'apple\n' 'head -n 1 words | more'
t "more: missing file" 1 $'more: nofile: No such file or directory\n' 'more nofile'
# On a terminal: a page of 23 lines, then the prompt; enter shows one more
# line, space a page, q quits.  Through a pty (\n comes out as \r\n).
cat >"$T/more.py" <<'EOF2'
import os, pty, select, sys, time
pid, fd = pty.fork()
if pid == 0:
    os.execv(sys.argv[1], ["more", sys.argv[2]])
def until(want, limit=10.0):
    buf = b""
    end = time.time() + limit
    while want not in buf and time.time() < end:
        r, _, _ = select.select([fd], [], [], 0.2)
        if r:
            try:
                buf += os.read(fd, 4096)
            except OSError:
                break
    return buf
out = []
out.append(until(b"--More--"))
os.write(fd, b"\n")
out.append(until(b"--More--"))
os.write(fd, b" ")
out.append(until(b"--More--"))
os.write(fd, b"q")
out.append(until(b"never", 1.0))
_, st = os.waitpid(pid, 0)
for o in out:
    print(repr(o.decode()))
print("status", os.WEXITSTATUS(st) if os.WIFEXITED(st) else st)
EOF2
seq_lines=$(for i in $(seq 1 60); do echo "line $i"; done)
printf '%s\n' "$seq_lines" >"$W/lines60"
want_page=""
for i in $(seq 1 23); do want_page="${want_page}line $i\\r\\n"; done
want_page2=""
for i in $(seq 25 47); do want_page2="${want_page2}line $i\\r\\n"; done
python3 "$T/more.py" "$BIN/more" "$W/lines60" >"$T/got" 2>&1
got_st=$?
check "more on a terminal: pages, enter, space, q" 0 "'${want_page}--More--'
'\\r        \\rline 24\\r\\n--More--'
'\\r        \\r${want_page2}--More--'
'\\r        \\r'
status 0
"

# ---- tee ----
echo canary >"$W/canary"
t "tee writes stdout and files" 0 $'apple\napple\napple\n' \
    'head -n 1 words | tee t1 t2 && cat t1 t2'
t "tee truncates" 0 $'fig\n' 'echo fig | tee t1 >/dev/null; cat t1'
t "tee -a appends" 0 $'fig\ngrape\n' 'echo grape | tee -a t1 >/dev/null; cat t1'
t "tee: unwritable file" 1 $'tee: nodir/f: No such file or directory\nx\n' \
    'echo x | tee nodir/f'
t "tee: canary untouched" 0 $'canary\n' 'cat canary'

# ---- test and [ ----
tt() { # tt NAME WANT_STATUS ARGS...: test ARGS and [ ARGS ]
	local name=$1 st=$2
	shift 2
	(cd "$W" && test_args=("$@") && "$BIN/test" "$@" >"$T/got" 2>&1)
	got_st=$?
	check "test $name" "$st" ''
	(cd "$W" && "$BIN/[" "$@" ']' >"$T/got" 2>&1)
	got_st=$?
	check "[ $name ]" "$st" ''
}
mkdir -p "$W/dir"
: >"$W/empty"
printf '#!/bin/sh\n' >"$W/script"
chmod 755 "$W/script"
chmod 644 "$W/words"
ln -s words "$W/link"
tt "no arguments is false" 1
tt "one non-empty argument" 0 x
tt "one empty argument" 1 ''
tt "-e file" 0 -e words
tt "-e missing" 1 -e nofile
tt "-f file" 0 -f words
tt "-f dir" 1 -f dir
tt "-d dir" 0 -d dir
tt "-d file" 1 -d words
tt "-s non-empty" 0 -s words
tt "-s empty" 1 -s empty
tt "-x script" 0 -x script
tt "-x plain file" 1 -x words
tt "-r file" 0 -r words
tt "-w file" 0 -w words
tt "-L link" 0 -L link
tt "-h link" 0 -h link
tt "-L file" 1 -L words
tt "-z empty" 0 -z ''
tt "-z non-empty" 1 -z a
tt "-n non-empty" 0 -n a
tt "-n alone is a string" 0 -n
tt "= equal" 0 abc = abc
tt "= different" 1 abc = abd
tt "!= different" 0 abc != abd
tt "-eq" 0 10 -eq 10
tt "-ne" 1 10 -ne 10
tt "-lt" 0 -3 -lt 2
tt "-le" 0 2 -le 2
tt "-gt" 1 2 -gt 2
tt "-ge" 0 3 -ge 2
tt "! negates" 1 '!' a = a
tt "! alone is a string" 0 '!'
tt "( ) group" 0 '(' a ')'
tt "-a both" 0 a = a -a b = b
tt "-a one false" 1 a = a -a b = c
tt "-o one true" 0 a = b -o b = b
tt "-a binds tighter than -o" 0 a = a -o a = b -a b = c
tt "( ) around -o" 1 '(' a = a -o a = b ')' -a b = c
tt "! with -a" 0 '!' a = b -a b = b
tt "= with ! operands" 0 '!' = '!'
t "test: integer expected is 2" 2 $'test: abc: integer expected\n' '$BIN/test abc -eq 1'
t "test: unknown binary operator is 2" 2 $'test: -xx: binary operator expected\n' \
    '$BIN/test a -xx b'
t "[: missing ] is 2" 2 $'[: missing ]\n' '$BIN/[ a = a'
t "test: unbalanced ( is 2" 2 $'test: \')\' expected\n' '$BIN/test "(" a = a -o b = b'
t "[ in a shell if" 0 $'yes\n' 'if $BIN/[ -f words ]; then echo yes; fi'

# ---- env ----
t "env prints the environment" 0 $'A=1\nB=two words\n' "env -i A=1 'B=two words'"
t "env -i runs with only the given variables" 0 $'X=y\n' "env -i X=y $BIN/env"
t "env NAME=v cmd" 0 $'v\n' 'env ZZ=v sh -c "echo \$ZZ"'
t "env replaces a variable" 0 $'new\n' 'ZZ=old env ZZ=new sh -c "echo \$ZZ"'
t "env - is -i" 0 $'Q=1\n' "env - Q=1 $BIN/env"
t "env: command not found is 127" 127 $'env: nosuchcmd: No such file or directory\n' \
    'env nosuchcmd'
t "env: status of the command" 3 '' 'env sh -c "exit 3"'
t "env: bad option is 125" 125 \
    $'env: illegal option -- z\nusage: env [-i] [name=value ...] [command [arg ...]]\n' 'env -z'

# ---- uname ----
t "uname" 0 $'Minix\n' 'uname'
t "uname -a" 0 $'Minix minix 0.7 minix-grants i386\n' 'uname -a'
t "uname -m -s (fixed order)" 0 $'Minix i386\n' 'uname -m -s'
t "uname -n -r -v" 0 $'minix 0.7 minix-grants\n' 'uname -nrv'
t "uname: bad option" 1 $'uname: illegal option -- x\nusage: uname [-amnrsv]\n' 'uname -x'
t "uname: operand" 1 $'usage: uname [-amnrsv]\n' 'uname a'

# ---- date ----
t "date -r: the default format" 0 $'Tue Dec  1 22:18:59 UTC 2026\n' 'date -r 1796163539'
t "date -r +format" 0 $'2026-12-01 22:18:59 335 Tuesday\n' \
    "date -r 1796163539 '+%Y-%m-%d %H:%M:%S %j %A'"
t "date -u -r: epoch" 0 $'Thu Jan  1 00:00:00 UTC 1970\n' 'date -u -r 0'
t "date +%Y is 4 digits" 0 $'ok\n' \
    'y=$(date +%Y); case $y in [2-9][0-9][0-9][0-9]) echo ok;; *) echo "$y";; esac'
t "date: the time now" 0 $'ok\n' \
    'a=$(date +%s); b=$(command date +%s); [ $((b - a)) -le 2 ] && echo ok'
t "date: setting is refused" 1 \
    $'date: setting the time is not supported\nusage: date [-u] [-r seconds] [+format]\n' \
    'date 0101'

# ---- which ----
t "which sh" 0 $'/bin/sh\n' 'PATH=/bin which sh'
t "which: several, one missing" 1 "$BIN/cat"$'\n'"$BIN/ls"$'\n' 'which cat nosuchcmd ls'
t "which -a" 0 "$W/script"$'\n'"$W/script"$'\n' "PATH=$W:/nonexistent:$W $BIN/which -a script"
t "which: not executable" 1 '' "PATH=$W $BIN/which words"
t "which: a name with a slash" 0 $'./script\n' 'which ./script'
t "which: no name" 2 $'usage: which [-a] name ...\n' 'which'

# ---- basename, dirname ----
t "basename" 0 $'c\n' 'basename /a/b/c'
t "basename: trailing slashes" 0 $'b\n' 'basename /a/b//'
t "basename: suffix" 0 $'file\n' 'basename /x/file.c .c'
t "basename: suffix equal to the name stays" 0 $'.c\n' 'basename .c .c'
t "basename /" 0 $'/\n' 'basename ///'
t "basename: plain name" 0 $'name\n' 'basename name'
t "basename: no operand" 1 $'usage: basename string [suffix]\n' 'basename'
t "dirname" 0 $'/a/b\n' 'dirname /a/b/c'
t "dirname: trailing slashes" 0 $'/a\n' 'dirname /a/b//'
t "dirname: no slash" 0 $'.\n' 'dirname name'
t "dirname: root" 0 $'/\n' 'dirname /a'
t "dirname /" 0 $'/\n' 'dirname /'
t "dirname: relative" 0 $'a\n' 'dirname a//b'

# ---- yes, seq ----
t "yes" 0 $'y\ny\ny\n' 'yes | head -n 3'
t "yes with a string" 0 $'a b\na b\n' 'yes a b | head -n 2'
t "seq LAST" 0 $'1\n2\n3\n' 'seq 3'
t "seq FIRST LAST" 0 $'-1\n0\n1\n' 'seq -1 1'
t "seq FIRST INCR LAST" 0 $'10\n7\n4\n1\n' 'seq 10 -3 0'
t "seq: empty" 0 '' 'seq 5 1'
t "seq -s" 0 $'1,2,3\n' 'seq -s , 1 3'
t "seq: zero increment" 1 $'seq: the increment must not be 0\n' 'seq 1 0 3'
t "seq: bad number" 1 $'seq: invalid number: x\n' 'seq x'
t "seq: no operand" 1 $'usage: seq [-s sep] [first [incr]] last\n' 'seq'

# ---- printf ----
t "printf %s and escapes" 0 $'a\tb\\c\n' "$BIN/printf '%s\\t%s\\\\c\\n' a b"
t "printf numbers" 0 $'42 -7 255 ff FF 377 A %\n' \
    "$BIN/printf '%d %i %u %x %X %o %c %%\\n' 42 -7 255 255 255 255 A"
t "printf widths and flags" 0 $'[   42][42   ][00042][+42][ ab][ab ][0x1f][a  ]\n' \
    "$BIN/printf '[%5d][%-5d][%05d][%+d][%3s][%-3s][%#x][%-3c]\\n' 42 42 42 42 ab ab 31 a"
t "printf precision" 0 $'[ab][007]\n' "$BIN/printf '[%.2s][%.3d]\\n' abc 7"
t "printf reuses the format" 0 $'a=1\nb=2\nc=\n' "$BIN/printf '%s=%s\\n' a 1 b 2 c"
t "printf: missing arguments" 0 $'[][0]\n' "$BIN/printf '[%s][%d]\\n'"
t "printf: octal escapes" 0 $'A2\n' "$BIN/printf '\\101\\0102\\n' | tr -d '\\010'"
t "printf: \\NNN takes three digits at most" 0 $'0000000  \\n   3\n0000002\n' \
    "$BIN/printf '\\0123' | od -c"
t "printf %b" 0 $'x\ty\nA\n' "$BIN/printf '%b\\n' 'x\\ty' '\\0101'"
t "printf %b \\c stops" 0 'ab' "$BIN/printf '%b%s' 'ab\\cde' zz"
t "printf 'c is the code" 0 $'97\n' "$BIN/printf '%d\\n' \"'a\""
t "printf: bad number" 1 $'printf: 12x: invalid number\n12\n' "$BIN/printf '%d\\n' 12x"
t "printf: hex argument" 0 $'16\n' "$BIN/printf '%d\\n' 0x10"
t "printf: no format" 1 $'usage: printf format [argument ...]\n' '$BIN/printf'

# ---- sort ----
t "sort" 0 $'Banana\napple\napple\napple pie\nbanana\ncherry\ndate\nelderberry\nfig\ngrape\n' 'sort words'
t "sort -r" 0 $'grape\nfig\nelderberry\ndate\ncherry\nbanana\napple pie\napple\napple\nBanana\n' 'sort -r words'
t "sort -u" 0 $'Banana\napple\napple pie\nbanana\ncherry\ndate\nelderberry\nfig\ngrape\n' 'sort -u words'
t "sort -n (no number is 0)" 0 $'-5\n0\nx\n2\n10\n10\n' "printf '10\\n2\\n-5\\nx\\n10\\n0\\n' | sort -n | sort -n"
t "sort -n with fractions and blanks" 0 $'-1.5\n-1\n 1.25\n1.5\n' \
    "$BIN/printf '1.5\\n 1.25\\n-1\\n-1.5\\n' | sort -n"
t "sort -rn" 0 $'100\n20\n3\n' "printf '3\\n100\\n20\\n' | sort -rn"
t "sort -t: -k3 -n" 0 \
    $'root\ndaemon\nbin\nuser\nnobody\n' "sort -t: -k3 -n table | cut -d: -f1"
t "sort -t: -k 5" 0 $'A User\nbin\ndaemon\nnobody\nroot\n' "sort -t: -k 5,5 table | cut -d: -f5"
t "sort -k2 (blank-separated)" 0 $'b 1\na 2\nc 3\n' "printf 'a 2\\nc 3\\nb 1\\n' | sort -k 2"
t "sort -u -k: first of equal keys" 0 $'a 1\nc 2\n' "printf 'a 1\\nb 1\\nc 2\\n' | sort -u -k 2"
t "sort: several files, no final newline" 0 $'a\nb\nc\n' "printf 'c\\na' > s1; printf 'b' > s2; sort s1 s2"
t "sort | uniq -c" 0 $'      1 a\n      2 b\n' "printf 'b\\na\\nb\\n' | sort | uniq -c"
t "sort: missing file is 2" 2 $'sort: nofile: No such file or directory\n' 'sort nofile'
t "sort: bad key" 2 $'sort: invalid key: 0\n' 'sort -k 0 words'

# ---- uniq ----
printf 'a\na\nb\nc\nc\nc\nd\n' >"$W/u"
t "uniq" 0 $'a\nb\nc\nd\n' 'uniq u'
t "uniq -c" 0 $'      2 a\n      1 b\n      3 c\n      1 d\n' 'uniq -c u'
t "uniq -d" 0 $'a\nc\n' 'uniq -d u'
t "uniq -u" 0 $'b\nd\n' 'uniq -u < u'
t "uniq -c -d" 0 $'      2 a\n      3 c\n' 'uniq -cd u'
t "uniq: output file" 0 $'a\nb\nc\nd\n' 'uniq u uo; cat uo'
t "uniq: adjacent only" 0 $'a\nb\na\n' "printf 'a\\nb\\na\\n' | uniq"
t "uniq: bad option" 1 $'uniq: illegal option -- x\nusage: uniq [-c] [-d | -u] [input [output]]\n' 'uniq -x'

# ---- cut ----
t "cut -d: -f1,3" 0 $'root:0\ndaemon:1\nbin:2\nuser:1000\nnobody:65534\n' 'cut -d: -f1,3 table'
t "cut -f range and open end" 0 $'/root:/bin/sh\n' 'cut -d : -f 6- table | head -n 1'
t "cut -f -2" 0 $'root:x\n' 'head -n 1 table | cut -d: -f -2'
t "cut -f: order is the line's" 0 $'root:0\n' 'head -n 1 table | cut -d: -f3,1'
t "cut -c list" 0 $'lne \n' "head -n 1 lines | cut -c 1,3-5,7-"
t "cut -c past the end" 0 $'ne\n' "echo line | cut -c 3-9"
t "cut: no delimiter: whole line" 0 $'abc\nb\n' "printf 'abc\\na:b\\n' | cut -d: -f2"
t "cut -s" 0 $'b\n' "printf 'abc\\na:b\\n' | cut -s -d: -f2"
t "cut: tab by default" 0 $'2\n' "printf '1\\t2\\t3\\n' | cut -f 2"
t "cut: bad list" 1 $'cut: invalid list: 0\n' 'cut -c 0 lines'
t "cut: no list" 1 $'usage: cut -c list [file ...] | cut -f list [-d c] [-s] [file ...]\n' 'cut lines'

# ---- tr ----
t "tr a-z A-Z" 0 $'APPLE\n' 'head -n 1 words | tr a-z A-Z'
t "tr: classes" 0 $'APPLE PIE\n' "tail -n 1 words | tr '[:lower:]' '[:upper:]'"
t "tr: short set2 is padded" 0 $'xpplx\n' "echo apple | tr ae x"
t "tr -d" 0 $'ppl\n' 'echo apple | tr -d ae'
t "tr -s" 0 $'a b c\n' "echo 'a   b    c' | tr -s ' '"
t "tr -s set1 set2" 0 $'x-y\n' "echo 'x  y' | tr -s ' ' -"
t "tr -ds" 0 $'abc\n' "echo 'aa1bb2c' | tr -ds 0-9 a-z"
t "tr -c" 0 $'a__b_\n' "echo 'a: b!' | tr -c 'a-z\\n' _"
t "tr -cd" 0 $'123' "echo 'a1b2c3' | tr -cd 0-9"
t "tr: \\n escape" 0 $'a b\n' "printf 'a\\nb\\n' | tr '\\n' ' ' | sed 's/ \$/\\n/'"
t "tr: octal escape" 0 $'a-b\n' "echo 'a:b' | tr : '\\055'"
t "tr: reverse range" 1 $'tr: range z-a is in reverse order\n' 'tr z-a x'
t "tr: bad usage" 1 $'usage: tr [-cds] string1 [string2]\n' 'tr a'

# ---- od ----
t "od -c" 0 $'0000000   h   i  \\t   t   h   e   r   e  \\n  \\0 001 377   ~\n0000015\n' 'od -c odc'
t "od (octal words)" 0 $'0000000 064550 072011 062550 062562 000012 177401 000176\n0000015\n' 'od odc'
t "od -x" 0 $'0000000 6968 7409 6568 6572 000a ff01 007e\n0000015\n' 'od -x odc'
t "od -b" 0 $'0000000 150 151 011 164 150 145 162 145 012 000 001 377 176\n0000015\n' 'od -b odc'
t "od -d" 0 $'0000000 26984 29705 25960 25970    10 65281   126\n0000015\n' 'od -d odc'
t "od: repeated lines are *" 0 $'0000000 000000 000000 000000 000000 000000 000000 000000 000000\n*\n0000100\n' \
    'head -c 64 /dev/zero | od'
t "od -v shows them" 0 "$(for a in 0000000 0000020; do echo "$a 000000 000000 000000 000000 000000 000000 000000 000000"; done)"$'\n0000040\n' \
    'head -c 32 /dev/zero | od -v'
t "od: a changed line after *" 0 $'0000000  \\0  \\0  \\0  \\0  \\0  \\0  \\0  \\0  \\0  \\0  \\0  \\0  \\0  \\0  \\0  \\0\n*\n0000040   x\n0000041\n' \
    '{ head -c 32 /dev/zero; printf x; } | od -c'
t "od: files are one stream" 0 $'0000000   a   b\n0000002\n' "printf a > o1; printf b > o2; od -c o1 o2"
t "od: empty input" 0 $'0000000\n' 'od < /dev/null'
t "od: missing file" 1 $'od: nofile: No such file or directory\n0000000\n' 'od nofile'

# ---- cat ----
t "cat -n" 0 $'     1\tapple\n     2\tbanana\n' 'head -n 2 words | cat -n'
t "cat -n counts across files" 0 $'     1\tline 1\n     2\tline 2\n     3\tapple\n' \
    'head -n 2 lines > c1; head -n 1 words > c2; cat -n c1 c2'
t "cat -n: last line without newline" 0 $'     1\ta\n     2\tb' "printf 'a\\nb' | cat -n"
t "cat -u" 0 $'apple\n' 'head -n 1 words | cat -u'
t "cat - and files" 0 $'x\napple\n' 'echo x | cat - c2'
t "cat: bad option" 1 $'cat: illegal option -- z\nusage: cat [-nu] [file ...]\n' 'cat -z'

# ---- the writing commands: mkdir, rm, cp ----
tree() { # the tree under $1: sorted "type path [contents]" lines
	(cd "$1" && find . -mindepth 1 | LC_ALL=C sort | while read -r p; do
		if [ -L "$p" ]; then echo "l $p -> $(readlink "$p")"
		elif [ -d "$p" ]; then echo "d $p $(stat -c %a "$p")"
		else echo "f $p $(stat -c %a "$p") $(cat "$p")"; fi
	done)
}
tree_is() { # tree_is NAME DIR WANT
	tree "$2" >"$T/got"
	got_st=0
	check "$1" 0 "$3"
}
F=$T/fs
mkdir -p "$F"
echo keep >"$F/canary"
t "mkdir -p makes the parents" 0 '' "mkdir -p $F/a/b/c"
t "mkdir -p: existing is fine" 0 '' "mkdir -p $F/a/b $F/a/b/c"
t "mkdir without -p: existing" 1 "mkdir: $F/a: File exists"$'\n' "mkdir $F/a"
t "mkdir without -p: no parent" 1 "mkdir: $F/x/y: No such file or directory"$'\n' "mkdir $F/x/y"
t "mkdir -p over a file" 1 "mkdir: $F/canary/z: Not a directory"$'\n' "mkdir -p $F/canary/z"
t "mkdir -m" 0 '' "mkdir -m 700 $F/m"
t "mkdir -p: trailing slash" 0 '' "mkdir -p $F/s/t/"
t "mkdir: bad mode" 1 $'mkdir: invalid mode: 9\n' "mkdir -m 9 $F/n"
t "mkdir: no operand" 1 $'usage: mkdir [-p] [-m mode] dir ...\n' 'mkdir'
tree_is "mkdir: the tree" "$F" $'d ./a 755\nd ./a/b 755\nd ./a/b/c 755\nf ./canary 644 keep\nd ./m 700\nd ./s 755\nd ./s/t 755\n'

mkdir -p "$F/src/sub/deep" "$F/src/empty"
echo one >"$F/src/f1"
echo two >"$F/src/sub/f2"
echo three >"$F/src/sub/deep/f3"
chmod 600 "$F/src/sub/f2"
chmod 700 "$F/src/sub/deep"
ln -s f1 "$F/src/link"
t "cp without -r skips a directory" 1 "cp: $F/src: is a directory (not copied)"$'\n' "cp $F/src $F/dst"
t "cp -r to a new name" 1 "cp: $F/src/link: symbolic link not copied"$'\n' "cp -r $F/src $F/dst"
tree_is "cp -r: the copy" "$F/dst" $'d ./empty 755\nf ./f1 644 one\nd ./sub 755\nd ./sub/deep 700\nf ./sub/deep/f3 644 three\nf ./sub/f2 600 two\n'
t "cp -r into an existing directory" 0 '' "rm $F/src/link; cp -r $F/src/sub $F/a"
tree_is "cp -r: into a/sub" "$F/a" $'d ./b 755\nd ./b/c 755\nd ./sub 755\nd ./sub/deep 700\nf ./sub/deep/f3 644 three\nf ./sub/f2 600 two\n'
t "cp -r a directory into itself" 1 "cp: $F/a/sub/sub: cannot copy a directory into itself"$'\n' \
    "cp -r $F/a/sub $F/a/sub/sub"
t "cp: a file onto itself" 1 "cp: $F/canary and $F/canary are the same file"$'\n' "cp $F/canary $F/canary"
t "cp: several into a file" 1 "cp: $F/canary: Not a directory"$'\n' "cp $F/src/f1 $F/src/f1 $F/canary"
t "cp: plain file" 0 $'one\n' "cp $F/src/f1 $F/f1copy && cat $F/f1copy"
t "cp -p" 0 $'600\n' "cp -p $F/src/sub/f2 $F/f2copy && stat -c %a $F/f2copy"
t "cp: bad option" 1 $'cp: illegal option -- z\nusage: cp [-pr] src dst | cp [-pr] src ... dir\n' 'cp -z a b'

t "rm: a directory without -r" 1 "rm: $F/dst: Is a directory"$'\n' "rm $F/dst"
t "rm -r" 0 '' "rm -r $F/dst"
t "rm -f: missing is fine" 0 '' "rm -f $F/nothing"
t "rm: missing" 1 "rm: $F/nothing: No such file or directory"$'\n' "rm $F/nothing"
t "rm -f with no operands" 0 '' 'rm -f'
t "rm: no operands" 1 $'usage: rm [-fir] file ...\n' 'rm'
t "rm -r refuses . and .." 1 $'rm: .: refusing to remove\nrm: a/..: refusing to remove\n' \
    "cd $F && rm -rf . a/.."
t "rm -i: no keeps, yes removes" 1 $'rm: remove f1copy? rm: remove f2copy?  0\nf1copy\n' \
    "cd $F && printf 'n\\ny\\n' | rm -i f1copy f2copy; echo \" \$?\"; ls f1copy f2copy 2>/dev/null"
t "rm -rf: a tree with a symlink to outside" 0 '' \
    "ln -s $F/canary $F/a/sub/tocanary && rm -rf $F/a/sub $F/src"
tree_is "rm: what is left (canary untouched)" "$F" $'d ./a 755\nd ./a/b 755\nd ./a/b/c 755\nf ./canary 644 keep\nf ./f1copy 644 one\nd ./m 700\nd ./s 755\nd ./s/t 755\n'

# ---- ls ----
mkdir -p "$T/ls/d1/d2" "$T/ls/e"
: >"$T/ls/f"
: >"$T/ls/d1/g"
: >"$T/ls/d1/.hidden"
t "ls -R" 0 "$T/ls:"$'\nd1\ne\nf\n\n'"$T/ls/d1:"$'\nd2\ng\n\n'"$T/ls/d1/d2:"$'\n\n'"$T/ls/e:"$'\n' "ls -R $T/ls"
t "ls -R ." 0 $'.:\nd1\ne\nf\n\n./d1:\nd2\ng\n\n./d1/d2:\n\n./e:\n' "cd $T/ls && ls -R"
t "ls -a" 0 $'.\n..\n.hidden\nd2\ng\n' "ls -a $T/ls/d1"
t "ls -l" 0 "-rw-r--r--   1        0 $T/ls/f"$'\n' "ls -l $T/ls/f"
t "ls -Ra" 0 $'d1:\n.\n..\n.hidden\nd2\ng\n\nd1/d2:\n.\n..\n' "cd $T/ls && ls -Ra d1"
t "ls: two directories" 0 $'d1/d2:\n\ne:\n' "cd $T/ls && ls d1/d2 e"
t "ls: bad option" 2 $'ls: illegal option -- z\nusage: ls [-alR] [path ...]\n' 'ls -z'

finish
