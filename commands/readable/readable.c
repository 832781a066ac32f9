/* readable.c - wait until descriptors can be read without waiting
 * (select()).
 *
 *	readable [-t seconds] [fd ...]
 *
 * The descriptors (default 0, the standard input) are waited on together;
 * those that became readable are printed, one a line, and the status is
 * 0.  With -t (a decimal fraction is allowed: -t 0.25) the wait ends after
 * that long with status 1 and nothing printed; -t 0 only looks.  Status 2
 * for a usage error or a failed select (a descriptor not open: EBADF).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <sys/select.h>

static void usage(void)
{
	fprintf(stderr, "usage: readable [-t seconds] [fd ...]\n");
	exit(2);
}

/* "S[.F]" -> tv; 0, or -1 if it is not such a number. */
static int parse_time(const char *s, struct timeval *tv)
{
	long sec = 0, usec = 0, scale = 100000;

	if (*s == '\0')
		return -1;
	for (; *s >= '0' && *s <= '9'; s++)
		if ((sec = sec * 10 + (*s - '0')) > 100000000)
			return -1;
	if (*s == '.')
		for (s++; *s >= '0' && *s <= '9'; s++, scale /= 10)
			usec += (*s - '0') * scale;
	if (*s != '\0')
		return -1;
	tv->tv_sec = sec;
	tv->tv_usec = usec;
	return 0;
}

int main(int argc, char **argv)
{
	struct timeval tv, *tvp = NULL;
	fd_set rs, want;
	int i, c, fd, nfds = 0, n;
	char *end;

	while ((c = getopt(argc, argv, "t:")) != -1) {
		if (c != 't' || parse_time(optarg, &tv) < 0)
			usage();
		tvp = &tv;
	}
	i = optind;
	FD_ZERO(&want);
	if (i == argc) {
		FD_SET(0, &want);
		nfds = 1;
	}
	for (; i < argc; i++) {
		fd = (int)strtol(argv[i], &end, 10);
		if (argv[i][0] == '\0' || *end != '\0' || fd < 0 || fd >= FD_SETSIZE)
			usage();
		FD_SET(fd, &want);
		if (fd + 1 > nfds)
			nfds = fd + 1;
	}
	rs = want;
	if ((n = select(nfds, &rs, NULL, NULL, tvp)) < 0) {
		fprintf(stderr, "readable: %s\n", strerror(errno));
		return 2;
	}
	for (fd = 0; fd < nfds; fd++)
		if (FD_ISSET(fd, &rs))
			printf("%d\n", fd);
	return n > 0 ? 0 : 1;
}
