/* pci.h - the kernel's PCI configuration access (kernel/pci.c). */
#ifndef PCI_H
#define PCI_H

#include "kernel.h"

/* The 32-bit register reg of function bdf (bus << 8 | dev << 3 | fn). */
uint32_t pci_cfg_read(int bdf, int reg);

/* The next present function after bdf (-1 to start), or -1 at the end;
 * *id gets its vendor << 16 | device, as pd_pci holds them. */
int pci_next(int bdf, uint32_t *id);

/* OK if [pa, pa+len) lies in one memory BAR (above USER_BASE) of a PCI
 * device pd names, else EPERM. */
int pci_mem_allowed(const struct priv_desc *pd, phys_bytes pa, size_t len);
#endif
