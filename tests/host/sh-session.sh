#!/bin/bash
# sh-session.sh - end-to-end tests of the shell (commands/sh) on the host.
#
# Builds the shell with the host compiler (ASan/UBSan) into
# build/host/sh-host, runs scripted sessions against it in a scratch
# directory and compares their exact output and exit status: pipelines,
# redirections, compound commands, functions, substitutions, arithmetic,
# parameters, globbing (in a directory of its own), set -e/-x, read, the
# builtins, 126/127, line limits.  The ^C tests drive an interactive shell
# on a pseudo-terminal through python3, with job control (the pty is the
# controlling terminal) and without it (fallback: no controlling terminal,
# SIGINT sent to the process group); the job control tests (^Z, jobs, fg,
# bg, kill %N, ^D) use the pty as the controlling terminal.
# Prints TAP lines and "N passed, N failed"; exits non-zero on failure.
#
#	bash tests/host/sh-session.sh
set -u

. "$(dirname "$0")/lib.sh"
SH=$OUT/sh-host

mkdir -p "$OUT"
if ! host_cc "$SH" -D_GNU_SOURCE -include "$ROOT/tests/host/sig2str-host.h" \
    "$ROOT"/commands/sh/*.c "$ROOT/commands/test/texpr.c" \
    "$ROOT/lib/libc/sig2str.c" "$ROOT/lib/cmdutil/killopts.c"; then
	not_ok "build sh-host"
	finish
fi
ok "build sh-host"

scratch
W=$T/w
mkdir -p "$W/sub"
W=$(cd "$W" && pwd -P)
export SH_TEST_VAR=inherited

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

# ---- Compound commands ----
t "if/elif/else" 0 $'two\nelse\n' \
    'if false; then echo one; elif true; then echo two; else echo three; fi
if false; then echo x; else echo else; fi'
t "if status: 0 when no branch runs" 0 $'0\n' 'false; if false; then :; fi; echo $?'
t "while with a counter" 0 $'1\n2\n3\n' \
    'i=0; while [ $i -lt 3 ]; do i=$((i + 1)); echo $i; done'
t "until" 0 $'x\nxx\n' 'v=; until [ "$v" = xx ]; do v=${v}x; echo $v; done'
t "for in words" 0 $'a\nb c\nd\n' 'for w in a "b c" d; do echo "$w"; done'
t "for without in is \"\$@\"" 0 $'<a b>\n<c>\n' \
    'set -- "a b" c; for w; do echo "<$w>"; done'
t "for over an empty list" 0 $'end\n' 'for w in; do echo never; done; echo end'
t "for variable keeps the last value" 0 $'3\n' 'for i in 1 2 3; do :; done; echo $i'
t "break and continue" 0 $'1\n3\n' \
    'for i in 1 2 3 4 5; do [ $i = 2 ] && continue; [ $i = 4 ] && break; echo $i; done'
t "break 2 and continue 2" 0 $'1x\n2x\nafter 1\n' \
    'for a in 1 2; do for b in x y; do [ $b = y ] && continue 2; echo $a$b; done; done
for a in 1 2; do for b in x y; do break 2; done; done; echo after $a'
t "break in a while condition" 0 $'out\n' 'while break; do echo no; done; echo out'
t "break outside a loop" 0 $'sh: break: only meaningful in a loop\nafter\n' 'break; echo after'
t "case with patterns and |" 0 $'ab\nother\nstar\n' \
    'for x in b zz "*"; do case $x in a|b) echo ab;; \*) echo star;; *) echo other;; esac; done'
t "case fallthrough ;&" 0 $'one\ntwo\n' \
    'case foo in f*) echo one;& b*) echo two;; *) echo three;; esac'
t "case: no match runs nothing, status 0" 0 $'0\n' 'false; case x in y) echo no;; esac; echo $?'
t "case: quoted pattern characters are literal" 0 $'right\n' \
    'case abc in "a*") echo wrong;; a*) echo right;; esac'
t "case: bracket, ? and variable patterns" 0 $'range\nq\nvar\n' \
    'case m in [a-p]) echo range;; esac; case ab in a?) echo q;; esac
p="x*"; case xyz in $p) echo var;; esac'
t "case: optional ( and newlines" 0 $'yes\n' $'case a in\n(a)\n  echo yes\n  ;;\nesac'
t "( ) runs in a subshell" 0 $'2\n1\n' 'x=1; (x=2; echo $x); echo $x'
t "( ) status and exit" 0 $'3\nhere\n' '(exit 3); echo $?; echo here'
t "{ } runs in the shell" 0 $'2\n' 'x=1; { x=2; }; echo $x'
t "redirections on compound commands" 0 $'g1\ng2\n1\n2\nA\nB\n' \
    '{ echo g1; echo g2; } > gout; cat gout
for i in 1 2; do echo $i; done > fout; cat fout
(echo a; echo b) | tr a-z A-Z'
t "while reads from a redirection" 0 $'<l1>\n<l2>\n' \
    "printf 'l1\\nl2\\n' > lines; while read l; do echo \"<\$l>\"; done < lines"
t "pipeline into a loop" 0 $'[x]\n[y]\n' \
    "printf 'x\\ny\\n' | while read l; do echo \"[\$l]\"; done"
t "reserved words only in command position" 0 $'if then fi done\n' 'echo if then fi done'
t "nested compound commands" 0 $'1 odd\n2 even\n3 odd\n' \
    'for i in 1 2 3; do if [ $((i % 2)) -eq 0 ]; then echo $i even; else echo $i odd; fi; done'
t "multi-line if from a script" 0 $'yes\n' $'if true\nthen\n  echo yes\nfi'

# ---- Here-documents ----
t "here-document with expansions" 0 $'a val "q" $x bq cs\n  indentedjoined\n' \
    'x=val; cat <<EOF
a $x "q" \$x `echo bq` $(echo cs)
  indented\
joined
EOF'
t "quoted delimiter: no expansion" 0 $'raw $x `no` \\\n' "x=1; cat <<'Q'
raw \$x \`no\` \\
Q"
t "<<- strips tabs" 0 $'tabbed val\nafter\n' \
    $'x=val; cat <<-T; echo after\n\t\ttabbed $x\n\tT'
t "two here-documents on one line, one into a loop" 0 $'<one>\ntwo\n' \
    'while read l; do echo "<$l>"; done <<E1; cat <<E2
one
E1
two
E2'
t "a here-document larger than a pipe" 0 $'11000\n' \
    'big=$(yes abcdefghij | head -n 1000); cat <<EOF | wc -c
$big
EOF'
t "here-document on a compound command and a builtin" 0 $'x y\n' \
    '{ read a b; echo $a $b; } <<E
x y
E'
t_stdin "here-document read line by line from stdin" 0 $'l1\nl2\nend\n' \
    $'cat <<EOF\nl1\nl2\nEOF\necho end\n'
t "here-document without its delimiter" 2 $'sh: syntax error: unexpected end of file\n' \
    $'cat <<EOF\nno end'

# ---- Functions ----
t "function with arguments and return" 0 $'f: 2 a b c\n4\n' \
    'f() { echo "f: $# $1 $2"; return 4; }; f a "b c"; echo $?'
t "function sees globals, sets them" 0 $'in\nset by f\n' \
    'v=in; f() { echo $v; v="set by f"; }; f; echo $v'
t "function positional parameters are restored" 0 $'a b\nx\na b\n' \
    'set -- a b; f() { echo $1; }; echo "$@"; f x; echo "$@"'
t "return from inside a loop" 0 $'2\n' \
    'f() { for i in 1 2 3; do [ $i = 2 ] && return $i; done; echo no; }; f; echo $?'
t "return without n keeps \$?" 0 $'1\n' 'f() { false; return; }; f; echo $?'
t "recursive function" 0 $'6\n' \
    'fact() { if [ $1 -le 1 ]; then echo 1; else echo $(( $1 * $(fact $(( $1 - 1 ))) )); fi; }; fact 3'
t "function in a pipeline" 0 $'HI\n' 'f() { echo hi; }; f | tr a-z A-Z'
t "function redefined; unset -f" 127 $'one\ntwo\nsh: f: not found\n' \
    'f() { echo one; }; f; f() { echo two; }; f; unset -f f; f'
t "function defined in one line, used in the next" 0 $'ok\n' $'g() {\n  echo ok\n}\ng'
t "return outside a function" 0 $'sh: return: not in a function\n1\n' 'return; echo $?'
# Which limit comes first depends on the stack frames (ASan's are big).
(cd "$W" && "$SH" -c 'r() { r; }; r; echo no' >"$T/got" 2>&1 </dev/null)
got_st=$?
if grep -qx 'sh: commands nested too deeply' "$T/got"; then
	check "deep recursion is stopped (stack budget)" 2 \
	    $'sh: commands nested too deeply\n'
else
	check "deep recursion is stopped (function nesting)" 2 \
	    $'sh: r: function calls nested too deeply\n'
fi

# ---- Substitutions ----
t "\$( ) and backquotes" 0 $'a b c x  y bq\n' \
    'echo $(echo a $(echo b) c) "$(echo "x  y")" `echo bq`'
t "nested substitution with quotes" 0 $'<in "q" out>\n' \
    'echo "<$(echo "in $(echo "\"q\"") out")>"'
t "trailing newlines are removed" 0 $'[l1\n\nl2]\n' "x=\$(printf 'l1\\n\\nl2\\n\\n\\n'); echo \"[\$x]\""
t "substitution output is split unquoted" 0 $'3\n1\n' \
    'set -- $(echo a b c); echo $#; set -- "$(echo a b c)"; echo $#'
t "\$? of an assignment with a substitution" 0 $'7\n0\n' 'x=$(exit 7); echo $?; y=$(true); echo $?'
t "backquote escapes and nesting" 0 $'1 nested\n' 'x=1; echo `echo \$x` `echo \`echo nested\``'
t "substitution with a case inside" 0 $'yes\n' 'echo $(case a in a) echo yes;; esac)'
t "substitution in a for list" 0 $'<1>\n<2>\n' 'for i in $(echo 1 2); do echo "<$i>"; done'

# ---- Arithmetic ----
t "arithmetic operators" 0 $'7 9 3 -1 1 0 1 -6 1 8\n' \
    'echo $((1+2*3)) $(( (1+2)*3 )) $((10/3)) $((-7%3)) $((3>2)) $((!5)) $((0||2)) $((~5)) $((1&&3)) $((1<<3))'
t "arithmetic with variables and assignment" 0 $'10 6 6 4\n' \
    'a=5; echo $((a*2)) $((a+=1)) $a $((b=4))'
t "arithmetic: variable holding a number or an expression" 0 $'15 18\n' \
    'n=" 12 "; e="n + 3"; echo $((n+3)) $((e+3))'
t "arithmetic: nested substitution" 0 $'14\n' 'echo $(( $(echo 3) * 4 + $((1+1)) ))'
t "division by zero" 2 $'sh: 1/0: division by zero\n' 'echo $((1/0)); echo after'
t "modulo by zero in an interactive-less shell stops it" 2 \
    $'before\nsh: 5 % (1-1): division by zero\n' 'echo before; x=$((5 % (1-1))); echo after'
t "arithmetic syntax error" 2 $'sh: 1 +: syntax error: operand expected\n' 'echo $((1 +))'

# ---- Parameters ----
t "\${var:-x} \${var-x} \${var:+x} \${#var}" 0 $'d1 d2  set  p2 3 \n' \
    'unset u; e=; s=set; echo "${u:-d1} ${e:-d2} ${e-d3} ${s:-d4} ${u+p1} ${s:+p2} ${#s} ${e:+p3}"'
t "\${var:=x} assigns" 0 $'new new\n' 'unset u; echo ${u:=new} $u'
t "\${var:?msg} stops a script" 2 $'sh: u: custom msg\n' 'unset u; echo ${u:?custom msg}; echo no'
t "\${var#pat} \${var%pat} and the longest forms" 0 $'c.txt /a/b /a/b/c b/c.txt\n' \
    'p=/a/b/c.txt; echo ${p##*/} ${p%/*} ${p%.*} ${p#/*/}'
