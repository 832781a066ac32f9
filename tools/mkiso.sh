#!/bin/sh
# mkiso.sh OUT.iso KERNEL MODULE... - a GRUB rescue image (grub-mkrescue)
# that boots KERNEL with each MODULE as a multiboot module named after its
# file name, in the order given.  KERNEL_ARGS, if set, is the kernel's
# command line (e.g. selftest=panic).
set -e
out=$1 kernel=$2
shift 2
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
mkdir -p "$dir/boot/grub"
cp "$kernel" "$dir/boot/kernel"
{
	echo "set timeout=0"
	echo "set default=0"
	echo "menuentry \"minix-grants\" {"
	echo "	multiboot /boot/kernel ${KERNEL_ARGS:-}"
	for m in "$@"; do
		# "path:arg:arg..." gives the module a command line after its
		# name (one word per arg).
		args=""
		case $m in *:*) args=" $(echo "${m#*:}" | tr : ' ')"; m=${m%%:*} ;; esac
		name=$(basename "$m")
		cp "$m" "$dir/boot/$name"
		echo "	module /boot/$name $name$args"
	done
	echo "	boot"
	echo "}"
} > "$dir/boot/grub/grub.cfg"
grub-mkrescue -o "$out" "$dir" >/dev/null 2>&1 || {
	echo "mkiso: grub-mkrescue failed" >&2
	grub-mkrescue -o "$out" "$dir"
	exit 1
}
