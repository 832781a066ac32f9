/* touch.c - change the access and modification times of files, making
 * them if they do not exist.
 *
 *	touch [-acm] file ...
 *
 * -a changes only the access time, -m only the modification time (both
 * when neither or both are given), -c makes no file.  The new time is now.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <utime.h>
#include <sys/stat.h>

static int opt_a, opt_c, opt_m;

static void usage(void)
{
	fprintf(stderr, "usage: touch [-acm] file ...\n");
	exit(1);
}

static int touch(const char *path)
{
	struct utimbuf t;
	struct stat st;
	int fd;

	if (stat(path, &st) < 0) {
		if (errno != ENOENT)
			goto fail;
		if (opt_c)
			return 0;
		/* A new file: its times are now already. */
		if ((fd = open(path, O_WRONLY | O_CREAT, 0666)) < 0)
			goto fail;
		close(fd);
		return 0;
	}
	if (opt_a == opt_m) {
		if (utime(path, NULL) < 0)
			goto fail;
		return 0;
	}
	t.actime = opt_a ? time(NULL) : st.st_atime;
	t.modtime = opt_m ? time(NULL) : st.st_mtime;
	if (utime(path, &t) < 0)
		goto fail;
	return 0;
fail:
	fprintf(stderr, "touch: %s: %s\n", path, strerror(errno));
	return 1;
}

int main(int argc, char **argv)
{
	int c, i, status = 0;

	while ((c = getopt(argc, argv, "acm")) != -1) {
		switch (c) {
		case 'a': opt_a = 1; break;
		case 'c': opt_c = 1; break;
		case 'm': opt_m = 1; break;
		default: usage();
		}
	}
	if (optind == argc)
		usage();
	for (i = optind; i < argc; i++)
		status |= touch(argv[i]);
	return status;
}
