/* uniq.c - report or filter out repeated adjacent lines.
 *
 *	uniq [-c] [-d | -u] [input [output]]
 *
 * Runs of equal adjacent lines are written once.  -d writes only the
 * lines that were repeated, -u only those that were not.  -c prefixes
 * each line with its count in the format of GNU and BSD:
 * "%7d " (the count right-aligned in 7 columns, then a space).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int opt_c, opt_d, opt_u;

static void usage(void)
{
	fprintf(stderr, "usage: uniq [-c] [-d | -u] [input [output]]\n");
	exit(1);
}

static void put(FILE *out, const char *s, size_t len, long count)
{
	if ((opt_d && count < 2) || (opt_u && count > 1))
		return;
	if (opt_c)
		fprintf(out, "%7ld ", count);
	fwrite(s, 1, len, out);
	putc('\n', out);
}

int main(int argc, char **argv)
{
	char *prev = NULL, *line = NULL;
	size_t pcap = 0, lcap = 0, plen = 0;
	ssize_t len;
	long count = 0;
	int c;
	FILE *in = stdin, *out = stdout;

	while ((c = getopt(argc, argv, "+cdu")) != -1) {
		switch (c) {
		case 'c': opt_c = 1; break;
		case 'd': opt_d = 1; break;
		case 'u': opt_u = 1; break;
		default: usage();
		}
	}
	if (argc - optind > 2)
		usage();
	if (optind < argc && strcmp(argv[optind], "-") != 0 &&
	    (in = fopen(argv[optind], "r")) == NULL) {
		fprintf(stderr, "uniq: %s: %s\n", argv[optind], strerror(errno));
		return 1;
	}
	if (optind + 1 < argc && (out = fopen(argv[optind + 1], "w")) == NULL) {
		fprintf(stderr, "uniq: %s: %s\n", argv[optind + 1], strerror(errno));
		return 1;
	}
	while ((len = getline(&line, &lcap, in)) > 0) {
		if (line[len - 1] == '\n')
			len--;
		if (count > 0 && (size_t)len == plen && memcmp(line, prev, plen) == 0) {
			count++;
			continue;
		}
		if (count > 0)
			put(out, prev, plen, count);
		/* the new line becomes prev */
		{
			char *t = prev;
			size_t tc = pcap;

			prev = line, pcap = lcap;
			line = t, lcap = tc;
		}
		plen = (size_t)len;
		count = 1;
	}
	if (count > 0)
		put(out, prev, plen, count);
	if (ferror(in)) {
		fprintf(stderr, "uniq: %s: %s\n", optind < argc ? argv[optind] :
		    "stdin", strerror(errno));
		return 1;
	}
	if (fflush(out) != 0 || ferror(out)) {
		fprintf(stderr, "uniq: write error: %s\n", strerror(errno));
		return 1;
	}
	return 0;
}
