/* do_vmctl.c - SYS_VMCTL: add zeroed pages to, or remove pages from, the
 * caller or a process it manages (the heap behind sbrk; later PM's brk);
 * physically contiguous pages (alloc_contig); device memory (vm_map_phys).
 */
#include "../system.h"
#include "../memory.h"
#include "../kdiag.h"
#include "../pci.h"

/* alloc_contig(): len bytes of physically contiguous frames, mapped
 * writable at addr (unmapped before), the first frame's address in
 * m_vmctl.phys.  AC_LOWER16M / AC_LOWER1M bound the frames, AC_ALIGN64K
 * aligns the first; needs the DMA privilege (EPERM), as anything that
 * hands out physical addresses. */
static int alloc_contig(struct proc *caller, struct proc *p, message *m)
{
	mess_krn_vmctl *s = &m->m_vmctl;
	phys_bytes below = USER_BASE, align = PAGE_SIZE, pa;
	unsigned i, n = s->len / PAGE_SIZE;
	int r;

	if (!(priv(caller)->s_desc.pd_flags & DMA_OK))
		return EPERM;
	if (s->flags & ~(AC_ALIGN4K | AC_LOWER16M | AC_ALIGN64K | AC_LOWER1M))
		return EINVAL;
	if (s->flags & AC_LOWER16M)
		below = 16u << 20;
	if (s->flags & AC_LOWER1M)
		below = 1u << 20;
	if (s->flags & AC_ALIGN64K)
		align = 64u << 10;
	for (i = 0; i < n; i++) {
		uint32_t *pte = as_pte(p, s->addr + i * PAGE_SIZE);
		if (pte && (*pte & PTE_P))
			return EEXIST;
	}
	if (!(pa = frames_take_contig(n, below, align)))
		return ENOMEM;
	for (i = 0; i < n; i++) {
		if ((r = as_map_page(p, s->addr + i * PAGE_SIZE, pa + i * PAGE_SIZE, PTE_W)) != OK) {
			/* Undo: the pages mapped so far, then the frames left. */
			while (i < n)
				frame_unref(pa + i++ * PAGE_SIZE);
			for (i = 0; i * PAGE_SIZE < s->len; i++) {
				uint32_t *pte = as_pte(p, s->addr + i * PAGE_SIZE);
				if (pte && (*pte & PTE_P) && (*pte & PAGE_MASK) == pa + i * PAGE_SIZE) {
					*pte = 0;
					frame_unref(pa + i * PAGE_SIZE);
					if (p->p_cr3 == read_cr3())
						invlpg(s->addr + i * PAGE_SIZE);
				}
			}
			return r;
		}
	}
	s->phys = pa;
	return OK;
}

/* vm_map_phys(): the device memory [phys, phys+len) at addr (unmapped
 * before), uncached, writable; only inside one memory BAR of a PCI device
 * p's .conf names (EPERM and a kdiag line otherwise).  No frame: the
 * pages carry PTE_DEV and every frame path passes them by. */
static int map_phys(struct proc *caller, struct proc *p, const mess_krn_vmctl *s)
{
	vir_bytes i;
	int r;

	if (s->phys & ~PAGE_MASK)
		return EINVAL;
	if (pci_mem_allowed(&priv(p)->s_desc, s->phys, s->len) != OK) {
		kdiag(caller, "vm_map_phys of 0x%x (%u bytes) for %d refused: not in a memory BAR of a device in its .conf",
		    (unsigned)s->phys, (unsigned)s->len, p->p_endpoint);
		return EPERM;
	}
	for (i = 0; i < s->len; i += PAGE_SIZE) {
		uint32_t *pte = as_pte(p, s->addr + i);
		if (pte && (*pte & PTE_P))
			return EEXIST;
	}
	for (i = 0; i < s->len; i += PAGE_SIZE)
		if ((r = as_map_page(p, s->addr + i, s->phys + i,
		    PTE_W | PTE_DEV | PTE_PWT)) != OK) {
			while (i) { /* undo: no frame to give back */
				i -= PAGE_SIZE;
				*as_pte(p, s->addr + i) = 0;
			}
			if (p->p_cr3 == read_cr3())
				write_cr3(read_cr3());
			return r;
		}
	return OK;
}

/* vm_unmap_phys(): every page of the range must be a device page
 * (EFAULT, nothing changed, otherwise). */
static int unmap_phys(struct proc *p, vir_bytes addr, vir_bytes len)
{
	vir_bytes va;

	for (va = addr; va < addr + len; va += PAGE_SIZE) {
		uint32_t *pte = as_pte(p, va);
		if (!pte || (*pte & (PTE_P | PTE_DEV)) != (PTE_P | PTE_DEV))
			return EFAULT;
	}
	for (va = addr; va < addr + len; va += PAGE_SIZE) {
		*as_pte(p, va) = 0;
		if (p->p_cr3 == read_cr3())
			invlpg(va);
	}
	return OK;
}

int do_vmctl(struct proc *caller, message *m)
{
	const mess_krn_vmctl *s = &m->m_vmctl;
	vir_bytes va, end = s->addr + s->len;
	struct proc *p = caller;
	unsigned nfree, total;
	int r;

	if (s->endpt != SELF && s->endpt != caller->p_endpoint &&
	    !(p = managed_proc(caller, s->endpt, &r)))
		return r;
	if (((s->addr | s->len) & ~PAGE_MASK) || s->len == 0 || !user_range_ok(s->addr, s->len))
		return EINVAL;
	switch (s->request) {
	case VMCTL_ALLOC:
		/* Enough frames for the pages and their page tables, or nothing. */
		frames_count(&nfree, &total);
		if (s->len / PAGE_SIZE + s->len / (1024 * PAGE_SIZE) + 2 > nfree)
			return ENOMEM;
		return as_alloc_range(p, s->addr, s->len, 1);
	case VMCTL_ALLOC_CONTIG:
		return alloc_contig(caller, p, m);
	case VMCTL_MAP_PHYS:
		return map_phys(caller, p, s);
	case VMCTL_UNMAP_PHYS:
		return unmap_phys(p, s->addr, s->len);
	case VMCTL_FREE:
		for (va = s->addr; va < end; va += PAGE_SIZE) {
			uint32_t *pte = as_pte(p, va);
			if (pte && (*pte & PTE_MAPPED))
				return EINVAL; /* a grant mapping: SYS_SAFEUNMAP it */
		}
		for (va = s->addr; va < end; va += PAGE_SIZE) {
			uint32_t *pte = as_pte(p, va);
			if (!pte || !(*pte & PTE_P))
				continue;
			if (!(*pte & PTE_DEV)) /* a device page has no frame */
				frame_unref(*pte & PAGE_MASK);
			*pte = 0;
			if (p->p_cr3 == read_cr3())
				invlpg(va);
		}
		return OK;
	}
	return EINVAL;
}
