/* stdio.h - formatted output (lib/libc/printf.c).
 *
 * There are no FILE streams yet: printf() and friends format into a buffer
 * on the stack and hand it to write() on fd 1.
 */
#ifndef _STDIO_H
#define _STDIO_H

#include <stdarg.h>	/* va_list */
#include <stddef.h>	/* size_t, NULL */

#define EOF	(-1)

#define __printf_like(f, a) __attribute__((__format__(__printf__, f, a)))

int snprintf(char *restrict buf, size_t size, const char *restrict fmt, ...)
	__printf_like(3, 4);
int vsnprintf(char *restrict buf, size_t size, const char *restrict fmt,
	va_list ap) __printf_like(3, 0);
int printf(const char *restrict fmt, ...) __printf_like(1, 2);
int vprintf(const char *restrict fmt, va_list ap) __printf_like(1, 0);
int dprintf(int fd, const char *restrict fmt, ...) __printf_like(2, 3);
int vdprintf(int fd, const char *restrict fmt, va_list ap) __printf_like(2, 0);
int puts(const char *s);
int putchar(int c);

#endif /* _STDIO_H */
