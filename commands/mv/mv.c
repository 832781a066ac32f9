/* mv.c - rename files.
 *
 *	mv src dst		rename src to dst
 *	mv src ... dir		move each src into the directory dir
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#define PATH_BUF	1024

static int fail(const char *path)
{
	fprintf(stderr, "mv: %s: %s\n", path, strerror(errno));
	return 1;
}

int main(int argc, char **argv)
{
	char path[PATH_BUF];
	const char *dst, *base;
	struct stat st;
	int i, status = 0, is_dir;

	if (argc < 3) {
		fprintf(stderr, "usage: mv src dst | mv src ... dir\n");
		return 2;
	}
	dst = argv[argc - 1];
	is_dir = stat(dst, &st) == 0 && S_ISDIR(st.st_mode);
	if (argc > 3 && !is_dir) {
		errno = ENOTDIR;
		return fail(dst);
	}
	for (i = 1; i < argc - 1; i++) {
		if (is_dir) {
			base = strrchr(argv[i], '/') ? strrchr(argv[i], '/') + 1 : argv[i];
			if (snprintf(path, sizeof(path), "%s/%s", dst, base) >=
			    (int)sizeof(path)) {
				errno = ENAMETOOLONG;
				status |= fail(argv[i]);
				continue;
			}
			if (rename(argv[i], path) < 0)
				status |= fail(argv[i]);
		} else if (rename(argv[i], dst) < 0) {
			status |= fail(argv[i]);
		}
	}
	return status;
}
