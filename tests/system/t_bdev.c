/* t_bdev.c - the block-driver conformance test: one function,
 * bdev_conformance(), that speaks MINIX's block protocol (BDEV_OPEN,
 * CLOSE, READ, WRITE, GATHER, SCATTER) to a driver found by its DS label,
 * with grants to our own buffers, and checks exact results:
 *
 *  - its size (found by reads alone) is the one expected;
 *  - the first and last sectors are written and read back byte-exact;
 *  - as MINIX's drivers: a request at or past the end (a wrapping one
 *    too) moves 0 bytes (end of file), one across it is cut short there
 *    (a vector too: the piece the end falls in cut, the next untouched);
 *  - a misaligned position or size is EINVAL on a disk (sector 512), or
 *    moves exactly the bytes asked on a byte-granular device (sector 1);
 *  - a grant too small, a read-only grant read into, a write-only grant
 *    written from, a revoked grant: EPERM; GRANT_INVALID: EINVAL (the
 *    kernel's grant errors); a bad grant anywhere in a vector: nothing
 *    moves, the disk and every buffer unchanged;
 *  - vectors of 16 and of NR_IOREQS pieces, scattered then gathered back,
 *    and one piece more than NR_IOREQS, none, and a piece of 0 bytes
 *    (EINVAL);
 *  - every buffer lies between canaries, checked after every request.
 *
 * What it writes it writes near the ends of the device, and it puts the
 * old contents back, so it can run on a device that holds a file system.
 * Adding a driver is one line: a test_bdev_* function at the end.
 */
#include <minix/ds.h>
#include <minix/blockdriver.h>
#include <minix/at_wini.h>
#include <minix/rs.h>
#include <minix/drvlib.h>
#include <minix/pci.h>
#include <sys/ioc_disk.h>
#include "t.h"

#define SEC      512
#define CANARY   32
#define CAN_BYTE 0xc5
#define BIG      (NR_IOREQS * 4096)	/* buffers: 64 x 4 KiB */
#define REGION   (NR_IOREQS * 2048)	/* the vectors' region: the last 128 KiB */
/* The scratch IDE disk tools/test.sh gives test.iso: 129 GiB (sparse), so
 * that its last sectors need LBA48. */
#define AT_WINI_SCRATCH (129ull << 30)
#define AT_WINI_SLAVE   (4ull << 20)	/* and its slave disk: 4 MiB */

/* ---- buffers between canaries ---- */

static uint8_t arena[3 * BIG + 80 * 4096];	/* what bdev_conformance() takes */
static size_t arena_used;
static uint8_t *bufs[NR_IOREQS + 16];
static size_t buf_len[NR_IOREQS + 16];
static int nbufs;

static uint8_t *balloc(size_t n)
{
	uint8_t *p = arena + arena_used + CANARY;

	if (arena_used + n + 2 * CANARY + 15 > sizeof(arena) || nbufs == NR_IOREQS + 16)
		return NULL;
	arena_used += n + 2 * CANARY;
	arena_used = (arena_used + 15) & ~(size_t)15;
	memset(p - CANARY, CAN_BYTE, CANARY);
	memset(p + n, CAN_BYTE, CANARY);
	bufs[nbufs] = p, buf_len[nbufs++] = n;
	return p;
}

static int canaries_ok(void)
{
	int i, k;

	for (i = 0; i < nbufs; i++)
		for (k = 0; k < CANARY; k++)
			if (bufs[i][-1 - k] != CAN_BYTE || bufs[i][buf_len[i] + k] != CAN_BYTE)
				return 0;
	return 1;
}

static int all_bytes(const uint8_t *p, size_t n, int v)
{
	while (n--)
		if (*p++ != (uint8_t)v)
			return 0;
	return 1;
}

/* A pattern that differs at every byte position and with seed. */
static void pattern(uint8_t *p, size_t n, unsigned seed)
{
	size_t i;

	for (i = 0; i < n; i++)
		p[i] = (uint8_t)((i * 131 + (i >> 8) * 7 + seed * 29) ^ (seed >> 3));
}

/* ---- requests ---- */

static endpoint_t drv;
static int dminor;
static int canary_broken;

static int req(int type, int minor, uint64_t pos, cp_grant_id_t g, uint32_t count)
{
	int r = t_bdev(drv, type, minor, pos, g, count);

	if (!canaries_ok())
		canary_broken = 1;
	return r;
}

/* One buffer, through a fresh grant with the given access. */
static int xfer(int write, uint64_t pos, uint8_t *p, size_t n, int access)
{
	cp_grant_id_t g = cpf_grant_direct(drv, (vir_bytes)p, n, access);
	int r = req(write ? BDEV_WRITE : BDEV_READ, dminor, pos, g, (uint32_t)n);

	cpf_revoke(g);
	return r;
}
#define RD(pos, p, n) xfer(0, (pos), (p), (n), CPF_WRITE)
#define WR(pos, p, n) xfer(1, (pos), (p), (n), CPF_READ)

/* A vector of cnt pieces p[i] of n[i] bytes, granted with access (bad,
 * if not GRANT_INVALID - 1, replaces the grant of piece bad_i). */
