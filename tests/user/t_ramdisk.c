/* t_ramdisk.c - /bin/tests: the example block driver
 * (drivers/examples/ramdisk) used as a driver author would: device nodes
 * made with mknod() (major 45: /dev/rd0 the disk, minor 0; /dev/rd0p0
 * and /dev/rd0p3, minors 1 and 4; /dev/rd0p2s1, minor 137, a logical
 * partition), `service up /bin/ramdisk -dev /dev/rd0`, the partition
 * table that sfdisk made on the host (/test/ramdisk.parts, from
 * tests/system/ramdisk.sfdisk) written to /dev/rd0 with write(); then
 * ioctl(DIOCGETP) of the nodes, exact; writes and reads through
 * /dev/rd0p0 inside it, at its end (0 bytes), past it and across it (cut
 * short, MINIX's) with exact results, and
 * the disk around it read through /dev/rd0; `service fi ramdisk`: it
 * crashes at its next request and comes back with an empty disk (its
 * data was its own memory); `service down`: ENXIO.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/ioc_disk.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>

#include "tu.h"

#define SEC	512
#define MIB	(1ll << 20)

static int svc(const char *a1, const char *a2, const char *a3, const char *a4)
{
	char *argv[] = { "/bin/service", (char *)a1, (char *)a2, (char *)a3,
		(char *)a4, NULL };
	char out[512];
	int st = tu_capture(argv, NULL, 1, out, sizeof(out));

	if (st < 0 || !WIFEXITED(st) || WEXITSTATUS(st) != 0)
		printf("# service %s %s: %s", a1, a2, out);
	return st >= 0 && WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

/* DIOCGETP of node: base and size exactly, 64 heads, 32 sectors. */
static int getp_is(const char *node, long long base, long long size)
{
	struct part_geom pg;
	int fd, r;

	if ((fd = open(node, O_RDONLY)) < 0)
		return 0;
	memset(&pg, 0xee, sizeof(pg));
	r = ioctl(fd, DIOCGETP, &pg);
	close(fd);
	return r == 0 && (long long)pg.base == base && (long long)pg.size == size &&
	    pg.heads == 64 && pg.sectors == 32 &&
	    pg.cylinders == (unsigned)(size / SEC / 2048);
}

/* Write the records of /test/ramdisk.parts (sector number, 512 bytes)
 * to the disk fd: OK or -1. */
static int write_table(int fd)
{
	unsigned char rec[4 + SEC];
	unsigned int n;
	int in = open("/test/ramdisk.parts", O_RDONLY), k = 0;

	if (in < 0)
		return -1;
	while (read(in, rec, sizeof(rec)) == (ssize_t)sizeof(rec)) {
		n = rec[0] | rec[1] << 8 | rec[2] << 16 | (unsigned)rec[3] << 24;
		if (lseek(fd, (off_t)n * SEC, SEEK_SET) != (off_t)n * SEC ||
		    write(fd, rec + 4, SEC) != SEC)
			break;
		k++;
	}
	close(in);
	return k == 3 ? 0 : -1;	/* the MBR and two logical tables */
}

static int all_bytes(const unsigned char *p, size_t n, int v)
{
	while (n--)
		if (*p++ != v)
			return 0;
	return 1;
}

