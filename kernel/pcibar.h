/* pcibar.h - the physical ranges a driver may map (kernel/pcibar.c). */
#ifndef PCIBAR_H
#define PCIBAR_H

#include "kernel.h"

/* OK if [pa, pa+len) lies in one memory BAR (above USER_BASE) of a PCI
 * device pd names, else EPERM. */
int pci_mem_allowed(const struct priv_desc *pd, phys_bytes pa, size_t len);
#endif
