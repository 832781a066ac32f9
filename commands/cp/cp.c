/* cp.c - copy files and directory trees.
 *
 *	cp [-pr] src dst	copy src to dst
 *	cp [-pr] src ... dir	copy each src into the directory dir
 *
 * A file's copy gets the source's permission bits.  With -r (or -R) a
 * directory is copied with everything in it: into dst/NAME when dst is an
 * existing directory, else as dst itself; symbolic links are not
 * followed inside a tree (they are skipped, with a message), and a
 * directory is never copied into itself.  Without -r a directory is
 * reported and skipped.  New files and directories are created with the
 * source's permission bits (less the umask); -p is accepted but can keep
 * nothing more (there is no chmod, utime or chown call yet).  Errors are
 * reported as "cp: path: reason"; cp goes on with the next source and
 * exits 1.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#define PATH_BUF	1024

static char buf[8192];
static int opt_p, opt_r;
static struct stat top;		/* the destination directory made first */
static int have_top;

static int fail(const char *path)
{
	fprintf(stderr, "cp: %s: %s\n", path, strerror(errno));
	return 1;
}

static const char *base_name(const char *p)
{
	const char *s;
	size_t n = strlen(p);

	while (n > 1 && p[n - 1] == '/')
		n--;
	for (s = p + n; s > p && s[-1] != '/'; s--)
		;
	return s;
}

static int copy_data(int in, const char *src, const char *dst, mode_t mode)
{
	ssize_t n, w, done;
	int out, r = 0;

	if ((out = open(dst, O_WRONLY | O_CREAT | O_TRUNC, mode & 0777)) < 0)
		return fail(dst);
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
	if (close(out) < 0 && r == 0)
		r = fail(dst);
	return r;
}

static int copy(const char *src, const char *dst);

/* Copy directory src (st) to dst, made here if it does not exist. */
static int copy_dir(const char *src, const char *dst, const struct stat *st)
{
	char from[PATH_BUF], to[PATH_BUF];
	struct stat dt;
	struct dirent *de;
	DIR *d;
	int r = 0;

	if (have_top && st->st_dev == top.st_dev && st->st_ino == top.st_ino) {
		fprintf(stderr, "cp: %s: cannot copy a directory into itself\n", src);
		return 1;
	}
	if (stat(dst, &dt) < 0) {
		if (mkdir(dst, st->st_mode & 0777) < 0 || stat(dst, &dt) < 0)
			return fail(dst);
	} else if (!S_ISDIR(dt.st_mode)) {
		errno = ENOTDIR;
		return fail(dst);
	}
	if (!have_top) {
		top = dt;
		have_top = 1;
	}
	if ((d = opendir(src)) == NULL)
		return fail(src);
	errno = 0;
	while ((de = readdir(d)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
			continue;
		if (snprintf(from, sizeof(from), "%s/%s", src, de->d_name) >= (int)sizeof(from) ||
		    snprintf(to, sizeof(to), "%s/%s", dst, de->d_name) >= (int)sizeof(to)) {
			errno = ENAMETOOLONG;
			r |= fail(from);
			continue;
		}
		r |= copy(from, to);
		errno = 0;
	}
	if (errno != 0)
		r |= fail(src);
	closedir(d);
	return r;
}

static int copy(const char *src, const char *dst)
{
	struct stat st, dt;
	int in, r;

	if (lstat(src, &st) < 0)
		return fail(src);
	if (S_ISLNK(st.st_mode) && !have_top && stat(src, &st) < 0)
		return fail(src);	/* a link named on the command line: followed */
	if (S_ISLNK(st.st_mode)) {
		fprintf(stderr, "cp: %s: symbolic link not copied\n", src);
		return 1;
	}
	if (S_ISDIR(st.st_mode)) {
		if (!opt_r) {
			fprintf(stderr, "cp: %s: is a directory (not copied)\n", src);
			return 1;
		}
		return copy_dir(src, dst, &st);
	}
	if (stat(dst, &dt) == 0 && dt.st_dev == st.st_dev && dt.st_ino == st.st_ino) {
		fprintf(stderr, "cp: %s and %s are the same file\n", src, dst);
		return 1;
	}
	if ((in = open(src, O_RDONLY)) < 0)
		return fail(src);
	r = copy_data(in, src, dst, st.st_mode);
	close(in);
	return r;
}

int main(int argc, char **argv)
{
	char path[PATH_BUF];
	const char *dst;
	struct stat st;
	int c, i, status = 0, is_dir, n;

	while ((c = getopt(argc, argv, "+pRr")) != -1) {
		switch (c) {
		case 'p':
			opt_p = 1;
			break;
		case 'r':
		case 'R':
			opt_r = 1;
			break;
		default:
			fprintf(stderr, "usage: cp [-pr] src dst | cp [-pr] src ... dir\n");
			return 1;
		}
	}
	n = argc - optind;
	if (n < 2) {
		fprintf(stderr, "usage: cp [-pr] src dst | cp [-pr] src ... dir\n");
		return 1;
	}
	dst = argv[argc - 1];
	is_dir = stat(dst, &st) == 0 && S_ISDIR(st.st_mode);
	if (n > 2 && !is_dir) {
		errno = ENOTDIR;
		return fail(dst);
	}
	for (i = optind; i < argc - 1; i++) {
		have_top = 0;
		if (is_dir) {
			if (snprintf(path, sizeof(path), "%s/%s", dst,
			    base_name(argv[i])) >= (int)sizeof(path)) {
				errno = ENAMETOOLONG;
				status |= fail(argv[i]);
				continue;
			}
			status |= copy(argv[i], path);
		} else {
			status |= copy(argv[i], dst);
		}
	}
	return status;
}
