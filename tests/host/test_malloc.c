/* test_malloc.c - host unit tests for lib/libc/sbrk.c and lib/libc/malloc.c.
 *
 * Both sources are #included with their functions renamed to lc_* by macro,
 * so they do not clash with the host's allocator.  The heap lives in a
 * static arena that stands in for the memory above _end; a fake sys_vmctl()
 * (behind sbrk's __brk_map) "maps" pages of it by unpoisoning them for
 * AddressSanitizer (and poisons them again on VMCTL_FREE), so any access by
 * malloc beyond the pages that sbrk() mapped is caught.  The fake can be told to fail, for the
 * out-of-memory paths.
 */

/* libc is built without _SYSTEM: the E* values it stores are positive. */
#undef _SYSTEM

#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sanitizer/asan_interface.h>
#include <minix/com.h>

#include "tap.h"

/* CHECK() evaluates its condition twice; this evaluates it once. */
#define OK(c, name)                                                      \
	do {                                                             \
		int ok_ = !!(c);                                         \
		CHECK(ok_, name);                                        \
	} while (0)

#define PAGE 4096u
#define ARENA_SIZE (16u << 20)

/* The memory above "_end": the heap may use all of it. */
char lc_end[ARENA_SIZE] __attribute__((aligned(4096)));

/* ---- the fake kernel call ---- */

static uintptr_t fake_mapped = (uintptr_t)-1; /* top of the mapped pages */
static int fake_fail;     /* fail every VMCTL_ALLOC */
static int fake_calls;
static int fake_bad;      /* calls that broke the rules */

/* sys_vmctl takes 32-bit addresses: compare low halves, keep the full
 * address here.  Mapping must continue exactly at the mapped top, and
 * freeing must end there, in whole pages. */
static int fake_vmctl(endpoint_t ep, int request, uint32_t addr, uint32_t len)
{
	uintptr_t a;

	fake_calls++;
	if (fake_mapped == (uintptr_t)-1)
		fake_mapped = (uintptr_t)lc_end;
	if (ep != SELF || len == 0 || (addr | len) % PAGE != 0) {
		fake_bad++;
		return -22;
	}
	if (request == VMCTL_ALLOC) {
		if (addr != (uint32_t)fake_mapped ||
		    len > (uintptr_t)lc_end + ARENA_SIZE - fake_mapped) {
			fake_bad++;
			return -22;
		}
		if (fake_fail)
			return -12;
		a = fake_mapped;
		ASAN_UNPOISON_MEMORY_REGION((void *)a, len);
		memset((void *)a, 0, len);
		fake_mapped += len;
		return 0;
	}
	if (request == VMCTL_FREE) {
		if (len > fake_mapped - (uintptr_t)lc_end ||
		    addr != (uint32_t)(fake_mapped - len)) {
			fake_bad++;
			return -22;
		}
		fake_mapped -= len;
		ASAN_POISON_MEMORY_REGION((void *)fake_mapped, len);
		return 0;
	}
	fake_bad++;
	return -22;
}

/* sbrk's page mapper (__brk_map in libsys and libposix) over the fake. */
static int fake_brk_map(uint32_t addr, uint32_t len, int map)
{
	return fake_vmctl(SELF, map ? VMCTL_ALLOC : VMCTL_FREE, addr, len);
}

/* ---- From here on the names are ours. ---- */

#define _end lc_end
#define __brk_map fake_brk_map
#define SBRK_LIMIT ((uintptr_t)lc_end + ARENA_SIZE)
#undef sbrk
#define sbrk lc_sbrk
#undef brk
#define brk lc_brk
#undef malloc
#define malloc lc_malloc
#undef free
#define free lc_free
#undef calloc
#define calloc lc_calloc
#undef realloc
#define realloc lc_realloc

#include "../../lib/libc/sbrk.c"
#include "../../lib/libc/malloc.c"

/* ---- heap invariants ---- */

