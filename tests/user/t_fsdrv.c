/* t_fsdrv.c - /bin/tests, the file system across a restart of its disk
 * driver (the root's: memory for the RAM disk, at_wini or virtio_blk for
 * a disk; the label comes from the mount table's entry 0): `service fi
 * DRIVER` in the middle of a 4 MiB read, and before a 4 MiB write read
 * back; the reader and writer see every byte right and no error (ext2
 * sends the block request that died again to the driver's new instance,
 * found through DS), and RS counts exactly one more restart of the
 * driver each time.  Then a driver that stays alive but fails
 * (`service fi DRIVER -type kcall`, a bit of its next kernel call
 * flipped): a read refused with an error, and a read answered but not
 * done; ext2 has RS restart it and asks again, the bytes are right and
 * RS counts one restart.  And a /dev/zero fill cut short by the same
 * kind of fault is answered as the short read it is, not whole.  The runner is in
 * tests.c.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <time.h>
#include <sys/mount.h>
#include <sys/statvfs.h>

#include "tu.h"

#define BIG	(4u << 20)
#define PIECE	(64u << 10)

static uint8_t buf[PIECE];

static uint8_t pat(uint32_t i, uint32_t seed)
{
	return (uint8_t)((i * 131u + i / 4093u + seed) & 255u);
}

static void fill(uint32_t off, uint32_t seed)
{
	uint32_t i;

	for (i = 0; i < PIECE; i++)
		buf[i] = pat(off + i, seed);
}

/* The offset of the first wrong byte of buf (at off), or -1. */
static long check(uint32_t off, uint32_t seed, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (buf[i] != pat(off + (uint32_t)i, seed))
			return (long)(off + i);
	return -1;
}

static char drv[32];	/* the root device's driver */

/* drv from the root's device, "LABEL:MINOR"; 0, or -1. */
static int root_driver(void)
{
	struct mnt_info mi;
	char *colon;

	if (getmntinfo(0, &mi) != 0 || !(colon = strchr(mi.mi_dev, ':')))
		return -1;
	*colon = '\0';
	snprintf(drv, sizeof(drv), "%s", mi.mi_dev);
	return 0;
}

/* `service ARG LABEL`; its exit status (0 on success). */
static int service_of(const char *arg, const char *label, char *out, size_t max)
{
	char *argv[] = { "/bin/service", (char *)arg, (char *)label, NULL };
	int st = tu_capture(argv, NULL, 1, out, max);

	return st < 0 ? -1 : (st >> 8) & 255;
}

/* `service ARG DRIVER`. */
static int service(const char *arg, char *out, size_t max)
{
	return service_of(arg, drv, out, max);
}

/* The driver's restart count from `service status DRIVER`, or -1. */
static int restarts_of(const char *label)
{
	char out[512], *nl, *w[4], *save = NULL;
	int i;

	if (service_of("status", label, out, sizeof(out)) != 0 ||
	    !(nl = strchr(out, '\n')))
		return -1;
	for (i = 0; i < 4; i++)		/* LABEL ENDPOINT PID RESTARTS */
		if (!(w[i] = strtok_r(i ? NULL : nl + 1, " \n", &save)))
			return -1;
	if (strcmp(w[0], label) != 0 || strcmp(w[2], "-") != 0)
		return -1;
	return atoi(w[3]);
}

static int restarts(void)
{
	return restarts_of(drv);
}

static int write_big(const char *path, uint32_t seed)
{
	uint32_t off;
	int fd;

	T_TRUE((fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644)) >= 0);
	for (off = 0; off < BIG; off += PIECE) {
		fill(off, seed);
		T_EQ(write(fd, buf, PIECE), PIECE);
	}
	T_EQ(fsync(fd), 0);
	T_EQ(close(fd), 0);
	return 0;
}

/* Read path back (4 MiB); after fi_at bytes (if not -1), crash memory. */
static int read_big(const char *path, uint32_t seed, long fi_at)
{
	char out[256];
	uint32_t off;
	long bad;
	int fd;

	T_TRUE((fd = open(path, O_RDONLY)) >= 0);
	for (off = 0; off < BIG; off += PIECE) {
		if ((long)off == fi_at) {
			T_EQ(service("fi", out, sizeof(out)), 0);
		}
		memset(buf, 0, PIECE);
		T_EQ(read(fd, buf, PIECE), PIECE);
		if ((bad = check(off, seed, PIECE)) >= 0)
			T_FAIL("byte %ld wrong after the restart", bad);
	}
	T_EQ(read(fd, buf, 1), 0);
	T_EQ(close(fd), 0);
	return 0;
}

