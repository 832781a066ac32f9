/* mproc.h - PM's process table: one entry per user process PM knows, alive
 * or zombie.  It is indexed by nothing in particular: a zombie has given
 * its kernel slot back (SYS_CLEAR), so a new process may already use that
 * slot while the zombie waits for its parent.  Lookups are linear scans;
 * the table is small.
 */
#ifndef PM_MPROC_H
#define PM_MPROC_H

#include <signal.h>
#include <sys/types.h>
#include <minix/ipc.h>

/* Zombies keep an entry without a kernel slot: room for both. */
#define NR_MPROCS (2 * NR_PROCS)

/* pids: 1 is init, then increasing, wrapping around below PID_MAX. */
#define INIT_PID  1
#define PID_MAX   30000

/* mp_state. */
#define MP_FREE     0 /* entry unused */
#define MP_ALIVE    1 /* running, ready, or in a call to VFS */
#define MP_WAITING  2 /* in PM_WAITPID, not answered yet */
#define MP_SLEEPING 3 /* in PM_SLEEP, not answered yet */
#define MP_ZOMBIE   4 /* exited; kept until the parent waits */
#define MP_EXITING  5 /* stopped, VFS closing its files (VFS_PM_EXIT) */

/* mp_flags: job control.  A stopped process keeps its mp_state (it may
 * be stopped in the middle of a call); the kernel does not run it. */
#define MPF_STOPPED   0x01 /* stopped by a signal (SYS_RUNCTL RC_STOP) */
#define MPF_STOP_NEWS 0x02 /* stopped, not yet reported (WUNTRACED) */
#define MPF_CONT_NEWS 0x04 /* continued, not yet reported (WCONTINUED) */

struct mproc {
	int mp_state;                 /* MP_* */
	pid_t mp_pid;
	pid_t mp_ppid;                /* 0: none (init) */
	pid_t mp_pgrp;                /* process group */
	pid_t mp_session;
	endpoint_t mp_endpoint;       /* meaningless once a zombie */
	int mp_status;                /* zombie: wait status, Linux encoding */
	char mp_name[PROC_NAME_LEN];

	/* Signals (bit 1 << signo, as sigset_t). */
	struct sigaction mp_sigact[_NSIG];
	sigset_t mp_sigmask;          /* blocked */
	sigset_t mp_sigpending;       /* arrived while blocked */
	vir_bytes mp_sigreturn;       /* libc's trampoline (PM_SIGACTION p3) */

	vir_bytes mp_brk;             /* end of the highest PM_BRK pages, 0: none */

	int mp_flags;                 /* MPF_* */
	int mp_stopsig;               /* MPF_STOPPED: the signal that stopped it */

	pid_t mp_wpid;                /* MP_WAITING: the pid argument */
	int mp_woptions;              /* MP_WAITING: the options (WUNTRACED...) */
	uint32_t mp_wakeup;           /* MP_SLEEPING: deadline in ticks (wraps) */

	/* A call waiting for VFS's answer to a notice (vfs_answer). */
	int mp_vfs_call;              /* VFS_PM_EXEC; VFS_PM_FORK in the child */
	void *mp_ximg, *mp_xframe;    /* exec: the image and argument block */
	size_t mp_ximg_len, mp_xframe_len;
	char mp_xname[PROC_NAME_LEN];
};

extern struct mproc mproc[NR_MPROCS];

/* A live entry: alive, waiting or sleeping (not free, not a zombie, not
 * exiting). */
#define mp_alive(rmp) ((rmp)->mp_state != MP_FREE && \
	(rmp)->mp_state != MP_ZOMBIE && (rmp)->mp_state != MP_EXITING)

void mproc_init(void);
struct mproc *mp_by_ep(endpoint_t ep);  /* live process with this endpoint */
struct mproc *mp_by_pid(pid_t pid);     /* any entry in use (zombies too) */
struct mproc *mp_alloc(void);           /* a free entry (still MP_FREE) */
void mp_free(struct mproc *rmp);
pid_t alloc_pid(void);

#endif
