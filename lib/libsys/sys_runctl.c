/* sys_runctl.c - SYS_RUNCTL: stop a managed process or let it run again
 * (sys_stop and sys_resume in <minix/syslib.h>). */
#include <minix/syslib.h>

int sys_runctl(endpoint_t proc_ep, int request)
{
	message m = { 0 };

	m.m_proc.endpt = proc_ep;
	m.m_proc.request = request;
	return _kernel_call(SYS_RUNCTL, &m);
}
