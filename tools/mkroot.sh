#!/bin/sh
# mkroot.sh OUT.img - the root file system image: ext2 (revision 1, 1 KiB
# blocks) built by mke2fs -d from a staging copy of rootfs/, no mounting.
# Checked with e2fsck -fn right after.
set -e
out=$1
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
cp -a rootfs/. "$stage/"
mkdir -p "$stage/bin" "$stage/dev" "$stage/tmp"
rm -f "$out"
mke2fs -q -F -t ext2 -b 1024 -L root -d "$stage" "$out" 4096 >/dev/null
e2fsck -fn "$out" >/dev/null 2>&1
