/* wait.c - waitpid() and wait(): PM_WAITPID(pid, options) answers with
 * the pid of a child that is done (0 with WNOHANG if none is yet) and its
 * status word (<sys/wait.h>).
 */
#include <sys/wait.h>
#include "posix.h"

pid_t waitpid(pid_t pid, int *status, int options)
{
	message m = { 0 };
	int r;

	m.m_pm.i1 = pid;
	m.m_pm.i2 = options;
	if ((r = __pm_call(PM_WAITPID, &m)) > 0 && status != NULL)
		*status = m.m_pm.i3;
	return r;
}

pid_t wait(int *status)
{
	return waitpid(-1, status, 0);
}
