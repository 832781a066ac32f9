/* ln.c - make links.
 *
 *	ln [-fs] source [target]
 *	ln [-fs] source ... directory
 *
 * A hard link by default, a symbolic link (holding the source string as
 * given) with -s.  -f removes an existing target first.  With one operand
 * the link goes into the current directory under the source's last name;
 * with a directory as last operand, into it.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

static int opt_f, opt_s;

static void usage(void)
{
	fprintf(stderr, "usage: ln [-fs] source [target]\n"
	    "       ln [-fs] source ... directory\n");
	exit(1);
}

/* The last component of path (without trailing slashes) in buf. */
static const char *last_name(const char *path, char *buf, size_t size)
{
	size_t n = strlen(path);
	const char *s;

	while (n > 1 && path[n - 1] == '/')
		n--;
	if (n >= size)
		n = size - 1;
	memcpy(buf, path, n);
	buf[n] = '\0';
	s = strrchr(buf, '/');
	return s && s[1] ? s + 1 : buf;
}

static int is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static int make_link(const char *src, const char *dst)
{
	struct stat st;

	if (opt_f && lstat(dst, &st) == 0) {
		if (S_ISDIR(st.st_mode)) {
			fprintf(stderr, "ln: %s: %s\n", dst, strerror(EISDIR));
			return 1;
		}
		if (unlink(dst) < 0 && errno != ENOENT) {
			fprintf(stderr, "ln: %s: %s\n", dst, strerror(errno));
			return 1;
		}
	}
	if ((opt_s ? symlink(src, dst) : link(src, dst)) < 0) {
		fprintf(stderr, "ln: %s: %s\n", errno == EEXIST || opt_s ? dst : src,
		    strerror(errno));
		return 1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	char name[256], path[1024];
	const char *dir;
	int c, i, n, status = 0;

	while ((c = getopt(argc, argv, "fs")) != -1) {
		switch (c) {
		case 'f': opt_f = 1; break;
		case 's': opt_s = 1; break;
		default: usage();
		}
	}
	n = argc - optind;
	if (n < 1)
		usage();
	if (n == 2 && !is_dir(argv[optind + 1]))
		return make_link(argv[optind], argv[optind + 1]);
	if (n > 2 && !is_dir(argv[argc - 1])) {
		fprintf(stderr, "ln: %s: %s\n", argv[argc - 1], strerror(ENOTDIR));
		return 1;
	}
	dir = n == 1 ? "." : argv[argc - 1];
	for (i = optind; i < (n == 1 ? argc : argc - 1); i++) {
		snprintf(path, sizeof(path), "%s/%s", dir,
		    last_name(argv[i], name, sizeof(name)));
		status |= make_link(argv[i], path);
	}
	return status;
}
