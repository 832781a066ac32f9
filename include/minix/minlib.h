/* minix/minlib.h - small helpers of MINIX's minlib: the time-stamp counter. */
#ifndef _MINIX_MINLIB_H
#define _MINIX_MINLIB_H
#include <minix/type.h>

static inline void read_tsc(u32_t *hi, u32_t *lo)
{
	__asm__ volatile("rdtsc" : "=d"(*hi), "=a"(*lo));
}

static inline void read_tsc_64(u64_t *t)
{
	u32_t hi, lo;

	read_tsc(&hi, &lo);
	*t = ((u64_t)hi << 32) | lo;
}
#endif
