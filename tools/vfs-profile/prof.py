#!/usr/bin/env python3
"""prof.py - where the instructions of the user-mode file calls go, by
process and function (tools/vfs-profile/run.sh; docs/performance.md).

Reads QEMU's instruction trace (-singlestep -d exec,nochain: one "Trace"
line per guest instruction) on stdin.  The kernel and the programs given
are linked at distinct addresses (run.sh relinks the servers), so a pc
names its process.  Windows are opened and closed by the marker functions
pm_NAME_b and pm_NAME_e of the first program (uprof.c); each window's
counts per symbol are printed divided by N (its operations).

  prof.py KERNEL.ELF UPROF SERVER... < trace
"""
import bisect
import re
import subprocess
import sys
from collections import defaultdict

N = 20		# operations per window (uprof.c's NP)


def syms(elf, tag):
    out = subprocess.run(["i686-linux-gnu-nm", "-n", elf], capture_output=True,
                         text=True).stdout
    r = []
    for line in out.splitlines():
        f = line.split()
        if len(f) == 3 and f[1] in "tTwW":
            r.append((int(f[0], 16), tag + ":" + f[2]))
    return r


def main():
    kern = syms(sys.argv[1], "k")
    progs = [syms(p, p.split("/")[-1]) for p in sys.argv[2:]]
    table = sorted(kern + [s for p in progs for s in p])
    addrs = [a for a, _ in table]
    marks = {}
    for a, n in progs[0]:
        m = re.match(r".*:pm_(\w+)_([be])$", n)
        if m:
            marks[a] = (m.group(1), m.group(2))
    counts = defaultdict(lambda: defaultdict(int))
    total = defaultdict(int)
    active = set()
    cache = {}
    for line in sys.stdin:
        if not line.startswith("Trace"):
            continue
        i = line.index("/")
        pc = int(line[i + 1:line.index("/", i + 1)], 16)
        if pc in marks:
            w, e = marks[pc]
            if e == "b":
                active.add(w)
            else:
                active.discard(w)
            continue
        if not active:
            continue
        s = cache.get(pc)
        if s is None:
            k = bisect.bisect_right(addrs, pc) - 1
            s = cache[pc] = table[k][1] if k >= 0 else "?"
        for w in active:
            counts[w][s] += 1
            total[w] += 1
    for w in counts:
        per = defaultdict(int)
        for s, c in counts[w].items():
            per[s.split(":")[0]] += c
        print("== window %s: %.0f per operation (%s)" % (w, total[w] / N,
              ", ".join("%s %.0f" % (p, c / N) for p, c in
                        sorted(per.items(), key=lambda x: -x[1]))))
        for s, c in sorted(counts[w].items(), key=lambda x: -x[1]):
            if c / N >= 3:
                print("%8.0f  %s" % (c / N, s))
    return 0


if __name__ == "__main__":
    sys.exit(main())
