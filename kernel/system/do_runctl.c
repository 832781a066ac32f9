/* do_runctl.c - SYS_RUNCTL: a manager stops a process it manages, or lets
 * it run again (PM, for SIGSTOP, SIGTSTP, SIGTTIN, SIGTTOU and SIGCONT).
 * A stopped process keeps its IPC state: a reply to a call it is blocked
 * in is still delivered, it just does not run until RC_RESUME.
 */
#include "../system.h"

int do_runctl(struct proc *caller, message *m)
{
	struct proc *p;
	int r;

	if (!(p = managed_proc(caller, m->m_proc.endpt, &r)))
		return r;
	switch (m->m_proc.request) {
	case RC_STOP:
		proc_stop(p, RTS_PROC_STOP);
		return OK;
	case RC_RESUME:
		proc_resume(p, RTS_PROC_STOP);
		return OK;
	}
	return EINVAL;
}
