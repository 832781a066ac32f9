/* sig2str.c - signal names and numbers: sig2str() and str2sig()
 * (POSIX.1-2024).
 *
 * The names are without the "SIG" prefix ("HUP"); str2sig() also takes
 * a signal number in decimal, 0 (the null signal: kill -0) to NSIG - 1.
 * There are no realtime signals.  The host builds of the shell compile
 * this file too (renamed, see tests/host/sig2str-host.h), with the
 * host's signal numbers; signals the host lacks (EMT, INFO) are left
 * out there.
 */
#include <signal.h>
#include <string.h>

static const struct {
	int num;
	char name[SIG2STR_MAX];
} sigs[] = {
	{ SIGHUP, "HUP" }, { SIGINT, "INT" }, { SIGQUIT, "QUIT" },
	{ SIGILL, "ILL" }, { SIGTRAP, "TRAP" }, { SIGABRT, "ABRT" },
#ifdef SIGEMT
	{ SIGEMT, "EMT" },
#endif
	{ SIGFPE, "FPE" }, { SIGKILL, "KILL" }, { SIGBUS, "BUS" },
	{ SIGSEGV, "SEGV" }, { SIGSYS, "SYS" }, { SIGPIPE, "PIPE" },
	{ SIGALRM, "ALRM" }, { SIGTERM, "TERM" }, { SIGURG, "URG" },
	{ SIGSTOP, "STOP" }, { SIGTSTP, "TSTP" }, { SIGCONT, "CONT" },
	{ SIGCHLD, "CHLD" }, { SIGTTIN, "TTIN" }, { SIGTTOU, "TTOU" },
	{ SIGIO, "IO" }, { SIGXCPU, "XCPU" }, { SIGXFSZ, "XFSZ" },
	{ SIGVTALRM, "VTALRM" }, { SIGPROF, "PROF" }, { SIGWINCH, "WINCH" },
#ifdef SIGINFO
	{ SIGINFO, "INFO" },
#endif
	{ SIGUSR1, "USR1" }, { SIGUSR2, "USR2" },
};

#define NSIGS	(sizeof(sigs) / sizeof(sigs[0]))

/* The name of signal SIGNUM into STR (SIG2STR_MAX bytes): 0, or -1 if
 * SIGNUM is not a signal.
 */
int sig2str(int signum, char *str)
{
	size_t i;

	for (i = 0; i < NSIGS; i++)
		if (sigs[i].num == signum) {
			strcpy(str, sigs[i].name);
			return 0;
		}
	return -1;
}

/* The signal named STR, or numbered STR in decimal, into *PNUM: 0, or
 * -1 if there is no such signal.
 */
int str2sig(const char *restrict str, int *restrict pnum)
{
	const char *p;
	size_t i;
	int n = 0;

	if (*str >= '0' && *str <= '9') {
		for (p = str; *p >= '0' && *p <= '9'; p++) {
			n = n * 10 + (*p - '0');
			if (n >= NSIG)
				return -1;
		}
		if (*p != '\0')
			return -1;
		*pnum = n;
		return 0;
	}
	for (i = 0; i < NSIGS; i++)
		if (strcmp(str, sigs[i].name) == 0) {
			*pnum = sigs[i].num;
			return 0;
		}
	return -1;
}
