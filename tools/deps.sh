#!/bin/sh
# deps.sh - install the host packages the build needs (Debian 12).  As root
# it runs apt-get; otherwise it prints the exact command to run.  The
# last three are for make bench (the Linux peer is built against glibc for
# i686; plots; its initramfs); its kernel comes from tools/linux-peer.sh.
PKGS="gcc-i686-linux-gnu binutils-i686-linux-gnu nasm grub-pc-bin grub-common xorriso mtools qemu-system-x86 e2fsprogs fdisk make gcc libc6-dev python3 libc6-dev-i386-cross gnuplot-nox cpio"
missing=""
for p in $PKGS; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ]; then
	echo "deps: installing$missing"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq && apt-get install -y -qq $missing >/dev/null || {
		echo "deps: apt-get install failed" >&2
		exit 1
	}
else
	echo "deps: missing packages. Run:" >&2
	echo "  sudo apt-get update && sudo apt-get install -y$missing" >&2
	exit 1
fi
