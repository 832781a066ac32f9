#!/usr/bin/env python3
"""rs-session.py IMAGE [LOG] - boot IMAGE (the OS: make run's image) and,
typing at its console, crash the console's own tty driver with `service
fi tty`: RS must restart it under a new endpoint, the shell must keep
working on the console, and `service status tty` must show one restart
and its reason.  Prints TAP lines and "N passed, N failed"."""
import os
import re
import sys
sys.path.insert(0, os.path.dirname(__file__))
from console import Console, Tap, tail

QEMU = os.environ.get("QEMU", "qemu-system-i386")


def main(argv):
    if not argv:
        print("usage: rs-session.py IMAGE [LOG]", file=sys.stderr)
        return 2
    log = argv[1] if len(argv) > 1 else "build/rs-session.log"
    tap = Tap()
    con = Console(["timeout", "-k", "5", "300", QEMU, "-m", "128M",
                   "-no-reboot", "-boot", "d", "-display", "none",
                   "-monitor", "none", "-serial", "stdio",
                   "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04",
                   "-cdrom", argv[0]], log)

    def step(name, send, pattern, timeout=30):
        """Type send; wait for the prompt; pattern must be in the output."""
        con.begin()
        con.send(send)
        ok = con.prompt(timeout)
        out = con.text()
        ok = ok and re.search(pattern, out, re.M) is not None
        return tap.result(ok, name, "no /%s/ in: %s" % (pattern, tail(out)))

    try:
        if tap.result(con.prompt(120), "boots to a shell prompt", tail(con.text())):
            step("service status lists the boot services",
                 "service status\n", r"^tty +5 +- +0 +\d+s +- +-$")
            step("service fi tty: RS restarts the console driver",
                 "service fi tty\n", r"^rs: tty restarted \(endpoint \d+\)$")
            step("the shell still works on the console",
                 "echo after the restart\n", r"^after the restart$")
            step("service status tty: one restart and its reason",
                 "service status tty\n",
                 r"^tty +\d{4,} +- +1 +\d+s +- +SIGSEGV \(11\) at eip 0x4[0-9a-f]{7}$")
            step("service fi of no service", "service fi nosuch\n",
                 r"^service: fi nosuch: no such service$")
            con.begin()
            con.send("poweroff\n")
            rc = con.wait_exit(60)
            tap.result(rc == 0, "poweroff ends QEMU with status 0",
                       "exit status %s: %s" % (rc, tail(con.text())))
    finally:
        con.close()
    return tap.done()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
