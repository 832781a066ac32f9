/* test_libc.c - host unit tests for the user-space libc core (lib/libc).
 *
 * The libc sources are #included below with every function renamed to
 * lc_* by macro, so they do not clash with the host's C library; the host
 * library serves as the reference (snprintf, strto*, qsort, ctype).  The
 * host headers are included first, so that the sources' own #include lines
 * find them already done.  write() is replaced by a capturing lc_write();
 * printf() writes through stdio.c's stdout, set unbuffered for the tests.
 */

/* libc is built without _SYSTEM: the E* values it stores are positive. */
#undef _SYSTEM

#include <ctype.h>
#include <limits.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tap.h"

/* CHECK() evaluates its condition twice; this evaluates it once. */
#define OK(c, name)                                                      \
	do {                                                             \
		int ok_ = !!(c);                                         \
		CHECK(ok_, name);                                        \
	} while (0)

/* ---- The host's functions, taken before the renaming below. ---- */

__attribute__((__format__(__printf__, 3, 4)))
static int host_snprintf(char *buf, size_t n, const char *fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = vsnprintf(buf, n, fmt, ap);
	va_end(ap);
	return r;
}

/* The same without format checking, for formats gcc warns about. */
static int host_snprintf_raw(char *buf, size_t n, const char *fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = vsnprintf(buf, n, fmt, ap);
	va_end(ap);
	return r;
}

__attribute__((__format__(__printf__, 1, 2)))
static void diag(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	printf("# ");
	vprintf(fmt, ap);
	printf("\n");
	va_end(ap);
}

static int host_streq(const char *a, const char *b)
{
	return strcmp(a, b) == 0;
}

static int host_memeq(const void *a, const void *b, size_t n)
{
	return memcmp(a, b, n) == 0;
}

static void *(*const host_memmove)(void *, const void *, size_t) = memmove;
static long (*const host_strtol)(const char *, char **, int) = strtol;
static unsigned long (*const host_strtoul)(const char *, char **, int) =
    strtoul;
static long long (*const host_strtoll)(const char *, char **, int) = strtoll;
static unsigned long long (*const host_strtoull)(const char *, char **, int) =
    strtoull;
static void (*const host_qsort)(void *, size_t, size_t,
    int (*)(const void *, const void *)) = qsort;

/* The host's ctype results as 0/1 and its case mapping (C locale). */
static int host_ctype(int i, int c)
{
	switch (i) {
	case 0: return !!isalnum(c);
	case 1: return !!isalpha(c);
	case 2: return !!iscntrl(c);
	case 3: return !!isdigit(c);
	case 4: return !!islower(c);
	case 5: return !!isprint(c);
	case 6: return !!ispunct(c);
	case 7: return !!isspace(c);
	case 8: return !!isupper(c);
	case 9: return !!isxdigit(c);
	case 10: return tolower(c);
	default: return toupper(c);
	}
}

/* ---- From here on the names are ours. ---- */

#undef memcpy
#define memcpy lc_memcpy
#undef memmove
#define memmove lc_memmove
#undef memset
#define memset lc_memset
#undef memcmp
#define memcmp lc_memcmp
#undef memchr
#define memchr lc_memchr
#undef strlen
#define strlen lc_strlen
#undef strnlen
#define strnlen lc_strnlen
#undef strcpy
#define strcpy lc_strcpy
#undef strncpy
#define strncpy lc_strncpy
#undef strcat
#define strcat lc_strcat
#undef strncat
#define strncat lc_strncat
#undef strcmp
#define strcmp lc_strcmp
#undef strncmp
#define strncmp lc_strncmp
#undef strchr
#define strchr lc_strchr
#undef strrchr
#define strrchr lc_strrchr
#undef strstr
#define strstr lc_strstr
#undef strspn
#define strspn lc_strspn
#undef strcspn
#define strcspn lc_strcspn
#undef strtok_r
#define strtok_r lc_strtok_r
#undef strerror
#define strerror lc_strerror

#undef isalnum
#define isalnum lc_isalnum
#undef isalpha
#define isalpha lc_isalpha
#undef iscntrl
#define iscntrl lc_iscntrl
#undef isdigit
#define isdigit lc_isdigit
#undef islower
#define islower lc_islower
#undef isprint
#define isprint lc_isprint
#undef ispunct
#define ispunct lc_ispunct
#undef isspace
#define isspace lc_isspace
#undef isupper
#define isupper lc_isupper
#undef isxdigit
#define isxdigit lc_isxdigit
#undef tolower
#define tolower lc_tolower
#undef toupper
#define toupper lc_toupper

#undef atoi
#define atoi lc_atoi
#undef atol
#define atol lc_atol
#undef strtol
#define strtol lc_strtol
#undef strtoul
#define strtoul lc_strtoul
#undef strtoll
#define strtoll lc_strtoll
#undef strtoull
#define strtoull lc_strtoull
#undef abs
#define abs lc_abs
#undef labs
#define labs lc_labs
#undef qsort
#define qsort lc_qsort
#undef bsearch
#define bsearch lc_bsearch
#undef rand
#define rand lc_rand
#undef srand
#define srand lc_srand

#undef snprintf
#define snprintf lc_snprintf
#undef vsnprintf
#define vsnprintf lc_vsnprintf
#undef printf
#define printf lc_printf
#undef vprintf
#define vprintf lc_vprintf
#undef dprintf
#define dprintf lc_dprintf
#undef vdprintf
#define vdprintf lc_vdprintf
#undef puts
#define puts lc_puts
#undef putchar
#define putchar lc_putchar

#undef errno
#define errno lc_errno
#undef write
#define write lc_write

