/* _exit.c - _exit(): PM_EXIT ends the process; PM never replies.  (exit()
 * in libc flushes stdio and runs the atexit functions first.)
 */
#include <unistd.h>
#include "posix.h"

void _exit(int status)
{
	message m = { 0 };

	m.m_pm.i1 = status;
	_syscall(PM_PROC_NR, PM_EXIT, &m);
	for (;;)	/* not reached: PM does not answer an exit */
		_syscall(PM_PROC_NR, PM_EXIT, &m);
}
