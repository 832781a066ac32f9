/* df.c - free space of the mounted file systems.
 *
 *	df [-k] [file ...]
 *
 * One line per mounted file system (the mount table, <sys/mount.h>), or
 * per file system holding each file operand, in POSIX's -P format:
 *
 *	Filesystem         512-blocks       Used  Available Capacity Mounted on
 *	memory:2                32768      18476      14292      57% /
 *
 * Sizes are in 512-byte units, or 1024-byte ones with -k (the header
 * then says 1024-blocks).  Used is the blocks less the free ones,
 * Available what non-root users may still take (the free blocks less the
 * reserved ones), Capacity used / (used + available) rounded up, as POSIX
 * says.  Figures come from statvfs() of the mount point.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/statvfs.h>

static int unit = 512;

static void usage(void)
{
	fprintf(stderr, "usage: df [-k] [file ...]\n");
	exit(1);
}

/* One line for the file system mounted at mi. */
static int show(const struct mnt_info *mi)
{
	unsigned long long total, used, avail, pct;
	struct statvfs sv;

	if (statvfs(mi->mi_dir, &sv) < 0) {
		fprintf(stderr, "df: %s: %s\n", mi->mi_dir, strerror(errno));
		return 1;
	}
	total = sv.f_blocks * sv.f_frsize / (unsigned long long)unit;
	used = (sv.f_blocks - sv.f_bfree) * sv.f_frsize / (unsigned long long)unit;
	avail = sv.f_bavail * sv.f_frsize / (unsigned long long)unit;
	pct = used + avail ? (used * 100 + used + avail - 1) / (used + avail) : 0;
	printf("%-18s %10llu %10llu %10llu %7llu%% %s\n", mi->mi_dev, total,
	    used, avail, pct, mi->mi_dir);
	return 0;
}

/* The mount holding path: the one whose mount point has its device. */
static int mount_of(const char *path, struct mnt_info *out)
{
	struct mnt_info mi;
	struct stat st, ms;
	int i, found = 0;

	if (stat(path, &st) < 0)
		return -1;
	for (i = 0; getmntinfo(i, &mi) == 0; i++)
		if (stat(mi.mi_dir, &ms) == 0 && ms.st_dev == st.st_dev) {
			*out = mi;
			found = 1;
		}
	if (!found)
		errno = ENOENT;
	return found ? 0 : -1;
}

int main(int argc, char **argv)
{
	struct mnt_info mi;
	int c, i, status = 0;

	while ((c = getopt(argc, argv, "k")) != -1) {
		if (c != 'k')
			usage();
		unit = 1024;
	}
	printf("%-18s %10s %10s %10s %8s %s\n", "Filesystem",
	    unit == 512 ? "512-blocks" : "1024-blocks", "Used", "Available",
	    "Capacity", "Mounted on");
	if (optind == argc) {
		for (i = 0; getmntinfo(i, &mi) == 0; i++)
			status |= show(&mi);
	}
	for (i = optind; i < argc; i++) {
		if (mount_of(argv[i], &mi) < 0) {
			fprintf(stderr, "df: %s: %s\n", argv[i], strerror(errno));
			status = 1;
			continue;
		}
		status |= show(&mi);
	}
	if (fflush(stdout) == EOF)
		status = 1;
	return status;
}
