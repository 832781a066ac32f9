/* iommu.h - VT-d DMA remapping that follows the drivers' vumap holds
 * (kernel/iommu.c).  Without an IOMMU every call is a no-op.
 */
#ifndef IOMMU_H
#define IOMMU_H

#include "proc.h"

extern int iommu_active;

void iommu_init(void);
int iommu_bind(struct proc *p);          /* privileges set: its pd_pci devices */
void iommu_unbind(struct proc *p);       /* gone: devices blocked, tables freed */
int iommu_hold(struct proc *p, phys_bytes pa, int writable);
void iommu_unhold(struct proc *p, phys_bytes pa);
void iommu_flush(struct proc *p);        /* IOTLB, after unholds, before reuse */
void iommu_poll_faults(void);

/* At every interrupt: the fault records, only with an IOMMU. */
static inline void iommu_poll(void)
{
	if (iommu_active)
		iommu_poll_faults();
}

#endif