static int vxfer(int write, uint64_t pos, uint8_t **p, const size_t *n, int cnt,
	int bad_i, cp_grant_id_t bad)
{
	static iovec_s_t iov[NR_IOREQS + 1];
	cp_grant_id_t gv;
	int i, r;

	for (i = 0; i < cnt; i++) {
		iov[i].iov_grant = cpf_grant_direct(drv, (vir_bytes)p[i], n[i],
		    write ? CPF_READ : CPF_WRITE);
		iov[i].iov_size = n[i];
	}
	if (bad_i >= 0) {
		cpf_revoke(iov[bad_i].iov_grant);
		iov[bad_i].iov_grant = bad;
	}
	gv = cpf_grant_direct(drv, (vir_bytes)iov, sizeof(iov), CPF_READ);
	r = req(write ? BDEV_SCATTER : BDEV_GATHER, dminor, pos, gv, (uint32_t)cnt);
	cpf_revoke(gv);
	for (i = 0; i < cnt; i++)
		if (i != bad_i)
			cpf_revoke(iov[i].iov_grant);
	return r;
}

#define T_REQ(expr, want) do { T_EQ((expr), (want)); T_TRUE(!canary_broken); } while (0)

/* The device's size in bytes: the end is where a one-sector read at a
 * sector boundary fails. */
static uint64_t probe_size(uint8_t *b)
{
	uint64_t lo = 0, hi = 1ull << 41, mid;	/* sectors: lo reads, hi does not */

	while (hi - lo > 1) {
		mid = lo + (hi - lo) / 2;
		if (RD(mid * SEC, b, SEC) == SEC)
			lo = mid;
		else
			hi = mid;
	}
	return hi * SEC;
}

/* ---- the test ---- */

/* label's minor, of `size` bytes; sector is 512 for a disk that takes only
 * whole sectors, 1 for a byte-granular device (the RAM disk). */
int bdev_conformance(const char *label, int minor, int sector, uint64_t size);

