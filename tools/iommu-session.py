#!/usr/bin/env python3
"""iommu-session.py IMAGE DISK [LOG [KIND]] - wild DMA on the root disk
under the IOMMU, through the file system, with the host's e2fsprogs as
the oracle.  KIND is the kind of disk (make DISK=...): ide (default, the
driver at_wini) or virtio (virtio_blk on a modern virtio disk with
iommu_platform=on, IMAGE os.iso); below, at_wini stands for the driver.

IMAGE (os-ide.iso: the root on at_wini) boots on QEMU's q35 machine with
intel-iommu (`make iommu-args`), DISK (a scratch copy of a root image,
never build/disk.img) on a PIIX3 IDE function (`make disk-args DISK=ide
IOMMU=1`).  At the shell:

 1. a 100 KiB file is written (it stays in ext2's cache; sync and wc
    have been read before, so sync's only disk I/O is writes), then `service
    fi at_wini -type wilddma -seed 3` and `sync`: at_wini's next DMA
    command (a disk write: the device reads memory) is told a page that is
    none of its holds; the IOMMU blocks it, the kernel logs the fault at
    exactly that page and kills at_wini before it answers, RS restarts
    it, and ext2's request goes to the new instance;
 2. the same with seed 4, then a file never read before is read (wc -c):
    a disk read, the device writing memory.

Then poweroff.  The host checks: two fault records, each at the page the
injector named, from at_wini's device, each followed by RS's restart;
`e2fsck -fn` clean; `debugfs cat` of the file gives exactly the bytes
written.  Prints TAP lines and "N passed, N failed"."""
import os
import re
import subprocess
import sys
sys.path.insert(0, os.path.dirname(__file__))
from console import Console, Tap, tail

SEQ = "".join("%d\n" % i for i in range(1, 20001)).encode()[:100000]


KINDS = {"ide": ("at_wini", "8086:7010"), "virtio": ("virtio_blk", "1af4:1042")}


def make_words(*args):
    return subprocess.run(["make", "-s"] + list(args), capture_output=True,
                          text=True, check=True).stdout.split()


def main(argv):
    if len(argv) < 2:
        print("usage: iommu-session.py IMAGE DISK [LOG]", file=sys.stderr)
        return 2
    image, disk = argv[0], argv[1]
    log = argv[2] if len(argv) > 2 else "build/iommu-session.log"
    kind = argv[3] if len(argv) > 3 else "ide"
    if kind not in KINDS:
        print("iommu-session: no kind of disk %r (ide, virtio)" % kind, file=sys.stderr)
        return 2
    label, pci_id = KINDS[kind]
    if os.path.abspath(disk) == os.path.abspath("build/disk.img"):
        print("iommu-session: refusing to write the user's build/disk.img", file=sys.stderr)
        return 2
    qemu = ["timeout", "-k", "5", "120", os.environ.get("QEMU", "qemu-system-i386"),
            "-m", "128M", "-no-reboot", "-boot", "d", "-display", "none",
            "-monitor", "none", "-serial", "stdio",
            "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04",
            "-cdrom", image] + make_words("iommu-args") + \
        make_words("disk-args", "DISK=" + kind, "IOMMU=1", "FILE=" + disk)
    tap = Tap()
    values = []
    con = Console(qemu, log)
    try:
        if not tap.result(con.prompt(60), "boots to a shell prompt on q35 + intel-iommu",
                          tail(con.text())):
            return tap.done()
        con.begin()
        con.send("sync; wc -c /dev/null; seq 1 20000 | head -c 100000 > /w1\n")
        tap.result(con.prompt(30), "a 100 KiB file written (in ext2's cache)",
                   tail(con.text()))
        for seed, work, pattern, what in [
                (3, "sync; wc -c /w1", r"^\s*100000 /w1$", "the file synced"),
                (4, "wc -c /bin/sort", r"^\s*\d+ /bin/sort$", "a file read")]:
            con.begin()
            con.send("service fi %s -type wilddma -seed %d\n" % (label, seed))
            ok = con.prompt(30)
            m = re.search(r"^fi: %s wilddma seed=%d index=0 value=(0x[0-9a-f]+)$" % (label, seed),
                          con.text(), re.M)
            tap.result(ok and m is not None, "service fi %s -type wilddma -seed %d" % (label, seed),
                       tail(con.text()))
            values.append(int(m.group(1), 16) if m else None)
            con.begin()
            con.send(work + "\n")
            ok = con.prompt(60)
            out = con.text()
            tap.result(ok and re.search(pattern, out, re.M) is not None,
                       "after the wild DMA: %s, right" % what, tail(out))
            tap.result(re.search(r"^rs: %s restarted" % label, out, re.M) is not None,
                       "RS restarted %s (seed %d)" % (label, seed), tail(out))
        con.begin()
        con.send("poweroff\n")
        rc = con.wait_exit(60)
        tap.result(rc == 0, "poweroff ends QEMU with status 0",
                   "exit status %s: %s" % (rc, tail(con.text())))
    finally:
        con.close()
    with open(log, "rb") as f:
        text = f.read().decode("latin-1").replace("\r", "")
    faults = re.findall(r"^kernel: iommu: DMA fault: (\S+) (read of|write to) (0x[0-9a-f]+) "
                        r"blocked, reason (\d+) \([^)]*\), device of %s \(endpoint \d+\)$" % label,
                        text, re.M)
    bdf = re.search(r"^kernel: iommu: (\S+) %s is %s's" % (pci_id, label), text, re.M)
    want = [v & ~0xfff for v in values if v is not None]
    tap.result(bdf is not None and [int(a, 16) for _, _, a, _ in faults] == want and
               all(b == bdf.group(1) for b, _, _, _ in faults) and
               [(k, r) for _, k, _, r in faults] == [("read of", "6"), ("write to", "5")],
               "two fault records, at the pages the injector named, from %s's device: " % label +
               "the sync's disk write (a read of memory), then the disk read",
               "faults %s, wanted pages %s" % (faults, [hex(v) for v in want]))
    r = subprocess.run(["e2fsck", "-fn", disk], capture_output=True, text=True)
    tap.result(r.returncode == 0, "e2fsck -fn is clean",
               "status %d: %s" % (r.returncode, tail(r.stdout + r.stderr)))
    got = subprocess.run(["debugfs", "-R", "cat /w1", disk], capture_output=True).stdout
    tap.result(got == SEQ, "debugfs cat /w1: the 100000 bytes the guest wrote",
               "got %d bytes" % len(got))
    return tap.done()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
