/* sys_vsafecopy.c - SYS_VSAFECOPY: up to SCPVEC_NR safe copies in one call.
 * Each element has v_from or v_to equal to SELF; the other side is the
 * granter of v_gid.
 */
#include <minix/syslib.h>

/* As sys_vsafecopy(); *done gets how many elements completed before the
 * one that failed (count when the status is OK). */
int sys_vsafecopy_done(struct vscp_vec *vec, int count, int *done)
{
	message m = { 0 };
	int r;

	m.m_vsafecopy.vec_addr = (vir_bytes)vec;
	m.m_vsafecopy.vec_size = count;
	r = _kernel_call(SYS_VSAFECOPY, &m);
	if (done)
		*done = m.m_vsafecopy.done;
	return r;
}

int sys_vsafecopy(struct vscp_vec *vec, int count)
{
	return sys_vsafecopy_done(vec, count, NULL);
}
