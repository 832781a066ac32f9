/* ubench.c - user-mode benchmarks of the OS (init's "bench" mode runs it).
 *
 * Each benchmark times one operation many times with rdtsc and prints
 *
 *	bench NAME median=N min=N max=N n=N
 *
 * (rdtsc overhead subtracted), the format of the kernel-level benchmarks
 * in tests/bench, so that tools/bench.sh reads both.  Under QEMU TCG with
 * -icount shift=0 rdtsc counts guest instructions; without icount it
 * follows the emulated clock, and "bench tsc_per_sec=N" (calibrated
 * against gettimeofday) turns it into nanoseconds.
 *
 *	fork_exit_wait		fork, the child _exit(0)s, waitpid
 *	fork_exec_wait_true	fork, the child execs /bin/true, waitpid
 *	getppid			the cheapest system call (PM_GETPID)
 *	pipe_pingpong_1b	one byte there and back between two processes
 *	fork_heap_N		fork + _exit + waitpid with N bytes of heap
 *				touched (0, 256k, 1m, 2m)
 *	memcpy_1m, memcpy_64k	in-guest memcpy (the yardstick)
 *	read_devzero_N		read() of N bytes from /dev/zero (1, 1m)
 *	read_file_N		read() of N bytes of /test/1m from offset 0
 *				(1 B .. 1 MiB), after one untimed warm-up
 *				read of the same size.  Here the ext2 cache
 *				holds a quarter of the 1 MiB file: in LRU
 *				order every block of read_file_1048576
 *				misses (the RAM disk is copied); the smaller
 *				ones are all cache hits.
 *	read_100b_load_N	read() of 100 B of /test/1m from offset 0
 *				(cached) while N processes spin (0, 4, 8,
 *				16): the latency of interactive work under
 *				CPU load (issue 13); max is the worst case
 *	cpu_job_idle		a CPU-bound job of JOB_LOOPS iterations (about
 *				200 ms), run in a fresh child
 *	cpu_job_load_1		the same while one process has been spinning
 *				for 2 s (long enough to sink to the lowest
 *				user queue with quanta up to 250 ms): a job
 *				shorter than 7 quanta stays above it (the
 *				measurement behind the default quantum,
 *				docs/kernel.md)
 *
 * seqio.c (ours only) adds seq_DISK_* and memcpy_16m: 16 MiB files on
 * the virtio and IDE disks tools/bench.sh attaches.
 *
 * The same source is the Linux peer's benchmark program (make bench
 * builds it statically with glibc and -DLINUX_PEER, beside the Linux-only
 * ones in tests/bench/linux/peer.c), so both columns come from one method.
 *
 * fork copies the address space, so the fork benchmarks run first, and
 * the last heap chunk they touch is then the read buffer.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/time.h>
#include <sys/wait.h>

#define MIB		(1024 * 1024)
#define N_FORK		31	/* fork_exit_wait, fork_exec_wait_true */
#define N_CALL		301	/* getppid, pipe_pingpong_1b */
#define N_BIG		21	/* the memcpy and read benchmarks */
#define MAX_SPIN	16	/* read_100b_load_N: spinners at most */
#define N_JOB		3	/* cpu_job_*: samples */
#define JOB_LOOPS	40000000u /* cpu_job_*: about 200 M instructions */
#define CALIB_USEC	200000	/* tsc calibration interval */
#define TRUE_PATH	"/bin/true"
#define ZERO_PATH	"/dev/zero"
#define FILE_PATH	"/test/1m"

static uint64_t samples[N_CALL];

void ubench_report(const char *name, uint64_t *s, int n);
uint64_t ubench_rdtsc(void);
void linux_peer_bench(void);
void seqio_bench(uint8_t *buf, uint8_t *src);
void ttyio_bench(void);
#define report ubench_report
static uint64_t tsc_overhead;
static uint8_t *page_alloc(size_t n);
static uint8_t *buf, *src;	/* page aligned, as in tests/bench */

static inline uint64_t rdtsc64(void)
{
	uint32_t lo, hi;

	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return ((uint64_t)hi << 32) | lo;
}

