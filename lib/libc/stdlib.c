/* stdlib.c - number conversion (ato*, strto*), abs, qsort, bsearch and
 * rand for user programs.
 *
 * Built without _SYSTEM: ERANGE and EINVAL are the positive values that go
 * into errno.
 */

#include <ctype.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <minix/errno.h>

extern int errno;

/* The <limits.h> values used here, from the compiler's predefined macros
 * (gcc's own limits.h wants a C library one beneath it when freestanding).
 */
#define LONG_MAX_	__LONG_MAX__
#define LONG_MIN_	(-LONG_MAX_ - 1)
#define ULONG_MAX_	(LONG_MAX_ * 2UL + 1)
#define LLONG_MAX_	__LONG_LONG_MAX__
#define LLONG_MIN_	(-LLONG_MAX_ - 1)
#define ULLONG_MAX_	(LLONG_MAX_ * 2ULL + 1)

/* Digit value of c in any base up to 36, or 36 if c is no digit at all. */
static int digit_value(int c)
{
	if (isdigit(c))
		return c - '0';
	if (islower(c))
		return c - 'a' + 10;
	if (isupper(c))
		return c - 'A' + 10;
	return 36;
}

/* The common part of the strto* functions: skip white space, take a sign,
 * a 0x / 0 prefix as base allows, and the digits.  Returns the magnitude,
 * *negp set for a minus sign, *overp set if the magnitude does not fit in
 * unsigned long long (the digits are consumed all the same).  With no
 * digits at all *end is s and the result 0.
 */
static unsigned long long scan_number(const char *s, char **end, int base,
	int *negp, int *overp)
{
	const char *p = s;
	unsigned long long acc = 0, cutoff;
	int d, cutlim, any = 0;

	*negp = 0;
	*overp = 0;
	if (base < 0 || base == 1 || base > 36) {
		errno = EINVAL;
		if (end != NULL)
			*end = (char *)s;
		return 0;
	}
	while (isspace((unsigned char)*p))
		p++;
	if (*p == '-' || *p == '+')
		*negp = *p++ == '-';
	if ((base == 0 || base == 16) && p[0] == '0' &&
	    (p[1] == 'x' || p[1] == 'X') &&
	    digit_value((unsigned char)p[2]) < 16) {
		p += 2;
		base = 16;
	} else if (base == 0) {
		base = p[0] == '0' ? 8 : 10;
	}

	cutoff = ULLONG_MAX_ / base;
	cutlim = (int)(ULLONG_MAX_ % base);
	for (;; p++) {
		d = digit_value((unsigned char)*p);
		if (d >= base)
			break;
		any = 1;
		if (acc > cutoff || (acc == cutoff && d > cutlim))
			*overp = 1;
		else
			acc = acc * base + d;
	}
	if (end != NULL)
		*end = (char *)(any ? p : s);
	return acc;
}

long long strtoll(const char *restrict s, char **restrict end, int base)
{
	unsigned long long mag;
	int neg, over;

	mag = scan_number(s, end, base, &neg, &over);
	if (over || mag > (neg ? (unsigned long long)LLONG_MAX_ + 1 :
	    (unsigned long long)LLONG_MAX_)) {
		errno = ERANGE;
		return neg ? LLONG_MIN_ : LLONG_MAX_;
	}
	/* -(mag - 1) - 1 is also right for mag == 2^63 without overflow. */
	return neg && mag > 0 ? -(long long)(mag - 1) - 1 : (long long)mag;
}

unsigned long long strtoull(const char *restrict s, char **restrict end,
	int base)
{
	unsigned long long mag;
	int neg, over;

	mag = scan_number(s, end, base, &neg, &over);
	if (over) {
		errno = ERANGE;
		return ULLONG_MAX_;
	}
	return neg ? -mag : mag;
}

long strtol(const char *restrict s, char **restrict end, int base)
{
	unsigned long long mag;
	int neg, over;

	mag = scan_number(s, end, base, &neg, &over);
	if (over || mag > (neg ? (unsigned long long)LONG_MAX_ + 1 :
	    (unsigned long long)LONG_MAX_)) {
		errno = ERANGE;
		return neg ? LONG_MIN_ : LONG_MAX_;
	}
	return neg && mag > 0 ? -(long)(mag - 1) - 1 : (long)mag;
}

unsigned long strtoul(const char *restrict s, char **restrict end, int base)
{
	unsigned long long mag;
	int neg, over;

	mag = scan_number(s, end, base, &neg, &over);
	if (over || mag > ULONG_MAX_) {
		errno = ERANGE;
		return ULONG_MAX_;
	}
	return neg ? -(unsigned long)mag : (unsigned long)mag;
}

int atoi(const char *s)
{
	return (int)strtol(s, NULL, 10);
}

long atol(const char *s)
{
	return strtol(s, NULL, 10);
}

int abs(int v)
{
	return v < 0 ? -v : v;
}

long labs(long v)
{
	return v < 0 ? -v : v;
}

/* Exchange two elements of size bytes, a word at a time where possible. */
static void swap_elems(char *a, char *b, size_t size)
{
	char c;

	if (((uintptr_t)a | (uintptr_t)b | size) % sizeof(long) == 0) {
		long w, *p = (long *)a, *q = (long *)b;

		for (size /= sizeof(long); size > 0; size--) {
			w = *p;
			*p++ = *q;
			*q++ = w;
		}
		return;
	}
	for (; size > 0; size--) {
		c = *a;
		*a++ = *b;
		*b++ = c;
	}
}

/* Let element i of a heap of n elements sink to its place. */
static void sift_down(char *base, size_t i, size_t n, size_t size,
	int (*cmp)(const void *, const void *))
{
	size_t child;

	while ((child = 2 * i + 1) < n) {
		if (child + 1 < n && cmp(base + child * size,
		    base + (child + 1) * size) < 0)
			child++;
		if (cmp(base + i * size, base + child * size) >= 0)
			return;
		swap_elems(base + i * size, base + child * size, size);
		i = child;
	}
}

/* Heapsort: O(n log n) at worst, no recursion, no extra memory. */
void qsort(void *base, size_t n, size_t size,
	int (*cmp)(const void *, const void *))
{
	char *b = base;
	size_t i;

	if (n < 2 || size == 0)
		return;
	for (i = n / 2; i > 0; i--)
		sift_down(b, i - 1, n, size, cmp);
	for (i = n - 1; i > 0; i--) {
		swap_elems(b, b + i * size, size);
		sift_down(b, 0, i, size, cmp);
	}
}

void *bsearch(const void *key, const void *base, size_t n, size_t size,
	int (*cmp)(const void *, const void *))
{
	const char *b = base, *mid;
	int r;

	while (n > 0) {
		mid = b + (n / 2) * size;
		r = cmp(key, mid);
		if (r == 0)
			return (void *)mid;
		if (r > 0) {
			b = mid + size;
			n -= n / 2 + 1;
		} else {
			n /= 2;
		}
	}
	return NULL;
}

/* rand: a 64-bit linear congruential generator (Knuth's MMIX constants);
 * the top 31 bits of the state are the result.
 */
static uint64_t rand_state = 1;

int rand(void)
{
	rand_state = rand_state * 6364136223846793005ULL +
	    1442695040888963407ULL;
	return (int)(rand_state >> 33);
}

void srand(unsigned int seed)
{
	rand_state = seed;
}