/* Walk the heap block by block from heap_lo to heap_hi (it is contiguous
 * here: nothing else calls sbrk) and the free list alongside: every block
 * is marked used or free, free blocks are exactly the list, in address
 * order, never two in a row.  Returns a description of the first fault,
 * or NULL. */
static const char *heap_check(size_t *nused, size_t *nfree)
{
	uintptr_t a = heap_lo;
	fblock_t *f = free_list;
	int prev_free = 0;
	header_t *h;
	size_t size;

	*nused = *nfree = 0;
	if (heap_lo == 0)
		return f ? "free list without heap" : NULL;
	if (heap_hi > fake_mapped)
		return "heap above the mapped pages";
	while (a < heap_hi) {
		h = (header_t *)a;
		size = h->h.size;
		if (size < MIN_BLOCK || size % ALIGN || size > heap_hi - a)
			return "bad block size";
		if ((h->h.check ^ size) == M_FREE) {
			if ((uintptr_t)f != a)
				return "free block not on the list (or out of order)";
			if (prev_free)
				return "two free blocks in a row";
			f = f->next;
			prev_free = 1;
			(*nfree)++;
		} else if ((h->h.check ^ size) == M_USED) {
			if ((uintptr_t)f == a)
				return "used block on the free list";
			prev_free = 0;
			(*nused)++;
		} else {
			return "bad check word";
		}
		a += size;
	}
	if (a != heap_hi)
		return "blocks do not end at the heap top";
	if (f)
		return "free list entry outside the heap";
	return NULL;
}

static void check_heap(const char *what)
{
	size_t u, f;
	const char *why = heap_check(&u, &f);
	char name[160];

	snprintf(name, sizeof(name), "heap consistent %s%s%s", what,
	    why ? ": " : "", why ? why : "");
	OK(why == NULL, name);
}

/* ---- sbrk and brk ---- */

static void test_sbrk(void)
{
	uintptr_t base = (uintptr_t)lc_end;
	void *p;
	int calls;

	OK((uintptr_t)lc_sbrk(0) == base, "sbrk(0) is the page above _end");
	OK(fake_calls == 0, "sbrk(0) maps nothing");
	p = lc_sbrk(100);
	OK((uintptr_t)p == base, "sbrk(100) returns the old break");
	OK((uintptr_t)lc_sbrk(0) == base + 100, "break moved by 100");
	OK(fake_mapped == base + PAGE, "one page mapped");
	memset(p, 0x5a, 100);
	calls = fake_calls;
	lc_sbrk(PAGE - 100);
	OK(fake_calls == calls, "filling the mapped page maps nothing");
	OK((uintptr_t)lc_sbrk(1) == base + PAGE, "sbrk(1) at a page boundary");
	OK(fake_mapped == base + 2 * PAGE, "second page mapped");
	lc_sbrk(3 * PAGE);
	OK(fake_mapped == base + 5 * PAGE, "three more pages mapped");
	OK(((unsigned char *)p)[99] == 0x5a, "old data kept");

	OK((uintptr_t)lc_sbrk(-(intptr_t)(2 * PAGE)) == base + 4 * PAGE + 1,
	    "shrinking returns the old break");
	OK(fake_mapped == base + 3 * PAGE, "pages above the break unmapped");
	OK((uintptr_t)lc_sbrk(0) == base + 2 * PAGE + 1, "break after shrink");

	errno = 0;
	OK(lc_sbrk(-(intptr_t)(3 * PAGE)) == (void *)-1, "sbrk below the base fails");
	CHECK_EQ(errno, ENOMEM, "... with ENOMEM");
	OK((uintptr_t)lc_sbrk(0) == base + 2 * PAGE + 1, "... break unchanged");

	errno = 0;
	OK(lc_sbrk(ARENA_SIZE) == (void *)-1, "sbrk past the limit fails");
	CHECK_EQ(errno, ENOMEM, "... with ENOMEM");
	errno = 0;
	OK(lc_sbrk(INTPTR_MAX) == (void *)-1, "sbrk(INTPTR_MAX) fails");
	CHECK_EQ(errno, ENOMEM, "... with ENOMEM");
	errno = 0;
	OK(lc_sbrk(INTPTR_MIN) == (void *)-1, "sbrk(INTPTR_MIN) fails");
	CHECK_EQ(errno, ENOMEM, "... with ENOMEM");

	fake_fail = 1;
	errno = 0;
	OK(lc_sbrk(4 * PAGE) == (void *)-1, "sbrk fails when VMCTL_ALLOC does");
	CHECK_EQ(errno, ENOMEM, "... with ENOMEM");
	OK((uintptr_t)lc_sbrk(0) == base + 2 * PAGE + 1, "... break unchanged");
	OK(fake_mapped == base + 3 * PAGE, "... mapping unchanged");
	fake_fail = 0;

	errno = 0;
	CHECK_EQ(lc_brk((void *)(base - 1)), -1, "brk below the base fails");
	CHECK_EQ(errno, ENOMEM, "... with ENOMEM");
	CHECK_EQ(lc_brk((void *)(base + ARENA_SIZE + 1)), -1,
	    "brk past the limit fails");
	CHECK_EQ(lc_brk((void *)(base + ARENA_SIZE)), 0, "brk to the limit");
	OK(fake_mapped == base + ARENA_SIZE, "... maps the whole arena");
	CHECK_EQ(lc_brk((void *)base), 0, "brk back to the base");
	OK(fake_mapped == base, "... unmaps everything");
	CHECK_EQ(fake_bad, 0, "sys_vmctl always called by the rules");
}

