/* mproc.c - the process table: the boot entry for init, lookups, and pid
 * allocation.  See mproc.h.
 */
#include <string.h>
#include <minix/com.h>
#include "mproc.h"

struct mproc mproc[NR_MPROCS];

static pid_t next_pid = INIT_PID + 1;

/* The table at boot: init only.  The kernel started it as a user process
 * with PM as its signal manager; all its signals are at their defaults. */
void mproc_init(void)
{
	struct mproc *rmp = &mproc[0];

	memset(mproc, 0, sizeof(mproc));
	rmp->mp_state = MP_ALIVE;
	rmp->mp_pid = INIT_PID;
	rmp->mp_ppid = 0;
	rmp->mp_pgrp = INIT_PID;
	rmp->mp_session = INIT_PID;
	rmp->mp_endpoint = INIT_PROC_NR;
	strcpy(rmp->mp_name, "init");
}

/* The entry last found for each kernel slot: a hint, checked on use
 * (issue 11: every request looks its caller up, twice). */
static struct mproc *by_slot[NR_PROCS];

struct mproc *mp_by_ep(endpoint_t ep)
{
	unsigned n = (unsigned)_ENDPOINT_P(ep);
	struct mproc *rmp;

	if (n < NR_PROCS && (rmp = by_slot[n]) && mp_alive(rmp) && rmp->mp_endpoint == ep)
		return rmp;
	for (rmp = mproc; rmp < mproc + NR_MPROCS; rmp++)
		if (mp_alive(rmp) && rmp->mp_endpoint == ep) {
			if (n < NR_PROCS)
				by_slot[n] = rmp;
			return rmp;
		}
	return NULL;
}

struct mproc *mp_by_pid(pid_t pid)
{
	struct mproc *rmp;

	for (rmp = mproc; rmp < mproc + NR_MPROCS; rmp++)
		if (rmp->mp_state != MP_FREE && rmp->mp_pid == pid)
			return rmp;
	return NULL;
}

struct mproc *mp_alloc(void)
{
	struct mproc *rmp;

	for (rmp = mproc; rmp < mproc + NR_MPROCS; rmp++)
		if (rmp->mp_state == MP_FREE)
			return rmp;
	return NULL;
}

void mp_free(struct mproc *rmp)
{
	memset(rmp, 0, sizeof(*rmp)); /* MP_FREE */
}

/* Is pid in use as a process, group or session id? */
static int pid_in_use(pid_t pid)
{
	struct mproc *rmp;

	for (rmp = mproc; rmp < mproc + NR_MPROCS; rmp++)
		if (rmp->mp_state != MP_FREE && (rmp->mp_pid == pid ||
		    rmp->mp_pgrp == pid || rmp->mp_session == pid))
			return 1;
	return 0;
}

/* The next pid after the last one given out that nothing uses.  The table
 * holds far fewer than PID_MAX entries, so there always is one. */
pid_t alloc_pid(void)
{
	pid_t pid;

	for (;;) {
		pid = next_pid++;
		if (next_pid >= PID_MAX)
			next_pid = INIT_PID + 1;
		if (!pid_in_use(pid))
			return pid;
	}
}
