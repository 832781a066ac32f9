/* t_vblk.c - the virtio_blk driver at the edges of its disk.
 *
 * test.iso boots with a 1 MiB scratch disk (tools/test.sh makes it, 2048
 * sectors) whose byte at offset o is ((o >> 9) * 7 + o) & 255.  The tests
 * read it through the driver's BDEV protocol, write two known places
 * (the last sector, 0xa5; sectors 1000..1031, byte ~pattern), and try
 * requests the driver must refuse without touching the disk or the
 * buffer.  tools/test.sh then compares the image with what these writes,
 * and only these, leave.  QEMU fails every read touching sector 1500 and
 * every write touching sector 1600 (t_vblk.blkdebug): the driver must
 * answer EIO.
 */
#include "t.h"
#include <minix/ds.h>
#include <minix/blockdriver.h>
#include <minix/drvlib.h>

#define VB_SECTORS 2048
#define VB_BYTES   (VB_SECTORS * 512ull)

static uint8_t buf[80 * 1024] __attribute__((aligned(4096)));

static uint8_t pat(uint64_t o)
{
	return (uint8_t)((o >> 9) * 7 + o);
}

/* buf[off..off+len) holds the disk's bytes from pos on (unwritten places). */
static int same_as_disk(size_t off, uint64_t pos, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (buf[off + i] != pat(pos + i))
			return 0;
	return 1;
}

static int all(size_t off, size_t len, uint8_t v)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (buf[off + i] != v)
			return 0;
	return 1;
}

static endpoint_t driver(void)
{
	endpoint_t ep;

	return ds_retrieve_label_endpt("virtio_blk", &ep) == OK ? ep : NONE;
}

