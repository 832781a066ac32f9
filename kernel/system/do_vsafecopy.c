/* do_vsafecopy.c - SYS_VSAFECOPY: up to SCPVEC_NR safecopies in one call,
 * done in order; the reply's `done` says how many succeeded before the
 * first failure, whose error is returned.
 */
#include "../system.h"
#include "../memory.h"
#include "../grant.h"

int do_vsafecopy(struct proc *caller, message *m)
{
	struct vscp_vec vec[SCPVEC_NR];
	int count = m->m_vsafecopy.vec_size, i, r;

	m->m_vsafecopy.done = 0;
	if (count < 0 || count > SCPVEC_NR)
		return EINVAL;
	if (count == 0)
		return OK;	/* whatever the vector's address */
	if (copy_from_proc(caller, m->m_vsafecopy.vec_addr, vec,
	    (size_t)count * sizeof(vec[0])) != OK)
		return EFAULT;
	for (i = 0; i < count; i++) {
		const struct vscp_vec *v = &vec[i];
		int from_me = v->v_from == SELF || v->v_from == caller->p_endpoint;
		int to_me = v->v_to == SELF || v->v_to == caller->p_endpoint;

		if (from_me == to_me)
			r = EINVAL; /* exactly one side must be the caller */
		else
			r = grant_copy(caller, from_me ? v->v_to : v->v_from, v->v_gid,
			    v->v_offset, v->v_addr, v->v_bytes, from_me);
		if (r != OK)
			return r;
		m->m_vsafecopy.done = i + 1;
	}
	return OK;
}