t "\${var:-word} expands the word" 0 $'<a b>\n' 'unset u; x="a b"; echo "<${u:-$x}>"'
t "\$#, \$*, \$@ and \"\$@\"" 0 $'3\na b c d\n<a b> <c> <d> \n' \
    'set -- "a b" c d; echo $#; echo $*; for a in "$@"; do printf "<%s> " "$a"; done; echo'
t "\"\$@\" with no parameters is no word" 0 $'0\n' 'set --; sh -c "echo \$#" x "$@"'
t "\$1..\$9 and \${10}" 0 $'1 9 10\n' 'set -- 1 2 3 4 5 6 7 8 9 10; echo $1 $9 ${10}'
t "\$0 of sh -c" 0 $'myname a\n' "$SH"' -c "echo \$0 \$1" myname a'
t "\$\$ is the shell, also in a subshell" 0 $'same\n' 'a=$$; b=$(echo $$); [ "$a" = "$b" ] && echo same'
t "\$! after a background job" 0 $'ok\n' 'sleep 0 & p=$!; wait $p; [ "$p" -gt 0 ] && echo ok'
t "IFS splitting" 0 $'<a> <b> <> <c> \n' \
    'IFS=:; v="a:b::c"; for w in $v; do printf "<%s> " "$w"; done; echo'