int bdev_conformance(const char *label, int minor, int sector, uint64_t size)
{
	uint8_t *a, *b, *c, *save_first, *save_tail, *big, *big2, *vp[NR_IOREQS + 1];
	size_t vn[NR_IOREQS + 1];
	uint64_t end, tail;
	cp_grant_id_t g, ro;
	int i, k;

	arena_used = 0, nbufs = 0, canary_broken = 0;
	T_EQ(ds_retrieve_label_endpt(label, &drv), OK);
	dminor = minor;
	a = balloc(4 * SEC), b = balloc(4 * SEC), c = balloc(4 * SEC);
	save_first = balloc(SEC), save_tail = balloc(REGION);
	big = balloc(BIG), big2 = balloc(BIG);
	for (i = 0; i <= NR_IOREQS; i++)
		T_TRUE((vp[i] = balloc(4096)) != NULL);
	T_TRUE(a && b && c && save_first && save_tail && big && big2);

	T_REQ(req(BDEV_OPEN, minor, 0, GRANT_INVALID, 0), OK);
	T_REQ(req(BDEV_OPEN, minor + 1000, 0, GRANT_INVALID, 0), ENXIO);
	T_EQ(probe_size(a), size);
	end = size;
	tail = end - REGION;		/* the vectors' region, at the end */
	T_REQ(RD(0, save_first, SEC), SEC);
	T_REQ(RD(tail, save_tail, REGION), REGION);

	/* First and last sectors, written and read back. */
	pattern(a, SEC, 1);
	T_REQ(WR(0, a, SEC), SEC);
	memset(b, 0, SEC);
	T_REQ(RD(0, b, SEC), SEC);
	T_EQ(memcmp(a, b, SEC), 0);
	pattern(a, SEC, 2);
	T_REQ(WR(end - SEC, a, SEC), SEC);
	memset(b, 0, SEC);
	T_REQ(RD(end - SEC, b, SEC), SEC);
	T_EQ(memcmp(a, b, SEC), 0);

	/* At and past the end, and wrapping: 0 bytes, nothing moves. */
	memset(b, 0xee, 4 * SEC);
	T_REQ(RD(end, b, SEC), 0);
	T_REQ(RD(end + SEC, b, SEC), 0);
	T_REQ(RD(end + (1ull << 32), b, SEC), 0);
	T_REQ(RD(0ull - SEC, b, 2 * SEC), 0);	/* pos + size wraps */
	T_REQ(RD(0ull - SEC, b, SEC), 0);
	T_TRUE(all_bytes(b, 4 * SEC, 0xee));
	pattern(c, 2 * SEC, 3);
	T_REQ(WR(end, c, SEC), 0);
	T_REQ(WR(end + SEC, c, 2 * SEC), 0);
	T_REQ(WR(0ull - SEC, c, 2 * SEC), 0);
	T_REQ(RD(end - SEC, b, SEC), SEC);
	T_EQ(memcmp(a, b, SEC), 0);			/* the last sector as it was */
	T_TRUE(all_bytes(b + SEC, 3 * SEC, 0xee));
	/* Across the end: cut short there, the bytes past it untouched. */
	memset(b, 0xee, 4 * SEC);
	T_REQ(RD(end - SEC, b, 2 * SEC), SEC);
	T_EQ(memcmp(a, b, SEC), 0);
	T_TRUE(all_bytes(b + SEC, 3 * SEC, 0xee));
	T_REQ(WR(end - SEC, c, 2 * SEC), SEC);		/* its first sector only */
	memset(b, 0xee, 4 * SEC);
	{	/* a vector: piece 0 (2 sectors) cut, piece 1 untouched */
		uint8_t *cp[2] = { b, b + 2 * SEC };
		size_t cn[2] = { 2 * SEC, SEC };
		T_REQ(vxfer(0, end - SEC, cp, cn, 2, -1, 0), SEC);
	}
	T_EQ(memcmp(c, b, SEC), 0);
	T_TRUE(all_bytes(b + SEC, 3 * SEC, 0xee));
	T_REQ(WR(end - SEC, a, SEC), SEC);		/* put back */
	T_REQ(RD(end - SEC, b, SEC), SEC);
	T_EQ(memcmp(a, b, SEC), 0);

	/* Misaligned position and size. */
	memset(b, 0xee, 4 * SEC);
	pattern(a, 2 * SEC, 5);
	T_REQ(WR(end - 2 * SEC, a, 2 * SEC), 2 * SEC);
	if (sector > 1) {
		T_REQ(RD(end - 2 * SEC + 1, b, SEC), EINVAL);
		T_REQ(RD(end - 2 * SEC, b, SEC - 1), EINVAL);
		T_REQ(RD(end - 2 * SEC, b, SEC + 2), EINVAL);
		T_TRUE(all_bytes(b, 4 * SEC, 0xee));
		pattern(c, 2 * SEC, 6);
		T_REQ(WR(end - 2 * SEC + 2, c, SEC), EINVAL);
		T_REQ(WR(end - 2 * SEC, c, SEC + 2), EINVAL);
	} else {
		T_REQ(RD(end - 2 * SEC + 1, b, SEC), SEC);
		T_EQ(memcmp(b, a + 1, SEC), 0);
		T_TRUE(all_bytes(b + SEC, 3 * SEC, 0xee));
		T_REQ(RD(end - 2 * SEC, b, 3), 3);
		T_EQ(memcmp(b, a, 3), 0);
		T_EQ(b[3], a[1 + 3]);			/* untouched since */
		memcpy(c, a, 2 * SEC);
		c[7] ^= 0xff, c[8] ^= 0xff;
		T_REQ(WR(end - 2 * SEC + 7, c + 7, 2), 2);
		memcpy(a, c, 2 * SEC);
	}
	T_REQ(RD(end - 2 * SEC, b, 2 * SEC), 2 * SEC);
	T_EQ(memcmp(a, b, 2 * SEC), 0);			/* the disk as it was */

	/* Bad grants: too small, wrong access, invalid, revoked. */
	memset(b, 0xee, 4 * SEC);
	g = cpf_grant_direct(drv, (vir_bytes)b, SEC / 2, CPF_READ | CPF_WRITE);
	T_REQ(req(BDEV_READ, minor, end - 2 * SEC, g, SEC), EPERM);
	T_REQ(req(BDEV_WRITE, minor, end - 2 * SEC, g, SEC), EPERM);
	cpf_revoke(g);
	ro = cpf_grant_direct(drv, (vir_bytes)b, SEC, CPF_READ);
	T_REQ(req(BDEV_READ, minor, end - 2 * SEC, ro, SEC), EPERM);
	cpf_revoke(ro);
	T_TRUE(all_bytes(b, 4 * SEC, 0xee));
	g = cpf_grant_direct(drv, (vir_bytes)b, SEC, CPF_WRITE);
	T_REQ(req(BDEV_WRITE, minor, end - 2 * SEC, g, SEC), EPERM);
	cpf_revoke(g);
	T_REQ(req(BDEV_READ, minor, end - 2 * SEC, GRANT_INVALID, SEC), EINVAL);
	T_REQ(req(BDEV_WRITE, minor, end - 2 * SEC, GRANT_INVALID, SEC), EINVAL);
	g = cpf_grant_direct(drv, (vir_bytes)b, SEC, CPF_READ | CPF_WRITE);
	cpf_revoke(g);
	T_REQ(req(BDEV_READ, minor, end - 2 * SEC, g, SEC), EPERM);
	T_TRUE(all_bytes(b, 4 * SEC, 0xee));
	T_REQ(RD(end - 2 * SEC, b, 2 * SEC), 2 * SEC);
	T_EQ(memcmp(a, b, 2 * SEC), 0);			/* no write got through */

	/* Zero bytes, zero and too many pieces, a bad vector grant. */
	T_REQ(RD(end - 2 * SEC, c, 0), EINVAL);
	T_REQ(WR(end - 2 * SEC, c, 0), EINVAL);
	T_REQ(req(BDEV_GATHER, minor, tail, GRANT_INVALID, 1), EINVAL);
	for (i = 0; i <= NR_IOREQS; i++)
		vn[i] = SEC;
	T_REQ(vxfer(0, tail, vp, vn, 0, -1, 0), EINVAL);
	T_REQ(vxfer(0, tail, vp, vn, NR_IOREQS + 1, -1, 0), EINVAL);
	vn[3] = 0;
	T_REQ(vxfer(0, tail, vp, vn, 16, -1, 0), EINVAL);
	vn[3] = SEC;

	/* Vectors of 16 and NR_IOREQS pieces (of 2 KiB: 128 KiB, at the end
	 * of a 1 MiB disk that fails sector 1600), scattered, read back in
	 * one piece, gathered back. */
	for (k = 0; k < 2; k++) {
		int cnt = k ? NR_IOREQS : 16;
		size_t total = 0, off;

		for (i = 0; i < cnt; i++) {
			vn[i] = k ? 2048 : (size_t)SEC * (1 + i % 3);
			pattern(vp[i], vn[i], 100 * k + i);
			total += vn[i];
		}
		T_REQ(vxfer(1, tail, vp, vn, cnt, -1, 0), (int)total);
		memset(big, 0xee, BIG);
		T_REQ(RD(tail, big, total), (int)total);
		for (i = 0, off = 0; i < cnt; off += vn[i++])
			T_EQ(memcmp(big + off, vp[i], vn[i]), 0);
		T_TRUE(all_bytes(big + total, BIG - total, 0xee));
		for (i = 0; i < cnt; i++)
			memset(vp[i], 0xee, 4096);
		T_REQ(vxfer(0, tail, vp, vn, cnt, -1, 0), (int)total);
		for (i = 0, off = 0; i < cnt; off += vn[i++]) {
			T_EQ(memcmp(big + off, vp[i], vn[i]), 0);
			T_TRUE(all_bytes(vp[i] + vn[i], 4096 - vn[i], 0xee));
		}
	}

	/* A bad grant in the middle of a vector: nothing moves, either way
	 * (big holds what the region has now). */
	for (i = 0; i < 16; i++) {
		vn[i] = 4096;
		memset(vp[i], 0xee, 4096);
	}
	T_REQ(vxfer(0, tail, vp, vn, 16, 8, GRANT_INVALID), EINVAL);
	ro = cpf_grant_direct(drv, (vir_bytes)vp[8], 4096, CPF_READ);
	T_REQ(vxfer(0, tail, vp, vn, 16, 8, ro), EPERM);
	cpf_revoke(ro);
	for (i = 0; i < 16; i++)
		T_TRUE(all_bytes(vp[i], 4096, 0xee));
	T_REQ(vxfer(1, tail, vp, vn, 16, 8, GRANT_INVALID), EINVAL);
	g = cpf_grant_direct(drv, (vir_bytes)vp[8], 4096, CPF_WRITE);
	T_REQ(vxfer(1, tail, vp, vn, 16, 15, g), EPERM);
	cpf_revoke(g);
	T_REQ(RD(tail, big2, 16 * 4096), 16 * 4096);
	T_EQ(memcmp(big, big2, 16 * 4096), 0);

	/* Put back what was there; close. */
	T_REQ(WR(tail, save_tail, REGION), REGION);
	T_REQ(WR(0, save_first, SEC), SEC);
	T_REQ(RD(tail, big, REGION), REGION);
	T_EQ(memcmp(big, save_tail, REGION), 0);
	T_REQ(req(BDEV_CLOSE, minor, 0, GRANT_INVALID, 0), OK);
	return 0;
}

