/* test.c - the test and [ builtins (POSIX test), so that loop conditions
 * do not cost a fork and an exec each.  The evaluator is /bin/test's
 * (commands/test/texpr.c, which says what is understood); errors are
 * the shell's messages, status 2.
 */
#include <string.h>

#include "sh.h"
#include "../test/texpr.h"

static void t_err(const char *who, const char *arg, const char *what)
{
	/* The shell has always said this (as bash does). */
	if (strcmp(what, TEXPR_NOT_INTEGER) == 0)
		what = "integer expression expected";
	if (arg != NULL)
		sh_err("%s: %s: %s", who, arg, what);
	else
		sh_err("%s: %s", who, what);
}

int bi_test(int argc, char **argv)
{
	return texpr_run(argc, argv, t_err);
}
