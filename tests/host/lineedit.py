# lineedit.py LE_HOST - the line editor's key tests, through a pty.
#
# Each case starts LE_HOST (tests/host/le-host.c: le_readline() in a loop,
# printing "[line]") on a fresh pseudo-terminal, types its keys one line
# at a time (each after the prompt, so the terminal is in the editor's
# mode), then ^D.  Checked: the lines got, exactly; that the output uses
# only \r \b \a ESC[K ESC[nC ESC[nD; that replaying it on a model screen
# shows each accepted line next to its prompt; exact bytes where given.
# Prints TAP lines (numbered from $N0, default 0) and no summary: the
# caller (lineedit.sh) counts.
import os, pty, re, select, signal, sys, time

LE = sys.argv[1]
n0 = int(os.environ.get("N0", "0"))
ESC = b"\x1b"
L, R, U, D = ESC + b"[D", ESC + b"[C", ESC + b"[A", ESC + b"[B"
HOME, END, DELETE = ESC + b"[H", ESC + b"[F", ESC + b"[3~"
results = []


def read_until(fd, buf, want, pid, timeout=5.0):
    """Read into buf until want is in buf[len at call:]; False on timeout."""
    start = len(buf)
    end = time.time() + timeout
    while want not in bytes(buf[start:]) and time.time() < end:
        r, _, _ = select.select([fd], [], [], 0.05)
        if r:
            try:
                data = os.read(fd, 4096)
            except OSError:
                return False
            if not data:
                return False
            buf += data
    return want in bytes(buf[start:])


def in_read(pid):
    """Wait until pid is blocked in read(0, ...) (so a signal now
    interrupts it); False after 5 s."""
    end = time.time() + 5
    while time.time() < end:
        try:
            with open("/proc/%d/syscall" % pid) as f:
                if f.read().split()[:2] == ["0", "0x0"]:
                    return True
        except OSError:
            pass
        time.sleep(0.01)
    return False


def when_reading(action):
    """A step: once blocked in read, action(pid, fd)."""
    def step(pid, fd):
        if in_read(pid):
            action(pid, fd)
    return step


def session(steps, size=64):
    """Run LE_HOST SIZE; steps: list of (keys, wait-for).  Ends with ^D on
    an empty line.  Returns (output bytes, exit status)."""
    pid, fd = pty.fork()
    if pid == 0:
        os.execv(LE, [LE, str(size)])
    buf = bytearray()
    read_until(fd, buf, b"> ", pid)
    for keys, wait in steps + [(b"\x04", b"<eof>")]:
        if callable(keys):
            keys(pid, fd)
        else:
            os.write(fd, keys)
        if not read_until(fd, buf, wait, pid):
            buf += b"<<timeout waiting for %r>>" % wait
            break
    st = None
    end = time.time() + 5
    while time.time() < end:
        read_until(fd, buf, b"\0", pid, 0.05)
        p, status = os.waitpid(pid, os.WNOHANG)
        if p == pid:
            st = os.waitstatus_to_exitcode(status)
            break
    if st is None:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    os.close(fd)
    return bytes(buf), st


SEQ = re.compile(rb"\x1b\[([0-9]*)([CDK])")


def screen(out):
    """Replay out on a screen of unbounded width; its rows, or an error."""
    rows, row, col = [""], 0, 0
    i = 0
    while i < len(out):
        c = out[i:i + 1]
        if c == ESC:
            m = SEQ.match(out, i)
            if not m or (m.group(2) == b"K" and m.group(1)):
                return None, "unexpected sequence %r" % out[i:i + 8]
            n = int(m.group(1) or b"1")
            if m.group(2) == b"C":
                col += n
            elif m.group(2) == b"D":
                col = max(0, col - n)
            else:
                rows[row] = rows[row][:col]
            i = m.end()
            continue
        i += 1
        if c == b"\r":
            col = 0
        elif c == b"\n":
            row += 1
            if row == len(rows):
                rows.append("")
        elif c == b"\b":
            col = max(0, col - 1)
        elif c == b"\a":
            pass
        elif 0x20 <= c[0] < 0x7f:
            r = rows[row].ljust(col)
            rows[row] = r[:col] + c.decode() + r[col + 1:]
            col += 1
        else:
            return None, "unexpected byte %r" % c
    return rows, None


