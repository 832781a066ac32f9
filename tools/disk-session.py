#!/usr/bin/env python3
"""disk-session.py IMAGE DISK [LOG] - persistence of the root disk, with the
host's e2fsprogs as the oracle.

DISK is a scratch copy of a root disk image (never the user's
build/disk.img); IMAGE (os.iso) boots with its root on it, attached as
`make disk-args` says.

Boot 1 writes files of 0 B, 1 B, 1023 B, 4 KiB and 1 MiB (the output of
seq, cut with head -c) and powers off.  On the host, `e2fsck -fn` finds
the image clean and `debugfs -R 'cat PATH'` returns exactly those bytes.
Boot 2 reads them back (sizes with wc -c; copies with cp, which the host
compares again byte for byte) and powers off; e2fsck is clean again.

Boot 1 also runs `tests oracle-write /o` (tests/user/t_oracle.c): files
of 0 B to 20 MiB, a sparse file, a fast and a slow symlink, a hard link
and a renamed directory; the host checks every byte with debugfs, the
link count and the symlink targets with debugfs stat, and boot 2 reads it
all back (`tests oracle-check /o`).

Boot 3 is a power cut: `tests powercut /pc N` writes and fsyncs pc0 ..
pcN-1, saying "synced K" after each fsync returned, and goes on writing
without syncing; the host kills QEMU in the middle of that (after the
third unsynced file is written, while more are), runs
`e2fsck -fy` (it may repair), then `e2fsck -fn` must be clean and every
synced file intact byte for byte.
Prints TAP lines and "N passed, N failed"."""
import os
import re
import subprocess
import sys
sys.path.insert(0, os.path.dirname(__file__))
from console import Console, Tap, tail


def seq_bytes(last, size):
    return "".join("%d\n" % i for i in range(1, last + 1)).encode()[:size]


# name -> (guest command writing it, its bytes)
FILES = [
    ("empty", ": > /p/empty", b""),
    ("one", "printf x > /p/one", b"x"),
    ("s1023", "seq 1 1000 | head -c 1023 > /p/s1023", seq_bytes(1000, 1023)),
    ("s4k", "seq 1 2000 | head -c 4096 > /p/s4k", seq_bytes(2000, 4096)),
    ("s1m", "seq 1 200000 | head -c 1048576 > /p/s1m", seq_bytes(200000, 1048576)),
]


_BASE = bytes((j * 131) & 255 for j in range(4096))


