/* signal.c - signals: kill, sigaction, sigprocmask, sigpending,
 * sigreturn, the tty's group signals, kernel signals (faults, SYS_KILL),
 * and delivery.
 *
 * A signal for a process is ignored (SIG_IGN, or a default of "ignore"),
 * kept pending (blocked), ends the process (default), or is caught: PM
 * ends a call the process waits in at PM (waitpid, sleep) with EINTR,
 * asks VFS to do the same for one it waits in at VFS (VFS_PM_UNPAUSE),
 * and has the kernel push a signal frame (SYS_SIGSEND) that runs the
 * handler and returns through libc's trampoline, which sends
 * PM_SIGRETURN.  Interrupted calls are not restarted (no SA_RESTART).
 *
 * Job control: the default action of SIGSTOP, SIGTSTP, SIGTTIN and SIGTTOU
 * stops the process (SYS_RUNCTL RC_STOP: the kernel runs it no more, a
 * call it is blocked in still gets its reply); SIGCONT continues it (even
 * when SIGCONT is blocked or caught).  A stop signal discards a pending
 * SIGCONT and SIGCONT discards pending stop signals, as POSIX says.  While
 * stopped, signals other than SIGKILL and SIGCONT stay pending; SIGKILL
 * ends it.  The parent hears of a stop or a continue through waitpid
 * (WUNTRACED, WCONTINUED) and SIGCHLD (not with SA_NOCLDSTOP).  There is
 * no orphaned-process-group rule for SIGTSTP/SIGTTIN/SIGTTOU.
 */
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <minix/callnr.h>
#include <minix/sigcontext.h>
#include "proto.h"

#define SIGBIT(s)    ((sigset_t)1 << (s))
/* Never blocked, caught or ignored; bit 0 is not a signal. */
#define UNMASKABLE   (SIGBIT(SIGKILL) | SIGBIT(SIGSTOP) | 1u)
/* Default action "ignore" (SIGCONT: after continuing the process). */
#define DEFAULT_IGNORE (SIGBIT(SIGCHLD) | SIGBIT(SIGURG) | SIGBIT(SIGCONT) | \
	SIGBIT(SIGWINCH) | SIGBIT(SIGINFO) | SIGBIT(SIGIO))
/* Default action "stop". */
#define STOP_SIGS    (SIGBIT(SIGSTOP) | SIGBIT(SIGTSTP) | SIGBIT(SIGTTIN) | \
	SIGBIT(SIGTTOU))
/* Kernel signals that end the process even if caught: faults, SIGKILL. */
#define FATAL_KSIGS  (SIGBIT(SIGSEGV) | SIGBIT(SIGFPE) | SIGBIT(SIGILL) | \
	SIGBIT(SIGBUS) | SIGBIT(SIGKILL))

static int user_addr_ok(vir_bytes a)
{
	return a >= USER_BASE && a < USER_TOP;
}

static int is_ignored(const struct mproc *rmp, int sig)
{
	sighandler_t h = rmp->mp_sigact[sig].sa_handler;

	if (sig == SIGKILL)
		return 0;
	return h == SIG_IGN || (h == SIG_DFL && (DEFAULT_IGNORE & SIGBIT(sig)));
}

/* Run rmp's handler for sig. */
static void catch_sig(struct mproc *rmp, int sig)
{
	struct sigaction *sa = &rmp->mp_sigact[sig];
	endpoint_t ep = rmp->mp_endpoint;
	struct sigmsg sm;

	if (!rmp->mp_sigreturn) {
		/* No trampoline to come back through: cannot catch. */
		exit_proc(rmp, W_EXITCODE(0, sig));
		return;
	}
	/* End the call it waits in, at PM or at VFS, with EINTR. */
	if (rmp->mp_state == MP_WAITING) {
		rmp->mp_state = MP_ALIVE;
		reply_to(rmp, EINTR, NULL);
	} else if (rmp->mp_state == MP_SLEEPING) {
		sleep_interrupt(rmp);
	}
	vfs_tell(VFS_PM_UNPAUSE, ep, NONE, -1);

	memset(&sm, 0, sizeof(sm));
	sm.sm_signo = sig;
	sm.sm_mask = rmp->mp_sigmask;
	sm.sm_handler = (vir_bytes)sa->sa_handler;
	sm.sm_sigreturn = rmp->mp_sigreturn;
	if (sys_sigsend(ep, &sm) != OK) {
		/* No room for the frame on its stack. */
		exit_proc(rmp, W_EXITCODE(0, SIGSEGV));
		return;
	}
	rmp->mp_sigmask |= sa->sa_mask;
	if (!(sa->sa_flags & SA_NODEFER))
		rmp->mp_sigmask |= SIGBIT(sig);
	rmp->mp_sigmask &= ~UNMASKABLE;
	if (sa->sa_flags & SA_RESETHAND) {
		sa->sa_handler = SIG_DFL;
		sa->sa_mask = 0;
		sa->sa_flags = 0;
	}
}