/* ---- partitions ---- */

/* DIOCGETP of label's minor: exactly base and size (bytes) and MINIX's
 * made-up geometry (64 heads, 32 sectors). */
static int getp_is(int minor, uint64_t base, uint64_t size)
{
	struct part_geom pg;
	cp_grant_id_t g;
	int r;

	memset(&pg, 0xee, sizeof(pg));
	g = cpf_grant_direct(drv, (vir_bytes)&pg, sizeof(pg), CPF_WRITE);
	r = req(BDEV_IOCTL, minor, 0, g, (uint32_t)DIOCGETP);
	cpf_revoke(g);
	return r == OK && pg.base == base && pg.size == size && pg.heads == 64 &&
	    pg.sectors == 32 && pg.cylinders == (unsigned)(size / SEC / 2048);
}

/* Partition minor pm of disk minor dm lies at [base, base + size) of the
 * disk: transfers inside it, at its end and past it give exact results
 * (the disk read through dm), and the sectors just outside it are never
 * touched; everything put back. */
static int part_bounds(int dm, int pm, uint64_t base, uint64_t size)
{
	size_t used0 = arena_used;
	int nbufs0 = nbufs;
	uint8_t *save = balloc(4 * SEC), *out = balloc(2 * SEC), *a = balloc(2 * SEC);
	uint8_t *b = balloc(2 * SEC), *wp[2] = { a + SEC, a };
	size_t vn[2] = { SEC, SEC };

	T_TRUE(save && out && a && b);
	dminor = dm;		/* save: the first and last sector of the partition */
	T_REQ(RD(base, save, SEC), SEC);
	T_REQ(RD(base + size - SEC, save + SEC, SEC), SEC);
	T_REQ(RD(base - SEC, save + 2 * SEC, SEC), SEC);  /* and its neighbours */
	T_REQ(RD(base + size, save + 3 * SEC, SEC), SEC);
	pattern(out, 2 * SEC, 41);	/* the neighbours get a known pattern */
	T_REQ(WR(base - SEC, out, SEC), SEC);
	T_REQ(WR(base + size, out + SEC, SEC), SEC);

	dminor = pm;
	pattern(a, 2 * SEC, 42);
	T_REQ(WR(0, a, SEC), SEC);			/* inside, at its start */
	T_REQ(WR(size - SEC, a + SEC, SEC), SEC);	/* at its end */
	T_REQ(WR(size, a, SEC), 0);			/* past it: 0 bytes */
	/* Across it: cut at its end; the neighbour, checked below through
	 * the disk, stays as set. */
	T_REQ(vxfer(1, size - SEC, wp, vn, 2, -1, 0), SEC);
	memset(b, 0xee, 2 * SEC);
	T_REQ(RD(size, b, SEC), 0);
	T_REQ(RD(0ull - SEC, b, 2 * SEC), 0);
	T_TRUE(all_bytes(b, 2 * SEC, 0xee));
	T_REQ(RD(size - SEC, b, 2 * SEC), SEC);		/* across: cut */
	T_EQ(memcmp(b, a + SEC, SEC), 0);
	T_TRUE(all_bytes(b + SEC, SEC, 0xee));

	dminor = dm;		/* the disk: the partition's ends, neighbours as set */
	T_REQ(RD(base, b, SEC), SEC);
	T_EQ(memcmp(b, a, SEC), 0);
	T_REQ(RD(base + size - SEC, b, SEC), SEC);
	T_EQ(memcmp(b, a + SEC, SEC), 0);
	T_REQ(RD(base - SEC, b, SEC), SEC);
	T_EQ(memcmp(b, out, SEC), 0);
	T_REQ(RD(base + size, b, SEC), SEC);
	T_EQ(memcmp(b, out + SEC, SEC), 0);

	T_REQ(WR(base, save, SEC), SEC);		/* put back */
	T_REQ(WR(base + size - SEC, save + SEC, SEC), SEC);
	T_REQ(WR(base - SEC, save + 2 * SEC, SEC), SEC);
	T_REQ(WR(base + size, save + 3 * SEC, SEC), SEC);
	arena_used = used0, nbufs = nbufs0;	/* its buffers back */
	return 0;
}

