/* sbrk.c - the program break: brk() and sbrk().
 *
 * The heap starts at the first page boundary at or above _end (the end of
 * .bss, from boot/user.ld).  Pages are mapped lazily, whole pages at a
 * time: when the break moves above the mapped top, the new pages are
 * mapped zeroed and writable with __brk_map(addr, len, 1); when it moves
 * down, the pages wholly above it are given back with __brk_map(addr, len,
 * 0).  __brk_map is SYS_VMCTL on the caller itself in system processes
 * (lib/libsys/brk_map.c) and a request to PM in user programs
 * (lib/libposix/brk.c).
 *
 * Built without _SYSTEM: the E* stored in errno are positive.  __brk_map()
 * returns OK (0) or a negative number in either world, so only r != 0 is
 * tested.
 */
#include <stddef.h>
#include <stdint.h>
#include <unistd.h>
#include <errno.h>

#ifndef SBRK_PAGE
#define SBRK_PAGE  4096u
#endif
/* The break never goes above this: far below the stack (0xefff0000 down). */
#ifndef SBRK_LIMIT
#define SBRK_LIMIT ((uintptr_t)0xe0000000u)
#endif

extern char _end[];         /* first byte after .bss */

static uintptr_t heap_base; /* first byte of the heap, page-aligned */
static uintptr_t cur_brk;   /* the break: first byte past the heap */
static uintptr_t mapped;    /* first byte past the mapped heap pages */

static uintptr_t page_up(uintptr_t a)
{
	return (a + SBRK_PAGE - 1) & ~(uintptr_t)(SBRK_PAGE - 1);
}

static void sbrk_init(void)
{
	if (heap_base == 0)
		heap_base = cur_brk = mapped = page_up((uintptr_t)_end);
}

/* Move the break to a; 0, or -1 and errno = ENOMEM. */
static int set_brk(uintptr_t a)
{
	uintptr_t top;

	if (a < heap_base || a > SBRK_LIMIT) {
		errno = ENOMEM;
		return -1;
	}
	top = page_up(a);
	if (top > mapped) {
		if (__brk_map((uint32_t)mapped, (uint32_t)(top - mapped), 1)
		    != 0) {
			errno = ENOMEM;
			return -1;
		}
		mapped = top;
	} else if (top < mapped) {
		/* Giving pages back is an optimisation: keep them if it fails. */
		if (__brk_map((uint32_t)top, (uint32_t)(mapped - top), 0) == 0)
			mapped = top;
	}
	cur_brk = a;
	return 0;
}

int brk(void *addr)
{
	sbrk_init();
	return set_brk((uintptr_t)addr);
}

/* Move the break by incr bytes; the old break, or (void *)-1 and errno =
 * ENOMEM. */
void *sbrk(intptr_t incr)
{
	uintptr_t old, a;

	sbrk_init();
	old = cur_brk;
	a = old + (uintptr_t)incr;
	if ((incr > 0 && a < old) || (incr < 0 && a > old)) {
		errno = ENOMEM;
		return (void *)-1;
	}
	if (set_brk(a) != 0)
		return (void *)-1;
	return (void *)old;
}
