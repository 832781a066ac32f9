/* mkdir.c - make directories.
 *
 *	mkdir [-p] [-m mode] dir ...
 *
 * -p also makes the missing parent directories, and a directory that
 * already exists is no error.  -m gives the directories named the octal
 * mode (through mkdir(), so less the umask: there is no chmod call yet;
 * with -p the parents get the default mode 0777 less the umask).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

static int opt_p, have_mode;
static mode_t mode = 0777;

static void usage(void)
{
	fprintf(stderr, "usage: mkdir [-p] [-m mode] dir ...\n");
	exit(1);
}

static int is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static int exists(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0;
}

/* Make path; with -p its parents first.  0, or -1 (reported). */
static int make(char *path, int last)
{
	char *s;
	size_t n = strlen(path);

	while (n > 1 && path[n - 1] == '/')
		path[--n] = '\0';
	if (opt_p && !is_dir(path)) {
		/* The parent first (stop at "/" or no slash at all). */
		if ((s = strrchr(path, '/')) != NULL && s != path) {
			*s = '\0';
			if (!exists(path) && make(path, 0) < 0) {
				*s = '/';
				return -1;
			}
			*s = '/';
		}
	}
	if (mkdir(path, last && have_mode ? mode : 0777) < 0) {
		if (opt_p && errno == EEXIST && is_dir(path))
			return 0;
		fprintf(stderr, "mkdir: %s: %s\n", path, strerror(errno));
		return -1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	char *end;
	int c, i, status = 0;
	long m;

	while ((c = getopt(argc, argv, "+pm:")) != -1) {
		switch (c) {
		case 'p':
			opt_p = 1;
			break;
		case 'm':
			m = strtol(optarg, &end, 8);
			if (*optarg == '\0' || *end != '\0' || m < 0 || m > 0777) {
				fprintf(stderr, "mkdir: invalid mode: %s\n", optarg);
				return 1;
			}
			mode = (mode_t)m;
			have_mode = 1;
			break;
		default:
			usage();
		}
	}
	if (optind == argc)
		usage();
	for (i = optind; i < argc; i++)
		if (make(argv[i], 1) < 0)
			status = 1;
	return status;
}
