/* time.c - calendar time in UTC: gmtime, localtime (the same), mktime and
 * timegm (the same), strftime, asctime and ctime.
 *
 * Dates are proleptic Gregorian.  The conversions count days from
 * 1970-01-01 with years that begin on March 1st: the leap day is then the
 * last day of a year, month starts within a year follow (153 * m + 2) / 5
 * (m = 0 for March), and 400 years are always 146097 days.  Arithmetic is
 * in long long, so any int tm_year works whatever the width of time_t.
 */

#include <stddef.h>
#include <string.h>
#include <time.h>
#include <minix/errno.h>

extern int errno;

#define INT_MAX_	__INT_MAX__
#define INT_MIN_	(-INT_MAX_ - 1)

#define SECS_PER_DAY	86400
#define DAYS_PER_ERA	146097	/* 400 years */
#define DAYS_TO_EPOCH	719468	/* from 0000-03-01 to 1970-01-01 */

static const char *const wday_names[7] = {
	"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
	"Saturday"
};
static const char *const mon_names[12] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"
};

/* Division rounding towards minus infinity, and its remainder (>= 0). */
static long long floor_div(long long a, long long b)
{
	long long q = a / b;

	if (a % b != 0 && (a < 0) != (b < 0))
		q--;
	return q;
}

static long long floor_mod(long long a, long long b)
{
	return a - floor_div(a, b) * b;
}

/* Days from 1970-01-01 to year y, month mon (1-12), day mday (1-31). */
static long long days_from_date(long long y, int mon, int mday)
{
	long long era;
	int yoe, doy, doe;

	if (mon <= 2)
		y--;			/* January and February end a year */
	era = floor_div(y, 400);
	yoe = (int)(y - era * 400);	/* year of era, 0-399 */
	doy = (153 * (mon > 2 ? mon - 3 : mon + 9) + 2) / 5 + mday - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * DAYS_PER_ERA + doe - DAYS_TO_EPOCH;
}

/* The inverse of days_from_date(). */
static void date_from_days(long long days, long long *yp, int *monp,
	int *mdayp)
{
	long long z = days + DAYS_TO_EPOCH, era;
	int doe, yoe, doy, m;

	era = floor_div(z, DAYS_PER_ERA);
	doe = (int)(z - era * DAYS_PER_ERA);		/* 0-146096 */
	/* Take out the leap days before doe to count whole years. */
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);	/* 0-365 */
	m = (5 * doy + 2) / 153;			/* 0 is March */
	*mdayp = doy - (153 * m + 2) / 5 + 1;
	*monp = m < 10 ? m + 3 : m - 9;
	*yp = era * 400 + yoe + (*monp <= 2);
}

struct tm *gmtime_r(const time_t *restrict t, struct tm *restrict tm)
{
	long long days, y;
	int rem, mon, mday;

	days = floor_div(*t, SECS_PER_DAY);
	rem = (int)(*t - days * SECS_PER_DAY);
	date_from_days(days, &y, &mon, &mday);
	if (y - 1900 > INT_MAX_ || y - 1900 < INT_MIN_) {
		errno = ERANGE;
		return NULL;
	}
	tm->tm_sec = rem % 60;
	tm->tm_min = rem / 60 % 60;
	tm->tm_hour = rem / 3600;
	tm->tm_mday = mday;
	tm->tm_mon = mon - 1;
	tm->tm_year = (int)(y - 1900);
	tm->tm_wday = (int)floor_mod(days + 4, 7);	/* 1970-01-01: Thu */
	tm->tm_yday = (int)(days - days_from_date(y, 1, 1));
	tm->tm_isdst = 0;
	return tm;
}

struct tm *gmtime(const time_t *t)
{
	static struct tm tm;

	return gmtime_r(t, &tm);
}

struct tm *localtime_r(const time_t *restrict t, struct tm *restrict tm)
{
	return gmtime_r(t, tm);
}

struct tm *localtime(const time_t *t)
{
	return gmtime(t);
}