def case(name, steps, want, size=64, exact=None, bells=None):
    """want: the lines printed by le-host ("[...]", "<intr>").  Each step is
    keys ending a line (wait for the next prompt) or (keys, wait)."""
    st2 = []
    for s in steps:
        st2.append(s if isinstance(s, tuple) else (s, b"\n> "))
    out, st = session(st2, size)
    text = out.replace(b"\r\n", b"\n")
    got = [l[2:] if l.startswith("> <") else l  # "<eof>" after a prompt
           for l in text.decode("latin-1").split("\n")]
    got = [l for l in got if l[:1] in ("[", "<", "!")]
    why = []
    if got != want + ["<eof>"]:
        why.append("lines: got %r want %r" % (got, want + ["<eof>"]))
    if st != 0:
        why.append("exit status %r" % st)
    rows, err = screen(out)
    if err:
        why.append(err)
    else:
        for i in range(1, len(rows)):
            r = rows[i]
            if r.startswith("[") and rows[i - 1] != "> " + r[1:-1]:
                why.append("screen row %r before %r" % (rows[i - 1], r))
    if exact is not None and exact not in out:
        why.append("no exact %r" % exact)
    if bells is not None and out.count(b"\a") != bells:
        why.append("%d bells, want %d" % (out.count(b"\a"), bells))
    results.append((name, why, out))


# ---- Typing and accepting ----
case("Enter (\\r) accepts", [b"hello\r"], ["[hello]"], exact=b"> hello\r\n[hello]")
case("\\n accepts too", [b"abc\n"], ["[abc]"])
case("empty line", [b"\r"], ["[]"])
case("control characters are not inserted", [b"a\x02\x06\t\x0e\x10b\r"], ["[ab]"])
# ---- Cursor motion and editing in the middle ----
case("left arrow, insert in the middle", [b"helo" + L + b"l\r"], ["[hello]"],
     exact=b"helo\blo\b\r\n")
case("ESC O D is left too", [b"ac" + ESC + b"ODb\r"], ["[abc]"])
case("right arrow", [b"abc\x01" + R + b"X\r"], ["[aXbc]"])
case("ESC O C is right too", [b"abc\x01" + ESC + b"OC" + ESC + b"OCX\r"], ["[abXc]"])
case("left stops at the start, right at the end",
     [b"ab" + L * 5 + b"<" + R * 5 + b">\r"], ["[<ab>]"])
case("two lefts and an insert redraw the tail",
     [b"abc" + L + L + b"X\r"], ["[aXbc]"], exact=b"abc\b\bXbc\x1b[2D\r\n")
case("Home and End (ESC [H, ESC [F)", [b"bc" + HOME + b"a" + END + b"d\r"], ["[abcd]"])
case("Home and End (ESC [1~, ESC [4~)",
     [b"bc" + ESC + b"[1~a" + ESC + b"[4~d\r"], ["[abcd]"])
case("Home and End (ESC O H, ESC O F)",
     [b"bc" + ESC + b"OHa" + ESC + b"OFd\r"], ["[abcd]"])
case("^A and ^E", [b"bc\x01a\x05d\r"], ["[abcd]"])
case("backspace (DEL) at the end", [b"abcd\x7f\r"], ["[abc]"], exact=b"abcd\b\x1b[K\r\n")
case("backspace (^H) in the middle", [b"abcd" + L + b"\x08\r"], ["[abd]"])
case("backspace at the start does nothing", [b"ab\x01\x7f\x7f\r"], ["[ab]"])
case("Delete (ESC [3~) under the cursor", [b"abcd\x01" + DELETE + b"\r"], ["[bcd]"])
case("Delete at the end does nothing", [b"abcd" + DELETE + b"\r"], ["[abcd]"])
case("^D deletes under the cursor", [b"abc\x01\x04\r"], ["[bc]"])
case("^D at the end of a line does nothing", [b"abc\x04\r"], ["[abc]"])
case("^U kills to the start", [b"foo bar" + L * 3 + b"\x15\r"], ["[bar]"])
case("^U at the end kills the line", [b"foo bar\x15x\r"], ["[x]"])
case("^K kills to the end", [b"foo bar\x01" + R * 3 + b"\x0b\r"], ["[foo]"],
     exact=b"\x1b[7D\x1b[1C\x1b[1C\x1b[1C\x1b[K\r\n")
