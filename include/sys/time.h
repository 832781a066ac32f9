/* sys/time.h - gettimeofday() (lib/libposix/time.c: PM_TIME), utimes()
 * (lib/libposix/chmod.c: VFS_UTIME; whole seconds are kept). */
#ifndef _SYS_TIME_H
#define _SYS_TIME_H

#include <sys/types.h>	/* time_t */

struct timeval {
	time_t tv_sec;		/* seconds since the epoch */
	long tv_usec;		/* and microseconds */
};

/* tz must be NULL (there are no time zones); 0, or -1 and errno. */
int gettimeofday(struct timeval *restrict tv, void *restrict tz);
/* Access and modification times of path (tv[0], tv[1]; NULL: now). */
int utimes(const char *path, const struct timeval tv[2]);

#endif /* _SYS_TIME_H */
