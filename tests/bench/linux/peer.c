/* peer.c - the Linux-only benchmarks of the Linux peer's ubench: what
 * stands beside our kernel-level ones (tests/bench).
 *
 *	futex_pingpong		two processes hand a word back and forth
 *				through FUTEX_WAIT/FUTEX_WAKE on shared
 *				memory: the nearest thing to a SENDREC round
 *				trip
 *	process_vm_readv_N	copy N bytes out of another process (beside
 *				safecopy_N)
 *	memcpy_N		an in-guest memcpy of N bytes (beside ours)
 *
 * Linked into commands/ubench/ubench.c built with -DLINUX_PEER.
 */
#define _GNU_SOURCE
#include <linux/futex.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>

#define MIB	(1024 * 1024)
#define ITERS	301

void ubench_report(const char *name, uint64_t *s, int n);
uint64_t ubench_rdtsc(void);

static const size_t sizes[] = {
	16, 64, 256, 1024, 4096, 16384, 65536, 262144, MIB
};
static uint64_t s[ITERS];
static uint8_t big[MIB] __attribute__((aligned(4096)));
static uint8_t dst[MIB] __attribute__((aligned(4096)));

static int iters_for(size_t bytes) { return bytes >= 65536 ? 21 : ITERS; }

static long futex(volatile int *addr, int op, int val)
{
	return syscall(SYS_futex, addr, op, val, NULL, NULL, 0);
}

/* Wait until *w == want, then store next there and wake the other. */
static void pass(volatile int *w, int want, int next)
{
	int v;

	while ((v = *w) != want)
		futex(w, FUTEX_WAIT, v);
	*w = next;
	futex(w, FUTEX_WAKE, 1);
}

static void bench_futex(void)
{
	volatile int *w = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
	    MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	pid_t pid;
	int i;

	if (w == MAP_FAILED) {
		perror("mmap");
		return;
	}
	*w = 0;
	if ((pid = fork()) == 0) {	/* the echo: 1 -> 0 */
		for (i = 0; i < ITERS + 1; i++)
			pass(w, 1, 0);
		_exit(0);
	}
	pass(w, 0, 1);			/* warm up */
	for (i = 0; i < ITERS; i++) {
		uint64_t t0 = ubench_rdtsc();
		pass(w, 0, 1);
		s[i] = ubench_rdtsc() - t0;
	}
	pass(w, 0, 0);			/* the child's last turn is done */
	waitpid(pid, NULL, 0);
	ubench_report("futex_pingpong", s, ITERS);
}

static void bench_process_vm_readv(void)
{
	int go[2];
	char name[48], c;
	unsigned k;
	pid_t pid;

	memset(big, 0x5a, MIB);
	memset(dst, 0, MIB);
	if (pipe(go) < 0) {
		perror("pipe");
		return;
	}
	if ((pid = fork()) == 0) {	/* holds big (its own copy), waits */
		memset(big, 0xa5, MIB);
		close(go[0]);
		if (write(go[1], "x", 1) != 1)
			_exit(1);
		pause();
		_exit(0);
	}
	close(go[1]);
	if (read(go[0], &c, 1) != 1)
		perror("read");
	for (k = 0; k < sizeof(sizes) / sizeof(sizes[0]); k++) {
		int i, n = iters_for(sizes[k]);
		struct iovec l = { dst, sizes[k] }, r = { big, sizes[k] };

		for (i = 0; i < n; i++) {
			uint64_t t0 = ubench_rdtsc();
			ssize_t got = process_vm_readv(pid, &l, 1, &r, 1, 0);
			s[i] = ubench_rdtsc() - t0;
			if (got != (ssize_t)sizes[k]) {
				perror("process_vm_readv");
				break;
			}
		}
		snprintf(name, sizeof(name), "process_vm_readv_%u",
		    (unsigned)sizes[k]);
		ubench_report(name, s, n);
		snprintf(name, sizeof(name), "memcpy_%u", (unsigned)sizes[k]);
		for (i = 0; i < n; i++) {
			uint64_t t0 = ubench_rdtsc();
			memcpy(dst, big, sizes[k]);
			s[i] = ubench_rdtsc() - t0;
		}
		ubench_report(name, s, n);
	}
	if (dst[0] != 0x5a)
		printf("ubench: memcpy went wrong\n");
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
}

void linux_peer_bench(void)
{
	bench_futex();
	bench_process_vm_readv();
}
