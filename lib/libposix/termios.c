/* termios.c - the terminal calls over ioctl(): isatty() (TCGETS works),
 * tcgetattr(), tcsetattr(), tcgetpgrp() and tcsetpgrp().
 */
#include <unistd.h>
#include <termios.h>
#include <sys/ioctl.h>
#include "posix.h"

int isatty(int fd)
{
	struct termios t;

	return ioctl(fd, TCGETS, &t) < 0 ? 0 : 1;	/* errno: ENOTTY, EBADF */
}

int tcgetattr(int fd, struct termios *t)
{
	return ioctl(fd, TCGETS, t) < 0 ? -1 : 0;
}

/* Only TCSANOW: the change does not wait for queued output to drain. */
int tcsetattr(int fd, int actions, const struct termios *t)
{
	if (actions != TCSANOW)
		return __posix_err(EINVAL);
	return ioctl(fd, TCSETS, t) < 0 ? -1 : 0;
}

pid_t tcgetpgrp(int fd)
{
	pid_t pgrp;

	if (ioctl(fd, TIOCGPGRP, &pgrp) < 0)
		return -1;
	return pgrp;
}

int tcsetpgrp(int fd, pid_t pgrp)
{
	return ioctl(fd, TIOCSPGRP, &pgrp) < 0 ? -1 : 0;
}
