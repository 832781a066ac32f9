/* sys_safememset.c - SYS_SAFEMEMSET: fill granted memory with a byte.
 *
 * The kernel's reply is the request as it carried it out, so it says how
 * many bytes were set.  If a fault changed the count on the way from the
 * caller (a flipped argument, a count loaded from the wrong place), that
 * is where the truth is: sys_safememset_done() gives it to a driver that
 * answers for it (the memory driver's /dev/zero: a short read, never
 * bytes left unfilled), and sys_safememset() fails with EFAULT when it is
 * not the count it was asked for.  A reader of /dev/zero could not tell a
 * short fill from its own old bytes.
 */
#include <minix/syslib.h>

int sys_safememset_done(endpoint_t dst_e, cp_grant_id_t gr, vir_bytes offset,
	int pattern, size_t bytes, size_t *done)
{
	message m = { 0 };
	int r;

	m.m_safememset.ep = dst_e;
	m.m_safememset.gid = gr;
	m.m_safememset.offset = offset;
	m.m_safememset.pattern = pattern;
	m.m_safememset.bytes = (vir_bytes)bytes;
	r = _kernel_call(SYS_SAFEMEMSET, &m);
	*done = r == OK ? (size_t)m.m_safememset.bytes : 0;
	return r;
}

int sys_safememset(endpoint_t dst_e, cp_grant_id_t gr, vir_bytes offset,
	int pattern, size_t bytes)
{
	size_t done;
	int r = sys_safememset_done(dst_e, gr, offset, pattern, bytes, &done);

	return r == OK && done != bytes ? EFAULT : r;
}
