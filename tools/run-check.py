#!/usr/bin/env python3
"""run-check.py QEMU-COMMAND... - what a newcomer sees after `make run`,
checked: boot to the shell prompt, type a command, see its output, then
leave with reboot (QEMU runs with -no-reboot, so it exits, status 0).  `make run-check` passes it the exact command line of `make run`;
.ci/run starts with it on a clean checkout.  Prints TAP lines and
"N passed, N failed"; exits non-zero on any failure."""
import sys
sys.path.insert(0, __import__("os").path.dirname(__file__))
from console import Console, Tap, tail

LOG = "build/run-check.log"


def main(argv):
    if not argv:
        print("usage: run-check.py QEMU-COMMAND...", file=sys.stderr)
        return 2
    tap = Tap()
    con = Console(["timeout", "-k", "5", "180"] + argv, LOG)
    try:
        if tap.result(con.prompt(120), "make run boots to a shell prompt",
                      tail(con.text())):
            con.begin()
            con.send("cat /etc/motd\n")
            tap.result(con.expect(r"^Welcome to minix-grants\.$", 30) is not None
                       and con.prompt(30),
                       "a typed command runs and the prompt comes back",
                       tail(con.text()))
            con.begin()
            con.send("reboot\n")
            rc = con.wait_exit(60)
            tap.result(rc == 0, "reboot leaves QEMU (-no-reboot) with status 0",
                       "exit status %s: %s" % (rc, tail(con.text())))
    finally:
        con.close()
    print("run-check: console log in " + LOG)
    return tap.done()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