int test_virtio_blk_edges(void)
{
	endpoint_t ep = driver();
	cp_grant_id_t g, ro;

	T_TRUE(ep != NONE);
	g = cpf_grant_direct(ep, (vir_bytes)buf, sizeof(buf), CPF_READ | CPF_WRITE);
	ro = cpf_grant_direct(ep, (vir_bytes)buf, sizeof(buf), CPF_READ);
	T_TRUE(g >= 0 && ro >= 0);
	T_EQ(t_bdev(ep, BDEV_OPEN, 0, 0, GRANT_INVALID, 0), OK);
	T_EQ(t_bdev(ep, BDEV_OPEN, 2 * DEV_PER_DRIVE, 0, GRANT_INVALID, 0), ENXIO); /* no d2 */
	/* The first and the last sector, and both ends at once. */
	T_EQ(t_bdev(ep, BDEV_READ, 0, 0, g, 512), 512);
	T_TRUE(same_as_disk(0, 0, 512));
	T_EQ(t_bdev(ep, BDEV_READ, 0, VB_BYTES - 512, g, 512), 512);
	T_TRUE(same_as_disk(0, VB_BYTES - 512, 512));
	T_EQ(t_bdev(ep, BDEV_READ, 0, VB_BYTES - 4096, g, 4096), 4096);
	T_TRUE(same_as_disk(0, VB_BYTES - 4096, 4096));
	/* At the end, far beyond, wrapping: 0 bytes (MINIX's end of file),
	 * buffer untouched; across it: cut short at the end. */
	memset(buf, 0xee, 8192);
	T_EQ(t_bdev(ep, BDEV_READ, 0, VB_BYTES, g, 512), 0);
	T_EQ(t_bdev(ep, BDEV_READ, 0, VB_BYTES + (1ull << 32), g, 512), 0);
	T_EQ(t_bdev(ep, BDEV_READ, 0, ~0ull - 511, g, 512), 0);
	T_TRUE(all(0, 8192, 0xee));
	T_EQ(t_bdev(ep, BDEV_READ, 0, VB_BYTES - 1024, g, 2048), 1024);
	T_TRUE(same_as_disk(0, VB_BYTES - 1024, 512));
	T_TRUE(all(1024, 8192 - 1024, 0xee));
	memset(buf, 0xee, 8192);
	/* Misaligned position or size; an empty partition (d0p2: 0 bytes,
	 * MINIX's end of file); no such minor (no d2). */
	T_EQ(t_bdev(ep, BDEV_READ, 0, 100, g, 512), EINVAL);
	T_EQ(t_bdev(ep, BDEV_READ, 0, 0, g, 100), EINVAL);
	T_EQ(t_bdev(ep, BDEV_READ, 0, 0, g, 0), EINVAL);
	T_EQ(t_bdev(ep, BDEV_READ, 3, 0, g, 512), 0);
	T_EQ(t_bdev(ep, BDEV_READ, 2 * DEV_PER_DRIVE, 0, g, 512), ENXIO);
	/* Bad grants: the device may not write a read-only grant, nor read
	 * past a grant's end, nor use a revoked one. */
	T_EQ(t_bdev(ep, BDEV_READ, 0, 0, ro, 512), EPERM);
	T_EQ(t_bdev(ep, BDEV_READ, 0, 0, g, sizeof(buf) + 512), EPERM);
	T_EQ(t_bdev(ep, BDEV_READ, 0, 0, 12345, 512), EPERM);
	T_TRUE(all(0, 8192, 0xee));
	T_EQ(t_bdev(ep, BDEV_WRITE, 0, 512, 12345, 512), EPERM);     /* sector 1 */
	T_EQ(t_bdev(ep, BDEV_WRITE, 0, VB_BYTES, g, 512), 0);
	T_EQ(t_bdev(ep, BDEV_WRITE, 0, 1024 + 8, g, 512), EINVAL);

	/* Write the last sector and read it back. */
	memset(buf, 0xa5, 512);
	T_EQ(t_bdev(ep, BDEV_WRITE, 0, VB_BYTES - 512, g, 512), 512);
	memset(buf, 0, 1024);
	T_EQ(t_bdev(ep, BDEV_READ, 0, VB_BYTES - 1024, g, 1024), 1024);
	T_TRUE(same_as_disk(0, VB_BYTES - 1024, 512));
	T_TRUE(all(512, 512, 0xa5));
	/* 64 KiB at an odd place in memory (pages crossed, several
	 * physical ranges), from sector 100. */
	T_EQ(t_bdev(ep, BDEV_READ, 0, 100 * 512, cpf_grant_direct(ep, (vir_bytes)buf + 300,
	    65536, CPF_WRITE), 65536), 65536);
	T_TRUE(same_as_disk(300, 100 * 512, 65536));
	T_EQ(cpf_revoke(g), 0);
	T_EQ(cpf_revoke(ro), 0);
	return 0;
}

