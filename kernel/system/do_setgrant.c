/* do_setgrant.c - SYS_SETGRANT: register (or with size 0, drop) the
 * caller's grant table.  The kernel keeps only the address and the size;
 * entries are read from the caller's memory at every check.
 */
#include "../system.h"
#include "../memory.h"

int do_setgrant(struct proc *caller, message *m)
{
	vir_bytes addr = m->m_setgrant.addr;
	int size = m->m_setgrant.size;

	if (size < 0 || size > GRANT_MAX_IDX + 1)
		return EINVAL;
	if (size > 0 && !user_range_ok(addr, (vir_bytes)size * sizeof(cp_grant_t)))
		return EFAULT;
	priv(caller)->s_grant_table = size ? addr : 0;
	priv(caller)->s_grant_entries = size;
	return OK;
}
