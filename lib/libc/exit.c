/* exit.c - atexit(), exit() and _Exit().
 *
 * exit() calls the atexit() functions, the last registered first, then
 * __stdio_exit() to flush the stdio streams, then _exit().  The reference
 * to __stdio_exit is weak: a program that uses no stdio does not link it.
 */

#include <stddef.h>
#include <stdlib.h>
#include <unistd.h>

#define ATEXIT_MAX	32	/* as POSIX's minimum ATEXIT_MAX */

void __stdio_exit(void) __attribute__((weak));

static void (*exit_fns[ATEXIT_MAX])(void);
static int n_exit_fns;

int atexit(void (*fn)(void))
{
	if (n_exit_fns == ATEXIT_MAX)
		return -1;
	exit_fns[n_exit_fns++] = fn;
	return 0;
}

void exit(int status)
{
	/* Taken off before it runs: a function that calls exit() itself
	 * does not run again, and one it registers runs next.
	 */
	while (n_exit_fns > 0)
		exit_fns[--n_exit_fns]();
	if (__stdio_exit != NULL)
		__stdio_exit();
	_exit(status);
}

void _Exit(int status)
{
	_exit(status);
}