case("^W kills the word before the cursor", [b"ls foo bar\x17\r"], ["[ls foo ]"])
case("^W with spaces before the cursor", [b"ls foo bar  \x17\x17\r"], ["[ls ]"])
case("^W in the middle of a line", [b"echo one two" + L * 3 + b"\x17\r"], ["[echo two]"])
case("^W at the start does nothing", [b"ab\x01\x17\r"], ["[ab]"])
case("^W keeps punctuation in the word", [b"cp a.c b/c.d\x17x\r"], ["[cp a.c x]"])
case("^L redraws the line", [b"abc" + L + b"\x0c" + b"X\r"], ["[abXc]"],
     exact=b"\r> abc\x1b[K\b")
# ---- Limits and escape sequences ----
case("a full line rings the bell and keeps its text",
     [b"abcdefghi\r"], ["[abcdefg]"], size=8, bells=2)
case("a full line rings when inserting in the middle too",
     [b"abcdefg\x01X\x05\x7fY\r"], ["[abcdefY]"], size=8, bells=1)
case("unknown sequences are swallowed whole",
     [b"a" + ESC + b"[5~" + ESC + b"[1;5C" + ESC + b"[200~" + ESC + b"x" +
      ESC + b"OP" + ESC + b"[Z" + ESC + ESC + b"[24;80R" + b"b\r"], ["[ab]"],
     exact=b"> ab\r\n")
case("a control character breaks a sequence off and counts",
     [b"ab" + ESC + b"[1\r"], ["[ab]"])
# ---- History ----
case("up recalls the previous lines", [b"one\r", b"two\r", U + U + b"\r"],
     ["[one]", "[two]", "[one]"])
case("ESC O A / ESC O B browse too",
     [b"one\r", b"two\r", ESC + b"OA" + ESC + b"OA" + ESC + b"OB\r"],
     ["[one]", "[two]", "[two]"])
case("up at the oldest stays", [b"one\r", U + U + U + b"\r"], ["[one]", "[one]"])
case("up with no history does nothing", [U + b"x\r"], ["[x]"])
case("the line being typed comes back below the newest",
     [b"one\r", b"typing" + U + D + b" more\r"], ["[one]", "[typing more]"])
case("down past the newest stays", [b"one\r", b"new" + D + D + b"\r"],
     ["[one]", "[new]"])
case("a recalled line can be edited", [b"echo one\r", U + L * 3 + b"\x17two \r"],
     ["[echo one]", "[two one]"])
case("a recalled line replaces a longer one on the screen",
     [b"ab\r", b"longer line" + U + b"\r"], ["[ab]", "[ab]"])
case("empty lines and repeats are not kept",
     [b"a\r", b"a\r", b"\r", b"b\r", U + U + U + b"\r"],
     ["[a]", "[a]", "[]", "[b]", "[a]"])
case("history keeps the last 100 lines",
     [b"l%d\r" % i for i in range(105)] + [U * 101 + b"\r"],
     ["[l%d]" % i for i in range(105)] + ["[l5]"])
case("a recalled line is cut to the buffer", [b"abcdefg\r", U + b"\x7f\r"],
     ["[abcdefg]", "[abcdef]"], size=8)
# ---- Signals and the end ----
case("^C is read as a key: drops the line, prints ^C",
     [(b"abc\x03", b"<intr>\r\n> "), b"d\r"],
     ["<intr>", "[d]"], exact=b"> abc^C\r\n<intr>")
case("^C in the middle of a line, then history still works",
     [b"one\r", (b"two" + L + b"\x03", b"<intr>\r\n> "), U + b"\r"],
     ["[one]", "<intr>", "[one]"])
case("a signal (EINTR) drops the line and prints a newline",
     [(b"abc", b"abc"),
      (when_reading(lambda pid, fd: os.kill(pid, signal.SIGINT)), b"<intr>\r\n> "),
      b"d\r"], ["<intr>", "[d]"], exact=b"> abc\r\n<intr>")
case("^Z still signals (ISIG)",
     [(b"ab", b"ab"),
      (when_reading(lambda pid, fd: os.write(fd, b"\x1a")), b"<intr>\r\n> "),
      b"c\r"], ["<intr>", "[c]"], exact=b"> ab<tstp>\r\n<intr>")
case("^D on an empty line is the end of input", [], [], exact=b"> <eof>")

n = n0
for name, why, out in results:
    n += 1
    if why:
        print("not ok %d - %s" % (n, name))
        for w in why:
            print("#   " + w)
        print("#   output: %r" % out)
    else:
        print("ok %d - %s" % (n, name))
