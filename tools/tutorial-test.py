#!/usr/bin/env python3
"""tutorial-test.py [LOG] - follow docs/writing-drivers.md as a newcomer
would, so that the tutorial cannot drift from the tree:

1. write the files its listings name (```c file=NAME, ```conf file=NAME)
   into an empty folder outside the tree (build/tutorial/tally);
2. run its host commands there (```sh host), with TREE set to the tree
   and DISK_IMG to a scratch copy of the pristine disk image: they build
   the kit, the driver out of tree, and put it on the disk;
3. boot make run's image (os.iso) on that disk and type the commands of
   its console transcripts (```console guest: lines "# CMD", then the
   output CMD must print, exactly; a run of digits in the transcript
   stands for any number, as does 0x and hex digits: endpoints and
   addresses vary; two blanks or more stand for two or more);
4. look for the lines of its ```text kernel-log blocks in the kernel's
   log (port 0xE9), numbers again standing for any number.

Prints TAP lines and "N passed, N failed"."""
import os
import re
import shutil
import subprocess
import sys
sys.path.insert(0, os.path.dirname(__file__))
from console import Console, Tap, tail

TREE = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
DOC = os.path.join(TREE, "docs", "writing-drivers.md")
FENCE = re.compile(r"^```([^\n`]*)\n(.*?)^```$", re.M | re.S)


def blocks(text):
    """(info words, body) of every fenced block, in order."""
    return [(m.group(1).split(), m.group(2)) for m in FENCE.finditer(text)]


def pattern(line):
    """A transcript line as a regex: literal, but every number (decimal,
    or hexadecimal with 0x) stands for any number, and two or more blanks
    (table columns) for two or more."""
    out = []
    for part in re.split(r"(0x[0-9a-f]+|\d+| {2,})", line):
        if part.startswith("  "):
            out.append(r" {2,}")
        elif part.startswith("0x"):
            out.append(r"0x[0-9a-f]+")
        elif part.isdigit():
            out.append(r"\d+")
        else:
            out.append(re.escape(part))
    return "".join(out)


def transcript(body):
    """[(command, [expected lines])] of a console block."""
    steps = []
    for line in body.rstrip("\n").split("\n"):
        if line.startswith("# "):
            steps.append((line[2:], []))
        elif steps:
            steps[-1][1].append(line)
    return steps


def main(argv):
    log = argv[0] if argv else os.path.join(TREE, "build", "tutorial-session.log")
    dbg = os.path.join(TREE, "build", "tutorial-debug.log")
    work = os.path.join(TREE, "build", "tutorial", "tally")
    disk = os.path.join(TREE, "build", "tutorial-disk.img")
    tap = Tap()
    doc = blocks(open(DOC).read())

    shutil.rmtree(os.path.dirname(work), ignore_errors=True)
    os.makedirs(work)
    files = [(w, b) for w, b in doc if any(x.startswith("file=") for x in w)]
    for words, body in files:
        name = [x[5:] for x in words if x.startswith("file=")][0]
        with open(os.path.join(work, name), "w") as f:
            f.write(body)
    tap.result(len(files) >= 2, "the listings give the driver's files",
               "%d listings with file=" % len(files))

    shutil.copy(os.path.join(TREE, "build", "test-disk.img"), disk)
    env = dict(os.environ, TREE=TREE, DISK_IMG=disk)
    for words, body in doc:
        if words[:2] != ["sh", "host"]:
            continue
        for cmd in body.strip().split("\n"):
            r = subprocess.run(["bash", "-c", cmd], cwd=work, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               text=True)
            if not tap.result(r.returncode == 0, "host: " + cmd,
                              "exit %d: %s" % (r.returncode, tail(r.stdout))):
                return tap.done()

    disk_args = subprocess.check_output(
        ["make", "-s", "-C", TREE, "disk-args", "FILE=" + disk], text=True).split()
    qemu = os.environ.get("QEMU", "qemu-system-i386")
    if os.path.exists(dbg):
        os.remove(dbg)
    con = Console(["timeout", "-k", "5", "300", qemu, "-m", "128M",
                   "-no-reboot", "-boot", "d", "-display", "none",
                   "-monitor", "none", "-serial", "stdio",
                   "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04",
                   "-debugcon", "file:" + dbg,
                   "-cdrom", os.path.join(TREE, "build", "os.iso")] + disk_args,
                  log)
    try:
        if not tap.result(con.prompt(120), "boots to a shell prompt",
                          tail(con.text())):
            return tap.done()
        for words, body in doc:
            if words[:2] != ["console", "guest"]:
                continue
            for cmd, want in transcript(body):
                con.begin()
                con.send(cmd + "\n")
                ok = con.prompt(30)
                lines = con.text().split("\n")
                got = lines[1:-1]  # after the echoed command, before "# "
                same = ok and len(got) == len(want) and all(
                    re.fullmatch(pattern(w), g) for w, g in zip(want, got))
                tap.result(same, "guest: " + cmd,
                           "want %s got %s" % ("|".join(want), "|".join(got)))
        con.begin()
        con.send("poweroff\n")
        rc = con.wait_exit(60)
        tap.result(rc == 0, "poweroff ends QEMU with status 0",
                   "exit status %s" % rc)
    finally:
        con.close()

    klog = open(dbg, errors="replace").read().split("\n") if os.path.exists(dbg) else []
    for words, body in doc:
        if words[:2] != ["text", "kernel-log"]:
            continue
        for want in body.strip().split("\n"):
            tap.result(any(re.fullmatch(pattern(want), l) for l in klog),
                       "kernel log: " + want, "not in " + dbg)
    return tap.done()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
