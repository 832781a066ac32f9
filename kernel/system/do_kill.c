/* do_kill.c - SYS_KILL: raise a kernel signal in a process; it stops and
 * its signal manager is notified (see cause_sig).
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
	if ((r = isokendpt(e, &p)) != OK)
		return r;
	if (iskernelp(p))
		return EPERM;
	cause_sig(p, m->m_proc.sig);
	return OK;
}
