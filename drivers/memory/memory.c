/* memory.c - the memory driver: /dev/null and /dev/zero (character
 * minors MEMORY_NULL, MEMORY_ZERO, through libchardriver) and the RAM disk
 * (block minor MEMORY_RAMDISK, through libblockdriver): the boot image's
 * *.img module, if it has one (the images whose root is on the RAM disk,
 * root=memory:2), which RS keeps and lends it as a grant that it maps at
 * RAMDISK_BASE, so that the disk outlives a restart.  Data moves
 * only through the caller's grants: safecopy for reads and writes,
 * safememset for /dev/zero (a read answered for the bytes the kernel
 * says it set).  Publishes itself in DS as "memory".
 *
 * Minors MEMORY_RAM1 and MEMORY_RAM2 (/dev/ram1, /dev/ram2) are empty RAM
 * disks of MEMORY_RAM_SIZE bytes, zeroed memory of ours taken at their
 * first use: block devices for a file system to mount, and character
 * devices too (reads and writes at a position), so that dd can fill one
 * with an image.  They last as long as this instance of the driver.
 * Each keeps a checksum of every 512-byte sector, apart from the data:
 * written sectors are summed again after the copy, read ones checked
 * before it.  A sector that does not match means that this instance no
 * longer finds its data where it put it (a fault in its own memory or
 * code: a wrong pointer to the disk); it stops with a panic, and RS
 * starts it afresh, rather than hand out wrong bytes.  (The boot RAM
 * disk outlives the driver, its checksums would have to as well: it has
 * none.)
 *
 * A BLOCKDRIVER_TYPE_OTHER driver: its RAM disks have no partitions;
 * DIOCGETP gives a block minor's size (base 0, MINIX's made-up
 * geometry), DIOCSETP is EINVAL (their sizes are fixed).
 */
#include <minix/syslib.h>
#include <minix/ds.h>
#include <minix/sef.h>
#include <minix/rs.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <minix/chardriver.h>
#include <minix/blockdriver.h>
#include <sys/ioc_disk.h>

#define SUM_SECTOR	512
#define RAM_SECTORS	(MEMORY_RAM_SIZE / SUM_SECTOR)

static uint64_t disk_size;
static uint8_t *ram[2];		/* MEMORY_RAM1, MEMORY_RAM2 once used */
static uint32_t *ram_sum[2];	/* their sectors' checksums */

/* A sector's checksum: FNV-1a over its 32-bit words. */
static uint32_t sector_sum(const uint8_t *sector)
{
	const uint32_t *w = (const uint32_t *)sector;
	uint32_t h = 0x811c9dc5u;
	unsigned int i;

	for (i = 0; i < SUM_SECTOR / 4; i++)
		h = (h ^ w[i]) * 0x01000193u;
	return h;
}

/* The memory of RAM disk minor (allocated, zeroed, at its first use,
 * with its checksums), or NULL. */
static uint8_t *ram_disk(devminor_t minor)
{
	static const uint8_t zero[SUM_SECTOR];
	int i = minor - MEMORY_RAM1;
	uint8_t *disk;
	uint32_t *sum;
	unsigned int s;

	if (i < 0 || i > 1)
		return NULL;
	if (ram[i] != NULL)
		return ram[i];
	if (ram_sum[i] != NULL)	/* made before: we lost track of it */
		panic("/dev/ram%d: its memory is lost", i + 1);
	disk = calloc(1, MEMORY_RAM_SIZE);
	sum = malloc(RAM_SECTORS * sizeof(*sum));
	if (disk == NULL || sum == NULL) {
		free(disk);
		free(sum);
		return NULL;
	}
	sum[0] = sector_sum(zero);
	for (s = 1; s < RAM_SECTORS; s++)
		sum[s] = sum[0];
	ram_sum[i] = sum;
	return ram[i] = disk;
}

/* Sectors first..last of RAM disk minor at disk: summed again (seal), or
 * checked (a mismatch stops us: see above). */
static void ram_sums(devminor_t minor, const uint8_t *disk, int seal,
	uint64_t first, uint64_t last)
{
	uint32_t *sum = ram_sum[minor - MEMORY_RAM1];
	uint64_t s;

	for (s = first; s <= last; s++) {
		uint32_t h = sector_sum(disk + s * SUM_SECTOR);
		if (seal)
			sum[s] = h;
		else if (h != sum[s])
			panic("/dev/ram%d: sector %u does not match its checksum",
			    minor - MEMORY_RAM1 + 1, (unsigned)s);
	}
}

