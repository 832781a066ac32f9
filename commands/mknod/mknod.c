/* mknod.c - make a device node.
 *
 *	mknod [-m mode] name c|b major minor
 *
 * The node gets the octal mode (default 0666) less the umask, type c (a
 * character device) or b (a block device), and the device number
 * major, minor (0..255 each).  Exit status 0, or 1 on an error (with a
 * message), 2 for bad usage.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/types.h>

static void usage(void)
{
	fprintf(stderr, "usage: mknod [-m mode] name c|b major minor\n");
	exit(2);
}

/* A number 0..255 in s, or -1. */
static long number(const char *s)
{
	char *end;
	long n;

	if (*s == '\0')
		return -1;
	n = strtol(s, &end, 0);
	return *end != '\0' || n < 0 || n > 255 ? -1 : n;
}

int main(int argc, char **argv)
{
	mode_t mode = 0666, type;
	long m, ma, mi;
	char *end;
	int c;

	while ((c = getopt(argc, argv, "m:")) != -1) {
		switch (c) {
		case 'm':
			m = strtol(optarg, &end, 8);
			if (*optarg == '\0' || *end != '\0' || m < 0 || m > 07777) {
				fprintf(stderr, "mknod: bad mode '%s'\n", optarg);
				return 2;
			}
			mode = (mode_t)m;
			break;
		default:
			usage();
		}
	}
	if (argc - optind != 4)
		usage();
	if (strcmp(argv[optind + 1], "c") == 0)
		type = S_IFCHR;
	else if (strcmp(argv[optind + 1], "b") == 0)
		type = S_IFBLK;
	else {
		fprintf(stderr, "mknod: bad type '%s' (c or b)\n", argv[optind + 1]);
		return 2;
	}
	if ((ma = number(argv[optind + 2])) < 0 || (mi = number(argv[optind + 3])) < 0) {
		fprintf(stderr, "mknod: bad device number '%s %s' (0..255 each)\n",
		    argv[optind + 2], argv[optind + 3]);
		return 2;
	}
	if (mknod(argv[optind], type | mode, makedev(ma, mi)) < 0) {
		fprintf(stderr, "mknod: %s: %s\n", argv[optind], strerror(errno));
		return 1;
	}
	return 0;
}
