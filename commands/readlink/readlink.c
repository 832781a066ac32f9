/* readlink.c - print the target of symbolic links.
 *
 *	readlink [-fn] file ...
 *
 * Prints what each link holds.  -f prints instead the absolute path of
 * the file, every symbolic link of it followed and no ".", ".." or
 * repeated "/" left (as GNU's -f: every component but the last must
 * exist; more than 40 links is ELOOP).  -n prints no newline after the
 * last one.  Exit status 1 if a file is not a link (without -f) or cannot
 * be resolved.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#define PATH_LEN 1024
#define MAX_LINKS 40

static void usage(void)
{
	fprintf(stderr, "usage: readlink [-fn] file ...\n");
	exit(1);
}

/* Drop the last component of the absolute path out ("/" stays). */
static void up(char *out)
{
	char *s = strrchr(out, '/');

	if (s == out)
		out[1] = '\0';
	else if (s)
		*s = '\0';
}

/* The canonical absolute path of path into out; 0 or -1 with errno. */
static int canonical(const char *path, char *out)
{
	char rest[PATH_LEN], target[PATH_LEN], name[256], try[PATH_LEN];
	struct stat st;
	int links = 0;
	size_t n;
	ssize_t tl;
	char *p;

	if (strlen(path) >= PATH_LEN)
		return errno = ENAMETOOLONG, -1;
	strcpy(rest, path);
	if (rest[0] == '/')
		strcpy(out, "/");
	else if (getcwd(out, PATH_LEN) == NULL)
		return -1;
	p = rest;
	for (;;) {
		while (*p == '/')
			p++;
		if (*p == '\0')
			return 0;
		n = strcspn(p, "/");
		if (n >= sizeof(name))
			return errno = ENAMETOOLONG, -1;
		memcpy(name, p, n);
		name[n] = '\0';
		p += n;
		if (strcmp(name, ".") == 0)
			continue;
		if (strcmp(name, "..") == 0) {
			up(out);
			continue;
		}
		if (snprintf(try, sizeof(try), "%s%s%s", out,
		    strcmp(out, "/") ? "/" : "", name) >= (int)sizeof(try))
			return errno = ENAMETOOLONG, -1;
		if (lstat(try, &st) < 0) {
			/* Only the last component may be missing. */
			while (*p == '/')
				p++;
			if (errno == ENOENT && *p == '\0') {
				strcpy(out, try);
				return 0;
			}
			return -1;
		}
		if (!S_ISLNK(st.st_mode)) {
			strcpy(out, try);
			if (*p && !S_ISDIR(st.st_mode))
				return errno = ENOTDIR, -1;
			continue;
		}
		if (++links > MAX_LINKS)
			return errno = ELOOP, -1;
		if ((tl = readlink(try, target, sizeof(target) - 1)) < 0)
			return -1;
		target[tl] = '\0';
		/* The target, then what was left of the path. */
		if ((size_t)tl + 1 + strlen(p) >= PATH_LEN)
			return errno = ENAMETOOLONG, -1;
		if (*p) {
			memmove(rest + tl + 1, p, strlen(p) + 1);
			rest[tl] = '/';
		} else {
			rest[tl] = '\0';
		}
		memcpy(rest, target, (size_t)tl);
		p = rest;
		if (target[0] == '/')
			strcpy(out, "/");
	}
}

int main(int argc, char **argv)
{
	char buf[PATH_LEN];
	int c, i, opt_f = 0, opt_n = 0, status = 0;
	ssize_t n;

	while ((c = getopt(argc, argv, "fn")) != -1) {
		switch (c) {
		case 'f': opt_f = 1; break;
		case 'n': opt_n = 1; break;
		default: usage();
		}
	}
	if (optind == argc)
		usage();
	for (i = optind; i < argc; i++) {
		if (opt_f) {
			if (canonical(argv[i], buf) < 0) {
				fprintf(stderr, "readlink: %s: %s\n", argv[i],
				    strerror(errno));
				status = 1;
				continue;
			}
		} else {
			if ((n = readlink(argv[i], buf, sizeof(buf) - 1)) < 0) {
				if (errno != EINVAL)
					fprintf(stderr, "readlink: %s: %s\n", argv[i],
					    strerror(errno));
				status = 1;
				continue;
			}
			buf[n] = '\0';
		}
		fputs(buf, stdout);
		if (!opt_n || i + 1 < argc)
			putchar('\n');
	}
	if (fflush(stdout) == EOF)
		status = 1;
	return status;
}
