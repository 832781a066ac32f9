/* t_oracle.c - /bin/tests oracle-write, oracle-check and powercut: the
 * guest half of the storage oracles (tools/storage-oracle.sh).  The host
 * then checks the disk image with e2fsck and reads the files back with
 * debugfs, or boots again and runs oracle-check.
 *
 * Contents are a pattern the host computes the same way:
 * byte i of a file with seed s is (i * 131 + i / 4096 + s * 17) & 255.
 *
 * oracle-write DIR  makes in DIR (which must not exist):
 *   f0 f1 f1023 f4096 f1m f20m   files of those sizes, seed = size & 255
 *   sparse     4 KiB at 5 MiB and 1 byte at 12 MiB, holes elsewhere (seed 9)
 *   fast -> f1m                  a symlink kept in the inode
 *   slow -> a 100-byte path       a symlink with a data block
 *   hard                         a hard link to f4096 (2 links)
 *   renamed/sub/f                (seed 5, 3000 B), made as dir0/sub/f and
 *                                renamed dir0 -> renamed
 * then syncs and prints "oracle-write: done".
 * oracle-check DIR   reads all of that back and prints "oracle-check: ok"
 *   or the first difference.
 * powercut DIR N     writes pc0 .. pcN-1 (64 KiB each, seed k), fsyncing
 *   each and printing "synced k" after its fsync returned, then rewrites
 *   scratch files without syncing until it is killed (saying "unsynced k"
 *   after each of the first three).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

static unsigned char pat(size_t i, unsigned seed)
{
	return (unsigned char)((i * 131 + i / 4096 + seed * 17) & 255);
}

static int fail(const char *what, const char *path)
{
	printf("oracle: %s %s: %s\n", what, path, strerror(errno));
	return 1;
}

static char buf[64 * 1024];

/* Write len bytes of pattern seed at offset off of fd. */
static int put(int fd, off_t off, size_t len, unsigned seed, size_t pat_off)
{
	size_t done = 0, n, i;

	if (lseek(fd, off, SEEK_SET) != off)
		return -1;
	while (done < len) {
		n = len - done < sizeof(buf) ? len - done : sizeof(buf);
		for (i = 0; i < n; i++)
			buf[i] = (char)pat(pat_off + done + i, seed);
		if (write(fd, buf, n) != (ssize_t)n)
			return -1;
		done += n;
	}
	return 0;
}

static int make_file(const char *dir, const char *name, size_t len, unsigned seed)
{
	char path[256];
	int fd;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	if ((fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0644)) < 0)
		return fail("create", path);
	if (put(fd, 0, len, seed, 0) != 0 || close(fd) != 0)
		return fail("write", path);
	return 0;
}

/* Compare len bytes at off of path with the pattern (or zeros if seed <
 * 0); 0 if equal. */
static int same(const char *path, off_t off, size_t len, int seed)
{
	size_t done = 0, n, i;
	int fd;

	if ((fd = open(path, O_RDONLY)) < 0)
		return fail("open", path);
	if (lseek(fd, off, SEEK_SET) != off)
		return fail("seek", path);
	while (done < len) {
		n = len - done < sizeof(buf) ? len - done : sizeof(buf);
		if (read(fd, buf, n) != (ssize_t)n) {
			close(fd);
			return fail("short read", path);
		}
		for (i = 0; i < n; i++)
			if ((unsigned char)buf[i] != (seed < 0 ? 0 : pat(done + i, (unsigned)seed))) {
				printf("oracle: %s differs at byte %lu\n", path,
				    (unsigned long)(off + done + i));
				close(fd);
				return 1;
			}
		done += n;
	}
	close(fd);
	return 0;
}

static const struct { const char *name; size_t len; } files[] = {
	{ "f0", 0 }, { "f1", 1 }, { "f1023", 1023 }, { "f4096", 4096 },
	{ "f1m", 1 << 20 }, { "f20m", 20 << 20 },
};
#define NFILES (sizeof(files) / sizeof(files[0]))
#define SLOW_TARGET "this/is/a/slow/symlink/target/longer/than/sixty/bytes/so/it/needs/a/block/of/its/own/x"

