/* sys_safememset.c - SYS_SAFEMEMSET: fill granted memory with a byte. */
#include <minix/syslib.h>

int sys_safememset(endpoint_t dst_e, cp_grant_id_t gr, vir_bytes offset,
	int pattern, size_t bytes)
{
	message m = { 0 };

	m.m_safememset.ep = dst_e;
	m.m_safememset.gid = gr;
	m.m_safememset.offset = offset;
	m.m_safememset.pattern = pattern;
	m.m_safememset.bytes = (vir_bytes)bytes;
	return _kernel_call(SYS_SAFEMEMSET, &m);
}
