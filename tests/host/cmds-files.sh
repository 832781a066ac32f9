#!/bin/bash
# cmds-files.sh - host tests of the commands that change files and their
# attributes: touch ln chmod chown stat sync truncate readlink dd du,
# built with the host compiler (ASan/UBSan, our getopt renamed mg_*, the
# helpers of lib/cmdutil) as cmds.sh does, run in a scratch directory,
# exact output and exit status compared.  The same commands run in the
# guest in tests/user/t_cmds2.c (on ext2, where block counts are exact).
# Prints TAP lines and "N passed, N failed".
#
#	bash tests/host/cmds-files.sh
set -u

. "$(dirname "$0")/lib.sh"
BIN=$OUT/cmds-files
CMDS="touch ln chmod chown stat sync truncate readlink dd du"

rm -rf "$BIN" "$OUT/cmds-files-lib"
mkdir -p "$BIN" "$OUT/cmds-files-lib"
RENAME="-Dgetopt=mg_getopt -Doptarg=mg_optarg -Doptind=mg_optind
	-Dopterr=mg_opterr -Doptopt=mg_optopt"
built=1
for c in $CMDS; do
	# shellcheck disable=SC2086
	if ! host_cc "$BIN/$c" -Wno-unused-parameter -D_GNU_SOURCE -DHOST_TEST \
	    $RENAME "$ROOT"/commands/"$c"/*.c "$ROOT/lib/libc/getopt.c" \
	    "$ROOT/lib/cmdutil/ids.c"; then
		not_ok "build $c"
		built=0
	fi
done
[ $built = 1 ] || finish
ok "build the commands"

scratch
W=$T/w
mkdir -p "$W"
W=$(cd "$W" && pwd -P)
export PATH="$BIN:/usr/bin:/bin" BIN
export ASAN_OPTIONS=detect_leaks=0
export LC_ALL=C
umask 022

t() {
	(cd "$W" && bash -c "$4" >"$T/got" 2>&1 </dev/null)
	got_st=$?
	check "$1" "$2" "$3"
}

# ---- touch ----
t "touch makes a file" 0 $'0\n' 'touch new && /usr/bin/stat -c %s new'
t "touch -c makes nothing" 1 '' 'touch -c none; test -e none'
t "touch sets both times to now" 0 $'1 1\n' \
    'printf x > f; /usr/bin/touch -d @1000 f; touch f; a=$(/usr/bin/stat -c %X f); m=$(/usr/bin/stat -c %Y f); echo $((a > 1000)) $((m > 1000))'
t "touch -a: only the access time" 0 $'1 1000\n' \
    '/usr/bin/touch -d @1000 f; touch -a f; echo $(($(/usr/bin/stat -c %X f) > 1000)) $(/usr/bin/stat -c %Y f)'
t "touch -m: only the modification time" 0 $'1000 1\n' \
    '/usr/bin/touch -d @1000 f; touch -m f; echo $(/usr/bin/stat -c %X f) $(($(/usr/bin/stat -c %Y f) > 1000))'
t "touch: missing directory" 1 $'touch: nodir/f: No such file or directory\n' 'touch nodir/f'
t "touch: usage" 1 $'usage: touch [-acm] file ...\n' 'touch'

# ---- ln ----
t "ln: a hard link" 0 $'2 x\n' 'printf x > a; ln a b; echo $(/usr/bin/stat -c %h b) $(cat b)'
t "ln -s: a symbolic link" 0 $'a\n' 'ln -s a s; /usr/bin/readlink s'
t "ln: target exists" 1 $'ln: b: File exists\n' 'ln a b'
t "ln -f replaces" 0 'x' 'printf y > c; ln -f a c; cat c'
t "ln -sf replaces" 0 $'c\n' 'ln -sf c s; /usr/bin/readlink s'
t "ln into a directory" 0 $'x x\n' 'mkdir d; ln a c d; echo $(cat d/a) $(cat d/c)'
t "ln with one operand: here" 0 'x' 'mkdir e && cd e && ln -s ../a && cat a'
t "ln: missing source" 1 $'ln: nosuch: No such file or directory\n' 'ln nosuch z'
t "ln: several sources need a directory" 1 $'ln: a: Not a directory\n' 'ln c s a'
t "ln: usage" 1 $'usage: ln [-fs] source [target]\n       ln [-fs] source ... directory\n' 'ln'

# ---- chmod ----
m() { echo "$1; /usr/bin/stat -c %a m"; }
t "chmod octal" 0 $'751\n' "touch m; $(m 'chmod 751 m')"
t "chmod u+x,go-w" 0 $'744\n' "$(m 'chmod 666 m; chmod u+x,go-w m')"
t "chmod a=r" 0 $'444\n' "$(m 'chmod a=r m')"
t "chmod +x (less the umask)" 0 $'555\n' "$(m 'chmod +x m')"
t "chmod -w as an operand (the umask's bits stay)" 0 $'466\n' "$(m 'chmod 666 m; chmod -w m')"
t "chmod a-w" 0 $'444\n' "$(m 'chmod 666 m; chmod a-w m')"
t "chmod g=u" 0 $'664\n' "$(m 'chmod 644 m; chmod g=u m')"
t "chmod a=rX on a file without x" 0 $'444\n' "$(m 'chmod 600 m; chmod a=rX m')"
t "chmod a=rX on a directory" 0 $'555\n' 'mkdir md; chmod a=rX md; /usr/bin/stat -c %a md'
t "chmod u+s,+t" 0 $'5755\n' "$(m 'chmod 755 m; chmod u+s,+t m')"
t "chmod: bad mode" 1 $'chmod: invalid mode: u+q\n' 'chmod u+q m'
t "chmod: bad octal" 1 $'chmod: invalid mode: 8\n' 'chmod 8 m'
t "chmod: missing file" 1 $'chmod: nofile: No such file or directory\n' 'chmod 644 nofile'
t "chmod: usage" 1 $'usage: chmod mode file ...\n' 'chmod 644'

# ---- chown ----
if [ "$(id -u)" = 0 ]; then
	t "chown uid:gid" 0 $'12:34\n' 'touch o; chown 12:34 o; /usr/bin/stat -c %u:%g o'
	t "chown :gid keeps the owner" 0 $'12:56\n' 'chown :56 o; /usr/bin/stat -c %u:%g o'
	t "chown root by name" 0 $'0:56\n' 'chown root o; /usr/bin/stat -c %u:%g o'
	t "chown -h: the link itself" 0 $'7 0\n' 'ln -s o ol; chown -h 7 ol; echo $(/usr/bin/stat -c %u ol) $(/usr/bin/stat -c %u o)'
fi
t "chown: bad user" 1 $'chown: invalid user: no-such-user\n' 'chown no-such-user o'
t "chown: bad group" 1 $'chown: invalid group: no-such-group\n' 'chown 1:no-such-group o'
t "chown: usage" 1 $'usage: chown [-h] owner[:group] file ...\n' 'chown 0'

# ---- stat ----
t "stat -c sizes and mode" 0 $'5 regular file 0640 -rw-r----- sf\n' \
    'printf 12345 > sf; chmod 640 sf; stat -c "%s %F %04a %A %n" sf'
t "stat -c the same as GNU's" 0 "$(cd "$W" && /usr/bin/stat -c '%s %b %B %i %h %u %g %f %X %Y %Z %o %d' sf)"$'\n' \
    'stat -c "%s %b %B %i %h %u %g %f %X %Y %Z %o %d" sf'
t "stat -c widths" 0 $'[5    ][    5]%\n' 'stat -c "[%-5s][%5s]%%" sf'
t "stat -c of a link and -L" 0 $'symbolic link sl -> sf\nregular file sl\n' \
    'ln -s sf sl; stat -c "%F %N" sl; stat -L -c "%F %N" sl'
t "stat: the default layout as GNU's" 0 "$(cd "$W" && /usr/bin/stat sf | sed 's/\.[0-9]\{9\} [-+][0-9]\{4\}$/.000000000 +0000/; s/^\(Access\|Modify\|Change\): [0-9-]* [0-9:]*/\1: T/; s/^ Birth: .*/ Birth: -/; s/Device: .*\tInode/Device: D\tInode/')"$'\n' \
    'TZ=UTC stat sf | sed "s/^\(Access\|Modify\|Change\): [0-9-]* [0-9:]*/\1: T/; s/Device: .*\tInode/Device: D\tInode/"'
