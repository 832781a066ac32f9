/* umount.c - unmount file systems.
 *
 *	umount dir|device ...
 *
 * Each operand is a mount point or a device as it was mounted.  A file
 * system in use (an open file, a working directory in it, a mount on
 * it) is not unmounted: EBUSY.  The file system's process is stopped
 * (<sys/mount.h>).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mount.h>

int main(int argc, char **argv)
{
	int i, status = 0;

	while (getopt(argc, argv, "") != -1) {
		fprintf(stderr, "usage: umount dir|device ...\n");
		return 1;
	}
	if (optind == argc) {
		fprintf(stderr, "usage: umount dir|device ...\n");
		return 1;
	}
	for (i = optind; i < argc; i++) {
		if (umount(argv[i]) < 0) {
			fprintf(stderr, "umount: %s: %s\n", argv[i], strerror(errno));
			status = 1;
		}
	}
	return status;
}
