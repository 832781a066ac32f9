/* sys_fipatch.c - SYS_FIPATCH: read or patch a managed process's memory
 * (fault injection; docs/fault-injection.md). */
#include <minix/syslib.h>

int sys_fipatch(endpoint_t proc_ep, int op, vir_bytes addr, void *buf, size_t bytes)
{
	message m = { 0 };

	m.m_fipatch.endpt = proc_ep;
	m.m_fipatch.op = op;
	m.m_fipatch.addr = addr;
	m.m_fipatch.buf = (vir_bytes)buf;
	m.m_fipatch.bytes = bytes;
	return _kernel_call(SYS_FIPATCH, &m);
}