t "quoted empty word is kept, unquoted empty dropped" 0 $'2\n' 'e=; set -- "" $e ""; echo $#'

# ---- Globbing ----
mkdir -p "$W/gl/d1" "$W/gl/d2"
: >"$W/gl/b"; : >"$W/gl/a"; : >"$W/gl/c.txt"; : >"$W/gl/ab"; : >"$W/gl/.hidden"
: >"$W/gl/d1/x"; : >"$W/gl/d2/x"; : >"$W/gl/B"
t "* sorted in strcmp order, no hidden files" 0 $'B a ab b c.txt d1 d2\n' 'cd gl; echo *'
t "? and [...]" 0 $'B a b\nB a b\nc.txt d1 d2\nB\n' 'cd gl; echo ?; echo [aBb]; echo [!aBb]*; echo [A-Z]'
t "[^...] negates too" 0 $'B c.txt d1 d2\n' 'cd gl; echo [^ab]*'
t "hidden files need a leading dot" 0 $'.hidden\n' 'cd gl; echo .*'
t "a pattern that matches nothing stays" 0 $'*.none [z]* no?\n' 'cd gl; echo *.none [z]* no?'
t "several components" 0 $'d1/x d2/x\nd1/ d2/\ngl/a gl/ab\n' 'cd gl; echo */x; echo d*/; cd ..; echo gl/a*'
t "absolute pattern" 0 "$W/gl/d1 $W/gl/d2"$'\n' "echo $W/gl/d?"
t "quoted and escaped patterns are literal" 0 $'* * a*\n' 'cd gl; echo "*" \* "a*"'
t "unquoted variable is globbed, quoted is not" 0 $'a ab\na*\n' 'cd gl; x="a*"; echo $x; echo "$x"'
t "set -f turns globbing off" 0 $'*\nB a ab b c.txt d1 d2\n' 'cd gl; set -f; echo *; set +f; echo *'
t "glob in a for list and as a command argument" 0 $'[a] [ab] \n2\n' \
    'cd gl; for f in a*; do printf "[%s] " $f; done; echo; ls -d a* | wc -l'
