/* do_safememset.c - SYS_SAFEMEMSET: fill granted memory (write access). */
#include "../system.h"
#include "../grant.h"

int do_safememset(struct proc *caller, message *m)
{
	const mess_krn_safememset *s = &m->m_safememset;

	return grant_memset(caller, s->ep, s->gid, s->offset, s->pattern, s->bytes);
}