/* ---- malloc basics ---- */

static int aligned(const void *p)
{
	return ((uintptr_t)p & 15) == 0;
}

static void test_basics(void)
{
	unsigned char *a, *b, *c, *d;
	size_t i;
	int zero;
	uintptr_t top;
	size_t n;

	a = lc_malloc(0);
	b = lc_malloc(0);
	OK(a && b && a != b, "malloc(0) gives distinct non-NULL pointers");
	OK(aligned(a) && aligned(b), "... 16-byte aligned");
	lc_free(a);
	lc_free(b);
	lc_free(NULL);

	a = lc_malloc(1);
	b = lc_malloc(17);
	c = lc_malloc(1000);
	OK(a && b && c && aligned(a) && aligned(b) && aligned(c),
	    "small blocks aligned");
	OK(a + 1 <= b || b + 17 <= a, "blocks a, b do not overlap");
	OK(b + 17 <= c || c + 1000 <= b, "blocks b, c do not overlap");
	memset(a, 1, 1);
	memset(b, 2, 17);
	memset(c, 3, 1000);
	check_heap("after three mallocs");

	/* calloc on recycled memory still zeroes. */
	lc_free(c);
	d = lc_calloc(10, 100);
	OK(d != NULL, "calloc(10, 100)");
	zero = 1;
	for (i = 0; d && i < 1000; i++)
		zero &= d[i] == 0;
	OK(zero, "calloc zeroes recycled memory");
	lc_free(d);

	errno = 0;
	OK(lc_calloc(SIZE_MAX / 2, 3) == NULL, "calloc overflow gives NULL");
	CHECK_EQ(errno, ENOMEM, "... with ENOMEM");
	errno = 0;
	OK(lc_malloc(SIZE_MAX) == NULL, "malloc(SIZE_MAX) gives NULL");
	CHECK_EQ(errno, ENOMEM, "... with ENOMEM");
	errno = 0;
	OK(lc_malloc(SIZE_MAX - 20) == NULL, "malloc(SIZE_MAX - 20) gives NULL");
	CHECK_EQ(errno, ENOMEM, "... with ENOMEM");
	errno = 0;
	OK(lc_malloc(ARENA_SIZE) == NULL, "malloc bigger than the arena gives NULL");
	CHECK_EQ(errno, ENOMEM, "... with ENOMEM");
	check_heap("after failed allocations");

	/* realloc */
	c = lc_realloc(NULL, 40);
	OK(c && aligned(c), "realloc(NULL, 40) allocates");
	for (i = 0; i < 40; i++)
		c[i] = (unsigned char)i;
	d = lc_realloc(c, 20);
	OK(d == c, "realloc shrinking stays in place");
	d = lc_realloc(d, 5000);
	zero = 1;
	for (i = 0; d && i < 20; i++)
		zero &= d[i] == (unsigned char)i;
	OK(d && zero, "realloc growing keeps the data");
	OK(d && aligned(d), "... aligned");
	errno = 0;
	OK(lc_realloc(d, SIZE_MAX) == NULL, "realloc(p, SIZE_MAX) fails");
	CHECK_EQ(errno, ENOMEM, "... with ENOMEM");
	OK(d[19] == 19, "... and leaves the block alone");
	OK(lc_realloc(d, 0) == NULL, "realloc(p, 0) frees and gives NULL");
	check_heap("after realloc");

	/* Wrong and repeated frees leave the heap intact. */
	d = lc_malloc(64);
	lc_free(d);
	lc_free(d);
	lc_free(a + 1);
	lc_free(&zero);
	lc_free(lc_end + ARENA_SIZE - 16);
	check_heap("after bad frees");
	OK(lc_realloc(&zero, 10) == NULL, "realloc of a foreign pointer fails");
	OK(a[0] == 1 && b[16] == 2, "live blocks untouched by bad frees");
	lc_free(a);
	lc_free(b);

	/* Everything free: one free block spanning the heap. */
	{
		size_t u, f;
		OK(heap_check(&u, &f) == NULL && u == 0 && f == 1,
		    "all freed: the heap is one free block");
	}
	top = (uintptr_t)lc_sbrk(0);
	a = lc_malloc(heap_hi - heap_lo - HDR);
	OK(a != NULL && (uintptr_t)lc_sbrk(0) == top,
	    "the whole free heap can be allocated without growing");
	lc_free(a);

	/* A block larger than the free heap: the free block at the top is
	 * extended, so the heap grows by less than the request. */
	n = (heap_hi - heap_lo) + 100;
	a = lc_malloc(n);
	OK(a != NULL, "a block larger than the free heap");
	OK((uintptr_t)lc_sbrk(0) - top < n, "... grows the free block at the top");
	lc_free(a);
	check_heap("after growing into the top block");
}

