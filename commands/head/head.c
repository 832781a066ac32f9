/* head.c - copy the first lines (or bytes) of files to stdout.
 *
 *	head [-n N] [-c N] [file ...]
 *
 * The first N lines (default 10), or with -c the first N bytes.  With
 * several files each is preceded by "==> name <==" and separated from
 * the previous one by an empty line.  "-" is stdin.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void usage(void)
{
	fprintf(stderr, "usage: head [-n N] [-c N] [file ...]\n");
	exit(1);
}

static long long number(const char *s)
{
	char *end;
	long long v;

	errno = 0;
	v = strtoll(s, &end, 10);
	if (*s == '\0' || *end != '\0' || v < 0 || errno != 0) {
		fprintf(stderr, "head: invalid number: %s\n", s);
		exit(1);
	}
	return v;
}

/* Copy the first n lines (bytes) of f; 0, or -1 on a read error. */
static int head(FILE *f, long long n, int bytes)
{
	int c;

	while (n > 0 && (c = getc(f)) != EOF) {
		putchar(c);
		if (bytes || c == '\n')
			n--;
	}
	return ferror(f) ? -1 : 0;
}

int main(int argc, char **argv)
{
	long long n = 10;
	int c, bytes = 0, i, status = 0, many, shown = 0;
	FILE *f;

	while ((c = getopt(argc, argv, "+n:c:")) != -1) {
		switch (c) {
		case 'n':
			n = number(optarg);
			bytes = 0;
			break;
		case 'c':
			n = number(optarg);
			bytes = 1;
			break;
		default:
			usage();
		}
	}
	if (optind == argc) {
		if (head(stdin, n, bytes) < 0) {
			fprintf(stderr, "head: stdin: %s\n", strerror(errno));
			status = 1;
		}
		return fflush(stdout) == 0 ? status : 1;
	}
	many = argc - optind > 1;
	for (i = optind; i < argc; i++) {
		int std = strcmp(argv[i], "-") == 0;

		if ((f = std ? stdin : fopen(argv[i], "r")) == NULL) {
			fprintf(stderr, "head: %s: %s\n", argv[i], strerror(errno));
			status = 1;
			continue;
		}
		if (many)
			printf("%s==> %s <==\n", shown++ ? "\n" : "",
			    std ? "standard input" : argv[i]);
		if (head(f, n, bytes) < 0) {
			fprintf(stderr, "head: %s: %s\n", argv[i], strerror(errno));
			status = 1;
		}
		if (!std)
			fclose(f);
	}
	return fflush(stdout) == 0 ? status : 1;
}