uint64_t ubench_rdtsc(void)
{
	return rdtsc64();
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

/* Subtract the rdtsc overhead, sort, print the line. */
void ubench_report(const char *name, uint64_t *s, int n)
{
	int i;

	for (i = 0; i < n; i++)
		s[i] = s[i] > tsc_overhead ? s[i] - tsc_overhead : 0;
	qsort(s, (size_t)n, sizeof(*s), cmp_u64);
	printf("bench %s median=%llu min=%llu max=%llu n=%d\n", name,
	    (unsigned long long)s[n / 2], (unsigned long long)s[0],
	    (unsigned long long)s[n - 1], n);
}

static void fail(const char *what)
{
	printf("ubench: %s: %s\n", what, strerror(errno));
	fflush(stdout);
	exit(1);
}

static uint64_t usec_now(void)
{
	struct timeval tv;

	if (gettimeofday(&tv, NULL) < 0)
		fail("gettimeofday");
	return (uint64_t)tv.tv_sec * 1000000 + (uint64_t)tv.tv_usec;
}

/* TSC ticks per second.  PM's time moves in clock ticks, so both ends are
 * taken right at a tick edge: poll until the time changes.
 */
static uint64_t calibrate(void)
{
	uint64_t t0, t1, t, c0, c1;

	t = usec_now();
	while ((t0 = usec_now()) == t)
		;
	c0 = rdtsc64();
	do {
		t1 = usec_now();
	} while (t1 < t0 + CALIB_USEC);
	c1 = rdtsc64();
	return (c1 - c0) * 1000000 / (t1 - t0);
}

static void measure_overhead(void)
{
	int i;

	for (i = 0; i < N_CALL; i++) {
		uint64_t t0 = rdtsc64();
		samples[i] = rdtsc64() - t0;
	}
	tsc_overhead = 0;
	report("rdtsc_overhead", samples, N_CALL);
	tsc_overhead = samples[N_CALL / 2];
}

/* Fork a child that (exec != 0) execs /bin/true or _exit(0)s; wait. */
static void bench_fork(const char *name, int exec)
{
	char *argv[] = { TRUE_PATH, NULL };
	int i, status;
	pid_t pid;

	for (i = 0; i < N_FORK; i++) {
		uint64_t t0 = rdtsc64();
		if ((pid = fork()) < 0)
			fail("fork");
		if (pid == 0) {
			if (exec)
				execv(TRUE_PATH, argv);
			_exit(exec ? 127 : 0);
		}
		if (waitpid(pid, &status, 0) != pid)
			fail("waitpid");
		samples[i] = rdtsc64() - t0;
		if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
			printf("ubench: %s: child status %#x\n", name, status);
			exit(1);
		}
	}
	report(name, samples, N_FORK);
}

/* fork_heap_N: fork + _exit + wait after N bytes of heap have been
 * allocated and touched, in three page-aligned chunks (256 KiB, 768 KiB,
 * 1 MiB), each allocated only when its turn comes: the last chunk is
 * then the 1 MiB read buffer.
 */
static uint8_t *bench_fork_heap(void)
{
	static const size_t chunk[] = { 256 * 1024, 768 * 1024, MIB };
	static const char *names[] = {
		"fork_heap_256k", "fork_heap_1m", "fork_heap_2m"
	};
	uint8_t *p = NULL;
	unsigned k;

	bench_fork("fork_heap_0", 0);
	for (k = 0; k < sizeof(chunk) / sizeof(chunk[0]); k++) {
		if ((p = page_alloc(chunk[k])) == NULL)
			fail("malloc");
		memset(p, (int)k + 1, chunk[k]);
		bench_fork(names[k], 0);
	}
	return p;
}

static void bench_getppid(void)
{
	int i;

	for (i = 0; i < N_CALL; i++) {
		uint64_t t0 = rdtsc64();
		getppid();
		samples[i] = rdtsc64() - t0;
	}
	report("getppid", samples, N_CALL);
}

/* The parent writes a byte into one pipe, the child echoes it back
 * through the other: one sample is a full round trip.
 */