t "stat: missing file" 1 $'stat: nofile: No such file or directory\n' 'stat nofile'

# ---- sync ----
t "sync" 0 '' 'sync'
t "sync: usage" 1 $'usage: sync\n' 'sync x'

# ---- truncate ----
sz() { echo "$1; /usr/bin/stat -c %s tf"; }
t "truncate -s makes and sizes" 0 $'100\n' "$(sz 'truncate -s 100 tf')"
t "truncate -s 1K" 0 $'1024\n' "$(sz 'truncate -s 1K tf')"
t "truncate -s +10" 0 $'1034\n' "$(sz 'truncate -s +10 tf')"
t "truncate -s -1000" 0 $'34\n' "$(sz 'truncate -s -1000 tf')"
t "truncate -s -100 stops at 0" 0 $'0\n' "$(sz 'truncate -s -100 tf')"
t "truncate -c makes nothing" 1 '' 'truncate -c -s 5 none; test -e none'
t "truncate keeps the head" 0 $'abc\n' 'printf abcdef > tg; truncate -s 3 tg; cat tg; echo'
t "truncate: bad size" 1 $'truncate: invalid size: 5X\n' 'truncate -s 5X tf'
t "truncate: usage" 1 $'usage: truncate [-c] -s [+-]SIZE file ...\n' 'truncate tf'

