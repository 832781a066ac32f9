#!/usr/bin/env python3
"""trace-profile.py - where the instructions of one benchmark go.

Reads QEMU's instruction trace (-singlestep -d exec,nochain: one "Trace"
line per guest instruction executed, each iteration of a rep-prefixed
string instruction included, as -icount counts them) on stdin, maps each
pc to a symbol of the kernel and of one program, and counts instructions
per symbol between the first execution of symbol START and the next one
of symbol END after it.  Prints the counts divided by N (the number of
operations in the window), largest first.

  qemu-system-i386 ... -singlestep -d exec,nochain -D /dev/stdout |
      tools/trace-profile.py build/kernel.elf build/bin/bench START END N

Used for docs/performance.md (make profile-ipc runs it on the SENDREC
round trip of tests/bench).
"""
import bisect
import re
import subprocess
import sys

TRACE = re.compile(r"^Trace \d+: \S+ \[[0-9a-f]+/([0-9a-f]+)/")


def symbols(elf, nm):
    out = subprocess.run([nm, "-n", elf], capture_output=True, text=True).stdout
    syms = []
    for line in out.splitlines():
        f = line.split()
        if len(f) == 3 and f[1] in "tTwW":
            syms.append((int(f[0], 16), f[2]))
    return syms


def main():
    arm_name = None
    if len(sys.argv) == 8 and sys.argv[1] == "--arm":
        arm_name = sys.argv[2]
        del sys.argv[1:3]
    if len(sys.argv) != 6:
        print("usage: trace-profile.py [--arm SYMBOL] KERNEL.ELF PROGRAM START END N",
              file=sys.stderr)
        return 2
    nm = "i686-linux-gnu-nm"
    kern = symbols(sys.argv[1], nm)
    prog = symbols(sys.argv[2], nm)
    start_name, end_name, n = sys.argv[3], sys.argv[4], int(sys.argv[5])
    # User programs live at 1 GiB and up, the kernel below.
    table = sorted(kern + prog)
    addrs = [a for a, _ in table]
    pos = {name: a for a, name in prog + kern}
    start, end = pos[start_name], pos[end_name]
    # Other programs run code at the same user addresses during boot: with
    # --arm, the window opens at the first START after ARM (a kernel
    # function only the benchmark reaches) was executed.
    armed = arm_name is None
    arm = pos[arm_name] if arm_name else None
    counts = {}
    total = 0
    inside = False
    for line in sys.stdin:
        m = TRACE.match(line)
        if not m:
            continue
        pc = int(m.group(1), 16)
        if not inside:
            if not armed:
                armed = pc == arm
            elif pc == start:
                inside = True
            else:
                continue
        elif pc == end:
            break
        i = bisect.bisect_right(addrs, pc) - 1
        name = table[i][1] if i >= 0 else "?"
        if pc < 0x40000000 and name in dict(prog).values():
            name = "?"
        counts[name] = counts.get(name, 0) + 1
        total += 1
    print(f"{total / n:.0f} instructions per operation ({total} in the window, N={n})")
    for name, c in sorted(counts.items(), key=lambda x: -x[1]):
        if c / n >= 0.5:
            print(f"{c / n:8.1f}  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