def pattern(size, seed, start=0):
    """t_oracle.c's contents: byte i is (i * 131 + i / 4096 + seed * 17) & 255
    (i * 131 repeats every 4096 bytes modulo 256, so a page at a time)."""
    out = bytearray()
    for k in range(start // 4096, (start + size + 4095) // 4096):
        add = (k + seed * 17) & 255
        out += _BASE.translate(bytes((b + add) & 255 for b in range(256)))
    first = start - (start // 4096) * 4096
    return bytes(out[first:first + size])


ORACLE_FILES = [("f0", 0), ("f1", 1), ("f1023", 1023), ("f4096", 4096),
                ("f1m", 1 << 20), ("f20m", 20 << 20)]
SLOW_TARGET = ("this/is/a/slow/symlink/target/longer/than/sixty/bytes/so/it/needs/"
               "a/block/of/its/own/x")
POWERCUT_FILES = 12


def debugfs_stat(disk, path):
    return subprocess.run(["debugfs", "-R", "stat " + path, disk],
                          capture_output=True, text=True).stdout


def first_diff(got, want):
    n = min(len(got), len(want))
    return next((i for i in range(n) if got[i] != want[i]), n)


def check_bytes(tap, disk, path, want, what):
    got = debugfs_cat(disk, path)
    tap.result(got == want, what, "got %d bytes, want %d, first difference at %d" % (
        len(got), len(want), first_diff(got, want)))


def check_oracle(tap, disk):
    """What `tests oracle-write /o` left, read by debugfs."""
    for name, size in ORACLE_FILES:
        check_bytes(tap, disk, "/o/" + name, pattern(size, size & 255),
                    "debugfs cat /o/%s: the %d bytes the guest wrote" % (name, size))
    sparse = bytearray(12 * 1024 * 1024 + 1)
    sparse[5 << 20:(5 << 20) + 4096] = pattern(4096, 9)
    sparse[12 << 20] = pattern(1, 9, 4096)[0]
    check_bytes(tap, disk, "/o/sparse", bytes(sparse),
                "debugfs cat /o/sparse: holes read as zeros, the data where written")
    st = debugfs_stat(disk, "/o/sparse")
    m = re.search(r"Blockcount: (\d+)", st)
    tap.result(m is not None and int(m.group(1)) * 512 < 64 * 1024,
               "/o/sparse has blocks for its data only (not 12 MiB)", st[:300])
    st = debugfs_stat(disk, "/o/fast")
    tap.result('Fast link dest: "f1m"' in st, "/o/fast is a fast symlink to f1m", st[:300])
    st = debugfs_stat(disk, "/o/slow")
    tap.result("Type: symlink" in st and "Fast link dest" not in st,
               "/o/slow is a symlink with a data block", st[:300])
    check_bytes(tap, disk, "/o/slow", SLOW_TARGET.encode(),
                "the slow symlink's block holds its target")
    st = debugfs_stat(disk, "/o/hard")
    tap.result(re.search(r"Links: 2\b", st) is not None,
               "/o/hard and /o/f4096: one inode with 2 links", st[:300])
    check_bytes(tap, disk, "/o/renamed/sub/f", pattern(3000, 5),
                "the renamed directory's file: debugfs cat /o/renamed/sub/f")
    ls = subprocess.run(["debugfs", "-R", "ls /o", disk], capture_output=True,
                        text=True).stdout
    tap.result("dir0" not in ls and "renamed" in ls,
               "/o has renamed and no dir0", ls[:300])


def powercut(tap, argv, disk, log):
    """Boot 3: kill QEMU after the last fsync; the synced files survive."""
    con = Console(argv, log)
    try:
        if not tap.result(con.prompt(120), "boot 3: boots to a shell prompt",
                          tail(con.text())):
            return
        con.begin()
        con.send("tests powercut /pc %d\n" % POWERCUT_FILES)
        ok = con.expect(r"^synced %d$" % (POWERCUT_FILES - 1), 300)
        tap.result(ok, "boot 3: the guest synced %d files" % POWERCUT_FILES,
                   tail(con.text()))
        ok = con.expect(r"^unsynced 2$", 60)
        tap.result(ok, "boot 3: and goes on writing without syncing", tail(con.text()))
    finally:
        con.close()            # the power cut: SIGKILL, mid-write
    r = subprocess.run(["e2fsck", "-fy", disk], capture_output=True, text=True)
    tap.result(r.returncode in (0, 1), "e2fsck -fy after the power cut (0 or 1: repaired)",
               "status %d: %s" % (r.returncode, tail(r.stdout + r.stderr)))
    fsck_clean(tap, disk, "after the power cut and e2fsck -fy")
    for k in range(POWERCUT_FILES):
        check_bytes(tap, disk, "/pc/pc%d" % k, pattern(64 * 1024, k),
                    "after the power cut: /pc/pc%d (fsynced) is intact" % k)


def qemu_argv(image, disk):
    args = subprocess.run(["make", "-s", "disk-args", "FILE=" + disk],
                          capture_output=True, text=True, check=True).stdout.split()
    return ["timeout", "-k", "5", "300", os.environ.get("QEMU", "qemu-system-i386"),
            "-m", "128M", "-no-reboot", "-boot", "d", "-display", "none",
            "-monitor", "none", "-serial", "stdio",
            "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04",
            "-cdrom", image] + args


def boot(tap, argv, log, steps, what):
    """Boot, run steps [(name, line, pattern)], power off."""
    con = Console(argv, log)
    try:
        if not tap.result(con.prompt(120), what + ": boots to a shell prompt",
                          tail(con.text())):
            return
        for name, line, pattern in steps:
            con.begin()
            con.send(line + "\n")
            ok = con.prompt(120)
            out = con.text()
            tap.result(ok and re.search(pattern, out, re.M) is not None,
                       what + ": " + name, "no /%s/ in: %s" % (pattern, tail(out)))
        con.begin()
        con.send("poweroff\n")
        rc = con.wait_exit(60)
        tap.result(rc == 0, what + ": poweroff ends QEMU with status 0",
                   "exit status %s: %s" % (rc, tail(con.text())))
    finally:
        con.close()


def fsck_clean(tap, disk, when):
    r = subprocess.run(["e2fsck", "-fn", disk], capture_output=True, text=True)
    tap.result(r.returncode == 0, "e2fsck -fn is clean " + when,
               "status %d: %s" % (r.returncode, tail(r.stdout + r.stderr)))


def debugfs_cat(disk, path):
    return subprocess.run(["debugfs", "-R", "cat " + path, disk],
                          capture_output=True).stdout


def main(argv):
    if len(argv) < 2:
        print("usage: disk-session.py IMAGE DISK [LOG]", file=sys.stderr)
        return 2
    image, disk = argv[0], argv[1]
    log = argv[2] if len(argv) > 2 else "build/disk-session.log"
    if os.path.abspath(disk) == os.path.abspath("build/disk.img"):
        print("disk-session: refusing to write the user's build/disk.img", file=sys.stderr)
        return 2
    tap = Tap()
    qemu = qemu_argv(image, disk)
    sizes = r"\n".join(r"\s*%d /p/%s" % (len(b), n) for n, _, b in FILES)
    boot(tap, qemu, log, [("mkdir /p", "mkdir /p", r"\A[^\n]*\n# \Z")] +
         [("write " + n, cmd, r"\A[^\n]*\n# \Z") for n, cmd, _ in FILES] +
         [("the sizes written", "wc -c " + " ".join("/p/" + n for n, _, _ in FILES),
           sizes),
          ("tests oracle-write /o", "tests oracle-write /o", r"^oracle-write: done$")],
         "boot 1")
    fsck_clean(tap, disk, "after boot 1")
    check_oracle(tap, disk)
    for n, _, b in FILES:
        got = debugfs_cat(disk, "/p/" + n)
        tap.result(got == b, "debugfs cat /p/%s: the %d bytes the guest wrote" % (n, len(b)),
                   "got %d bytes, first difference at %s" % (
                       len(got), next((i for i in range(min(len(got), len(b)))
                                       if got[i] != b[i]), min(len(got), len(b)))))
    boot(tap, qemu, log.replace(".log", "-2.log"),
         [("the files are still there", "wc -c " + " ".join("/p/" + n for n, _, _ in FILES),
           sizes),
          ("cat /p/one", "cat /p/one; echo", r"^x$"),
          ("the last line of /p/s1023", "tail -n 1 /p/s1023; echo", r"^283$"),
          ("copy them back", "for f in s1023 s4k s1m; do cp /p/$f /p/$f.back; done",
           r"\A[^\n]*\n# \Z"),
          ("tests oracle-check /o", "tests oracle-check /o", r"^oracle-check: ok$")],
         "boot 2")
    fsck_clean(tap, disk, "after boot 2")
    for n, _, b in FILES[2:]:
        got = debugfs_cat(disk, "/p/%s.back" % n)
        tap.result(got == b, "boot 2 read /p/%s back byte for byte (its copy)" % n,
                   "got %d bytes" % len(got))
    powercut(tap, qemu, disk, log.replace(".log", "-3.log"))
    return tap.done()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
