#!/usr/bin/env python3
"""ttyreset-session.py IMAGE [LOG] - the console reset (kernel/consreset.c)
at the console of IMAGE (make run's image), with the tty's own port I/O
broken: `service fi tty -type srcreg -addr A` aimed at the instruction
of sys_inb() that sets its frame pointer (A found in build/bin/tty; seed
2 makes it mov %ebp,%ebp), as fault 1359 of the 10,000-fault campaign
did.  The tty lives on (RS sees its heartbeats) but reads nothing: a
command typed gets no answer.  A
BREAK, then r: the kernel stops the tty, RS restarts it, and the shell
answers again.  Prints TAP lines and "N passed, N failed"."""
import os
import re
import subprocess
import sys
sys.path.insert(0, os.path.dirname(__file__))
from console import run_session

TTY = "build/bin/tty"


def frame_setup():
    """The address of sys_inb()'s mov %esp,%ebp."""
    dis = subprocess.run(["i686-linux-gnu-objdump", "-d", TTY],
                         capture_output=True, text=True, check=True).stdout
    body = re.search(r"<sys_inb>:\n(.*?)\n\n", dis, re.S).group(1)
    return int(re.search(r"^ *([0-9a-f]+):\t89 e5 ", body, re.M).group(1), 16)


def session(step, until):
    addr = frame_setup()
    until("a fault in the tty's sys_inb: its frame pointer",
          "service fi tty -type srcreg -seed 2 -addr 0x%x\n" % addr,
          r"^rs: fi: tty srcreg seed=2 index=0 at 0x%x len=2 insn=2: "
          r"89 e5 -> 89 ed$" % addr)
    until("the console answers no more", "\necho alive\n", r"^alive$",
          timeout=8, absent=True)
    until("a BREAK then r: the kernel stops the tty, RS restarts it",
          "\x1dbr", r"^kernel: console reset \(BREAK r\): stopping tty\n"
          r"(.*\n)*rs: tty died: SIGKILL \(9\).*\n(.*\n)*rs: tty restarted"
          r"(.*\n)*init: shell exited with status 0, starting a new one\n# ")
    step("the console works after the reset", "echo back\n", r"^back$")


if __name__ == "__main__":
    sys.exit(run_session(sys.argv[1:], "build/ttyreset-session.log", session))
