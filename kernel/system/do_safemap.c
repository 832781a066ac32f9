/* do_safemap.c - SYS_SAFEMAP: map granted pages into the caller. */
#include "../system.h"
#include "../grant.h"

int do_safemap(struct proc *caller, message *m)
{
	const mess_krn_safemap *s = &m->m_safemap;

	return grant_map(caller, s->ep, s->gid, s->offset, s->address, s->bytes, s->flag);
}
