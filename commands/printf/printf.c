/* printf.c - the printf utility: format and print its arguments.
 *
 *	printf format [argument ...]
 *
 * The format's conversions: %s %b %c %d %i %u %o %x %X %%, with the flags
 * - + space # 0, a width and a precision (also *).  Escapes in the format:
 * \\ \a \b \f \n \r \t \v \" \' and \NNN (one to three octal digits); %b
 * takes its argument's escapes, with octal as \0NNN, and \c there ends all
 * output.  A numeric argument may be 'c or "c (the character's code).
 * The format is reused while arguments are left (and it consumed any);
 * missing arguments are "" or 0.  A bad number is reported, counts as 0,
 * and makes the exit status 1.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../lib/cmdutil/cmdutil.h"

static char **args;
static int nargs, status;
static int stop;		/* \c seen */

static const char *next_arg(void)
{
	if (nargs == 0)
		return NULL;
	nargs--;
	return *args++;
}

/* One escape at *pp (after the backslash): the byte, *pp moved past it;
 * -1 for \c (only when bflag). */
static int escape(const char **pp, int bflag)
{
	const char *p = *pp;
	int c = *p, v, n;

	if (c == '"' || c == '\'' || (c == 'c' && bflag)) {
		*pp = p + 1;
		return c == 'c' ? -1 : c;
	}
	if (bflag && c >= '0' && c <= '7') {
		/* \0NNN in %b (the 0 is a prefix); \1 .. \7 are none */
		if (c != '0')
			return '\\';
		for (v = 0, n = 0, p++; n < 3 && *p >= '0' && *p <= '7'; n++)
			v = v * 8 + (*p++ - '0');
		*pp = p;
		return v & 0xff;
	}
	/* \NNN in the format; not an escape: the backslash itself */
	return (c = cmd_escape(pp)) < 0 ? '\\' : c;
}

static long long number(const char *s, int is_unsigned)
{
	char *end;
	long long v;

	if (s == NULL || *s == '\0')
		return 0;
	if (*s == '\'' || *s == '"')
		return (unsigned char)s[1];
	errno = 0;
	if (is_unsigned && *s != '-')
		v = (long long)strtoull(s, &end, 0);
	else
		v = strtoll(s, &end, 0);
	if (*end != '\0' || end == s || errno != 0) {
		fprintf(stderr, "printf: %s: invalid number\n", s);
		status = 1;
		if (end == s)
			v = 0;
	}
	return v;
}

/* %b: the argument with its escapes. */
static void put_b(const char *s, const char *spec)
{
	char *buf = malloc(strlen(s) + 1), *q = buf;
	int c;

	if (buf == NULL)
		return;
	while (*s != '\0') {
		if (*s == '\\') {
			s++;
			if ((c = escape(&s, 1)) < 0) {
				stop = 1;
				break;
			}
			*q++ = (char)c;
		} else {
			*q++ = *s++;
		}
	}
	*q = '\0';
	printf(spec, buf);
	free(buf);
}

/* One conversion at *pp (after the '%'). */
static void conversion(const char **pp)
{
	char spec[64], *q = spec;
	const char *p = *pp, *a;
	int c, star;

	*q++ = '%';
	while (strchr("-+ #0", *p) != NULL && q < spec + 8)
		*q++ = *p++;
	for (star = 0; star < 2; star++) {	/* width, then precision */
		if (star == 1) {
			if (*p != '.')
				break;
			*q++ = *p++;
		}
		if (*p == '*') {
			q += snprintf(q, 16, "%d", (int)number(next_arg(), 0));
			p++;
		} else {
			while (isdigit((unsigned char)*p) && q < spec + 40)
				*q++ = *p++;
		}
	}
	c = *p++;
	*pp = p;
	switch (c) {
	case 's':
	case 'b':
		*q++ = 's';
		*q = '\0';
		a = next_arg();
		if (c == 'b')
			put_b(a ? a : "", spec);
		else
			printf(spec, a ? a : "");
		return;
	case 'c':
		*q++ = 'c';
		*q = '\0';
		a = next_arg();
		if (a != NULL && *a != '\0') {
			printf(spec, *a);
		} else {
			q[-1] = 's';	/* nothing, padded to the width */
			printf(spec, "");
		}
		return;
	case 'd':
	case 'i':
		strcpy(q, "lld");
		printf(spec, number(next_arg(), 0));
		return;
	case 'u':
	case 'o':
	case 'x':
	case 'X':
		q[0] = 'l', q[1] = 'l', q[2] = (char)c, q[3] = '\0';
		printf(spec, (unsigned long long)number(next_arg(), 1));
		return;
	case '%':
		putchar('%');
		return;
	default:
		fprintf(stderr, "printf: %%%c: invalid conversion\n", c ? c : ' ');
		exit(1);
	}
}

/* Print the format once. */
static void format(const char *f)
{
	int c;

	while (*f != '\0' && !stop) {
		if (*f == '\\') {
			f++;
			c = escape(&f, 0);
			putchar(c);
		} else if (*f == '%') {
			f++;
			conversion(&f);
		} else {
			putchar(*f++);
		}
	}
}

int main(int argc, char **argv)
{
	int c, before;

	while ((c = getopt(argc, argv, "+")) != -1) {
		fprintf(stderr, "usage: printf format [argument ...]\n");
		return 1;
	}
	if (optind == argc) {
		fprintf(stderr, "usage: printf format [argument ...]\n");
		return 1;
	}
	args = argv + optind + 1;
	nargs = argc - optind - 1;
	do {
		before = nargs;
		format(argv[optind]);
	} while (nargs > 0 && nargs < before && !stop);
	return fflush(stdout) == 0 ? status : 1;
}
