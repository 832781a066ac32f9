/* do_safeunmap.c - SYS_SAFEUNMAP: the grantee removes its own mapping that
 * starts at `address`.
 */
#include "../system.h"
#include "../grant.h"

int do_safeunmap(struct proc *caller, message *m)
{
	return grant_unmap(caller, m->m_safemap.address);
}