# ---- readlink ----
t "readlink" 0 $'target\n' 'ln -s target rl; readlink rl'
t "readlink -n" 0 'target' 'readlink -n rl'
t "readlink of a file: status 1" 1 '' 'readlink sf'
t "readlink -f" 0 "$W/sf"$'\n' 'mkdir -p rd/x; ln -s ../sf rd/up; readlink -f rd/x/../up'
t "readlink -f: last missing" 0 "$W/rd/none"$'\n' 'readlink -f ./rd//none'
t "readlink -f: a loop" 1 $'readlink: loop: Too many levels of symbolic links\n' \
    'ln -s loop loop; readlink -f loop'
t "readlink: usage" 1 $'usage: readlink [-fn] file ...\n' 'readlink'

# ---- dd ----
t "dd bs count" 0 $'2+0 records in\n2+0 records out\nabcdef\n' \
    'printf abcdefghij > di; dd if=di of=do bs=3 count=2; cat do; echo'
t "dd skip seek notrunc" 0 $'1+0 records in\n1+0 records out\nXXcdXX\n' \
    'printf XXXXXX > dn; dd if=di of=dn bs=2 skip=1 seek=1 count=1 conv=notrunc; cat dn; echo'
t "dd seek truncates after" 0 $'1+0 records in\n1+0 records out\nXXcd\n' \
    'dd if=di of=dn bs=2 skip=1 seek=1 count=1; cat dn; echo'
t "dd partial records" 0 $'3+1 records in\n3+1 records out\n10\n' \
    'dd if=di of=dp bs=3; /usr/bin/stat -c %s dp'
t "dd reblocks ibs obs" 0 $'abcdefghij2+1 records in\n1+1 records out\n' \
    'dd if=di ibs=4 obs=8'
t "dd from a pipe, skip by reading" 0 'fghij' \
    'cat di | dd bs=5 skip=1 count=1 2>/dev/null'
t "dd sizes with suffixes" 0 $'1+0 records in\n1+0 records out\n2048\n' \
    'dd if=/dev/zero of=dz bs=2k count=1; /usr/bin/stat -c %s dz'
t "dd: bad number" 1 $'dd: invalid number: bs=x\n' 'dd bs=x'
t "dd: bad operand" 1 $'dd: unknown operand foo\nusage: dd [if=file] [of=file] [bs=n] [ibs=n] [obs=n] [count=n] [skip=n] [seek=n] [conv=notrunc]\n' 'dd foo'
t "dd: missing input" 1 $'dd: nofile: No such file or directory\n0+0 records in\n0+0 records out\n' 'dd if=nofile'

# ---- du ----
t "du -s: the same as GNU's du -s -B512" 0 "$(cd "$W" && /usr/bin/du -s -B512 . | cut -f1)"$'\t.\n' 'du -s .'
t "du -sk: the same as GNU's du -sk" 0 "$(cd "$W" && /usr/bin/du -sk rd d)"$'\n' 'du -sk rd d'
t "du -a: the same as GNU's du -a -B512" 0 "$(cd "$W" && /usr/bin/du -a -B512 d)"$'\n' 'du -a d'
t "du: a tree, directories after contents" 0 "$(cd "$W" && /usr/bin/du -B512 rd)"$'\n' 'du rd'
t "du: missing file" 1 $'du: nofile: No such file or directory\n' 'du nofile'
t "du: -a and -s" 1 $'usage: du [-a | -s] [-k] [file ...]\n' 'du -as'

finish