/* printf() and friends go through stdout's FILE: lib/libc/stdio.c is
 * included too, with its other system calls stubbed out below (the stdio
 * layer itself is tested in test_libc2.c).  Our <stdio.h> declares the
 * renamed functions and our FILE as lc_FILE.
 */
#define FILE lc_FILE
#undef stdin
#define stdin lc_stdin
#undef stdout
#define stdout lc_stdout
#undef stderr
#define stderr lc_stderr
#undef fprintf
#define fprintf lc_fprintf
#undef vfprintf
#define vfprintf lc_vfprintf
#undef fopen
#define fopen lc_fopen
#undef fdopen
#define fdopen lc_fdopen
#undef fclose
#define fclose lc_fclose
#undef fflush
#define fflush lc_fflush
#undef setvbuf
#define setvbuf lc_setvbuf
#undef setbuf
#define setbuf lc_setbuf
#undef fread
#define fread lc_fread
#undef fwrite
#define fwrite lc_fwrite
#undef fgetc
#define fgetc lc_fgetc
#undef getc
#define getc lc_getc
#undef getchar
#define getchar lc_getchar
#undef ungetc
#define ungetc lc_ungetc
#undef fgets
#define fgets lc_fgets
#undef getline
#define getline lc_getline
#undef getdelim
#define getdelim lc_getdelim
#undef fputc
#define fputc lc_fputc
#undef putc
#define putc lc_putc
#undef fputs
#define fputs lc_fputs
#undef fseek
#define fseek lc_fseek
#undef fseeko
#define fseeko lc_fseeko
#undef ftell
#define ftell lc_ftell
#undef ftello
#define ftello lc_ftello
#undef rewind
#define rewind lc_rewind
#undef feof
#define feof lc_feof
#undef ferror
#define ferror lc_ferror
#undef clearerr
#define clearerr lc_clearerr
#undef fileno
#define fileno lc_fileno
#undef perror
#define perror lc_perror
#define __stdio_exit lc___stdio_exit
#undef read
#define read lc_read
#undef open
#define open lc_open
#undef close
#define close lc_close
#undef lseek
#define lseek lc_lseek
#undef isatty
#define isatty lc_isatty

#undef _STDIO_H
#undef EOF
#undef BUFSIZ
#undef FOPEN_MAX
#undef FILENAME_MAX
#undef _IOFBF
#undef _IOLBF
#undef _IONBF
#include "../../include/stdio.h"

/* Format checking for the calls below, as <stdio.h> gives user programs. */
int snprintf(char *restrict, size_t, const char *restrict, ...)
    __attribute__((__format__(__printf__, 3, 4)));
int printf(const char *restrict, ...)
    __attribute__((__format__(__printf__, 1, 2)));
int dprintf(int, const char *restrict, ...)
    __attribute__((__format__(__printf__, 2, 3)));

/* lc_write: collects what printf() and friends write. */
static char wr_buf[4096];
static size_t wr_len;
static int wr_fd = -1;		/* fd of the last write */
static int wr_calls;
static size_t wr_max = SIZE_MAX;	/* accept at most this much per call */
static int wr_fail;		/* fail every call */

static ssize_t write(int fd, const void *buf, size_t n)
{
	wr_calls++;
	wr_fd = fd;
	if (wr_fail)
		return -1;
	if (n > wr_max)
		n = wr_max;
	if (n > sizeof(wr_buf) - wr_len)
		n = sizeof(wr_buf) - wr_len;
	host_memmove(wr_buf + wr_len, buf, n);
	wr_len += n;
	return (ssize_t)n;
}

/* The other system calls of stdio.c: none is used here. */
static ssize_t read(int fd, void *buf, size_t n)
{
	(void)fd, (void)buf, (void)n;
	return -1;
}

static int open(const char *path, int flags, ...)
{
	(void)path, (void)flags;
	return -1;
}

static int close(int fd)
{
	(void)fd;
	return -1;
}

static off_t lseek(int fd, off_t off, int whence)
{
	(void)fd, (void)off, (void)whence;
	return -1;
}

static int isatty(int fd)
{
	(void)fd;
	return 0;
}

static void wr_reset(void)
{
	wr_len = 0;
	wr_fd = -1;
	wr_calls = 0;
	wr_max = SIZE_MAX;
	wr_fail = 0;
}

#include "../../lib/libc/errno.c"
#include "../../lib/libc/ctype.c"
#include "../../lib/libc/string.c"
#include "../../lib/libc/stdlib.c"
#include "../../lib/libc/printf.c"
#include "../../lib/libc/stdio.c"

/* Our vsnprintf without format checking, for odd formats. */
static int raw_snprintf(char *buf, size_t n, const char *fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = vsnprintf(buf, n, fmt, ap);
	va_end(ap);
	return r;
}

/* ---- printf family ---- */

static char hbuf[512], lbuf[512];

static void fmt_check(const char *what, int hr, int lr)
{
	char name[200];

	host_snprintf(name, sizeof(name), "snprintf(%s) = \"%s\"", what, hbuf);
	tap_result(hr == lr && host_streq(hbuf, lbuf), name, lr, hr);
	if (!host_streq(hbuf, lbuf))
		diag("got \"%s\"", lbuf);
}

