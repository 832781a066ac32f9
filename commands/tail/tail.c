/* tail.c - copy the last lines (or bytes) of files to stdout.
 *
 *	tail [-n [+]N] [-c [+]N] [file ...]
 *
 * The last N lines (default 10), or with -c the last N bytes; +N starts
 * at line (byte) N instead, counting from 1.  The input is read whole
 * into memory, so pipes work like files.  With several files each is
 * preceded by "==> name <==" as in head.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "../../lib/cmdutil/cmdutil.h"

static void usage(void)
{
	fprintf(stderr, "usage: tail [-n [+]N] [-c [+]N] [file ...]\n");
	exit(1);
}

/* N, +N (*from_start set) or -N (the same as N). */
static long long number(const char *s, int *from_start)
{
	long long v = cmd_number("tail", s, -LLONG_MAX);

	*from_start = *s == '+';
	return v < 0 ? -v : v;
}

/* Read all of f; the buffer (length in *len), or NULL on an error. */
static char *slurp(FILE *f, size_t *len)
{
	size_t cap = 4096, n = 0, got;
	char *buf = malloc(cap), *more;

	while (buf != NULL) {
		if (n == cap) {
			if ((more = realloc(buf, 2 * cap)) == NULL) {
				free(buf);
				errno = ENOMEM;
				return NULL;
			}
			buf = more;
			cap *= 2;
		}
		got = fread(buf + n, 1, cap - n, f);
		n += got;
		if (got == 0) {
			if (ferror(f)) {
				free(buf);
				return NULL;
			}
			break;
		}
	}
	*len = n;
	return buf;
}

static long long n = 10;	/* lines, or bytes with -c */
static int bytes, from_start;

/* Copy the last n lines (bytes) of f, or from the nth with +N; 0, or -1
 * on a read error.
 */
static int tail(FILE *f)
{
	size_t len, start, i;
	long long k;
	char *buf;

	if ((buf = slurp(f, &len)) == NULL)
		return -1;
	if (bytes) {
		if (from_start)
			start = n <= 1 ? 0 : (size_t)(n - 1) < len ? (size_t)(n - 1) : len;
		else
			start = (size_t)n < len ? len - (size_t)n : 0;
	} else if (from_start) {
		for (start = 0, k = 1; k < n && start < len; start++)
			if (buf[start] == '\n')
				k++;
	} else {
		/* Back from the end: a last line without '\n' counts too. */
		i = len;
		if (i > 0 && buf[i - 1] == '\n')
			i--;
		for (k = 0; i > 0; i--) {
			if (buf[i - 1] == '\n' && ++k == n)
				break;
		}
		start = n == 0 ? len : i;
	}
	fwrite(buf + start, 1, len - start, stdout);
	free(buf);
	return 0;
}

int main(int argc, char **argv)
{
	int c;

	cmd_count_option(argc, argv);
	while ((c = getopt(argc, argv, "+n:c:")) != -1) {
		switch (c) {
		case 'n':
		case 'c':
			n = number(optarg, &from_start);
			bytes = c == 'c';
			break;
		default:
			usage();
		}
	}
	return cmd_files("tail", argv + optind, argc - optind, tail);
}
