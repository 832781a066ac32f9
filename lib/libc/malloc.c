/* malloc.c - malloc, free, calloc and realloc over sbrk().
 *
 * Every block starts with a 16-byte header holding the block's size (header
 * included, a multiple of 16) and a check word; the payload follows, so
 * payloads are 16-byte aligned.  Free blocks are kept on one list in address
 * order; the first block that is large enough is used (its tail, if the rest
 * is worth keeping), and a freed block is merged with free neighbours that
 * touch it.  When nothing fits, the heap grows with sbrk() (taking the free
 * block at the old top into account) by at least GROW_MIN bytes.
 *
 * free() and realloc() ignore pointers that are not live blocks of this
 * heap (a wrong or repeated free() leaves the heap intact).
 * Built without _SYSTEM: errno gets the positive ENOMEM.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <stdlib.h>
#include <unistd.h>
#include <errno.h>

#define ALIGN     16u
#define GROW_MIN  16384u            /* smallest heap extension */
#define GROW_UNIT 4096u             /* heap extensions are whole pages */
#define M_USED    ((size_t)0x6d416c6cu)  /* check word = this ^ size */
#define M_FREE    ((size_t)0x46724565u)

typedef union header {
	struct {
		size_t size;  /* bytes of the block, header included */
		size_t check; /* M_USED or M_FREE, xor size */
	} h;
	unsigned char pad[16];
} header_t;
_Static_assert(sizeof(header_t) == ALIGN, "malloc header must be 16 bytes");

/* A free block: the header, then the link to the next free block. */
typedef struct fblock {
	header_t hdr;
	struct fblock *next;
} fblock_t;

#define HDR       ((size_t)sizeof(header_t))
#define MIN_BLOCK ((size_t)32)      /* room for an fblock_t, rounded up */
_Static_assert(sizeof(fblock_t) <= MIN_BLOCK, "free block too large");

static fblock_t *free_list;         /* free blocks, lowest address first */
static uintptr_t heap_lo, heap_hi;  /* all blocks lie in [heap_lo, heap_hi) */

static size_t round_up(size_t n, size_t a)
{
	return (n + a - 1) & ~(a - 1);
}

static void set_block(void *b, size_t size, size_t magic)
{
	header_t *h = b;

	h->h.size = size;
	h->h.check = magic ^ size;
}

/* Block size for a request of n bytes, or 0 if that is too large. */
static size_t block_size(size_t n)
{
	size_t need;

	if (n > SIZE_MAX - HDR - ALIGN)
		return 0;
	need = round_up(n + HDR, ALIGN);
	return need < MIN_BLOCK ? MIN_BLOCK : need;
}

/* The header of live block p, or NULL if p is not one. */
static header_t *used_block(void *p)
{
	uintptr_t a = (uintptr_t)p;
	header_t *h;

	if ((a & (ALIGN - 1)) != 0 || a < heap_lo + HDR || a >= heap_hi)
		return NULL;
	h = (header_t *)(a - HDR);
	if ((h->h.check ^ h->h.size) != M_USED || h->h.size < MIN_BLOCK ||
	    (h->h.size & (ALIGN - 1)) != 0 || h->h.size > heap_hi - (a - HDR))
		return NULL;
	return h;
}

/* Put block b of size bytes on the free list, merging it with free
 * neighbours it touches.  A block overlapping a free one (a repeated
 * free) is left alone. */
static void insert_free(void *b, size_t size)
{
	fblock_t *f = b, *prev = NULL, *cur = free_list;
	uintptr_t a = (uintptr_t)b;

	while (cur && (uintptr_t)cur < a) {
		prev = cur;
		cur = cur->next;
	}
	if (prev && (uintptr_t)prev + prev->hdr.h.size > a)
		return;
	if (cur && a + size > (uintptr_t)cur)
		return;

	set_block(f, size, M_FREE);
	f->next = cur;
	if (cur && a + size == (uintptr_t)cur) {
		set_block(f, size + cur->hdr.h.size, M_FREE);
		f->next = cur->next;
	}
	if (prev && (uintptr_t)prev + prev->hdr.h.size == a) {
		set_block(prev, prev->hdr.h.size + f->hdr.h.size, M_FREE);
		prev->next = f->next;
	} else if (prev) {
		prev->next = f;
	} else {
		free_list = f;
	}
}