int test_virtio_blk_vectors(void)
{
	/* Three pieces: 4 KiB, 8 KiB at an odd address, 4 KiB. */
	static const size_t off[3] = { 0, 12288 + 100, 24576 }, len[3] = { 4096, 8192, 4096 };
	endpoint_t ep = driver();
	iovec_s_t iov[3];
	cp_grant_id_t gv, g[3];
	size_t at, i;
	int k;

	T_TRUE(ep != NONE);
	for (k = 0; k < 3; k++) {
		g[k] = cpf_grant_direct(ep, (vir_bytes)buf + off[k], len[k], CPF_READ | CPF_WRITE);
		iov[k] = (iovec_s_t){ g[k], len[k] };
	}
	gv = cpf_grant_direct(ep, (vir_bytes)iov, sizeof(iov), CPF_READ);
	/* Gather from sector 10. */
	memset(buf, 0, sizeof(buf));
	T_EQ(t_bdev(ep, BDEV_GATHER, 0, 10 * 512, gv, 3), 16384);
	for (k = 0, at = 10 * 512; k < 3; at += len[k], k++)
		T_TRUE(same_as_disk(off[k], at, len[k]));
	/* Scatter the pattern's complement to sectors 1000..1031, gather it
	 * back. */
	for (k = 0, at = 1000 * 512; k < 3; at += len[k], k++)
		for (i = 0; i < len[k]; i++)
			buf[off[k] + i] = (uint8_t)~pat(at + i);
	T_EQ(t_bdev(ep, BDEV_SCATTER, 0, 1000 * 512, gv, 3), 16384);
	memset(buf, 0, sizeof(buf));
	T_EQ(t_bdev(ep, BDEV_GATHER, 0, 1000 * 512, gv, 3), 16384);
	for (k = 0, at = 1000 * 512; k < 3; at += len[k], k++)
		for (i = 0; i < len[k]; i++) {
			uint8_t want = pat(at + i) ^ 0xff;
			if (buf[off[k] + i] != want)
				T_FAIL("piece %d byte %u", k, (unsigned)i);
		}
	/* A vector with a bad piece is refused as a whole: nothing written
	 * (sectors 20..51 keep the pattern, tools/test.sh checks). */
	iov[1].iov_grant = 999999;
	T_EQ(t_bdev(ep, BDEV_SCATTER, 0, 20 * 512, gv, 3), EPERM);
	iov[1] = (iovec_s_t){ g[1], 8000 };    /* not whole sectors */
	T_EQ(t_bdev(ep, BDEV_SCATTER, 0, 20 * 512, gv, 3), EINVAL);
	/* Across the end: cut there, piece 0 only; written back as read
	 * (the disk unchanged), pieces 1 and 2 untouched. */
	iov[1] = (iovec_s_t){ g[1], 8192 };
	memset(buf, 0xee, sizeof(buf));
	T_EQ(t_bdev(ep, BDEV_GATHER, 0, VB_BYTES - 4096, gv, 3), 4096);
	T_TRUE(same_as_disk(0, VB_BYTES - 4096, 3584));
	T_TRUE(all(off[1], len[1], 0xee) && all(off[2], len[2], 0xee));
	T_EQ(t_bdev(ep, BDEV_SCATTER, 0, VB_BYTES - 4096, gv, 3), 4096);
	T_EQ(t_bdev(ep, BDEV_SCATTER, 0, VB_BYTES, gv, 3), 0);
	T_EQ(t_bdev(ep, BDEV_SCATTER, 0, 0, gv, 0), EINVAL);
	T_EQ(t_bdev(ep, BDEV_SCATTER, 0, 0, gv, NR_IOREQS + 1), EINVAL);
	for (k = 0; k < 3; k++)
		T_EQ(cpf_revoke(g[k]), 0);
	T_EQ(cpf_revoke(gv), 0);
	return 0;
}

int test_virtio_blk_device_error(void)
{
	endpoint_t ep = driver();
	cp_grant_id_t g;
	size_t i;

	T_TRUE(ep != NONE);
	g = cpf_grant_direct(ep, (vir_bytes)buf, sizeof(buf), CPF_READ | CPF_WRITE);
	T_TRUE(g >= 0);
	T_EQ(t_bdev(ep, BDEV_READ, 0, 1500 * 512, g, 512), EIO);
	T_EQ(t_bdev(ep, BDEV_READ, 0, 1496 * 512, g, 8192), EIO);
	T_EQ(t_bdev(ep, BDEV_READ, 0, 1499 * 512, g, 512), 512);   /* next to it */
	T_TRUE(same_as_disk(0, 1499 * 512, 512));
	T_EQ(t_bdev(ep, BDEV_READ, 0, 1501 * 512, g, 512), 512);
	T_TRUE(same_as_disk(0, 1501 * 512, 512));
	/* A write that fails: the same bytes as on disk, so the image
	 * stays what tools/test.sh expects either way. */
	for (i = 0; i < 1024; i++)
		buf[i] = pat(1600 * 512 + i);
	T_EQ(t_bdev(ep, BDEV_WRITE, 0, 1600 * 512, g, 1024), EIO);
	for (i = 0; i < 512; i++)
		buf[i] = pat(1601 * 512 + i);
	T_EQ(t_bdev(ep, BDEV_WRITE, 0, 1601 * 512, g, 512), 512);  /* next to it */
	/* The driver goes on after the errors. */
	T_EQ(t_bdev(ep, BDEV_READ, 0, 0, g, 4096), 4096);
	T_TRUE(same_as_disk(0, 0, 4096));
	T_EQ(cpf_revoke(g), 0);
	return 0;
}
