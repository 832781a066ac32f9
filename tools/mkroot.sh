#!/bin/sh
# mkroot.sh OUT.img [BINDIR [SIZE_KIB]] - the root file system image: ext2
# (revision 1) of SIZE_KIB KiB (16384, the RAM disk, by default) with
# BLOCKSIZE-byte blocks from the environment (4096 by default; 1024 or
# 2048 as in `make BLOCKSIZE=1024`) built by mke2fs -d from a staging copy
# of rootfs/, the programs of BINDIR in /bin, and generated test files, no
# mounting.  Checked with e2fsck -fn right after.
#
# /test holds what the file-system tests read back: empty (0 B), one
# (1 B), 4k and 1m (byte i = (i * 131 + i / 4096) & 255) and dir500 with
# 500 empty files f000..f499; the exec tests' files (below); the commands' tests (tests/user/t_cmds.c)
# read words, lines and table (from rootfs/test), odc (the bytes
# "hi\tthere\n\0\001\377~") and the tree tree/{a,sub/b,sub/deep/c}.
# /bin/[ is a hard link to /bin/test.  /dev has the device nodes.  The
# files of $SBINDIR (default: sbin beside BINDIR) go to /sbin: the file
# system server that mount() starts.
#
# /test/fs1.img is a second ext2 image (2 MiB, 1 KiB blocks) for the mount
# tests (tests/user/t_mount.c), with hello ("hello from fs1") and
# sub/deep ("deep"); /test/fs1.df has what df -k must say of it right
# after it is mounted: 1024-blocks, used and available, from dumpe2fs -h;
# /test/mount.dev the device the tests mount it from ($MOUNT_DEV, default
# /dev/ram1: a RAM disk of the memory driver; label:minor for a disk).
set -e
out=$1
bindir=${2:-}
sbindir=${SBINDIR:-${bindir:+$(dirname "$bindir")/sbin}}
size_kib=${3:-16384}
bsize=${BLOCKSIZE:-4096}
case $bsize in 1024|2048|4096) ;; *) echo "mkroot: BLOCKSIZE=$bsize: want 1024, 2048 or 4096" >&2; exit 1 ;; esac
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
cp -a rootfs/. "$stage/"
mkdir -p "$stage/bin" "$stage/dev" "$stage/tmp" "$stage/test/dir500"
if [ -n "$sbindir" ] && [ -d "$sbindir" ]; then
	mkdir -p "$stage/sbin"
	cp "$sbindir"/* "$stage/sbin/"
	${CROSS:-i686-linux-gnu-}strip "$stage"/sbin/ext2 2>/dev/null || true
fi
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
# /dev: the device nodes (VFS finds a node's driver by its major: 1
# memory, 4 tty, and what `service up -dev` maps; docs/vfs.md).  ram1 and
# ram2 are the memory driver's empty RAM disks (block minors 3 and 4;
# minor 2 is the boot RAM disk, the root).  The host runs this as root;
# mke2fs -d copies the nodes.
mknod -m 600 "$stage/dev/console" c 4 0
mknod -m 666 "$stage/dev/tty" c 4 0
mknod -m 666 "$stage/dev/null" c 1 0
mknod -m 666 "$stage/dev/zero" c 1 1
mknod -m 600 "$stage/dev/ram1" b 1 3
mknod -m 600 "$stage/dev/ram2" b 1 4
# /test/ramdisk.parts: the sectors sfdisk writes for the partitions of
# tests/system/ramdisk.sfdisk on the example RAM disk's 4 MiB (records of
# a 4-byte sector number and 512 bytes; tests/user/t_ramdisk.c writes them
# to /dev/rd0).
tools/mkparts.sh "$stage/rd.img" 4M tests/system/ramdisk.sfdisk "$stage/test/ramdisk.parts"
rm -f "$stage/rd.img"
fs1=$(mktemp -d)
mkdir -p "$fs1/sub"
echo "hello from fs1" > "$fs1/hello"
echo deep > "$fs1/sub/deep"
mke2fs -q -F -t ext2 -b 1024 -L fs1 -d "$fs1" "$stage/test/fs1.img" 2048 >/dev/null
rm -rf "$fs1"
cp "$stage/test/fs1.img" "$(dirname "$out")/fs1.img"	# for a second disk
echo "${MOUNT_DEV:-/dev/ram1}" > "$stage/test/mount.dev"
dumpe2fs -h "$stage/test/fs1.img" 2>/dev/null | awk -F: '
	/^Block count/ { b = $2 + 0 } /^Free blocks/ { f = $2 + 0 }
	/^Reserved block count/ { r = $2 + 0 } /^Block size/ { s = $2 / 1024 }
	END { print b * s, (b - f) * s, (f > r ? f - r : 0) * s }' > "$stage/test/fs1.df"
rm -f "$out"
mke2fs -q -F -t ext2 -b "$bsize" -L root -d "$stage" "$out" $((size_kib * 1024 / bsize)) >/dev/null
e2fsck -fn "$out" >/dev/null 2>&1
