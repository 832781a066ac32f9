/* bench.h - in-guest micro-benchmarks (boot module "bench").
 *
 * Each benchmark times one operation ITERS times with rdtsc and reports
 * median, min and max.  Under QEMU TCG with -icount shift=0, rdtsc counts
 * guest instructions; without icount, tools/bench.sh converts to emulated
 * nanoseconds with tsc_per_sec.
 */
#ifndef BENCH_H
#define BENCH_H
#include <stdint.h>
#include <minix/syslib.h>

#define ITERS 301

static inline uint64_t rdtsc64(void)
{
	uint32_t lo, hi;
	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return ((uint64_t)hi << 32) | lo;
}

/* Record one sample; report() sorts and prints a line "bench NAME ...". */
void report(const char *name, uint64_t *samples, int n);
extern uint64_t tsc_overhead;

uint64_t settle(uint64_t *samples, int n); /* sorts; returns the median */
void bench_ipc(void);
void bench_grant(void);
void bench_calib(void);
void bench_rs(void);
void bench_disk(void);
#endif
