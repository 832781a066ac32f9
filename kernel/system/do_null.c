/* do_null.c - SYS_NULL: does nothing; measures the kernel call path. */
#include "../system.h"

int do_null(struct proc *caller, message *m)
{
	(void)caller;
	(void)m;
	return OK;
}
