/* texpr.h - the evaluator of test and [ (POSIX test), shared by
 * /bin/test (commands/test/test.c) and the shell's builtins
 * (commands/sh/test.c): see texpr.c.
 */
#ifndef TEXPR_H
#define TEXPR_H

/* Reports an error: WHO is "test" or "[", ARG the argument at fault
 * (NULL if none), WHAT the complaint.  Called at most once per
 * evaluation.
 */
typedef void (*texpr_err_fn)(const char *who, const char *arg,
	const char *what);

/* The complaint about a number operand that is not an integer. */
#define TEXPR_NOT_INTEGER	"integer expected"

/* Evaluates test ARGV[1..ARGC-1] (invoked as "[" when the last part of
 * ARGV[0] is "[": then the last argument must be "]").  Returns the
 * exit status: 0 true, 1 false, 2 an error (reported through ERR).
 */
int texpr_run(int argc, char **argv, texpr_err_fn err);

#endif
