/* sys_schedctl.c - SYS_SCHEDCTL (MINIX's signature). */
#include <minix/syslib.h>

int sys_schedctl(uint32_t flags, endpoint_t proc_ep, int priority, int quantum, int cpu)
{
	message m = { 0 };

	m.m_schedctl.flags = flags;
	m.m_schedctl.endpt = proc_ep;
	m.m_schedctl.priority = priority;
	m.m_schedctl.quantum = quantum;
	m.m_schedctl.cpu = cpu;
	return _kernel_call(SYS_SCHEDCTL, &m);
}
