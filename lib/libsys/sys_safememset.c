/* sys_safememset.c - SYS_SAFEMEMSET: fill granted memory with a byte.
 *
 * The kernel's reply is the request as it carried it out, so it says how
 * many bytes were set.  If that is not the count asked for, the request
 * changed between the caller and the kernel (an interface fault): the
 * call fails with EFAULT, so that the caller cannot answer for bytes it
 * did not fill.  A reader of /dev/zero could not tell a short fill from
 * its own old bytes.  (Copies need no such check for the disk: ext2
 * checks what a driver's reads leave in its buffers.)
 */
#include <minix/syslib.h>

int sys_safememset(endpoint_t dst_e, cp_grant_id_t gr, vir_bytes offset,
	int pattern, size_t bytes)
{
	message m = { 0 };
	int r;

	m.m_safememset.ep = dst_e;
	m.m_safememset.gid = gr;
	m.m_safememset.offset = offset;
	m.m_safememset.pattern = pattern;
	m.m_safememset.bytes = (vir_bytes)bytes;
	r = _kernel_call(SYS_SAFEMEMSET, &m);
	return r == OK && m.m_safememset.bytes != (vir_bytes)bytes ? EFAULT : r;
}
