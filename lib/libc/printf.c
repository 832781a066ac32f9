/* printf.c - formatted output: vsnprintf() and the functions built on it.
 *
 * One formatter, do_format(), writes into a struct sink: either a caller's
 * string (snprintf; what does not fit is counted, then dropped) or a small
 * buffer on the stack that is flushed to a file descriptor with write()
 * (dprintf) or to a stream with fwrite() (fprintf, printf, puts).  The
 * stack buffer makes one call on an unbuffered stream such as stderr one
 * write() when its output fits; a buffered stream just takes the bytes.
 *
 * Conversions: d i u o x X c s p %.  Flags: - + space # 0.  Width and
 * precision, both also as *.  Length modifiers: hh h l ll j z t.
 */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <unistd.h>

/* INT_MAX from the compiler's predefined macro (gcc's own limits.h wants a
 * C library one beneath it when freestanding).
 */
#define INT_MAX_	__INT_MAX__

#define OUT_BUF_SIZE	256	/* stack buffer of printf() and friends */

struct sink {
	char *buf;
	size_t cap;	/* bytes buf can hold */
	size_t len;	/* bytes in buf */
	size_t total;	/* bytes produced so far, stored or not */
	int fd;		/* -1: a string or a stream */
	FILE *fp;	/* the stream, or NULL */
	int error;	/* write() failed */
};

/* Write the buffered bytes to the sink's file descriptor or stream. */
static void sink_flush(struct sink *s)
{
	size_t done = 0;
	ssize_t r;

	if (s->fp != NULL) {
		if (s->len > 0 && !s->error &&
		    fwrite(s->buf, 1, s->len, s->fp) != s->len)
			s->error = 1;
		s->len = 0;
		return;
	}
	while (done < s->len && !s->error) {
		r = write(s->fd, s->buf + done, s->len - done);
		if (r <= 0)
			s->error = 1;
		else
			done += (size_t)r;
	}
	s->len = 0;
}

/* Append n bytes: copied from p, or n copies of fill if p is NULL. */
static void sink_put(struct sink *s, const char *p, int fill, size_t n)
{
	size_t k;

	s->total += n;
	while (n > 0) {
		if (s->len == s->cap) {
			if ((s->fd < 0 && s->fp == NULL) || s->error)
				return;
			sink_flush(s);
			continue;
		}
		k = s->cap - s->len;
		if (k > n)
			k = n;
		n -= k;
		while (k-- > 0)
			s->buf[s->len++] = p != NULL ? *p++ : (char)fill;
	}
}

#define F_LEFT	0x01	/* - : pad on the right */
#define F_PLUS	0x02	/* + : '+' before non-negative signed numbers */
#define F_SPACE	0x04	/* ' ': ' ' before them */
#define F_ALT	0x08	/* # : 0 before octal, 0x before hex */
#define F_ZERO	0x10	/* 0 : pad numbers with zeros */
#define F_PTR	0x20	/* %p: 0x even before 0 */

struct spec {
	int flags;
	int width;
	int prec;	/* -1 if none */
};

/* Pad to the field width around len bytes: before them or after. */
static void pad(struct sink *s, const struct spec *sp, size_t len, int after)
{
	if (sp->width > 0 && (size_t)sp->width > len &&
	    !(sp->flags & F_LEFT) == !after)
		sink_put(s, NULL, ' ', (size_t)sp->width - len);
}

/* Format the magnitude v in base 8, 10 or 16; sign is '-', '+', ' ' or 0. */
static void put_number(struct sink *s, const struct spec *sp, uintmax_t v,
	int base, int upper, char sign)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char tmp[sizeof(uintmax_t) * 3];	/* 22 octal digits for 64 bits */
	char *end = tmp + sizeof(tmp), *p = end;
	const char *prefix = "";
	size_t nd, plen, zeros = 0, len;
	uint32_t w;

	/* Convert in 32 bits when the value allows: no libgcc division. */
	if (v <= UINT32_MAX) {
		w = (uint32_t)v;
		do {
			*--p = digits[w % base];
			w /= base;
		} while (w != 0);
	} else {
		uintmax_t u = v;
		do {
			*--p = digits[u % base];
			u /= base;
		} while (u != 0);
	}
	nd = end - p;
	if (v == 0 && sp->prec == 0)
		nd = 0;		/* "%.0d" of 0 prints no digits */

	if (base == 16 && (sp->flags & F_PTR || (sp->flags & F_ALT && v != 0)))
		prefix = upper ? "0X" : "0x";
	if (sp->prec > 0 && (size_t)sp->prec > nd)
		zeros = (size_t)sp->prec - nd;
	if (base == 8 && sp->flags & F_ALT && zeros == 0 &&
	    (nd == 0 || *p != '0'))
		zeros = 1;	/* "%#o" makes the first digit a 0 */
	plen = (sign != 0) + (prefix[0] != '\0' ? 2 : 0);
	len = plen + zeros + nd;
	if ((sp->flags & (F_ZERO | F_LEFT)) == F_ZERO && sp->prec < 0 &&
	    sp->width > 0 && (size_t)sp->width > len) {
		zeros += (size_t)sp->width - len;
		len = (size_t)sp->width;
	}

	pad(s, sp, len, 0);
	if (sign != 0)
		sink_put(s, &sign, 0, 1);
	sink_put(s, prefix, 0, plen - (sign != 0));
	sink_put(s, NULL, '0', zeros);
	sink_put(s, p, 0, nd);
	pad(s, sp, len, 1);
}

