#!/usr/bin/env python3
"""ramdisk-session.py IMAGE [LOG] - the memory driver's RAM disk checks
(drivers/memory/memory.c) at the console of IMAGE (make run's image):
/dev/ram1 and /dev/ram2 written, then a pointer fault aimed with `service
fi memory -type pointer -addr A` at the load of the RAM disk's address in
ram_disk(), A found in build/bin/memory.  Seed 49 makes it read ram[1]
for ram1 (a read of /dev/ram1 then finds /dev/ram2's bytes: they do not
match ram1's checksums); seed 5 makes it read disk_size, 0 here, for
ram2 (a disk made before, lost).  Each time the driver stops with a
panic naming the check, RS restarts it and the reader gets EIO, not the
wrong bytes.  Prints TAP lines and "N passed, N failed"."""
import os
import re
import subprocess
import sys
sys.path.insert(0, os.path.dirname(__file__))
from console import run_session

MEMORY = "build/bin/memory"


def ram_load():
    """The address of ram_disk()'s load of ram[i], its displacement."""
    nm = subprocess.run(["i686-linux-gnu-nm", MEMORY], capture_output=True,
                        text=True, check=True).stdout
    ram = int(re.search(r"^([0-9a-f]+) b ram$", nm, re.M).group(1), 16)
    dis = subprocess.run(["i686-linux-gnu-objdump", "-d", MEMORY],
                         capture_output=True, text=True, check=True).stdout
    body = re.search(r"<ram_disk>:\n(.*?)\n\n", dis, re.S).group(1)
    m = re.search(r"^ *([0-9a-f]+):.*\tmov +0x%x\(,%%e[a-z]{2},4\),%%e[a-z]{2}$"
                  % ram, body, re.M)
    return int(m.group(1), 16), ram


def session(step, until):
    addr, ram = ram_load()
    step("/dev/ram1 and /dev/ram2 written",
         "dd if=/etc/motd of=/dev/ram1 2>/dev/null && "
         "dd if=/etc/rc of=/dev/ram2 2>/dev/null && echo written\n", r"^written$")
    step("a pointer fault: ram_disk() reads ram[1] for ram1",
         "service fi memory -type pointer -seed 49 -addr 0x%x\n" % addr,
         r"^rs: fi: memory pointer seed=49 .* -> .. .. .. %02x %02x %02x %02x$"
         % tuple((ram + 4) >> s & 0xff for s in (0, 8, 16, 24)))
    step("reading ram1 finds ram2's bytes: checksum mismatch, restart, EIO",
         "dd if=/dev/ram1 bs=512 count=1 of=/dev/null\n",
         r"^memory: panic: /dev/ram1: sector 0 does not match its checksum\n"
         r"rs: memory died: .*\nrs: memory restarted \(endpoint \d+\)\n"
         r"dd: /dev/ram1: read: Input/output error$")
    step("the new instance: /dev/ram2 written again",
         "dd if=/etc/rc of=/dev/ram2 2>/dev/null && echo written\n", r"^written$")
    step("a pointer fault: ram_disk() reads a zero word for ram2",
         "service fi memory -type pointer -seed 5 -addr 0x%x\n" % addr,
         r"^rs: fi: memory pointer seed=5 ")
    step("reading ram2: its memory is lost, restart, EIO",
         "dd if=/dev/ram2 bs=512 count=1 of=/dev/null\n",
         r"^memory: panic: /dev/ram2: its memory is lost\n"
         r"rs: memory died: .*\nrs: memory restarted \(endpoint \d+\)\n"
         r"dd: /dev/ram2: Input/output error$")
    step("the restarted driver serves /dev/ram2 (empty again)",
         "dd if=/dev/ram2 bs=512 count=1 2>/dev/null | od -c | head -n 1\n",
         r"^0000000 +\\0 +\\0")


if __name__ == "__main__":
    sys.exit(run_session(sys.argv[1:], "build/ramdisk-session.log", session))
