/* which.c - show the file a command name runs.
 *
 *	which [-a] name ...
 *
 * Each name is looked up in PATH as execvp() does (PATH unset: /bin; an
 * empty element is the current directory); the first executable regular
 * file found is printed, or all of them with -a.  A name with a '/' is
 * checked as it is.  Names not found print nothing; the exit status is
 * then 1 (0 if all were found).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

static int runnable(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode) &&
	    (st.st_mode & (S_IXUSR | S_IXGRP | S_IXOTH)) != 0;
}

static int which(const char *name, int all)
{
	const char *path = getenv("PATH"), *p, *e;
	char full[1024];
	int found = 0;
	size_t n;

	if (strchr(name, '/') != NULL) {
		if (!runnable(name))
			return 0;
		printf("%s\n", name);
		return 1;
	}
	if (path == NULL)
		path = "/bin";
	for (p = path;; p = e + 1) {
		e = strchr(p, ':');
		n = e != NULL ? (size_t)(e - p) : strlen(p);
		if (n == 0)
			snprintf(full, sizeof(full), "%s", name);
		else
			snprintf(full, sizeof(full), "%.*s/%s", (int)n, p, name);
		if (runnable(full)) {
			printf("%s\n", full);
			found = 1;
			if (!all)
				return 1;
		}
		if (e == NULL)
			return found;
	}
}

int main(int argc, char **argv)
{
	int c, i, all = 0, status = 0;

	while ((c = getopt(argc, argv, "+a")) != -1) {
		if (c != 'a') {
			fprintf(stderr, "usage: which [-a] name ...\n");
			return 2;
		}
		all = 1;
	}
	if (optind == argc) {
		fprintf(stderr, "usage: which [-a] name ...\n");
		return 2;
	}
	for (i = optind; i < argc; i++)
		if (!which(argv[i], all))
			status = 1;
	return fflush(stdout) == 0 ? status : 2;
}
