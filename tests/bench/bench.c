/* bench.c - the benchmark driver: calibrate, run every group, print one
 * line per result, leave QEMU.
 */
#include <stdio.h>
#include <stdlib.h>
#include "bench.h"

uint64_t tsc_overhead;

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return x < y ? -1 : x > y;
}

/* Subtract the rdtsc overhead and sort; returns the median. */
uint64_t settle(uint64_t *s, int n)
{
	int i;

	for (i = 0; i < n; i++)
		s[i] = s[i] > tsc_overhead ? s[i] - tsc_overhead : 0;
	qsort(s, (size_t)n, sizeof(*s), cmp_u64);
	return s[n / 2];
}

void report(const char *name, uint64_t *s, int n)
{
	settle(s, n);
	printf("bench %s median=%llu min=%llu max=%llu n=%d\n", name,
	    (unsigned long long)s[n / 2], (unsigned long long)s[0],
	    (unsigned long long)s[n - 1], n);
}

/* TSC ticks per second, against the kernel clock. */
static uint64_t calibrate(void)
{
	clock_t t0, t1;
	uint64_t c0, c1;
	int hz = sys_hz();

	t0 = getticks();
	do t1 = getticks(); while (t1 == t0);
	c0 = rdtsc64();
	do t0 = getticks(); while (t0 < t1 + hz / 5);
	c1 = rdtsc64();
	return (c1 - c0) * (uint64_t)hz / (uint64_t)(t0 - t1);
}

int main(void)
{
	static uint64_t s[ITERS];
	int i;

	for (i = 0; i < ITERS; i++) {
		uint64_t t0 = rdtsc64();
		s[i] = rdtsc64() - t0;
	}
	tsc_overhead = 0;
	report("rdtsc_overhead", s, ITERS);
	tsc_overhead = s[ITERS / 2];
	printf("bench tsc_per_sec=%llu\n", (unsigned long long)calibrate());
	bench_calib();
	bench_ipc();
	bench_grant();
	bench_rs();
	bench_disk();
	printf("bench done\n");
	sys_outb(0xf4, 0x10);
	return 0;
}
