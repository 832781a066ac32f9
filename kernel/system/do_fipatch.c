/* do_fipatch.c - SYS_FIPATCH: fault injection's access to a process the
 * caller manages (RS: its services).  FIPATCH_READ copies bytes of the
 * target to the caller; FIPATCH_WRITE patches them, read-only text
 * included, in the target's own copy of each page: a frame the target
 * shares copy-on-write (a fork) is copied first (as_unshare), so no other
 * process sees the change, and the page keeps its protection.  A page the
 * target has mapped from another process (safemap) is refused: it is not
 * the target's memory.  Everything is checked before a byte changes.
 * docs/fault-injection.md; the privilege is in RS's set, and no .conf can
 * name it (servers/rs/conf.c).
 */
#include "../system.h"
#include "../memory.h"
#include "../kdiag.h"

static int fip_write(struct proc *caller, struct proc *p, vir_bytes addr,
	vir_bytes buf, size_t n)
{
	uint8_t data[FIPATCH_WRITE_MAX];
	vir_bytes va, end = addr + n;
	size_t done;

	if (copy_from_proc(caller, buf, data, n) != OK)
		return EFAULT;
	for (va = addr & PAGE_MASK; va < end; va += PAGE_SIZE) {
		uint32_t *pte = as_pte(p, va);
		if (!pte || !(*pte & PTE_P)) {
			kdiag(caller, "SYS_FIPATCH refused: 0x%x not mapped in %d",
			    (unsigned)va, p->p_endpoint);
			return EFAULT;
		}
		if (*pte & (PTE_MAPPED | PTE_DEV)) {
			kdiag(caller, "SYS_FIPATCH refused: 0x%x in %d is mapped from %s",
			    (unsigned)va, p->p_endpoint,
			    (*pte & PTE_DEV) ? "a device" : "another process");
			return EPERM;
		}
	}
	/* The target's own frames (copies of copy-on-write ones). */
	for (va = addr & PAGE_MASK; va < end; va += PAGE_SIZE)
		if (!as_unshare(p, va))
			return ENOMEM;
	for (va = addr, done = 0; done < n; ) {
		uint32_t pte = *as_pte(p, va);
		size_t chunk = PAGE_SIZE - (va & ~PAGE_MASK);
		if (chunk > n - done)
			chunk = n - done;
		memcpy((void *)((pte & PAGE_MASK) | (va & ~PAGE_MASK)), data + done, chunk);
		va += chunk, done += chunk;
	}
	return OK;
}

int do_fipatch(struct proc *caller, message *m)
{
	const mess_krn_fipatch *f = &m->m_fipatch;
	struct proc *p;
	int r;

	if (!(p = managed_proc(caller, f->endpt, &r))) {
		kdiag(caller, "SYS_FIPATCH refused: endpoint %d is not a process it manages",
		    f->endpt);
		return r;
	}
	if (p == caller) {
		kdiag(caller, "SYS_FIPATCH refused: not on itself");
		return EPERM;
	}
	if (f->bytes == 0 || !user_range_ok(f->addr, f->bytes)) {
		kdiag(caller, "SYS_FIPATCH refused: bad range 0x%x+%u", (unsigned)f->addr,
		    (unsigned)f->bytes);
		return EINVAL;
	}
	switch (f->op) {
	case FIPATCH_READ:
		if (f->bytes > FIPATCH_READ_MAX)
			break;
		return vir_copy(p, f->addr, caller, f->buf, f->bytes);
	case FIPATCH_WRITE:
		if (f->bytes > FIPATCH_WRITE_MAX)
			break;
		return fip_write(caller, p, f->addr, f->buf, f->bytes);
	default:
		kdiag(caller, "SYS_FIPATCH refused: unknown op %d", f->op);
		return EINVAL;
	}
	kdiag(caller, "SYS_FIPATCH refused: %u bytes is more than op %d allows",
	    (unsigned)f->bytes, f->op);
	return EINVAL;
}
