/* time.c - time() and gettimeofday(): PM_TIME answers with the seconds
 * since the epoch and the microseconds (PM's boot time plus the uptime).
 */
#include <time.h>
#include <sys/time.h>
#include "posix.h"

int gettimeofday(struct timeval *restrict tv, void *restrict tz)
{
	message m = { 0 };

	if (__pm_call(PM_TIME, &m) < 0)
		return -1;
	if (tv != NULL) {
		tv->tv_sec = (time_t)m.m_pm.i1;
		tv->tv_usec = m.m_pm.i2;
	}
	return 0;
}

time_t time(time_t *t)
{
	struct timeval tv;

	if (gettimeofday(&tv, NULL) < 0)
		return (time_t)-1;
	if (t != NULL)
		*t = tv.tv_sec;
	return tv.tv_sec;
}
