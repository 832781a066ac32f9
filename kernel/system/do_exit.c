/* do_exit.c - SYS_EXIT: the caller ends itself (m_proc.endpt SELF), or a
 * manager removes a process it manages.  SYS_CLEAR: the latter only.
 */
#include "../system.h"

int do_exit(struct proc *caller, message *m)
{
	struct proc *p;
	int r;

	if (m->m_proc.endpt == SELF || m->m_proc.endpt == caller->p_endpoint) {
		klog("kernel: %s (endpoint %d) exited with status %d\n",
		    caller->p_name, caller->p_endpoint, m->m_proc.status);
		proc_clear(caller);
		return EDONTREPLY;
	}
	if (!(p = managed_proc(caller, m->m_proc.endpt, &r)))
		return r;
	proc_clear(p);
	return OK;
}

int do_clear(struct proc *caller, message *m)
{
	struct proc *p;
	int r;

	if (!(p = managed_proc(caller, m->m_proc.endpt, &r)))
		return r;
	proc_clear(p);
	return OK;
}
