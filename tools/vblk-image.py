#!/usr/bin/env python3
"""vblk-image.py make|check FILE - the virtio_blk tests' scratch disk
(tests/system/t_vblk.c): 2048 sectors whose byte at offset o is
((o >> 9) * 7 + o) & 255.  `check` exits 0 only if FILE holds exactly
what the tests' writes leave: the last sector all 0xa5, sectors
1000..1031 the pattern's complement, every other byte the pattern."""
import sys

SECTORS = 2048


def pattern():
    return bytearray(((o >> 9) * 7 + o) & 255 for o in range(SECTORS * 512))


def expected():
    b = pattern()
    b[-512:] = b"\xa5" * 512
    for o in range(1000 * 512, 1032 * 512):
        b[o] ^= 0xff
    return bytes(b)


def main(argv):
    if len(argv) != 2 or argv[0] not in ("make", "check"):
        print("usage: vblk-image.py make|check FILE", file=sys.stderr)
        return 2
    if argv[0] == "make":
        with open(argv[1], "wb") as f:
            f.write(pattern())
        return 0
    with open(argv[1], "rb") as f:
        got = f.read()
    want = expected()
    if got == want:
        return 0
    if len(got) != len(want):
        print("vblk-image: %s is %d bytes, want %d" % (argv[1], len(got), len(want)))
        return 1
    first = next(i for i in range(len(got)) if got[i] != want[i])
    print("vblk-image: %s differs first at byte %d (sector %d): %#x, want %#x"
          % (argv[1], first, first // 512, got[first], want[first]))
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
