/* t_fsdrv.c - /bin/tests, the file system across a restart of its disk
 * driver: `service fi memory` in the middle of a 4 MiB read, and before
 * a 4 MiB write read back; the reader and writer see every byte right
 * and no error (ext2 sends the block request that died again to the
 * driver's new instance, found through DS), and RS counts exactly one
 * more restart of memory each time.  The runner is in tests.c.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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

/* `service ARG memory`; its exit status (0 on success). */
static int service(const char *arg, char *out, size_t max)
{
	char *argv[] = { "/bin/service", (char *)arg, "memory", NULL };
	int st = tu_capture(argv, NULL, 1, out, max);

	return st < 0 ? -1 : (st >> 8) & 255;
}

/* memory's restart count from `service status memory`, or -1. */
static int restarts(void)
{
	char out[512], *nl, *w[4], *save = NULL;
	int i;

	if (service("status", out, sizeof(out)) != 0 || !(nl = strchr(out, '\n')))
		return -1;
	for (i = 0; i < 4; i++)		/* LABEL ENDPOINT PID RESTARTS */
		if (!(w[i] = strtok_r(i ? NULL : nl + 1, " \n", &save)))
			return -1;
	if (strcmp(w[0], "memory") != 0 || strcmp(w[2], "-") != 0)
		return -1;
	return atoi(w[3]);
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