/* DIOCOPENCT of minor: its open count, or -1. */
static int openct(int minor)
{
	int n = -1, r;
	cp_grant_id_t g = cpf_grant_direct(drv, (vir_bytes)&n, sizeof(n), CPF_WRITE);

	r = req(BDEV_IOCTL, minor, 0, g, (uint32_t)DIOCOPENCT);
	cpf_revoke(g);
	return r == OK ? n : -1;
}

/* DIOCSETP of minor: base and size in bytes. */
static int setp(int minor, uint64_t base, uint64_t size)
{
	struct part_geom pg;
	cp_grant_id_t g;
	int r;

	memset(&pg, 0, sizeof(pg));
	pg.base = base, pg.size = size;
	g = cpf_grant_direct(drv, (vir_bytes)&pg, sizeof(pg), CPF_READ);
	r = req(BDEV_IOCTL, minor, 0, g, (uint32_t)DIOCSETP);
	cpf_revoke(g);
	return r;
}

/* The example driver (drivers/examples/ramdisk) started as `service up`
 * does (RS_UP of its program and .conf, carried in the runner), then
 * the whole conformance test on its disk; the partition table sfdisk
 * made for tests/system/ramdisk.sfdisk written to it; DIOCGETP of every
 * partition minor exact; the partition bounds of a primary and a logical
 * partition; the conformance test on those two; `service down`. */
extern const char _binary_ramdisk_start[], _binary_ramdisk_end[];
extern const char _binary_ramdisk_conf_start[], _binary_ramdisk_conf_end[];
extern const uint8_t _binary_ramdisk_parts_start[], _binary_ramdisk_parts_end[];
#define RD_SIZE	(4ull << 20)
#define MIB	(1ull << 20)

int test_bdev_ramdisk(void)
{
	static uint8_t sec[SEC];
	const uint8_t *p;
	endpoint_t ep = NONE;
	clock_t end;
	message m;
	uint32_t n;
	int d1 = MINOR_d0p0s0 + 2 * NR_PARTITIONS;	/* d0p2s0: the first logical */

	memset(&m, 0, sizeof(m));
	m.m_type = RS_UP;
	strcpy(m.m_rs.label, "ramdisk");
	m.m_rs.buf = (vir_bytes)_binary_ramdisk_start;
	m.m_rs.len = (size_t)(_binary_ramdisk_end - _binary_ramdisk_start);
	m.m_rs.buf2 = (vir_bytes)_binary_ramdisk_conf_start;
	m.m_rs.len2 = (size_t)(_binary_ramdisk_conf_end - _binary_ramdisk_conf_start);
	T_EQ(ipc_sendrec(RS_PROC_NR, &m), OK);
	T_EQ(m.m_type, OK);
	for (end = t_now() + 5 * sys_hz(); t_now() < end; t_sleep(1))
		if (ds_retrieve_label_endpt("ramdisk", &ep) == OK)
			break;
	T_TRUE(ep != NONE);

	T_EQ(bdev_conformance("ramdisk", 0, SEC, RD_SIZE), 0);
	T_TRUE(getp_is(0, 0, RD_SIZE));
	T_REQ(req(BDEV_OPEN, 0, 0, GRANT_INVALID, 0), OK);
	for (p = _binary_ramdisk_parts_start; p < _binary_ramdisk_parts_end; p += 4 + SEC) {
		memcpy(&n, p, 4);
		memcpy(sec, p + 4, SEC);
		T_REQ(WR((uint64_t)n * SEC, sec, SEC), SEC);
	}
	T_REQ(req(BDEV_CLOSE, 0, 0, GRANT_INVALID, 0), OK);
	/* The first open after all closed reads the table. */
	T_REQ(req(BDEV_OPEN, 1, 0, GRANT_INVALID, 0), OK);
	T_TRUE(getp_is(1, 1 * MIB, 1 * MIB));			/* d0p0 */
	T_TRUE(getp_is(2, 2 * MIB, MIB / 2));			/* d0p1 */
	T_TRUE(getp_is(3, 5120ull * SEC, 3072ull * SEC));	/* d0p2: extended */
	T_TRUE(getp_is(4, 0, 0));				/* d0p3: unused */
	T_TRUE(getp_is(d1, 5184ull * SEC, 1000ull * SEC));	/* d0p2s0 */
	T_TRUE(getp_is(d1 + 1, 6248ull * SEC, 1944ull * SEC));	/* d0p2s1 */
	T_TRUE(getp_is(d1 + 2, 0, 0));
	T_REQ(req(BDEV_OPEN, 5, 0, GRANT_INVALID, 0), ENXIO);	/* no d1 */
	dminor = 4;					/* d0p3: 0 bytes */
	T_REQ(RD(0, sec, SEC), 0);
	T_EQ(openct(1), 1);
	T_EQ(openct(4), 0);
	/* DIOCSETP: d0p3 made the disk's last 1 MiB but a sector, then
	 * half past the disk's end. */
	T_EQ(setp(4, 3 * MIB, MIB - SEC), OK);
	T_TRUE(getp_is(4, 3 * MIB, MIB - SEC));
	T_EQ(part_bounds(0, 4, 3 * MIB, MIB - SEC), 0);
	T_EQ(setp(4, 3 * MIB + MIB / 2, MIB), OK);
	dminor = 4;
	T_REQ(RD(MIB / 2 - SEC, sec, SEC), SEC);	/* the disk's last sector */
	T_REQ(RD(MIB / 2, sec, SEC), 0);		/* past the disk */
	T_REQ(RD(MIB / 2 - SEC, sec, 2 * SEC), SEC);	/* cut at the disk's end */
	T_EQ(setp(4, 0, 0), OK);
	T_EQ(part_bounds(0, 1, 1 * MIB, 1 * MIB), 0);
	T_EQ(part_bounds(0, d1, 5184ull * SEC, 1000ull * SEC), 0);
	T_REQ(req(BDEV_CLOSE, 1, 0, GRANT_INVALID, 0), OK);
	T_EQ(bdev_conformance("ramdisk", 1, SEC, 1 * MIB), 0);
	T_EQ(bdev_conformance("ramdisk", d1 + 1, SEC, 1944ull * SEC), 0);
	/* The table gone (sector 0 zeroed, no 55 AA): after the next first
	 * open every partition and subpartition is empty, one DIOCSETP set
	 * too (MINIX's blocktest expects size 0). */
	dminor = 0;
	T_REQ(req(BDEV_OPEN, 0, 0, GRANT_INVALID, 0), OK);
	T_EQ(setp(4, 3 * MIB, MIB), OK);
	memset(sec, 0, SEC);
	T_REQ(WR(0, sec, SEC), SEC);
	T_TRUE(getp_is(1, 1 * MIB, 1 * MIB));		/* until the next open */
	T_REQ(req(BDEV_CLOSE, 0, 0, GRANT_INVALID, 0), OK);
	T_REQ(req(BDEV_OPEN, 0, 0, GRANT_INVALID, 0), OK);
	T_TRUE(getp_is(0, 0, RD_SIZE));
	T_TRUE(getp_is(1, 0, 0));
	T_TRUE(getp_is(3, 0, 0));
	T_TRUE(getp_is(4, 0, 0));
	T_TRUE(getp_is(d1, 0, 0));
	T_TRUE(getp_is(d1 + 1, 0, 0));
	dminor = 1;
	T_REQ(RD(0, sec, SEC), 0);			/* d0p0: 0 bytes */
	T_REQ(req(BDEV_CLOSE, 0, 0, GRANT_INVALID, 0), OK);
	memset(&m, 0, sizeof(m));
	m.m_type = RS_DOWN;
	strcpy(m.m_rs.label, "ramdisk");
	T_EQ(ipc_sendrec(RS_PROC_NR, &m), OK);
	T_EQ(m.m_type, OK);
	return 0;
}

