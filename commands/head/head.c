/* head.c - copy the first lines (or bytes) of files to stdout.
 *
 *	head [-n N | -N] [-c N] [file ...]
 *
 * The first N lines (default 10), or with -c the first N bytes.  With
 * several files each is preceded by "==> name <==" and separated from
 * the previous one by an empty line.  "-" is stdin.
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "../../lib/cmdutil/cmdutil.h"

static void usage(void)
{
	fprintf(stderr, "usage: head [-n N] [-c N] [file ...]\n");
	exit(1);
}

static long long count = 10;	/* lines, or bytes with -c */
static int bytes;

/* Copy the first count lines (bytes) of f; 0, or -1 on a read error. */
static int head(FILE *f)
{
	long long n = count;
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
	int c;

	cmd_count_option(argc, argv);
	while ((c = getopt(argc, argv, "+n:c:")) != -1) {
		switch (c) {
		case 'n':
			count = cmd_number("head", optarg, 0);
			bytes = 0;
			break;
		case 'c':
			count = cmd_number("head", optarg, 0);
			bytes = 1;
			break;
		default:
			usage();
		}
	}
	return cmd_files("head", argv + optind, argc - optind, head);
}
