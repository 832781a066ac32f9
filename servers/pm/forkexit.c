/* forkexit.c - the life of a process: fork, exec, exit (and being killed),
 * zombies, waitpid, and orphans going to init.
 *
 * A process that ends is stopped, VFS closes its files (VFS_PM_EXIT: PM
 * serves others meanwhile, the process is MP_EXITING), then the kernel
 * frees its slot (SYS_CLEAR), and it stays in PM's table as a
 * zombie with its wait status until its parent collects it.  Its children
 * pass to init (a stopped one gets SIGHUP and SIGCONT).  Wait statuses
 * are encoded as on Linux (<sys/wait.h>); waitpid also reports stopped
 * and continued children (WUNTRACED, WCONTINUED).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <minix/callnr.h>
#include "proto.h"

/* Largest program image and argument block PM copies for an exec.  The
 * kernel takes argument blocks of up to half the stack. */
#define MAX_EXEC_IMAGE (16u * 1024 * 1024)
#define MAX_EXEC_FRAME (USER_STACK_PAGES * 4096u / 2)

static void orphan_stopped(struct mproc *q);

/* PM_FORK: copy the caller.  The child waits, as its parent does, for our
 * reply: 0 to the child, the child's pid to the parent, sent when VFS has
 * given the child its descriptors (fork_finish). */
int do_fork(message *m, struct mproc *rmp)
{
	struct mproc *cmp;
	endpoint_t child;
	int r;

	if (!(cmp = mp_alloc()))
		return EAGAIN;
	if ((r = sys_fork_of(rmp->mp_endpoint, 0, &child)) != OK)
		return r;
	*cmp = *rmp; /* handlers, mask, trampoline, pgrp, session, brk, name */
	cmp->mp_state = MP_ALIVE;
	cmp->mp_pid = alloc_pid();
	cmp->mp_ppid = rmp->mp_pid;
	cmp->mp_endpoint = child;
	cmp->mp_status = 0;
	cmp->mp_sigpending = 0;
	cmp->mp_flags = 0;
	cmp->mp_stopsig = 0;
	cmp->mp_wpid = 0;
	cmp->mp_woptions = 0;
	cmp->mp_wakeup = 0;
	cmp->mp_vfs_call = VFS_PM_FORK;
	cmp->mp_ximg = cmp->mp_xframe = NULL;
	if (vfs_tell(VFS_PM_FORK, rmp->mp_endpoint, child, -1) == OK)
		return EDONTREPLY;	/* fork_finish() when VFS has the child */
	fork_finish(child, OK);
	return EDONTREPLY;
}

/* VFS made the child's table (or failed with r): both may run now. */
void fork_finish(endpoint_t child, int r)
{
	struct mproc *cmp, *pp;
	message m;

	for (cmp = mproc; cmp < mproc + NR_MPROCS; cmp++)
		if (cmp->mp_state != MP_FREE && cmp->mp_state != MP_ZOMBIE &&
		    cmp->mp_endpoint == child && cmp->mp_vfs_call == VFS_PM_FORK)
			break;
	if (cmp == mproc + NR_MPROCS)
		return;		/* a stray answer */
	cmp->mp_vfs_call = 0;
	pp = mp_by_pid(cmp->mp_ppid);
	if (pp && !mp_alive(pp))
		pp = NULL;
	memset(&m, 0, sizeof(m));
	if (r != OK && mp_alive(cmp)) {
		sys_clear(child);
		mp_free(cmp);
		if (pp)
			reply(pp->mp_endpoint, r, &m);
		return;
	}
	if (mp_alive(cmp))
		reply(child, 0, &m);
	if (pp)
		reply(pp->mp_endpoint, cmp->mp_pid, &m);
}

/* Is img an ELF executable for the i386 at all?  Checked before VFS closes
 * the close-on-exec descriptors, so that the usual failure (a script:
 * ENOEXEC, the shell then runs it itself) changes nothing; the kernel
 * checks the rest. */
static int elf_header_ok(const uint8_t *img, size_t len)
{
	return len >= 52 && img[0] == 0x7f && img[1] == 'E' && img[2] == 'L' &&
	    img[3] == 'F' && img[4] == 1 /* 32-bit */ && img[5] == 1 /* LSB */ &&
	    img[16] == 2 && img[17] == 0 /* ET_EXEC */ &&
	    img[18] == 3 && img[19] == 0 /* EM_386 */;
}

