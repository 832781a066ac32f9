/* du.c - disk usage of files and directory trees.
 *
 *	du [-a | -s] [-k] [file ...]
 *
 * For each file operand (default "."), the blocks allocated to it and,
 * for a directory, to everything below it, in 512-byte units as POSIX
 * says (1024-byte units with -k), then a tab and the name.  Each
 * directory of a tree is listed after its contents; -a lists the other
 * files too, -s only the operands' totals.  A file with several links is
 * counted once; symbolic links are not followed.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#define PATH_LEN 1024
#define MAX_SEEN 4096

static int opt_a, opt_s, opt_k, status;
static struct { dev_t dev; ino_t ino; } seen[MAX_SEEN];
static int nseen;

static void usage(void)
{
	fprintf(stderr, "usage: du [-a | -s] [-k] [file ...]\n");
	exit(1);
}

/* Was this file with several links counted already?  Marks it. */
static int counted(const struct stat *st)
{
	int i;

	if (st->st_nlink < 2 || S_ISDIR(st->st_mode))
		return 0;
	for (i = 0; i < nseen; i++)
		if (seen[i].dev == st->st_dev && seen[i].ino == st->st_ino)
			return 1;
	if (nseen < MAX_SEEN) {
		seen[nseen].dev = st->st_dev;
		seen[nseen].ino = st->st_ino;
		nseen++;
	}
	return 0;
}

static void print(long long blocks, const char *path)
{
	printf("%lld\t%s\n", opt_k ? (blocks + 1) / 2 : blocks, path);
}

/* The 512-byte blocks of path and what is below it; prints as it goes
 * (depth 0: an operand). */
static long long walk(char *path, int depth)
{
	struct dirent *d;
	struct stat st;
	long long total;
	size_t len;
	DIR *dir;

	if (lstat(path, &st) < 0) {
		fprintf(stderr, "du: %s: %s\n", path, strerror(errno));
		status = 1;
		return 0;
	}
	if (counted(&st))
		return 0;
	total = st.st_blocks;
	if (!S_ISDIR(st.st_mode)) {
		if (depth == 0 || (opt_a && !opt_s))
			print(total, path);
		return total;
	}
	if ((dir = opendir(path)) == NULL) {
		fprintf(stderr, "du: %s: %s\n", path, strerror(errno));
		status = 1;
	} else {
		len = strlen(path);
		while ((d = readdir(dir)) != NULL) {
			if (strcmp(d->d_name, ".") == 0 || strcmp(d->d_name, "..") == 0)
				continue;
			if (len + 1 + strlen(d->d_name) >= PATH_LEN) {
				fprintf(stderr, "du: %s/%s: %s\n", path, d->d_name,
				    strerror(ENAMETOOLONG));
				status = 1;
				continue;
			}
			snprintf(path + len, PATH_LEN - len, "%s%s",
			    len && path[len - 1] == '/' ? "" : "/", d->d_name);
			total += walk(path, depth + 1);
			path[len] = '\0';
		}
		closedir(dir);
	}
	if (depth == 0 || !opt_s)
		print(total, path);
	return total;
}

int main(int argc, char **argv)
{
	char path[PATH_LEN];
	int c, i;

	while ((c = getopt(argc, argv, "ask")) != -1) {
		switch (c) {
		case 'a': opt_a = 1; break;
		case 's': opt_s = 1; break;
		case 'k': opt_k = 1; break;
		default: usage();
		}
	}
	if (opt_a && opt_s)
		usage();
	if (optind == argc) {
		strcpy(path, ".");
		walk(path, 0);
	}
	for (i = optind; i < argc; i++) {
		snprintf(path, sizeof(path), "%s", argv[i]);
		walk(path, 0);
	}
	if (fflush(stdout) == EOF)
		status = 1;
	return status;
}
