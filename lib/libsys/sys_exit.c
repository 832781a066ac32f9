/* sys_exit.c - SYS_EXIT of the caller, SYS_CLEAR of a managed process. */
#include <minix/syslib.h>

int sys_exit(int status)
{
	message m = { 0 };

	m.m_proc.endpt = SELF;
	m.m_proc.status = status;
	for (;;)
		_kernel_call(SYS_EXIT, &m);
}

int sys_clear(endpoint_t proc_ep)
{
	message m = { 0 };

	m.m_proc.endpt = proc_ep;
	return _kernel_call(SYS_CLEAR, &m);
}