/* The cache (2 MiB) keeps only the end of a 4 MiB file just written, so
 * reading it from the start goes to the driver: the crash lands in the
 * middle of the read. */
int test_fsdrv_read_restart(void)
{
	int n0;

	T_EQ(root_driver(), 0);
	if (write_big("/tmp/drv-read", 7) != 0)
		return 1;
	T_TRUE((n0 = restarts()) >= 0);
	if (read_big("/tmp/drv-read", 7, 1 << 20) != 0)
		return 1;
	T_EQ(restarts(), n0 + 1);
	T_EQ(unlink("/tmp/drv-read"), 0);
	return 0;
}

/* The crash lands in the write-back of a 4 MiB write (the cache holds
 * half of it); all of it reads back right. */
int test_fsdrv_write_restart(void)
{
	char out[256];
	int n0;

	T_EQ(root_driver(), 0);
	T_TRUE((n0 = restarts()) >= 0);
	T_EQ(service("fi", out, sizeof(out)), 0);
	if (write_big("/tmp/drv-write", 11) != 0)
		return 1;
	T_EQ(restarts(), n0 + 1);
	if (read_big("/tmp/drv-write", 11, -1) != 0)
		return 1;
	T_EQ(unlink("/tmp/drv-write"), 0);
	return 0;
}

/* `service fi DRIVER -type kcall -seed SEED`: one bit of an argument
 * of the driver's next kernel call is flipped; 0 if the service's line
 * says value=VALUE (sel << 8 | the bit: the argument is the (sel mod
 * n)-th of the call's n, docs/fault-injection.md). */
static int fi_kcall(char *label, int seed, unsigned value)
{
	char out[256], s[16], want[32];
	char *argv[] = { "/bin/service", "fi", label, "-type", "kcall",
	    "-seed", s, NULL };

	snprintf(s, sizeof(s), "%d", seed);
	snprintf(want, sizeof(want), " value=0x%x\n", value);
	T_EQ(tu_capture(argv, NULL, 1, out, sizeof(out)), 0);
	T_TRUE(strstr(out, want) != NULL);
	return 0;
}

/* Is the root on the memory driver?  The kcall faults below are aimed at
 * its copies (a safecopy: endpoint, grant, offset, address, bytes); a
 * disk driver's next kernel call is another (port I/O, vumap).  A RAM
 * disk root outlives the driver; /dev/ram1 would not. */
static int memory_root(const char *test)
{
	if (root_driver() != 0)
		return -1;
	if (strcmp(drv, "memory") == 0)
		return 1;
	printf("# %s: root on %s: not run\n", test, drv);
	return 0;
}

/* A driver that refuses a request: seed 21 (sel 211: the 2nd of the 5
 * arguments of a safecopy) flips bit 22 of the grant of memory's next
 * copy (a vector's or a block's), so the copy fails and the driver
 * answers the read with the error.  ext2 has RS restart it
 * (RS_DRIVER_FAULT) and asks the new instance: the reader sees every
 * byte right and no error, and RS counts one restart. */
int test_fsdrv_refused_request(void)
{
	int n0, r;

	if ((r = memory_root("fsdrv_refused_request")) <= 0)
		return r < 0;
	if (write_big("/tmp/drv-refuse", 13) != 0)
		return 1;
	T_TRUE((n0 = restarts()) >= 0);
	if (fi_kcall(drv, 21, 211u << 8 | 22) != 0)
		return 1;
	if (read_big("/tmp/drv-refuse", 13, -1) != 0)
		return 1;
	T_EQ(restarts(), n0 + 1);
	T_EQ(unlink("/tmp/drv-refuse"), 0);
	return 0;
}

#define SMALL 3000

/* A small file at path (pattern seed, into small) written to the disk,
 * then a 4 MiB one (path "-big") that pushes it out of the cache: its
 * next read goes to the driver. */
static int small_uncached(const char *path, uint32_t seed, char *small)
{
	char big[64];
	int fd, i;

	for (i = 0; i < SMALL; i++)
		small[i] = (char)pat((uint32_t)i, seed);
	T_TRUE((fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644)) >= 0);
	T_EQ(write(fd, small, SMALL), SMALL);
	T_EQ(fsync(fd), 0);
	T_EQ(close(fd), 0);
	snprintf(big, sizeof(big), "%s-big", path);
	return write_big(big, seed + 2);
}

