/* do_vircopy.c - SYS_VIRCOPY: copy between the memory of two processes
 * (SELF allowed on either side).  For PM and VFS, which fetch path names
 * and build argument blocks; everyone else uses grants.
 */
#include "../system.h"
#include "../memory.h"

static int who(struct proc *caller, endpoint_t e, struct proc **pp)
{
	if (e == SELF) {
		*pp = caller;
		return OK;
	}
	if (isokendpt(e, pp) != OK || iskernelp(*pp))
		return EINVAL;
	return OK;
}

int do_vircopy(struct proc *caller, message *m)
{
	const mess_krn_vircopy *v = &m->m_vircopy;
	struct proc *sp, *dp;

	if (who(caller, v->src_ep, &sp) != OK || who(caller, v->dst_ep, &dp) != OK)
		return EINVAL;
	if (v->bytes == 0)
		return OK;
	return vir_copy(sp, v->src_addr, dp, v->dst_addr, v->bytes);
}
