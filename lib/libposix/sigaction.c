/* sigaction.c - sigaction(), signal(), sigprocmask(), sigpending(), and
 * the signal trampoline.
 *
 * PM keeps the handlers, the mask and the pending set.  To run a caught
 * signal PM has the kernel (SYS_SIGSEND) push below the stack pointer
 *
 *	return address = sigreturn_tramp, signal number, scp, sigcontext
 *
 * and enter the handler.  When the handler returns, it "returns" into
 * sigreturn_tramp with [signo][scp] on the stack: as a C function, its
 * return address is signo and its first argument scp.  It asks PM to
 * restore the context (PM_SIGRETURN, SYS_SIGRETURN), which resumes the
 * process where the signal found it; PM never replies to the request.
 * Every PM_SIGACTION passes the trampoline's address, so PM always has it.
 */
#include <signal.h>
#include <minix/sigcontext.h>
#include "posix.h"

static void __attribute__((noreturn, used)) sigreturn_tramp(struct sigcontext *scp)
{
	message m;

	for (;;) {	/* a reply would mean PM refused: try again */
		memset(&m, 0, sizeof(m));
		m.m_pm.p1 = (vir_bytes)scp;
		_syscall(PM_PROC_NR, PM_SIGRETURN, &m);
	}
}

int sigaction(int signo, const struct sigaction *restrict act,
	struct sigaction *restrict oact)
{
	message m = { 0 };

	m.m_pm.i1 = signo;
	m.m_pm.p1 = (vir_bytes)act;
	m.m_pm.p2 = (vir_bytes)oact;
	m.m_pm.p3 = (vir_bytes)sigreturn_tramp;
	return __pm_call(PM_SIGACTION, &m) < 0 ? -1 : 0;
}

/* The handler stays installed and the signal is blocked while its handler
 * runs, but no SA_RESTART: PM restarts no call, so a call the signal
 * interrupts fails with EINTR (as System V's signal()). */
sighandler_t signal(int signo, sighandler_t handler)
{
	struct sigaction sa, old;

	sa.sa_handler = handler;
	sa.sa_mask = 0;
	sa.sa_flags = 0;
	if (sigaction(signo, &sa, &old) < 0)
		return SIG_ERR;
	return old.sa_handler;
}

/* A null set changes nothing (SIG_BLOCK of nothing) and only reports. */
int sigprocmask(int how, const sigset_t *restrict set, sigset_t *restrict oset)
{
	message m = { 0 };

	m.m_pm.i1 = set != NULL ? how : SIG_BLOCK;
	m.m_pm.i2 = set != NULL ? (int)*set : 0;
	if (__pm_call(PM_SIGPROCMASK, &m) < 0)
		return -1;
	if (oset != NULL)
		*oset = (sigset_t)m.m_pm.i3;
	return 0;
}

int sigpending(sigset_t *set)
{
	message m = { 0 };

	if (__pm_call(PM_SIGPENDING, &m) < 0)
		return -1;
	*set = (sigset_t)m.m_pm.i3;
	return 0;
}
