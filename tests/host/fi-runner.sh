#!/bin/bash
# fi-runner.sh - host checks of the campaign runner (tools/fi.py) that
# need no QEMU: the fault of (seed, i) is fixed, shards are a partition
# of the campaign, and merge puts shards' JSON files back together with
# the exit rule (a panic, hang or corruption in any shard fails it).
# Prints TAP lines and "N passed, N failed".
cd "$(dirname "$0")/../.."
exec python3 - <<'EOF'
import json, os, subprocess, sys, tempfile
sys.path.insert(0, "tools")
import fi

n = fail = 0
def t(ok, what):
    global n, fail
    n += 1
    fail += not ok
    print("%s %d - %s" % ("ok" if ok else "not ok", n, what))

targets = ["virtio_blk", "tty", "memory"]
a = [fi.fault_of(7, i, fi.TYPES, targets) for i in range(200)]
b = [fi.fault_of(7, i, fi.TYPES, targets) for i in range(200)]
t(a == b, "fault_of is a function of (seed, i)")
t(a != [fi.fault_of(8, i, fi.TYPES, targets) for i in range(200)],
  "another seed, other faults")
nt = len(fi.TYPES)
t(nt == 14 and a[0] == ("next", "virtio_blk", a[0][2], a[0][3])
  and a[nt][:2] == ("next", "tty") and a[3 * nt + 1][:2] == ("srcreg", "virtio_blk")
  and a[2 * nt + 13][:2] == ("drop", "memory"),
  "type i mod #types, target (i div #types) mod #targets")
t(all(0 <= x[3] < 65536 and 0 <= x[2] < 2 ** 32 for x in a), "index < 2^16, seed < 2^32")
t(len(set((x[2], x[3]) for x in a)) == 200, "200 faults, 200 different (seed, index)")
shards = [fi.shard_faults(1000, s, 7) for s in range(7)]
t(sorted(sum(shards, [])) == list(range(1000)) and fi.shard_faults(10, 0, 1) == list(range(10)),
  "7 shards are exactly the 1000 faults, each once")
t(fi.tty_lines(7)[0] == "fw tty 7 0 pqvabghmnstyzefklqrwxcdijopuvabghmnstyzefklqrwbchinotuzafglm",
  "the tty lines are fiwork's (seed 7, line 0)")

def rec(i, outcome, **kw):
    ty, g, s, x = fi.fault_of(7, i, fi.TYPES, targets)
    r = {"i": i, "campaign_seed": 7, "type": ty, "target": g, "seed": s, "index": x,
         "outcome": outcome, "ms": 1}
    r.update(kw)
    return r

def shard(name, recs, boots):
    return {"name": name, "seed": 7, "faults": 4, "types": fi.TYPES, "targets": targets,
            "iommu": 0, "shard": [0, 2], "jobs": 1, "elapsed_s": 1.0,
            "records": recs, "boots": boots}

d = tempfile.mkdtemp()
boot = {"slot": 0, "n": 1, "kind": "virtio", "faults": [0, 2], "fsck": 0}
s0 = shard("s0", [rec(0, "none"), rec(2, "restarted", died=["virtio_blk"],
                                        recovery_ms=40.0)], [boot])
s1 = shard("s1", [rec(1, "error"), rec(3, "none")], [dict(boot, faults=[1, 3])])
for nm, s in (("s0", s0), ("s1", s1)):
    json.dump(s, open(os.path.join(d, nm + ".json"), "w"))
def merge(*names, out="m"):
    return subprocess.run([sys.executable, "tools/fi.py", "merge", "--outdir", d, "--name", out]
                          + [os.path.join(d, x + ".json") for x in names],
                          capture_output=True, text=True)
r = merge("s0", "s1")
m = json.load(open(os.path.join(d, "m.json")))
t(r.returncode == 0 and [x["i"] for x in m["records"]] == [0, 1, 2, 3],
  "merge: the shards' faults, in order, exit status 0")
t(any(l.split() == ["all", "4", "2", "1", "1"] for l in r.stdout.splitlines()),
  "merge: the table's total line: 4 faults, none 2, restarted 1, error 1")
t("median 40 ms" in r.stdout, "merge: the recovery time of the restart")
s1["records"][1]["outcome"] = "corrupt"
json.dump(s1, open(os.path.join(d, "s1.json"), "w"))
r = merge("s0", "s1", out="m2")
t(r.returncode == 1 and "corrupt: fault 3 (seed 7" in r.stdout,
  "merge: a corruption in one shard fails the whole, with its reproduction")
s1["records"][1]["outcome"] = "none"
s1["boots"][0]["fsck"] = 4
json.dump(s1, open(os.path.join(d, "s1.json"), "w"))
r = merge("s0", "s1", out="m3")
t(r.returncode == 1 and "e2fsck found damage after boot 0.1 (faults 1,3)" in r.stdout,
  "merge: e2fsck damage fails it, naming the boot's faults")
s1["seed"] = 8
json.dump(s1, open(os.path.join(d, "s1.json"), "w"))
r = merge("s0", "s1", out="m4")
t(r.returncode != 0 and "seed differs" in r.stderr, "merge: shards of other campaigns refused")
r = subprocess.run([sys.executable, "tools/fi.py", "run", "--shard", "3/3"],
                   capture_output=True, text=True)
t(r.returncode != 0 and "--shard wants I/N" in r.stderr, "run --shard 3/3 refused")
r = subprocess.run([sys.executable, "tools/fi.py", "run", "--types", "frob"],
                   capture_output=True, text=True)
t(r.returncode != 0 and "unknown fault type 'frob'" in r.stderr, "run --types frob refused")
print("%d passed, %d failed" % (n - fail, fail))
sys.exit(1 if fail else 0)
EOF
