/* do_kill.c - SYS_KILL: raise a kernel signal in a process the caller
 * manages (or itself); it stops and its manager is notified (cause_sig).
 */
#include <signal.h>
#include "../system.h"

int do_kill(struct proc *caller, message *m)
{
	endpoint_t e = m->m_proc.endpt == SELF ? caller->p_endpoint : m->m_proc.endpt;
	struct proc *p;
	int r;

	if (m->m_proc.sig <= 0 || m->m_proc.sig >= _NSIG)
		return EINVAL;
	if (e == caller->p_endpoint)
		p = caller;
	else if (!(p = managed_proc(caller, e, &r)))
		return r;
	cause_sig(p, m->m_proc.sig);
	return OK;
}
