/* do_vumap.c - SYS_VUMAP: physical ranges of granted memory for DMA, for
 * drivers with the DMA privilege; every page handed out is held until
 * SYS_VUMAP_RELEASE or the driver's exit.  SYS_VUMAP_RELEASE is in this
 * file too: the two calls are one protocol.
 */
#include "../system.h"
#include "../memory.h"
#include "../grant.h"

int do_vumap(struct proc *caller, message *m)
{
	mess_krn_vumap *s = &m->m_vumap;
	struct vumap_vir v[SCPVEC_NR];
	struct vumap_phys p[SCPVEC_NR];
	int r, n;

	if (!(priv(caller)->s_desc.pd_flags & DMA_OK))
		return EPERM;
	if (s->vcount <= 0 || s->vcount > SCPVEC_NR || s->pmax <= 0 ||
	    s->access == 0 || (s->access & ~(VUA_READ | VUA_WRITE)))
		return EINVAL;
	if (s->pmax > SCPVEC_NR)
		s->pmax = SCPVEC_NR;
	if (copy_from_proc(caller, s->vaddr, v, (size_t)s->vcount * sizeof(v[0])) != OK ||
	    user_writable(caller, s->paddr, (size_t)s->pmax * sizeof(p[0])) != OK)
		return EFAULT;
	r = grant_vumap(caller, s->endpt, v, s->vcount, s->offset, s->access, p,
	    s->pmax, &n);
	if (r != OK)
		return r;
	s->pcount = n;
	return copy_to_proc(caller, s->paddr, p, (size_t)n * sizeof(p[0]));
}

int do_vumap_release(struct proc *caller, message *m)
{
	struct vumap_phys p[SCPVEC_NR];
	int n = m->m_vumap_release.pcount;

	if (m->m_vumap_release.flags == VUMAP_RELEASE_FROM && n == 0)
		return grant_release_from(caller, m->m_vumap_release.from);
	if (m->m_vumap_release.flags || n <= 0 || n > SCPVEC_NR)
		return EINVAL;
	if (copy_from_proc(caller, m->m_vumap_release.paddr, p, (size_t)n * sizeof(p[0])) != OK)
		return EFAULT;
	return grant_vumap_release(caller, p, n);
}
