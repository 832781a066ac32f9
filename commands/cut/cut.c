/* cut.c - select fields or characters of each line.
 *
 *	cut -c list [file ...]
 *	cut -b list [file ...]
 *	cut -f list [-d c] [-s] [file ...]
 *
 * A list is numbers and ranges separated by commas: "1,3-5,7-", "-3";
 * positions count from 1 and come out in increasing order, each once.
 * -c and -b select bytes (there are only single-byte characters).  -f
 * selects fields separated by the -d character (default tab), written
 * back with it; a line without the delimiter is written whole, or not at
 * all with -s.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static struct range { long lo, hi; } *ranges;	/* hi 0: to the end */
static int nranges;
static int mode;		/* 'c' or 'f' */
static int delim = '\t', only_delimited;

static void usage(void)
{
	fprintf(stderr, "usage: cut -c list [file ...] | cut -f list [-d c] "
	    "[-s] [file ...]\n");
	exit(1);
}

static void bad_list(const char *s)
{
	fprintf(stderr, "cut: invalid list: %s\n", s);
	exit(1);
}

static void parse_list(const char *s)
{
	const char *p = s;
	char *end;
	long lo, hi;

	for (;;) {
		if (*p == '-') {
			lo = 1;
		} else {
			if (!isdigit((unsigned char)*p))
				bad_list(s);
			lo = strtol(p, &end, 10);
			p = end;
		}
		hi = lo;
		if (*p == '-') {
			p++;
			hi = 0;
			if (isdigit((unsigned char)*p)) {
				hi = strtol(p, &end, 10);
				p = end;
			}
		}
		if (lo < 1 || (hi != 0 && hi < lo))
			bad_list(s);
		ranges = realloc(ranges, (size_t)(nranges + 1) * sizeof(*ranges));
		if (ranges == NULL)
			exit(1);
		ranges[nranges].lo = lo;
		ranges[nranges].hi = hi;
		nranges++;
		if (*p == '\0')
			break;
		if (*p != ',' && *p != ' ')
			bad_list(s);
		p++;
	}
}

static int selected(long i)
{
	int k;

	for (k = 0; k < nranges; k++)
		if (i >= ranges[k].lo && (ranges[k].hi == 0 || i <= ranges[k].hi))
			return 1;
	return 0;
}

static void cut_line(const char *s, size_t len)
{
	size_t i, start;
	long f;
	int first = 1;

	if (mode == 'c') {
		for (i = 0; i < len; i++)
			if (selected((long)i + 1))
				putchar(s[i]);
		putchar('\n');
		return;
	}
	if (memchr(s, delim, len) == NULL) {
		if (!only_delimited) {
			fwrite(s, 1, len, stdout);
			putchar('\n');
		}
		return;
	}
	for (i = 0, start = 0, f = 1; i <= len; i++) {
		if (i < len && s[i] != delim)
			continue;
		if (selected(f)) {
			if (!first)
				putchar(delim);
			fwrite(s + start, 1, i - start, stdout);
			first = 0;
		}
		f++;
		start = i + 1;
	}
	putchar('\n');
}

int main(int argc, char **argv)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	int c, i, status = 0;
	FILE *f;

	while ((c = getopt(argc, argv, "+b:c:d:f:s")) != -1) {
		switch (c) {
		case 'b':
		case 'c':
		case 'f':
			if (mode != 0)
				usage();
			mode = c == 'f' ? 'f' : 'c';
			parse_list(optarg);
			break;
		case 'd':
			if (optarg[0] == '\0' || optarg[1] != '\0') {
				fprintf(stderr, "cut: the delimiter must be one character\n");
				return 1;
			}
			delim = (unsigned char)optarg[0];
			break;
		case 's':
			only_delimited = 1;
			break;
		default:
			usage();
		}
	}
	if (mode == 0)
		usage();
	for (i = optind; i < argc || i == optind; i++) {
		const char *name = i < argc ? argv[i] : "-";
		int std = strcmp(name, "-") == 0;

		if ((f = std ? stdin : fopen(name, "r")) == NULL) {
			fprintf(stderr, "cut: %s: %s\n", name, strerror(errno));
			status = 1;
			continue;
		}
		while ((len = getline(&line, &cap, f)) > 0) {
			if (line[len - 1] == '\n')
				len--;
			cut_line(line, (size_t)len);
		}
		if (ferror(f)) {
			fprintf(stderr, "cut: %s: %s\n", name, strerror(errno));
			status = 1;
		}
		if (!std)
			fclose(f);
	}
	return fflush(stdout) == 0 ? status : 1;
}
