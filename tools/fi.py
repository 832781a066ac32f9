#!/usr/bin/env python3
"""fi.py - the host's fault-injection campaign runner (make fi; the story
is in docs/fault-injection.md).

  fi.py run [--faults N] [--seed S] [--targets L,L] [--types T,T] [--jobs J]
            [--shard I/N] [--only I,I] [--iommu 0|1] [--name NAME] ...
  fi.py merge [--name NAME] A.json B.json ...

run boots the OS image (os.iso: the root on a virtio disk; os-ide.iso for
at_wini) under QEMU (TCG), each boot on a fresh scratch copy of the
pristine disk image build/test-disk.img, and for each fault types at its
console:

  service fi LABEL -type T -seed S -index I   the injection (RS logs it)
  fiwork blk|mem|tty ...                      the workload (commands/fiwork)
  service refresh LABEL                       a pristine instance again,
                                              unless the fault killed it

Fault i of a campaign is a pure function of (SEED, i) and the lists of
types and targets: type = TYPES[i mod #types], target = TARGETS[(i div
#types) mod #targets], and the fault's seed and index are two draws of
splitmix64 seeded with SEED and i.  A shard I/N runs the faults with i
mod N == I, so N shards together are the whole campaign.

Each fault gets one outcome (the first that holds): panic (a kernel panic
on the console), hang (no shell prompt within the timeout, even after a
probe), corrupt (the workload read back other bytes than it wrote, or
tty lines came out changed), error (the workload saw a failed call, or
tty lines were lost), wedged (no prompt, but a `service refresh LABEL`
typed blind, or else a console reset (a BREAK, then r: the tty restarts
itself), brought the console back: the service stopped working without
dying), restarted (a service died and RS restarted it; the
recovery time is from RS's "died" line to the workload's next finished
operation), none (no visible effect), n/a (RS found no location of this
type), or skipped (wilddma into a DMA-capable driver without IOMMU=1,
where nothing confines its device).
After a boot that ends cleanly, e2fsck -fn checks its disk; damage is
counted as a corruption of that boot.

The exit status is 1 if any fault was a panic, hang or corruption, or an
e2fsck found damage; 0 otherwise.  The results: a table on standard
output, build/fi/NAME.json, and build/fi/NAME.png (gnuplot)."""
import argparse
import json
import os
import queue
import re
import shutil
import signal
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from console import Console, clean  # noqa: E402

# include/minix/fi.h's FI_TYPE_NAMES, in order.
TYPES = ["next", "srcreg", "dstreg", "pointer", "interface", "loop", "bitflip",
         "nop", "panic", "hang", "wildwrite", "wilddma", "kcall", "drop"]
OUTCOMES = ["none", "restarted", "error", "wedged", "corrupt", "panic", "hang", "n/a",
            "skipped"]
BAD = ("panic", "hang", "corrupt")
# Targets: the image kind they need and the workload that exercises them.
TARGETS = {
    "virtio_blk": ("virtio", "blk"),
    "at_wini": ("ide", "blk"),
    "memory": ("virtio", "mem"),
    "tty": ("virtio", "tty"),
}
DMA_DRIVERS = ("virtio_blk", "at_wini")
# The DMA drivers the IOMMU confines (IOMMU=1): both, virtio_blk because
# make disk-args IOMMU=1 gives it the modern device with iommu_platform=on
# (QEMU's legacy virtio-blk would do its DMA around the IOMMU).
CONFINED = ("virtio_blk", "at_wini")


def unconfined(target, iommu):
    """A wild DMA from target would really go to a random frame."""
    return target in DMA_DRIVERS and not (iommu and target in CONFINED)
DEFAULT_TARGETS = ["virtio_blk", "tty", "memory"]
COLD_FILES = 12
FAULTS_PER_BOOT = 40
MASK64 = (1 << 64) - 1
LIVE = set()                    # the consoles of the QEMUs running now
LIVE_LOCK = threading.Lock()


