#!/usr/bin/env python3
"""rtc-session.py IMAGE [LOG] - the example CMOS clock driver
(drivers/examples/rtc) at the console of IMAGE (make run's image, booted
with QEMU's clock set: QEMU_EXTRA has -rtc base=2020-01-02T03:04:05):
mknod /dev/rtc, `service up` the driver, read the time, crash it with
`service fi rtc`, read again from the restarted driver, and take it down.
Prints TAP lines and "N passed, N failed"."""
import os
import sys
sys.path.insert(0, os.path.dirname(__file__))
from console import run_session

# QEMU's clock starts at 2020-01-02 03:04:05 and runs with the guest: the
# session lasts well under an hour.
TIME = r"^2020-01-02 03:[0-5][0-9]:[0-5][0-9]$"


def session(step, until):
    step("the system's date is QEMU's clock",
         "date\n", r"^Thu Jan  2 03:[0-5][0-9]:[0-5][0-9] UTC 2020$")
    step("mknod /dev/rtc c 43 0", "mknod /dev/rtc c 43 0 && ls -l /dev/rtc\n",
         r"^c.* 43, +0 .*/dev/rtc$")
    step("reading /dev/rtc without its driver: ENXIO",
         "head -n 1 /dev/rtc\n", r"^head: /dev/rtc: Device not configured$")
    step("service up /bin/rtc -dev /dev/rtc",
         "service up /bin/rtc -dev /dev/rtc && echo up\n", r"^up$")
    step("a read gives the CMOS time", "head -n 1 /dev/rtc\n", TIME)
    step("three reads, a line each", "head -n 3 /dev/rtc | wc -l\n", r"^ *3$")
    step("writes are refused (EPERM): echo fails",
         "/bin/echo x > /dev/rtc; echo status $?\n", r"^status 1$")
    step("... with EPERM", "dd if=/dev/zero of=/dev/rtc bs=1 count=1\n",
         r"^dd: .*Operation not permitted$")
    step("service fi rtc: armed for its next request",
         "service fi rtc\n", r"^rs: fi: rtc next seed=0 index=0$")
    step("the next read crashes it: RS restarts it, the read fails (EIO)",
         "head -n 1 /dev/rtc\n",
         r"^rs: rtc died: SIGSEGV \(11\) at eip 0x4[0-9a-f]{7}\n"
         r"rs: rtc restarted \(endpoint \d+\)\n"
         r"head: /dev/rtc: Input/output error$")
    step("the restarted driver reads the time", "head -n 1 /dev/rtc\n", TIME)
    step("service status rtc: one restart",
         "service status rtc\n", r"^rtc +\d+ +- +1 +")
    step("service down rtc", "service down rtc && echo down\n", r"^down$")
    step("gone again: ENXIO", "head -n 1 /dev/rtc\n",
         r"^head: /dev/rtc: Device not configured$")


if __name__ == "__main__":
    sys.exit(run_session(sys.argv[1:], "build/rtc-session.log", session))
