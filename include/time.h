/* time.h - calendar time (lib/libc/time.c).
 *
 * There are no time zones: the local time is UTC, so localtime() is
 * gmtime() and mktime() is timegm().  time_t counts seconds since
 * 1970-01-01 00:00:00 UTC in a long (32 bits: the years 1901 to 2038).
 */
#ifndef _TIME_H
#define _TIME_H

#include <stddef.h>	/* size_t, NULL */

#ifndef _CLOCK_T
#define _CLOCK_T
typedef long clock_t;
#endif
#ifndef _TIME_T
#define _TIME_T
typedef long time_t;
#endif

#define CLOCKS_PER_SEC	1000000L	/* clock() units, as POSIX requires */

struct tm {
	int tm_sec;	/* 0-60 (60: a leap second) */
	int tm_min;	/* 0-59 */
	int tm_hour;	/* 0-23 */
	int tm_mday;	/* 1-31 */
	int tm_mon;	/* 0-11 */
	int tm_year;	/* years since 1900 */
	int tm_wday;	/* 0-6, Sunday 0 */
	int tm_yday;	/* 0-365, January 1st 0 */
	int tm_isdst;	/* always 0: no daylight saving time */
};

/* The system call (stub in lib/libposix): seconds since the epoch. */
time_t time(time_t *t);

/* Broken-down time; NULL (ERANGE) if the year does not fit an int. */
struct tm *gmtime(const time_t *t);
struct tm *gmtime_r(const time_t *restrict t, struct tm *restrict tm);
struct tm *localtime(const time_t *t);
struct tm *localtime_r(const time_t *restrict t, struct tm *restrict tm);

/* Back to a time_t, normalizing the fields (tm_mon 12 is next January)
 * and setting tm_wday and tm_yday; -1 with ERANGE if out of range.
 */
time_t mktime(struct tm *tm);
time_t timegm(struct tm *tm);

/* strftime: %a %A %b %B %c %C %d %D %e %F %g %G %h %H %I %j %k %l %m %M
 * %n %p %r %R %s %S %t %T %u %U %V %w %W %x %X %y %Y %z %Z %%, as in the
 * C locale; E and O modifiers are ignored.  Returns the length, or 0 if
 * the result and its NUL do not fit in max bytes.
 */
size_t strftime(char *restrict s, size_t max, const char *restrict fmt,
	const struct tm *restrict tm);

/* "Sun Nov 23 12:00:00 2026\n": asctime_r needs 26 bytes, else NULL. */
char *asctime(const struct tm *tm);
char *asctime_r(const struct tm *restrict tm, char *restrict buf);
char *ctime(const time_t *t);
char *ctime_r(const time_t *t, char *buf);

#endif /* _TIME_H */
