/* do_privctl.c - SYS_PRIVCTL: a manager sets the privileges of a process it
 * manages and lets it run.  SYS_PRIV_SET_SYS reads a struct priv_desc from
 * the caller (m_proc.arg_ptr), including the process's signal manager
 * (SELF: the caller; RS hands init to PM this way); SYS_PRIV_SET_USER
 * gives the ordinary user set (SENDREC to PM and VFS, no kernel calls).
 */
#include "../system.h"
#include "../memory.h"
#include "../kdiag.h"
#include "../iommu.h"

#define KNOWN_FLAGS (SYS_PROC | PREEMPTIBLE | MAGIC_GRANT | DMA_OK | SUPERVISED)

static int valid_desc(const struct priv_desc *d)
{
	int i;

	if ((d->pd_flags & ~KNOWN_FLAGS) || (d->pd_trap_mask & ~TRAPS_ALL) ||
	    d->pd_nr_io < 0 || d->pd_nr_io > NR_IO_RANGE ||
	    d->pd_nr_irq < 0 || d->pd_nr_irq > NR_IRQ_LINE ||
	    d->pd_nr_pci < 0 || d->pd_nr_pci > NR_PCI_ID)
		return 0;
	for (i = 0; i < d->pd_nr_io; i++)
		if (d->pd_io[i].ior_base > d->pd_io[i].ior_limit)
			return 0;
	for (i = 0; i < d->pd_nr_irq; i++)
		if (d->pd_irq[i] <= 0 || d->pd_irq[i] >= NR_IRQ_VECTORS)
			return 0;
	return 1;
}

/* Does the caller (privileges c) hold everything d gives?  If not, say
 * what it does not hold. */
static int within(struct proc *caller, const struct priv_desc *d, const struct priv_desc *c)
{
	int i, j;

	/* SUPERVISED is no right (it only tells the manager more). */
	if (d->pd_flags & ~c->pd_flags & ~SUPERVISED) {
		kdiag(caller, "SYS_PRIVCTL refused: flags 0x%x beyond its own",
		    d->pd_flags & ~c->pd_flags & ~SUPERVISED);
		return 0;
	}
	for (i = 0; i < NR_SYS_CALLS; i++)
		if (PD_ISSET(d->pd_call_mask, i) && !PD_ISSET(c->pd_call_mask, i)) {
			kdiag(caller, "SYS_PRIVCTL refused: %s beyond its own calls",
			    kcall_name(KERNEL_CALL + i));
			return 0;
		}
	for (i = 0; i < IPC_MASK_WORDS; i++)
		if (d->pd_ipc_to[i] & ~c->pd_ipc_to[i]) {
			kdiag(caller, "SYS_PRIVCTL refused: IPC targets beyond its own");
			return 0;
		}
	for (i = 0; i < d->pd_nr_io; i++) {
		for (j = 0; j < c->pd_nr_io; j++)
			if (d->pd_io[i].ior_base >= c->pd_io[j].ior_base &&
			    d->pd_io[i].ior_limit <= c->pd_io[j].ior_limit)
				break;
		if (j == c->pd_nr_io) {
			kdiag(caller, "SYS_PRIVCTL refused: ports 0x%x-0x%x beyond its own",
			    d->pd_io[i].ior_base, d->pd_io[i].ior_limit);
			return 0;
		}
	}
	for (i = 0; i < d->pd_nr_irq; i++) {
		for (j = 0; j < c->pd_nr_irq && c->pd_irq[j] != d->pd_irq[i]; j++)
			;
		if (j == c->pd_nr_irq) {
			kdiag(caller, "SYS_PRIVCTL refused: IRQ %d beyond its own", d->pd_irq[i]);
			return 0;
		}
	}
	return 1;
}

/* The new manager of p named by d: SELF is the caller; it must be live
 * and not p itself. */
static int new_manager(struct proc *caller, struct proc *p, struct priv_desc *d)
{
	struct proc *mgr;

	if (d->pd_sig_mgr == SELF)
		d->pd_sig_mgr = caller->p_endpoint;
	if (isokendpt(d->pd_sig_mgr, &mgr) != OK || mgr == p || iskernelp(mgr))
		return EINVAL;
	return OK;
}

int do_privctl(struct proc *caller, message *m)
{
	struct priv_desc d;
	struct proc *p;
	int r;

	if (!(p = managed_proc(caller, m->m_proc.endpt, &r)))
		return r;
	switch (m->m_proc.request) {
	case SYS_PRIV_ALLOW:
		proc_resume(p, RTS_NO_PRIV);
		return OK;
	case SYS_PRIV_DISALLOW:
		proc_stop(p, RTS_NO_PRIV);
		return OK;
	case SYS_PRIV_SET_SYS:
		if (copy_from_proc(caller, m->m_proc.arg_ptr, &d, sizeof(d)) != OK)
			return EFAULT;
		if (!valid_desc(&d) || new_manager(caller, p, &d) != OK)
			return EINVAL;
		if (!within(caller, &d, &priv(caller)->s_desc))
			return EPERM;
		priv(p)->s_desc = d;
		p->p_sig_mgr = d.pd_sig_mgr;
		return iommu_bind(p);
	case SYS_PRIV_SET_USER:
		memset(&d, 0, sizeof(d));
		d.pd_flags = PREEMPTIBLE;
		d.pd_trap_mask = TRAPS_USER;
		PD_SET(d.pd_ipc_to, PM_PROC_NR + NR_TASKS);
		PD_SET(d.pd_ipc_to, VFS_PROC_NR + NR_TASKS);
		d.pd_sig_mgr = p->p_sig_mgr;
		priv(p)->s_desc = d;
		return iommu_bind(p);
	}
	return EINVAL;
}
