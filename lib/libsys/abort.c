/* abort.c - abort() in a service: a panic (RS restarts it and keeps the
 * reason).  User programs get libposix's abort() (SIGABRT) instead: the
 * link puts libposix before libsys. */
#include <stdlib.h>
#include <minix/sysutil.h>

void abort(void)
{
	panic("abort() called");
}
