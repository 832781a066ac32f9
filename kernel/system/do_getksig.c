/* do_getksig.c - SYS_GETKSIG: a signal manager fetches one process it
 * manages that has kernel signals pending (m_proc.endpt, mask in
 * m_proc.sig), or NONE.  The process stays stopped until SYS_ENDKSIG.
 */
#include "../system.h"

int do_getksig(struct proc *caller, message *m)
{
	struct proc *p;

	m->m_proc.endpt = NONE;
	m->m_proc.sig = 0;
	m->m_proc.status = 0;
	m->m_proc.arg_ptr = 0;
	m->m_proc.pc = 0;
	for (p = proc + NR_TASKS; p < proc + NR_SLOTS; p++) {
		if (isemptyp(p) || p->p_sig_mgr != caller->p_endpoint ||
		    !p->p_pending_ksig)
			continue;
		m->m_proc.endpt = p->p_endpoint;
		m->m_proc.sig = (int)p->p_pending_ksig;
		m->m_proc.pc = p->p_reg.eip;
		if (p->p_pending_ksig & (1u << KSIG_EXIT)) {
			m->m_proc.status = p->p_exit_status;
			m->m_proc.arg_ptr = p->p_exit_why;
		}
		p->p_pending_ksig = 0;
		break;
	}
	return OK;
}
