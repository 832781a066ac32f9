/* signal.c - signal sets: sigemptyset, sigfillset, sigaddset, sigdelset,
 * sigismember.
 *
 * A sigset_t is a 32-bit mask with bit (1 << signo) for signals 1 to
 * _NSIG - 1, as in the kernel's pending masks.  Signal numbers outside
 * that range are EINVAL.
 */

#include <signal.h>
#include <minix/errno.h>

extern int errno;

/* The bits of the valid signals: 1 .. _NSIG - 1. */
#define ALL_SIGNALS	((sigset_t)(((uint64_t)1 << _NSIG) - 2))

static int bad_signo(int signo)
{
	if (signo > 0 && signo < _NSIG)
		return 0;
	errno = EINVAL;
	return 1;
}

int sigemptyset(sigset_t *set)
{
	*set = 0;
	return 0;
}

int sigfillset(sigset_t *set)
{
	*set = ALL_SIGNALS;
	return 0;
}

int sigaddset(sigset_t *set, int signo)
{
	if (bad_signo(signo))
		return -1;
	*set |= (sigset_t)1 << signo;
	return 0;
}

int sigdelset(sigset_t *set, int signo)
{
	if (bad_signo(signo))
		return -1;
	*set &= ~((sigset_t)1 << signo);
	return 0;
}

int sigismember(const sigset_t *set, int signo)
{
	if (bad_signo(signo))
		return -1;
	return (*set >> signo) & 1;
}
