/* sleep.c - sleep() and usleep(): PM_SLEEP(milliseconds) answers when the
 * time is up, or early with EINTR and the milliseconds left when a caught
 * signal arrives.
 */
#include <unistd.h>
#include "posix.h"

#define SLEEP_MS_MAX	0x7fffffff

/* Sleep ms milliseconds; OK, or EINTR with *left set. */
static int sleep_ms(int ms, int *left)
{
	message m = { 0 };
	int r;

	m.m_pm.i1 = ms;
	r = _syscall(PM_PROC_NR, PM_SLEEP, &m);
	*left = r == EINTR ? m.m_pm.i2 : 0;
	return r;
}

unsigned int sleep(unsigned int seconds)
{
	unsigned int chunk;
	int left;

	while (seconds > 0) {
		chunk = seconds > SLEEP_MS_MAX / 1000 ? SLEEP_MS_MAX / 1000 : seconds;
		seconds -= chunk;
		if (sleep_ms((int)(chunk * 1000), &left) != OK)
			return seconds + ((unsigned int)left + 999) / 1000;
	}
	return 0;
}

int usleep(unsigned int usec)
{
	int left, r;

	if ((r = sleep_ms((int)(usec / 1000u + (usec % 1000u != 0)), &left)) != OK)
		return __posix_err(r);
	return 0;
}
