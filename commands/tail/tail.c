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
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void usage(void)
{
	fprintf(stderr, "usage: tail [-n [+]N] [-c [+]N] [file ...]\n");
	exit(1);
}

static long long number(const char *s, int *from_start)
{
	char *end;
	long long v;
	const char *p = s;

	*from_start = *p == '+';
	if (*p == '+' || *p == '-')
		p++;
	errno = 0;
	v = strtoll(p, &end, 10);
	if (*p == '\0' || *end != '\0' || v < 0 || errno != 0 || *p == '-') {
		fprintf(stderr, "tail: invalid number: %s\n", s);
		exit(1);
	}
	return v;
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

static int tail(FILE *f, long long n, int bytes, int from_start)
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
	long long n = 10;
	int c, bytes = 0, from_start = 0, i, status = 0, many, shown = 0;
	FILE *f;

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
	if (optind == argc) {
		if (tail(stdin, n, bytes, from_start) < 0) {
			fprintf(stderr, "tail: stdin: %s\n", strerror(errno));
			status = 1;
		}
		return fflush(stdout) == 0 ? status : 1;
	}
	many = argc - optind > 1;
	for (i = optind; i < argc; i++) {
		int std = strcmp(argv[i], "-") == 0;

		if ((f = std ? stdin : fopen(argv[i], "r")) == NULL) {
			fprintf(stderr, "tail: %s: %s\n", argv[i], strerror(errno));
			status = 1;
			continue;
		}
		if (many)
			printf("%s==> %s <==\n", shown++ ? "\n" : "",
			    std ? "standard input" : argv[i]);
		if (tail(f, n, bytes, from_start) < 0) {
			fprintf(stderr, "tail: %s: %s\n", argv[i], strerror(errno));
			status = 1;
		}
		if (!std)
			fclose(f);
	}
	return fflush(stdout) == 0 ? status : 1;
}
