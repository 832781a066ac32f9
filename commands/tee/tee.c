/* tee.c - copy stdin to stdout and to files.
 *
 *	tee [-ai] [file ...]
 *
 * -a appends to the files instead of truncating them; -i ignores SIGINT.
 * A file that cannot be opened or written is reported, the others still
 * get the data, and tee exits 1.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int write_all(int fd, const char *buf, ssize_t n)
{
	ssize_t w, done;

	for (done = 0; done < n; done += w) {
		if ((w = write(fd, buf + done, (size_t)(n - done))) < 0) {
			if (errno == EINTR) {
				w = 0;
				continue;
			}
			return -1;
		}
	}
	return 0;
}

int main(int argc, char **argv)
{
	static char buf[4096];
	int c, i, nf, flags = O_WRONLY | O_CREAT | O_TRUNC, status = 0;
	int *fds;
	ssize_t n;

	while ((c = getopt(argc, argv, "+ai")) != -1) {
		switch (c) {
		case 'a':
			flags = O_WRONLY | O_CREAT | O_APPEND;
			break;
		case 'i':
			signal(SIGINT, SIG_IGN);
			break;
		default:
			fprintf(stderr, "usage: tee [-ai] [file ...]\n");
			return 1;
		}
	}
	nf = argc - optind;
	if ((fds = malloc((size_t)(nf + 1) * sizeof(*fds))) == NULL) {
		fprintf(stderr, "tee: out of memory\n");
		return 1;
	}
	fds[0] = STDOUT_FILENO;
	for (i = 0; i < nf; i++) {
		if ((fds[i + 1] = open(argv[optind + i], flags, 0666)) < 0) {
			fprintf(stderr, "tee: %s: %s\n", argv[optind + i], strerror(errno));
			status = 1;
		}
	}
	for (;;) {
		n = read(STDIN_FILENO, buf, sizeof(buf));
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			fprintf(stderr, "tee: stdin: %s\n", strerror(errno));
			status = 1;
		}
		if (n <= 0)
			break;
		for (i = 0; i <= nf; i++) {
			if (fds[i] >= 0 && write_all(fds[i], buf, n) < 0) {
				fprintf(stderr, "tee: %s: %s\n",
				    i == 0 ? "stdout" : argv[optind + i - 1],
				    strerror(errno));
				fds[i] = -1;
				status = 1;
			}
		}
	}
	for (i = 1; i <= nf; i++)
		if (fds[i] >= 0 && close(fds[i]) < 0) {
			fprintf(stderr, "tee: %s: %s\n", argv[optind + i - 1],
			    strerror(errno));
			status = 1;
		}
	return status;
}
