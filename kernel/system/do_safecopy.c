/* do_safecopy.c - SYS_SAFECOPYFROM and SYS_SAFECOPYTO: copy between the
 * caller's memory and [offset, offset+bytes) of a grant made to it.
 */
#include "../system.h"
#include "../grant.h"

static int safecopy(struct proc *caller, message *m, int to_granter)
{
	const mess_krn_safecopy *s = &m->m_safecopy;

	return grant_copy(caller, s->from_to, s->gid, s->offset, s->address,
	    s->bytes, to_granter);
}

int do_safecopyfrom(struct proc *caller, message *m) { return safecopy(caller, m, 0); }
int do_safecopyto(struct proc *caller, message *m) { return safecopy(caller, m, 1); }