time_t timegm(struct tm *tm)
{
	long long y, days, secs;
	struct tm norm;
	time_t t;
	int mon;

	y = tm->tm_year + 1900LL + floor_div(tm->tm_mon, 12);
	mon = (int)floor_mod(tm->tm_mon, 12);
	days = days_from_date(y, mon + 1, 1) + tm->tm_mday - 1;
	secs = days * SECS_PER_DAY + tm->tm_hour * 3600LL + tm->tm_min * 60LL +
	    tm->tm_sec;
	t = (time_t)secs;
	if ((long long)t != secs || gmtime_r(&t, &norm) == NULL) {
		errno = ERANGE;
		return (time_t)-1;
	}
	*tm = norm;
	return t;
}

time_t mktime(struct tm *tm)
{
	return timegm(tm);
}

/* ---- strftime ---- */

struct out {
	char *s;
	size_t max;
	size_t n;	/* bytes produced, stored or not */
};

/* At most n bytes of p (up to its NUL). */
static void out_strn(struct out *o, const char *p, size_t n)
{
	for (; n > 0 && *p != '\0'; p++, n--, o->n++)
		if (o->n < o->max)
			o->s[o->n] = *p;
}

static void out_str(struct out *o, const char *p)
{
	out_strn(o, p, (size_t)-1);
}

/* v in decimal, at least width digits, padded with pad ('0' or ' '). */
static void out_num(struct out *o, long long v, int width, char pad)
{
	char buf[32], *p = buf + sizeof(buf);
	unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v :
	    (unsigned long long)v;

	*--p = '\0';
	do {
		*--p = (char)('0' + u % 10);
		u /= 10;
	} while (u != 0);
	if (pad == ' ' && v < 0)
		*--p = '-';
	while (buf + sizeof(buf) - 1 - p < width - (pad == '0' && v < 0))
		*--p = pad;
	if (pad == '0' && v < 0)
		*--p = '-';
	out_str(o, p);
}

/* A day or month name: "?" for an index out of range; abbreviated to
 * its first three letters if abbr.
 */
static void out_name(struct out *o, const char *const *names, int n, int i,
	int abbr)
{
	if (i < 0 || i >= n)
		out_str(o, "?");
	else
		out_strn(o, names[i], abbr ? 3 : (size_t)-1);
}

/* Weeks in ISO year y: 53 if it starts on a Thursday, or on a Wednesday
 * in a leap year; else 52.
 */
static int iso_weeks(long long y)
{
	int jan1 = (int)floor_mod(days_from_date(y, 1, 1) + 4, 7);
	int leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);

	return jan1 == 4 || (leap && jan1 == 3) ? 53 : 52;
}

/* ISO 8601 week (1-53) of tm, and the year it belongs to. */
static int iso_week(const struct tm *tm, long long *yp)
{
	long long y = tm->tm_year + 1900LL;
	int monday0 = (tm->tm_wday + 6) % 7;	/* Monday 0 .. Sunday 6 */
	int week = (tm->tm_yday - monday0 + 10) / 7;

	if (week < 1) {
		y--;
		week = iso_weeks(y);
	} else if (week > iso_weeks(y)) {
		y++;
		week = 1;
	}
	*yp = y;
	return week;
}

