#!/bin/sh
# mkparts.sh IMG SIZE SFDISK-SCRIPT [RECORDS] - a disk image of SIZE
# (truncate's syntax) partitioned by sfdisk from SCRIPT (MBR, extended
# and logical partitions as the script says).  With RECORDS, also write
# the image's non-zero sectors there, each as its sector number (4 bytes,
# little-endian) and its 512 bytes: what the tests write to a RAM disk to
# give it the same tables.
set -e
img=$1 size=$2 script=$3 rec=${4:-}
rm -f "$img"
truncate -s "$size" "$img"
sfdisk -q "$img" < "$script" >/dev/null
[ -z "$rec" ] || python3 - "$img" "$rec" <<'PY'
import struct, sys
d = open(sys.argv[1], 'rb').read()
with open(sys.argv[2], 'wb') as f:
    for i in range(0, len(d), 512):
        if any(d[i:i + 512]):
            f.write(struct.pack('<I', i // 512) + d[i:i + 512])
PY
