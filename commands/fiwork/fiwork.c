/* fiwork.c - the guest half of the fault-injection campaign (tools/fi.py,
 * docs/fault-injection.md): a workload whose every byte the host can
 * predict, run after each injected fault.
 *
 *	fiwork cold DIR N      write DIR/c0 .. c(N-1), 256 KiB each (seed 100+k)
 *	fiwork blk DIR SEED    files through ext2 and the disk driver
 *	fiwork mem SEED        /dev/zero, /dev/null and the RAM disk /dev/ram2
 *	fiwork tty SEED        known lines out through the console
 *
 * blk writes DIR/w0 .. w2 (1 KiB, 12 KiB, 100 KiB of pattern SEED*3+k),
 * fsyncs each (the driver writes them), reads them back, then reads one
 * cold file (SEED mod the number of cold files), written at boot: the
 * cold files are more than the 2 MiB block cache and read in turn, so
 * that one has left the cache and comes from the driver.  mem reads 64
 * KiB of zeros, writes 64 KiB to /dev/null, and writes and reads back 64
 * KiB of /dev/ram2 (the memory driver's block path, no cache between).
 * tty prints 8 lines "fw tty SEED K <60 pattern characters>".
 *
 * A pattern byte i of seed s is (i * 131 + i / 4096 + s * 17) & 255, as
 * in tests/user/t_oracle.c.  After each operation it prints "fw N ok"
 * (the host times recovery with these); at the end "fiwork: ok" and
 * status 0, or "fiwork: error OP PATH: REASON" and status 1 (a call
 * failed), or "fiwork: corrupt PATH at OFFSET" and status 2 (bytes read
 * back are not the bytes written).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#define COLD_SIZE (256 * 1024)
#define CHUNK (64 * 1024)

static char buf[CHUNK], want[CHUNK];
static int ops;

static unsigned char pat(size_t i, unsigned seed)
{
	return (unsigned char)((i * 131 + i / 4096 + seed * 17) & 255);
}

static void fill(char *b, size_t n, size_t off, unsigned seed)
{
	size_t i;

	for (i = 0; i < n; i++)
		b[i] = (char)pat(off + i, seed);
}

static int error(const char *op, const char *path)
{
	printf("fiwork: error %s %s: %s\n", op, path, strerror(errno));
	return 1;
}

static void done_op(void)
{
	printf("fw %d ok\n", ++ops);
}

/* Write size bytes of pattern seed to path (fsync: to the disk). */
static int put(const char *path, size_t size, unsigned seed, int sync)
{
	size_t off, n;
	int fd;

	if ((fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644)) < 0)
		return error("open", path);
	for (off = 0; off < size; off += n) {
		n = size - off < CHUNK ? size - off : CHUNK;
		fill(buf, n, off, seed);
		if (write(fd, buf, n) != (ssize_t)n) {
			close(fd);
			return error("write", path);
		}
	}
	if (sync && fsync(fd) < 0) {
		close(fd);
		return error("fsync", path);
	}
	if (close(fd) < 0)
		return error("close", path);
	done_op();
	return 0;
}

/* Read path back: size bytes of pattern seed, nothing more. */
static int check(const char *path, size_t size, unsigned seed)
{
	size_t off = 0, i;
	ssize_t n;
	int fd;

	if ((fd = open(path, O_RDONLY)) < 0)
		return error("open", path);
	while ((n = read(fd, buf, CHUNK)) > 0) {
		fill(want, (size_t)n, off, seed);
		for (i = 0; i < (size_t)n; i++)
			if (off + i >= size || buf[i] != want[i]) {
				printf("fiwork: corrupt %s at %u\n", path, (unsigned)(off + i));
				close(fd);
				return 2;
			}
		off += (size_t)n;
	}
	if (n < 0) {
		close(fd);
		return error("read", path);
	}
	close(fd);
	if (off != size) {
		printf("fiwork: corrupt %s at %u (short: %u bytes)\n", path,
		    (unsigned)off, (unsigned)size);
		return 2;
	}
	done_op();
	return 0;
}

static int cold(const char *dir, int n)
{
	char path[128];
	int k, r;

	if (mkdir(dir, 0755) < 0 && errno != EEXIST)
		return error("mkdir", dir);
	for (k = 0; k < n; k++) {
		snprintf(path, sizeof(path), "%s/c%d", dir, k);
		if ((r = put(path, COLD_SIZE, 100 + k, 0)) != 0)
			return r;
	}
	sync();
	return 0;
}

static int count_cold(const char *dir)
{
	char path[128];
	struct stat st;
	int n = 0;

	for (;;) {
		snprintf(path, sizeof(path), "%s/c%d", dir, n);
		if (stat(path, &st) < 0)
			return n;
		n++;
	}
}

