/* misc.c - the small calls: getpid, process groups and sessions, the
 * process table for ps, the kernel's information for ps and grants
 * (PM_GETSYSINFO), reboot (the end of a test run), and brk.
 */
#include <string.h>
#include <minix/pm.h>
#include <minix/safecopies.h>
#include <minix/callnr.h>
#include "proto.h"

#define PAGE_BYTES 4096u

/* PM_GETPID -> pid, i1 the parent's pid. */
int do_getpid(message *m, struct mproc *rmp)
{
	m->m_pm.i1 = rmp->mp_ppid;
	return rmp->mp_pid;
}

/* PM_GETPGRP -> the process group. */
int do_getpgrp(message *m, struct mproc *rmp)
{
	return rmp->mp_pgrp;
}

/* rmp's parent, or NULL (init has none). */
static struct mproc *parent_of(struct mproc *rmp)
{
	return rmp->mp_ppid ? mp_by_pid(rmp->mp_ppid) : NULL;
}

/* PM_SETPGID: i1 pid (0: the caller), i2 pgid (0: that pid).  The target
 * is the caller or one of its children, not a session leader; a pgid
 * other than its own pid must name a group of the same session. */
int do_setpgid(message *m, struct mproc *rmp)
{
	pid_t pid = m->m_pm.i1, pgid = m->m_pm.i2;
	struct mproc *t, *q;

	if (pid < 0 || pgid < 0)
		return EINVAL;
	if (pid == 0 || pid == rmp->mp_pid) {
		t = rmp;
	} else {
		t = mp_by_pid(pid);
		if (!t || !mp_alive(t) || t->mp_ppid != rmp->mp_pid)
			return ESRCH;
		if (t->mp_session != rmp->mp_session)
			return EPERM;
	}
	if (pgid == 0)
		pgid = t->mp_pid;
	if (t->mp_pid == t->mp_session)
		return EPERM;
	if (pgid != t->mp_pid) {
		for (q = mproc; q < mproc + NR_MPROCS; q++)
			if (mp_alive(q) && q->mp_pgrp == pgid &&
			    q->mp_session == t->mp_session)
				break;
		if (q == mproc + NR_MPROCS)
			return EPERM;
	}
	t->mp_pgrp = pgid;
	/* A waitpid(0) or waitpid(-pgrp) may mean other children now. */
	wait_recheck(parent_of(t)); /* t may have left the group it means */
	wait_recheck(t); /* a child of the caller may be waiting itself */
	return OK;
}

/* PM_SETSID -> the new session (and group) id, the caller's pid. */
int do_setsid(message *m, struct mproc *rmp)
{
	struct mproc *q;

	for (q = mproc; q < mproc + NR_MPROCS; q++)
		if (q->mp_state != MP_FREE && q->mp_pgrp == rmp->mp_pid)
			return EPERM; /* it leads a group already (or its pid is one) */
	rmp->mp_session = rmp->mp_pgrp = rmp->mp_pid;
	wait_recheck(parent_of(rmp)); /* it left its old group */
	return rmp->mp_pid;
}

static int pp_state(int state)
{
	switch (state) {
	case MP_WAITING:  return PP_WAITING;
	case MP_SLEEPING: return PP_SLEEPING;
	case MP_ZOMBIE:   return PP_ZOMBIE;
	default:          return PP_RUNNING;
	}
}

/* PM_GETPROCTAB: p1 buffer, i1 its size in bytes -> entries written
 * (struct pm_procinfo, <minix/pm.h>), zombies included, as many as fit. */
int do_getproctab(message *m, struct mproc *rmp)
{
	static struct pm_procinfo tab[NR_MPROCS];
	struct mproc *q;
	size_t max, n = 0;
	int r;

	if (m->m_pm.i1 < 0)
		return EINVAL;
	max = (size_t)m->m_pm.i1 / sizeof(tab[0]);
	memset(tab, 0, sizeof(tab));
	for (q = mproc; q < mproc + NR_MPROCS && n < max; q++) {
		if (q->mp_state == MP_FREE)
			continue;
		tab[n].pp_pid = q->mp_pid;
		tab[n].pp_ppid = q->mp_ppid;
		tab[n].pp_pgrp = q->mp_pgrp;
		tab[n].pp_endpoint = q->mp_state == MP_ZOMBIE ? NONE : q->mp_endpoint;
		tab[n].pp_state = pp_state(q->mp_state);
		memcpy(tab[n].pp_name, q->mp_name, sizeof(tab[n].pp_name));
		tab[n].pp_name[sizeof(tab[n].pp_name) - 1] = '\0';
		n++;
	}
	if (n && (r = sys_vircopy(SELF, (vir_bytes)tab, m->m_source, m->m_pm.p1,
	    n * sizeof(tab[0]), 0)) != OK)
		return r;
	return (int)n;
}

/* PM_GETSYSINFO's buffer: the largest answer PM passes on.  Static, so
 * that asking never changes PM's memory use (tests compare free frames). */
#define GRANTS_BYTES \
	(sizeof(struct grant_table_info) + MINIX_GRANTS_MAX * sizeof(cp_grant_t))
static union {
	struct kinfo ki;
	struct proc_info tab[NR_SLOTS];
	char grants[GRANTS_BYTES];
} sysinfo_buf;

