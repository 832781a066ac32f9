/* sys_privctl.c - SYS_PRIVCTL. */
#include <minix/syslib.h>

int sys_privctl(endpoint_t proc_ep, int request, void *p)
{
	message m = { 0 };

	m.m_proc.endpt = proc_ep;
	m.m_proc.request = request;
	m.m_proc.arg_ptr = (vir_bytes)p;
	return _kernel_call(SYS_PRIVCTL, &m);
}