static int oracle_write(const char *dir)
{
	char p[256], q[256];
	size_t i;
	int fd;

	if (mkdir(dir, 0755) != 0)
		return fail("mkdir", dir);
	for (i = 0; i < NFILES; i++)
		if (make_file(dir, files[i].name, files[i].len, (unsigned)(files[i].len & 255)))
			return 1;
	snprintf(p, sizeof(p), "%s/sparse", dir);
	if ((fd = open(p, O_WRONLY | O_CREAT, 0644)) < 0 ||
	    put(fd, 5 << 20, 4096, 9, 0) != 0 || put(fd, 12 << 20, 1, 9, 4096) != 0 ||
	    close(fd) != 0)
		return fail("sparse", p);
	snprintf(p, sizeof(p), "%s/fast", dir);
	if (symlink("f1m", p) != 0)
		return fail("symlink", p);
	snprintf(p, sizeof(p), "%s/slow", dir);
	if (symlink(SLOW_TARGET, p) != 0)
		return fail("symlink", p);
	snprintf(p, sizeof(p), "%s/f4096", dir);
	snprintf(q, sizeof(q), "%s/hard", dir);
	if (link(p, q) != 0)
		return fail("link", q);
	snprintf(p, sizeof(p), "%s/dir0", dir);
	snprintf(q, sizeof(q), "%s/dir0/sub", dir);
	if (mkdir(p, 0755) != 0 || mkdir(q, 0755) != 0)
		return fail("mkdir", q);
	if (make_file(q, "f", 3000, 5))
		return 1;
	snprintf(q, sizeof(q), "%s/renamed", dir);
	if (rename(p, q) != 0)
		return fail("rename", p);
	sync();
	printf("oracle-write: done\n");
	return 0;
}

static int oracle_check(const char *dir)
{
	char p[256], t[256];
	struct stat st;
	size_t i;
	ssize_t n;

	for (i = 0; i < NFILES; i++) {
		snprintf(p, sizeof(p), "%s/%s", dir, files[i].name);
		if (stat(p, &st) != 0 || (size_t)st.st_size != files[i].len) {
			printf("oracle: %s: size %ld, want %lu\n", p, (long)st.st_size,
			    (unsigned long)files[i].len);
			return 1;
		}
		if (same(p, 0, files[i].len, (int)(files[i].len & 255)))
			return 1;
	}
	snprintf(p, sizeof(p), "%s/sparse", dir);
	if (stat(p, &st) != 0 || st.st_size != (12 << 20) + 1 ||
	    same(p, 0, 5 << 20, -1) || same(p, 5 << 20, 4096, 9) ||
	    same(p, (5 << 20) + 4096, (7 << 20) - 4096, -1)) {
		printf("oracle: %s wrong\n", p);
		return 1;
	}
	snprintf(p, sizeof(p), "%s/fast", dir);
	if ((n = readlink(p, t, sizeof(t) - 1)) != 3 || memcmp(t, "f1m", 3) != 0)
		return fail("readlink", p);
	snprintf(p, sizeof(p), "%s/slow", dir);
	if ((n = readlink(p, t, sizeof(t) - 1)) != (ssize_t)strlen(SLOW_TARGET) ||
	    memcmp(t, SLOW_TARGET, (size_t)n) != 0)
		return fail("readlink", p);
	snprintf(p, sizeof(p), "%s/hard", dir);
	if (stat(p, &st) != 0 || st.st_nlink != 2 || same(p, 0, 4096, 4096 & 255))
		return fail("hard link", p);
	snprintf(p, sizeof(p), "%s/renamed/sub/f", dir);
	if (same(p, 0, 3000, 5))
		return 1;
	printf("oracle-check: ok\n");
	return 0;
}

static int powercut(const char *dir, int n)
{
	char p[256];
	int k, fd;

	if (mkdir(dir, 0755) != 0)
		return fail("mkdir", dir);
	for (k = 0; k < n; k++) {
		snprintf(p, sizeof(p), "%s/pc%d", dir, k);
		if ((fd = open(p, O_WRONLY | O_CREAT | O_TRUNC, 0644)) < 0 ||
		    put(fd, 0, sizeof(buf), (unsigned)k, 0) != 0 || fsync(fd) != 0 ||
		    close(fd) != 0)
			return fail("write", p);
		printf("synced %d\n", k);
		fflush(stdout);
	}
	for (k = 0; ; k++) {		/* until the power goes */
		snprintf(p, sizeof(p), "%s/scratch%d", dir, k % 8);
		if ((fd = open(p, O_WRONLY | O_CREAT | O_TRUNC, 0644)) < 0 ||
		    put(fd, 0, sizeof(buf), (unsigned)k, 0) != 0 || close(fd) != 0)
			return fail("write", p);
		if (k < 3) {		/* the host cuts the power after the third */
			printf("unsynced %d\n", k);
			fflush(stdout);
		}
	}
}

/* /bin/tests MODE ARGS: 0 on success. */
int oracle_main(int argc, char **argv)
{
	if (argc == 3 && strcmp(argv[1], "oracle-write") == 0)
		return oracle_write(argv[2]);
	if (argc == 3 && strcmp(argv[1], "oracle-check") == 0)
		return oracle_check(argv[2]);
	if (argc == 4 && strcmp(argv[1], "powercut") == 0)
		return powercut(argv[2], atoi(argv[3]));
	fprintf(stderr, "usage: tests [sched | oracle-write DIR | oracle-check DIR | powercut DIR N]\n");
	return 2;
}
