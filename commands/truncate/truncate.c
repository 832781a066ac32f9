/* truncate.c - set the size of files.
 *
 *	truncate [-c] -s [+-]SIZE file ...
 *
 * SIZE is bytes, or with a suffix K, M, G (powers of 1024); +SIZE adds
 * to the current size and -SIZE takes away (not below 0).  A missing file
 * is made (empty, then sized) unless -c.  Growing a file leaves a hole.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

static void usage(void)
{
	fprintf(stderr, "usage: truncate [-c] -s [+-]SIZE file ...\n");
	exit(1);
}

/* SIZE with its suffix; -1 if it is not one. */
static long long parse_size(const char *s)
{
	long long v = 0, mul = 1;

	if (*s < '0' || *s > '9')
		return -1;
	for (; *s >= '0' && *s <= '9'; s++) {
		if (v > (0x7fffffffffffffffLL - 9) / 10)
			return -1;
		v = v * 10 + (*s - '0');
	}
	switch (*s) {
	case '\0': break;
	case 'K': case 'k': mul = 1LL << 10; s++; break;
	case 'M': case 'm': mul = 1LL << 20; s++; break;
	case 'G': case 'g': mul = 1LL << 30; s++; break;
	default: return -1;
	}
	if (*s != '\0' || v > 0x7fffffffffffffffLL / mul)
		return -1;
	return v * mul;
}

int main(int argc, char **argv)
{
	const char *spec = NULL;
	long long size, len;
	struct stat st;
	int c, i, fd, opt_c = 0, rel = 0, status = 0;

	while ((c = getopt(argc, argv, "cs:")) != -1) {
		switch (c) {
		case 'c': opt_c = 1; break;
		case 's': spec = optarg; break;
		default: usage();
		}
	}
	if (spec == NULL || optind == argc)
		usage();
	if (*spec == '+' || *spec == '-')
		rel = *spec++ == '+' ? 1 : -1;
	if ((size = parse_size(spec)) < 0) {
		fprintf(stderr, "truncate: invalid size: %s\n", spec - (rel != 0));
		return 1;
	}
	for (i = optind; i < argc; i++) {
		fd = open(argv[i], O_WRONLY | (opt_c ? 0 : O_CREAT), 0666);
		if (fd < 0) {
			if (opt_c && errno == ENOENT)
				continue;
			goto fail;
		}
		len = size;
		if (rel) {
			if (fstat(fd, &st) < 0) {
				close(fd);
				goto fail;
			}
			len = rel > 0 ? st.st_size + size :
			    st.st_size > size ? st.st_size - size : 0;
		}
		if (ftruncate(fd, (off_t)len) < 0) {
			close(fd);
			goto fail;
		}
		close(fd);
		continue;
fail:
		fprintf(stderr, "truncate: %s: %s\n", argv[i], strerror(errno));
		status = 1;
	}
	return status;
}