/* ---- random stress ---- */

#define NSLOT 1500

struct slot {
	unsigned char *p;
	size_t n;
	unsigned char seed;
};

static struct slot sl[NSLOT];
static uint64_t rng = 0x9e3779b97f4a7c15ull;

static uint32_t rnd(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (uint32_t)(rng >> 11);
}

static size_t rnd_size(void)
{
	uint32_t k = rnd() % 100;

	if (k < 60)
		return rnd() % 64;
	if (k < 90)
		return rnd() % 1024;
	if (k < 99)
		return rnd() % 16384;
	return rnd() % 200000;
}

static void fill(struct slot *s)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		s->p[i] = (unsigned char)(s->seed + i * 7);
}

/* The first n bytes hold the slot's pattern. */
static int intact(const struct slot *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s->p[i] != (unsigned char)(s->seed + i * 7))
			return 0;
	return 1;
}

static int cmp_slot(const void *a, const void *b)
{
	const struct slot *x = a, *y = b;

	return x->p < y->p ? -1 : x->p > y->p;
}

/* Live blocks are aligned and disjoint. */
static int no_overlap(void)
{
	static struct slot tmp[NSLOT];
	int i, n = 0;

	for (i = 0; i < NSLOT; i++)
		if (sl[i].p)
			tmp[n++] = sl[i];
	qsort(tmp, (size_t)n, sizeof(tmp[0]), cmp_slot);
	for (i = 0; i < n; i++) {
		if (!aligned(tmp[i].p))
			return 0;
		if (i > 0 && tmp[i - 1].p + tmp[i - 1].n > tmp[i].p)
			return 0;
	}
	return 1;
}

