/* minix/u64.h - the halves of a 64-bit number, with MINIX's names:
 * ex64lo() and ex64hi() take the low and the high 32 bits, make64()
 * puts two halves together (as MINIX's drivers still call them).
 */
#ifndef _MINIX_U64_H
#define _MINIX_U64_H
#include <minix/type.h>

static inline unsigned long ex64lo(u64_t v)
{
	return (unsigned long)(v & 0xffffffffu);
}

static inline unsigned long ex64hi(u64_t v)
{
	return (unsigned long)(v >> 32);
}

static inline u64_t make64(unsigned long lo, unsigned long hi)
{
	return ((u64_t)hi << 32) | (u32_t)lo;
}
#endif
