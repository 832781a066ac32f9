/* sys_vumap.c - SYS_VUMAP, SYS_VUMAP_RELEASE: physical ranges of granted
 * memory for DMA (drivers with the DMA privilege), and the end of the
 * frame holds that SYS_VUMAP takes.
 */
#include <minix/syslib.h>

/* vvec[0..vcount) are grants made by endpt, starting offset bytes into the
 * first one; access is VUA_READ and/or VUA_WRITE.  *pcount: in, room in
 * pvec; out, the number of physical ranges filled in. */
int sys_vumap(endpoint_t endpt, struct vumap_vir *vvec, int vcount,
	size_t offset, int access, struct vumap_phys *pvec, int *pcount)
{
	message m = { 0 };
	int r;

	m.m_vumap.endpt = endpt;
	m.m_vumap.vaddr = (vir_bytes)vvec;
	m.m_vumap.vcount = vcount;
	m.m_vumap.offset = (vir_bytes)offset;
	m.m_vumap.access = access;
	m.m_vumap.paddr = (vir_bytes)pvec;
	m.m_vumap.pmax = *pcount;
	r = _kernel_call(SYS_VUMAP, &m);
	if (r == OK)
		*pcount = m.m_vumap.pcount;
	return r;
}

/* Give back every hold passed on to us from a dead driver. */
int sys_vumap_release_from(endpoint_t dead)
{
	message m = { 0 };

	m.m_vumap_release.flags = VUMAP_RELEASE_FROM;
	m.m_vumap_release.from = dead;
	return _kernel_call(SYS_VUMAP_RELEASE, &m);
}

/* Give back the frames of pvec[0..pcount), as returned by sys_vumap(). */
int sys_vumap_release(struct vumap_phys *pvec, int pcount)
{
	message m = { 0 };

	m.m_vumap_release.paddr = (vir_bytes)pvec;
	m.m_vumap_release.pcount = pcount;
	return _kernel_call(SYS_VUMAP_RELEASE, &m);
}
