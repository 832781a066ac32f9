#!/bin/bash
# shell-session.sh IMAGE [LOG] - boot IMAGE (the OS with init and sh on the
# serial console) and drive a shell session from the host: send a line,
# wait for the expected output.  Prints TAP lines and "N passed, N failed".
set -u
img=$1 log=${2:-build/shell-session.log}
QEMU=${QEMU:-qemu-system-i386}
pass=0 fail=0 n=0
: > "$log"

coproc VM { timeout -k 5 120 "$QEMU" -m 128M -no-reboot -boot d -display none \
	-monitor none -serial stdio -device isa-debug-exit,iobase=0xf4,iosize=0x04 \
	-cdrom "$img" 2>&1; }
exec {vm_in}>&"${VM[1]}" {vm_out}<&"${VM[0]}"

seen=""
# expect PATTERN SECONDS: read output until PATTERN (a grep -E regex) shows.
expect() {
	local end=$((SECONDS + $2)) chunk
	while [ $SECONDS -lt $end ]; do
		if grep -qE -- "$1" <<<"$seen"; then
			return 0
		fi
		if IFS= read -r -t 1 -u "$vm_out" chunk; then
			chunk=${chunk//$'\r'/}
			printf '%s\n' "$chunk" >> "$log"
			seen+="$chunk"$'\n'
		elif [ -n "$chunk" ]; then
			chunk=${chunk//$'\r'/}
			printf '%s' "$chunk" >> "$log"
			seen+="$chunk"
		fi
	done
	grep -qE -- "$1" <<<"$seen"
}

# step NAME SEND PATTERN [SECONDS]: send a line, expect a pattern.
step() {
	local name=$1 send=$2 pat=$3 secs=${4:-15}
	n=$((n + 1))
	seen=""
	printf '%b' "$send" >&"$vm_in"
	if expect "$pat" "$secs"; then
		echo "ok $n - $name"
		pass=$((pass + 1))
	else
		echo "not ok $n - $name: no /$pat/ in: $(tr '\n' '|' <<<"$seen" | tail -c 200)"
		fail=$((fail + 1))
	fi
}

n=$((n + 1))
if expect '^# $|# $' 60; then
	echo "ok $n - boots to a shell prompt"
	pass=$((pass + 1))
	step "echo hi | cat" 'echo hi | cat\n' '^hi$'
	step "input redirection" 'cat < /etc/motd\n' 'Welcome to minix-grants'
	step "output redirection to /dev/null" 'echo gone > /dev/null; echo kept\n' '^kept$'
	step '$? after false' 'false; echo status $?\n' '^status 1$'
	step '$? after true' 'true; echo status $?\n' '^status 0$'
	step "cd and pwd" 'cd /etc; pwd\n' '^/etc$'
	step "ls a directory" 'ls /test\n' 'dir500'
	step "pipeline of three" 'cat /etc/motd | cat | cat\n' 'Welcome to minix-grants'
	step "a script file" 'echo "echo from-script" > /dev/null; sh /etc/rc\n' 'rc: starting'
	step "ps lists system processes" 'ps\n' '^ +- +7 receive +ext2$'
	step "grants lists VFS's table" 'grants vfs\n' '^vfs \(endpoint 3\): [0-9]+ entries, [0-9]+ mappings$'
	step "sleep starts" 'sleep 30\n' 'sleep 30' 5
	sleep 2 # let it fork and exec
	step "^C stops the sleep, not the shell" '\003' '# $' 5
	step "the shell still works" 'echo alive\n' '^alive$'
else
	echo "not ok $n - boots to a shell prompt: $(tail -c 300 "$log" | tr '\n' '|')"
	fail=$((fail + 1))
fi
vm_pid=${VM_PID:-}
if [ -n "$vm_pid" ]; then
	kill "$vm_pid" 2>/dev/null
	wait "$vm_pid" 2>/dev/null
fi
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
