/* ls.c - list files and directories.
 *
 *	ls [-alR] [path ...]
 *
 * A directory is listed by its entries, sorted by name; any other file
 * by its own name.  Without paths ls lists ".".  Names starting with '.'
 * are shown only with -a.  -l adds the mode, the link count and the size:
 *
 *	drwxr-xr-x   2     1024 bin
 *	crw-rw-rw-   1   1,   1 zero
 *
 * (a character or block device shows its major and minor numbers).
 * -R lists the directories below too, as GNU ls does: each directory
 * under a "path:" line, an empty line between them, the subdirectories
 * (not . and .., and never through a symbolic link) in name order after
 * their parent's list.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/types.h>
#ifdef HOST_TEST
#include <sys/sysmacros.h>	/* major(), minor() on the host */
#endif

#define PATH_BUF	1024

static int opt_all, opt_long, opt_rec;
static int headers;	/* print "path:" before a listing */
static int listed;	/* listings printed so far */
static int status;

static void complain(const char *path)
{
	fprintf(stderr, "ls: %s: %s\n", path, strerror(errno));
	status = 1;
}

static void mode_string(mode_t m, char *s)
{
	static const char rwx[] = "rwxrwxrwx";
	int i;

	s[0] = S_ISDIR(m) ? 'd' : S_ISCHR(m) ? 'c' : S_ISBLK(m) ? 'b' :
	    S_ISFIFO(m) ? 'p' : S_ISLNK(m) ? 'l' : S_ISSOCK(m) ? 's' : '-';
	for (i = 0; i < 9; i++)
		s[1 + i] = (m & (0400 >> i)) ? rwx[i] : '-';
	s[10] = '\0';
}

/* One line for name; st describes it (NULL: stat path for -l). */
static void show(const char *path, const char *name, const struct stat *st)
{
	struct stat sb;
	char mode[11], size[24];

	if (!opt_long) {
		printf("%s\n", name);
		return;
	}
	if (st == NULL) {
		if (stat(path, &sb) < 0) {
			complain(path);
			return;
		}
		st = &sb;
	}
	mode_string(st->st_mode, mode);
	if (S_ISCHR(st->st_mode) || S_ISBLK(st->st_mode))
		snprintf(size, sizeof(size), "%3u, %3u", (unsigned)major(st->st_rdev),
		    (unsigned)minor(st->st_rdev));	/* a device: its numbers */
	else
		snprintf(size, sizeof(size), "%8lld", (long long)st->st_size);
	printf("%s %3lu %s %s\n", mode, (unsigned long)st->st_nlink, size, name);
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void list_dir(const char *path)
{
	char **names = NULL, **more, full[PATH_BUF];
	size_t n = 0, cap = 0, i;
	struct dirent *de;
	struct stat st;
	DIR *d;

	if (headers)
		printf("%s%s:\n", listed > 0 ? "\n" : "", path);
	listed++;
	if ((d = opendir(path)) == NULL) {
		complain(path);
		return;
	}
	errno = 0;
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.' && !opt_all)
			continue;
		if (n == cap) {
			cap = cap ? 2 * cap : 64;
			if ((more = realloc(names, cap * sizeof(*names))) == NULL)
				break;
			names = more;
		}
		if ((names[n] = strdup(de->d_name)) == NULL)
			break;
		n++;
		errno = 0;
	}
	if (errno != 0)
		complain(path);
	closedir(d);
	if (n > 0)
		qsort(names, n, sizeof(*names), by_name);
	for (i = 0; i < n; i++) {
		snprintf(full, sizeof(full), "%s%s%s", path,
		    path[strlen(path) - 1] == '/' ? "" : "/", names[i]);
		show(full, names[i], NULL);
	}
	for (i = 0; opt_rec && i < n; i++) {
		if (strcmp(names[i], ".") == 0 || strcmp(names[i], "..") == 0)
			continue;
		snprintf(full, sizeof(full), "%s%s%s", path,
		    path[strlen(path) - 1] == '/' ? "" : "/", names[i]);
		if (lstat(full, &st) == 0 && S_ISDIR(st.st_mode))
			list_dir(full);
	}
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

int main(int argc, char **argv)
{
	struct stat st;
	int c, i, many;

	while ((c = getopt(argc, argv, "+alR")) != -1) {
		switch (c) {
		case 'a':
			opt_all = 1;
			break;
		case 'l':
			opt_long = 1;
			break;
		case 'R':
			opt_rec = 1;
			break;
		default:
			fprintf(stderr, "usage: ls [-alR] [path ...]\n");
			return 2;
		}
	}
	if (optind == argc) {
		headers = opt_rec;
		list_dir(".");
		return status;
	}
	many = argc - optind > 1;
	headers = many || opt_rec;
	for (i = optind; i < argc; i++) {
		if (stat(argv[i], &st) < 0) {
			complain(argv[i]);
		} else if (S_ISDIR(st.st_mode)) {
			list_dir(argv[i]);
		} else {
			show(argv[i], argv[i], &st);
			listed++;
		}
	}
	return status;
}