def stop_all(signum, frame):
    """Killed: take the QEMUs along (each runs in a session of its own)."""
    with LIVE_LOCK:
        for con in LIVE:
            try:
                os.killpg(con.proc.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
    sys.stderr.write("\nfi: stopped by signal %d\n" % signum)
    os._exit(130)


def splitmix64(state):
    """One step of splitmix64: (new state, output)."""
    state = (state + 0x9e3779b97f4a7c15) & MASK64
    z = state
    z = ((z ^ (z >> 30)) * 0xbf58476d1ce4e5b9) & MASK64
    z = ((z ^ (z >> 27)) * 0x94d049bb133111eb) & MASK64
    return state, z ^ (z >> 31)


def fault_of(seed, i, types, targets):
    """Fault i of the campaign SEED: (type, target, fault seed, index)."""
    state = ((seed & 0xffffffff) << 32 | (i & 0xffffffff)) ^ 0x5157494649  # "QWIFI"
    state, a = splitmix64(state)
    state, b = splitmix64(state)
    ftype = types[i % len(types)]
    target = targets[(i // len(types)) % len(targets)]
    return ftype, target, a >> 32, (b >> 32) & 0xffff


def shard_faults(faults, si, sn):
    """The faults of shard si of sn: i mod sn == si."""
    return [i for i in range(faults) if i % sn == si]


def tty_lines(seed):
    """The lines `fiwork tty SEED` prints."""
    out = []
    for k in range(8):
        s = "".join(chr(ord("a") + ((((k * 60 + i) * 131 + (k * 60 + i) // 4096
                                       + seed * 17) & 255) % 26)) for i in range(60))
        out.append("fw tty %d %d %s" % (seed, k, s))
    return out


class TimedConsole(Console):
    """A Console that remembers when each piece of output arrived."""

    def __init__(self, argv, log_path):
        self.stamps = []        # (end offset in raw, monotonic time)
        super().__init__(argv, log_path)

    def _read(self, deadline):
        got = super()._read(deadline)
        if got:
            self.stamps.append((len(self.raw), time.monotonic()))
        return got

    def time_at(self, off):
        for end, t in self.stamps:
            if end > off:
                return t
        return None

    def wait_prompt(self, timeout):
        ok = self.prompt(timeout)
        return ok


class Machine:
    """One QEMU with the OS on a scratch disk, driven at its console."""

    def __init__(self, opts, kind, slot, nboot):
        self.opts = opts
        self.kind = kind
        self.disk = os.path.join(opts.workdir, "disk-%d.img" % slot)
        self.log = os.path.join(opts.workdir, "boot-%d-%d.log" % (slot, nboot))
        shutil.copyfile(opts.disk, self.disk)
        iso = opts.image_ide if kind == "ide" else opts.image
        disk = opts.disk_args[kind].replace("@FILE@", self.disk).split()
        argv = ["timeout", "-k", "5", str(opts.boot_limit), opts.qemu, "-m", "128M",
                "-no-reboot", "-boot", "d", "-display", "none", "-monitor", "none",
                "-chardev", "stdio,id=con0,mux=on,signal=off", "-serial", "chardev:con0",
                "-echr", "29", "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04",
                "-cdrom", iso] + opts.qemu_extra.split() + disk   # the machine's devices first
        self.con = TimedConsole(argv, self.log)
        with LIVE_LOCK:
            LIVE.add(self.con)
        self.dead = None        # why the machine cannot go on

    def boot(self):
        if not self.con.prompt(60):
            self.dead = "no prompt after boot"
            return False
        if self.kind in ("virtio", "ide"):
            ok, out = self.cmd("fiwork cold /fi %d" % COLD_FILES, 60)
            if not ok or "fiwork: ok" not in out:
                self.dead = "fiwork cold failed: " + out[-200:]
                return False
        return True

    def cmd(self, line, timeout):
        """Type line; (prompt seen, text of the step)."""
        self.con.begin()
        self.con.send(line + "\n")
        ok = self.con.prompt(timeout)
        return ok, self.con.text()

    def console_reset(self):
        """What a person at a console whose tty lives but is broken has
        left: a BREAK (QEMU's Ctrl-] b here) and r, after which the tty
        stops and RS starts it afresh; then an empty line.  True if a
        prompt came back."""
        self.con.begin()
        self.con.send("\x1db")
        self.con.send("r")
        if self.con.prompt(self.opts.timeout):
            return True
        return self.cmd("", 5)[0]

    def panicked(self):
        return "kernel panic" in clean(self.con.raw[self.fault_mark:])

    def run_fault(self, rec):
        """Inject rec's fault, run the workload, classify; rec updated."""
        o = self.opts
        label, ftype = rec["target"], rec["type"]
        self.fault_mark = len(self.con.raw)
        t0 = time.monotonic()
        steps = []
        ok, out = self.cmd("service fi %s -type %s -seed %d -index %d"
                           % (label, ftype, rec["seed"], rec["index"]), o.timeout)
        steps.append(out)
        # RS's own line (the command's copy may be lost with a tty fault).
        m = re.search(r"^rs: fi: (.*)$", clean(self.con.raw[self.fault_mark:]), re.M)
        rec["log"] = m.group(1) if m else None
        e = re.search(r"^service: fi .*$", out, re.M)
        if ok and e and not m:
            rec["detail"] = e.group(0)
            rec["outcome"] = "n/a"
            return self.finish(rec, t0)
        wl = TARGETS[label][1]
        wseed = rec["seed"] % 100000
        line = {"blk": "fiwork blk /fi %d", "mem": "fiwork mem %d",
                "tty": "fiwork tty %d"}[wl] % wseed
        if ok:
            ok, out = self.cmd(line, o.timeout)
            steps.append(out)
        if not ok and self.con.proc.poll() is None and not self.panicked():
            # Typed input may have been lost with a tty: probe once.
            ok, out2 = self.cmd("", 5)
            steps.append(out2)
            if ok:
                rec["detail"] = "the shell answered only a second line (input lost)"
        text = "\n".join(steps)
        if self.panicked() or self.con.proc.poll() is not None:
            m = re.search(r"kernel panic[^\n]*", clean(self.con.raw[self.fault_mark:]))
            rec["outcome"] = "panic"
            rec["detail"] = m.group(0) if m else "QEMU exited (status %s)" % self.con.proc.poll()
            self.dead = "panic"
            return self.finish(rec, t0)
        if not ok:
            # As an operator would: restart the target blind (the shell
            # may still run what is typed while the console's output or
            # the disk is stuck).  A prompt then: wedged, not hung.
            # ^C first: a workload stuck in a request the driver dropped;
            # twice, as an operator would: a shell that was already back at
            # its prompt may itself wait on the console (the second one
            # interrupts that wait, and VFS's cancel rule applies).
            for _ in range(2):
                self.con.send("\x03")
                self.con.prompt(3)
            ok, out3 = self.cmd("service refresh %s" % label, o.timeout)
            if not ok and not self.panicked() and self.con.proc.poll() is None:
                # And Enter: the prompt may have come while the broken
                # instance still garbled the output (its newlines).
                ok, out3 = self.cmd("", 5)
            how = "a service refresh %s typed blind" % label
            if not ok and not self.panicked() and self.con.proc.poll() is None:
                ok, how = self.console_reset(), "a console reset (BREAK r)"
            if ok and not self.panicked() and self.con.proc.poll() is None:
                rec["outcome"] = "wedged"
                rec["detail"] = "no prompt in %ds; %s brought it back" % (o.timeout, how)
                self.dead = "wedged"
                return self.finish(rec, t0)
            rec["outcome"] = "hang"
            rec["detail"] = ("no prompt in %ds, nor after a blind service refresh, "
                             "an empty line and a console reset" % o.timeout)
            self.dead = "hang"
            return self.finish(rec, t0)
        ok, st = self.cmd("service status %s" % label, o.timeout)
        text += "\n" + st
        died = re.findall(r"^rs: (\S+) died: (.*)$", clean(self.con.raw[self.fault_mark:]), re.M)
        rec["died"] = [d[0] for d in died]
        if died:
            rec["reason"] = died[0][1]
        self.classify(rec, text, wl, wseed)
        if rec["outcome"] == "restarted":
            rec["recovery_ms"] = self.recovery(label)
        if rec["outcome"] == "corrupt" or (rec["outcome"] == "error" and wl == "blk"):
            self.dead = rec["outcome"]     # a fresh boot on a fresh disk
        elif label not in rec["died"]:
            ok, out = self.cmd("service refresh %s" % label, o.timeout)
            if not ok and not self.panicked() and self.con.proc.poll() is None \
                    and self.console_reset():
                rec["outcome"] = "wedged"
                rec["detail"] = ("no prompt after service refresh; a console reset "
                                 "(BREAK r) brought it back")
                self.dead = "wedged"
            elif not ok:
                rec["outcome"] = "hang"
                rec["detail"] = "no prompt after service refresh, nor after a console reset"
                self.dead = "hang"
        return self.finish(rec, t0)

    def classify(self, rec, text, wl, wseed):
        if re.search(r"^fiwork: corrupt .*$", text, re.M):
            rec["outcome"] = "corrupt"
            rec["detail"] = re.search(r"^fiwork: corrupt .*$", text, re.M).group(0)
            return
        if wl == "tty":
            plain = re.sub(r"(?:rs|tty|kernel): [^\n]*\n", "", text)
            for k, want in enumerate(tty_lines(wseed)):
                if want in plain:
                    continue
                pre = re.search(r"^" + re.escape("fw tty %d %d " % (wseed, k)) + r".*$",
                                plain, re.M)
                if pre and not want.startswith(pre.group(0)) and len(pre.group(0)) >= len(want):
                    rec["outcome"] = "corrupt"
                    rec["detail"] = "tty line changed: " + pre.group(0)[:100]
                    return
                rec["outcome"] = "error"
                rec["detail"] = "tty line lost or cut: " + want[:14]
                return
        m = re.search(r"^fiwork: error .*$", text, re.M)
        if m or not re.search(r"^fiwork: ok$", text, re.M):
            rec["outcome"] = "error"
            rec["detail"] = m.group(0) if m else "no fiwork result: " + text.strip()[-150:]
            return
        rec["outcome"] = "restarted" if rec["died"] else "none"

    def recovery(self, label):
        """ms from "rs: LABEL died" to the workload's next finished step."""
        raw = self.con.raw
        d = raw.find(b"rs: %s died" % label.encode(), self.fault_mark)
        r = raw.find(b"rs: %s restarted" % label.encode(), max(d, 0))
        if d < 0 or r < 0:
            return None
        m = re.compile(rb"fw \d+ ok|fiwork: ok").search(raw, r)
        t1 = self.con.time_at(d)
        t2 = self.con.time_at(m.start() if m else r)
        if t1 is None or t2 is None:
            return None
        return round((t2 - t1) * 1000, 1)

    def finish(self, rec, t0):
        rec["ms"] = round((time.monotonic() - t0) * 1000, 1)
        return rec

    def shutdown(self):
        """Power off if the machine is sane; e2fsck -fn the disk if it ended
        cleanly.  (fsck status or None when not checked, its output)."""
        clean_end = False
        note = ""
        if self.dead in (None, "corrupt", "error", "wedged") and self.con.proc.poll() is None:
            # sync first: a disk synced is whole even if the power-off
            # then fails (a fault can leave PCI configuration changed:
            # the drivers may write cf8/cfc).
            synced, _ = self.cmd("sync", 30)
            self.con.begin()
            self.con.send("poweroff\n")
            # QEMU ends, or the prompt comes back (poweroff could not run).
            self.con.expect(r"(?:^|\n)# \Z", 10)
            rc = self.con.wait_exit(1)
            clean_end = rc == 0 or (synced and "pm asked to power off" in self.con.text())
            if rc != 0:
                note = " (QEMU did not end after the power-off: %s)" % rc
            self.poweroff_rc = rc
        self.con.close()
        with LIVE_LOCK:
            LIVE.discard(self.con)
        if not clean_end or self.kind not in ("virtio", "ide"):
            # A power cut: e2fsck -fn all the same, for the record (an
            # ext2 without a journal may be caught mid-write: not counted).
            r = subprocess.run(["e2fsck", "-fn", self.disk], capture_output=True, text=True)
            self.fsck_unclean = r.returncode
            if r.returncode == 0:
                os.unlink(self.disk)
            else:
                os.replace(self.disk, self.disk + ".unclean-%d" % int(time.time() * 1000))
            return None, "not checked: the machine did not power off cleanly (%s); " \
                "e2fsck -fn after the power cut: status %d" % (
                    getattr(self, "poweroff_rc", "not asked"), r.returncode)
        r = subprocess.run(["e2fsck", "-fn", self.disk], capture_output=True, text=True)
        out = (r.stdout + r.stderr)[-400:] + note
        if r.returncode == 0:
            os.unlink(self.disk)
        else:   # keep the damaged image for a look
            os.replace(self.disk, self.disk + ".damaged-%d" % int(time.time()))
        return r.returncode, out


class Campaign:
    def __init__(self, opts, records):
        self.opts = opts
        self.records = records
        self.boots = []
        self.lock = threading.Lock()
        self.done = 0
        self.counts = {o: 0 for o in OUTCOMES}
        self.t0 = time.monotonic()
        self.last_print = 0

    def progress(self, final=False):
        now = time.monotonic()
        if not final and now - self.last_print < (0.5 if sys.stderr.isatty() else 10):
            return
        self.last_print = now
        total = len(self.records)
        el = now - self.t0
        rate = self.done / el if el > 0 else 0
        eta = (total - self.done) / rate if rate > 0 else 0
        c = " ".join("%s %d" % (o, self.counts[o]) for o in OUTCOMES if self.counts[o])
        line = "fi: %d/%d  %.1f/s  ETA %dm%02ds  %s" % (
            self.done, total, rate, eta // 60, eta % 60, c)
        if sys.stderr.isatty():
            sys.stderr.write("\r\x1b[K" + line + ("\n" if final else ""))
        else:
            sys.stderr.write(line + "\n")
        sys.stderr.flush()

    def worker(self, slot, work):
        nboot = 0
        while True:
            try:
                kind, recs = work.get_nowait()
            except queue.Empty:
                return
            pending = list(recs)
            while pending:
                nboot += 1
                m = Machine(self.opts, kind, slot, nboot)
                boot = {"slot": slot, "n": nboot, "kind": kind, "faults": [],
                        "log": m.log}
                if not m.boot():
                    boot["dead"] = m.dead
                    rc, out = m.shutdown()
                    boot["fsck"] = rc
                    with self.lock:
                        self.boots.append(boot)
                    # A machine that cannot boot: the faults are not run.
                    for rec in pending:
                        rec["outcome"] = "hang"
                        rec["detail"] = "the machine did not boot: " + str(m.dead)
                        self.count(rec)
                    break
                while pending and not m.dead:
                    rec = pending.pop(0)
                    rec["boot"] = "%d.%d" % (slot, nboot)
                    if rec["type"] == "wilddma" and unconfined(rec["target"], self.opts.iommu) \
                            and not self.opts.unconfined_dma:
                        rec["outcome"] = "skipped"
                        rec["detail"] = ("wild DMA from %s is not confined without the IOMMU"
                                         % rec["target"])
                        rec["ms"] = 0
                    else:
                        m.run_fault(rec)
                        boot["faults"].append(rec["i"])
                    self.count(rec)
                boot["dead"] = m.dead
                boot["fsck"], boot["fsck_out"] = m.shutdown()
                boot["fsck_unclean"] = getattr(m, "fsck_unclean", None)
                if boot["fsck"] not in (None, 0):
                    for i in boot["faults"]:
                        pass
                with self.lock:
                    self.boots.append(boot)

    def count(self, rec):
        with self.lock:
            self.done += 1
            self.counts[rec["outcome"]] += 1
            self.progress()

    def run(self):
        work = queue.Queue()
        by_kind = {}
        for rec in self.records:
            by_kind.setdefault(TARGETS[rec["target"]][0], []).append(rec)
        for kind, recs in sorted(by_kind.items()):
            for k in range(0, len(recs), FAULTS_PER_BOOT):
                work.put((kind, recs[k:k + FAULTS_PER_BOOT]))
        threads = [threading.Thread(target=self.worker, args=(s, work), daemon=True)
                   for s in range(self.opts.jobs)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.progress(final=True)


# ---- results: table, JSON, plot ----

def table(records, boots):
    types = [t for t in TYPES if any(r["type"] == t for r in records)]
    targets = []
    for r in records:
        if r["target"] not in targets:
            targets.append(r["target"])
    cols = [o for o in OUTCOMES if any(r.get("outcome") == o for r in records)] or ["none"]
    w = max([len(t) for t in targets] + [6])
    lines = ["%-10s %-*s %6s  %s" % ("TYPE", w, "TARGET", "FAULTS",
                                   " ".join("%9s" % c for c in cols))]
    for t in types:
        for g in targets:
            rs = [r for r in records if r["type"] == t and r["target"] == g]
            if not rs:
                continue
            lines.append("%-10s %-*s %6d  %s" % (t, w, g, len(rs), " ".join(
                "%9d" % sum(r.get("outcome") == c for r in rs) for c in cols)))
    lines.append("%-10s %-*s %6d  %s" % ("all", w, "", len(records), " ".join(
        "%9d" % sum(r.get("outcome") == c for r in records) for c in cols)))
    return "\n".join(lines)


def summary(records, boots):
    """Figures under the table; (text, exit status)."""
    n = {o: sum(r.get("outcome") == o for r in records) for o in OUTCOMES}
    rec_ms = sorted(r["recovery_ms"] for r in records
                    if r.get("outcome") == "restarted" and r.get("recovery_ms") is not None)
    med = rec_ms[len(rec_ms) // 2] if rec_ms else None
    blk = [r for r in records if TARGETS.get(r["target"], ("", ""))[1] == "blk"]
    blk_failed = [r for r in blk if r.get("died") and r["target"] in r["died"]]
    blk_ok = [r for r in blk_failed if r.get("outcome") == "restarted"]
    blk_seen = [r for r in blk if r.get("outcome") not in ("none", "n/a", "skipped")]
    if blk_seen:
        out_seen = ("block path: of the %d faults with a visible effect, %d (%.1f%%) were "
                    "restarts the workload never saw; %s" % (
                        len(blk_seen), len(blk_ok), 100.0 * len(blk_ok) / len(blk_seen),
                        ", ".join("%s %d" % (o, sum(r["outcome"] == o for r in blk_seen))
                                  for o in OUTCOMES if o not in ("none", "restarted", "n/a", "skipped")
                                  and any(r["outcome"] == o for r in blk_seen))))
    fsck_bad = [b for b in boots if b.get("fsck") not in (None, 0)]
    fsck_ok = [b for b in boots if b.get("fsck") == 0]
    out = []
    out.append("outcomes: " + ", ".join("%s %d" % (o, n[o]) for o in OUTCOMES))
    if rec_ms:
        out.append("recovery (RS's died line to the workload's next finished step): "
                   "median %.0f ms, 90th percentile %.0f ms, max %.0f ms, over %d restarts"
                   % (med, rec_ms[len(rec_ms) * 9 // 10], rec_ms[-1], len(rec_ms)))
    if blk_failed:
        out.append("block path: %d of %d driver failures (%.1f%%) recovered without the "
                   "workload seeing an error" % (len(blk_ok), len(blk_failed),
                                                100.0 * len(blk_ok) / len(blk_failed)))
    if blk_seen:
        out.append(out_seen)
    out.append("e2fsck -fn after each clean power-off: %d clean, %d damaged; %d boots "
               "ended otherwise (a panic, a hang, a failed power-off)" % (len(fsck_ok), len(fsck_bad),
                                                       len(boots) - len(fsck_ok) - len(fsck_bad)))
    unclean = [b for b in boots if b.get("fsck_unclean") not in (None, 0)]
    if unclean:
        out.append("e2fsck -fn after a power cut (a boot ended by a hang, or whose power-off "
                   "failed; not counted): %d of %d found something: boots %s" % (
                       len(unclean), sum(b.get("fsck_unclean") is not None for b in boots),
                       " ".join("%s.%s (faults %s)" % (b["slot"], b["n"],
                                ",".join(map(str, b["faults"][-3:]))) for b in unclean[:20])))
    for b in fsck_bad:
        out.append("  e2fsck found damage after boot %s.%s (faults %s): %s" % (
            b["slot"], b["n"], ",".join(map(str, b["faults"])),
            b.get("fsck_out", "").strip().replace("\n", " | ")[-300:]))
    bad = [r for r in records if r.get("outcome") in BAD]
    for r in bad[:50]:
        out.append("  %s: fault %d (seed %d, type %s, target %s, fault seed %d, index %d): %s"
                   % (r["outcome"], r["i"], r["campaign_seed"], r["type"], r["target"],
                      r["seed"], r["index"], r.get("detail", "")))
    status = 1 if bad or fsck_bad else 0
    out.append("fi: %s" % ("FAILED: %d panics, %d hangs, %d corruptions, %d damaged disks"
                           % (n["panic"], n["hang"], n["corrupt"], len(fsck_bad))
                           if status else "ok: no panic, no hang, no corrupted byte"))
    return "\n".join(out), status


def plot(records, png):
    """Stacked bars: outcomes per fault type (gnuplot)."""
    if not shutil.which("gnuplot"):
        print("fi: no gnuplot, no plot (tools/deps.sh installs gnuplot-nox)", file=sys.stderr)
        return
    types = [t for t in TYPES if any(r["type"] == t for r in records)]
    cols = OUTCOMES
    dat = png[:-4] + ".dat"
    with open(dat, "w") as f:
        f.write("# type " + " ".join(c.replace("/", "") for c in cols) + "\n")
        for t in types:
            f.write(t + " " + " ".join(str(sum(r["type"] == t and r.get("outcome") == c
                                               for r in records)) for c in cols) + "\n")
    colors = ["#9e9e9e", "#4caf50", "#ffb300", "#ff7043", "#e53935", "#6a1b9a", "#000000",
              "#d7ccc8", "#90caf9"]
    plots = ", ".join("'%s' using %d%s title '%s' lc rgb '%s'" % (
        dat, k + 2, ":xtic(1)" if k == 0 else "", c, colors[k]) for k, c in enumerate(cols))
    script = """set terminal png size 900,500
set output '%s'
set title 'fault injection: outcome per fault type (%d faults)'
set style data histograms
set style histogram rowstacked
set style fill solid 1.0 border -1
set boxwidth 0.75
set key outside right
set ylabel 'faults'
set xtics rotate by -30
set xrange [-0.6:%d.4]
plot %s
""" % (png, len(records), len(types) - 1, plots)
    r = subprocess.run(["gnuplot"], input=script, text=True, capture_output=True)
    if r.returncode != 0:
        print("fi: gnuplot failed: " + r.stderr[-300:], file=sys.stderr)


def tap(data, status):
    """TAP lines for make test: the exit rule, and that the campaign did
    something (every type injected into every target, restarts seen)."""
    recs = data["records"]
    lines = []

    def t(ok, what):
        lines.append("%s %d - fi: %s" % ("ok" if ok else "not ok", len(lines) + 1, what))
    n = {o: sum(r.get("outcome") == o for r in recs) for o in OUTCOMES}
    t(n["panic"] == 0, "no kernel panic")
    t(n["hang"] == 0, "no system hang")
    t(n["corrupt"] == 0, "no corrupted byte")
    t(all(b.get("fsck") in (None, 0) for b in data["boots"]) and
      any(b.get("fsck") == 0 for b in data["boots"]),
      "e2fsck -fn finds every cleanly powered-off disk clean")
    missing = ["%s/%s" % (ty, g) for ty in data["types"] for g in data["targets"]
               if not any(r["type"] == ty and r["target"] == g and
                          r.get("outcome") not in ("n/a", "skipped") for r in recs)
               and not (ty == "wilddma" and unconfined(g, data["iommu"]))]
    t(not missing, "every type injected into every target" +
      (" (not: %s)" % ",".join(missing) if missing else ""))
    t(n["restarted"] > 0, "RS restarted failed drivers (%d)" % n["restarted"])
    blk = [r for r in recs if TARGETS[r["target"]][1] == "blk" and r.get("died")
           and r["target"] in r["died"]]
    good = sum(r["outcome"] == "restarted" for r in blk)
    t(blk and good * 100 >= 99 * len(blk),
      "block path: %d of %d driver failures recovered without an error" % (good, len(blk)))
    print("\n".join(lines))
    bad = sum(l.startswith("not ok") for l in lines)
    print("%d passed, %d failed" % (len(lines) - bad, bad))


def report(data, outdir, name, as_tap=False):
    os.makedirs(outdir, exist_ok=True)
    path = os.path.join(outdir, name + ".json")
    with open(path, "w") as f:
        json.dump(data, f, indent=1)
    recs = data["records"]
    print(table(recs, data["boots"]))
    text, status = summary(recs, data["boots"])
    print(text)
    plot(recs, os.path.join(outdir, name + ".png"))
    print("fi: results in %s and %s" % (path, os.path.join(outdir, name + ".png")))
    if as_tap:
        tap(data, status)
    return status


def cmd_run(opts):
    types = opts.types.replace(",", " ").split() if opts.types != "all" else TYPES
    targets = opts.targets.replace(",", " ").split()
    for t in types:
        if t not in TYPES:
            sys.exit("fi: unknown fault type '%s' (types: %s)" % (t, " ".join(TYPES)))
    for g in targets:
        if g not in TARGETS:
            sys.exit("fi: unknown target '%s' (targets: %s)" % (g, " ".join(TARGETS)))
    # The QEMU arguments of the disk of each kind, as the Makefile says
    # (make disk-args: with IOMMU=1 the IDE disk may sit elsewhere).
    opts.disk_args = {}
    for kind, dk in (("virtio", "virtio"), ("ide", "ide")):
        r = subprocess.run(["make", "-s", "disk-args", "DISK=" + dk, "FILE=@FILE@",
                            "IOMMU=%d" % opts.iommu], capture_output=True, text=True)
        if r.returncode != 0 or "@FILE@" not in r.stdout:
            sys.exit("fi: make disk-args DISK=%s failed: %s" % (dk, r.stderr.strip()))
        opts.disk_args[kind] = r.stdout.strip()
    si, sn = 0, 1
    if opts.shard:
        m = re.match(r"^(\d+)/(\d+)$", opts.shard)
        if not m or int(m.group(2)) < 1 or int(m.group(1)) >= int(m.group(2)):
            sys.exit("fi: --shard wants I/N with 0 <= I < N, not '%s'" % opts.shard)
        si, sn = int(m.group(1)), int(m.group(2))
    if opts.only:
        idx = [int(x) for x in opts.only.split(",")]
    else:
        idx = shard_faults(opts.faults, si, sn)
    records = []
    for i in idx:
        ftype, target, fseed, index = fault_of(opts.seed, i, types, targets)
        records.append({"i": i, "campaign_seed": opts.seed, "type": ftype,
                        "target": target, "seed": fseed, "index": index})
    for f in (opts.image, opts.disk) + ((opts.image_ide,) if "at_wini" in targets else ()):
        if not os.path.exists(f):
            sys.exit("fi: %s is missing (make fi builds it)" % f)
    name = opts.name or ("fi-%d" % opts.seed + ("-shard%dof%d" % (si, sn) if sn > 1 else ""))
    opts.workdir = os.path.join(opts.outdir, name + ".work")
    os.makedirs(opts.workdir, exist_ok=True)
    print("fi: %d faults (seed %d, types %s, targets %s, %d jobs, IOMMU=%d%s)" % (
        len(records), opts.seed, ",".join(types), ",".join(targets), opts.jobs,
        opts.iommu, ", shard %d/%d" % (si, sn) if sn > 1 else ""), flush=True)
    c = Campaign(opts, records)
    t0 = time.time()
    c.run()
    data = {"name": name, "seed": opts.seed, "faults": opts.faults, "types": types,
            "targets": targets, "iommu": opts.iommu, "shard": [si, sn],
            "jobs": opts.jobs, "elapsed_s": round(time.time() - t0, 1),
            "records": sorted(records, key=lambda r: r["i"]),
            "boots": c.boots}
    print("fi: %d faults in %.0f s (%.1f/s), %d boots" % (
        len(records), data["elapsed_s"], len(records) / max(data["elapsed_s"], 0.1),
        len(c.boots)))
    return report(data, opts.outdir, name, opts.tap)


def cmd_merge(opts):
    datas = []
    for p in opts.files:
        with open(p) as f:
            datas.append(json.load(f))
    if not datas:
        sys.exit("fi: merge: no JSON files")
    d0 = datas[0]
    for d in datas[1:]:
        for k in ("seed", "types", "targets", "iommu"):
            if d[k] != d0[k]:
                sys.exit("fi: merge: %s differs (%s: %r, %s: %r)" % (
                    k, d0["name"], d0[k], d["name"], d[k]))
    recs, seen = [], set()
    for d in datas:
        for r in d["records"]:
            if r["i"] not in seen:
                seen.add(r["i"])
                recs.append(r)
    recs.sort(key=lambda r: r["i"])
    boots = [b for d in datas for b in d["boots"]]
    name = opts.name or d0["name"].split("-shard")[0] + "-merged"
    data = {"name": name, "seed": d0["seed"], "faults": max(d["faults"] for d in datas),
            "types": d0["types"], "targets": d0["targets"], "iommu": d0["iommu"],
            "shard": [0, 1], "merged_from": [d["name"] for d in datas],
            "elapsed_s": sum(d["elapsed_s"] for d in datas), "records": recs,
            "boots": boots}
    missing = [i for i in range(data["faults"]) if i not in seen]
    print("fi: merged %d files: %d faults%s" % (len(datas), len(recs),
          ", %d of 0..%d missing" % (len(missing), data["faults"] - 1) if missing else ""))
    return report(data, opts.outdir, name)


def main():
    ap = argparse.ArgumentParser(prog="fi.py", description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("run", help="run a campaign (or a shard of one)")
    r.add_argument("--faults", type=int, default=1000)
    r.add_argument("--seed", type=int, default=1)
    r.add_argument("--targets", default=",".join(DEFAULT_TARGETS))
    r.add_argument("--types", default="all")
    r.add_argument("--jobs", type=int, default=1)
    r.add_argument("--shard", default="")
    r.add_argument("--only", default="", help="run only these fault numbers (I,I,...)")
    r.add_argument("--iommu", type=int, default=0, choices=(0, 1))
    r.add_argument("--unconfined-dma", action="store_true",
                   help="inject wilddma into DMA drivers even without the IOMMU")
    r.add_argument("--qemu-extra", default="", help="more QEMU arguments (words)")
    r.add_argument("--name", default="")
    r.add_argument("--tap", action="store_true",
                   help="end with TAP lines and N passed, N failed (make test)")
    r.add_argument("--image", default="build/os.iso")
    r.add_argument("--image-ide", default="build/os-ide.iso")
    r.add_argument("--disk", default="build/test-disk.img")
    r.add_argument("--outdir", default="build/fi")
    r.add_argument("--timeout", type=int, default=20,
                   help="seconds for a step before the system counts as hung")
    r.add_argument("--boot-limit", type=int, default=1200,
                   help="seconds one QEMU may run at most")
    r.add_argument("--qemu", default=os.environ.get("QEMU", "qemu-system-i386"))
    m = sub.add_parser("merge", help="merge shards' JSON files")
    m.add_argument("--name", default="")
    m.add_argument("--outdir", default="build/fi")
    m.add_argument("files", nargs="+")
    opts = ap.parse_args()
    signal.signal(signal.SIGTERM, stop_all)
    signal.signal(signal.SIGINT, stop_all)
    if opts.cmd == "run":
        if opts.jobs < 1:
            sys.exit("fi: --jobs must be at least 1")
        return cmd_run(opts)
    return cmd_merge(opts)


if __name__ == "__main__":
    sys.exit(main())