static int blk(const char *dir, unsigned seed)
{
	static const size_t sizes[3] = { 1024, 12 * 1024, 100 * 1024 };
	char path[128];
	int k, r, n;

	if (mkdir(dir, 0755) < 0 && errno != EEXIST)
		return error("mkdir", dir);
	for (k = 0; k < 3; k++) {
		snprintf(path, sizeof(path), "%s/w%d", dir, k);
		if ((r = put(path, sizes[k], seed * 3 + k, 1)) != 0)
			return r;
	}
	for (k = 0; k < 3; k++) {
		snprintf(path, sizeof(path), "%s/w%d", dir, k);
		if ((r = check(path, sizes[k], seed * 3 + k)) != 0)
			return r;
	}
	if ((n = count_cold(dir)) > 0) {
		k = (int)(seed % (unsigned)n);
		snprintf(path, sizeof(path), "%s/c%d", dir, k);
		if ((r = check(path, COLD_SIZE, 100 + k)) != 0)
			return r;
	}
	return 0;
}

/* n bytes from fd, all of them. */
static int readall(int fd, char *b, size_t n)
{
	size_t got = 0;
	ssize_t r;

	while (got < n) {
		if ((r = read(fd, b + got, n - got)) <= 0)
			return -1;
		got += (size_t)r;
	}
	return 0;
}

static int mem(unsigned seed)
{
	const char *ram = "/dev/ram2";
	off_t off = (off_t)(seed % 32) * CHUNK;
	size_t i;
	int fd;

	if ((fd = open("/dev/zero", O_RDONLY)) < 0)
		return error("open", "/dev/zero");
	memset(buf, 0x55, CHUNK);
	if (readall(fd, buf, CHUNK) < 0) {
		close(fd);
		return error("read", "/dev/zero");
	}
	close(fd);
	for (i = 0; i < CHUNK; i++)
		if (buf[i] != 0) {
			printf("fiwork: corrupt /dev/zero at %u\n", (unsigned)i);
			return 2;
		}
	done_op();
	if ((fd = open("/dev/null", O_WRONLY)) < 0)
		return error("open", "/dev/null");
	if (write(fd, buf, CHUNK) != CHUNK) {
		close(fd);
		return error("write", "/dev/null");
	}
	close(fd);
	done_op();
	if ((fd = open(ram, O_RDWR)) < 0)
		return error("open", ram);
	fill(want, CHUNK, (size_t)off, seed);
	if (lseek(fd, off, SEEK_SET) != off || write(fd, want, CHUNK) != CHUNK) {
		close(fd);
		return error("write", ram);
	}
	done_op();
	memset(buf, 0, CHUNK);
	if (lseek(fd, off, SEEK_SET) != off || readall(fd, buf, CHUNK) < 0) {
		close(fd);
		return error("read", ram);
	}
	close(fd);
	for (i = 0; i < CHUNK; i++)
		if (buf[i] != want[i]) {
			printf("fiwork: corrupt %s at %u\n", ram, (unsigned)(off + i));
			return 2;
		}
	done_op();
	return 0;
}

/* Printable pattern characters: 'a' + byte mod 26. */
static int tty(unsigned seed)
{
	char line[61];
	int k, i;

	for (k = 0; k < 8; k++) {
		for (i = 0; i < 60; i++)
			line[i] = (char)('a' + pat((size_t)(k * 60 + i), seed) % 26);
		line[60] = '\0';
		if (printf("fw tty %u %d %s\n", seed, k, line) < 0 || fflush(stdout) != 0)
			return error("write", "stdout");
	}
	done_op();
	return 0;
}

static void usage(void)
{
	fprintf(stderr, "usage: fiwork cold DIR N | blk DIR SEED | mem SEED | tty SEED\n");
	exit(2);
}

static unsigned num(const char *s)
{
	char *end;
	unsigned long v = strtoul(s, &end, 0);

	if (*s == '\0' || *end != '\0') {
		fprintf(stderr, "fiwork: bad number '%s'\n", s);
		exit(2);
	}
	return (unsigned)v;
}

int main(int argc, char **argv)
{
	int r;

	setvbuf(stdout, NULL, _IOLBF, 0);
	if (argc == 4 && strcmp(argv[1], "cold") == 0)
		r = cold(argv[2], (int)num(argv[3]));
	else if (argc == 4 && strcmp(argv[1], "blk") == 0)
		r = blk(argv[2], num(argv[3]));
	else if (argc == 3 && strcmp(argv[1], "mem") == 0)
		r = mem(num(argv[2]));
	else if (argc == 3 && strcmp(argv[1], "tty") == 0)
		r = tty(num(argv[2]));
	else
		usage();
	if (r == 0)
		printf("fiwork: ok\n");
	return r;
}
