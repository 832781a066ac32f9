/* do_vmctl.c - SYS_VMCTL: add zeroed pages to, or remove pages from, the
 * caller or a process it manages (the heap behind sbrk; later PM's brk).
 */
#include "../system.h"
#include "../memory.h"

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
			frame_unref(*pte & PAGE_MASK);
			*pte = 0;
			if (p->p_cr3 == read_cr3())
				invlpg(va);
		}
		return OK;
	}
	return EINVAL;
}