/* label's disk d1 (minor 5) of disk_size bytes, partitioned on the host
 * by sfdisk: d1p0 at 1 MiB of p0_size bytes, d1p1 right after it of
 * p1_size, d1p2 and d1p3 unused.  DIOCGETP of the disk and its
 * partitions, the bounds of d1p0 and d1p1, the conformance test on d1p0. */
static int parts_test(const char *label, uint64_t disk_size, uint64_t p0_size,
	uint64_t p1_size)
{
	int d = DEV_PER_DRIVE;

	T_EQ(ds_retrieve_label_endpt(label, &drv), OK);
	arena_used = 0, nbufs = 0, canary_broken = 0;
	T_REQ(req(BDEV_OPEN, d, 0, GRANT_INVALID, 0), OK);
	T_TRUE(getp_is(d, 0, disk_size));
	T_TRUE(getp_is(d + 1, 1 * MIB, p0_size));
	T_TRUE(getp_is(d + 2, 1 * MIB + p0_size, p1_size));
	T_TRUE(getp_is(d + 3, 0, 0));
	T_TRUE(getp_is(d + 4, 0, 0));
	T_EQ(part_bounds(d, d + 1, 1 * MIB, p0_size), 0);
	T_EQ(part_bounds(d, d + 2, 1 * MIB + p0_size, p1_size), 0);
	T_REQ(req(BDEV_CLOSE, d, 0, GRANT_INVALID, 0), OK);
	return bdev_conformance(label, d + 1, SEC, p0_size);
}

/* virtio_blk's second disk: 2 MiB, tests/system/vblk-parts.sfdisk. */
int test_bdev_virtio_parts(void)
{
	return parts_test("virtio_blk", 2 * MIB, MIB / 2, MIB / 4);
}

/* at_wini's slave: 4 MiB, tests/system/ide-slave.sfdisk. */
int test_bdev_at_wini_parts(void)
{
	return parts_test("at_wini", 4 * MIB, 2 * MIB, MIB / 2);
}

/* Each block driver, one line: label, minor, sector, size. */
int test_bdev_memory(void) { return bdev_conformance("memory", MEMORY_RAMDISK, 1, 16384 * 1024); }
int test_bdev_at_wini(void) { return bdev_conformance("at_wini", 0, SEC, AT_WINI_SCRATCH); }
int test_bdev_at_wini_slave(void) { return bdev_conformance("at_wini", 5, SEC, AT_WINI_SLAVE); }
int test_bdev_virtio_blk(void) { return bdev_conformance("virtio_blk", 0, SEC, 1 << 20); }

/* at_wini again, by PIO (it uses DMA when it can). */
static int ata_pio(int on)
{
	cp_grant_id_t g = cpf_grant_direct(drv, (vir_bytes)&on, sizeof(on), CPF_READ);
	int r = req(BDEV_IOCTL, 0, 0, g, ATAIOCSPIO);

	cpf_revoke(g);
	return r;
}

int test_bdev_at_wini_pio(void)
{
	int r;

	T_EQ(ds_retrieve_label_endpt("at_wini", &drv), OK);
	T_EQ(ata_pio(1), OK);
	r = bdev_conformance("at_wini", 0, SEC, AT_WINI_SCRATCH);
	T_EQ(ata_pio(0), OK);
	return r;
}

