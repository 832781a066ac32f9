/* do_umap.c - SYS_UMAP (MINIX's sys_umap): the physical address of a
 * range of the caller's memory (or of a process it manages), for a driver
 * that programs a device with it.  Only VM_D (virtual data addresses) is
 * taken.  The range must be mapped and physically contiguous; unlike
 * SYS_VUMAP nothing is held, so the driver keeps the memory mapped for as
 * long as the device uses it.  Needs the DMA privilege, as SYS_VUMAP.
 */
#include "../system.h"
#include <minix/const.h>
#include "../memory.h"

/* A page the device may write: a copy-on-write page gets its own frame
 * first; a read-only one is taken as it is. */
static int umap_page(struct proc *p, vir_bytes va, phys_bytes *pa)
{
	if (as_translate(p, va, 1, pa) == OK)
		return OK;
	return as_translate(p, va, 0, pa);
}

int do_umap(struct proc *caller, message *m)
{
	mess_krn_umap *u = &m->m_umap;
	struct proc *p = caller;
	phys_bytes first, pa;
	vir_bytes va, end;
	int r;

	if (!(priv(caller)->s_desc.pd_flags & DMA_OK))
		return EPERM;
	if (u->endpt != SELF && u->endpt != caller->p_endpoint &&
	    !(p = managed_proc(caller, u->endpt, &r)))
		return r;
	if (u->seg != VM_D || u->bytes == 0)
		return EINVAL;
	if (!user_range_ok(u->vir_addr, u->bytes))
		return EFAULT;
	if (umap_page(p, u->vir_addr, &first) != OK)
		return EFAULT;
	/* Every further page must follow the first one physically. */
	end = u->vir_addr + u->bytes;
	for (va = (u->vir_addr & PAGE_MASK) + PAGE_SIZE; va < end; va += PAGE_SIZE) {
		if (umap_page(p, va, &pa) != OK)
			return EFAULT;
		if (pa != (first & PAGE_MASK) + (va - (u->vir_addr & PAGE_MASK)))
			return EFAULT;
	}
	u->phys = first;
	return OK;
}
