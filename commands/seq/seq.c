/* seq.c - print a sequence of integers.
 *
 *	seq [-s sep] [first [incr]] last
 *
 * From first (default 1) by incr (default 1, may be negative, not 0) up to
 * (or down to) last, one per line or separated by sep.  Integers only.
 * Arguments may be negative ("seq -2 2"): a number is never an option.
 */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../lib/cmdutil/cmdutil.h"

static void usage(void)
{
	fprintf(stderr, "usage: seq [-s sep] [first [incr]] last\n");
	exit(1);
}

static long long number(const char *s)
{
	return cmd_number("seq", s, LLONG_MIN);
}

int main(int argc, char **argv)
{
	long long first = 1, incr = 1, last, v;
	const char *sep = "\n";
	int c, n, any = 0;

	while (optind < argc && !(argv[optind][0] == '-' &&
	    isdigit((unsigned char)argv[optind][1])) &&
	    (c = getopt(argc, argv, "+s:")) != -1) {
		if (c != 's')
			usage();
		sep = optarg;
	}
	n = argc - optind;
	if (n < 1 || n > 3)
		usage();
	last = number(argv[argc - 1]);
	if (n >= 2)
		first = number(argv[optind]);
	if (n == 3)
		incr = number(argv[optind + 1]);
	if (incr == 0) {
		fprintf(stderr, "seq: the increment must not be 0\n");
		return 1;
	}
	for (v = first; incr > 0 ? v <= last : v >= last; v += incr) {
		printf("%s%lld", any ? sep : "", v);
		any = 1;
		if ((incr > 0 && v > last - incr) || (incr < 0 && v < last - incr))
			break;		/* the next one would pass last (or overflow) */
	}
	if (any)
		putchar('\n');
	return fflush(stdout) == 0 ? 0 : 1;
}