/* path read back: exactly small's bytes; then both files removed. */
static int small_back(const char *path, const char *small)
{
	char big[64];
	int fd;

	memset(buf, 0, SMALL);
	T_TRUE((fd = open(path, O_RDONLY)) >= 0);
	T_EQ(read(fd, buf, PIECE), SMALL);
	T_EQ(close(fd), 0);
	T_EQ(memcmp(buf, small, SMALL), 0);
	snprintf(big, sizeof(big), "%s-big", path);
	T_EQ(unlink(path), 0);
	T_EQ(unlink(big), 0);
	return 0;
}

/* The kcall seed that flips, in memory's next copy, the bit of the file
 * system's block size in the count (sel mod 5 = 4, the 5th of a
 * safecopy's 5 arguments), and the value it gives; 0, or 1 (a test
 * failure) for another block size. */
static int bsize_seed(int *seed, unsigned *value)
{
	struct statvfs sv;
	int sel, bit;

	T_EQ(statvfs("/tmp", &sv), 0);
	switch (sv.f_bsize) {
	case 1024: *seed = 32, sel = 74, bit = 10; break;
	case 2048: *seed = 210, sel = 94, bit = 11; break;
	case 4096: *seed = 71, sel = 199, bit = 12; break;
	default: T_FAIL("block size %lu", (unsigned long)sv.f_bsize);
	}
	*value = (unsigned)sel << 8 | (unsigned)bit;
	return 0;
}

/* A driver that answers a read as done without doing it: the seed flips
 * the bit of the block size in the 5th argument of memory's next copy,
 * the byte count, which becomes 0; the kernel copies nothing and
 * says OK, and the driver answers the whole block.  The next request is
 * a one-block BDEV_READ (the small file's inode, directory or data
 * block: the 4 MiB file pushed them all out of the cache), whose buffer
 * still holds ext2's poison: ext2 has RS restart the driver and reads
 * again.  The file reads back exactly. */
int test_fsdrv_lying_read(void)
{
	char small[SMALL];
	unsigned value;
	int n0, seed, r;

	if ((r = memory_root("fsdrv_lying_read")) <= 0)
		return r < 0;
	if (bsize_seed(&seed, &value) != 0)
		return 1;
	if (small_uncached("/tmp/drv-lie", 17, small) != 0)
		return 1;
	T_TRUE((n0 = restarts()) >= 0);
	if (fi_kcall(drv, seed, value) != 0 ||
	    small_back("/tmp/drv-lie", small) != 0)
		return 1;
	T_EQ(restarts(), n0 + 1);
	return 0;
}

/* A driver that answers a write as done without taking it: the same
 * fault, armed before an fsync.  ext2's write-back goes in block order,
 * the first a one-block BDEV_WRITE (a bitmap or the inode table) whose
 * copy moves nothing; the driver answers for the whole block.  ext2 reads
 * the grant's count (cpf_moved: 0), has RS restart the driver and writes
 * again.  Once the file is out of the cache, it reads back exactly. */
int test_fsdrv_unmoved_fswrite(void)
{
	char small[SMALL];
	unsigned value;
	int fd, i, n0, seed, r;

	if ((r = memory_root("fsdrv_unmoved_fswrite")) <= 0)
		return r < 0;
	if (bsize_seed(&seed, &value) != 0)
		return 1;
	for (i = 0; i < SMALL; i++)
		small[i] = (char)pat((uint32_t)i, 29);
	T_TRUE((n0 = restarts()) >= 0);
	T_TRUE((fd = open("/tmp/drv-skip", O_WRONLY | O_CREAT | O_TRUNC, 0644)) >= 0);
	T_EQ(write(fd, small, SMALL), SMALL);
	if (fi_kcall(drv, seed, value) != 0)
		return 1;
	T_EQ(fsync(fd), 0);
	T_EQ(close(fd), 0);
	T_EQ(restarts(), n0 + 1);
	if (write_big("/tmp/drv-skip-big", 31) != 0)
		return 1;
	return small_back("/tmp/drv-skip", small);
}

