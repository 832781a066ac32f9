#!/usr/bin/env python3
"""shell-session.py IMAGE [LOG] - boot IMAGE (the OS with init and sh on the
serial console) and type a shell session from the host.  Every step types
a line and waits for the prompt to come back before the next one (never a
timer); its output (what follows the typed line, up to the prompt) must
match the step's pattern.  Prints TAP lines and "N passed, N failed"."""
import os
import sys
sys.path.insert(0, os.path.dirname(__file__))
from console import run_session

def session(step, until):
    step("echo hi | cat", "echo hi | cat\n", r"^hi$")
    step("input redirection", "cat < /etc/motd\n", r"^Welcome to minix-grants")
    step("output redirection to /dev/null",
         "echo gone > /dev/null; echo kept\n", r"\A[^\n]*\nkept\n# \Z")
    step("$? after false", "false; echo status $?\n", r"^status 1$")
    step("$? after true", "true; echo status $?\n", r"^status 0$")
    step("cd and pwd", "cd /etc; pwd\n", r"^/etc$")
    step("ls a directory", "ls /test\n", r"dir500")
    step("pipeline of three", "cat /etc/motd | cat | cat\n",
         r"^Welcome to minix-grants")
    step("a script file", "sh /etc/rc\n", r"^rc: starting$")
    step("ps lists system processes", "ps\n", r"^ +- +7 receive +ext2$")
    # Devices as data: a node made with mknod, the test driver started
    # as the driver of its major; a read it never answers shows in ps as
    # waiting on its label; once it is down, the node gives ENXIO.
    step("mknod without arguments: its usage", "mknod; echo status $?\n",
         r"^usage: mknod \[-m mode\] name c\|b major minor\nstatus 2$")
    step("mknod makes a device node", "mknod -m 666 /dev/cdevhang c 42 1\n",
         r"\A[^\n]*\n# \Z")
    step("service up a test driver for its major",
         "service up /bin/cdevtest -dev /dev/cdevhang\n",
         r"^service: cdevtest is up \(endpoint \d+\)$")
    step("ls -l /dev shows the nodes and their numbers", "ls -l /dev\n",
         r"\A[^\n]*\n"
         r"crw-r--r--   1  42,   1 cdevhang\n"
         r"crw-------   1   4,   0 console\n"
         r"crw-rw-rw-   1   1,   0 null\n"
         r"brw-------   1   1,   3 ram1\n"
         r"brw-------   1   1,   4 ram2\n"
         r"crw-rw-rw-   1   4,   0 tty\n"
         r"crw-rw-rw-   1   1,   1 zero\n# \Z")
    step("a read the driver never answers", "cat /dev/cdevhang &\n",
         r"^\[1\] \d+$")
    step("ps shows the reader waiting on the driver's label",
         "sleep 1; ps | grep ' cat$'\n", r"\A[^\n]*\n +\d+ +\d+ cdevtest +cat\n# \Z")
    step("kill ends it, service down the driver",
         "kill %1; wait; service down cdevtest; echo done\n", r"^done$")
    step("the node of a driver that is down: ENXIO",
         "cat /dev/cdevhang; echo status $?; rm /dev/cdevhang\n",
         r"^cat: /dev/cdevhang: Device not configured\nstatus 1$")
    # select() on the tty (readable): nothing typed, a timeout; a line
    # typed while it waits (ps, a second later, shows it in select) wakes
    # it, and the line is still there to read.
    step("readable: the idle tty times out", "readable -t 0.3; echo status $?\n",
         r"\A[^\n]*\nstatus 1\n# \Z")
    step("readable: /dev/null is ready at once",
         "readable < /dev/null; echo status $?\n", r"^0\nstatus 0$")
    if until("readable waits for a line on the tty: ps shows it in select",
             "(sleep 1; ps | grep ' readable$') & "
             "readable -t 20 && read l; echo \"status $? got $l\"\n",
             r" select +readable\n"):
        step("a typed line wakes it, and is read after", "abc\n",
             r"^0\nstatus 0 got abc$")
    # The example driver (docs/writing-drivers.md): up, read, crashed,
    # restarted by RS, its counter kept in DS.
    step("hello: mknod and service up", "mknod /dev/hello c 17 0; "
         "service up /bin/hello -dev /dev/hello\n",
         r"^service: hello is up \(endpoint \d+\)$")
    step("hello: cat reads it", "cat /dev/hello\n",
         r"\A[^\n]*\nHello, World! \(open 1\)\n# \Z")
    step("hello: service fi, the open that crashes it gives EIO",
         "service fi hello; cat /dev/hello\n",
         r"^cat: /dev/hello: Input/output error$")
    step("hello: restarted, the counter went on",
         "cat /dev/hello; service down hello; rm /dev/hello\n",
         r"^Hello, World! \(open 2\)$")
    # The console reset: a BREAK (QEMU's Ctrl-] b here, as in make run)
    # then r: the kernel stops the tty driver and RS restarts it, and the
    # shell prompts again.  The key typed after a BREAK is the kernel's,
    # never typed (as Linux's SysRq); the keys after it are typed again.
    until("a BREAK: nothing typed", "\x1db", r"\S", timeout=1, absent=True)
    until("then x: not typed", "x", r"x", timeout=1, absent=True)
    step("then the keys are typed again", "echo typed\n",
         r"\A(?![^\n]*xecho)[^\n]*\ntyped\n# \Z")
    step("console reset: a BREAK then r restarts the tty", "\x1dbr",
         r"^kernel: console reset \(BREAK r\): stopping tty\n"
         r"(.*\n)*rs: tty died: SIGKILL \(9\).*\n(.*\n)*rs: tty restarted"
         r"(.*\n)*init: shell exited with status 0, starting a new one\n")
    step("the console works after the reset", "echo back\n", r"\A[^\n]*\nback\n# \Z")
    step("grants lists VFS's table", "grants vfs\n",
         r"^vfs \(endpoint 3\): [0-9]+ entries, [0-9]+ mappings$")
    # The job prints a line once it runs, then becomes the sleep.
    if until("a foreground job starts",
             "sh -c 'echo started; exec sleep 30'\n", r"^started$"):
        step("^C stops the job, not the shell", "\x03", r"\^C", timeout=10)
    step("the shell still works", "echo alive\n", r"^alive$")
    step("a for loop", "for i in 1 2 3; do echo n$i; done\n",
         r"^n1\nn2\nn3\n# \Z")
    step("a pipeline through grep and wc",
         "cat /etc/motd /etc/rc | grep -i -v welcome | wc -l\n", r"^3$")
    step("$( ) substitution", "echo \"motd: $(wc -l < /etc/motd) line\"\n",
         r"^motd: 1 line$")
    step("globbing", "echo /bin/ca* /bin/e*\n", r"^/bin/cat /bin/echo /bin/env$")
    step("a command for the history", "echo recall-me\n", r"^recall-me$")
    step("up-arrow recalls and runs the previous command", "\x1b[A\n",
         r"^recall-me\n# \Z")
    step("line editing: ^A, then typed text at the start", "cho edited\x01e\n",
         r"^edited$")
    if until("a job to stop starts",
             "sh -c 'echo started; exec sleep 30'\n", r"^started$"):
        step("^Z stops the foreground job", "\x1a",
             r"^\[1\]\+ +Stopped +sh -c 'echo started; exec sleep 30'$", timeout=10)
        step("jobs lists it as stopped", "jobs\n", r"^\[1\]\+ +Stopped +sh -c")
        if until("fg resumes it in the foreground", "fg\n",
                 r"^sh -c 'echo started; exec sleep 30'$"):
            step("^C ends the resumed job", "\x03", r"\^C", timeout=10)
    step("exit status of a job ended by ^C", "echo $?\n", r"^130$")
    # A long output (yes: the tty's output queue stays full, its writes
    # wait) is still cut short by ^C.
    if until("a long output runs", "yes\n", r"^y\ny\ny$"):
        step("^C stops a long output", "\x03", r"\^C", timeout=10)
    step("mount lists the root file system", "mount\n",
         r"\A[^\n]*\n\S+ on / type ext2 \(rw\)\n# \Z")
    step("df -k: one line per mount", "df -k\n",
         r"^Filesystem +1024-blocks +Used +Available +Capacity +Mounted on\n"
         r"\S+ +[0-9]+ +[0-9]+ +[0-9]+ +[0-9]+% /\n# \Z")
    step("a file without the execute bit is not run",
         "/etc/motd; echo status $?\n",
         r"^sh: /etc/motd: Permission denied\nstatus 126$")
    step("^D on an empty line ends the shell; init starts a new one", "\x04",
         r"^init: shell exited with status 0, starting a new one$")


if __name__ == "__main__":
    sys.exit(run_session(sys.argv[1:], "build/shell-session.log", session))