/* Copy between RAM disk minor and a grant at pos: bytes, 0 at the end,
 * or an error.  Writes past the end are ENOSPC. */
static ssize_t ram_copy(devminor_t minor, int do_write, uint64_t pos,
	endpoint_t endpt, cp_grant_id_t grant, vir_bytes off, size_t size)
{
	uint8_t *disk = ram_disk(minor);
	uint64_t first = pos / SUM_SECTOR, last;
	int r;

	if (disk == NULL)
		return ENOMEM;
	if (pos >= MEMORY_RAM_SIZE)
		return do_write && size ? ENOSPC : 0;
	if (size > MEMORY_RAM_SIZE - pos)
		size = (size_t)(MEMORY_RAM_SIZE - pos);
	if (size == 0)
		return 0;
	last = (pos + size - 1) / SUM_SECTOR;
	if (!do_write)
		ram_sums(minor, disk, 0, first, last);
	r = do_write ? sys_safecopyfrom(endpt, grant, off, (vir_bytes)(disk + pos), size)
	    : sys_safecopyto(endpt, grant, off, (vir_bytes)(disk + pos), size);
	if (do_write)	/* a failed copy may have written part of it */
		ram_sums(minor, disk, 1, first, last);
	return r != OK ? r : (ssize_t)size;
}

static int m_open(devminor_t minor, int access, endpoint_t user)
{
	(void)access, (void)user;
	if (minor == MEMORY_RAM1 || minor == MEMORY_RAM2)
		return ram_disk(minor) ? OK : ENOMEM;
	return minor == MEMORY_NULL || minor == MEMORY_ZERO ? OK : ENXIO;
}

static ssize_t m_read(devminor_t minor, uint64_t pos, endpoint_t endpt,
	cp_grant_id_t grant, size_t size, int flags, cdev_id_t id)
{
	int r;

	(void)pos, (void)flags, (void)id;
	if (minor == MEMORY_RAM1 || minor == MEMORY_RAM2)
		return ram_copy(minor, 0, pos, endpt, grant, 0, size);
	if (minor == MEMORY_NULL)
		return 0; /* end of file */
	if (minor != MEMORY_ZERO)
		return ENXIO;
	/* Answer for the bytes the kernel says it set, not for size: a
	 * fault that changed the count on its way gives a short read. */
	if (size && (r = sys_safememset_done(endpt, grant, 0, 0, size, &size)) != OK)
		return r;
	return (ssize_t)size;
}

static ssize_t m_write(devminor_t minor, uint64_t pos, endpoint_t endpt,
	cp_grant_id_t grant, size_t size, int flags, cdev_id_t id)
{
	(void)flags, (void)id;
	if (minor == MEMORY_RAM1 || minor == MEMORY_RAM2)
		return ram_copy(minor, 1, pos, endpt, grant, 0, size);
	return minor == MEMORY_NULL || minor == MEMORY_ZERO ? (ssize_t)size : ENXIO;
}

/* select(): never waits, so always ready to read and write. */
static int m_select(devminor_t minor, unsigned int ops, endpoint_t endpt)
{
	(void)endpt;
	if (minor != MEMORY_NULL && minor != MEMORY_ZERO &&
	    minor != MEMORY_RAM1 && minor != MEMORY_RAM2)
		return ENXIO;
	return (int)(ops & (CDEV_OP_RD | CDEV_OP_WR));
}

static const struct chardriver mem_cdr = {
	.cdr_open = m_open,
	.cdr_read = m_read,
	.cdr_write = m_write,
	.cdr_select = m_select,
};

static int d_open(devminor_t minor, int access)
{
	(void)access;
	if (minor == MEMORY_RAM1 || minor == MEMORY_RAM2)
		return ram_disk(minor) ? OK : ENOMEM;
	return minor == MEMORY_RAMDISK && disk_size ? OK : ENXIO;
}

/* Copy between the RAM disk and the pieces, at any byte position; cut at
 * the disk's end as by every block driver (0 bytes at or past it). */