t "glob in a redirection" 0 $'into c.txt\n' 'cd gl; echo into c.txt > c.*; cat c.txt'

# ---- Options ----
t "set -e stops at a failing command" 1 $'before\n' 'set -e; echo before; false; echo after'
t "set -e spares conditions and && ||" 0 $'or\nend\n' \
    'set -e; if false; then :; fi; while false; do :; done; false || echo or; false && true; ! true; echo end'
t "set -e and a failing pipeline or subshell" 3 '' 'set -e; (exit 3); echo no'
t "set +e turns it off" 0 $'after\n' 'set -e; set +e; false; echo after'
t "set -x traces expanded commands" 0 $'+ x=1\n+ echo \'a b\' 1\na b 1\n+ set +x\nquiet\n' \
    'set -x; x=1; echo "a b" $x; set +x; echo quiet'
t "set -- sets the parameters" 0 $'2 x y\n0\n' 'set -- x y; echo $# $1 $2; set --; echo $#'
t "set -u" 2 $'sh: nosuch: parameter not set\n' 'set -u; echo $nosuch; echo no'
t "set with a bad option" 0 $'sh: set: -q: unknown option\n2\n' 'set -q; echo $?'
t "sh -e and sh -x" 1 $'+ false\n' "$SH -ex -c 'false; echo no'"

