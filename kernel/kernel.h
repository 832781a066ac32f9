/* kernel.h - what every kernel file includes: types, ABI headers, config,
 * the kernel library (klib.c) and the assertion macros.
 */
#ifndef KERNEL_H
#define KERNEL_H

#include <stddef.h>
#include <stdint.h>
#include <stdarg.h>
#include <minix/config.h>
#include <minix/com.h>
#include <minix/ipc.h>
#include <minix/errno.h>
#include <minix/priv.h>
#include <minix/safecopies.h>
#include "config.h"
#include "arch/i386/arch.h"

#define NORETURN __attribute__((noreturn))
/* The trap paths every system call takes (issue 11): ebp as one more
 * register there.  (Backtraces through them use the debug frame info.) */
#define HOTPATH __attribute__((optimize("omit-frame-pointer")))
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* klib.c */
void kprintf(const char *fmt, ...);  /* kernel log and console */
void klog(const char *fmt, ...);     /* kernel log only (port 0xE9) */
void kvprintf(int console, const char *fmt, va_list ap);
int kvsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int ksnprintf(char *buf, size_t size, const char *fmt, ...);
void panic(const char *fmt, ...) NORETURN;
void panic_frame(struct stackframe *f, const char *fmt, ...) NORETURN;
void *memcpy(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
int strcmp(const char *a, const char *b);
void strlcpy_k(char *dst, const char *src, size_t n);
int strstr_k(const char *s, const char *w);

/* Assertions (Fiasco style): KASSERT may be compiled out, CHECK never is. */
#define CHECK(e) \
	do { if (!(e)) panic("CHECK failed: %s at %s:%d", #e, __FILE__, __LINE__); } while (0)
#ifdef NDEBUG
#define KASSERT(e) ((void)0)
#else
#define KASSERT(e) CHECK(e)
#endif

/* Exit codes through isa-debug-exit (QEMU exits with (code << 1) | 1). */
#define DEBUG_EXIT_PORT 0xf4
#define EXIT_PASS  0x10  /* qemu exit status 33 */
#define EXIT_FAIL  0x11  /* 35 */
#define EXIT_PANIC 0x12  /* 37 */

#endif