static void bench_pipe(void)
{
	int to_child[2], to_parent[2], i, status;
	char c = 'x';
	pid_t pid;

	if (pipe(to_child) < 0 || pipe(to_parent) < 0)
		fail("pipe");
	if ((pid = fork()) < 0)
		fail("fork");
	if (pid == 0) {
		close(to_child[1]);
		close(to_parent[0]);
		while (read(to_child[0], &c, 1) == 1)
			if (write(to_parent[1], &c, 1) != 1)
				_exit(1);
		_exit(0);
	}
	close(to_child[0]);
	close(to_parent[1]);
	for (i = 0; i < N_CALL; i++) {
		uint64_t t0 = rdtsc64();
		if (write(to_child[1], &c, 1) != 1 || read(to_parent[0], &c, 1) != 1)
			fail("pipe ping-pong");
		samples[i] = rdtsc64() - t0;
	}
	close(to_child[1]);	/* the child reads end of file and exits */
	close(to_parent[0]);
	if (waitpid(pid, &status, 0) != pid)
		fail("waitpid");
	report("pipe_pingpong_1b", samples, N_CALL);
}

static void bench_memcpy(const char *name, size_t len)
{
	int i;

	for (i = 0; i < N_BIG; i++) {
		uint64_t t0 = rdtsc64();
		memcpy(buf, src, len);
		samples[i] = rdtsc64() - t0;
	}
	report(name, samples, N_BIG);
}

/* Read all of fd from offset 0 into buf; the byte count. */
static size_t read_all(int fd)
{
	size_t done = 0;
	ssize_t n;

	if (lseek(fd, 0, SEEK_SET) != 0)
		fail("lseek");
	while (done < MIB && (n = read(fd, buf + done, MIB - done)) > 0)
		done += (size_t)n;
	return done;
}

/* One read() of len bytes a sample; a file (seek) is read from offset 0,
 * after one untimed warm-up read that fills the ext2 cache.
 */
static void bench_read(const char *name, const char *path, int seek,
	size_t len)
{
	int fd, i;
	ssize_t n;

	if ((fd = open(path, O_RDONLY)) < 0)
		fail(path);
	if (seek && read(fd, buf, len) != (ssize_t)len)
		fail("warm-up read");
	for (i = 0; i < N_BIG; i++) {
		uint64_t t0;
		if (seek && lseek(fd, 0, SEEK_SET) != 0)
			fail("lseek");
		t0 = rdtsc64();
		n = read(fd, buf, len);
		samples[i] = rdtsc64() - t0;
		if (n != (ssize_t)len) {
			printf("ubench: %s: read %d bytes, not %d\n", path, (int)n,
			    (int)len);
			exit(1);
		}
	}
	close(fd);
	report(name, samples, N_BIG);
}

static void bench_read_sizes(void)
{
	static const size_t sizes[] = {
		1, 64, 1024, 4096, 16384, 65536, 262144, MIB
	};
	char name[40];
	unsigned k;

	for (k = 0; k < sizeof(sizes) / sizeof(sizes[0]); k++) {
		snprintf(name, sizeof(name), "read_file_%u", (unsigned)sizes[k]);
		bench_read(name, FILE_PATH, 1, sizes[k]);
	}
}

/* read_100b_load_N: N_CALL reads of 100 B from offset 0 of the cached
 * /test/1m while n children spin.
 */
static void bench_read_load(int n)
{
	pid_t pids[MAX_SPIN];
	char name[40];
	int fd, i;

	if ((fd = open(FILE_PATH, O_RDONLY)) < 0)
		fail(FILE_PATH);
	if (read(fd, buf, 100) != 100)
		fail("warm-up read");
	for (i = 0; i < n; i++) {
		if ((pids[i] = fork()) < 0)
			fail("fork");
		if (pids[i] == 0)
			for (;;)
				;
	}
	for (i = 0; i < N_CALL; i++) {
		uint64_t t0;
		if (lseek(fd, 0, SEEK_SET) != 0)
			fail("lseek");
		t0 = rdtsc64();
		if (read(fd, buf, 100) != 100)
			fail("read under load");
		samples[i] = rdtsc64() - t0;
	}
	for (i = 0; i < n; i++)
		kill(pids[i], SIGKILL);
	for (i = 0; i < n; i++)
		waitpid(pids[i], NULL, 0);
	close(fd);
	snprintf(name, sizeof(name), "read_100b_load_%d", n);
	report(name, samples, N_CALL);
}

