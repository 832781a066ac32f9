/* stdlib.h - number conversion, sorting, searching and random numbers
 * (lib/libc/stdlib.c), the heap (lib/libc/malloc.c, over sbrk()), and
 * exit() with atexit() (lib/libc/exit.c).
 */
#ifndef _STDLIB_H
#define _STDLIB_H

#include <stddef.h>	/* size_t, NULL */

#define EXIT_SUCCESS	0
#define EXIT_FAILURE	1
#define RAND_MAX	0x7fffffff

int atoi(const char *s);
long atol(const char *s);
long strtol(const char *restrict s, char **restrict end, int base);
unsigned long strtoul(const char *restrict s, char **restrict end, int base);
long long strtoll(const char *restrict s, char **restrict end, int base);
unsigned long long strtoull(const char *restrict s, char **restrict end,
	int base);

/* The value of NAME in environ, or NULL (lib/libc/getenv.c). */
char *getenv(const char *name);
int abs(int v);
long labs(long v);

void qsort(void *base, size_t n, size_t size,
	int (*cmp)(const void *, const void *));
void *bsearch(const void *key, const void *base, size_t n, size_t size,
	int (*cmp)(const void *, const void *));

int rand(void);
void srand(unsigned int seed);
/* POSIX's 48-bit generator (lib/libc/rand48.c): 0 <= lrand48() < 2^31. */
void srand48(long seed);
long lrand48(void);

/* Payloads are 16-byte aligned.  realloc(p, 0) frees p and returns NULL. */
void *malloc(size_t n);
void free(void *p);
void *calloc(size_t n, size_t size);
void *realloc(void *p, size_t n);

/* exit() runs the atexit() functions (last registered first, at most 32),
 * flushes the stdio streams, then calls _exit(); _Exit() only calls _exit().
 */
int atexit(void (*fn)(void));
void exit(int status) __attribute__((__noreturn__));
void abort(void) __attribute__((__noreturn__));
void _Exit(int status) __attribute__((__noreturn__));

#endif /* _STDLIB_H */
