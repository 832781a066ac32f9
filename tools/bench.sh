#!/bin/bash
# bench.sh IMAGE - run the benchmark image twice under TCG: with
# -icount shift=0 (rdtsc counts guest instructions: deterministic) and
# without (rdtsc follows the host clock: emulated nanoseconds, noisy).
# Prints a table and writes build/bench.json.
set -u
img=$1
QEMU=${QEMU:-qemu-system-i386}
run() { # run EXTRA-QEMU-FLAGS... -> bench lines on stdout
	timeout -k 5 300 "$QEMU" -m 128M -no-reboot -boot d -display none \
		-monitor none -serial stdio -device isa-debug-exit,iobase=0xf4,iosize=0x04 \
		-cdrom "$img" "$@" </dev/null | tr -d '\r' | grep '^bench '
}
icount=$(run -icount shift=0)
wall=$(run)
grep -q '^bench done' <<<"$icount" || { echo "bench: icount run failed" >&2; exit 1; }
tps=$(sed -n 's/^bench tsc_per_sec=//p' <<<"$wall")
printf '%-34s %12s %10s %10s   %14s\n' benchmark "instr(med)" "min" "max" "emulated ns"
json="{\"unit\": \"guest instructions (TCG, -icount shift=0)\", \"results\": {"
sep=""
while read -r _ name rest; do
	case $name in tsc_per_sec=*|done|rdtsc_overhead) continue ;; esac
	med=$(sed -n 's/.*median=\([0-9]*\).*/\1/p' <<<"$rest")
	min=$(sed -n 's/.*min=\([0-9]*\).*/\1/p' <<<"$rest")
	max=$(sed -n 's/.*max=\([0-9]*\).*/\1/p' <<<"$rest")
	wmed=$(grep "^bench $name " <<<"$wall" | sed -n 's/.*median=\([0-9]*\).*/\1/p')
	ns=$(awk -v c="${wmed:-0}" -v t="${tps:-0}" 'BEGIN { if (t > 0) printf "%.0f", c * 1e9 / t; else print "?" }')
	printf '%-34s %12s %10s %10s   %14s\n' "$name" "$med" "$min" "$max" "$ns"
	json="$json$sep\"$name\": {\"median\": $med, \"min\": $min, \"max\": $max, \"emulated_ns\": \"$ns\"}"
	sep=", "
done <<<"$icount"
echo "$json}}" > build/bench.json
echo "(instructions: TCG -icount shift=0, rdtsc overhead subtracted; ns: TCG without icount, emulated)"
echo "wrote build/bench.json"