/* ---- SYS_SDEVIO ---- */

/* Did the last call log exactly one refusal since n0, reading what? */
static int logged(unsigned n0, const char *what)
{
	char last[KDIAG_TEXT_LEN], want[KDIAG_TEXT_LEN];
	struct kinfo ki;
	endpoint_t me;

	if (sys_getkinfo(&ki) != OK || ki.kdiag_lines != n0 + 1 ||
	    sys_getinfo(GET_KDIAG, last, sizeof(last), NULL, 0) != OK ||
	    sys_whoami(&me, NULL, 0, NULL, NULL) != OK)
		return 0;
	snprintf(want, sizeof(want), "runner (%d): %s", me, what);
	return strcmp(last, want) == 0;
}

/* String port I/O: the CMOS data port (ours: io 70:2) read into our own
 * memory and into a grant across a page end, byte-exact against single
 * reads; sizes, directions, grants and ports refused before anything
 * moves. */
int test_sdevio(void)
{
	static uint8_t page[2 * 4096] __attribute__((aligned(4096)));
	uint8_t *p = page + 4096 - 3;	/* 6 bytes across a page end */
	struct kinfo ki;
	uint32_t v;
	cp_grant_id_t g, ro;
	int i;

	T_EQ(sys_outb(0x70, 0x0f), OK);	/* CMOS register 15: shutdown status */
	T_EQ(sys_inb(0x71, &v), OK);
	memset(page, 0xee, sizeof(page));
	T_EQ(sys_insb(0x71, SELF, p, 6), OK);
	for (i = 0; i < 6; i++)
		T_EQ(p[i], v & 0xff);
	T_EQ(p[-1], 0xee);
	T_EQ(p[6], 0xee);
	memset(page, 0xee, sizeof(page));
	g = cpf_grant_direct(t_self(), (vir_bytes)page, sizeof(page), CPF_READ | CPF_WRITE);
	ro = cpf_grant_direct(t_self(), (vir_bytes)page, sizeof(page), CPF_READ);
	T_EQ(sys_safe_insb(0x71, t_self(), g, 4096 - 3, 6), OK);
	for (i = 0; i < 6; i++)
		T_EQ(p[i], v & 0xff);
	T_EQ(p[-1], 0xee);
	T_EQ(p[6], 0xee);
	/* A word across the page end, the same register twice. */
	memset(page, 0xee, sizeof(page));
	T_EQ(sys_safe_insw(0x70, t_self(), g, 4096 - 1, 2), OK);
	T_EQ(page[4096 - 2], 0xee);
	T_EQ(page[4096 + 1], 0xee);
	/* Refusals: nothing moves. */
	memset(page, 0xee, sizeof(page));
	T_EQ(sys_safe_insb(0x71, t_self(), ro, 0, 4), EPERM);	/* read-only */
	T_EQ(sys_safe_insb(0x71, t_self(), g, sizeof(page) - 2, 4), EPERM); /* past it */
	T_EQ(sys_safe_insb(0x71, t_self(), GRANT_INVALID, 0, 4), EINVAL);
	T_EQ(sys_safe_insw(0x70, t_self(), g, 0, 3), EINVAL);	/* odd for words */
	T_EQ(sys_safe_insb(0x71, t_self(), g, 0, 0), EINVAL);
	T_EQ(sys_safe_insb(0x71, t_self(), g, 0, SDEVIO_MAX + 1), EINVAL);
	T_EQ(sys_sdevio(_DIO_INPUT | _DIO_OUTPUT | _DIO_BYTE, 0x71, SELF, page, 4, 0), EINVAL);
	T_EQ(sys_insb(0x71, 1, page, 4), EPERM);		/* another's memory */
	T_EQ(sys_insb(0x71, SELF, (void *)0x1000, 4), EFAULT);	/* kernel's */
	T_TRUE(all_bytes(page, sizeof(page), 0xee));
	T_EQ(sys_getkinfo(&ki), OK);
	T_EQ(sys_safe_insw(0x1f0, t_self(), g, 0, 512), EPERM);	/* not our port */
	T_TRUE(logged(ki.kdiag_lines, "SYS_SDEVIO port 0x1f0 not in its .conf"));
	T_EQ(sys_getkinfo(&ki), OK);
	T_EQ(sys_insw(0x71, SELF, page, 2), EPERM);		/* 71..72: 72 is not */
	T_TRUE(logged(ki.kdiag_lines, "SYS_SDEVIO port 0x71 not in its .conf"));
	T_TRUE(all_bytes(page, sizeof(page), 0xee));
	cpf_revoke(g);
	cpf_revoke(ro);
	return 0;
}

/* A disk error reaches the caller as EIO: the scratch disk fails every
 * access to sector 2048 (tests/system/ide-errors.cfg), by DMA and by PIO;
 * the driver resets the channel and goes on. */
int test_ata_device_error(void)
{
	static uint8_t b[4 * SEC];
	uint64_t bad = 2048 * SEC;
	int pio;

	T_EQ(ds_retrieve_label_endpt("at_wini", &drv), OK);
	dminor = 0;
	for (pio = 0; pio < 2; pio++) {
		T_EQ(ata_pio(pio), OK);
		T_EQ(RD(bad, b, SEC), EIO);
		T_EQ(RD(bad - 2 * SEC, b, 4 * SEC), EIO);
		T_EQ(WR(bad, b, SEC), EIO);
		T_EQ(WR(bad - SEC, b, 2 * SEC), EIO);
		T_EQ(RD(bad - SEC, b, SEC), SEC);	/* its neighbours work */
		T_EQ(WR(bad + SEC, b, SEC), SEC);
	}
	T_EQ(ata_pio(0), OK);
	return 0;
}

