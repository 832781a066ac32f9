#!/bin/sh
# mkroot.sh OUT.img [BINDIR [SIZE_KIB]] - the root file system image: ext2
# (revision 1) of SIZE_KIB KiB (16384, the RAM disk, by default) with
# BLOCKSIZE-byte blocks (1024 by default; the Makefile's disk images use
# its BLOCKSIZE, 4096 unless given) built by mke2fs -d from a staging copy
# of rootfs/, the programs of BINDIR in /bin, and generated test files, no
# mounting.  Checked with e2fsck -fn right after.
#
# /test holds what the file-system tests read back: empty (0 B), one
# (1 B), 4k and 1m (byte i = (i * 131 + i / 4096) & 255) and dir500 with
# 500 empty files f000..f499; the exec tests' files (below); the commands' tests (tests/user/t_cmds.c)
# read words, lines and table (from rootfs/test), odc (the bytes
# "hi\tthere\n\0\001\377~") and the tree tree/{a,sub/b,sub/deep/c}.
# /bin/[ is a hard link to /bin/test.
set -e
out=$1
bindir=${2:-}
size_kib=${3:-16384}
bsize=${BLOCKSIZE:-1024}
case $bsize in 1024|2048|4096) ;; *) echo "mkroot: BLOCKSIZE=$bsize: want 1024, 2048 or 4096" >&2; exit 1 ;; esac
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
cp -a rootfs/. "$stage/"
mkdir -p "$stage/bin" "$stage/dev" "$stage/tmp" "$stage/test/dir500"
if [ -n "$bindir" ] && [ -d "$bindir" ]; then
	cp "$bindir"/* "$stage/bin/" 2>/dev/null || true
	# exec reads the whole file: leave the debug information behind
	# (the unstripped programs stay in the build folder for gdb).
	${CROSS:-i686-linux-gnu-}strip "$stage"/bin/* 2>/dev/null || true
	if [ -f "$stage/bin/test" ]; then
		ln -f "$stage/bin/test" "$stage/bin/["
	fi
fi
: > "$stage/test/empty"
printf x > "$stage/test/one"
printf 'hi\tthere\n\0\001\377~' > "$stage/test/odc"
mkdir -p "$stage/test/tree/sub/deep"
echo a > "$stage/test/tree/a"
echo b > "$stage/test/tree/sub/b"
echo c > "$stage/test/tree/sub/deep/c"
pattern() { perl -e 'binmode STDOUT; print pack("C*", map { ($_ * 131 + int($_ / 4096)) & 255 } 0 .. $ARGV[0] - 1)' "$1"; }
pattern 4096 > "$stage/test/4k"
pattern 1048576 > "$stage/test/1m"
# exec tests: noexec (no x bit), a #!/bin/sh script, a #! line with one
# argument (blanks inside kept), junk (x bit, neither ELF nor #!), loop (its
# own interpreter), longline (a #! line over 255 bytes), badinterp (its
# interpreter has no x bit).
printf 'echo should not run\n' > "$stage/test/noexec"
chmod 644 "$stage/test/noexec"
printf '#!/bin/sh\necho script $0 $1 $2\n' > "$stage/test/script"
printf '#!/bin/echo  one  two \n' > "$stage/test/echoarg"
printf '\177ELG junk\n' > "$stage/test/junk"
printf '#!/test/loop\n' > "$stage/test/loop"
printf '#!/bin/%0300d\n' 0 > "$stage/test/longline"
printf '#!/test/noexec\n' > "$stage/test/badinterp"
chmod 755 "$stage/test/script" "$stage/test/echoarg" "$stage/test/junk" \
	"$stage/test/loop" "$stage/test/longline" "$stage/test/badinterp"
i=0
while [ $i -lt 500 ]; do
	: > "$stage/test/dir500/f$(printf %03d $i)"
	i=$((i + 1))
done
rm -f "$out"
mke2fs -q -F -t ext2 -b "$bsize" -L root -d "$stage" "$out" $((size_kib * 1024 / bsize)) >/dev/null
e2fsck -fn "$out" >/dev/null 2>&1
