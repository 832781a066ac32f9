/* iommu.c - Intel VT-d DMA remapping: each driver's PCI devices reach only
 * the frames the driver holds through SYS_VUMAP (docs/kernel.md, "The
 * IOMMU").
 *
 * At boot the kernel looks for ACPI's DMAR table (RSDP, RSDT); with one
 * (QEMU's q35 machine with -device intel-iommu: make run IOMMU=1) and
 * without "iommu=off" on its command line, it takes the first DRHD unit,
 * records the PCI functions there are, and turns translation on with an
 * empty root table: from then on no device can reach any memory.
 *
 * A driver's devices are the functions whose vendor/device ID its .conf
 * names ("pci device", RS passes them as pd_pci in SYS_PRIVCTL): each such
 * function's context entry points at the driver's domain (domain ID =
 * process slot + 1), whose second-level page tables map, at IOVA ==
 * physical address, exactly the frames of its DMA holds (grant.c): a frame
 * is mapped at its first hold, unmapped at its last release (or when its
 * holds are dropped at exec and exit), and the IOTLB is invalidated before
 * grant.c lets a released frame go.  At exit the driver's functions are
 * blocked again before its tables are freed.  A device no driver claims
 * keeps a not-present context entry: all its DMA faults.  The number of
 * holds of a frame is kept in the PTE's ignored bits 52-61.
 *
 * Faults: the fault recording registers are polled at every interrupt
 * (the clock's included), before the interrupt reaches a driver, so a
 * driver whose device faulted is killed (SIGBUS, reported to RS, which
 * restarts it) before it hears of the command's completion.  Register-
 * based invalidation only (no queued invalidation, no interrupt
 * remapping).
 *
 * Entry points: iommu_init, iommu_bind, iommu_unbind, iommu_hold,
 * iommu_unhold, iommu_flush, iommu_poll_faults.
 */
#include <signal.h>
#include "proc.h"
#include "memory.h"
#include "exec.h"
#include "iommu.h"
#include "pci.h"

/* Registers (VT-d specification, chapter 11). */
#define R_VER     0x00
#define R_CAP     0x08
#define R_ECAP    0x10
#define R_GCMD    0x18
#define R_GSTS    0x1c
#define R_RTADDR  0x20
#define R_CCMD    0x28
#define R_FSTS    0x34
#define R_FECTL   0x38

#define GS_TE     (1u << 31)   /* translation enabled */
#define GS_RTPS   (1u << 30)   /* root table pointer set */
#define GS_KEEP   0x96800000u  /* TE QIES IRES CFIS: the GCMD bits that stay */
#define FS_PFO    0x01
#define FS_PPF    0x02

#define SL_R     1u
#define SL_W     2u
#define CNT_SHIFT 20           /* in the high word: bits 52-61 of the PTE */
#define CNT_MAX   0x3ffu

#define MAX_DEVS  64

int iommu_active;
static volatile uint8_t *regs;
static uint32_t frcd_off, nr_frcd, iotlb_off;
static uint32_t (*root)[4];          /* 256 root entries of 128 bits */
static uint32_t (*ctx[256])[4];      /* each bus's context table */

struct dev {
	uint16_t bdf;                /* bus << 8 | dev << 3 | fn: the source ID */
	uint32_t id;                 /* vendor << 16 | device */
	int slot;                    /* the driver's process slot, or -1 */
};
static struct dev devs[MAX_DEVS];
static int nr_devs;

struct domain {
	uint32_t *l3;                /* 3-level tables (39-bit), NULL if none */
	int dirty;                   /* entries gone since the last invalidation */
};
static struct domain dom[NR_SLOTS];

static uint32_t rd32(uint32_t off) { return *(volatile uint32_t *)(regs + off); }
static void wr32(uint32_t off, uint32_t v) { *(volatile uint32_t *)(regs + off) = v; }

/* ---- finding the unit: ACPI ---- */

static int phys_ok(phys_bytes pa, uint32_t len)
{
	const uint32_t *pd = (const uint32_t *)loaded_cr3;

	return pa >= 0x1000 && pa + len > pa && pa + len <= USER_BASE &&
	    (pd[pa >> 22] & PTE_P) && (pd[(pa + len - 1) >> 22] & PTE_P);
}

static int sum8(const uint8_t *p, uint32_t n)
{
	uint8_t s = 0;

	while (n--)
		s += *p++;
	return s;
}

static const uint8_t *find_rsdp_in(phys_bytes from, phys_bytes to)
{
	for (; from + 20 <= to; from += 16)
		if (!memcmp((const void *)from, "RSD PTR ", 8) && !sum8((const uint8_t *)from, 20))
			return (const uint8_t *)from;
	return NULL;
}

