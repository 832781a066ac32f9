#!/bin/bash
# bench.sh IMAGE... - run each benchmark image twice under TCG: with
# -icount shift=0 (rdtsc counts guest instructions: deterministic) and
# without (rdtsc follows the host clock: emulated nanoseconds, noisy).
# An image prints lines "bench NAME median=N min=N max=N n=N", its own
# "bench tsc_per_sec=N" and "bench done" (tests/bench, commands/ubench).
# Prints one table of every image's results, the ratios of the user-mode
# reads to an in-guest memcpy of the same size, and writes
# build/bench.json.
set -u
[ $# -ge 1 ] || { echo "usage: bench.sh IMAGE..." >&2; exit 2; }
QEMU=${QEMU:-qemu-system-i386}
run() { # run IMAGE EXTRA-QEMU-FLAGS... -> bench lines on stdout
	local img=$1
	shift
	timeout -k 5 300 "$QEMU" -m 128M -no-reboot -boot d -display none \
		-monitor none -serial stdio -device isa-debug-exit,iobase=0xf4,iosize=0x04 \
		-cdrom "$img" "$@" </dev/null | tr -d '\r' | grep '^bench '
}
field() { # field NAME LINES -> the number after NAME=
	sed -n "s/.* $1=\([0-9]*\).*/\1/p" <<<"$2"
}

# One row per result: image name median min max emulated-ns.
rows=""
for img in "$@"; do
	icount=$(run "$img" -icount shift=0)
	wall=$(run "$img")
	grep -q '^bench done' <<<"$icount" || { echo "bench: $img: icount run failed" >&2; exit 1; }
	grep -q '^bench done' <<<"$wall" || echo "bench: $img: run without icount failed (no ns)" >&2
	tps=$(sed -n 's/^bench tsc_per_sec=//p' <<<"$wall")
	while read -r _ name rest; do
		case $name in tsc_per_sec=*|done|rdtsc_overhead) continue ;; esac
		wmed=$(field median "$(grep "^bench $name " <<<"$wall")")
		ns=$(awk -v c="${wmed:-0}" -v t="${tps:-0}" 'BEGIN { if (c > 0 && t > 0) printf "%.0f", c * 1e9 / t; else print "?" }')
		rows+="$(basename "$img" .iso) $name $(field median " $rest") $(field min " $rest") $(field max " $rest") $ns"$'\n'
	done <<<"$icount"
done

printf '%-34s %12s %10s %10s   %14s  %s\n' benchmark "instr(med)" "min" "max" "emulated ns" image
json="{\"unit\": \"guest instructions (TCG, -icount shift=0)\", \"results\": {"
sep=""
while read -r img name med min max ns; do
	[ -n "$name" ] || continue
	printf '%-34s %12s %10s %10s   %14s  %s\n' "$name" "$med" "$min" "$max" "$ns" "$img"
	json+="$sep\"$name\": {\"median\": $med, \"min\": $min, \"max\": $max, \"emulated_ns\": \"$ns\", \"image\": \"$img\"}"
	sep=", "
done <<<"$rows"
echo "(instructions: TCG -icount shift=0, rdtsc overhead subtracted; ns: TCG without icount, emulated)"

# Ratios: a user-mode read against an in-guest memcpy of the same size.
json+="}, \"ratios\": {"
sep=""
header=0
for pair in read_devzero_1m/memcpy_1m read_ramdisk_1m/memcpy_1m \
    read_ramdisk_64k_cached/memcpy_64k; do
	a=$(awk -v n="${pair%/*}" '$2 == n { print $3, $6 }' <<<"$rows")
	b=$(awk -v n="${pair#*/}" '$2 == n { print $3, $6 }' <<<"$rows")
	[ -n "$a" ] && [ -n "$b" ] || continue
	r=$(awk -v a="$a" -v b="$b" 'BEGIN {
		split(a, x, " "); split(b, y, " ")
		printf "%.2f ", x[1] / y[1]
		if (x[2] + 0 > 0 && y[2] + 0 > 0) printf "%.2f", x[2] / y[2]; else printf "?"
	}')
	if [ $header = 0 ]; then
		printf '\n%-42s %12s %14s\n' ratio "instructions" "emulated ns"
		header=1
	fi
	printf '%-42s %11sx %13sx\n' "$pair" "${r% *}" "${r#* }"
	ns=${r#* }
	[ "$ns" = "?" ] && ns=null
	json+="$sep\"$pair\": {\"instructions\": ${r% *}, \"emulated_ns\": $ns}"
	sep=", "
done
echo "$json}}" > build/bench.json
echo "wrote build/bench.json"