/* `service fi LABEL`: the driver crashes at its next request and comes
 * back under its label with a new endpoint, and serves the same data:
 * what was written at pos before (if write) or read there before.  wild,
 * if not NULL, runs just before the fault is armed. */
static int restart_check(const char *label, uint64_t pos, int write,
	void (*wild)(void))
{
	static uint8_t w[8 * SEC], r[8 * SEC];
	endpoint_t ep0, ep1 = NONE;
	clock_t end;
	message m;

	T_EQ(ds_retrieve_label_endpt(label, &ep0), OK);
	drv = ep0, dminor = 0;
	if (write) {
		pattern(w, sizeof(w), 77);
		T_EQ(WR(pos, w, sizeof(w)), (int)sizeof(w));
	} else {
		T_EQ(RD(pos, w, sizeof(w)), (int)sizeof(w));
	}
	if (wild)
		wild();
	memset(&m, 0, sizeof(m));
	m.m_type = RS_FI;
	strcpy(m.m_rs.label, label);
	T_EQ(ipc_sendrec(RS_PROC_NR, &m), OK);
	T_EQ(m.m_type, OK);
	T_EQ(req(BDEV_OPEN, 0, 0, GRANT_INVALID, 0), EDEADSRCDST);	/* it crashes */
	for (end = t_now() + 5 * sys_hz(); t_now() < end; t_sleep(1)) {
		if (ds_retrieve_label_endpt(label, &ep1) == OK && ep1 != ep0) {
			drv = ep1;
			if (req(BDEV_OPEN, 0, 0, GRANT_INVALID, 0) == OK)
				break;
		}
	}
	T_TRUE(ep1 != ep0 && ep1 != NONE);
	memset(r, 0, sizeof(r));
	T_EQ(RD(pos, r, sizeof(r)), (int)sizeof(r));
	T_EQ(memcmp(w, r, sizeof(w)), 0);
	return 0;
}

/* `service fi at_wini`: RS restarts the driver, which identifies the
 * disk again and serves by DMA what its predecessor wrote; the frames the
 * dead instance held for DMA went back (no frame leaks: the runner's
 * check). */
int test_ata_restart(void)
{
	return restart_check("at_wini", 64 * SEC, 1, NULL);
}

/* The same for virtio_blk, reading only (the host compares its scratch
 * disk with what t_vblk.c wrote). */
int test_vblk_restart(void)
{
	return restart_check("virtio_blk", 0, 0, NULL);
}

/* The same after a wild PCI configuration write by the dying instance
 * (it reaches configuration space itself, libpci through cf8/cfc): the
 * short campaign's seed 6 fault 27 made virtio_blk write its descriptors
 * over its struct vdev, whose "notify" then zeroed the device's BAR 0 and
 * cleared its memory enable; the new instance read I/O port 0, "queue
 * size 0 not in 3..256", and found no device.  Here the test zeroes BAR 0
 * and the command register; the new instance must write back what the
 * first one found (kept in DS) and serve the same bytes. */
static int vb_devind;
static uint32_t vb_bar0;
static uint16_t vb_cr;

static void wild_pci(void)
{
	pci_attr_w16(vb_devind, PCI_CR, 0);
	pci_attr_w32(vb_devind, PCI_BAR, 0);
}

int test_vblk_restart_pci(void)
{
	T_EQ(pci_init(), OK);
	T_EQ(pci_find_id(0x1af4, 0x1001, 0, &vb_devind), OK);
	vb_bar0 = pci_attr_r32(vb_devind, PCI_BAR);
	vb_cr = pci_attr_r16(vb_devind, PCI_CR);
	T_EQ(vb_bar0 & 1, 1);                   /* the legacy I/O BAR */
	T_TRUE(vb_bar0 >> 2 != 0);
	if (restart_check("virtio_blk", 0, 0, wild_pci) != 0)
		return 1;
	T_EQ(pci_attr_r32(vb_devind, PCI_BAR), vb_bar0);
	T_EQ(pci_attr_r16(vb_devind, PCI_CR), vb_cr);
	return 0;
}

/* Large requests through at_wini, by DMA and by PIO: 768 KiB scattered
 * from 64 pieces of 12 KiB (so DMA's 128 KiB commands start inside a
 * piece), read back in one request (6 commands), gathered back. */
int test_ata_large(void)
{
	static uint8_t one[64 * 12288], pieces[64 * 12288];
	uint8_t *vp[64];
	size_t vn[64];
	uint64_t pos = 8 << 20;
	int pio, i;

	T_EQ(ds_retrieve_label_endpt("at_wini", &drv), OK);
	dminor = 0;
	for (i = 0; i < 64; i++)
		vp[i] = pieces + i * 12288, vn[i] = 12288;
	for (pio = 0; pio < 2; pio++) {
		T_EQ(ata_pio(pio), OK);
		pattern(pieces, sizeof(pieces), 7 + pio);
		T_EQ(vxfer(1, pos, vp, vn, 64, -1, 0), (int)sizeof(pieces));
		memset(one, 0, sizeof(one));
		T_EQ(RD(pos, one, sizeof(one)), (int)sizeof(one));
		T_EQ(memcmp(one, pieces, sizeof(one)), 0);
		memset(pieces, 0, sizeof(pieces));
		T_EQ(vxfer(0, pos, vp, vn, 64, -1, 0), (int)sizeof(pieces));
		T_EQ(memcmp(one, pieces, sizeof(one)), 0);
	}
	T_EQ(ata_pio(0), OK);
	return 0;
}
