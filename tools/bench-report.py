#!/usr/bin/env python3
"""bench-report.py - the report of make bench (tools/bench.sh runs the
images first).

Reads the raw "bench NAME median=N min=N max=N n=N" lines of our images
and of the Linux peer (PREFIX-icount.txt: guest instructions under TCG
with -icount shift=0; PREFIX-wall.txt: the emulated clock), prints the
side-by-side table of docs/performance.md (Linux, ours, ratio, goal),
the by-size tables (copy, read, fork by heap, indirect hops), writes
every figure to a JSON file, draws PNG plots with gnuplot, and compares
every median with a baseline JSON file (the same format): any figure
more than 5% worse is marked WORSE (instruction counts are
deterministic, so the comparison is exact).  Exit status 0 either way:
benchmarks are not tests.
"""
import argparse
import json
import os
import re
import subprocess
import sys

UNIT = "guest instructions (QEMU TCG, -icount shift=0), rdtsc overhead subtracted, median"
WORSE = 1.05
LINE = re.compile(r"^bench (\S+) median=(\d+) min=(\d+) max=(\d+) n=(\d+)")
SIZES = [16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576]
READ_SIZES = [1, 64, 1024, 4096, 16384, 65536, 262144, 1048576]
LOADS = [0, 4, 8, 16]
HEAPS = [("0", 0), ("256k", 256 * 1024), ("1m", 1 << 20), ("2m", 2 << 20)]
# commands/ubench/seqio.c: a 16 MiB file on each disk (issue 9).  The cold
# figures wait for the disk: under -icount the idle guest's clock follows
# the host's, so their "instructions" include that wait and vary from run
# to run; they are printed but not compared with the baseline.
SEQ_BYTES = 16 << 20
SEQ_DISKS = ["virtio", "ide"]
SEQ_OPS = ["write_cold", "read_cold", "read_warm", "write_warm"]
NOT_COMPARED = re.compile(r"^seq_.*_cold$")

# The table of issue 11 / docs/performance.md: label, our figure, Linux
# figure, goal (a number of instructions, or "xN memcpy", "xN linux").
TABLE = [
    ("null kernel call / getppid system call", "null_kernel_call", "getppid", 150),
    ("SENDREC round trip (Linux: futex ping-pong)", "sendrec_roundtrip", "futex_pingpong", 400),
    ("POSIX getppid (round trip to PM)", "getppid", "getppid", 600),
    ("pipe ping-pong, 1 byte", "pipe_pingpong_1b", "pipe_pingpong_1b", 6800),
    ("safecopy 64 B (Linux: process_vm_readv)", "safecopy_64", "process_vm_readv_64", 500),
    ("cost per indirect hop", "hop", None, 80),
    ("1 MiB read() of a cached file", "read_file_1048576", "read_file_1048576", "x1.3 memcpy"),
    ("64 KiB cached read()", "read_file_65536", "read_file_65536", "x1 linux"),
    ("4 KiB cached read()", "read_file_4096", "read_file_4096", "x1 linux"),
    ("1 B cached read()", "read_file_1", "read_file_1", "x1.5 linux"),
    ("1 B read() of /dev/zero", "read_devzero_1", "read_devzero_1", 2000),
    ("fork + exit + wait, 2 MiB heap touched", "fork_heap_2m", "fork_heap_2m", "x1 linux"),
    ("fork + exec /bin/true + wait", "fork_exec_wait_true", "fork_exec_wait_true", "x0.6 linux"),
]


def load(prefix):
    """{name: {median, min, max, n, ns}} from PREFIX-icount/-wall.txt."""
    res = {}
    tps = None
    wall = {}
    try:
        with open(prefix + "-wall.txt") as f:
            for line in f:
                if line.startswith("bench tsc_per_sec="):
                    tps = int(line.split("=")[1])
                m = LINE.match(line)
                if m:
                    wall[m.group(1)] = int(m.group(2))
    except OSError:
        pass
    with open(prefix + "-icount.txt") as f:
        for line in f:
            m = LINE.match(line)
            if not m or m.group(1) == "rdtsc_overhead":
                continue
            name = m.group(1)
            ns = None
            if tps and name in wall:
                ns = round(wall[name] * 1e9 / tps)
            res[name] = {"median": int(m.group(2)), "min": int(m.group(3)),
                         "max": int(m.group(4)), "n": int(m.group(5)), "ns": ns}
    return res


