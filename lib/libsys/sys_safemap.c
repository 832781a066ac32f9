/* sys_safemap.c - SYS_SAFEMAP, SYS_SAFEREVMAP, SYS_SAFEUNMAP: map granted
 * pages into the caller, take mappings of one's own grants back, and drop
 * one's own mapping.
 */
#include <minix/syslib.h>

/* Map [offset, offset+bytes) of grant gr (made by grantor) at my_address;
 * all three page-aligned.  Writable only if asked and granted. */
int sys_safemap(endpoint_t grantor, cp_grant_id_t gr, vir_bytes offset,
	vir_bytes my_address, size_t bytes, int writable)
{
	message m = { 0 };

	m.m_safemap.ep = grantor;
	m.m_safemap.gid = gr;
	m.m_safemap.offset = offset;
	m.m_safemap.address = my_address;
	m.m_safemap.bytes = (vir_bytes)bytes;
	m.m_safemap.flag = writable;
	return _kernel_call(SYS_SAFEMAP, &m);
}

static int saferevmap(int flag, cp_grant_id_t gr, vir_bytes addr, int *count)
{
	message m = { 0 };
	int r;

	m.m_safemap.flag = flag;
	m.m_safemap.gid = gr;
	m.m_safemap.address = addr;
	r = _kernel_call(SYS_SAFEREVMAP, &m);
	if (count)
		*count = r == OK ? m.m_safemap.count : 0;
	return r;
}

/* Granter: remove every mapping made from grant gr, through any chain. */
int sys_saferevmap_gid(cp_grant_id_t gr)
{
	return saferevmap(SAFEREVMAP_GID, gr, 0, NULL);
}

/* The same, and *count gets how many mappings were removed. */
int sys_saferevmap_gid_count(cp_grant_id_t gr, int *count)
{
	return saferevmap(SAFEREVMAP_GID, gr, 0, count);
}

/* Granter: remove every mapping of its own memory at addr. */
int sys_saferevmap_addr(vir_bytes addr)
{
	return saferevmap(SAFEREVMAP_ADDR, 0, addr, NULL);
}

/* Grantee: remove the mapping it made at my_address. */
int sys_safeunmap(vir_bytes my_address)
{
	message m = { 0 };

	m.m_safemap.address = my_address;
	return _kernel_call(SYS_SAFEUNMAP, &m);
}
