/* date.c - print the date and time.
 *
 *	date [-u] [-r seconds] [+format]
 *
 * There are no time zones: the time is UTC (-u is accepted and changes
 * nothing).  The default format is "%a %b %e %H:%M:%S UTC %Y", e.g.
 * "Tue Dec  1 22:18:59 UTC 2026"; +format takes the strftime()
 * conversions of lib/libc/time.c (%Y %m %d %H %M %S %j %s %a %b ...).
 * -r prints the given time (seconds since the epoch) instead of now.
 * Setting the clock is not supported.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static void usage(void)
{
	fprintf(stderr, "usage: date [-u] [-r seconds] [+format]\n");
	exit(1);
}

int main(int argc, char **argv)
{
	const char *fmt = "%a %b %e %H:%M:%S UTC %Y";
	char buf[1024], *end;
	struct tm tm;
	time_t t;
	int c, have_r = 0;
	long long v;

	while ((c = getopt(argc, argv, "+ur:")) != -1) {
		switch (c) {
		case 'u':
			break;
		case 'r':
			errno = 0;
			v = strtoll(optarg, &end, 10);
			t = (time_t)v;
			if (*optarg == '\0' || *end != '\0' || errno != 0 ||
			    (long long)t != v) {
				fprintf(stderr, "date: invalid time: %s\n", optarg);
				return 1;
			}
			have_r = 1;
			break;
		default:
			usage();
		}
	}
	if (optind < argc) {
		if (argv[optind][0] != '+') {
			fprintf(stderr, "date: setting the time is not supported\n");
			usage();
		}
		if (optind + 1 < argc)
			usage();
		fmt = argv[optind] + 1;
	}
	if (!have_r)
		t = time(NULL);
	if (gmtime_r(&t, &tm) == NULL) {
		fprintf(stderr, "date: %s\n", strerror(errno));
		return 1;
	}
	if (strftime(buf, sizeof(buf), fmt, &tm) == 0 && fmt[0] != '\0') {
		fprintf(stderr, "date: format too long or empty result\n");
		buf[0] = '\0';
	}
	printf("%s\n", buf);
	return fflush(stdout) == 0 ? 0 : 1;
}