# ---- More builtins ----
t "shift and shift n" 0 $'b c\nd\nsh: shift: can\'t shift that many\n1 d\n' \
    'set -- a b c d; shift; echo $1 $2; shift 2; echo $@; shift 5; echo $? $1'
t "unset a variable" 0 $'[]\n' 'v=1; unset v; echo "[$v]"'
printf 'l1 a  b\n  l2  c   d  e  \nlast' >"$W/readin"
t "read splits at IFS, the last variable takes the rest" 0 \
    $'[l1][a  b]\n[l2][c][d  e]\n1 [last]\n1 []\n' \
    'exec < readin; read x y; echo "[$x][$y]"; read a b c; echo "[$a][$b][$c]"; read r; echo "$? [$r]"; read r; echo "$? [$r]"'
printf 'a\\\nb c\\d\na\\d\n' >"$W/readin2"
t "read joins continued lines; -r keeps backslashes" 0 $'[ab cd]\n[a\\d]\n' \
    'exec < readin2; read x; echo "[$x]"; read -r x; echo "[$x]"'
t "IFS=: read (the assignment is temporary)" 0 $'a b c\n[unset]\n' \
    "echo a:b:c > colons; IFS=: read x y z < colons; echo \$x \$y \$z; echo \"[\${IFS-unset}]\""
t "read with no name sets REPLY" 0 $'[  r  ]\n' "printf '  r  \\n' | { read; echo \"[\$REPLY]\"; }"
t "help lists the builtins, one line each" 0 $'ok\n' \
    'help > h; [ $(wc -l < h) -eq 27 ] && grep -q "^cd  *cd" h && grep -q "^read  *read" h && echo ok'
t "test and [ builtins" 0 $'0 1 0 1 0 1 0 1 \n0 0 1 0 0 1 \n' \
    'r() { "$@"; printf "%s " $?; }; r test x; r test ""; r [ a = a ]; r [ a != a ]
r [ 1 -lt 2 ]; r [ 3 -le 2 ]; r [ ! a = b ]; r [ -n "" ]; echo
cd gl; r [ -d d1 ]; r [ -f a ]; r [ -e nosuch ]; r [ \( a = a \) -a \( -z "" -o x = y \) ]
r [ ! -s a ]; r [ -x a ]; echo'
t "test errors are status 2" 0 $'sh: [: missing ]\n2\nsh: test: x: integer expression expected\n2\nsh: [: -q: unary operator expected\n2\n' \
    '[ a = a; echo $?; test x -eq 1; echo $?; [ -q x ]; echo $?'
t "test builtins: /bin/test's operators too" 0 $'0 0 1 0 1 \n' \
    'r() { "$@"; printf "%s " $?; }; r [ a \< b ]; r [ b \> a ]; r [ b \< a ]
r test . -ef ./; r test . -nt /nosuch/x -a ! -d .; echo'
t "eval" 0 $'ev\n4\n' 'eval "echo ev; x=\$((2+2))"; echo $x'
printf 'echo "dot $1 $#"; dotvar=set; return 5; echo no\n' >"$W/dotf"
t ". runs a file in the shell" 0 $'dot a 2\n5 set\n' '. ./dotf a b; echo "$? $dotvar"'
t ". of a missing file" 2 $'sh: .: ./nosuch: No such file or directory\n' '. ./nosuch; echo no'
t "exec with redirections only" 0 $'to-file\n' 'exec > ef; echo to-file; exec >&2; cat ef'
t "exec a command" 0 $'replaced\n' 'exec echo replaced; echo no'
t "kill -l" 0 $' 1 HUP\n 2 INT\n' 'kill -l | head -n 2'
t "kill with a bad signal" 0 $'sh: kill: NOPE: unknown signal\n2\n' 'kill -NOPE 1; echo $?'
t "jobs and kill %1 in a script" 0 \
    $'[1]+  Running  sleep 5\n[1]+  Terminated  sleep 5\n' \
    'sleep 5 & jobs; kill %1; sleep 0.3; jobs; jobs'
