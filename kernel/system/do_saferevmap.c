/* do_saferevmap.c - SYS_SAFEREVMAP: the granter removes every mapping made
 * from one of its grants (by ID, including through indirect grants derived
 * from it) or of its memory at an address.  count = mappings removed.
 */
#include "../system.h"
#include "../grant.h"

int do_saferevmap(struct proc *caller, message *m)
{
	mess_krn_safemap *s = &m->m_safemap;
	int n;

	switch (s->flag) {
	case SAFEREVMAP_GID: n = grant_revmap_gid(caller, s->gid); break;
	case SAFEREVMAP_ADDR: n = grant_revmap_addr(caller, s->address); break;
	default: return EINVAL;
	}
	if (n < 0)
		return n;
	s->count = n;
	return OK;
}
