/* do_schedctl.c - SYS_SCHEDCTL: a manager sets the scheduling of a process
 * it manages (RS, from the priority and quantum of a service's .conf).
 * Only SCHEDCTL_FLAG_KERNEL exists: the kernel schedules every process.
 */
#include "../system.h"

int do_schedctl(struct proc *caller, message *m)
{
	int prio = m->m_schedctl.priority, quantum = m->m_schedctl.quantum;
	struct proc *p;
	int r;

	if (!(p = managed_proc(caller, m->m_schedctl.endpt, &r)))
		return r;
	if (m->m_schedctl.flags != SCHEDCTL_FLAG_KERNEL || m->m_schedctl.cpu != 0 ||
	    prio < 0 || prio >= NR_SCHED_QUEUES || quantum < 0)
		return EINVAL;
	sched_set_priority(p, prio);
	if (quantum)
		p->p_quantum = p->p_ticks_left = quantum;
	return OK;
}