/* One CPU-bound job in a fresh child; its duration in TSC ticks. */
static uint64_t cpu_job(void)
{
	volatile uint32_t i;
	uint64_t t;
	int p[2];
	pid_t pid;

	if (pipe(p) < 0)
		fail("pipe");
	if ((pid = fork()) < 0)
		fail("fork");
	if (pid == 0) {
		t = rdtsc64();
		for (i = 0; i < JOB_LOOPS; i++)
			;
		t = rdtsc64() - t;
		_exit(write(p[1], &t, sizeof(t)) == sizeof(t) ? 0 : 1);
	}
	if (read(p[0], &t, sizeof(t)) != sizeof(t) || waitpid(pid, NULL, 0) != pid)
		fail("cpu job");
	close(p[0]);
	close(p[1]);
	return t;
}

/* cpu_job_idle, then cpu_job_load_1: the job beside a process that has
 * spun for 2 s. */
static void bench_cpu_job(void)
{
	pid_t spinner;
	int i;

	for (i = 0; i < N_JOB; i++)
		samples[i] = cpu_job();
	report("cpu_job_idle", samples, N_JOB);
	if ((spinner = fork()) < 0)
		fail("fork");
	if (spinner == 0)
		for (;;)
			;
	sleep(2);
	for (i = 0; i < N_JOB; i++)
		samples[i] = cpu_job();
	kill(spinner, SIGKILL);
	waitpid(spinner, NULL, 0);
	report("cpu_job_load_1", samples, N_JOB);
}

/* Read /test/1m whole and check it against the pattern mkroot.sh wrote:
 * byte i is (i * 131 + i / 4096) & 255.
 */
static void check_ramdisk(void)
{
	uint32_t i;
	int fd;

	if ((fd = open(FILE_PATH, O_RDONLY)) < 0)
		fail(FILE_PATH);
	if (read_all(fd) != MIB) {
		printf("ubench: %s is not 1 MiB long\n", FILE_PATH);
		exit(1);
	}
	close(fd);
	for (i = 0; i < MIB; i++)
		if (buf[i] != (uint8_t)(i * 131 + i / 4096)) {
			printf("ubench: %s: wrong byte at %u\n", FILE_PATH, i);
			exit(1);
		}
}

/* n bytes from the heap, page aligned. */
static uint8_t *page_alloc(size_t n)
{
	uintptr_t p = (uintptr_t)malloc(n + 4095);

	return p ? (uint8_t *)((p + 4095) & ~(uintptr_t)4095) : NULL;
}

int main(void)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	measure_overhead();
	printf("bench tsc_per_sec=%llu\n", (unsigned long long)calibrate());

	bench_fork("fork_exit_wait", 0);
	bench_fork("fork_exec_wait_true", 1);
	bench_getppid();
	bench_pipe();

	/* Then 2 MiB of heap, a chunk at a time (fork_heap_N); the last
	 * chunk is the read buffer.
	 */
	buf = bench_fork_heap();
	if ((src = page_alloc(MIB)) == NULL)
		fail("malloc");
	memset(buf, 0, MIB);
	memset(src, 0x5a, MIB);
	bench_memcpy("memcpy_1m", MIB);
	bench_memcpy("memcpy_64k", 64 * 1024);
	bench_read("read_devzero_1", ZERO_PATH, 0, 1);
	bench_read("read_devzero_1m", ZERO_PATH, 0, MIB);
	check_ramdisk();
	bench_read_sizes();
	bench_read_load(0);
	bench_read_load(4);
	bench_read_load(8);
	bench_read_load(MAX_SPIN);
	bench_cpu_job();
#ifdef LINUX_PEER
	linux_peer_bench();
#else
	seqio_bench(buf, src);	/* seqio.c: the disks of tools/bench.sh */
	ttyio_bench();		/* ttyio.c: the console */
#endif
	printf("bench done\n");
	fflush(stdout);
	return 0;
}