static void test_stress(void)
{
	int op, i, bad_pattern = 0, bad_align = 0, bad_overlap = 0, fails = 0;
	int bad_heap = 0;
	const char *why = NULL;
	size_t u, f, n;
	unsigned char *q;
	struct slot *s;

	for (op = 0; op < 200000; op++) {
		s = &sl[rnd() % NSLOT];
		switch (rnd() % 4) {
		case 0:
		case 1: /* malloc or calloc into an empty slot, else free it */
			if (s->p == NULL) {
				n = rnd_size();
				if (rnd() % 4 == 0) {
					s->p = lc_calloc(1, n);
					for (size_t k = 0; s->p && k < n; k++)
						if (s->p[k] != 0)
							bad_pattern++;
				} else {
					s->p = lc_malloc(n);
				}
				if (s->p == NULL) {
					fails++;
					break;
				}
				s->n = n;
				s->seed = (unsigned char)rnd();
				bad_align += !aligned(s->p);
				fill(s);
			} else {
				bad_pattern += !intact(s, s->n);
				lc_free(s->p);
				s->p = NULL;
			}
			break;
		case 2: /* realloc */
			n = rnd_size();
			if (s->p == NULL)
				s->n = 0; /* realloc(NULL, n): nothing to keep */
			else if (!intact(s, s->n))
				bad_pattern++;
			q = lc_realloc(s->p, n);
			if (n == 0 && s->p) {
				if (q != NULL)
					bad_pattern++;
				s->p = NULL;
				break;
			}
			if (q == NULL) {
				fails++;
				break;
			}
			bad_align += !aligned(q);
			s->p = q;
			if (!intact(s, s->n < n ? s->n : n))
				bad_pattern++;
			s->n = n;
			fill(s);
			break;
		default: /* verify */
			if (s->p)
				bad_pattern += !intact(s, s->n);
			break;
		}
		if (op % 5000 == 0) {
			if (!no_overlap())
				bad_overlap++;
			if ((why = heap_check(&u, &f)) != NULL) {
				bad_heap++;
				printf("# op %d: %s\n", op, why);
			}
		}
	}
	CHECK_EQ(fails, 0, "stress: no allocation failed");
	CHECK_EQ(bad_align, 0, "stress: every block aligned");
	CHECK_EQ(bad_pattern, 0, "stress: every block kept its contents");
	CHECK_EQ(bad_overlap, 0, "stress: no blocks overlap");
	CHECK_EQ(bad_heap, 0, "stress: heap consistent throughout");
	OK(no_overlap(), "stress: no overlap at the end");

	/* Out of memory in the middle of it all: NULL, nothing damaged. */
	fake_fail = 1;
	errno = 0;
	q = lc_malloc(ARENA_SIZE / 2);
	OK(q == NULL, "malloc fails when the heap cannot grow");
	CHECK_EQ(errno, ENOMEM, "... with ENOMEM");
	for (i = 0; i < NSLOT && !sl[i].p; i++)
		;
	if (i < NSLOT) {
		s = &sl[i];
		q = lc_realloc(s->p, ARENA_SIZE / 2);
		OK(q == NULL, "realloc fails when the heap cannot grow");
		OK(intact(s, s->n), "... and keeps the old block");
	}
	fake_fail = 0;
	check_heap("after out-of-memory");

	for (i = 0; i < NSLOT; i++) {
		if (sl[i].p) {
			bad_pattern += !intact(&sl[i], sl[i].n);
			lc_free(sl[i].p);
			sl[i].p = NULL;
		}
	}
	CHECK_EQ(bad_pattern, 0, "stress: contents intact when freed");
	OK(heap_check(&u, &f) == NULL && u == 0 && f == 1,
	    "stress: all freed gives one free block");
	OK(heap_hi - heap_lo < ARENA_SIZE, "heap stayed within the arena");
	CHECK_EQ(fake_bad, 0, "sys_vmctl always called by the rules");
}

int main(void)
{
	ASAN_POISON_MEMORY_REGION(lc_end, ARENA_SIZE);
	test_sbrk();
	test_basics();
	test_stress();
	return tap_done();
}