t "wait %1 after kill %1" 0 $'143\n' 'sleep 5 & kill %1; wait %1; echo $?'
t "wait %N for the status" 0 $'3\n' 'sh -c "exit 3" & wait %1; echo $?'
t "wait \$! after the job was listed" 0 $'[1]+  Done  sleep 0\n0\n' \
    'sleep 0 & sleep 0.3; jobs; wait $!; echo $?'
t "fg without job control" 1 $'sh: fg: no job control\n' 'fg'
t "no such job" 0 $'sh: kill: %3: no such job\n1\n' 'kill %3; echo $?'

# ---- Exec errors ----
printf 'echo plain\n' >"$W/noexec"
chmod -x "$W/noexec"
mkdir -p "$W/adir"
t "not executable is 126" 0 $'sh: ./noexec: Permission denied\n126\n' './noexec; echo $?'
t "a directory is 126" 0 $'sh: ./adir: Permission denied\n126\n' './adir; echo $?'
t "not found is 127 (also in a pipeline)" 0 $'sh: nosuch: not found\n127\n' 'cat </dev/null | nosuch; echo $?'

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
t_stdin "EOF exits with the last status" 1 $'a\n' $'echo a\nfalse\n'
x4090=$(printf '%4090s' '' | tr ' ' x)
t_stdin "a line of 4095 bytes" 0 "$x4090"$'\n' "echo $x4090"$'\n'
x65530=$(printf '%65530s' '' | tr ' ' x)
t_stdin "a script line of 65534 bytes" 0 $'65522\n' "echo ${x65530:0:65521} | wc -c"$'\n'
t_stdin "a script line of 65536 bytes is refused" 2 \
    $'sh: line too long (the limit is 65535 bytes)\n' "echo ${x65530}y"$'\necho no\n'
t "65536 words in a command, not more" 2 $'65534\nsh: too many arguments (over 65536)\n' \
    'set -- $(seq 65534); echo $#; set -- $(seq 65535); echo no'
t "a -c string line of 65536 bytes is refused" 2 \
    $'sh: line too long (the limit is 65535 bytes)\n' "echo ${x65530}y"
x3000=${x4090:0:3000}
t_stdin "continuation lines beyond 4095 bytes in all" 0 "$x3000 $x3000 $x3000"$'\n' \
    "echo $x3000 \\"$'\n'"$x3000 \\"$'\n'"$x3000"$'\n'
t_stdin "a compound command over many lines" 0 $'1\n2\ndone\n' \
    $'for i in 1 2\ndo\n  echo $i\ndone\necho done\n'
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
		relay "pty session ($mode)" "$mode"
	done
else
	for mode in jc fallback; do
		ok "pty session ($mode) # SKIP no python3"
	done
fi

# ---- Job control and ^D on a terminal ----
cat >"$T/ptyjobs.py" <<'EOF'
# ptyjobs.py SH: ^Z, jobs, fg, bg, kill %N and ^D in an interactive sh
# whose controlling terminal is a pty.  One "ok"/"not ok" line a step.
import os, pty, re, select, signal, sys, time

sh = sys.argv[1]
pid, fd = pty.fork()
if pid == 0:
    os.execv(sh, [sh])

buf = b""
log = b""
def read_until(pat, timeout=5.0):
    global buf, log
    end = time.time() + timeout
    while not re.search(pat, buf) and time.time() < end:
        r, _, _ = select.select([fd], [], [], 0.1)
        if r:
            try:
                data = os.read(fd, 4096)
            except OSError:
                break
            if not data:
                break
            buf += data
            log += data
    return re.search(pat, buf) is not None

results = []
def step(name, send, pat, pause=0.0):
    global buf
    buf = b""
    for s in send:
        if isinstance(s, float):
            time.sleep(s)
        else:
            os.write(fd, s)
    time.sleep(pause)
    results.append((name, read_until(pat)))