def derive(ours):
    """Figures computed from others: the cost per indirect hop."""
    h1, h5 = ours.get("safecopy_64_hops_1"), ours.get("safecopy_64_hops_5")
    if h1 and h5:
        per = (h5["median"] - h1["median"]) // 4
        ours["hop"] = {"median": per, "min": per, "max": per, "n": 1, "ns": None,
                       "derived": "(safecopy_64_hops_5 - safecopy_64_hops_1) / 4"}


def med(d, name):
    return d[name]["median"] if name and name in d else None


def fmt(v):
    return "—" if v is None else f"{v:,}"




def goal_text(goal):
    if isinstance(goal, int):
        return f"≤ {goal:,}"
    factor, what = goal[1:].split()
    return f"≤ {factor}× {what}"


def goal_limit(goal, ours_name, linux_val, ours):
    if isinstance(goal, int):
        return goal
    factor, what = goal[1:].split()
    factor = float(factor)
    if what == "linux":
        return None if linux_val is None else factor * linux_val
    if what == "memcpy":
        m = med(ours, "memcpy_1m")
        return None if m is None else factor * m
    return None


def side_by_side(ours, linux, worse):
    rows = []
    print(f"\n{'operation':<44} {'Linux':>11} {'ours':>11} {'ours/Linux':>10}  {'goal':<18} met")
    for label, oname, lname, goal in TABLE:
        o, l = med(ours, oname), med(linux, lname)
        ratio = None if o is None or not l else o / l
        limit = goal_limit(goal, oname, l, ours)
        met = None if o is None or limit is None else o <= limit
        mark = " WORSE" if ("ours/" + oname) in worse else ""
        rtxt = "—" if ratio is None else f"{ratio:.2f}×"
        mtxt = "?" if met is None else ("yes" if met else "no")
        print(f"{label:<44} {fmt(l):>11} {fmt(o):>11} {rtxt:>10}  {goal_text(goal):<18} {mtxt}{mark}")
        rows.append({"operation": label, "ours": oname, "linux": lname,
                     "ours_median": o, "linux_median": l,
                     "ratio": None if ratio is None else round(ratio, 3),
                     "goal": goal_text(goal), "met": met})
    m = med(ours, "memcpy_1m")
    o = med(ours, "read_file_1048576")
    if m and o:
        print(f"  (1 MiB read() is {o / m:.2f}× our memcpy of 1 MiB, {m:,}; Linux: "
              f"{(med(linux, 'read_file_1048576') or 0) / (med(linux, 'memcpy_1m') or 1):.2f}× its own)")
    return rows