/* Grow the heap so that a block of need bytes fits; 0 or -1. */
static int grow(size_t need)
{
	fblock_t *last = NULL, *f;
	uintptr_t brk0, start, end;
	size_t want, pad;
	void *r;

	for (f = free_list; f; f = f->next)
		last = f;
	brk0 = (uintptr_t)sbrk(0);
	if (brk0 == (uintptr_t)-1)
		return -1;
	pad = (ALIGN - (brk0 & (ALIGN - 1))) & (ALIGN - 1);
	want = need;
	/* A free block that ends at the break grows with the new memory. */
	if (last && pad == 0 && (uintptr_t)last + last->hdr.h.size == brk0)
		want -= last->hdr.h.size < need ? last->hdr.h.size : need;
	if (want > SIZE_MAX - GROW_UNIT - pad)
		return -1;
	want = round_up(want + pad, GROW_UNIT);
	if (want < GROW_MIN)
		want = GROW_MIN;
	if (want > (size_t)INTPTR_MAX)
		return -1;
	r = sbrk((intptr_t)want);
	if (r == (void *)-1)
		return -1;
	start = round_up((uintptr_t)r, ALIGN);
	end = ((uintptr_t)r + want) & ~(uintptr_t)(ALIGN - 1);
	if (end <= start || end - start < MIN_BLOCK)
		return -1;
	if (heap_lo == 0 || start < heap_lo)
		heap_lo = start;
	if (end > heap_hi)
		heap_hi = end;
	insert_free((void *)start, end - start);
	return 0;
}

/* Take a block of need bytes off the free list (first fit), or NULL. */
static header_t *take(size_t need)
{
	fblock_t *prev = NULL, *cur;
	size_t size;

	for (cur = free_list; cur; prev = cur, cur = cur->next) {
		size = cur->hdr.h.size;
		if (size < need)
			continue;
		if (size - need >= MIN_BLOCK) {
			/* Keep the front free, hand out the tail. */
			set_block(cur, size - need, M_FREE);
			cur = (fblock_t *)((uintptr_t)cur + size - need);
			set_block(cur, need, M_USED);
			return &cur->hdr;
		}
		if (prev)
			prev->next = cur->next;
		else
			free_list = cur->next;
		set_block(cur, size, M_USED);
		return &cur->hdr;
	}
	return NULL;
}

void *malloc(size_t n)
{
	size_t need = block_size(n);
	header_t *h;

	if (need == 0) {
		errno = ENOMEM;
		return NULL;
	}
	if ((h = take(need)) == NULL) {
		if (grow(need) != 0 || (h = take(need)) == NULL) {
			errno = ENOMEM;
			return NULL;
		}
	}
	return (unsigned char *)h + HDR;
}

void free(void *p)
{
	header_t *h;

	if (p == NULL || (h = used_block(p)) == NULL)
		return;
	insert_free(h, h->h.size);
}

void *calloc(size_t n, size_t size)
{
	void *p;

	if (size != 0 && n > SIZE_MAX / size) {
		errno = ENOMEM;
		return NULL;
	}
	if ((p = malloc(n * size)) != NULL)
		memset(p, 0, n * size);
	return p;
}

/* Shrink used block h to need bytes if the rest is worth a free block. */
static void trim(header_t *h, size_t need)
{
	size_t size = h->h.size;

	if (size - need >= MIN_BLOCK) {
		set_block(h, need, M_USED);
		insert_free((unsigned char *)h + need, size - need);
	}
}

void *realloc(void *p, size_t n)
{
	fblock_t *prev = NULL, *cur;
	header_t *h;
	size_t need, size;
	void *q;

	if (p == NULL)
		return malloc(n);
	if (n == 0) {
		free(p);
		return NULL;
	}
	if ((h = used_block(p)) == NULL) {
		errno = EINVAL;
		return NULL;
	}
	if ((need = block_size(n)) == 0) {
		errno = ENOMEM;
		return NULL;
	}
	size = h->h.size;
	if (need <= size) {
		trim(h, need);
		return p;
	}

	/* Grow in place into a free block right after this one. */
	for (cur = free_list; cur && (uintptr_t)cur < (uintptr_t)h + size;
	    prev = cur, cur = cur->next)
		;
	if (cur && (uintptr_t)cur == (uintptr_t)h + size &&
	    cur->hdr.h.size >= need - size) {
		if (prev)
			prev->next = cur->next;
		else
			free_list = cur->next;
		set_block(h, size + cur->hdr.h.size, M_USED);
		trim(h, need);
		return p;
	}

	if ((q = malloc(n)) == NULL)
		return NULL;
	memcpy(q, p, size - HDR);
	free(p);
	return q;
}