static void put_string(struct sink *s, const struct spec *sp, const char *str)
{
	size_t n = 0;

	if (str == NULL)
		str = "(null)";
	while ((sp->prec < 0 || n < (size_t)sp->prec) && str[n] != '\0')
		n++;
	pad(s, sp, n, 0);
	sink_put(s, str, 0, n);
	pad(s, sp, n, 1);
}

/* Read a decimal number at *fmtp, saturating at INT_MAX. */
static int scan_int(const char **fmtp)
{
	const char *f = *fmtp;
	int v = 0;

	for (; *f >= '0' && *f <= '9'; f++)
		v = v > (INT_MAX_ - 9) / 10 ? INT_MAX_ : v * 10 + (*f - '0');
	*fmtp = f;
	return v;
}

enum length { LEN_HH, LEN_H, LEN_NONE, LEN_L, LEN_LL, LEN_J, LEN_Z, LEN_T };

static void do_format(struct sink *s, const char *fmt, va_list ap)
{
	const char *start;
	struct spec sp;
	enum length len;
	intmax_t sv;
	uintmax_t uv;
	char sign, c, ch;
	int base;

	for (;;) {
		for (start = fmt; *fmt != '\0' && *fmt != '%'; fmt++)
			;
		sink_put(s, start, 0, fmt - start);
		if (*fmt == '\0')
			return;
		start = fmt++;

		sp.flags = 0;
		for (;; fmt++) {
			if (*fmt == '-')
				sp.flags |= F_LEFT;
			else if (*fmt == '+')
				sp.flags |= F_PLUS;
			else if (*fmt == ' ')
				sp.flags |= F_SPACE;
			else if (*fmt == '#')
				sp.flags |= F_ALT;
			else if (*fmt == '0')
				sp.flags |= F_ZERO;
			else
				break;
		}

		if (*fmt == '*') {
			fmt++;
			sp.width = va_arg(ap, int);
			if (sp.width < 0) {	/* a negative width means '-' */
				sp.flags |= F_LEFT;
				sp.width = sp.width < -INT_MAX_ ? INT_MAX_ :
				    -sp.width;
			}
		} else {
			sp.width = scan_int(&fmt);
		}

		sp.prec = -1;
		if (*fmt == '.') {
			fmt++;
			if (*fmt == '*') {
				fmt++;
				sp.prec = va_arg(ap, int);
				if (sp.prec < 0)	/* as if omitted */
					sp.prec = -1;
			} else {
				sp.prec = scan_int(&fmt);
			}
		}

		len = LEN_NONE;
		switch (*fmt) {
		case 'h':
			len = *++fmt == 'h' ? LEN_HH : LEN_H;
			if (len == LEN_HH)
				fmt++;
			break;
		case 'l':
			len = *++fmt == 'l' ? LEN_LL : LEN_L;
			if (len == LEN_LL)
				fmt++;
			break;
		case 'j': fmt++; len = LEN_J; break;
		case 'z': fmt++; len = LEN_Z; break;
		case 't': fmt++; len = LEN_T; break;
		}

		switch (c = *fmt++) {
		case 'd':
		case 'i':
			switch (len) {
			case LEN_HH: sv = (signed char)va_arg(ap, int); break;
			case LEN_H: sv = (short)va_arg(ap, int); break;
			case LEN_L: sv = va_arg(ap, long); break;
			case LEN_LL: sv = va_arg(ap, long long); break;
			case LEN_J: sv = va_arg(ap, intmax_t); break;
			case LEN_Z: sv = (ptrdiff_t)va_arg(ap, size_t); break;
			case LEN_T: sv = va_arg(ap, ptrdiff_t); break;
			default: sv = va_arg(ap, int); break;
			}
			if (sv < 0) {
				sign = '-';
				uv = (uintmax_t)0 - (uintmax_t)sv;
			} else {
				sign = sp.flags & F_PLUS ? '+' :
				    sp.flags & F_SPACE ? ' ' : 0;
				uv = (uintmax_t)sv;
			}
			put_number(s, &sp, uv, 10, 0, sign);
			break;
		case 'u':
		case 'o':
		case 'x':
		case 'X':
			switch (len) {
			case LEN_HH:
				uv = (unsigned char)va_arg(ap, unsigned int);
				break;
			case LEN_H:
				uv = (unsigned short)va_arg(ap, unsigned int);
				break;
			case LEN_L: uv = va_arg(ap, unsigned long); break;
			case LEN_LL: uv = va_arg(ap, unsigned long long); break;
			case LEN_J: uv = va_arg(ap, uintmax_t); break;
			case LEN_Z: uv = va_arg(ap, size_t); break;
			case LEN_T: uv = (size_t)va_arg(ap, ptrdiff_t); break;
			default: uv = va_arg(ap, unsigned int); break;
			}
			base = c == 'u' ? 10 : c == 'o' ? 8 : 16;
			put_number(s, &sp, uv, base, c == 'X', 0);
			break;
		case 'p':
			sp.flags |= F_PTR;
			put_number(s, &sp, (uintptr_t)va_arg(ap, void *), 16,
			    0, 0);
			break;
		case 'c':
			ch = (char)va_arg(ap, int);
			pad(s, &sp, 1, 0);
			sink_put(s, &ch, 0, 1);
			pad(s, &sp, 1, 1);
			break;
		case 's':
			put_string(s, &sp, va_arg(ap, const char *));
			break;
		case '%':
			sink_put(s, "%", 0, 1);
			break;
		default:
			/* Unknown conversion: print the directive as it is. */
			if (c == '\0')
				fmt--;
			sink_put(s, start, 0, fmt - start);
			break;
		}
	}
}

