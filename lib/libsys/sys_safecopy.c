/* sys_safecopy.c - SYS_SAFECOPYFROM, SYS_SAFECOPYTO: copy between the
 * caller's memory and memory that another process granted to it.
 */
#include <minix/syslib.h>

static int safecopy(int call, endpoint_t granter, cp_grant_id_t gr,
	vir_bytes offset, vir_bytes address, size_t bytes)
{
	message m = { 0 };

	m.m_safecopy.from_to = granter;
	m.m_safecopy.gid = gr;
	m.m_safecopy.offset = offset;
	m.m_safecopy.address = address;
	m.m_safecopy.bytes = (vir_bytes)bytes;
	return _kernel_call(call, &m);
}

/* Copy bytes at offset of grant gr (made by src_e) to address. */
int sys_safecopyfrom(endpoint_t src_e, cp_grant_id_t gr, vir_bytes offset,
	vir_bytes address, size_t bytes)
{
	return safecopy(SYS_SAFECOPYFROM, src_e, gr, offset, address, bytes);
}

/* Copy bytes at address to offset of grant gr (made by dst_e). */
int sys_safecopyto(endpoint_t dst_e, cp_grant_id_t gr, vir_bytes offset,
	vir_bytes address, size_t bytes)
{
	return safecopy(SYS_SAFECOPYTO, dst_e, gr, offset, address, bytes);
}
