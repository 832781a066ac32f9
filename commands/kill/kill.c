/* kill.c - send a signal to processes.
 *
 *	kill [-SIG | -N | -s SIG] [--] pid ...	(default SIGTERM; SIG: TERM
 *						or SIGTERM; a pid < 0 is a
 *						group: kill -- -5)
 *	kill -l					list the signal names
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>

#include "../../lib/cmdutil/cmdutil.h"

static int usage(void)
{
	fprintf(stderr, "usage: kill [-SIG | -N | -s SIG] pid ... | kill -l\n");
	return 2;
}

int main(int argc, char **argv)
{
	int i, sig, status = 0;
	const char *name;
	char *end, buf[SIG2STR_MAX];
	long pid;

	if (argc > 1 && strcmp(argv[1], "-l") == 0) {
		for (i = 1; i < NSIG; i++)
			if (sig2str(i, buf) == 0)
				printf("%2d %s\n", i, buf);
		return 0;
	}
	if ((i = cmd_kill_opts(argc, argv, &sig, &name)) < 0) {
		fprintf(stderr, "kill: %s: unknown signal\n", name);
		return 2;
	}
	if (i == argc)
		return usage();
	for (; i < argc; i++) {
		pid = strtol(argv[i], &end, 10);
		if (*argv[i] == '\0' || *end != '\0') {
			fprintf(stderr, "kill: %s: not a process id\n", argv[i]);
			status = 1;
		} else if (kill((pid_t)pid, sig) < 0) {
			fprintf(stderr, "kill: %s: %s\n", argv[i], strerror(errno));
			status = 1;
		}
	}
	return status;
}
