/* minix/pm.h - what PM hands out to user programs beyond plain POSIX:
 * the process table for ps (PM_GETPROCTAB) and the reboot call the
 * tests use to end a QEMU run (PM_REBOOT).  The stubs are in
 * lib/libposix (getproctab.c, reboot.c).
 */
#ifndef _MINIX_PM_H
#define _MINIX_PM_H

#include <stddef.h>
#include <minix/endpoint.h>
#include <minix/config.h>	/* PROC_NAME_LEN, NR_PROCS */
#include <minix/com.h>		/* RBT_* for __minix_reboot */

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

/* libposix: PM_REBOOT (how: RBT_* in <minix/com.h>; code: the exit code
 * QEMU reports in the test image).  Returns only on failure: -1, errno.
 */
int __minix_reboot(int how, int code);

#endif /* _MINIX_PM_H */
