/* sys_sdevio.c - SYS_SDEVIO: string port I/O between one port and our own
 * memory or a grant (MINIX's sys_insw ... sys_safe_outsw, macros in
 * <minix/syslib.h>).  count is in bytes.
 */
#include <minix/syslib.h>

int sys_sdevio(int req, long port, endpoint_t proc_nr, void *buffer, int count,
	vir_bytes offset)
{
	message m = { 0 };

	m.m_sdevio.request = req;
	m.m_sdevio.port = (int)port;
	m.m_sdevio.vec_endpt = proc_nr;
	m.m_sdevio.vec_addr = (vir_bytes)buffer;
	m.m_sdevio.vec_size = (vir_bytes)count;
	m.m_sdevio.offset = offset;
	return _kernel_call(SYS_SDEVIO, &m);
}
