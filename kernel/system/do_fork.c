/* do_fork.c - SYS_FORK: the caller makes a copy of itself.
 *
 * In: m_fork.endpt (SELF), m_fork.flags (PFF_STOPPED: the child waits for
 * SYS_PRIVCTL SYS_PRIV_ALLOW).  Out: m_fork.child = the child's endpoint in
 * the parent, NONE in the child.  The child gets a copy of the caller's
 * memory, registers and privileges; the caller becomes its signal manager.
 */
#include "../system.h"
#include "../memory.h"

int do_fork(struct proc *caller, message *m)
{
	struct proc *child;
	message reply;
	int r;

	if ((m->m_fork.endpt != SELF && m->m_fork.endpt != caller->p_endpoint) ||
	    (m->m_fork.flags & ~PFF_STOPPED))
		return EINVAL;
	if (!(child = proc_alloc()))
		return EAGAIN;
	if ((r = as_new(child)) != OK || (r = as_copy(child, caller)) != OK) {
		as_free(child);
		child->p_rts_flags = RTS_SLOT_FREE;
		return r;
	}
	/* The child returns from this same kernel call with its own reply. */
	reply = *m;
	reply.m_source = SYSTEM;
	reply.m_type = OK;
	reply.m_fork.child = NONE;
	if (copy_to_proc(child, caller->p_reg.eax, &reply, sizeof(reply)) != OK) {
		as_free(child);
		child->p_rts_flags = RTS_SLOT_FREE;
		return EFAULT;
	}
	child->p_reg = caller->p_reg;
	child->p_reg.eax = OK;
	child->p_priority = caller->p_priority;
	child->p_quantum = child->p_ticks_left = caller->p_quantum;
	child->p_priv.s_desc = caller->p_priv.s_desc;
	child->p_priv.s_grant_table = caller->p_priv.s_grant_table;
	child->p_priv.s_grant_entries = caller->p_priv.s_grant_entries;
	child->p_sig_mgr = caller->p_endpoint;
	memcpy(child->p_name, caller->p_name, sizeof(child->p_name));
	if (!(m->m_fork.flags & PFF_STOPPED))
		proc_resume(child, RTS_NO_PRIV);
	m->m_fork.child = child->p_endpoint;
	return OK;
}
