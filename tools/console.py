"""console.py - drive a program's console from the host, expect-style.

Used by tools/run-check.py (what `make run` shows a newcomer) and
tools/shell-session.py (the serial-console shell session of `make test`).
The program (QEMU with the guest's serial console on stdio) runs with
pipes on its standard input and output; everything it prints is kept in a
log file.  Matching works on the text with carriage returns and VT100
control sequences taken out, so the line editor's cursor moves do not get
in the way.  Every wait has a deadline: nothing here sleeps on a timer.
"""
import os
import re
import sys
import select
import signal
import subprocess
import time

_CSI = re.compile(rb"\x1b\[[0-9;?]*[A-Za-z]|\x1bO[A-Za-z]|\r|\x07")
PROMPT = re.compile(r"(?:^|\n)# \Z")


def clean(raw):
    """Text of raw console bytes: no \\r, no escape sequences, no bell;
    a backspace erases the character before it (as the terminal shows)."""
    out = []
    for ch in _CSI.sub(b"", raw).decode("latin-1"):
        if ch == "\b":
            if out and out[-1] != "\n":
                out.pop()
        else:
            out.append(ch)
    return "".join(out)


class Console:
    def __init__(self, argv, log_path):
        self.log = open(log_path, "wb")
        self.raw = b""
        self.mark = 0       # offset in raw where the current step began
        self.proc = subprocess.Popen(
            argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT, start_new_session=True)
        os.set_blocking(self.proc.stdout.fileno(), False)

    def _read(self, deadline):
        """Wait for more output until the deadline; False on timeout or
        end of output."""
        left = deadline - time.monotonic()
        if left <= 0:
            return False
        r, _, _ = select.select([self.proc.stdout], [], [], left)
        if not r:
            return False
        data = self.proc.stdout.read(65536)
        if not data:
            return False
        self.raw += data
        self.log.write(data)
        self.log.flush()
        return True

    def text(self):
        """What the program printed since the current step began."""
        return clean(self.raw[self.mark:])

    def expect(self, pattern, timeout):
        """Wait until pattern (a regex, multi-line) matches the text of the
        current step; the match, or None at the deadline."""
        rx = re.compile(pattern, re.M)
        deadline = time.monotonic() + timeout
        while True:
            m = rx.search(self.text())
            if m:
                return m
            if not self._read(deadline):
                if self.proc.poll() is not None or time.monotonic() >= deadline:
                    return rx.search(self.text())

    def prompt(self, timeout=30):
        """Wait until the shell prompt "# " ends the output."""
        deadline = time.monotonic() + timeout
        while not PROMPT.search(self.text()):
            if not self._read(deadline):
                if self.proc.poll() is not None or time.monotonic() >= deadline:
                    return bool(PROMPT.search(self.text()))
        return True

    def begin(self):
        """Start a new step: later matches see only what follows."""
        self.mark = len(self.raw)

    def send(self, data):
        if isinstance(data, str):
            data = data.encode("latin-1")
        try:
            self.proc.stdin.write(data)
            self.proc.stdin.flush()
        except BrokenPipeError:
            pass

    def wait_exit(self, timeout):
        """The program's exit status, or None if it still runs at the
        deadline."""
        deadline = time.monotonic() + timeout
        while self.proc.poll() is None and time.monotonic() < deadline:
            if not self._read(deadline):
                time.sleep(0.05)
        return self.proc.poll()

    def close(self):
        if self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self.proc.wait()
        while self._read(time.monotonic() + 0.1):
            pass
        self.log.close()
        return self.proc.returncode


class Tap:
    """TAP lines and the closing "N passed, N failed"."""

    def __init__(self):
        self.n = self.passed = self.failed = 0

    def result(self, ok, name, why=""):
        self.n += 1
        if ok:
            self.passed += 1
            print("ok %d - %s" % (self.n, name), flush=True)
        else:
            self.failed += 1
            print("not ok %d - %s%s" % (self.n, name, ": " + why if why else ""),
                  flush=True)
        return ok

    def done(self):
        print("%d passed, %d failed" % (self.passed, self.failed), flush=True)
        return 0 if self.failed == 0 else 1


def tail(text, n=300):
    return text[-n:].replace("\n", "|")


def run_session(argv, default_log, body):
    """The console session scripts' main: boot the image argv[0] under
    QEMU on the serial console (log argv[1], else default_log), wait for
    the prompt, run body(step, until), type poweroff and expect QEMU to
    exit with status 0.  Returns the exit status for sys.exit.

    step(name, send, pattern[, timeout]) types send, waits for the prompt
    and needs pattern in the output; until(...) waits for pattern only
    (with absent=True: needs it not to come within the timeout).
    QEMU_EXTRA in the environment: more QEMU arguments (words), such as
    the root disk (`make -s disk-args FILE=...`)."""
    if not argv:
        print("usage: %s IMAGE [LOG]" % os.path.basename(sys.argv[0]),
              file=sys.stderr)
        return 2
    log = argv[1] if len(argv) > 1 else default_log
    qemu = os.environ.get("QEMU", "qemu-system-i386")
    tap = Tap()
    con = Console(["timeout", "-k", "5", "300", qemu, "-m", "128M",
                   "-no-reboot", "-boot", "d", "-display", "none",
                   "-monitor", "none", "-echr", "29", "-chardev",
                   "stdio,id=con0,mux=on,signal=off", "-serial", "chardev:con0",
                   "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04",
                   "-cdrom", argv[0]] + os.environ.get("QEMU_EXTRA", "").split(),
                  log)

    def step(name, send, pattern, timeout=30):
        con.begin()
        con.send(send)
        ok = con.prompt(timeout)
        out = con.text()
        ok = ok and re.search(pattern, out, re.M) is not None
        return tap.result(ok, name, "no /%s/ in: %s" % (pattern, tail(out)))

    def until(name, send, pattern, timeout=30, absent=False):
        con.begin()
        con.send(send)
        if absent:      # pattern must not come within timeout
            return tap.result(con.expect(pattern, timeout) is None, name,
                              "/%s/ came: %s" % (pattern, tail(con.text())))
        return tap.result(con.expect(pattern, timeout) is not None, name,
                          "no /%s/ in: %s" % (pattern, tail(con.text())))

    try:
        if tap.result(con.prompt(120), "boots to a shell prompt",
                      tail(con.text())):
            body(step, until)
            con.begin()
            con.send("poweroff\n")
            rc = con.wait_exit(60)
            tap.result(rc == 0, "poweroff ends QEMU with status 0",
                       "exit status %s: %s" % (rc, tail(con.text())))
    finally:
        con.close()
    return tap.done()
