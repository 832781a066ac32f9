/* kill.c - kill() and raise(): PM_KILL(pid, sig).  pid > 0 is one process,
 * 0 the caller's group, -1 every process it may signal, < -1 the group
 * -pid; sig 0 only checks.  A signal a process sends itself is handled
 * before raise() returns.
 */
#include <signal.h>
#include <unistd.h>
#include "posix.h"

int kill(pid_t pid, int signo)
{
	message m = { 0 };

	m.m_pm.i1 = pid;
	m.m_pm.i2 = signo;
	return __pm_call(PM_KILL, &m);
}

int raise(int signo)
{
	pid_t me = getpid();

	if (me < 0)
		return -1;
	return kill(me, signo);
}
