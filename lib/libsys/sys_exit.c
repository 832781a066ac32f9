/* sys_exit.c - SYS_EXIT of the caller, SYS_CLEAR of a managed process. */
#include <minix/syslib.h>

int sys_exit(int status)
{
	sys_exit_why(status, NULL);
}

/* End the caller with a reason its manager can read (panic()). */
int sys_exit_why(int status, const char *why)
{
	message m = { 0 };

	m.m_proc.endpt = SELF;
	m.m_proc.status = status;
	m.m_proc.arg_ptr = (vir_bytes)why;
	for (;;)
		_kernel_call(SYS_EXIT, &m);
}

int sys_clear(endpoint_t proc_ep)
{
	message m = { 0 };

	m.m_proc.endpt = proc_ep;
	return _kernel_call(SYS_CLEAR, &m);
}
