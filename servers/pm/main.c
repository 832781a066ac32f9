/* main.c - PM, the process manager: its receive loop, the dispatch of
 * requests, replies, and the notices PM sends VFS.
 *
 * PM serves user processes (SENDREC, m_pm; <minix/callnr.h>), VFS (PM_KILL
 * for SIGPIPE), the tty (PM_TTY_SIGNAL, sent with SENDNB, no reply), and
 * two kernel notifications: SYSTEM (kernel signals of processes PM
 * manages) and CLOCK (PM's alarm, for sleepers).  docs/os.md has the
 * protocol.
 *
 * PM and VFS never SENDREC each other (docs/services.md, "Who calls
 * whom").  PM tells VFS about a process event with asynsend and goes on
 * serving others; the call that needed it (fork, exec, exit, reboot) is
 * finished when VFS's VFS_PM_REPLY comes (vfs_answer).  VFS's PM_KILL
 * (SIGPIPE) comes the same way and gets no answer.
 */
#include <stdio.h>
#include <string.h>
#include <minix/callnr.h>
#include "proto.h"

int hz;

/* Signals to deliver after the current request (orphaned stopped
 * processes, in the middle of an exit). */
#define NR_DEFERRED 32
static struct { endpoint_t ep; int sig; } deferred[NR_DEFERRED];
static int def_head, def_count;

struct call {
	int type;
	int (*fn)(message *m, struct mproc *rmp);
	int need_proc; /* only for processes PM manages (else EPERM) */
};

static const struct call calls[] = {
	{ PM_EXIT,        do_exit,        1 },
	{ PM_FORK,        do_fork,        1 },
	{ PM_WAITPID,     do_waitpid,     1 },
	{ PM_GETPID,      do_getpid,      1 },
	{ PM_KILL,        do_kill,        0 }, /* VFS too */
	{ PM_SIGACTION,   do_sigaction,   1 },
	{ PM_SIGPROCMASK, do_sigprocmask, 1 },
	{ PM_SIGRETURN,   do_sigreturn,   1 },
	{ PM_EXEC,        do_exec,        1 },
	{ PM_BRK,         do_brk,         1 },
	{ PM_TIME,        do_time,        0 },
	{ PM_SLEEP,       do_sleep,       1 },
	{ PM_SETPGID,     do_setpgid,     1 },
	{ PM_GETPGRP,     do_getpgrp,     1 },
	{ PM_SETSID,      do_setsid,      1 },
	{ PM_GETPROCTAB,  do_getproctab,  0 },
	{ PM_REBOOT,      do_reboot,      0 },
	{ PM_SIGPENDING,  do_sigpending,  1 },
	{ PM_GETSYSINFO,  do_getsysinfo,  0 }, /* anyone: read-only */
	{ PM_TTY_SIGNAL,  do_tty_signal,  0 },
};

/* Send a reply; m_type = result.  The caller waits in SENDREC, so a
 * non-blocking send is enough; failing means it is gone. */
void reply(endpoint_t to, int result, message *m)
{
	int r;

	m->m_type = result;
	if ((r = ipc_sendnb(to, m)) != OK)
		printf("pm: reply %d to %d failed: %d\n", result, to, r);
}

/* A late reply (waitpid, sleep, EINTR): a fresh message unless given. */
void reply_to(struct mproc *rmp, int result, message *m)
{
	message fresh;

	if (!m) {
		memset(&fresh, 0, sizeof(fresh));
		m = &fresh;
	}
	reply(rmp->mp_endpoint, result, m);
}

/* Queue a signal for delivery after the current request. */
int defer_signal(endpoint_t ep, int sig)
{
	if (def_count == NR_DEFERRED) {
		printf("pm: deferred signal queue full, signal %d to %d lost\n", sig, ep);
		return EAGAIN;
	}
	deferred[(def_head + def_count) % NR_DEFERRED].ep = ep;
	deferred[(def_head + def_count) % NR_DEFERRED].sig = sig;
	def_count++;
	return OK;
}

static void run_deferred(void)
{
	struct mproc *rmp;
	endpoint_t ep;
	int sig;

	while (def_count > 0) {
		ep = deferred[def_head].ep;
		sig = deferred[def_head].sig;
		def_head = (def_head + 1) % NR_DEFERRED;
		def_count--;
		if ((rmp = mp_by_ep(ep)))
			sig_proc(rmp, sig);
	}
}

/* Tell VFS about a process event (asynsend): OK, and vfs_answer() gets
 * VFS's answer later; or ENOENT when there is no VFS to tell (a test
 * image), and the caller goes on at once as if VFS had answered OK.  fd:
 * for VFS_PM_EXEC, the descriptor the program was read from. */
int vfs_tell(int type, endpoint_t who, endpoint_t who2, int fd)
{
	static int no_vfs_said;
	message m;
	int r;

	memset(&m, 0, sizeof(m));
	m.m_type = type;
	m.m_vfs.who = who;
	m.m_vfs.who2 = who2;
	m.m_vfs.fd = fd;
	if ((r = asynsend(VFS_PROC_NR, &m)) == OK)
		return OK;
	if (r != EDEADSRCDST)
		printf("pm: notice %#x to VFS failed: %d\n", type, r);
	else if (!no_vfs_said++)
		printf("pm: no VFS to tell about process events\n");
	return ENOENT;
}

/* VFS_PM_REPLY: VFS is done with a notice (fd its type, fd2 the result). */
static void vfs_answer(message *m)
{
	endpoint_t who = m->m_vfs.who, who2 = m->m_vfs.who2;
	int r = m->m_vfs.fd2;

	switch (m->m_vfs.fd) {
	case VFS_PM_FORK:	fork_finish(who2, r); break;
	case VFS_PM_EXEC:	exec_finish(who, r); break;
	case VFS_PM_EXIT:	exit_finish(who); break;
	case VFS_PM_REBOOT:	reboot_finish(); break;
	default:		printf("pm: stray answer %#x from VFS\n", m->m_vfs.fd);
	}
}

static void handle(message *m)
{
	endpoint_t who = m->m_source;
	const struct call *c = NULL;
	struct mproc *rmp;
	size_t i;
	int r;

	if (is_notify(m->m_type)) {
		if (who == SYSTEM)
			do_ksig();
		else if (who == CLOCK)
			do_alarm(m->m_notify.timestamp);
		return;
	}
	if (who == VFS_PROC_NR && m->m_type == VFS_PM_REPLY) {
		vfs_answer(m);
		return;
	}
	rmp = mp_by_ep(who);
	for (i = 0; i < sizeof(calls) / sizeof(calls[0]); i++)
		if (calls[i].type == m->m_type) {
			c = &calls[i];
			break;
		}
	if (!c)
		r = ENOSYS;
	else if (c->need_proc && !rmp)
		r = EPERM;
	else
		r = c->fn(m, rmp);
	if (r == EDONTREPLY)
		return;
	if (rmp && mp_by_ep(who) != rmp)
		return; /* the call ended the caller (a signal to itself) */
	reply(who, r, m);
}

int main(void)
{
	message m;
	int r;

	hz = sys_hz();
	mproc_init();
	printf("pm: up, init is pid %d (endpoint %d)\n", INIT_PID, INIT_PROC_NR);
	for (;;) {
		if ((r = ipc_receive(ANY, &m, NULL)) != OK) {
			printf("pm: receive failed: %d\n", r);
			continue;
		}
		handle(&m);
		run_deferred();
	}
}
