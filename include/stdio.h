/* stdio.h - buffered streams (lib/libc/stdio.c) and formatted output
 * (lib/libc/printf.c).
 *
 * A FILE buffers one file descriptor.  A stream is line buffered when its
 * fd is a terminal (isatty) and fully buffered (BUFSIZ bytes) otherwise;
 * stderr is unbuffered; setvbuf() chooses otherwise.  Each printf-family
 * call on an unbuffered stream still reaches write() in one call when its
 * output fits 256 bytes.  exit() flushes every stream.
 * Reading from an unbuffered or line-buffered stream first flushes the
 * line-buffered output streams, so a prompt appears before input is read.
 */
#ifndef _STDIO_H
#define _STDIO_H

#include <stdarg.h>	/* va_list */
#include <stddef.h>	/* size_t, NULL */
#include <sys/types.h>	/* off_t */

#define EOF		(-1)
#define BUFSIZ		1024	/* default buffer size */
#define FOPEN_MAX	20	/* streams at once, the standard three included */
#define FILENAME_MAX	4096

/* setvbuf() modes (the values of Linux). */
#define _IOFBF		0	/* fully buffered */
#define _IOLBF		1	/* line buffered */
#define _IONBF		2	/* unbuffered */

#ifndef SEEK_SET
#define SEEK_SET	0
#define SEEK_CUR	1
#define SEEK_END	2
#endif

typedef struct __stdio_file FILE;	/* opaque */

extern FILE *stdin;
extern FILE *stdout;
extern FILE *stderr;

#define __printf_like(f, a) __attribute__((__format__(__printf__, f, a)))

/* Opening and closing.  Modes: r w a, each optionally with + ("r+", "w+",
 * "a+"); b is ignored; x adds O_EXCL and e adds O_CLOEXEC.
 */
FILE *fopen(const char *restrict path, const char *restrict mode);
FILE *fdopen(int fd, const char *mode);
int fclose(FILE *f);
int fflush(FILE *f);		/* NULL: every output stream */
int setvbuf(FILE *restrict f, char *restrict buf, int mode, size_t size);
void setbuf(FILE *restrict f, char *restrict buf);

/* Byte and block I/O. */
size_t fread(void *restrict p, size_t size, size_t n, FILE *restrict f);
size_t fwrite(const void *restrict p, size_t size, size_t n,
	FILE *restrict f);
int fgetc(FILE *f);
int getc(FILE *f);
int getchar(void);
int ungetc(int c, FILE *f);	/* one character of push-back */
char *fgets(char *restrict s, int n, FILE *restrict f);
/* A whole line (lib/libc/getline.c): *line grows with realloc; the length
 * read, delimiter included, or -1 at the end of the file or on an error.
 */
ssize_t getline(char **restrict line, size_t *restrict cap, FILE *restrict f);
ssize_t getdelim(char **restrict line, size_t *restrict cap, int delim,
	FILE *restrict f);
int fputc(int c, FILE *f);
int putc(int c, FILE *f);
int putchar(int c);
int fputs(const char *restrict s, FILE *restrict f);
int puts(const char *s);

/* Position, state. */
int fseek(FILE *f, long offset, int whence);
int fseeko(FILE *f, off_t offset, int whence);
long ftell(FILE *f);
off_t ftello(FILE *f);
void rewind(FILE *f);
int feof(FILE *f);
int ferror(FILE *f);
void clearerr(FILE *f);
int fileno(FILE *f);
void perror(const char *s);

/* Files by name (lib/libposix: VFS_RENAME). */
int rename(const char *from, const char *to);

/* Formatted output (lib/libc/printf.c). */
int snprintf(char *restrict buf, size_t size, const char *restrict fmt, ...)
	__printf_like(3, 4);
int vsnprintf(char *restrict buf, size_t size, const char *restrict fmt,
	va_list ap) __printf_like(3, 0);
int printf(const char *restrict fmt, ...) __printf_like(1, 2);
int vprintf(const char *restrict fmt, va_list ap) __printf_like(1, 0);
int fprintf(FILE *restrict f, const char *restrict fmt, ...)
	__printf_like(2, 3);
int vfprintf(FILE *restrict f, const char *restrict fmt, va_list ap)
	__printf_like(2, 0);
int dprintf(int fd, const char *restrict fmt, ...) __printf_like(2, 3);
int vdprintf(int fd, const char *restrict fmt, va_list ap) __printf_like(2, 0);

#endif /* _STDIO_H */
