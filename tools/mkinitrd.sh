#!/bin/sh
# mkinitrd.sh OUT INIT UBENCH TRUE - the Linux peer's initramfs (make
# bench): a gzipped newc cpio with /init, /bin/ubench, /bin/true and
# /test/1m (the same pattern as our root file system's, tools/mkroot.sh:
# byte i = (i * 131 + i / 4096) & 255).  No root file system: Linux runs
# from the initramfs (/dev is devtmpfs, mounted by /init).
set -e
out=$1
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
mkdir -p "$stage/bin" "$stage/dev" "$stage/test"
cp "$2" "$stage/init"
cp "$3" "$stage/bin/ubench"
cp "$4" "$stage/bin/true"
perl -e 'binmode STDOUT; print pack("C*", map { ($_ * 131 + int($_ / 4096)) & 255 } 0 .. 1048575)' > "$stage/test/1m"
(cd "$stage" && find . | LC_ALL=C sort | cpio -o -H newc -R 0:0 --quiet) | gzip -9n > "$out"