/* The DMAR table's first DRHD register base, or 0. */
static phys_bytes find_drhd(void)
{
	const uint8_t *rsdp, *rsdt, *t;
	uint32_t i, n, len, off;

	/* The BIOS area only (SeaBIOS puts it there; the EBDA pointer is in
	 * page 0, which the kernel leaves unmapped). */
	if (!(rsdp = find_rsdp_in(0xe0000, 0x100000)))
		return 0;
	rsdt = (const uint8_t *)*(const uint32_t *)(rsdp + 16);
	if (!phys_ok((phys_bytes)rsdt, 36) || memcmp(rsdt, "RSDT", 4))
		return 0;
	len = *(const uint32_t *)(rsdt + 4);
	if (len < 36 || !phys_ok((phys_bytes)rsdt, len))
		return 0;
	n = (len - 36) / 4;
	for (i = 0; i < n; i++) {
		t = (const uint8_t *)((const uint32_t *)(rsdt + 36))[i];
		if (!phys_ok((phys_bytes)t, 48) || memcmp(t, "DMAR", 4))
			continue;
		len = *(const uint32_t *)(t + 4);
		if (!phys_ok((phys_bytes)t, len) || sum8(t, len))
			return 0;
		for (off = 48; off + 16 <= len; off += *(const uint16_t *)(t + off + 2)) {
			if (*(const uint16_t *)(t + off + 2) < 4)
				return 0;
			if (*(const uint16_t *)(t + off) == 0)     /* DRHD */
				return (phys_bytes)*(const uint32_t *)(t + off + 8);
		}
	}
	return 0;
}

/* ---- PCI: the functions there are ---- */

static void pci_scan(void)
{
	int bdf = -1;
	uint32_t id;

	while ((bdf = pci_next(bdf, &id)) >= 0 && nr_devs < MAX_DEVS)
		devs[nr_devs++] = (struct dev){ (uint16_t)bdf, id, -1 };
}

/* ---- invalidation ---- */

static void wait_clear(uint32_t off, uint32_t bit, const char *what)
{
	int n;

	for (n = 0; rd32(off) & bit; n++)
		if (n > 10000000)
			panic("iommu: %s does not complete", what);
}

/* Context cache, globally (after a context entry changed). */
static void inval_context(void)
{
	wr32(R_CCMD, 0);
	wr32(R_CCMD + 4, 0x80000000u | 1u << 29);    /* ICC, CIRG = global */
	wait_clear(R_CCMD + 4, 0x80000000u, "context invalidation");
}

/* The IOTLB of domain did (0: all), paging-structure caches included. */
static void inval_iotlb(int did)
{
	wr32(iotlb_off + 8, 0);
	wr32(iotlb_off + 12, 0x80000000u | (did ? 2u << 28 | (uint32_t)did : 1u << 28) |
	    3u << 16);                               /* IVT, IIRG, DR DW */
	wait_clear(iotlb_off + 12, 0x80000000u, "IOTLB invalidation");
}

static void gcmd(uint32_t bit, uint32_t on)
{
	uint32_t s = rd32(R_GSTS) & GS_KEEP;

	wr32(R_GCMD, on ? s | bit : s & ~bit);
	for (int n = 0; !(rd32(R_GSTS) & bit) != !on; n++)
		if (n > 10000000)
			panic("iommu: GSTS bit %x does not follow", bit);
}

/* ---- boot ---- */

void iommu_init(void)
{
	phys_bytes base;
	uint32_t cap_lo, cap_hi, ecap;

	if (strstr_k(kernel_cmdline, "iommu=off") || !(base = find_drhd()))
		return;
	if (!(regs = kmap_mmio(base))) {
		kprintf("kernel: iommu: no window for the registers at %p\n", base);
		return;
	}
	cap_lo = rd32(R_CAP), cap_hi = rd32(R_CAP + 4), ecap = rd32(R_ECAP);
	if (!(cap_lo & (1u << 9)) ||                   /* SAGAW: 3-level */
	    NR_SLOTS + 1 > 1 << (4 + 2 * (cap_lo & 7))) {  /* ND: a domain a slot */
		kprintf("kernel: iommu: no 3-level tables or too few domains (CAP %x%08x): off\n",
		    cap_hi, cap_lo);
		return;
	}
	frcd_off = ((cap_hi & 0x3) << 8 | cap_lo >> 24) * 16;   /* CAP.FRO */
	nr_frcd = ((cap_hi >> 8) & 0xff) + 1;                   /* CAP.NFR */
	iotlb_off = ((ecap >> 8) & 0x3ff) * 16;                 /* ECAP.IRO */
	if (!(root = (void *)frame_alloc()))
		panic("iommu: no frame for the root table");
	pci_scan();
	wr32(R_FECTL, 0x80000000u);                    /* fault interrupts masked: polled */
	wr32(R_RTADDR, (uint32_t)root);
	wr32(R_RTADDR + 4, 0);
	gcmd(GS_RTPS, 1);
	inval_context();
	inval_iotlb(0);
	gcmd(GS_TE, 1);
	iommu_active = 1;
	kprintf("kernel: iommu: VT-d %d.%d at %p, DMA remapping on, %d PCI functions, every one blocked until its driver starts\n",
	    rd32(R_VER) >> 4 & 0xf, rd32(R_VER) & 0xf, base, nr_devs);
}

