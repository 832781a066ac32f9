/* rm.c - remove files and directory trees.
 *
 *	rm [-fir] [-R] file ...
 *
 * -r (or -R) removes directories with everything in them (symbolic links
 * are removed, never followed); without it a directory is an error.
 * -f: no complaint about missing files, and no usage error without
 * operands; -i asks "rm: remove NAME? " on stderr for each file and goes
 * on only after an answer starting with y or Y (the last of -f and -i
 * wins).  ".", ".." and "/" are refused.  Errors are "rm: path: reason";
 * rm goes on with the rest and exits 1.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

static int opt_f, opt_i, opt_r;

static int complain(const char *path, int err)
{
	fprintf(stderr, "rm: %s: %s\n", path, strerror(err));
	return 1;
}

/* Ask about path; 1 to go on. */
static int confirm(const char *what, const char *path)
{
	int c, yes;

	if (!opt_i)
		return 1;
	fprintf(stderr, "rm: %s %s? ", what, path);
	c = getchar();
	yes = c == 'y' || c == 'Y';
	while (c != '\n' && c != EOF)
		c = getchar();
	return yes;
}

static int remove_path(const char *path);

/* The names in directory path but . and .., in a NULL-terminated array
 * (read whole before anything is removed); NULL on an error (reported). */
static char **names_in(const char *path)
{
	char **v = NULL, **more;
	struct dirent *de;
	size_t n = 0;
	DIR *d;

	if ((d = opendir(path)) == NULL) {
		complain(path, errno);
		return NULL;
	}
	errno = 0;
	while ((de = readdir(d)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
			continue;
		if ((more = realloc(v, (n + 2) * sizeof(*v))) == NULL) {
			errno = ENOMEM;
			break;
		}
		v = more;
		if ((v[n] = strdup(de->d_name)) == NULL) {
			errno = ENOMEM;
			break;
		}
		v[++n] = NULL;
		errno = 0;
	}
	if (errno != 0 || (v == NULL && (v = calloc(1, sizeof(*v))) == NULL)) {
		complain(path, errno ? errno : ENOMEM);
		closedir(d);
		while (n > 0)
			free(v[--n]);
		free(v);
		return NULL;
	}
	closedir(d);
	return v;
}

/* Remove what is in directory path, then path. */
static int remove_tree(const char *path)
{
	char **names, *full;
	size_t n, i;
	int r = 0;

	if (!confirm("descend into directory", path))
		return 0;
	if ((names = names_in(path)) == NULL)
		return 1;
	for (i = 0; names[i] != NULL; i++) {
		n = strlen(path) + strlen(names[i]) + 2;
		if ((full = malloc(n)) == NULL) {
			r = complain(path, ENOMEM);
		} else {
			snprintf(full, n, "%s%s%s", path,
			    path[strlen(path) - 1] == '/' ? "" : "/", names[i]);
			r |= remove_path(full);
			free(full);
		}
		free(names[i]);
	}
	free(names);
	if (!confirm("remove directory", path))
		return r;
	if (rmdir(path) < 0)
		r = complain(path, errno);
	return r;
}

static int remove_path(const char *path)
{
	struct stat st;

	if (lstat(path, &st) < 0) {
		if (opt_f && errno == ENOENT)
			return 0;
		return complain(path, errno);
	}
	if (S_ISDIR(st.st_mode)) {
		if (!opt_r)
			return complain(path, EISDIR);
		return remove_tree(path);
	}
	if (!confirm("remove", path))
		return 0;
	if (unlink(path) < 0)
		return complain(path, errno);
	return 0;
}

/* ".", ".." or "/" (also as the last component, "a/.."). */
static int refused(const char *path)
{
	const char *b;
	size_t n = strlen(path);

	while (n > 1 && path[n - 1] == '/')
		n--;
	if (n == 1 && path[0] == '/')
		return 1;
	for (b = path + n; b > path && b[-1] != '/'; b--)
		;
	n -= (size_t)(b - path);
	return (n == 1 && b[0] == '.') || (n == 2 && b[0] == '.' && b[1] == '.');
}

int main(int argc, char **argv)
{
	int c, i, status = 0;

	while ((c = getopt(argc, argv, "+fiRr")) != -1) {
		switch (c) {
		case 'f':
			opt_f = 1, opt_i = 0;
			break;
		case 'i':
			opt_i = 1, opt_f = 0;
			break;
		case 'r':
		case 'R':
			opt_r = 1;
			break;
		default:
			fprintf(stderr, "usage: rm [-fir] file ...\n");
			return 1;
		}
	}
	if (optind == argc && !opt_f) {
		fprintf(stderr, "usage: rm [-fir] file ...\n");
		return 1;
	}
	for (i = optind; i < argc; i++) {
		if (refused(argv[i])) {
			fprintf(stderr, "rm: %s: refusing to remove\n", argv[i]);
			status = 1;
			continue;
		}
		status |= remove_path(argv[i]);
	}
	return status;
}