/* Did a failed SYS_EXEC take the old image with it?  The kernel has then
 * raised SIGKILL on the process, which leaves it stopped. */
static int exec_killed(endpoint_t ep)
{
	struct proc_info pi;

	return sys_getproc(&pi, ep) == OK && (pi.pi_rts_flags & PI_SIG_PENDING);
}

/* PM_EXEC: p1 image, i1 its length, p2 argument block, i2 its length,
 * i3 the descriptor the image was read from, name.  On success the process runs the new program and gets no reply. */
int do_exec(message *m, struct mproc *rmp)
{
	endpoint_t ep = rmp->mp_endpoint;
	char name[PROC_NAME_LEN];
	void *img = NULL, *frame = NULL;
	size_t img_len, frame_len;
	int r;

	if (m->m_pm.i1 <= 0 || m->m_pm.i2 < 0)
		return EINVAL;
	img_len = (size_t)m->m_pm.i1;
	frame_len = (size_t)m->m_pm.i2;
	if (img_len > MAX_EXEC_IMAGE)
		return ENOMEM;
	if (frame_len > MAX_EXEC_FRAME)
		return E2BIG;
	memcpy(name, m->m_pm.name, sizeof(name));
	name[sizeof(name) - 1] = '\0';

	r = ENOMEM;
	if (!(img = malloc(img_len)) || (frame_len && !(frame = malloc(frame_len))))
		goto out;
	if ((r = sys_vircopy(ep, m->m_pm.p1, SELF, (vir_bytes)img, img_len, 0)) != OK)
		goto out;
	if (frame_len && (r = sys_vircopy(ep, m->m_pm.p2, SELF, (vir_bytes)frame,
	    frame_len, 0)) != OK)
		goto out;
	if (!elf_header_ok(img, img_len)) {
		r = ENOEXEC;
		goto out;
	}
	/* The kernel's full check first: once VFS has closed the close-on-exec
	 * descriptors, the exec must not fail but for lack of memory. */
	if ((r = sys_exec_check(ep, img, img_len, frame, frame_len)) != OK)
		goto out;
	/* VFS checks that the image came from a descriptor opened with
	 * O_EXEC (an x bit), then closes the close-on-exec ones: exec_finish()
	 * goes on when it has answered. */
	rmp->mp_vfs_call = VFS_PM_EXEC;
	rmp->mp_ximg = img;
	rmp->mp_xframe = frame;
	rmp->mp_ximg_len = img_len;
	rmp->mp_xframe_len = frame_len;
	memcpy(rmp->mp_xname, name, sizeof(name));
	if (vfs_tell(VFS_PM_EXEC, ep, NONE, m->m_pm.i3) != OK)
		exec_finish(ep, OK);
	return EDONTREPLY;
out:
	free(img);
	free(frame);
	return r;
}

static void exec_forget(struct mproc *rmp)
{
	free(rmp->mp_ximg);
	free(rmp->mp_xframe);
	rmp->mp_ximg = rmp->mp_xframe = NULL;
	rmp->mp_vfs_call = 0;
}

/* VFS's answer r to the exec of ep: replace the image, or fail. */
void exec_finish(endpoint_t ep, int r)
{
	struct mproc *rmp = mp_by_ep(ep);
	vir_bytes ip;
	message m;

	if (!rmp || rmp->mp_vfs_call != VFS_PM_EXEC)
		return;		/* it ended meanwhile */
	if (r == OK)
		r = sys_exec(ep, rmp->mp_ximg, rmp->mp_ximg_len, rmp->mp_xframe,
		    rmp->mp_xframe_len, rmp->mp_xname, &ip);
	if (r == OK) {
		exec_forget(rmp);
		reset_signals_on_exec(rmp);
		rmp->mp_brk = 0;
		if (rmp->mp_xname[0])
			memcpy(rmp->mp_name, rmp->mp_xname, sizeof(rmp->mp_name));
		return;
	}
	exec_forget(rmp);
	if (r != OK && exec_killed(ep)) {
		exit_proc(rmp, W_EXITCODE(0, SIGKILL));
		return;
	}
	memset(&m, 0, sizeof(m));
	reply(ep, r, &m);
}

