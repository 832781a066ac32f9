/* ramdisk.c - an example block driver on libblockdriver: one RAM-backed
 * disk of RD_SIZE bytes (zeroed at each start; a restart loses what was
 * written), with MBR partitions.  Started at run time:
 *
 *	service up /bin/ramdisk -dev /dev/rd0	(ramdisk.conf beside it)
 *
 * Minors as MINIX's disk drivers (minix/drvlib.h): 0 the whole disk (d0),
 * 1-4 its primary partitions (d0p0-d0p3), 128-143 their subpartitions
 * (d0pPsS).  Write an MBR to minor 0 (sfdisk on the host, or dd); the
 * table is read again at the first open of the disk after all its minors
 * were closed, and at the first request for a partition after a start.
 * Transfers take whole 512-byte sectors; one at or past the minor's end
 * moves 0 bytes, one across it stops there (MINIX's); every grant of a vector is checked before anything
 * moves.  DIOCGETP and DIOCSETP are libblockdriver's (bdr_part).
 */
#include <minix/drivers.h>
#include <minix/blockdriver.h>
#include <minix/drvlib.h>
#include <stdlib.h>
#include <stdio.h>

#define RD_SIZE (4u << 20)	/* 4 MiB: 8192 sectors */

static u8_t *disk;
static struct device part[1][DEV_PER_DRIVE];	/* d0, d0p0..d0p3 */
static struct device subpart[1][SUB_PER_DRIVE];	/* d0p0s0.. */
static int parted, open_ct;
static const struct blockdriver rd_tab;

/* minor's place on the disk, or NULL. */
static struct device *rd_part(devminor_t minor)
{
	struct device *dv;
	int drive;

	if ((dv = drvlib_minor(part, subpart, 1, minor, &drive)) == NULL)
		return NULL;
	if (dv != &part[0][0] && !parted) {
		parted = 1;
		partition(&rd_tab, 0, P_PRIMARY, 0);
	}
	return dv;
}

static int rd_open(devminor_t minor, int access)
{
	(void)access;
	if (rd_part(minor) == NULL)
		return ENXIO;
	if (open_ct++ == 0) {
		parted = 1;
		partition(&rd_tab, 0, P_PRIMARY, 0);
	}
	return OK;
}

static int rd_close(devminor_t minor)
{
	if (rd_part(minor) == NULL)
		return ENXIO;
	if (open_ct > 0)
		open_ct--;
	return OK;
}

static ssize_t rd_transfer(devminor_t minor, int do_write, u64_t pos,
	endpoint_t endpt, iovec_t *iov, unsigned int count, int flags)
{
	struct device *dv = rd_part(minor);
	u64_t total = 0, at;
	unsigned int i;
	int r;

	(void)flags;
	if (dv == NULL)
		return ENXIO;
	if (pos % SECTOR_SIZE)
		return EINVAL;
	for (i = 0; i < count; i++) {
		if (iov[i].iov_size % SECTOR_SIZE)
			return EINVAL;
		total += iov[i].iov_size;
	}
	/* Cut at the minor's end: 0 bytes at or past it, short across. */
	if ((r = blockdriver_range(dv, RD_SIZE, pos, &total, &at)) != OK)
		return r;
	if (total == 0)
		return 0;
	count = blockdriver_clip(iov, count, total);
	if (count > 1 && (r = blockdriver_check_iov(endpt, iov, count, do_write)) != OK)
		return r;
	for (i = 0; i < count; i++) {
		cp_grant_id_t g = (cp_grant_id_t)iov[i].iov_addr;
		vir_bytes a = (vir_bytes)(disk + at), n = iov[i].iov_size;

		r = do_write ? sys_safecopyfrom(endpt, g, 0, a, n)
		    : sys_safecopyto(endpt, g, 0, a, n);
		if (r != OK)
			return r;
		at += n;
	}
	return (ssize_t)total;
}

static const struct blockdriver rd_tab = {
	.bdr_type = BLOCKDRIVER_TYPE_DISK,
	.bdr_open = rd_open,
	.bdr_close = rd_close,
	.bdr_transfer = rd_transfer,
	.bdr_part = rd_part,
};

static int rd_init(int type, sef_init_info_t *info)
{
	(void)info;
	if ((disk = calloc(1, RD_SIZE)) == NULL)
		return ENOMEM;
	part[0][0].dv_base = 0;
	part[0][0].dv_size = RD_SIZE;
	printf("ramdisk: %u KiB\n", RD_SIZE / 1024);
	blockdriver_announce(type);
	return OK;
}

int main(void)
{
	sef_setcb_init_fresh(rd_init);
	sef_setcb_init_restart(rd_init);
	sef_startup();
	blockdriver_task(&rd_tab);
	return 0;
}