/* rmp stopped or continued: answer its parent's waitpid if it asks for
 * such news, and send the parent SIGCHLD unless it set SA_NOCLDSTOP. */
static void tell_parent_job(struct mproc *rmp)
{
	struct mproc *pp = rmp->mp_ppid ? mp_by_pid(rmp->mp_ppid) : NULL;

	if (!pp || !mp_alive(pp))
		return;
	wait_recheck(pp);
	if (!(pp->mp_sigact[SIGCHLD].sa_flags & SA_NOCLDSTOP))
		sig_proc(pp, SIGCHLD);
}

/* The default action of stop signal sig. */
static void stop_proc(struct mproc *rmp, int sig)
{
	int r;

	if (rmp->mp_flags & MPF_STOPPED)
		return;
	if ((r = sys_stop(rmp->mp_endpoint)) != OK) {
		printf("pm: cannot stop %d: %d\n", rmp->mp_endpoint, r);
		return;
	}
	rmp->mp_flags |= MPF_STOPPED | MPF_STOP_NEWS;
	rmp->mp_flags &= ~MPF_CONT_NEWS;
	rmp->mp_stopsig = sig;
	tell_parent_job(rmp);
}

/* SIGCONT arrived for stopped rmp: let it run. */
static void continue_proc(struct mproc *rmp)
{
	int r;

	if ((r = sys_resume(rmp->mp_endpoint)) != OK)
		printf("pm: cannot resume %d: %d\n", rmp->mp_endpoint, r);
	rmp->mp_flags &= ~(MPF_STOPPED | MPF_STOP_NEWS);
	rmp->mp_flags |= MPF_CONT_NEWS;
	tell_parent_job(rmp);
}

/* Signal sig (1.._NSIG-1) arrives for rmp. */
void sig_proc(struct mproc *rmp, int sig)
{
	endpoint_t ep = rmp->mp_endpoint;
	int continued = 0;

	if (!mp_alive(rmp) || sig <= 0 || sig >= _NSIG)
		return;
	if (sig == SIGKILL) {
		exit_proc(rmp, W_EXITCODE(0, SIGKILL));
		return;
	}
	if (sig == SIGCONT) {
		rmp->mp_sigpending &= ~STOP_SIGS;
		if (rmp->mp_flags & MPF_STOPPED) {
			continue_proc(rmp);
			continued = 1;
			if (mp_by_ep(ep) != rmp)
				return;
		}
	} else if (STOP_SIGS & SIGBIT(sig)) {
		rmp->mp_sigpending &= ~SIGBIT(SIGCONT);
	}
	/* As Linux: a blocked signal is kept even if ignored (its action
	 * may change before it is unblocked). */
	if (rmp->mp_sigmask & SIGBIT(sig)) {
		rmp->mp_sigpending |= SIGBIT(sig);
	} else if (!is_ignored(rmp, sig)) {
		if (rmp->mp_flags & MPF_STOPPED)
			rmp->mp_sigpending |= SIGBIT(sig); /* when continued */
		else if (rmp->mp_sigact[sig].sa_handler != SIG_DFL)
			catch_sig(rmp, sig);
		else if (STOP_SIGS & SIGBIT(sig))
			stop_proc(rmp, sig);
		else
			exit_proc(rmp, W_EXITCODE(0, sig));
	}
	/* What waited while it was stopped. */
	if (continued && mp_by_ep(ep) == rmp)
		check_pending(rmp);
}

/* Deliver rmp's pending signals that are no longer blocked (none while
 * it is stopped). */
void check_pending(struct mproc *rmp)
{
	endpoint_t ep = rmp->mp_endpoint;
	sigset_t ready;
	int sig;

	while (mp_by_ep(ep) == rmp && !(rmp->mp_flags & MPF_STOPPED) &&
	    (ready = rmp->mp_sigpending & ~rmp->mp_sigmask) != 0) {
		sig = __builtin_ctz(ready);
		rmp->mp_sigpending &= ~SIGBIT(sig);
		sig_proc(rmp, sig);
	}
}