/* A driver that loses a request and lives on (`service fi DRIVER -type
 * drop`: its next request is taken and never answered, its heartbeats go
 * on).  ext2 waits for the answer in the kernel (SENDREC); RS, which
 * watches the file systems waiting for a driver (FS_REPLY_TIMEOUT, 5 s,
 * docs/vfs.md), restarts the driver, and ext2 asks the new instance: the
 * reader gets every byte, about 5 s later, and RS counts one restart. */
int test_fsdrv_lost_request(void)
{
	char out[256], small[SMALL];
	char *argv[] = { "/bin/service", "fi", drv, "-type", "drop", NULL };
	time_t t0;
	int n0;

	T_EQ(root_driver(), 0);
	if (small_uncached("/tmp/drv-lost", 23, small) != 0)
		return 1;
	T_TRUE((n0 = restarts()) >= 0);
	T_EQ(tu_capture(argv, NULL, 1, out, sizeof(out)), 0);
	T_TRUE(strstr(out, " drop ") != NULL);
	t0 = time(NULL);
	if (small_back("/tmp/drv-lost", small) != 0)
		return 1;
	T_TRUE(time(NULL) - t0 >= 4 && time(NULL) - t0 <= 10);
	T_EQ(restarts(), n0 + 1);
	return 0;
}

/* A fill cut short: seed 71 (sel 199: the 4th of the 4 arguments of a
 * safememset, its count) flips bit 12 of the count of memory's next
 * fill, a 12 KiB read of /dev/zero, so the kernel sets 8 KiB.  Its reply
 * says so, and the driver answers for that (sys_safememset_done): the
 * reader gets a short read of 8 KiB of zeros, not 4 KiB of its own old
 * bytes counted as zeros.  The driver lives on; the next read is whole,
 * and the bytes around the buffer are never touched. */
int test_fsdrv_short_fill(void)
{
	static uint8_t zb[3 * 4096 + 2];
	size_t i;
	int fd;

	memset(zb, 0x55, sizeof(zb));
	T_TRUE((fd = open("/dev/zero", O_RDONLY)) >= 0);
	if (fi_kcall("memory", 71, 199u << 8 | 12) != 0)
		return 1;
	T_EQ(read(fd, zb + 1, 3 * 4096), 2 * 4096);
	for (i = 1; i <= 2 * 4096; i++)
		T_EQ(zb[i], 0);
	T_EQ(zb[2 * 4096 + 1], 0x55);	/* past the 8 KiB the kernel set */
	T_EQ(read(fd, zb + 1, 3 * 4096), 3 * 4096);
	for (i = 1; i <= 3 * 4096; i++)
		T_EQ(zb[i], 0);
	T_EQ(zb[0], 0x55);
	T_EQ(zb[sizeof(zb) - 1], 0x55);
	T_EQ(close(fd), 0);
	return 0;
}

/* A write the driver answers for but never takes: seed 597 (sel 164: the
 * 5th of the 5 arguments of a safecopy, its count) flips bit 9 of the
 * count of memory's next copy, that of a 512-byte write to the block
 * device /dev/ram2, so the kernel copies nothing, and the driver answers
 * for 512 bytes.  VFS reads the grant's count (cpf_moved: 0): the writer
 * gets EIO, not a success for bytes never stored, and RS restarts the
 * driver (a fresh /dev/ram2, zeros). */
int test_fsdrv_unmoved_write(void)
{
	static uint8_t sec[512 + 2];
	int fd, n0, i;

	T_TRUE((n0 = restarts_of("memory")) >= 0);
	memset(sec, 0x6b, sizeof(sec));
	T_TRUE((fd = open("/dev/ram2", O_RDWR)) >= 0);
	if (fi_kcall("memory", 597, 164u << 8 | 9) != 0)
		return 1;
	T_ERR(write(fd, sec + 1, 512), EIO);
	T_ERR(write(fd, sec + 1, 512), EIO);	/* its driver is gone */
	T_EQ(close(fd), 0);
	for (i = 0; i < 500 && restarts_of("memory") != n0 + 1; i++)
		usleep(10000);
	T_EQ(restarts_of("memory"), n0 + 1);
	T_TRUE((fd = open("/dev/ram2", O_RDONLY)) >= 0);
	T_EQ(read(fd, sec + 1, 512), 512);
	for (i = 1; i <= 512; i++)
		T_EQ(sec[i], 0);
	T_EQ(sec[0], 0x6b);
	T_EQ(sec[513], 0x6b);
	T_EQ(close(fd), 0);
	return 0;
}
