/* mount.c - mount a file system, or list the mounted ones.
 *
 *	mount [-t type] device dir
 *	mount
 *
 * device is a block device of /dev (/dev/ram1) or a driver label and
 * minor (memory:3); type is ext2 (the default), the program /sbin/ext2
 * that mount() starts through RS for the device (<sys/mount.h>).  Without
 * operands, lists the mount table one line a mount, as Linux's mount
 * does:
 *
 *	memory:2 on / type ext2 (rw)
 *	/dev/ram1 on /mnt type ext2 (rw)
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mount.h>

static void usage(void)
{
	fprintf(stderr, "usage: mount [-t type] device dir\n"
	    "       mount\n");
	exit(1);
}

int main(int argc, char **argv)
{
	const char *type = NULL;
	struct mnt_info mi;
	int c, i;

	while ((c = getopt(argc, argv, "t:")) != -1) {
		if (c != 't')
			usage();
		type = optarg;
	}
	if (argc - optind == 0 && type == NULL) {
		for (i = 0; getmntinfo(i, &mi) == 0; i++)
			printf("%s on %s type %s (rw)\n", mi.mi_dev, mi.mi_dir,
			    mi.mi_type);
		return fflush(stdout) == EOF;
	}
	if (argc - optind != 2)
		usage();
	if (mount(argv[optind], argv[optind + 1], 0, type) < 0) {
		fprintf(stderr, "mount: %s on %s: %s\n", argv[optind],
		    argv[optind + 1], strerror(errno));
		return 1;
	}
	return 0;
}