read_until(rb"# ")
step("^Z stops the foreground job", [b"sleep 30\n", 0.5, b"\x1a"],
     rb"\r\n\[1\]\+  Stopped  sleep 30\r\n# ")
step("status of a stopped job is 128+SIGTSTP", [b"echo st $?\n"],
     rb"st %d\r\n" % (128 + signal.SIGTSTP))
step("jobs lists it as Stopped", [b"jobs\n"], rb"\[1\]\+  Stopped  sleep 30\r\n# ")
step("bg continues it in the background", [b"bg\n"], rb"\[1\]\+ sleep 30 &\r\n# ")
step("jobs lists it as Running", [b"jobs\n"], rb"\[1\]\+  Running  sleep 30\r\n# ")
step("bg of a running job", [b"bg %1\n"], rb"sh: bg: job 1 already in background\r\n# ")
step("kill -STOP %1 stops it again", [b"kill -STOP %1\n", 0.3, b"jobs\n"],
     rb"jobs\r\n\[1\]\+  Stopped  sleep 30\r\n# ")
step("fg %1 gives it the terminal", [b"fg %1\n"], rb"fg %1\r\nsleep 30\r\n")
step("^Z again", [0.3, b"\x1a"], rb"\[1\]\+  Stopped  sleep 30\r\n# ")
step("kill %1 ends a stopped job", [b"kill %1\n", 0.3, b"jobs\n"],
     rb"\[1\]\+  Terminated  sleep 30\r\n")
step("jobs: nothing left", [b"jobs; echo none\n"], rb"jobs; echo none\r\nnone\r\n# ")
step("fg runs it to the end", [b"sleep 1\n", 0.3, b"\x1a", 0.2, b"fg\n", 0.2,
     b"echo fgst $?\n"], rb"sleep 1\r\n(.|\r\n)*fgst 0\r\n")
step("a stopped pipeline is one job", [b"sleep 30 | cat\n", 0.5, b"\x1a"],
     rb"\[1\]\+  Stopped  sleep 30 \| cat\r\n# ")
step("two jobs: + and -", [b"sleep 30 &\n", 0.2, b"jobs\n"],
     rb"\[1\]-  Stopped  sleep 30 \| cat\r\n\[2\]\+  Running  sleep 30\r\n# ")
step("kill %2 and %1", [b"kill %2 %1\n", 0.5, b"jobs\n", 0.2, b"echo k $?\n"],
     rb"k 0\r\n# ")
step("^C ends a loop of builtins", [b"while :; do :; done\n", 0.5, b"\x03",
     0.3, b"echo loop $?\n"], rb"\^C\r\n# echo loop \$\?\r\nloop 130\r\n# ")
step("^C ends a loop of commands", [b"for i in 1 2; do sleep 5; done\n", 0.5,
     b"\x03", 0.3, b"echo loop $?\n"], rb"\^C\r\n# echo loop \$\?\r\nloop 130\r\n# ")
step("the shell has the terminal back (reads work)",
     [b"read v; echo \"got $v\"\n", 0.2, b"typed\n"], rb"got typed\r\n# ")
step("a long typed line (4000 bytes)",
     [b"echo " + b"x" * 3995 + b" | wc -c\n"], rb"\r\n3996\r\n# ")
step("^D on an empty line exits with the last status",
     [b"false\n", 0.3, b"\x04"], rb"exit\r\n")
st = None
end = time.time() + 5
while time.time() < end:
    p, status = os.waitpid(pid, os.WNOHANG)
    if p == pid:
        st = os.waitstatus_to_exitcode(status)
        break
    time.sleep(0.1)
if st is None:
    os.kill(pid, signal.SIGKILL)
results.append(("exit status after ^D is 1", st == 1))
for name, r in results:
    print("%s %s" % ("ok" if r else "not ok", name))
sys.stderr.write(repr(log) + "\n")
EOF

if command -v python3 >/dev/null 2>&1; then
	python3 "$T/ptyjobs.py" "$SH" >"$T/pty.out" 2>"$T/pty.err"
	relay "pty job control session" pty
else
	ok "pty job control session # SKIP no python3"
fi

finish
