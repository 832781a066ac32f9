#!/usr/bin/env python3
"""rs-session.py IMAGE [LOG] - boot IMAGE (the OS: make run's image) and,
typing at its console, crash the console's own tty driver with `service
fi tty`: RS must restart it under a new endpoint, the shell must keep
working on the console, and `service status tty` must show one restart
and its reason.  Prints TAP lines and "N passed, N failed"."""
import os
import sys
sys.path.insert(0, os.path.dirname(__file__))
from console import run_session


def session(step, until):
    step("service status lists the boot services",
         "service status\n", r"^tty +5 +- +0 +\d+s +50 +-$")
    step("service fi tty: RS restarts the console driver",
         "service fi tty\n", r"^rs: tty restarted \(endpoint \d+\)$")
    step("the shell still works on the console",
         "echo after the restart\n", r"^after the restart$")
    step("service status tty: one restart and its reason",
         "service status tty\n",
         r"^tty +\d{4,} +- +1 +\d+s +50 +SIGSEGV \(11\) at eip 0x4[0-9a-f]{7}$")
    step("service fi of no service", "service fi nosuch\n",
         r"^service: fi nosuch: no such service$")


if __name__ == "__main__":
    sys.exit(run_session(sys.argv[1:], "build/rs-session.log", session))
