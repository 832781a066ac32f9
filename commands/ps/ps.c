/* ps.c - list every process: kernel tasks, servers, drivers and user
 * processes (the kernel's table, PM_GETSYSINFO GET_PROCTAB), in slot
 * order, then the zombies PM keeps (they have no kernel slot any more).
 *
 *	  PID ENDPOINT STATE    NAME
 *
 * PID comes from PM's table (PM_GETPROCTAB, matched by endpoint); system
 * processes have none: "-".  STATE is the kernel's view of the process:
 *	task	a kernel task
 *	ready	running or ready to run
 *	send	blocked sending a message
 *	receive	blocked receiving (a server waiting for work, a process
 *		whose request is being worked on)
 *	sendrec	blocked in SENDREC, the request not yet taken
 *	signal	stopped: a kernel signal waits for its manager
 *	stopped	not allowed to run yet
 *	zombie	exited, its parent has not waited yet
 * and, for a process whose call waits in VFS (VFS_GETWAITS), the label
 * of what it waits on instead of "receive": a character driver ("tty"),
 * the file system server ("ext2"), or "pipe".
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <minix/pm.h>
#include <minix/vfs.h>

static struct proc_info ktab[NR_SLOTS];
static struct pm_procinfo ptab[2 * NR_PROCS];	/* zombies too */
static int nptab;
static struct vfs_wait wtab[NR_PROCS];
static int nwtab;

/* The label ep waits on in VFS, or NULL. */
static const char *vfs_wait_of(endpoint_t ep)
{
	int i;

	for (i = 0; i < nwtab; i++)
		if (wtab[i].vw_endpoint == ep)
			return wtab[i].vw_label;
	return NULL;
}

/* The kernel's state of a process, as kernel/debug.c names it. */
static const char *state_name(const struct proc_info *pi)
{
	unsigned f = pi->pi_rts_flags;

	if (pi->pi_slot < 0)
		return "task";
	if (f & PI_SIG_PENDING)
		return "signal";
	if (f & (PI_NO_PRIV | PI_PROC_STOP))
		return "stopped";
	if ((f & (PI_SENDING | PI_RECEIVING)) == (PI_SENDING | PI_RECEIVING))
		return "sendrec";
	if (f & PI_SENDING)
		return "send";
	if (f & PI_RECEIVING)
		return "receive";
	return "ready";
}

/* PM's entry of the live process ep, or NULL (a system process). */
static const struct pm_procinfo *pm_entry(endpoint_t ep)
{
	int i;

	for (i = 0; i < nptab; i++)
		if (ptab[i].pp_state != PP_ZOMBIE && ptab[i].pp_endpoint == ep)
			return &ptab[i];
	return NULL;
}

static void print_line(const char *pid, const char *ep, const char *state,
	const char *name, size_t name_len)
{
	printf("%5s %8s %-8s %.*s\n", pid, ep, state, (int)name_len, name);
}

int main(void)
{
	const struct pm_procinfo *pp;
	char pid[16], ep[16];
	const char *state;
	int i;

	if (minix_getsysinfo(GET_PROCTAB, 0, ktab, sizeof(ktab)) < 0) {
		fprintf(stderr, "ps: process table: %s\n", strerror(errno));
		return 1;
	}
	if ((nptab = minix_getproctab(ptab, sizeof(ptab))) < 0) {
		fprintf(stderr, "ps: PM's process table: %s\n", strerror(errno));
		return 1;
	}
	if ((nwtab = minix_getwaits(wtab, sizeof(wtab))) < 0)
		nwtab = 0;	/* no VFS: the kernel's view only */
	printf("%5s %8s %-8s %s\n", "PID", "ENDPOINT", "STATE", "NAME");
	for (i = 0; i < NR_SLOTS; i++) {
		if (ktab[i].pi_rts_flags & PI_SLOT_FREE)
			continue;
		pp = pm_entry(ktab[i].pi_endpoint);
		if (pp)
			snprintf(pid, sizeof(pid), "%d", pp->pp_pid);
		else
			strcpy(pid, "-");
		snprintf(ep, sizeof(ep), "%d", ktab[i].pi_endpoint);
		state = vfs_wait_of(ktab[i].pi_endpoint);
		if (state == NULL || strcmp(state_name(&ktab[i]), "receive") != 0)
			state = state_name(&ktab[i]);
		print_line(pid, ep, state, ktab[i].pi_name,
		    sizeof(ktab[i].pi_name));
	}
	for (i = 0; i < nptab; i++) {
		if (ptab[i].pp_state != PP_ZOMBIE)
			continue;
		snprintf(pid, sizeof(pid), "%d", ptab[i].pp_pid);
		print_line(pid, "-", "zombie", ptab[i].pp_name,
		    sizeof(ptab[i].pp_name));
	}
	return 0;
}
