/* cat.c - copy files (or stdin, also for "-") to stdout.
 *
 *	cat [-nu] [file ...]
 *
 * -n numbers the output lines as GNU and BSD do: "%6d\t" before each
 * line, counting on across the files.  -u (unbuffered) is accepted and
 * changes nothing: cat never buffers its output.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static char buf[4096];
static char out[2 * sizeof(buf) + 64];
static int opt_n;
static long lineno;
static int at_line_start = 1;

static int write_all(const char *p, size_t n)
{
	ssize_t w;
	size_t done;

	for (done = 0; done < n; done += (size_t)w) {
		if ((w = write(STDOUT_FILENO, p + done, n - done)) < 0) {
			if (errno == EINTR) {
				w = 0;
				continue;
			}
			return -1;
		}
	}
	return 0;
}

/* Write n bytes of buf, numbering lines with -n. */
static int put(const char *p, size_t n)
{
	size_t i, o = 0;

	if (!opt_n)
		return write_all(p, n);
	for (i = 0; i < n; i++) {
		if (at_line_start) {
			o += (size_t)snprintf(out + o, sizeof(out) - o, "%6ld\t", ++lineno);
			at_line_start = 0;
		}
		out[o++] = p[i];
		if (p[i] == '\n')
			at_line_start = 1;
		if (o > sizeof(out) - 32) {
			if (write_all(out, o) < 0)
				return -1;
			o = 0;
		}
	}
	return write_all(out, o);
}

/* Copy fd to stdout; 0, or -1 with errno (*what says which side). */
static int copy(int fd, const char **what)
{
	ssize_t n;

	for (;;) {
		if ((n = read(fd, buf, sizeof(buf))) == 0)
			return 0;
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		if (put(buf, (size_t)n) < 0) {
			*what = "stdout";
			return -1;
		}
	}
}

int main(int argc, char **argv)
{
	const char *what;
	int c, i, fd, status = 0;

	while ((c = getopt(argc, argv, "+nu")) != -1) {
		switch (c) {
		case 'n':
			opt_n = 1;
			break;
		case 'u':
			break;
		default:
			fprintf(stderr, "usage: cat [-nu] [file ...]\n");
			return 1;
		}
	}
	if (optind == argc) {
		what = "stdin";
		if (copy(STDIN_FILENO, &what) < 0) {
			fprintf(stderr, "cat: %s: %s\n", what, strerror(errno));
			return 1;
		}
		return 0;
	}
	for (i = optind; i < argc; i++) {
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