int test_ramdisk_partitions(void)
{
	static unsigned char a[2 * SEC], b[4 * SEC];
	int disk, p0, i;

	T_EQ(mknod("/dev/rd0", S_IFBLK | 0600, makedev(45, 0)), 0);
	T_EQ(mknod("/dev/rd0p0", S_IFBLK | 0600, makedev(45, 1)), 0);
	T_EQ(mknod("/dev/rd0p3", S_IFBLK | 0600, makedev(45, 4)), 0);
	T_EQ(mknod("/dev/rd0p2s1", S_IFBLK | 0600, makedev(45, 137)), 0);
	T_ERR(open("/dev/rd0", O_RDWR), ENXIO);		/* no driver for 45 */
	T_EQ(svc("up", "/bin/ramdisk", "-dev", "/dev/rd0"), 0);
	T_TRUE(getp_is("/dev/rd0", 0, 4 * MIB));
	T_TRUE(getp_is("/dev/rd0p0", 0, 0));		/* no table yet */

	T_TRUE((disk = open("/dev/rd0", O_RDWR)) >= 0);
	T_EQ(write_table(disk), 0);
	T_EQ(close(disk), 0);		/* the next first open reads the table */
	T_TRUE(getp_is("/dev/rd0p0", 1 * MIB, 1 * MIB));
	T_TRUE(getp_is("/dev/rd0p3", 0, 0));
	T_TRUE(getp_is("/dev/rd0p2s1", 6248ll * SEC, 1944ll * SEC));

	/* /dev/rd0p0: its first and last sectors, then past its end. */
	T_TRUE((disk = open("/dev/rd0", O_RDWR)) >= 0);
	T_TRUE((p0 = open("/dev/rd0p0", O_RDWR)) >= 0);
	for (i = 0; i < 2 * SEC; i++)
		a[i] = (unsigned char)(i * 7 + 3);
	T_EQ(write(p0, a, SEC), SEC);
	T_EQ(lseek(p0, MIB - SEC, SEEK_SET), MIB - SEC);
	T_EQ(write(p0, a + SEC, SEC), SEC);
	/* At its end the driver moves 0 bytes (MINIX's): a read is at the
	 * end of file, a write has no room. */
	T_ERR(write(p0, a, SEC), ENOSPC);
	memset(b, 0xee, sizeof(b));
	T_EQ(read(p0, b, SEC), 0);
	T_EQ(lseek(p0, 0, SEEK_CUR), MIB);
	T_EQ(lseek(p0, MIB + 8 * SEC, SEEK_SET), MIB + 8 * SEC);
	T_EQ(read(p0, b, SEC), 0);			/* past it */
	T_TRUE(all_bytes(b, sizeof(b), 0xee));
	/* Across it: cut short at the end. */
	T_EQ(lseek(p0, MIB - SEC, SEEK_SET), MIB - SEC);
	T_EQ(write(p0, a, 2 * SEC), SEC);		/* a's first sector */
	T_EQ(lseek(p0, MIB - SEC, SEEK_SET), MIB - SEC);
	T_EQ(read(p0, b, 2 * SEC), SEC);
	T_EQ(memcmp(b, a, SEC), 0);
	T_TRUE(all_bytes(b + SEC, 3 * SEC, 0xee));
	T_EQ(lseek(p0, 0, SEEK_CUR), MIB);
	T_EQ(lseek(p0, MIB - SEC, SEEK_SET), MIB - SEC);
	T_EQ(write(p0, a + SEC, SEC), SEC);		/* as it was */
	T_EQ(lseek(p0, MIB - SEC, SEEK_SET), MIB - SEC);
	T_ERR(write(p0, a, 100), EINVAL);		/* not a whole sector */
	memset(b, 0xee, sizeof(b));
	T_EQ(read(p0, b, SEC), SEC);
	T_EQ(memcmp(b, a + SEC, SEC), 0);
	T_TRUE(all_bytes(b + SEC, 3 * SEC, 0xee));
	/* The disk: the partition's ends at 1 MiB and 2 MiB, nothing
	 * around them. */
	T_EQ(lseek(disk, MIB - SEC, SEEK_SET), MIB - SEC);
	T_EQ(read(disk, b, 2 * SEC), 2 * SEC);
	T_TRUE(all_bytes(b, SEC, 0));
	T_EQ(memcmp(b + SEC, a, SEC), 0);
	T_EQ(lseek(disk, 2 * MIB - SEC, SEEK_SET), 2 * MIB - SEC);
	T_EQ(read(disk, b, 2 * SEC), 2 * SEC);
	T_EQ(memcmp(b, a + SEC, SEC), 0);
	T_TRUE(all_bytes(b + SEC, SEC, 0));
	T_EQ(close(p0), 0);
	T_EQ(close(disk), 0);

	/* A crash: the driver comes back with an empty disk. */
	T_EQ(svc("fi", "ramdisk", NULL, NULL), 0);
	T_ERR(open("/dev/rd0", O_RDWR), EIO);		/* it crashes at this */
	for (i = 0; i < 100 && !getp_is("/dev/rd0", 0, 4 * MIB); i++)
		usleep(20000);
	T_TRUE(getp_is("/dev/rd0", 0, 4 * MIB));
	T_TRUE((disk = open("/dev/rd0", O_RDONLY)) >= 0);
	T_EQ(read(disk, b, SEC), SEC);
	T_TRUE(all_bytes(b, SEC, 0));			/* no table any more */
	T_EQ(close(disk), 0);
	T_TRUE(getp_is("/dev/rd0p0", 0, 0));
	T_TRUE((p0 = open("/dev/rd0p0", O_RDONLY)) >= 0);
	T_EQ(read(p0, b, SEC), 0);			/* size 0: end of file */
	T_EQ(close(p0), 0);

	T_EQ(svc("down", "ramdisk", NULL, NULL), 0);
	T_ERR(open("/dev/rd0", O_RDWR), ENXIO);
	T_EQ(unlink("/dev/rd0"), 0);
	T_EQ(unlink("/dev/rd0p0"), 0);
	T_EQ(unlink("/dev/rd0p3"), 0);
	T_EQ(unlink("/dev/rd0p2s1"), 0);
	return 0;
}
