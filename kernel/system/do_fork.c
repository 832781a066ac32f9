/* do_fork.c - SYS_FORK: copy a process.
 *
 * In: m_fork.endpt, the parent: SELF (the caller copies itself), or a
 * process the caller manages that waits for the caller's reply (PM forking
 * a user process); m_fork.flags (PFF_STOPPED: the child waits for
 * SYS_PRIVCTL SYS_PRIV_ALLOW; with PFF_EMPTY too, a self-copy gets an
 * empty address space: RS makes a new service so, then SYS_EXEC fills
 * it).  Out: m_fork.child, the child's endpoint.
 * The child gets a copy of the parent's memory, registers and privileges
 * (but SUPERVISED: RS supervises the service, not its helpers), and the
 * caller as its signal manager.  A self-copy returns from this
 * call with m_fork.child NONE; a copy of a waiting process waits, as its
 * parent does, for the caller's reply.
 */
#include "../system.h"
#include "../memory.h"

int do_fork(struct proc *caller, message *m)
{
	struct proc *child, *parent = caller;
	message reply;
	int r, self = m->m_fork.endpt == SELF || m->m_fork.endpt == caller->p_endpoint;
	int empty = m->m_fork.flags & PFF_EMPTY;

	if ((m->m_fork.flags & ~(PFF_STOPPED | PFF_EMPTY)) ||
	    (empty && (!self || !(m->m_fork.flags & PFF_STOPPED))))
		return EINVAL;
	if (!self) {
		if (!(parent = managed_proc(caller, m->m_fork.endpt, &r)))
			return r;
		/* It must be waiting for our reply (blocked in SENDREC to us). */
		if ((parent->p_rts_flags & (RTS_SENDING | RTS_RECEIVING)) != RTS_RECEIVING ||
		    parent->p_getfrom_e != caller->p_endpoint ||
		    !(parent->p_misc_flags & MF_REPLY_PEND))
			return EINVAL;
	}
	if (!(child = proc_alloc()))
		return EAGAIN;
	if ((r = as_new(child)) != OK || (!empty && (r = as_copy(child, parent)) != OK)) {
		as_free(child);
		child->p_rts_flags = RTS_SLOT_FREE;
		return r;
	}
	if (self && !empty) {
		/* The child returns from this same kernel call, with its own
		 * reply in its copy of the message. */
		reply = *m;
		reply.m_source = SYSTEM;
		reply.m_type = OK;
		reply.m_fork.child = NONE;
		if (copy_to_proc(child, caller->p_kcall_msg, &reply, sizeof(reply)) != OK) {
			as_free(child);
			child->p_rts_flags = RTS_SLOT_FREE;
			return EFAULT;
		}
	} else if (!self) {
		/* The child waits for the caller's reply, as its parent does. */
		child->p_rts_flags |= RTS_RECEIVING;
		child->p_getfrom_e = caller->p_endpoint;
		child->p_misc_flags = MF_REPLY_PEND;
		child->p_delivermsg_vir = parent->p_delivermsg_vir;
	}
	child->p_reg = parent->p_reg;
	if (self)
		child->p_reg.eax = OK;
	child->p_priority = parent->p_priority; /* a drifted parent's child starts low too */
	child->p_base_prio = parent->p_base_prio;
	child->p_quantum = child->p_ticks_left = parent->p_quantum;
	child->p_priv.s_desc = parent->p_priv.s_desc;
	child->p_priv.s_desc.pd_flags &= ~SUPERVISED; /* a helper, not the service */
	child->p_priv.s_grant_table = parent->p_priv.s_grant_table;
	child->p_priv.s_grant_entries = parent->p_priv.s_grant_entries;
	child->p_sig_mgr = caller->p_endpoint;
	child->p_user_time = child->p_sys_time = 0;
	memcpy(child->p_name, parent->p_name, sizeof(child->p_name));
	if (!(m->m_fork.flags & PFF_STOPPED))
		proc_resume(child, RTS_NO_PRIV);
	m->m_fork.child = child->p_endpoint;
	return OK;
}