/* The return value of a formatting function: -1 if it cannot be an int. */
static int result(const struct sink *s)
{
	return s->error || s->total > INT_MAX_ ? -1 : (int)s->total;
}

int vsnprintf(char *restrict buf, size_t size, const char *restrict fmt,
	va_list ap)
{
	struct sink s = { .buf = buf, .cap = size > 0 ? size - 1 : 0,
	    .fd = -1 };

	do_format(&s, fmt, ap);
	if (size > 0)
		buf[s.len] = '\0';
	return result(&s);
}

int snprintf(char *restrict buf, size_t size, const char *restrict fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return r;
}

int vdprintf(int fd, const char *restrict fmt, va_list ap)
{
	char buf[OUT_BUF_SIZE];
	struct sink s = { .buf = buf, .cap = sizeof(buf), .fd = fd };

	do_format(&s, fmt, ap);
	sink_flush(&s);
	return result(&s);
}

int dprintf(int fd, const char *restrict fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = vdprintf(fd, fmt, ap);
	va_end(ap);
	return r;
}

int vfprintf(FILE *restrict f, const char *restrict fmt, va_list ap)
{
	char buf[OUT_BUF_SIZE];
	struct sink s = { .buf = buf, .cap = sizeof(buf), .fd = -1, .fp = f };

	do_format(&s, fmt, ap);
	sink_flush(&s);
	return result(&s);
}

int fprintf(FILE *restrict f, const char *restrict fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = vfprintf(f, fmt, ap);
	va_end(ap);
	return r;
}

int vprintf(const char *restrict fmt, va_list ap)
{
	return vfprintf(stdout, fmt, ap);
}

int printf(const char *restrict fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = vfprintf(stdout, fmt, ap);
	va_end(ap);
	return r;
}

/* puts: s and a newline, handed to stdout together (one write() on an
 * unbuffered stdout when they fit the stack buffer).
 */
int puts(const char *s)
{
	char buf[OUT_BUF_SIZE];
	struct sink k = { .buf = buf, .cap = sizeof(buf), .fd = -1,
	    .fp = stdout };
	size_t n = 0;

	while (s[n] != '\0')
		n++;
	sink_put(&k, s, 0, n);
	sink_put(&k, "\n", 0, 1);
	sink_flush(&k);
	return k.error ? EOF : 0;
}

int putchar(int c)
{
	return fputc(c, stdout);
}
