/* test.c - evaluate a conditional expression: test and [.
 *
 *	test expression		[ expression ]
 *
 * POSIX test; the evaluator (texpr.c) is shared with the shell's
 * builtins, and describes what is understood.  Invoked as "[" the last
 * argument must be "]".
 * Exit status: 0 true, 1 false, 2 an error (with a message).
 */
#include <stdio.h>

#include "texpr.h"

static void error(const char *who, const char *arg, const char *what)
{
	if (arg != NULL)
		fprintf(stderr, "%s: %s: %s\n", who, arg, what);
	else
		fprintf(stderr, "%s: %s\n", who, what);
}

int main(int argc, char **argv)
{
	return texpr_run(argc, argv, error);
}
