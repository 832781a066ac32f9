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
           sizes)], "boot 1")
    fsck_clean(tap, disk, "after boot 1")
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
           r"\A[^\n]*\n# \Z")], "boot 2")
    fsck_clean(tap, disk, "after boot 2")
    for n, _, b in FILES[2:]:
        got = debugfs_cat(disk, "/p/%s.back" % n)
        tap.result(got == b, "boot 2 read /p/%s back byte for byte (its copy)" % n,
                   "got %d bytes" % len(got))
    return tap.done()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