/* A new program: caught signals go back to their defaults (ignored ones
 * stay ignored); the old trampoline is gone with the old program. */
void reset_signals_on_exec(struct mproc *rmp)
{
	int sig;

	for (sig = 1; sig < _NSIG; sig++) {
		if (rmp->mp_sigact[sig].sa_handler == SIG_IGN)
			continue;
		rmp->mp_sigact[sig].sa_handler = SIG_DFL;
		rmp->mp_sigact[sig].sa_mask = 0;
		rmp->mp_sigact[sig].sa_flags = 0;
	}
	rmp->mp_sigreturn = 0;
}

/* Signal the processes pid names: > 0 that one, 0 the group of caller,
 * -1 all but init and the caller (as Linux and NetBSD), < -1 the group
 * -pid.  sig 0 only checks. */
static int kill_pids(struct mproc *caller, pid_t pid, int sig)
{
	endpoint_t eps[NR_MPROCS];
	struct mproc *q;
	int n = 0, found = 0, i, match;

	if (sig < 0 || sig >= _NSIG)
		return EINVAL;
	if ((pid == 0 && !caller) || pid == (pid_t)0x80000000)
		return ESRCH;
	for (q = mproc; q < mproc + NR_MPROCS; q++) {
		if (q->mp_state == MP_FREE)
			continue;
		if (pid > 0)
			match = q->mp_pid == pid;
		else if (pid == 0)
			match = q->mp_pgrp == caller->mp_pgrp;
		else if (pid == -1)
			match = q->mp_pid != INIT_PID && q != caller;
		else
			match = q->mp_pgrp == -pid;
		if (!match)
			continue;
		found++; /* a zombie counts, but gets nothing */
		/* init gets only the signals it catches (never SIGKILL): the
		 * system must not lose it (as Linux). */
		if (q->mp_pid == INIT_PID && (sig == SIGKILL ||
		    q->mp_sigact[sig].sa_handler == SIG_DFL))
			continue;
		if (mp_alive(q))
			eps[n++] = q->mp_endpoint;
	}
	if (!found)
		return ESRCH;
	/* By endpoint: a signal may end processes (and free zombies). */
	for (i = 0; sig != 0 && i < n; i++)
		if ((q = mp_by_ep(eps[i])))
			sig_proc(q, sig);
	return OK;
}

/* PM_KILL: i1 pid, i2 sig.  From VFS (SIGPIPE): i1 0 and i4 the endpoint
 * (or i1 a pid > 0); VFS gets its answer before the signal is acted on. */
int do_kill(message *m, struct mproc *rmp)
{
	struct mproc *t;
	int sig = m->m_pm.i2;

	if (m->m_source != VFS_PROC_NR) {
		if (!rmp)
			return EPERM;
		return kill_pids(rmp, m->m_pm.i1, sig);
	}
	/* VFS's SIGPIPE: asynsend, not answered (VFS does not wait). */
	if (sig <= 0 || sig >= _NSIG || m->m_pm.i1 < 0)
		return EDONTREPLY;
	if (m->m_pm.i1 == 0)
		t = mp_by_ep(m->m_pm.i4);
	else
		t = mp_by_pid(m->m_pm.i1);
	if (t && mp_alive(t))
		sig_proc(t, sig);
	return EDONTREPLY;
}

/* PM_TTY_SIGNAL from the tty: m1_i1 -pgrp, m1_i2 sig.  No reply. */
int do_tty_signal(message *m, struct mproc *rmp)
{
	if (rmp)
		return EPERM; /* a user process is not the tty */
	if (m->m1_i1 < -1 && m->m1_i2 > 0 && m->m1_i2 < _NSIG)
		kill_pids(NULL, m->m1_i1, m->m1_i2);
	return EDONTREPLY;
}

/* PM_SIGACTION: i1 sig, p1 new struct sigaction or 0, p2 where the old
 * one goes or 0, p3 the trampoline (kept when 0). */