/* PM_EXIT: i1 status.  No reply. */
int do_exit(message *m, struct mproc *rmp)
{
	exit_proc(rmp, W_EXITCODE(m->m_pm.i1 & 0xff, 0));
	return EDONTREPLY;
}

/* Does child cmp match waitpid's pid argument wpid of parent pp? */
static int wait_match(const struct mproc *pp, const struct mproc *cmp, pid_t wpid)
{
	if (wpid > 0)
		return cmp->mp_pid == wpid;
	if (wpid == -1)
		return 1;
	if (wpid == 0)
		return cmp->mp_pgrp == pp->mp_pgrp;
	return cmp->mp_pgrp == -wpid;
}

/* A zombie's parent may collect it: answer a waiting parent, or free the
 * zombie when there is no parent; then SIGCHLD to the parent. */
static void tell_parent(struct mproc *zp)
{
	struct mproc *pp = zp->mp_ppid ? mp_by_pid(zp->mp_ppid) : NULL;
	message m;
	pid_t pid;

	if (!pp || !mp_alive(pp)) {
		mp_free(zp); /* nobody will wait for it */
		return;
	}
	if (pp->mp_state == MP_WAITING && wait_match(pp, zp, pp->mp_wpid)) {
		memset(&m, 0, sizeof(m));
		m.m_pm.i3 = zp->mp_status;
		pid = zp->mp_pid;
		mp_free(zp);
		pp->mp_state = MP_ALIVE;
		reply_to(pp, pid, &m);
	}
	sig_proc(pp, SIGCHLD);
}

/* End process rmp with wait status wstatus: it exited (PM_EXIT) or a
 * signal killed it.  It may be waiting for a reply from PM or VFS, or be
 * running: stop it first, so that it makes no new calls meanwhile. */
void exit_proc(struct mproc *rmp, int wstatus)
{
	endpoint_t ep = rmp->mp_endpoint;
	int was_sleeping = rmp->mp_state == MP_SLEEPING, r;

	if (!mp_alive(rmp))
		return;
	if ((r = sys_privctl(ep, SYS_PRIV_DISALLOW, NULL)) != OK)
		printf("pm: cannot stop %d: %d\n", ep, r);
	if (rmp->mp_vfs_call == VFS_PM_EXEC)
		exec_forget(rmp);
	rmp->mp_state = MP_EXITING; /* a pending waitpid or sleep just ends */
	rmp->mp_status = wstatus;
	if (was_sleeping)
		set_next_alarm();
	/* VFS closes its files; exit_finish() when it has. */
	if (vfs_tell(VFS_PM_EXIT, ep, NONE, -1) != OK)
		exit_finish(ep);
}

/* VFS has closed the files of ep, which is exiting: it becomes a zombie. */
void exit_finish(endpoint_t ep)
{
	struct mproc *rmp, *q, *init_mp;
	pid_t pid;
	int r;

	for (rmp = mproc; rmp < mproc + NR_MPROCS; rmp++)
		if (rmp->mp_state == MP_EXITING && rmp->mp_endpoint == ep)
			break;
	if (rmp == mproc + NR_MPROCS)
		return;		/* a stray answer */
	pid = rmp->mp_pid;
	if ((r = sys_clear(ep)) != OK)
		printf("pm: SYS_CLEAR of %d failed: %d\n", ep, r);
	rmp->mp_state = MP_ZOMBIE;
	rmp->mp_sigpending = 0;
	rmp->mp_flags = 0;
	if (pid == INIT_PID)
		printf("pm: init ended (status 0x%x)\n", rmp->mp_status);

	/* Its children pass to init (or to nobody if init is gone).  Their old
	 * parent is this one, which waits no more; init only gains children,
	 * so no pending waitpid loses its last match here. */
	init_mp = mp_by_pid(INIT_PID);
	if (init_mp && !mp_alive(init_mp))
		init_mp = NULL;
	for (q = mproc; q < mproc + NR_MPROCS; q++) {
		if (q->mp_state == MP_FREE || q == rmp || q->mp_ppid != pid)
			continue;
		q->mp_ppid = init_mp ? INIT_PID : 0;
		if (q->mp_state == MP_ZOMBIE)
			tell_parent(q);
		else if (q->mp_flags & MPF_STOPPED)
			orphan_stopped(q);
	}
	tell_parent(rmp);
}