/* Format the same arguments with the host's snprintf and ours. */
#define T(...)                                                           \
	do {                                                             \
		int hr_ = host_snprintf(hbuf, sizeof(hbuf), __VA_ARGS__); \
		int lr_ = snprintf(lbuf, sizeof(lbuf), __VA_ARGS__);      \
		fmt_check(#__VA_ARGS__, hr_, lr_);                       \
	} while (0)

/* The same for formats compilers warn about: overridden flags, an int
 * that %hh / %h truncate.
 */
#define TR(...)                                                          \
	do {                                                             \
		int hr_ = host_snprintf_raw(hbuf, sizeof(hbuf), __VA_ARGS__); \
		int lr_ = raw_snprintf(lbuf, sizeof(lbuf), __VA_ARGS__);  \
		fmt_check(#__VA_ARGS__, hr_, lr_);                       \
	} while (0)

static void test_format_table(void)
{
	int n = 12345;

	T("plain text");
	T("%d", 0);
	T("%d", 42);
	T("%d", -42);
	T("%d", INT_MAX);
	T("%d", INT_MIN);
	T("%i", -7);
	T("%5d|", 42);
	T("%-5d|", 42);
	T("%05d", 42);
	T("%05d", -42);
	T("%+d", 42);
	T("%+d", -42);
	T("%+d", 0);
	T("% d", 42);
	T("% d", -42);
	TR("%+ d", 5);
	T("% 05d", 7);
	T("%+05d", 7);
	TR("%-05d|", 7);
	T("%.3d", 7);
	T("%.3d", -7);
	T("%8.3d|", -7);
	T("%-8.3d|", 7);
	TR("%08.3d|", 7);
	T("%.0d|", 0);
	T("%5.0d|", 0);
	T("%+.0d|", 0);
	T("%.0d", 1);
	T("%.10d", INT_MIN);
	T("%u", 0u);
	T("%u", UINT_MAX);
	T("%10u|", 123u);
	T("%x", 0xdeadbeefu);
	T("%X", 0xdeadbeefu);
	T("%#x", 255u);
	T("%#X", 255u);
	T("%#x", 0u);
	T("%#.0x|", 0u);
	T("%#08x", 255u);
	T("%-#8x|", 255u);
	T("%.8x", 0x1fu);
	T("%#.4x", 1u);
	T("%o", 8u);
	T("%#o", 8u);
	T("%#o", 0u);
	T("%#.0o|", 0u);
	T("%.0o|", 0u);
	T("%#5o|", 8u);
	T("%#.2o", 8u);
	T("%#.3o", 8u);
	T("%#o", UINT_MAX);
	T("%c", 'A');
	T("%3c|", 'b');
	T("%-3c|", 'c');
	T("%c%c%c", 'x', 'y', 'z');
	T("%s", "hello");
	T("%10s|", "hello");
	T("%-10s|", "hello");
	T("%.3s|", "hello");
	T("%10.3s|", "hello");
	T("%-10.3s|", "hello");
	T("%.0s|", "hello");
	T("%.10s|", "hello");
	T("%s|", "");
	T("%%");
	T("100%% sure");
	T("%*d|", 5, 42);
	T("%-*d|", 5, 42);
	T("%*d|", -5, 42);
	T("%.*d|", 4, 42);
	T("%.*d|", -1, 42);
	T("%.*d|", 0, 0);
	T("%*.*d|", 8, 4, -42);
	T("%.*s|", 2, "abcdef");
	T("%.*s|", -1, "abc");
	T("%*s|", 6, "ab");
	TR("%hhd", 300);
	TR("%hhd", 200);
	TR("%hhu", 256 + 7);
	TR("%hhx", -1);
	TR("%hd", 70000);
	TR("%hu", -1);
	TR("%hx", 0x12345);
	T("%ld", LONG_MAX);
	T("%ld", LONG_MIN);
	T("%lu", ULONG_MAX);
	T("%lx", 0xabcdefUL);
	T("%li", -1L);
	T("%lld", LLONG_MAX);
	T("%lld", LLONG_MIN);
	T("%lld", 0LL);
	T("%llu", ULLONG_MAX);
	T("%llx", 0x123456789abcdefULL);
	T("%llX", 0xfedcba9876543210ULL);
	T("%llo", ULLONG_MAX);
	T("%#llx", 0x100000000ULL);
	T("%20lld|", -1LL);
	T("%-25lld|", LLONG_MIN);
	T("%+lld", 4294967296LL);
	T("%025lld", LLONG_MIN);
	T("%.20llu", 1ULL);
	T("%zu", SIZE_MAX);
	T("%zd", (ssize_t)-5);
	T("%zx", (size_t)0xbeef);
	T("%td", (ptrdiff_t)-100);
	T("%tx", (ptrdiff_t)255);
	T("%jd", INTMAX_MIN);
	T("%ju", UINTMAX_MAX);
	T("%jx", (uintmax_t)0xcafe);
	T("%p", (void *)0x1234);
	T("%20p|", (void *)0xabcdef);
	T("%-20p|", (void *)0xabcdef);
	T("[%s|%5d|%-4x|%c]", "mix", -3, 0xau, '!');
	T("%d %s %u %x %c %%", 1, "two", 3u, 4u, '5');
	T("%s=%lld (%#o)", "n", -123456789012LL, 0755u);
	T("%5s%-5s|%05d%%", "a", "b", n);
}

static void test_snprintf(void)
{
	char buf[16];
	const char *null_str = NULL;
	int r;

	host_memmove(buf, "XXXXXXXXXXXXXXXX", 16);
	r = snprintf(buf, 5, "hello %s", "world");
	CHECK_EQ(r, 11, "snprintf truncated returns the full length");
	OK(host_streq(buf, "hell"), "snprintf truncated output");
	CHECK_EQ(buf[5], 'X', "snprintf writes nothing past size");

	host_memmove(buf, "XXXXXXXXXXXXXXXX", 16);
	r = snprintf(buf, 1, "abc");
	CHECK_EQ(r, 3, "snprintf size 1 returns the full length");
	CHECK_EQ(buf[0], '\0', "snprintf size 1 stores only the NUL");
	CHECK_EQ(buf[1], 'X', "snprintf size 1 leaves the rest");

	r = snprintf(NULL, 0, "%d-%s", 12345, "abc");
	CHECK_EQ(r, 9, "snprintf(NULL, 0) counts");

	host_memmove(buf, "XXXXXXXXXXXXXXXX", 16);
	r = snprintf(buf, 6, "%10d", 7);
	CHECK_EQ(r, 10, "snprintf truncated padding counts");
	OK(host_streq(buf, "     "), "snprintf truncated padding");

	r = snprintf(buf, sizeof(buf), "12345");
	OK(r == 5 && host_streq(buf, "12345"), "snprintf exact fit");
	r = snprintf(buf, 6, "123456");
	OK(r == 6 && host_streq(buf, "12345"), "snprintf one too long");

	r = snprintf(buf, sizeof(buf), "a%cb", '\0');
	OK(r == 3 && buf[0] == 'a' && buf[1] == '\0' && buf[2] == 'b' &&
	    buf[3] == '\0', "%c of NUL is stored and counted");

	r = snprintf(buf, sizeof(buf), "%p", (void *)0);
	OK(r == 3 && host_streq(buf, "0x0"), "%p of NULL is 0x0");
	r = raw_snprintf(buf, sizeof(buf), "%s", null_str);
	OK(r == 6 && host_streq(buf, "(null)"), "%s of NULL is (null)");

	r = raw_snprintf(buf, sizeof(buf), "");
	OK(r == 0 && buf[0] == '\0', "empty format");
	r = raw_snprintf(buf, sizeof(buf), "a%yb");
	OK(r == 4 && host_streq(buf, "a%yb"), "unknown conversion is copied");
	r = raw_snprintf(buf, sizeof(buf), "ab%");
	OK(r == 3 && host_streq(buf, "ab%"), "lone % at the end is copied");
	r = raw_snprintf(buf, sizeof(buf), "ab%-5");
	OK(r == 5 && host_streq(buf, "ab%-5"), "unfinished directive");

	r = snprintf(lbuf, sizeof(lbuf), "%*d", -INT_MAX, 1);
	CHECK_EQ(r, INT_MAX, "width INT_MAX counts");
	r = raw_snprintf(lbuf, sizeof(lbuf), "%*d%d", INT_MAX, 1, 2);
	CHECK_EQ(r, -1, "output longer than INT_MAX is -1");
}

static void test_printf(void)
{
	char big[600];
	int r, i;

	/* Unbuffered, each call below reaches write() before it returns. */
	setvbuf(stdout, NULL, _IONBF, 0);
	wr_reset();
	r = printf("x=%d %s\n", 42, "ok");
	OK(r == 8 && wr_len == 8 && host_memeq(wr_buf, "x=42 ok\n", 8),
	    "printf writes the text");
	CHECK_EQ(wr_fd, 1, "printf writes to fd 1");
	CHECK_EQ(wr_calls, 1, "short printf is one write");

	wr_reset();
	r = printf("%s", "");
	OK(r == 0 && wr_len == 0, "empty printf writes nothing");

	/* Longer than the stack buffer: flushed in pieces, nothing lost. */
	for (i = 0; i < 599; i++)
		big[i] = 'a' + i % 26;
	big[599] = '\0';
	wr_reset();
	r = printf("<%s>%700d", big, 7);
	CHECK_EQ(r, 601 + 700, "long printf returns its length");
	OK(wr_len == 1301 && host_memeq(wr_buf + 1, big, 599) &&
	    wr_buf[0] == '<' && wr_buf[600] == '>' && wr_buf[1300] == '7' &&
	    wr_buf[1299] == ' ', "long printf output");
	OK(wr_calls > 1, "long printf takes several writes");

	wr_reset();
	wr_max = 3;		/* short writes are continued */
	r = printf("%s|%d", "partial", -99);
	OK(r == 11 && wr_len == 11 && host_memeq(wr_buf, "partial|-99", 11),
	    "printf continues short writes");

	wr_reset();
	wr_fail = 1;
	r = printf("fails %d", 1);
	CHECK_EQ(r, -1, "printf returns -1 when write fails");
	CHECK_EQ(wr_calls, 1, "printf gives up after a failed write");

	wr_reset();
	r = dprintf(2, "err %u", 5u);
	OK(r == 5 && wr_fd == 2 && host_memeq(wr_buf, "err 5", 5),
	    "dprintf writes to its fd");

	wr_reset();
	r = puts("line");
	OK(r >= 0 && wr_len == 5 && host_memeq(wr_buf, "line\n", 5),
	    "puts appends a newline");
	CHECK_EQ(wr_calls, 1, "puts is one write");
	wr_reset();
	wr_fail = 1;
	CHECK_EQ(puts("x"), EOF, "puts returns EOF when write fails");

	wr_reset();
	r = putchar(0x1ff);
	OK(r == 0xff && wr_len == 1 && (unsigned char)wr_buf[0] == 0xff,
	    "putchar writes one unsigned char");
	wr_reset();
	wr_fail = 1;
	CHECK_EQ(putchar('a'), EOF, "putchar returns EOF when write fails");
	wr_reset();
}

/* ---- string.h ---- */

static void test_mem(void)
{
	unsigned char src[80], dst[80], ref[80];
	size_t n, off, off2;
	int ok, c;

	for (n = 0; n < sizeof(src); n++)
		src[n] = (unsigned char)(n * 7 + 1);

	ok = 1;
	for (off = 0; off < 4; off++) {
		for (off2 = 0; off2 < 4; off2++) {
			for (n = 0; n <= 40; n++) {
				for (c = 0; c < 80; c++)
					dst[c] = ref[c] = 0xee;
				host_memmove(ref + off, src + off2, n);
				if (memcpy(dst + off, src + off2, n) !=
				    dst + off || !host_memeq(dst, ref, 80))
					ok = 0;
			}
		}
	}
	OK(ok, "memcpy: all sizes 0..40, all alignments");

	for (c = 0; c < 2; c++) {
		ok = 1;
		for (off = 1; off < 9; off++) {
			for (n = 0; n <= 60; n++) {
				size_t d = c ? 0 : off, s = c ? off : 0;

				host_memmove(dst, src, 80);
				host_memmove(ref, src, 80);
				host_memmove(ref + d, ref + s, n);
				if (memmove(dst + d, dst + s, n) != dst + d ||
				    !host_memeq(dst, ref, 80))
					ok = 0;
			}
		}
		OK(ok, c ? "memmove overlapping, downwards (dst < src)" :
		    "memmove overlapping, upwards (dst > src)");
	}
	host_memmove(dst, src, 80);
	memmove(dst + 10, dst + 40, 30);
	OK(host_memeq(dst + 10, src + 40, 30) && host_memeq(dst, src, 10) &&
	    host_memeq(dst + 40, src + 40, 40), "memmove disjoint");
	OK(memmove(dst, dst, 80) == dst && host_memeq(dst + 40, src + 40, 40),
	    "memmove onto itself");

	ok = 1;
	for (off = 0; off < 4; off++) {
		for (n = 0; n <= 40; n++) {
			for (c = 0; c < 80; c++)
				dst[c] = ref[c] = 0xee;
			for (c = 0; c < (int)n; c++)
				ref[off + c] = 0xa5;
			if (memset(dst + off, 0x3a5, n) != dst + off ||
			    !host_memeq(dst, ref, 80))
				ok = 0;
		}
	}
	OK(ok, "memset: all sizes 0..40, only the low byte of c");

	OK(memcmp("abc", "abd", 3) < 0, "memcmp less");
	OK(memcmp("abd", "abc", 3) > 0, "memcmp greater");
	OK(memcmp("abc", "abd", 2) == 0, "memcmp equal prefix");
	OK(memcmp("a", "b", 0) == 0, "memcmp of nothing");
	OK(memcmp("\x80", "\x7f", 1) > 0, "memcmp compares unsigned bytes");
	{
		const char *h = "hello";

		OK(memchr(h, 'l', 5) == h + 2, "memchr finds the first");
		OK(memchr(h, 'o', 4) == NULL, "memchr stops at n");
		OK(memchr(h, '\0', 6) == h + 5, "memchr finds NUL");
		OK(memchr("\xff", 0x1ff, 1) != NULL,
		    "memchr compares as unsigned char");
	}
}

static void test_str(void)
{
	char buf[32], *save, *tok, tokbuf[32];
	const char *s = "hello world";

	CHECK_EQ(strlen(""), 0, "strlen empty");
	CHECK_EQ(strlen(s), 11, "strlen");
	CHECK_EQ(strnlen(s, 5), 5, "strnlen capped");
	CHECK_EQ(strnlen(s, 50), 11, "strnlen short");
	CHECK_EQ(strnlen("", 0), 0, "strnlen 0");

	OK(strcpy(buf, s) == buf && host_streq(buf, s), "strcpy");
	host_memmove(buf, "XXXXXXXXXX", 10);
	OK(strncpy(buf, "ab", 6) == buf && host_memeq(buf, "ab\0\0\0\0XXXX", 10),
	    "strncpy pads with NULs");
	host_memmove(buf, "XXXXXXXXXX", 10);
	strncpy(buf, "abcdefgh", 4);
	OK(host_memeq(buf, "abcdXX", 6), "strncpy of a long string, no NUL");

	strcpy(buf, "foo");
	OK(strcat(buf, "bar") == buf && host_streq(buf, "foobar"), "strcat");
	OK(host_streq(strcat(buf, ""), "foobar"), "strcat empty");
	strcpy(buf, "foo");
	OK(strncat(buf, "barbaz", 3) == buf && host_streq(buf, "foobar"),
	    "strncat capped");
	OK(host_streq(strncat(buf, "!", 10), "foobar!"), "strncat short");
	OK(host_streq(strncat(buf, "zzz", 0), "foobar!"), "strncat 0");

	OK(strcmp("abc", "abc") == 0, "strcmp equal");
	OK(strcmp("abc", "abd") < 0, "strcmp less");
	OK(strcmp("abd", "abc") > 0, "strcmp greater");
	OK(strcmp("ab", "abc") < 0, "strcmp prefix is less");
	OK(strcmp("abc", "ab") > 0, "strcmp longer is greater");
	OK(strcmp("\xe9", "e") > 0, "strcmp compares unsigned chars");
	OK(strcmp("", "") == 0, "strcmp empty");
	OK(strncmp("abcX", "abcY", 3) == 0, "strncmp prefix");
	OK(strncmp("abcX", "abcY", 4) < 0, "strncmp differs");
	OK(strncmp("ab", "ab", 10) == 0, "strncmp stops at NUL");
	OK(strncmp("a", "b", 0) == 0, "strncmp 0");
	OK(strncmp("ab", "abc", 5) < 0, "strncmp shorter");

	OK(strchr(s, 'o') == s + 4, "strchr first");
	OK(strchr(s, 'z') == NULL, "strchr missing");
	OK(strchr(s, '\0') == s + 11, "strchr NUL");
	OK(strrchr(s, 'o') == s + 7, "strrchr last");
	OK(strrchr(s, 'z') == NULL, "strrchr missing");
	OK(strrchr(s, '\0') == s + 11, "strrchr NUL");
	OK(strchr("a\xe9", 0xe9) != NULL, "strchr with a high char");

	OK(strstr(s, "world") == s + 6, "strstr");
	OK(strstr(s, "") == s, "strstr empty needle");
	OK(strstr(s, "worlds") == NULL, "strstr past the end");
	OK(strstr("aaaab", "aaab") != NULL, "strstr partial match");
	OK(strstr("", "a") == NULL, "strstr empty haystack");
	OK(strstr(s, "o w") == s + 4, "strstr in the middle");

	CHECK_EQ(strspn("aabbcxa", "ab"), 4, "strspn");
	CHECK_EQ(strspn("xyz", "ab"), 0, "strspn none");
	CHECK_EQ(strspn("abab", "ab"), 4, "strspn all");
	CHECK_EQ(strcspn("hello, world", ", "), 5, "strcspn");
	CHECK_EQ(strcspn("hello", ""), 5, "strcspn empty set");
	CHECK_EQ(strcspn("", "a"), 0, "strcspn empty string");

	strcpy(tokbuf, "  a,b,, c  ");
	tok = strtok_r(tokbuf, " ,", &save);
	OK(tok != NULL && host_streq(tok, "a"), "strtok_r first token");
	tok = strtok_r(NULL, " ,", &save);
	OK(tok != NULL && host_streq(tok, "b"), "strtok_r second token");
	tok = strtok_r(NULL, " ,", &save);
	OK(tok != NULL && host_streq(tok, "c"), "strtok_r skips runs");
	OK(strtok_r(NULL, " ,", &save) == NULL, "strtok_r end");
	OK(strtok_r(NULL, " ,", &save) == NULL, "strtok_r stays at end");
	strcpy(tokbuf, ",,,");
	OK(strtok_r(tokbuf, ",", &save) == NULL, "strtok_r no tokens");
	strcpy(tokbuf, "word");
	tok = strtok_r(tokbuf, ",", &save);
	OK(tok == tokbuf && strtok_r(NULL, ",", &save) == NULL,
	    "strtok_r single token");
}

static void test_strerror(void)
{
	size_t i, j, n = sizeof(err_msgs) / sizeof(err_msgs[0]);
	int ok;

	OK(ERANGE > 0 && EPERM == 1, "E* values are positive here");
	OK(host_streq(strerror(EPERM), "Operation not permitted"),
	    "strerror EPERM");
	OK(host_streq(strerror(ENOENT), "No such file or directory"),
	    "strerror ENOENT");
	OK(host_streq(strerror(ERANGE), "Result too large"),
	    "strerror ERANGE");
	OK(host_streq(strerror(ETIMEDOUT), "Operation timed out"),
	    "strerror ETIMEDOUT");
	OK(host_streq(strerror(EDONTREPLY), "Do not reply"),
	    "strerror EDONTREPLY");
	OK(host_streq(strerror(EDEADEPT), strerror(EDEADSRCDST)),
	    "strerror EDEADEPT");
	OK(host_streq(strerror(0), "Unknown error"), "strerror 0");
	OK(host_streq(strerror(-EPERM), "Unknown error"), "strerror -1");
	OK(host_streq(strerror(1000), "Unknown error"), "strerror 1000");

	ok = n >= 50;
	for (i = 0; i < n; i++) {
		if (err_msgs[i].num <= 0)
			ok = 0;
		for (j = i + 1; j < n; j++) {
			if (err_msgs[i].num == err_msgs[j].num ||
			    host_streq(err_msgs[i].msg, err_msgs[j].msg))
				ok = 0;
		}
	}
	OK(ok, "strerror table: positive, no duplicates");
}

/* ---- ctype.h ---- */

static void test_ctype(void)
{
	static const char *const names[] = { "isalnum", "isalpha", "iscntrl",
	    "isdigit", "islower", "isprint", "ispunct", "isspace", "isupper",
	    "isxdigit", "tolower", "toupper" };
	char name[64];
	int i, c, ours, bad;

	for (i = 0; i < 12; i++) {
		bad = 0;
		for (c = EOF; c <= 255; c++) {
			switch (i) {
			case 0: ours = isalnum(c); break;
			case 1: ours = isalpha(c); break;
			case 2: ours = iscntrl(c); break;
			case 3: ours = isdigit(c); break;
			case 4: ours = islower(c); break;
			case 5: ours = isprint(c); break;
			case 6: ours = ispunct(c); break;
			case 7: ours = isspace(c); break;
			case 8: ours = isupper(c); break;
			case 9: ours = isxdigit(c); break;
			case 10: ours = tolower(c); break;
			default: ours = toupper(c); break;
			}
			if (i < 10)
				ours = !!ours;
			if (ours != host_ctype(i, c)) {
				if (!bad)
					diag("%s(%d) = %d", names[i], c, ours);
				bad = 1;
			}
		}
		host_snprintf(name, sizeof(name), "%s matches the C locale, EOF..255",
		    names[i]);
		OK(!bad, name);
	}
}

/* ---- stdlib.h ---- */

/* Add one to the decimal number in s (digits only, room for one more). */
static void dec_inc(char *s)
{
	size_t i = strlen(s);

	while (i > 0 && s[i - 1] == '9')
		s[--i] = '0';
	if (i == 0) {
		host_memmove(s + 1, s, strlen(s) + 1);
		s[0] = '1';
	} else {
		s[i - 1]++;
	}
}

/* s with control characters shown as \xNN, for test names. */
static void printable(char *dst, size_t size, const char *s)
{
	size_t n = 0;

	for (; *s != '\0' && n + 5 < size; s++) {
		if ((unsigned char)*s < ' ')
			n += host_snprintf(dst + n, size - n, "\\x%02x", *s);
		else
			dst[n++] = *s;
	}
	dst[n] = '\0';
}

static void test_strto_table(void)
{
	static const struct {
		const char *s;
		int base;
	} cases[] = {
		{ "0", 10 }, { "42", 10 }, { "-42", 10 }, { "+42", 10 },
		{ " \t\n\v\f\r17", 10 }, { "0x1A", 16 }, { "0X1a", 16 },
		{ "0x1A", 0 }, { "-0x10", 0 }, { "0x", 16 }, { "0x", 0 },
		{ "0xg", 16 }, { "0xg", 0 }, { "017", 0 }, { "08", 0 },
		{ "0", 0 }, { "017", 10 }, { "zZ", 36 }, { "1010", 2 },
		{ "777", 8 }, { "778", 8 }, { "   ", 10 }, { "", 10 },
		{ "-", 10 }, { "+", 10 }, { "- 1", 10 }, { "abc", 10 },
		{ "12abc", 10 }, { "ffffffff", 16 }, { "FFFFFFFF", 16 },
		{ "2147483647", 10 }, { "2147483648", 10 },
		{ "-2147483648", 10 }, { "-2147483649", 10 },
		{ "4294967295", 10 }, { "4294967296", 10 }, { "-1", 10 },
		{ "9223372036854775807", 10 }, { "9223372036854775808", 10 },
		{ "-9223372036854775808", 10 }, { "-9223372036854775809", 10 },
		{ "18446744073709551615", 10 }, { "18446744073709551616", 10 },
		{ "-18446744073709551615", 10 }, { "99999999999999999999999", 0 },
		{ "0x7fffffffffffffff", 0 }, { "0xffffffffffffffff", 0 },
		{ "0x10000000000000000", 0 }, { "1e5", 0 },
	};
	char name[128], shown[64], *he, *le;
	size_t i;
	int ok;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const char *s = cases[i].s;
		int b = cases[i].base;

		ok = host_strtol(s, &he, b) == strtol(s, &le, b) && he == le;
		ok &= host_strtoul(s, &he, b) == strtoul(s, &le, b) && he == le;
		ok &= host_strtoll(s, &he, b) == strtoll(s, &le, b) && he == le;
		ok &= host_strtoull(s, &he, b) == strtoull(s, &le, b) &&
		    he == le;
		printable(shown, sizeof(shown), s);
		host_snprintf(name, sizeof(name),
		    "strto{l,ul,ll,ull}(\"%s\", %d) match the host", shown, b);
		OK(ok, name);
	}
}

static void test_strto(void)
{
	char buf[48], *end;
	const char *s;

	errno = 0;
	CHECK_EQ(strtol("-123", &end, 10), -123, "strtol negative");
	CHECK_EQ(errno, 0, "strtol leaves errno alone");
	s = "  0x1fZ";
	CHECK_EQ(strtol(s, &end, 16), 0x1f, "strtol base 16 with 0x");
	OK(end == s + 6, "strtol endptr after the digits");
	s = "xyz";
	OK(strtol(s, &end, 0) == 0 && end == s, "strtol no digits");
	OK(strtol("0x", &end, 16) == 0 && *end == 'x',
	    "strtol 0x without digits parses the 0");
	errno = 0;
	s = "12";
	OK(strtol(s, &end, 1) == 0 && errno == EINVAL && end == s,
	    "strtol base 1 is EINVAL");
	errno = 0;
	OK(strtol("1", NULL, 37) == 0 && errno == EINVAL,
	    "strtol base 37 is EINVAL");

	/* Boundaries of long, whatever its width. */
	host_snprintf(buf, sizeof(buf), "%ld", LONG_MAX);
	errno = 0;
	OK(strtol(buf, NULL, 10) == LONG_MAX && errno == 0, "strtol LONG_MAX");
	dec_inc(buf);
	errno = 0;
	OK(strtol(buf, &end, 10) == LONG_MAX && errno == ERANGE &&
	    *end == '\0', "strtol LONG_MAX + 1 overflows, ERANGE");
	host_snprintf(buf, sizeof(buf), "%ld", LONG_MIN);
	errno = 0;
	OK(strtol(buf, NULL, 10) == LONG_MIN && errno == 0, "strtol LONG_MIN");
	dec_inc(buf + 1);
	errno = 0;
	OK(strtol(buf, NULL, 10) == LONG_MIN && errno == ERANGE,
	    "strtol LONG_MIN - 1 underflows, ERANGE");
	host_snprintf(buf, sizeof(buf), "%d", INT_MIN);
	CHECK_EQ(strtol(buf, NULL, 10), INT_MIN, "strtol INT_MIN");
	CHECK_EQ(atoi(buf), INT_MIN, "atoi INT_MIN");

	host_snprintf(buf, sizeof(buf), "%lu", ULONG_MAX);
	errno = 0;
	OK(strtoul(buf, NULL, 10) == ULONG_MAX && errno == 0,
	    "strtoul ULONG_MAX");
	dec_inc(buf);
	errno = 0;
	OK(strtoul(buf, NULL, 10) == ULONG_MAX && errno == ERANGE,
	    "strtoul ULONG_MAX + 1 overflows, ERANGE");
	errno = 0;
	OK(strtoul("-1", NULL, 10) == ULONG_MAX && errno == 0,
	    "strtoul -1 is ULONG_MAX");

	host_snprintf(buf, sizeof(buf), "%lld", LLONG_MIN);
	errno = 0;
	OK(strtoll(buf, NULL, 10) == LLONG_MIN && errno == 0,
	    "strtoll LLONG_MIN");
	dec_inc(buf + 1);
	errno = 0;
	OK(strtoll(buf, NULL, 10) == LLONG_MIN && errno == ERANGE,
	    "strtoll LLONG_MIN - 1 underflows, ERANGE");
	errno = 0;
	OK(strtoll("9223372036854775808", NULL, 10) == LLONG_MAX &&
	    errno == ERANGE, "strtoll LLONG_MAX + 1 overflows, ERANGE");
	errno = 0;
	OK(strtoull("18446744073709551615", NULL, 10) == ULLONG_MAX &&
	    errno == 0, "strtoull ULLONG_MAX");
	errno = 0;
	s = "18446744073709551616xyz";
	OK(strtoull(s, &end, 10) == ULLONG_MAX && errno == ERANGE &&
	    end == s + 20, "strtoull overflow consumes all digits, ERANGE");
	errno = 0;
	OK(strtoull("0xFFFFFFFFFFFFFFFF", NULL, 0) == ULLONG_MAX &&
	    errno == 0, "strtoull hex ULLONG_MAX");

	CHECK_EQ(atoi("  -123xyz"), -123, "atoi");
	CHECK_EQ(atoi("+7"), 7, "atoi plus");
	CHECK_EQ(atoi("010"), 10, "atoi is decimal");
	CHECK_EQ(atol("-99999"), -99999L, "atol");
}

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

struct rec3 {
	unsigned char key, a, b;
};

static int cmp_rec3(const void *a, const void *b)
{
	return ((const struct rec3 *)a)->key - ((const struct rec3 *)b)->key;
}

static void test_sort(void)
{
	static int ours[300], ref[300];
	struct rec3 recs[100];
	size_t n, i;
	int ok, k, *hit;

	ok = 1;
	srand(12345);
	for (n = 0; n <= 300; n += (n < 20 ? 1 : 37)) {
		for (i = 0; i < n; i++)
			ours[i] = ref[i] = rand() % 50 - 25;
		qsort(ours, n, sizeof(int), cmp_int);
		host_qsort(ref, n, sizeof(int), cmp_int);
		if (!host_memeq(ours, ref, n * sizeof(int)))
			ok = 0;
	}
	OK(ok, "qsort of random ints matches the host, sizes 0..300");

	for (i = 0; i < 100; i++)
		ours[i] = (int)i;
	qsort(ours, 100, sizeof(int), cmp_int);
	ok = 1;
	for (i = 0; i < 100; i++)
		ok &= ours[i] == (int)i;
	OK(ok, "qsort of sorted input");
	for (i = 0; i < 100; i++)
		ours[i] = 100 - (int)i;
	qsort(ours, 100, sizeof(int), cmp_int);
	ok = 1;
	for (i = 0; i < 100; i++)
		ok &= ours[i] == (int)i + 1;
	OK(ok, "qsort of reversed input");

	for (i = 0; i < 100; i++) {
		recs[i].key = (unsigned char)(rand() % 256);
		recs[i].a = recs[i].key ^ 0x55;
		recs[i].b = (unsigned char)~recs[i].key;
	}
	qsort(recs, 100, sizeof(recs[0]), cmp_rec3);
	ok = 1;
	for (i = 0; i < 100; i++) {
		ok &= recs[i].a == (recs[i].key ^ 0x55) &&
		    recs[i].b == (unsigned char)~recs[i].key;
		if (i > 0)
			ok &= recs[i - 1].key <= recs[i].key;
	}
	OK(ok, "qsort of 3-byte records keeps them whole");

	for (i = 0; i < 100; i++)
		ours[i] = 2 * (int)i;
	ok = 1;
	for (k = -1; k <= 200; k++) {
		hit = bsearch(&k, ours, 100, sizeof(int), cmp_int);
		if (k >= 0 && k < 200 && k % 2 == 0)
			ok &= hit == &ours[k / 2];
		else
			ok &= hit == NULL;
	}
	OK(ok, "bsearch finds each element, misses the rest");
	k = 0;
	OK(bsearch(&k, ours, 0, sizeof(int), cmp_int) == NULL,
	    "bsearch of nothing");
	OK(bsearch(&k, ours, 1, sizeof(int), cmp_int) == &ours[0],
	    "bsearch of one");
}

static void test_misc(void)
{
	int a[5], b[5], i, ok;

	CHECK_EQ(abs(-5), 5, "abs");
	CHECK_EQ(abs(-INT_MAX), INT_MAX, "abs -INT_MAX");
	CHECK_EQ(labs(-LONG_MAX), LONG_MAX, "labs");
	CHECK_EQ(labs(3), 3, "labs positive");

	srand(7);
	for (i = 0; i < 5; i++)
		a[i] = rand();
	srand(7);
	ok = 1;
	for (i = 0; i < 5; i++) {
		b[i] = rand();
		ok &= a[i] == b[i] && a[i] >= 0;
	}
	OK(ok, "srand repeats the sequence");
	OK(a[0] != a[1] || a[1] != a[2], "rand varies");
	srand(8);
	OK(rand() != a[0], "another seed, another sequence");
}

int main(void)
{
	test_format_table();
	test_snprintf();
	test_printf();
	test_mem();
	test_str();
	test_strerror();
	test_ctype();
	test_strto_table();
	test_strto();
	test_sort();
	test_misc();
	return tap_done();
}