int do_sigaction(message *m, struct mproc *rmp)
{
	endpoint_t ep = rmp->mp_endpoint;
	int sig = m->m_pm.i1, r;
	struct sigaction sa, old;
	vir_bytes h;

	if (sig <= 0 || sig >= _NSIG)
		return EINVAL;
	if (m->m_pm.p3 && !user_addr_ok(m->m_pm.p3))
		return EINVAL;
	if (m->m_pm.p1) {
		if (sig == SIGKILL || sig == SIGSTOP)
			return EINVAL;
		if ((r = sys_vircopy(ep, m->m_pm.p1, SELF, (vir_bytes)&sa, sizeof(sa), 0)) != OK)
			return r;
		h = (vir_bytes)sa.sa_handler;
		if (sa.sa_handler != SIG_DFL && sa.sa_handler != SIG_IGN &&
		    (!user_addr_ok(h) || (!m->m_pm.p3 && !rmp->mp_sigreturn)))
			return EINVAL;
	}
	old = rmp->mp_sigact[sig];
	if (m->m_pm.p2 && (r = sys_vircopy(SELF, (vir_bytes)&old, ep, m->m_pm.p2,
	    sizeof(old), 0)) != OK)
		return r;
	if (m->m_pm.p3)
		rmp->mp_sigreturn = m->m_pm.p3;
	if (!m->m_pm.p1)
		return OK;
	sa.sa_mask &= ~UNMASKABLE;
	rmp->mp_sigact[sig] = sa;
	if (is_ignored(rmp, sig))
		rmp->mp_sigpending &= ~SIGBIT(sig); /* POSIX: discarded */
	return OK;
}

/* PM_SIGPROCMASK: i1 how, i2 set -> i3 the old mask.  (libc asks for the
 * mask alone with SIG_BLOCK and an empty set.) */
int do_sigprocmask(message *m, struct mproc *rmp)
{
	sigset_t set = (sigset_t)m->m_pm.i2, old = rmp->mp_sigmask;

	switch (m->m_pm.i1) {
	case SIG_BLOCK:   rmp->mp_sigmask |= set; break;
	case SIG_UNBLOCK: rmp->mp_sigmask &= ~set; break;
	case SIG_SETMASK: rmp->mp_sigmask = set; break;
	default: return EINVAL;
	}
	rmp->mp_sigmask &= ~UNMASKABLE;
	m->m_pm.i3 = (int)old;
	check_pending(rmp);
	return OK;
}

/* PM_SIGPENDING -> i3 the pending set. */
int do_sigpending(message *m, struct mproc *rmp)
{
	m->m_pm.i3 = (int)rmp->mp_sigpending;
	return OK;
}

/* PM_SIGRETURN: p1 the struct sigcontext the handler's frame holds.  The
 * mask comes back from it, the kernel restores the registers and the
 * process goes on: no reply.  A context that cannot be read ends it. */
int do_sigreturn(message *m, struct mproc *rmp)
{
	endpoint_t ep = rmp->mp_endpoint;
	vir_bytes scp = m->m_pm.p1;
	uint32_t mask;
	int r;

	r = sys_vircopy(ep, scp + offsetof(struct sigcontext, sc_mask), SELF,
	    (vir_bytes)&mask, sizeof(mask), 0);
	if (r == OK)
		r = sys_sigreturn(ep, scp);
	if (r != OK) {
		exit_proc(rmp, W_EXITCODE(0, SIGSEGV));
		return EDONTREPLY;
	}
	rmp->mp_sigmask = mask & ~UNMASKABLE;
	check_pending(rmp);
	return EDONTREPLY;
}

/* NOTIFY from SYSTEM: kernel signals of processes we manage.  Each such
 * process is stopped until SYS_ENDKSIG. */
void do_ksig(void)
{
	struct mproc *rmp;
	endpoint_t ep;
	int mask, sig;

	for (;;) {
		if (sys_getksig(&ep, &mask) != OK || ep == NONE)
			return;
		if (!(rmp = mp_by_ep(ep))) {
			/* Not in our table: should not happen.  Let it go on,
			 * unless the signal would end it anyway. */
			printf("pm: kernel signals 0x%x for unknown endpoint %d\n", mask, ep);
			if (mask & FATAL_KSIGS)
				sys_clear(ep);
			else
				sys_endksig(ep);
			continue;
		}
		for (sig = 1; sig < _NSIG && mp_by_ep(ep) == rmp; sig++) {
			if (!(mask & SIGBIT(sig)))
				continue;
			if (FATAL_KSIGS & SIGBIT(sig))
				exit_proc(rmp, W_EXITCODE(0, sig));
			else
				sig_proc(rmp, sig);
		}
		if (mp_by_ep(ep) == rmp)
			sys_endksig(ep);
	}
}
