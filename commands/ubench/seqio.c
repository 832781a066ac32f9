/* seqio.c - sequential file I/O through ext2 on the real disk drivers
 * (issue 9's performance item), one of ubench's benchmark files: ours
 * only, the Linux peer does not build it.
 *
 * For each of virtio_blk:0 and at_wini:0 (scratch ext2 images, 4 KiB
 * blocks, made fresh by tools/bench.sh and attached by the host), SEQ_N
 * times:
 *
 *	seq_DISK_write_cold	create a 16 MiB file in 64 KiB write()s and
 *				fsync() it: every byte goes to the disk
 *	(umount, mount: the file system process and its cache are new)
 *	seq_DISK_read_cold	read it in 64 KiB read()s: all from the disk
 *	seq_DISK_read_warm	16 MiB of 64 KiB read()s from the cache
 *	seq_DISK_write_warm	16 MiB of 64 KiB write()s into the cache,
 *				no fsync
 *
 * each the whole operation's cost (open to close).  The cache holds
 * 2 MiB (512 buffers of 4 KiB), so no 16 MiB file fits in it: the warm
 * figures go over the file's last SEQ_WARM bytes (cached by one untimed
 * pass) 16 MiB / SEQ_WARM times, the same 16 MiB of copies between the
 * cache and the user's buffer.  memcpy_16m is the yardstick: 16 memcpys
 * of 1 MiB (the heap holds no two 16 MiB buffers; in instructions a
 * 16 MiB memcpy is the same).  Every 64 KiB carries its index in its
 * first word, checked after each read (a few instructions a call).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mount.h>
#include <sys/stat.h>

#define MIB		(1024 * 1024)
#define SEQ_SIZE	(16 * MIB)	/* the file */
#define SEQ_IO		(64 * 1024)	/* one read() or write() */
#define SEQ_WARM	MIB		/* the cached part of the warm runs */
#define SEQ_N		3		/* repetitions */
#define SEQ_DIR		"/mnt"
#define SEQ_PATH	"/mnt/seq16m"

void ubench_report(const char *name, uint64_t *s, int n);
uint64_t ubench_rdtsc(void);
void seqio_bench(uint8_t *buf, uint8_t *src);

static uint64_t seq_samples[4][SEQ_N];

static void seq_fail(const char *what)
{
	printf("ubench: %s: %s\n", what, strerror(errno));
	fflush(stdout);
	exit(1);
}

static int seq_open(int flags)
{
	int fd;

	if ((fd = open(SEQ_PATH, flags, 0644)) < 0)
		seq_fail("open " SEQ_PATH);
	return fd;
}

/* len bytes from offset off in SEQ_IO writes of src, chunk index first. */
static void seq_write(int fd, uint8_t *src, off_t off, size_t len)
{
	uint32_t k;

	if (lseek(fd, off, SEEK_SET) != off)
		seq_fail("lseek");
	for (k = 0; k < len / SEQ_IO; k++) {
		*(uint32_t *)src = (uint32_t)(off / SEQ_IO) + k;
		if (write(fd, src, SEQ_IO) != SEQ_IO)
			seq_fail("write " SEQ_PATH);
	}
}

/* len bytes from offset off in SEQ_IO reads into buf, checked. */
static void seq_read(int fd, uint8_t *buf, off_t off, size_t len)
{
	uint32_t k;

	if (lseek(fd, off, SEEK_SET) != off)
		seq_fail("lseek");
	for (k = 0; k < len / SEQ_IO; k++) {
		if (read(fd, buf, SEQ_IO) != SEQ_IO)
			seq_fail("read " SEQ_PATH);
		if (*(uint32_t *)buf != (uint32_t)(off / SEQ_IO) + k) {
			printf("ubench: %s: 64 KiB piece %u holds %u\n", SEQ_PATH,
			    (unsigned)(off / SEQ_IO + k), *(unsigned *)buf);
			exit(1);
		}
	}
}

/* One round on the mounted disk dev: the four samples i. */
static void seq_round(const char *dev, uint8_t *buf, uint8_t *src, int i)
{
	uint64_t t0;
	int fd, k;

	if (unlink(SEQ_PATH) < 0 && errno != ENOENT)
		seq_fail("unlink " SEQ_PATH);
	t0 = ubench_rdtsc();
	fd = seq_open(O_WRONLY | O_CREAT | O_TRUNC);
	seq_write(fd, src, 0, SEQ_SIZE);
	if (fsync(fd) < 0)
		seq_fail("fsync");
	close(fd);
	seq_samples[0][i] = ubench_rdtsc() - t0;

	if (umount(SEQ_DIR) < 0)
		seq_fail("umount");
	if (mount(dev, SEQ_DIR, 0, NULL) < 0)
		seq_fail(dev);

	t0 = ubench_rdtsc();
	fd = seq_open(O_RDONLY);
	seq_read(fd, buf, 0, SEQ_SIZE);
	close(fd);
	seq_samples[1][i] = ubench_rdtsc() - t0;

	fd = seq_open(O_RDWR);
	seq_read(fd, buf, SEQ_SIZE - SEQ_WARM, SEQ_WARM);
	t0 = ubench_rdtsc();
	for (k = 0; k < SEQ_SIZE / SEQ_WARM; k++)
		seq_read(fd, buf, SEQ_SIZE - SEQ_WARM, SEQ_WARM);
	seq_samples[2][i] = ubench_rdtsc() - t0;

	t0 = ubench_rdtsc();
	for (k = 0; k < SEQ_SIZE / SEQ_WARM; k++)
		seq_write(fd, src, SEQ_SIZE - SEQ_WARM, SEQ_WARM);
	seq_samples[3][i] = ubench_rdtsc() - t0;
	if (fsync(fd) < 0)
		seq_fail("fsync");
	close(fd);
}

static void seq_disk(const char *tag, const char *dev, uint8_t *buf,
	uint8_t *src)
{
	static const char *what[4] = {
		"write_cold", "read_cold", "read_warm", "write_warm"
	};
	char name[40];
	int i;

	if (mount(dev, SEQ_DIR, 0, NULL) < 0)
		seq_fail(dev);
	for (i = 0; i < SEQ_N; i++)
		seq_round(dev, buf, src, i);
	if (unlink(SEQ_PATH) < 0)
		seq_fail("unlink " SEQ_PATH);
	if (umount(SEQ_DIR) < 0)
		seq_fail("umount");
	for (i = 0; i < 4; i++) {
		snprintf(name, sizeof(name), "seq_%s_%s", tag, what[i]);
		ubench_report(name, seq_samples[i], SEQ_N);
	}
}

/* buf and src: 1 MiB each, page aligned. */
void seqio_bench(uint8_t *buf, uint8_t *src)
{
	uint64_t s[SEQ_N], t0;
	int i, k;

	for (i = 0; i < SEQ_N; i++) {
		t0 = ubench_rdtsc();
		for (k = 0; k < SEQ_SIZE / MIB; k++)
			memcpy(buf, src, MIB);
		s[i] = ubench_rdtsc() - t0;
	}
	ubench_report("memcpy_16m", s, SEQ_N);
	if (mkdir(SEQ_DIR, 0755) < 0 && errno != EEXIST)
		seq_fail("mkdir " SEQ_DIR);
	seq_disk("virtio", "virtio_blk:0", buf, src);
	seq_disk("ide", "at_wini:0", buf, src);
}
