#!/usr/bin/env python3
"""check-docs.py - the README and docs/ name only what exists.

Every repository path they name (a word in backquotes, or in the layout
block, that starts with one of the tree's top-level folders) must exist
(a glob such as `tests/host/test_*.c` must match something); every
`make TARGET` they show must be a target of the Makefile (make -n); and
no file links outside the repository (to ../shared).  Prints TAP lines
and "N passed, N failed"."""
import glob
import os
import re
import subprocess
import sys

TOP = ("boot", "kernel", "include", "lib", "commands", "servers", "drivers",
       "tests", "tools", "docs", "rootfs", "etc")
PATH = re.compile(r"(?<![\w./-])((?:%s)/[\w./*<>{}-]*)" % "|".join(TOP))
MAKE = re.compile(r"`make ((?:[A-Z]+=\S+ )*)([a-z][\w-]*)[^`]*`")


def names(text):
    """Paths named in text: in backquotes, or in fenced blocks."""
    found = set()
    spans = re.findall(r"`([^`\n]+)`", text)
    spans += re.findall(r"```\n(.*?)```", text, re.S)
    for span in spans:
        for m in PATH.finditer(span):
            p = m.group(1).rstrip(".,:;")
            if "<" in p or "{" in p:
                continue        # a template such as do_<call>.c
            found.add(p)
    return found


def exists(p):
    return bool(glob.glob(p.rstrip("/"))) if "*" in p else os.path.exists(p)


def main():
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    os.chdir(root)
    files = ["README.md"] + sorted(glob.glob("docs/*.md"))
    n = passed = failed = 0

    def result(ok, name):
        nonlocal n, passed, failed
        n += 1
        if ok:
            passed += 1
        else:
            failed += 1
        print("%s %d - %s" % ("ok" if ok else "not ok", n, name))

    targets = set()
    for f in files:
        text = open(f).read()
        result("../shared" not in text, "%s links nothing outside the repository" % f)
        missing = sorted(p for p in names(text) if not exists(p))
        result(not missing, "%s names only existing paths%s" %
               (f, ": missing " + ", ".join(missing) if missing else ""))
        for m in MAKE.finditer(text):
            targets.add(m.group(2))
    for t in sorted(targets):
        ok = subprocess.run(["make", "-n", t], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL).returncode == 0
        result(ok, "make %s is a target" % t)
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
