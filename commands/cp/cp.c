/* cp.c - copy files.
 *
 *	cp src dst		copy src to the file dst
 *	cp src ... dir		copy each src into the directory dir
 *
 * The copy gets the source's permission bits.  Errors are reported as
 * "cp: path: reason"; cp goes on with the next source and exits 1.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#define PATH_BUF	1024

static char buf[8192];

static int fail(const char *path)
{
	fprintf(stderr, "cp: %s: %s\n", path, strerror(errno));
	return 1;
}

static const char *base_name(const char *p)
{
	const char *s = strrchr(p, '/');

	return s != NULL ? s + 1 : p;
}

static int copy_file(const char *src, const char *dst)
{
	struct stat st;
	ssize_t n, w, done;
	int in, out, r = 0;

	if ((in = open(src, O_RDONLY)) < 0)
		return fail(src);
	if (fstat(in, &st) < 0) {
		r = fail(src);
		close(in);
		return r;
	}
	if (S_ISDIR(st.st_mode)) {
		fprintf(stderr, "cp: %s: is a directory (not copied)\n", src);
		close(in);
		return 1;
	}
	if ((out = open(dst, O_WRONLY | O_CREAT | O_TRUNC, st.st_mode & 0777)) < 0) {
		r = fail(dst);
		close(in);
		return r;
	}
	while (r == 0 && (n = read(in, buf, sizeof(buf))) != 0) {
		if (n < 0) {
			r = fail(src);
			break;
		}
		for (done = 0; done < n; done += w) {
			if ((w = write(out, buf + done, (size_t)(n - done))) < 0) {
				r = fail(dst);
				break;
			}
		}
	}
	close(in);
	if (close(out) < 0 && r == 0)
		r = fail(dst);
	return r;
}

int main(int argc, char **argv)
{
	char path[PATH_BUF];
	const char *dst;
	struct stat st;
	int i, status = 0, is_dir;

	if (argc < 3) {
		fprintf(stderr, "usage: cp src dst | cp src ... dir\n");
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
			if (snprintf(path, sizeof(path), "%s/%s", dst,
			    base_name(argv[i])) >= (int)sizeof(path)) {
				errno = ENAMETOOLONG;
				status |= fail(argv[i]);
				continue;
			}
			status |= copy_file(argv[i], path);
		} else {
			status |= copy_file(argv[i], dst);
		}
	}
	return status;
}