/* A stopped process passes to init: nobody would continue it.  As Linux
 * does for a stopped process group that becomes orphaned, it gets SIGHUP
 * and then SIGCONT (after the current request: we are in the middle of an
 * exit), so it ends unless it catches SIGHUP. */
static void orphan_stopped(struct mproc *q)
{
	defer_signal(q->mp_endpoint, SIGHUP);
	defer_signal(q->mp_endpoint, SIGCONT);
}

/* News for waitpid with WUNTRACED / WCONTINUED options: a stop or a
 * continue of cmp not yet reported.  Its status (and the news is gone),
 * or -1. */
static int job_news(struct mproc *cmp, int options)
{
	if ((options & WUNTRACED) && (cmp->mp_flags & MPF_STOP_NEWS)) {
		cmp->mp_flags &= ~MPF_STOP_NEWS;
		return W_STOPCODE(cmp->mp_stopsig);
	}
	if ((options & WCONTINUED) && (cmp->mp_flags & MPF_CONT_NEWS)) {
		cmp->mp_flags &= ~MPF_CONT_NEWS;
		return 0xffff;
	}
	return -1;
}

/* Look among pp's children for those waitpid's pid argument wpid means:
 * collect a zombie (its pid, m->m_pm.i3 its status), or report a stop or
 * continue the options ask for, or 0 if some match but none has news, or
 * ECHILD if none match. */
static int wait_scan(struct mproc *pp, pid_t wpid, int options, message *m)
{
	int st;

	int children = 0;
	struct mproc *q;
	pid_t pid;

	for (q = mproc; q < mproc + NR_MPROCS; q++) {
		if (q->mp_state == MP_FREE || q == pp || q->mp_ppid != pp->mp_pid ||
		    !wait_match(pp, q, wpid))
			continue;
		children++;
		if (q->mp_state == MP_ZOMBIE) {
			m->m_pm.i3 = q->mp_status;
			pid = q->mp_pid;
			mp_free(q);
			return pid;
		}
		if ((st = job_news(q, options)) != -1) {
			m->m_pm.i3 = st;
			return q->mp_pid;
		}
	}
	return children ? 0 : ECHILD;
}

/* The children pp's pending waitpid means may have changed (a process
 * group changed, a child stopped or continued): answer it now if a zombie
 * or news matches, ECHILD if no child matches any more. */
void wait_recheck(struct mproc *pp)
{
	message m;
	int r;

	if (!pp || pp->mp_state != MP_WAITING)
		return;
	memset(&m, 0, sizeof(m));
	if ((r = wait_scan(pp, pp->mp_wpid, pp->mp_woptions, &m)) == 0)
		return; /* still a child to wait for */
	pp->mp_state = MP_ALIVE;
	reply_to(pp, r, &m);
}

/* PM_WAITPID: i1 pid (> 0 that child, -1 any, 0 our group, < -1 group
 * -pid), i2 options -> the child's pid and i3 its status; 0 with WNOHANG
 * if none is done; ECHILD if there is no such child.  WUNTRACED also
 * reports a child that stopped, WCONTINUED one that was continued (each
 * once).  A pending waitpid
 * is answered when a matching child ends (tell_parent), or with ECHILD
 * when none matches any more (wait_recheck). */
int do_waitpid(message *m, struct mproc *rmp)
{
	pid_t wpid = m->m_pm.i1;
	int options = m->m_pm.i2, r;

	if (options & ~(WNOHANG | WUNTRACED | WCONTINUED))
		return EINVAL;
	if (wpid == (pid_t)0x80000000)
		return ECHILD;
	if ((r = wait_scan(rmp, wpid, options, m)) != 0)
		return r;
	if (options & WNOHANG) {
		m->m_pm.i3 = 0;
		return 0;
	}
	rmp->mp_state = MP_WAITING;
	rmp->mp_wpid = wpid;
	rmp->mp_woptions = options;
	return EDONTREPLY;
}
