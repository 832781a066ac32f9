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

static const char *const names[NSIG] = {
	[SIGHUP] = "HUP", [SIGINT] = "INT", [SIGQUIT] = "QUIT",
	[SIGILL] = "ILL", [SIGTRAP] = "TRAP", [SIGABRT] = "ABRT",
	[SIGEMT] = "EMT", [SIGFPE] = "FPE", [SIGKILL] = "KILL",
	[SIGBUS] = "BUS", [SIGSEGV] = "SEGV", [SIGSYS] = "SYS",
	[SIGPIPE] = "PIPE", [SIGALRM] = "ALRM", [SIGTERM] = "TERM",
	[SIGURG] = "URG", [SIGSTOP] = "STOP", [SIGTSTP] = "TSTP",
	[SIGCONT] = "CONT", [SIGCHLD] = "CHLD", [SIGTTIN] = "TTIN",
	[SIGTTOU] = "TTOU", [SIGIO] = "IO", [SIGXCPU] = "XCPU",
	[SIGXFSZ] = "XFSZ", [SIGVTALRM] = "VTALRM", [SIGPROF] = "PROF",
	[SIGWINCH] = "WINCH", [SIGINFO] = "INFO", [SIGUSR1] = "USR1",
	[SIGUSR2] = "USR2",
};

/* A signal by name or number; -1 if there is none. */
static int signal_number(const char *s)
{
	char *end;
	long n;
	int i;

	if (*s >= '0' && *s <= '9') {
		n = strtol(s, &end, 10);
		return *end == '\0' && n >= 0 && n < NSIG ? (int)n : -1;
	}
	if (strncmp(s, "SIG", 3) == 0)
		s += 3;
	for (i = 1; i < NSIG; i++)
		if (names[i] != NULL && strcmp(s, names[i]) == 0)
			return i;
	return -1;
}

static int usage(void)
{
	fprintf(stderr, "usage: kill [-SIG | -N | -s SIG] pid ... | kill -l\n");
	return 2;
}

int main(int argc, char **argv)
{
	int i = 1, sig = SIGTERM, status = 0;
	const char *name = NULL;
	char *end;
	long pid;

	if (argc > 1 && strcmp(argv[1], "-l") == 0) {
		for (i = 1; i < NSIG; i++)
			printf("%2d %s\n", i, names[i]);
		return 0;
	}
	if (argc > 2 && strcmp(argv[1], "-s") == 0) {
		name = argv[2];
		i = 3;
	} else if (argc > 1 && strcmp(argv[1], "--") == 0) {
		i = 2;
	} else if (argc > 1 && argv[1][0] == '-' && argv[1][1] != '\0') {
		name = argv[1] + 1;
		i = 2;
	}
	if (i < argc && name != NULL && strcmp(argv[i], "--") == 0)
		i++;
	if (name != NULL && (sig = signal_number(name)) < 0) {
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
