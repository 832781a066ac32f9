/* rand48.c - srand48() and lrand48(), POSIX's 48-bit linear congruential
 * generator: X' = (0x5DEECE66D * X + 0xB) mod 2^48; lrand48() returns the
 * top 31 bits of X'.  srand48(s) sets X to s's low 32 bits followed by
 * 0x330E; before any srand48(), X is 0x1234ABCD330E (as in NetBSD's and
 * glibc's libc, so a seed gives the same numbers there and here).
 */
#include <stdint.h>
#include <stdlib.h>

#define RAND48_MASK ((1ULL << 48) - 1)

static uint64_t rand48_x = 0x1234ABCD330EULL;

void srand48(long seed)
{
	rand48_x = ((uint64_t)(uint32_t)seed << 16) | 0x330E;
}

long lrand48(void)
{
	rand48_x = (0x5DEECE66DULL * rand48_x + 0xB) & RAND48_MASK;
	return (long)(rand48_x >> 17);
}
