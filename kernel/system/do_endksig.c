/* do_endksig.c - SYS_ENDKSIG: the manager is done with a process's kernel
 * signals; it runs again unless new ones arrived.
 */
#include "../system.h"

int do_endksig(struct proc *caller, message *m)
{
	struct proc *p;
	int r;

	if (!(p = managed_proc(caller, m->m_proc.endpt, &r)))
		return r;
	if (!(p->p_rts_flags & RTS_SIG_PENDING))
		return EINVAL;
	if (!p->p_pending_ksig)
		proc_resume(p, RTS_SIG_PENDING);
	return OK;
}
