/* do_exit.c - SYS_EXIT: the caller ends itself (m_proc.endpt SELF), or a
 * manager removes a process it manages.  SYS_CLEAR: the latter only.  A
 * SUPERVISED process (a service RS started) does not go at once: it stops
 * and its manager hears of it as kernel signal KSIG_EXIT, with its status
 * and its reason (m_proc.arg_ptr, a string in its memory: libsys panic()).
 */
#include "../system.h"

int do_exit(struct proc *caller, message *m)
{
	struct proc *p;
	int r;

	if (m->m_proc.endpt == SELF || m->m_proc.endpt == caller->p_endpoint) {
		struct proc *mgr = endpoint_lookup(caller->p_sig_mgr);
		klog("kernel: %s (endpoint %d) exited with status %d\n",
		    caller->p_name, caller->p_endpoint, m->m_proc.status);
		if ((priv(caller)->s_desc.pd_flags & SUPERVISED) && mgr && mgr != caller) {
			/* Its manager decides: it waits, stopped, as after a fault. */
			caller->p_exit_status = m->m_proc.status;
			caller->p_exit_why = m->m_proc.arg_ptr;
			cause_sig(caller, KSIG_EXIT);
			return EDONTREPLY;
		}
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
