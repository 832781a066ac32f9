#!/bin/sh
# linux-peer.sh OUTDIR - fetch the Linux peer's kernel for make bench:
# Debian's i386 "686" kernel package (the one linux-image-686:i386 depends
# on), downloaded with apt-get download into OUTDIR and unpacked there;
# leaves OUTDIR/vmlinuz and OUTDIR/version (the package name and
# version).  A build input, never committed.  Also installs what the
# benchmark report needs (gnuplot, cpio).  Needs root for dpkg
# --add-architecture and apt-get (Debian 12); otherwise prints the
# commands to run.
set -e
out=${1:-build/linux}
PKGS="gnuplot-nox cpio libc6-dev-i386-cross"
[ -s "$out/vmlinuz" ] && [ -s "$out/version" ] && command -v gnuplot >/dev/null &&
	command -v cpio >/dev/null && exit 0
if [ "$(id -u)" != 0 ]; then
	echo "linux-peer: needs root. Run:" >&2
	echo "  sudo dpkg --add-architecture i386 && sudo apt-get update && sudo apt-get install -y $PKGS" >&2
	echo "  and again as root: $0 $out" >&2
	exit 1
fi
export DEBIAN_FRONTEND=noninteractive
# apt sees i386 packages only once the architecture is added.
if ! dpkg --print-foreign-architectures | grep -qx i386 ||
    ! apt-cache show linux-image-686:i386 >/dev/null 2>&1; then
	echo "linux-peer: adding the i386 architecture to apt"
	dpkg --add-architecture i386
	apt-get update -qq
fi
missing=""
for p in $PKGS; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
done
[ -z "$missing" ] || apt-get install -y -qq $missing >/dev/null
pkg=$(apt-cache depends linux-image-686:i386 | sed -n 's/^ *Depends: \(linux-image-[0-9.]*-[0-9]*-686\)\(:i386\)\{0,1\}$/\1/p' | head -n 1)
[ -n "$pkg" ] || { echo "linux-peer: no linux-image-*-686 package for i386 in apt" >&2; exit 1; }
mkdir -p "$out"
rm -rf "$out/deb" && mkdir -p "$out/deb"
echo "linux-peer: apt-get download $pkg:i386"
(cd "$out/deb" && apt-get download -qq "$pkg:i386" 2>&1 | grep -v '^W: Download is performed unsandboxed' || true)
deb=$(ls "$out"/deb/*.deb 2>/dev/null | head -n 1)
[ -n "$deb" ] || { echo "linux-peer: download of $pkg failed" >&2; exit 1; }
rm -rf "$out/x" && dpkg-deb -x "$deb" "$out/x"
cp "$out"/x/boot/vmlinuz-* "$out/vmlinuz"
echo "$(dpkg-deb -f "$deb" Package) $(dpkg-deb -f "$deb" Version)" > "$out/version"
rm -rf "$out/x" "$out/deb"
echo "linux-peer: $(cat "$out/version")"