/* PM_GETSYSINFO: i1 what (GET_KINFO, GET_PROCTAB, GET_GRANTS), i2 the
 * process (GET_GRANTS; not SELF, which would mean PM), p1 the caller's
 * buffer, i3 its size.  PM asks the kernel into its own buffer and copies
 * the answer out: user processes make no kernel calls, and this is only
 * reading, so anyone may ask.  GET_GRANTS copies the header and as many
 * entries as fit (at most MINIX_GRANTS_MAX).  -> OK, EINVAL (another
 * what, SELF, a buffer too small), ESRCH (no such process), EFAULT (a bad
 * buffer). */
int do_getsysinfo(message *m, struct mproc *rmp)
{
	struct grant_table_info *gt = (struct grant_table_info *)sysinfo_buf.grants;
	int what = m->m_pm.i1, r;
	endpoint_t ep = m->m_pm.i2;
	size_t size, len;

	if (m->m_pm.i3 < 0)
		return EINVAL;
	size = (size_t)m->m_pm.i3;
	switch (what) {
	case GET_KINFO:
		len = sizeof(sysinfo_buf.ki);
		if (size < len)
			return EINVAL;
		r = sys_getinfo(GET_KINFO, &sysinfo_buf.ki, (int)len, NULL, 0);
		break;
	case GET_PROCTAB:
		len = sizeof(sysinfo_buf.tab);
		if (size < len)
			return EINVAL;
		r = sys_getinfo(GET_PROCTAB, sysinfo_buf.tab, (int)len, NULL, 0);
		break;
	case GET_GRANTS:
		if (ep == SELF || size < sizeof(*gt))
			return EINVAL;
		if (size > sizeof(sysinfo_buf.grants))
			size = sizeof(sysinfo_buf.grants);
		/* The size is checked: the kernel's EINVAL is a bad endpoint. */
		if ((r = sys_getinfo(GET_GRANTS, sysinfo_buf.grants, (int)size, NULL, ep)) != OK)
			return r == EDEADSRCDST || r == EINVAL ? ESRCH : r;
		len = sizeof(*gt) + (size_t)gt->gt_copied * sizeof(cp_grant_t);
		break;
	default:
		return EINVAL;
	}
	if (r != OK)
		return r;
	return sys_vircopy(SELF, (vir_bytes)&sysinfo_buf, m->m_source,
	    m->m_pm.p1, len, 0);
}

/* PM_REBOOT: i1 how (RBT_*), i2 the code QEMU exits with (tests).  Only
 * init stops the machine (halt, reboot and poweroff ask init, which first
 * ends the other processes); VFS syncs the file systems, then the kernel
 * stops. */
/* A reboot waiting for VFS to sync: how, the code, who asked (init). */
static int reboot_pending, reboot_how, reboot_code;
static endpoint_t reboot_caller;

int do_reboot(message *m, struct mproc *rmp)
{
	int how = m->m_pm.i1;

	if (!rmp || rmp->mp_pid != INIT_PID)
		return EPERM;
	if (how != RBT_HALT && how != RBT_POWEROFF && how != RBT_REBOOT &&
	    how != RBT_PANIC)
		return EINVAL;
	if (reboot_pending)
		return EBUSY;
	reboot_pending = 1;
	reboot_caller = rmp->mp_endpoint;
	reboot_how = how;
	reboot_code = m->m_pm.i2;
	if (how != RBT_PANIC &&
	    vfs_tell(VFS_PM_REBOOT, rmp->mp_endpoint, NONE, -1) == OK)
		return EDONTREPLY;	/* reboot_finish() when VFS has synced */
	reboot_finish();
	return EDONTREPLY;
}

/* VFS has synced the file systems: the kernel stops the machine. */
void reboot_finish(void)
{
	message m;
	int r;

	if (!reboot_pending)
		return;
	reboot_pending = 0;
	r = sys_abort(reboot_how, reboot_code);
	memset(&m, 0, sizeof(m));
	reply(reboot_caller, r, &m);	/* the kernel did not stop */
}

/* PM_BRK: p1 a page-aligned address, i1 bytes (a page multiple): > 0 maps
 * zeroed pages over [p1, p1 + i1), < 0 unmaps [p1, p1 - i1).  -> OK, and
 * p2 the end of the highest pages mapped so far (0: none yet). */
int do_brk(message *m, struct mproc *rmp)
{
	vir_bytes addr = m->m_pm.p1, len, end;
	int bytes = m->m_pm.i1, r;

	if ((addr | (vir_bytes)bytes) & (PAGE_BYTES - 1))
		return EINVAL;
	if (bytes > 0) {
		len = (vir_bytes)bytes;
		if ((r = sys_vmctl(rmp->mp_endpoint, VMCTL_ALLOC, addr, len)) != OK)
			return r;
		end = addr + len;
		if (end > rmp->mp_brk)
			rmp->mp_brk = end;
	} else if (bytes < 0) {
		len = (vir_bytes)0 - (vir_bytes)bytes;
		if ((r = sys_vmctl(rmp->mp_endpoint, VMCTL_FREE, addr, len)) != OK)
			return r;
		end = addr + len;
		if (addr < rmp->mp_brk && end >= rmp->mp_brk)
			rmp->mp_brk = addr;
	}
	m->m_pm.p2 = rmp->mp_brk;
	return OK;
}
