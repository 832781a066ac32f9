/* pci.c - the kernel's own access to PCI configuration space
 * (configuration mechanism 1, ports 0xCF8/0xCFC): the walk over the
 * functions there are (the IOMMU's devices, kernel/iommu.c), and which
 * physical ranges a driver may map (vm_map_phys): the memory BARs of the
 * PCI devices its .conf names ("pci device", pd_pci), as in MINIX, where
 * the PCI server gives a driver its devices' BARs.
 *
 * The BARs are read and sized when a mapping is asked for (configuration
 * mechanism 1, ports 0xCF8/0xCFC): one CPU and the kernel not preempted,
 * so no access to the BAR can come between the sizing write and the
 * restore; memory decoding is off meanwhile.  Only BARs wholly inside
 * [USER_BASE, 4 GiB) count: the RAM the kernel manages and the kernel's
 * own memory lie below USER_BASE, so no RAM frame is ever mapped this
 * way (docs/kernel.md, "Device memory mappings").
 */
#include "kernel.h"
#include "memory.h"
#include "pci.h"

#define CFG_ADDR 0xcf8
#define CFG_DATA 0xcfc

uint32_t pci_cfg_read(int bdf, int reg)
{
	uint32_t saved = inl(CFG_ADDR), v;   /* a driver may be between its two accesses */

	outl(CFG_ADDR, 0x80000000u | (uint32_t)bdf << 8 | (uint32_t)reg);
	v = inl(CFG_DATA);
	outl(CFG_ADDR, saved);
	return v;
}

static void cfg_wr(int bdf, int reg, uint32_t v)
{
	uint32_t saved = inl(CFG_ADDR);

	outl(CFG_ADDR, 0x80000000u | (uint32_t)bdf << 8 | (uint32_t)reg);
	outl(CFG_DATA, v);
	outl(CFG_ADDR, saved);
}

static int present(int bdf, uint32_t *id)
{
	*id = pci_cfg_read(bdf, 0);
	return *id != 0xffffffffu && (*id & 0xffff) != 0xffff;
}

int pci_next(int bdf, uint32_t *id)
{
	uint32_t id0;

	for (bdf++; bdf < 0x10000; bdf++) {
		/* functions 1-7 only behind a multi-function function 0 */
		if ((bdf & 7) != 0 && (!present(bdf & ~7, &id0) ||
		    !(pci_cfg_read(bdf & ~7, 0xc) & 0x800000))) {
			bdf |= 7;
			continue;
		}
		if (present(bdf, id)) {
			*id = (*id & 0xffff) << 16 | *id >> 16;
			return bdf;
		}
		if ((bdf & 7) == 0)
			bdf |= 7;
	}
	return -1;
}

/* Is [pa, pa+len) inside memory BAR reg of function bdf? */
static int bar_holds(int bdf, int reg, phys_bytes pa, size_t len, int *is64)
{
	uint32_t bar = pci_cfg_read(bdf, reg), cmd, mask, size, hi = 0;

	*is64 = 0;
	if (bar & 1)
		return 0;                       /* I/O BAR */
	*is64 = (bar & 6) == 4;
	if (*is64)
		hi = pci_cfg_read(bdf, reg + 4);
	cmd = pci_cfg_read(bdf, 4) & 0xffff;          /* status (RW1C) written as 0 */
	cfg_wr(bdf, 4, cmd & ~2u);              /* memory decoding off */
	cfg_wr(bdf, reg, 0xffffffffu);
	mask = pci_cfg_read(bdf, reg);
	cfg_wr(bdf, reg, bar);
	cfg_wr(bdf, 4, cmd);
	mask &= ~15u;
	if (!mask || hi)
		return 0;                       /* unimplemented, or above 4 GiB */
	size = ~mask + 1;
	bar &= ~15u;
	if (bar < USER_BASE || bar + (uint64_t)size > 0x100000000ull)
		return 0;
	return pa >= bar && (uint64_t)pa + len <= (uint64_t)bar + size;
}

/* OK if [pa, pa+len) lies in one memory BAR of a device pd names. */
int pci_mem_allowed(const struct priv_desc *pd, phys_bytes pa, size_t len)
{
	int bdf = -1, k, reg, is64;
	uint32_t id;

	while ((bdf = pci_next(bdf, &id)) >= 0) {
		if ((pci_cfg_read(bdf, 0xc) & 0x7f0000) != 0)
			continue;       /* bridges: not a driver's BARs */
		for (k = 0; k < pd->pd_nr_pci && k < NR_PCI_ID; k++)
			if (pd->pd_pci[k] == id)
				break;
		if (k == pd->pd_nr_pci || k == NR_PCI_ID)
			continue;
		for (reg = 0x10; reg <= 0x24; reg += is64 ? 8 : 4)
			if (bar_holds(bdf, reg, pa, len, &is64))
				return OK;
	}
	return EPERM;
}