static ssize_t d_transfer(devminor_t minor, int do_write, u64_t pos,
	endpoint_t endpt, iovec_t *iov, unsigned int count, int flags)
{
	ssize_t total = 0;
	uint64_t bytes = 0;
	unsigned int i;
	int r;

	(void)flags;
	if (minor == MEMORY_RAM1 || minor == MEMORY_RAM2) {
		for (i = 0; i < count; i++) {
			ssize_t n = ram_copy(minor, do_write, pos, endpt,
			    (cp_grant_id_t)iov[i].iov_addr, 0, iov[i].iov_size);
			if (n <= 0)
				return total ? total : n;
			total += n, pos += (uint64_t)n;
		}
		return total;
	}
	if (minor != MEMORY_RAMDISK || !disk_size)
		return ENXIO;
	for (i = 0; i < count; i++)
		bytes += iov[i].iov_size;
	/* MINIX's: 0 bytes at or past the end, a short transfer across. */
	if (pos >= disk_size)
		return 0;
	if (bytes > disk_size - pos)
		count = blockdriver_clip(iov, count, disk_size - pos);
	/* A bad grant in a vector touches nothing (one piece checks itself). */
	if (count > 1 && (r = blockdriver_check_iov(endpt, iov, count, do_write)) != OK)
		return r;
	for (i = 0; i < count; i++) {
		vir_bytes n = iov[i].iov_size, a = RAMDISK_BASE + (vir_bytes)pos;
		cp_grant_id_t g = (cp_grant_id_t)iov[i].iov_addr;
		r = do_write ? sys_safecopyfrom(endpt, g, 0, a, n)
		    : sys_safecopyto(endpt, g, 0, a, n);
		if (r != OK)
			return total ? total : r;
		total += (ssize_t)n, pos += n;
	}
	return total;
}

/* DIOCGETP: a block minor's size; DIOCSETP: EINVAL. */
static int d_ioctl(devminor_t minor, unsigned long request, endpoint_t endpt,
	cp_grant_id_t grant, endpoint_t user_endpt)
{
	struct part_geom pg;

	(void)user_endpt;
	if (d_open(minor, 0) != OK)
		return ENXIO;
	if (request == DIOCSETP)
		return EINVAL;
	if (request != DIOCGETP)
		return ENOTTY;
	memset(&pg, 0, sizeof(pg));
	pg.size = minor == MEMORY_RAMDISK ? disk_size : MEMORY_RAM_SIZE;
	pg.cylinders = (unsigned)(pg.size / SECTOR_SIZE / (64 * 32));
	pg.heads = 64;
	pg.sectors = 32;
	return sys_safecopyto(endpt, grant, 0, (vir_bytes)&pg, sizeof(pg));
}

static const struct blockdriver mem_bdr = {
	.bdr_type = BLOCKDRIVER_TYPE_OTHER,
	.bdr_open = d_open,
	.bdr_transfer = d_transfer,
	.bdr_ioctl = d_ioctl,
};

/* The RAM disk is RS's (the kernel put the boot image there): borrow it
 * as a grant and map it at RAMDISK_BASE, so that it outlives our
 * restarts.  No RAM disk if RS has none. */
static void map_ramdisk(void)
{
	message m;

	memset(&m, 0, sizeof(m));
	m.m_type = RS_RAMDISK;
	if (ipc_sendrec(RS_PROC_NR, &m) != OK || m.m_type != OK)
		return;
	if (sys_safemap(RS_PROC_NR, (cp_grant_id_t)m.m_rs.buf, 0, RAMDISK_BASE,
	    m.m_rs.len2, 1) != OK) {
		printf("memory: cannot map the RAM disk\n");
		return;
	}
	disk_size = m.m_rs.len;
	printf("memory: RAM disk, %u KiB\n", (unsigned)(disk_size / 1024));
}

static int init_fresh(int type, sef_init_info_t *info)
{
	(void)info;
	map_ramdisk();
	blockdriver_announce(type);	/* "memory" in DS */
	return OK;
}

int main(void)
{
	message m;
	int status;

	sef_setcb_init_fresh(init_fresh);
	sef_startup();
	for (;;) {
		if (sef_receive_status(ANY, &m, &status) != OK)
			continue;
		if (IS_BDEV_RQ(m.m_type))
			blockdriver_process(&mem_bdr, &m, status);
		else
			chardriver_process(&mem_cdr, &m, status);
	}
}
