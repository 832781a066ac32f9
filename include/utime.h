/* utime.h - utime(): set a file's access and modification times
 * (lib/libposix/chmod.c).  A NULL times sets both to now.
 */
#ifndef _UTIME_H
#define _UTIME_H
#include <sys/types.h>
#include <time.h>

struct utimbuf {
	time_t actime;		/* access time */
	time_t modtime;		/* modification time */
};

int utime(const char *path, const struct utimbuf *times);
#endif /* _UTIME_H */
