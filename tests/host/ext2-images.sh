#!/bin/sh
# ext2-images.sh - build the ext2 images that tests/host/test_ext2fs.c reads.
#
# Owns build/host/ext2/: two staging trees made deterministically (stage-r1
# and stage-r0, the same without the 5 GiB sparse file that revision 0
# cannot hold) and four images made from them with `mke2fs -d`:
#   1k.img  revision 1, 1 KiB blocks, 128-byte inodes, 8 groups
#   2k.img  revision 1, 2 KiB blocks, 256-byte inodes, no sparse_super
#   4k.img  revision 1, 4 KiB blocks, 256-byte inodes, 4 groups
#   r0.img  revision 0 (no FILETYPE: 16-bit name_len), 1 KiB blocks
# File content follows one pattern, byte i of a file (i its offset) being
#   (i * 131 + i / 4096 + 1) & 0xff
# which never gives an all-zero block (mke2fs -d would store it as a hole).
# Does nothing when every image is newer than this script; prints nothing
# unless something fails.  Usage: ext2-images.sh (from anywhere).
set -eu
umask 022
script=$(cd "$(dirname "$0")" && pwd)/$(basename "$0")
root=$(cd "$(dirname "$0")/../.." && pwd)
out=$root/build/host/ext2
images="1k 2k 4k r0"

fresh=1
for i in $images; do
	[ "$out/$i.img" -nt "$script" ] || fresh=0
done
[ $fresh = 1 ] && exit 0

mkdir -p "$out"
tmp=$out/tmp.$$
trap 'rm -rf "$tmp"' EXIT
rm -rf "$tmp"
mkdir -p "$tmp"

# stage DIR WITH_HUGE: the staging tree.
stage() {
	perl - "$1" "$2" <<'EOF'
use strict;
use warnings;
my ($dir, $huge) = @ARGV;
my %variant;	# 4 KiB of pattern for chunks k with the same (k + 1) & 255
sub chunk {
	my ($k) = @_;
	my $v = ($k + 1) & 255;
	$variant{$v} //= pack("C*", map { ($_ * 131 + $v) & 255 } 0 .. 4095);
	return $variant{$v};
}
# Write the pattern for bytes [from, to) of the open file.
sub pat {
	my ($fh, $from, $to) = @_;
	seek($fh, $from, 0) or die "seek: $!";
	while ($from < $to) {
		my $k = int($from / 4096);
		my $o = $from - $k * 4096;
		my $n = 4096 - $o;
		$n = $to - $from if $n > $to - $from;
		print $fh substr(chunk($k), $o, $n) or die "write: $!";
		$from += $n;
	}
}
sub file {	# file NAME SIZE MODE [RANGES...]: pattern in RANGES, or all
	my ($name, $size, $mode, @ranges) = @_;
	open(my $fh, ">", "$dir/$name") or die "$name: $!";
	binmode $fh;
	@ranges = (0, $size) unless @ranges;
	while (@ranges) {
		my ($a, $b) = splice(@ranges, 0, 2);
		pat($fh, $a, $b);
	}
	truncate($fh, $size) or die "truncate: $!";
	close($fh) or die "$name: $!";
	chmod($mode, "$dir/$name") or die "$name: $!";
}
sub text {	# text NAME CONTENT MODE
	my ($name, $content, $mode) = @_;
	open(my $fh, ">", "$dir/$name") or die "$name: $!";
	print $fh $content;
	close($fh) or die "$name: $!";
	chmod($mode, "$dir/$name") or die "$name: $!";
}
sub dir { mkdir("$dir/$_[0]", 0755) or die "$_[0]: $!"; }

mkdir($dir, 0755) or die "$dir: $!";
file("empty", 0, 0644);
file("one", 1, 0644);
file("four_k", 4096, 0644);
file("mega", 1 << 20, 0644);
file("odd", 300001, 0644);
my $ssize = 80 * 1048576 + 777;
file("sparse", $ssize, 0644, 5000, 9000, 307200, 310200,
    70 * 1048576 + 123, 70 * 1048576 + 5123, $ssize - 3000, $ssize);
if ($huge) {
	my $hsize = 5 * 1073741824 + 10000;
	file("huge", $hsize, 0644, 0, 100, $hsize - 9000, $hsize);
}
link("$dir/four_k", "$dir/hard") or die "hard: $!";
text("exec.sh", "#!/bin/sh\necho hi\n", 0755);
text("private", "secret\n", 0600);
dir("dir500");
text(sprintf("dir500/f%03d", $_), sprintf("f%03d\n", $_), 0644) for 0 .. 499;
dir("a"); dir("a/b"); dir("a/b/c"); dir("a/b/c/d"); dir("a/empty_dir");
text("a/b/c/d/deep.txt", "deep file\n", 0644);
text("a/b/sib.txt", "sibling\n", 0644);
symlink("a/b/c/d/deep.txt", "$dir/link") or die "link: $!";
symlink("a/" . ("./" x 60) . "b/sib.txt", "$dir/longlink") or die "longlink: $!";
chmod(0755, $dir);
EOF
	# Fixed times, symlinks included, directories last.
	find "$1" -exec touch -h -d @1600000000 {} +
}

stage "$tmp/stage-r1" 1
stage "$tmp/stage-r0" 0

# mkimg NAME STAGE MKE2FS-OPTIONS...
mkimg() {
	name=$1 src=$2
	shift 2
	if ! mke2fs -q -F -t ext2 "$@" -d "$src" "$tmp/$name.img" 16M \
	    >"$tmp/log" 2>&1; then
		cat "$tmp/log" >&2
		echo "ext2-images.sh: mke2fs for $name.img failed" >&2
		exit 1
	fi
}
mkimg 1k "$tmp/stage-r1" -b 1024 -I 128 -g 2048 -N 2048
mkimg 2k "$tmp/stage-r1" -b 2048 -I 256 -g 4096 -N 1024 -O ^sparse_super,^resize_inode
mkimg 4k "$tmp/stage-r1" -b 4096 -I 256 -g 1024 -N 768
mkimg r0 "$tmp/stage-r0" -r 0 -b 1024 -g 4096

rm -rf "$out/stage-r1" "$out/stage-r0"
mv "$tmp/stage-r1" "$tmp/stage-r0" "$out/"
for i in $images; do
	mv -f "$tmp/$i.img" "$out/$i.img"
done
