/* pgrp.c - process groups and sessions: setpgid(), getpgrp(), setsid()
 * (PM_SETPGID, PM_GETPGRP, PM_SETSID).
 */
#include <unistd.h>
#include "posix.h"

int setpgid(pid_t pid, pid_t pgid)
{
	message m = { 0 };

	m.m_pm.i1 = pid;
	m.m_pm.i2 = pgid;
	return __pm_call(PM_SETPGID, &m) < 0 ? -1 : 0;
}

pid_t getpgrp(void)
{
	message m = { 0 };

	return __pm_call(PM_GETPGRP, &m);
}

pid_t setsid(void)
{
	message m = { 0 };

	return __pm_call(PM_SETSID, &m);
}