static void format(struct out *o, const char *fmt, const struct tm *tm)
{
	long long year = tm->tm_year + 1900LL, iy;
	struct tm copy;
	int hour12 = tm->tm_hour % 12 == 0 ? 12 : tm->tm_hour % 12;

	for (; *fmt != '\0'; fmt++) {
		if (*fmt != '%') {
			out_strn(o, fmt, 1);
			continue;
		}
		if (*++fmt == 'E' || *fmt == 'O')
			fmt++;
		switch (*fmt) {
		case 'a':
			out_name(o, wday_names, 7, tm->tm_wday, 1);
			break;
		case 'A':
			out_name(o, wday_names, 7, tm->tm_wday, 0);
			break;
		case 'b':
		case 'h':
			out_name(o, mon_names, 12, tm->tm_mon, 1);
			break;
		case 'B':
			out_name(o, mon_names, 12, tm->tm_mon, 0);
			break;
		case 'c': format(o, "%a %b %e %H:%M:%S %Y", tm); break;
		case 'C': out_num(o, floor_div(year, 100), 2, '0'); break;
		case 'd': out_num(o, tm->tm_mday, 2, '0'); break;
		case 'D': format(o, "%m/%d/%y", tm); break;
		case 'e': out_num(o, tm->tm_mday, 2, ' '); break;
		case 'F': format(o, "%Y-%m-%d", tm); break;
		case 'g':
			iso_week(tm, &iy);
			out_num(o, floor_mod(iy, 100), 2, '0');
			break;
		case 'G':
			iso_week(tm, &iy);
			out_num(o, iy, 1, '0');
			break;
		case 'H': out_num(o, tm->tm_hour, 2, '0'); break;
		case 'I': out_num(o, hour12, 2, '0'); break;
		case 'j': out_num(o, tm->tm_yday + 1, 3, '0'); break;
		case 'k': out_num(o, tm->tm_hour, 2, ' '); break;
		case 'l': out_num(o, hour12, 2, ' '); break;
		case 'm': out_num(o, tm->tm_mon + 1, 2, '0'); break;
		case 'M': out_num(o, tm->tm_min, 2, '0'); break;
		case 'n': out_str(o, "\n"); break;
		case 'p': out_str(o, tm->tm_hour < 12 ? "AM" : "PM"); break;
		case 'r': format(o, "%I:%M:%S %p", tm); break;
		case 'R': format(o, "%H:%M", tm); break;
		case 's':
			copy = *tm;
			out_num(o, timegm(&copy), 1, '0');
			break;
		case 'S': out_num(o, tm->tm_sec, 2, '0'); break;
		case 't': out_str(o, "\t"); break;
		case 'T': format(o, "%H:%M:%S", tm); break;
		case 'u':
			out_num(o, tm->tm_wday == 0 ? 7 : tm->tm_wday, 1, '0');
			break;
		case 'U':
			out_num(o, (tm->tm_yday + 7 - tm->tm_wday) / 7, 2, '0');
			break;
		case 'V': out_num(o, iso_week(tm, &iy), 2, '0'); break;
		case 'w': out_num(o, tm->tm_wday, 1, '0'); break;
		case 'W':
			out_num(o, (tm->tm_yday + 7 - (tm->tm_wday + 6) % 7) /
			    7, 2, '0');
			break;
		case 'x': format(o, "%m/%d/%y", tm); break;
		case 'X': format(o, "%H:%M:%S", tm); break;
		case 'y': out_num(o, floor_mod(year, 100), 2, '0'); break;
		case 'Y': out_num(o, year, 1, '0'); break;
		case 'z': out_str(o, "+0000"); break;
		case 'Z': out_str(o, "UTC"); break;
		case '%': out_str(o, "%"); break;
		case '\0':		/* a lone % at the end */
			out_str(o, "%");
			fmt--;
			break;
		default:		/* unknown: copied as it is */
			out_str(o, "%");
			out_strn(o, fmt, 1);
			break;
		}
	}
}

size_t strftime(char *restrict s, size_t max, const char *restrict fmt,
	const struct tm *restrict tm)
{
	struct out o = { s, max, 0 };

	format(&o, fmt, tm);
	if (o.n >= max)
		return 0;
	s[o.n] = '\0';
	return o.n;
}

/* ---- asctime, ctime ---- */

#define ASCTIME_FMT	"%a %b %e %H:%M:%S %Y\n"
#define ASCTIME_SIZE	26	/* what asctime_r may assume of buf */

char *asctime_r(const struct tm *restrict tm, char *restrict buf)
{
	if (strftime(buf, ASCTIME_SIZE, ASCTIME_FMT, tm) == 0) {
		errno = ERANGE;
		return NULL;
	}
	return buf;
}

char *asctime(const struct tm *tm)
{
	static char buf[64];	/* room for any int year */

	if (strftime(buf, sizeof(buf), ASCTIME_FMT, tm) == 0) {
		errno = ERANGE;
		return NULL;
	}
	return buf;
}

char *ctime_r(const time_t *t, char *buf)
{
	struct tm tm;

	return localtime_r(t, &tm) != NULL ? asctime_r(&tm, buf) : NULL;
}

char *ctime(const time_t *t)
{
	struct tm *tm = localtime(t);

	return tm != NULL ? asctime(tm) : NULL;
}