/* ---- domains ---- */

/* The level-1 entry of frame pa in d, or NULL (no tables, or pa beyond
 * the RAM).  Frames are below 1 GiB (USER_BASE): the top table has one
 * entry. */
static uint32_t *sl_pte(struct domain *d, phys_bytes pa)
{
	uint32_t *l2, *l1;

	if (!d->l3 || pa >= mem_top())
		return NULL;
	l2 = (uint32_t *)(d->l3[0] & PAGE_MASK);
	l1 = (uint32_t *)(l2[((pa >> 21) & 511) * 2] & PAGE_MASK);
	return &l1[((pa >> 12) & 511) * 2];
}

/* Free d's tables (no context entry points at them any more; frame_alloc
 * zeroes what it gives out). */
static void free_tables(struct domain *d)
{
	uint32_t *l2;
	int i;

	if (!d->l3)
		return;
	if (d->l3[0] & SL_R) {
		l2 = (uint32_t *)(d->l3[0] & PAGE_MASK);
		for (i = 0; i < 512; i++)
			if (l2[i * 2] & SL_R)
				frame_unref(l2[i * 2] & PAGE_MASK);
		frame_unref((phys_bytes)l2);
	}
	frame_unref((phys_bytes)d->l3);
	d->l3 = NULL;
	d->dirty = 0;
}

/* Tables for the whole RAM, all entries empty: a level-2 table and one
 * level-1 table per 2 MiB (65 frames for 128 MiB), made when the driver
 * gets its first device, so that a hold never needs a table and the
 * tables never change while it lives. */
static int alloc_tables(struct domain *d)
{
	unsigned i, n = (unsigned)((mem_top() + (1u << 21) - 1) >> 21);
	uint32_t *l2;
	phys_bytes f;

	if (!(d->l3 = (uint32_t *)frame_alloc()))
		return ENOMEM;
	if (!(f = frame_alloc()))
		goto fail;
	d->l3[0] = (uint32_t)f | SL_R | SL_W;
	l2 = (uint32_t *)f;
	for (i = 0; i < n && i < 512; i++) {
		if (!(f = frame_alloc()))
			goto fail;
		l2[i * 2] = (uint32_t)f | SL_R | SL_W;
	}
	return OK;
fail:
	free_tables(d);
	return ENOMEM;
}

static void set_context(const struct dev *v, int slot)
{
	int bus = v->bdf >> 8, df = v->bdf & 0xff;
	uint32_t *c;

	if (!ctx[bus]) {
		if (!(ctx[bus] = (void *)frame_alloc()))
			panic("iommu: no frame for a context table");
		root[bus][1] = root[bus][2] = root[bus][3] = 0;
		root[bus][0] = (uint32_t)ctx[bus] | 1;
	}
	c = ctx[bus][df];
	c[0] = 0;                                        /* not present first */
	inval_context();
	inval_iotlb(0);
	if (slot < 0)
		return;
	c[3] = 0;
	c[2] = 1u | (uint32_t)(slot + 1) << 8;          /* AW 39-bit, DID */
	c[1] = 0;
	c[0] = (uint32_t)dom[slot].l3 | 1;               /* present, TT 0 */
	inval_context();
}

/* p's privileges were set: its devices are the functions pd_pci names
 * (with DMA_OK); functions bound to p's slot before and not named now are
 * blocked again. */
int iommu_bind(struct proc *p)
{
	const struct priv_desc *pd = &priv(p)->s_desc;
	int slot = proc_index(p), i, k, mine;

	if (!iommu_active)
		return OK;
	for (i = 0; i < nr_devs; i++) {
		mine = 0;
		if (pd->pd_flags & DMA_OK)
			for (k = 0; k < pd->pd_nr_pci && k < NR_PCI_ID; k++)
				if (pd->pd_pci[k] == devs[i].id)
					mine = 1;
		if (mine && devs[i].slot != slot) {
			if (!dom[slot].l3 && alloc_tables(&dom[slot]) != OK)
				return ENOMEM;
			devs[i].slot = slot;
			set_context(&devs[i], slot);
			kprintf("kernel: iommu: %02x:%02x.%d %04x:%04x is %s's (endpoint %d, domain %d)\n",
			    devs[i].bdf >> 8, devs[i].bdf >> 3 & 31, devs[i].bdf & 7,
			    devs[i].id >> 16, devs[i].id & 0xffff, p->p_name, p->p_endpoint, slot + 1);
		} else if (!mine && devs[i].slot == slot) {
			devs[i].slot = -1;
			set_context(&devs[i], -1);
		}
	}
	return OK;
}

