/* number.c - cmd_number(): a number argument of a command (head -n,
 * tail -n, seq), or a clear error; cmd_count_option(): "head -3".
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "cmdutil.h"

long long cmd_number(const char *prog, const char *s, long long min)
{
	char *end;
	long long v;

	errno = 0;
	v = strtoll(s, &end, 10);
	if (*s == '\0' || *end != '\0' || v < min || errno != 0) {
		fprintf(stderr, "%s: invalid number: %s\n", prog, s);
		exit(1);
	}
	return v;
}

void cmd_count_option(int argc, char **argv)
{
	static char opt[24];
	const char *a = argc > 1 ? argv[1] : "";

	if (a[0] == '-' && a[1] >= '0' && a[1] <= '9' &&
	    snprintf(opt, sizeof(opt), "-n%s", a + 1) < (int)sizeof(opt))
		argv[1] = opt;
}
