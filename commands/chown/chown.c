/* chown.c - change the owner (and group) of files.
 *
 *	chown [-h] owner[:group] file ...
 *	chown [-h] :group file ...
 *
 * owner and group are numbers or names of /etc/passwd and /etc/group.
 * -h changes a symbolic link itself (lchown); otherwise links on the
 * command line are followed.  Only root may change owners (EPERM).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "../../lib/cmdutil/cmdutil.h"

static void usage(void)
{
	fprintf(stderr, "usage: chown [-h] owner[:group] file ...\n");
	exit(1);
}

int main(int argc, char **argv)
{
	char spec[256], *colon;
	long uid = -1, gid = -1;
	int c, i, opt_h = 0, status = 0;

	while ((c = getopt(argc, argv, "h")) != -1) {
		if (c != 'h')
			usage();
		opt_h = 1;
	}
	if (argc - optind < 2)
		usage();
	snprintf(spec, sizeof(spec), "%s", argv[optind]);
	if ((colon = strchr(spec, ':')) != NULL) {
		*colon = '\0';
		if ((gid = cmd_id_of(colon + 1, 1)) < 0) {
			fprintf(stderr, "chown: invalid group: %s\n", colon + 1);
			return 1;
		}
	}
	if ((spec[0] || !colon) && (uid = cmd_id_of(spec, 0)) < 0) {
		fprintf(stderr, "chown: invalid user: %s\n", spec);
		return 1;
	}
	for (i = optind + 1; i < argc; i++) {
		if ((opt_h ? lchown : chown)(argv[i], (uid_t)uid, (gid_t)gid) < 0) {
			fprintf(stderr, "chown: %s: %s\n", argv[i], strerror(errno));
			status = 1;
		}
	}
	return status;
}