/* p is gone: its devices are blocked (context entries not present, the
 * context cache and IOTLB invalidated), then its tables freed. */
void iommu_unbind(struct proc *p)
{
	int slot = proc_index(p), i;

	if (!iommu_active)
		return;
	for (i = 0; i < nr_devs; i++)
		if (devs[i].slot == slot) {
			devs[i].slot = -1;
			set_context(&devs[i], -1);
		}
	free_tables(&dom[slot]);
}

static int has_device(int slot)
{
	int i;

	for (i = 0; i < nr_devs; i++)
		if (devs[i].slot == slot)
			return 1;
	return 0;
}

/* p takes a hold of frame pa: its devices may reach it (write too if
 * writable: the device writes memory). */
int iommu_hold(struct proc *p, phys_bytes pa, int writable)
{
	struct domain *d = &dom[proc_index(p)];
	uint32_t *e, n;

	if (!iommu_active || !d->l3 || !has_device(proc_index(p)) || !(e = sl_pte(d, pa)))
		return OK;
	n = e[1] >> CNT_SHIFT & CNT_MAX;
	if (n == CNT_MAX)
		return ENOMEM;
	e[1] = (n + 1) << CNT_SHIFT;
	e[0] = (pa & PAGE_MASK) | SL_R | (writable ? SL_W : 0) | (e[0] & SL_W);
	return OK;
}

/* p drops a hold of frame pa; at the last one the entry goes (the IOTLB
 * is invalidated by iommu_flush, before the frame may be reused). */
void iommu_unhold(struct proc *p, phys_bytes pa)
{
	struct domain *d = &dom[proc_index(p)];
	uint32_t *e, n;

	if (!iommu_active || !(e = sl_pte(d, pa)) || !(e[0] & SL_R))
		return;
	n = (e[1] >> CNT_SHIFT & CNT_MAX) - 1;
	if (n == 0) {
		e[0] = 0;
		d->dirty = 1;
	}
	e[1] = n << CNT_SHIFT;
}

/* Make the entries iommu_unhold took away count: invalidate p's IOTLB. */
void iommu_flush(struct proc *p)
{
	struct domain *d = &dom[proc_index(p)];

	if (iommu_active && d->dirty) {
		d->dirty = 0;
		inval_iotlb(proc_index(p) + 1);
	}
}

/* ---- faults ---- */

static const char *reason_name(int r)
{
	switch (r) {
	case 1: return "root entry not present";
	case 2: return "context entry not present (no driver)";
	case 5: return "write outside its holds";
	case 6: return "read outside its holds";
	case 7: return "address beyond the tables";
	default: return "translation fault";
	}
}

static void report(uint32_t sid, uint32_t addr_lo, uint32_t addr_hi, int reason, int read)
{
	struct proc *p = NULL;
	int i;

	for (i = 0; i < nr_devs; i++)
		if (devs[i].bdf == sid && devs[i].slot >= 0)
			p = &proc[devs[i].slot];
	kprintf("kernel: iommu: DMA fault: %02x:%02x.%d %s 0x%08x%s blocked, reason %d (%s)",
	    sid >> 8, sid >> 3 & 31, sid & 7, read ? "read of" : "write to",
	    addr_lo & PAGE_MASK, addr_hi ? " (above 4 GiB)" : "", reason, reason_name(reason));
	if (!p || isemptyp(p)) {
		kprintf("\n");
		return;
	}
	kprintf(", device of %s (endpoint %d)\n", p->p_name, p->p_endpoint);
	proc_kill_report(p, SIGBUS, "DMA outside its vumap holds");
}

/* Read, log and clear the fault records; the drivers at fault are killed.
 * At every interrupt, before a driver hears of it. */
void iommu_poll_faults(void)
{
	uint32_t i, hi, off;

	if (!(rd32(R_FSTS) & (FS_PPF | FS_PFO)))
		return;
	for (i = 0; i < nr_frcd; i++) {
		off = frcd_off + i * 16;
		hi = rd32(off + 12);
		if (!(hi & 0x80000000u))
			continue;
		report(rd32(off + 8) & 0xffff, rd32(off), rd32(off + 4), (int)(hi & 0xff),
		    (hi >> 30) & 1);
		wr32(off + 12, 0x80000000u);            /* F: write 1 to clear */
	}
	if (rd32(R_FSTS) & FS_PFO) {
		kprintf("kernel: iommu: fault records overflowed (some faults not logged)\n");
		wr32(R_FSTS, FS_PFO);
	}
}
