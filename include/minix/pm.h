/* minix/pm.h - what PM hands out to user programs beyond plain POSIX:
 * the process table for ps (PM_GETPROCTAB), the kernel's information
 * (PM_GETSYSINFO: SYS_GETINFO on the caller's behalf, for ps and grants),
 * and the reboot call the tests use to end a QEMU run (PM_REBOOT).  The
 * stubs are in lib/libposix (getproctab.c, getsysinfo.c, reboot.c).
 */
#ifndef _MINIX_PM_H
#define _MINIX_PM_H

#include <stddef.h>
#include <minix/endpoint.h>
#include <minix/config.h>	/* PROC_NAME_LEN, NR_PROCS */
#include <minix/com.h>		/* RBT_*, GET_*, the boot processes' endpoints */
#include <minix/sysinfo.h>	/* struct kinfo, proc_info, grant_table_info */

/* One process as PM sees it.  PM_GETPROCTAB(p1 buffer, i1 size in bytes)
 * fills the buffer with one entry per process PM knows (zombies
 * included), as many as fit, and returns how many it wrote.
 */
struct pm_procinfo {
	int pp_pid;
	int pp_ppid;
	int pp_pgrp;
	endpoint_t pp_endpoint;
	int pp_state;			/* PP_* */
	char pp_name[PROC_NAME_LEN];	/* NUL-terminated */
};

/* pp_state: a letter, as ps prints it. */
#define PP_RUNNING	'R'	/* running, ready, or in a call to another server */
#define PP_SLEEPING	'S'	/* in sleep() (PM_SLEEP) */
#define PP_WAITING	'W'	/* in wait()/waitpid() */
#define PP_ZOMBIE	'Z'	/* exited, not yet waited for */

/* libposix: entries written, or -1 and errno. */
int minix_getproctab(struct pm_procinfo *buf, size_t size);

/* libposix: PM_GETSYSINFO.  PM asks the kernel (SYS_GETINFO) and copies
 * the answer to buf (size bytes).  what:
 *	GET_KINFO	a struct kinfo (ep ignored)
 *	GET_PROCTAB	NR_SLOTS struct proc_info, one per kernel slot, kernel
 *			tasks first (ep ignored); free slots have PI_SLOT_FREE
 *	GET_GRANTS	the grant table of process ep (not SELF): a struct
 *			grant_table_info, then gt_copied raw cp_grant_t entries
 *			(as many as fit, at most MINIX_GRANTS_MAX)
 * 0, or -1 and errno: EINVAL (another what, SELF, a buffer too small for
 * the result or the header), ESRCH (no such process), EFAULT.
 */
#define MINIX_GRANTS_MAX 512
int minix_getsysinfo(int what, endpoint_t ep, void *buf, size_t size);

/* libposix: PM_REBOOT (how: RBT_* in <minix/com.h>; code: the exit code
 * QEMU reports in the test image).  Returns only on failure: -1, errno.
 */
int __minix_reboot(int how, int code);

#endif /* _MINIX_PM_H */
