/* getpid.c - getpid() and getppid(): PM_GETPID answers with both. */
#include <unistd.h>
#include "posix.h"

pid_t getpid(void)
{
	message m = { 0 };

	return __pm_call(PM_GETPID, &m);
}

pid_t getppid(void)
{
	message m = { 0 };

	if (__pm_call(PM_GETPID, &m) < 0)
		return -1;
	return m.m_pm.i1;
}
