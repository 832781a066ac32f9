/* cat.c - copy files (or stdin, also for "-") to stdout.
 *
 *	cat [file ...]
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static char buf[4096];

/* Copy fd to stdout; 0, or -1 with errno (*what says which side). */
static int copy(int fd, const char **what)
{
	ssize_t n, w, done;

	for (;;) {
		if ((n = read(fd, buf, sizeof(buf))) == 0)
			return 0;
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		for (done = 0; done < n; done += w) {
			if ((w = write(STDOUT_FILENO, buf + done, (size_t)(n - done))) < 0) {
				if (errno == EINTR) {
					w = 0;
					continue;
				}
				*what = "stdout";
				return -1;
			}
		}
	}
}

int main(int argc, char **argv)
{
	const char *what;
	int i, fd, status = 0;

	if (argc < 2) {
		what = "stdin";
		if (copy(STDIN_FILENO, &what) < 0) {
			fprintf(stderr, "cat: %s: %s\n", what, strerror(errno));
			return 1;
		}
		return 0;
	}
	for (i = 1; i < argc; i++) {
		what = argv[i];
		if (strcmp(argv[i], "-") == 0) {
			fd = STDIN_FILENO;
		} else if ((fd = open(argv[i], O_RDONLY)) < 0) {
			fprintf(stderr, "cat: %s: %s\n", argv[i], strerror(errno));
			status = 1;
			continue;
		}
		if (copy(fd, &what) < 0) {
			fprintf(stderr, "cat: %s: %s\n", what, strerror(errno));
			status = 1;
		}
		if (fd != STDIN_FILENO)
			close(fd);
	}
	return status;
}