def by_size(ours, linux, plots):
    print(f"\n{'copy bytes':>10} {'safecopy':>10} {'proc_vm_readv':>14} {'memcpy':>10} {'Linux memcpy':>13} {'safecopy/pvr':>13}")
    data = []
    for n in SIZES:
        s, p = med(ours, f"safecopy_{n}"), med(linux, f"process_vm_readv_{n}")
        mo, ml = med(ours, f"memcpy_{n}"), med(linux, f"memcpy_{n}")
        r = "—" if not s or not p else f"{s / p:.2f}×"
        print(f"{n:>10} {fmt(s):>10} {fmt(p):>14} {fmt(mo):>10} {fmt(ml):>13} {r:>13}")
        data.append((n, s, p, mo))
    write_dat(plots, "copy.dat", data)

    print(f"\n{'read bytes':>10} {'ours':>10} {'Linux':>10} {'ratio':>7}")
    data = []
    for n in READ_SIZES:
        o, l = med(ours, f"read_file_{n}"), med(linux, f"read_file_{n}")
        r = "—" if not o or not l else f"{o / l:.2f}×"
        print(f"{n:>10} {fmt(o):>10} {fmt(l):>10} {r:>7}")
        data.append((n, o, l))
    write_dat(plots, "read.dat", data)

    print(f"\n{'spinners':>10} {'read 100 B':>11} {'worst':>11} {'Linux':>10} {'worst':>11}")
    for n in LOADS:
        o, l = ours.get(f"read_100b_load_{n}"), linux.get(f"read_100b_load_{n}")
        print(f"{n:>10} {fmt(o and o['median']):>11} {fmt(o and o['max']):>11} "
              f"{fmt(l and l['median']):>10} {fmt(l and l['max']):>11}")

    print(f"\n{'fork heap':>10} {'ours':>10} {'Linux':>10} {'ratio':>7}")
    data = []
    for tag, n in HEAPS:
        o, l = med(ours, f"fork_heap_{tag}"), med(linux, f"fork_heap_{tag}")
        r = "—" if not o or not l else f"{o / l:.2f}×"
        print(f"{tag:>10} {fmt(o):>10} {fmt(l):>10} {r:>7}")
        data.append((n // 1024, o, l))
    write_dat(plots, "fork.dat", data)

    print(f"\n{'hops':>10} {'safecopy 64 B':>14}")
    data = []
    for k in range(0, 6):
        o = med(ours, "safecopy_64" if k == 0 else f"safecopy_64_hops_{k}")
        print(f"{k:>10} {fmt(o):>14}")
        data.append((k, o))
    write_dat(plots, "hops.dat", data)


def seq_io(ours):
    """The 16 MiB sequential I/O table: instructions per byte, emulated
    MiB/s, and the cost in memcpys of 16 MiB; [] without the figures."""
    m = ours.get("memcpy_16m")
    if not m:
        return []
    print(f"\n{'16 MiB sequential, 64 KiB calls':<32} {'instr(med)':>12} {'instr/B':>8} "
          f"{'x memcpy':>9} {'emul. ns':>12} {'MiB/s':>8}")
    rows = []
    for disk in [None] + SEQ_DISKS:
        for op in (["memcpy"] if disk is None else SEQ_OPS):
            name = "memcpy_16m" if disk is None else f"seq_{disk}_{op}"
            v = ours.get(name)
            if not v:
                continue
            per = v["median"] / SEQ_BYTES
            x = v["median"] / m["median"]
            mibs = None if not v.get("ns") else SEQ_BYTES / (1 << 20) * 1e9 / v["ns"]
            label = "memcpy" if disk is None else f"{disk} {op.replace('_', ' ')}"
            mtxt = "?" if mibs is None else f"{mibs:.1f}"
            ntxt = "?" if v.get("ns") is None else f"{v['ns']:,}"
            print(f"{label:<32} {v['median']:>12,} {per:>8.3f} {x:>8.2f}× {ntxt:>12} {mtxt:>8}")
            rows.append({"name": name, "instr": v["median"], "instr_per_byte": round(per, 4),
                         "x_memcpy": round(x, 3), "ns": v.get("ns"),
                         "mib_per_s": None if mibs is None else round(mibs, 2)})
    print("  (cold: instructions include the idle wait for the disk, which under -icount"
          " follows the host's clock; not compared with the baseline)")
    return rows


def write_dat(plots, name, rows):
    if not plots:
        return
    with open(os.path.join(plots, name), "w") as f:
        for r in rows:
            f.write(" ".join("NaN" if v is None else str(v) for v in r) + "\n")


GNUPLOT = """set terminal png size 900,600
set grid
set key top left
set output '{d}/copy.png'
set title 'Copy cost by size (guest instructions, TCG -icount shift=0)'
set logscale xy
set xlabel 'bytes'
set ylabel 'instructions'
plot '{d}/copy.dat' using 1:2 with linespoints title 'safecopy (ours)', \\
     '' using 1:3 with linespoints title 'process\\_vm\\_readv (Linux 6.1)', \\
     '' using 1:4 with linespoints title 'memcpy (ours, in guest)'
set output '{d}/read.png'
set title 'read() of a file by size (guest instructions)'
plot '{d}/read.dat' using 1:2 with linespoints title 'ours (VFS + ext2 + cache)', \\
     '' using 1:3 with linespoints title 'Linux 6.1 (page cache)'
unset logscale
set output '{d}/hops.png'
set title 'safecopy of 64 B through k indirect grants (guest instructions)'
set xlabel 'indirect hops'
plot '{d}/hops.dat' using 1:2 with linespoints title 'ours'
set output '{d}/fork.png'
set title 'fork + exit + wait by heap touched (guest instructions)'
set xlabel 'heap touched (KiB)'
plot '{d}/fork.dat' using 1:2 with linespoints title 'ours', \\
     '' using 1:3 with linespoints title 'Linux 6.1'
"""


def plot(plots):
    try:
        r = subprocess.run(["gnuplot"], input=GNUPLOT.format(d=plots), text=True,
                           capture_output=True)
    except OSError:
        print("bench: gnuplot not found: no plots (tools/linux-peer.sh installs it)")
        return
    if r.returncode != 0:
        print("bench: gnuplot failed:\n" + r.stderr)
        return
    print(f"plots: {plots}/copy.png read.png hops.png fork.png")


def compare(cur, baseline_path):
    """{key: (base, now)} of the figures more than 5% worse; prints all."""
    try:
        with open(baseline_path) as f:
            base = json.load(f)
    except OSError:
        print(f"\nbaseline: {baseline_path} missing (make bench-baseline writes it)")
        return {}
    worse, better, n = {}, {}, 0
    for side in ("ours", "linux"):
        for name, v in base.get(side, {}).items():
            if name not in cur.get(side, {}) or NOT_COMPARED.match(name):
                continue
            b, c = v["median"], cur[side][name]["median"]
            n += 1
            if c > b * WORSE and c - b > 2:
                worse[f"{side}/{name}"] = (b, c)
            elif b > c * WORSE and b - c > 2:
                better[f"{side}/{name}"] = (b, c)
    if base.get("linux_version") != cur.get("linux_version") and cur.get("linux"):
        print(f"\nbaseline: Linux peer was {base.get('linux_version')}, now {cur.get('linux_version')}")
    print(f"\nbaseline {baseline_path}: {n} figures compared, {len(worse)} more than 5% worse, "
          f"{len(better)} more than 5% better")
    for k, (b, c) in sorted(worse.items()):
        print(f"  WORSE  {k:<40} {b:>10,} -> {c:>10,} (+{(c - b) * 100 / b:.1f}%)")
    for k, (b, c) in sorted(better.items()):
        print(f"  better {k:<40} {b:>10,} -> {c:>10,} ({(c - b) * 100 / b:.1f}%)")
    return worse


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ours", action="append", default=[])
    ap.add_argument("--linux")
    ap.add_argument("--linux-version", default=None)
    ap.add_argument("--json", default="build/bench.json")
    ap.add_argument("--plots", default=None)
    ap.add_argument("--baseline", default=None)
    a = ap.parse_args()

    ours = {}
    for p in a.ours:
        for k, v in load(p).items():
            v["image"] = os.path.basename(p)
            ours[k] = v
    derive(ours)
    linux = load(a.linux) if a.linux else {}
    cur = {"unit": UNIT, "linux_version": a.linux_version, "ours": ours, "linux": linux}

    print(f"{'benchmark':<34} {'instr(med)':>12} {'min':>10} {'max':>10} {'emulated ns':>12}  image")
    for side, d in (("ours", ours), ("linux", linux)):
        for k, v in d.items():
            ns = "?" if v.get("ns") is None else f"{v['ns']}"
            img = v.get("image", "linux") if side == "ours" else "linux"
            print(f"{k:<34} {v['median']:>12} {v['min']:>10} {v['max']:>10} {ns:>12}  {img}")
    print("(instructions: TCG -icount shift=0, rdtsc overhead subtracted; ns: TCG without icount, emulated)")

    worse = compare(cur, a.baseline) if a.baseline else {}
    if linux:
        print(f"\nSide by side with Linux ({a.linux_version}), {UNIT}:")
    cur["table"] = side_by_side(ours, linux, worse)
    if a.plots:
        os.makedirs(a.plots, exist_ok=True)
    by_size(ours, linux, a.plots)
    cur["seq_io"] = seq_io(ours)
    cur["worse_than_baseline"] = {k: {"baseline": b, "now": c} for k, (b, c) in worse.items()}
    with open(a.json, "w") as f:
        json.dump(cur, f, indent=1, sort_keys=True)
    print(f"\nwrote {a.json}")
    if a.plots:
        plot(a.plots)
    if worse:
        print(f"bench: {len(worse)} figures more than 5% worse than the baseline (marked WORSE)")


if __name__ == "__main__":
    sys.exit(main())
