/* sys_vmctl.c - SYS_VMCTL: map (VMCTL_ALLOC) or unmap (VMCTL_FREE) pages of
 * a process's memory; sbrk() uses it on SELF.
 */
#include <minix/syslib.h>

int sys_vmctl(endpoint_t ep, int request, vir_bytes addr, vir_bytes len)
{
	message m = { 0 };

	m.m_vmctl.endpt = ep;
	m.m_vmctl.request = request;
	m.m_vmctl.addr = addr;
	m.m_vmctl.len = len;
	return _kernel_call(SYS_VMCTL, &m);
}
