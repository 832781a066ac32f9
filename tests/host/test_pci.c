/* test_pci.c - host unit tests for lib/libpci/pci.c (the PCI library).
 *
 * pci.c is #included with fake sys_in*()/sys_out*() that decode the
 * 0xCF8/0xCFC protocol against a made-up configuration space: a host
 * bridge, a multi-function device, a virtio-blk-like device (I/O BAR 0,
 * memory BAR 1, 64-bit BAR 4), and a PCI-to-PCI bridge to bus 1 with an
 * IDE controller behind it.  BARs answer the all-ones size probe like
 * hardware does (the low bits fixed, the size bits reading as zero).
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "tap.h"

#define _MINIX_SYSLIB_H   /* the fakes below stand in for libsys */
#include <minix/errno.h>

/* ---- the fake configuration space ---- */
struct fdev {
	int bus, dev, func;
	uint8_t cfg[256];
	uint32_t barsize[6];   /* 0: BAR not implemented */
};
static struct fdev fdevs[8];
static int nfdevs;
static uint32_t addr_reg;
static int devio_fail;          /* every call fails with EPERM */
static int cr_writes_while_probing; /* BAR probe with decoding left on */
static int steal_next_read;     /* another process rewrites 0xCF8 once */

static void put16(uint8_t *c, int o, uint16_t v) { c[o] = v, c[o + 1] = v >> 8; }
static void put32(uint8_t *c, int o, uint32_t v) { put16(c, o, v), put16(c, o + 2, v >> 16); }
static uint32_t get32(const uint8_t *c, int o)
{
	return c[o] | c[o + 1] << 8 | c[o + 2] << 16 | (uint32_t)c[o + 3] << 24;
}

static struct fdev *add(int bus, int dev, int func, uint16_t vid, uint16_t did,
	int bcl, int scl, int pif)
{
	struct fdev *f = &fdevs[nfdevs++];

	f->bus = bus, f->dev = dev, f->func = func;
	memset(f->cfg, 0, sizeof(f->cfg));
	put16(f->cfg, 0, vid);
	put16(f->cfg, 2, did);
	f->cfg[9] = pif, f->cfg[10] = scl, f->cfg[11] = bcl;
	memset(f->barsize, 0, sizeof(f->barsize));
	return f;
}

static struct fdev *target(void)
{
	int i, bus = addr_reg >> 16 & 0xff, dev = addr_reg >> 11 & 31,
		func = addr_reg >> 8 & 7;

	if (!(addr_reg & 0x80000000u))
		return NULL;
	for (i = 0; i < nfdevs; i++)
		if (fdevs[i].bus == bus && fdevs[i].dev == dev && fdevs[i].func == func)
			return &fdevs[i];
	return NULL;
}

static uint32_t cfg_in(int off, int size)
{
	struct fdev *f = target();
	uint32_t v = 0;
	int i, reg = (addr_reg & 0xfc) + off;

	if (f == NULL)
		return size == 4 ? 0xffffffffu : size == 2 ? 0xffff : 0xff;
	for (i = 0; i < size; i++)
		v |= (uint32_t)f->cfg[reg + i] << (8 * i);
	return v;
}

static void cfg_out(int off, int size, uint32_t v)
{
	struct fdev *f = target();
	int i, reg = (addr_reg & 0xfc) + off, bar;
	uint32_t low;

	if (f == NULL)
		return;
	if (reg >= 0x10 && reg < 0x28 && size == 4) {
		bar = (reg - 0x10) / 4;
		if (f->barsize[bar] == 0) {
			v = 0;
		} else {
			if ((f->cfg[4] & 3) != 0 && v == 0xffffffffu)
				cr_writes_while_probing++;
			low = get32(f->cfg, reg) & ((f->cfg[reg] & 1) ? 3 : 15);
			/* an I/O BAR's top 16 bits read 0 */
			v = (v & ~(f->barsize[bar] - 1) & ((f->cfg[reg] & 1) ? 0xffff : ~0u)) | low;
		}
	}
	for (i = 0; i < size; i++)
		f->cfg[reg + i] = v >> (8 * i);
}

static int io(int port, int size, uint32_t *v, int out)
{
	if (devio_fail)
		return EPERM;
	if (port == 0xcf8 && size == 4) {
		if (out)
			addr_reg = *v;
		else
			*v = addr_reg;
		return OK;
	}
	if (port >= 0xcfc && port + size <= 0xd00) {
		if (!out && steal_next_read) {
			steal_next_read = 0;
			addr_reg = 0x80000000u | 31 << 11;   /* someone else's */
		}
		if (out)
			cfg_out(port - 0xcfc, size, *v);
		else
			*v = cfg_in(port - 0xcfc, size);
		return OK;
	}
	return EINVAL;
}

int sys_inb(int p, uint32_t *v) { return io(p, 1, v, 0); }
int sys_inw(int p, uint32_t *v) { return io(p, 2, v, 0); }
int sys_inl(int p, uint32_t *v) { return io(p, 4, v, 0); }
int sys_outb(int p, uint32_t v) { return io(p, 1, &v, 1); }
int sys_outw(int p, uint32_t v) { return io(p, 2, &v, 1); }
int sys_outl(int p, uint32_t v) { return io(p, 4, &v, 1); }

#include "../../lib/libpci/pci.c"

static void setup(void)
{
	struct fdev *f;

	nfdevs = 0;
	add(0, 0, 0, 0x8086, 0x1237, 0x06, 0x00, 0);          /* host bridge */
	f = add(0, 1, 0, 0x8086, 0x7000, 0x06, 0x01, 0);      /* ISA, multi */
	f->cfg[PCI_HEADT] = 0x80;
	f = add(0, 1, 1, 0x8086, 0x7010, 0x01, 0x01, 0x80);   /* IDE */
	put32(f->cfg, PCI_BAR_5, 0xc041);
	f->barsize[4] = 16;
	f = add(0, 3, 0, 0x1af4, 0x1001, 0x01, 0x00, 0);      /* virtio-blk */
	put32(f->cfg, PCI_BAR, 0xc001);
	f->barsize[0] = 128;
	put32(f->cfg, PCI_BAR_2, 0xfebf1000);
	f->barsize[1] = 4096;
	put32(f->cfg, PCI_BAR_5, 0xfe000004);   /* 64-bit, below 4 GiB */
	f->barsize[4] = 0x4000;
	f->cfg[PCI_ILR] = 11, f->cfg[PCI_IPR] = 1;
	put16(f->cfg, PCI_CR, 0x0003);
	f = add(0, 5, 0, 0x1b36, 0x0001, 0x06, 0x04, 0);      /* bridge */
	f->cfg[PPB_SECBN] = 1;
	f = add(1, 2, 0, 0x8086, 0x7010, 0x01, 0x01, 0x8a);   /* IDE on bus 1 */
	f->cfg[PCI_ILR] = 0xff, f->cfg[PCI_IPR] = 1;
	addr_reg = 0;
	devio_fail = steal_next_read = cr_writes_while_probing = 0;
}

int main(void)
{
	uint16_t vid, did;
	uint32_t base, size;
	int di, n, r, io_, bus, dev, func, vdi;
	char name[24];

	setup();
	CHECK_EQ(pci_init(), OK, "pci_init scans");
	for (n = 0, r = pci_first_dev(&di, &vid, &did); r == OK; r = pci_next_dev(&di, &vid, &did))
		n++;
	CHECK_EQ(n, 6, "six functions found (bridge followed, function 1 seen)");
	CHECK_EQ(r, ENODEV, "pci_next_dev past the last: ENODEV");

	CHECK_EQ(pci_find_id(0x1af4, 0x1001, 0, &vdi), OK, "find virtio-blk by id");
	CHECK_EQ(pci_find_id(0x1af4, 0x1001, 1, &di), ENODEV, "no second virtio-blk");
	CHECK_EQ(pci_find_id(0x1234, 0x1111, 0, &di), ENODEV, "absent id: ENODEV");
	CHECK_EQ(pci_find_class(0x01, 0x01, -1, 1, &di), OK, "second IDE by class");
	pci_location(di, &bus, &dev, &func);
	CHECK_EQ(bus * 100 + dev * 10 + func, 120, "second IDE is behind the bridge, 01:02.0");
	CHECK_EQ(pci_find_class(0x01, 0x01, 0x8a, 0, &di), OK, "IDE by class and pif");
	CHECK_EQ(pci_find_class(0x01, 0x01, 0x8a, 1, &di), ENODEV, "only one with pif 8a");
	CHECK(strcmp(pci_slot_name(vdi, name), "00:03.0 1af4:1001") == 0, "pci_slot_name");

	CHECK_EQ(pci_attr_r16(vdi, PCI_VID), 0x1af4, "pci_attr_r16 VID");
	CHECK_EQ(pci_attr_r16(vdi, PCI_DID), 0x1001, "pci_attr_r16 DID");
	CHECK_EQ(pci_attr_r8(vdi, PCI_BCR), 0x01, "pci_attr_r8 class");
	CHECK_EQ(pci_attr_r32(vdi, PCI_VID), 0x10011af4, "pci_attr_r32 ID");
	CHECK_EQ(pci_attr_r32(vdi, 2), 0xffffffffu, "misaligned 32-bit read: all ones");
	CHECK_EQ(pci_attr_r8(99, 0), 0xff, "bad devind: all ones");
	CHECK_EQ(pci_attr_r16(vdi, 255), 0xffff, "past the space: all ones");

	r = pci_get_bar(vdi, PCI_BAR, &base, &size, &io_);
	CHECK_EQ(r, OK, "I/O BAR 0");
	CHECK_EQ(base, 0xc000, "I/O BAR base");
	CHECK_EQ(size, 128, "I/O BAR size");
	CHECK_EQ(io_, 1, "I/O BAR flag");
	CHECK_EQ(pci_attr_r32(vdi, PCI_BAR), 0xc001, "I/O BAR restored after the probe");
	CHECK_EQ(pci_attr_r16(vdi, PCI_CR), 0x0003, "command register restored");
	CHECK_EQ(cr_writes_while_probing, 0, "decoding off while probing");
	r = pci_get_bar(vdi, PCI_BAR_2, &base, &size, &io_);
	CHECK_EQ(r, OK, "memory BAR 1");
	CHECK_EQ(base, 0xfebf1000, "memory BAR base");
	CHECK_EQ(size, 4096, "memory BAR size");
	CHECK_EQ(io_, 0, "memory BAR flag");
	r = pci_get_bar(vdi, PCI_BAR_5, &base, &size, &io_);
	CHECK_EQ(r, OK, "64-bit memory BAR below 4 GiB");
	CHECK_EQ(size, 0x4000, "64-bit BAR size");
	CHECK_EQ(pci_get_bar(vdi, PCI_BAR_3, &base, &size, &io_), ENXIO, "unimplemented BAR: ENXIO");
	CHECK_EQ(pci_get_bar(vdi, 0x12, &base, &size, &io_), EINVAL, "misaligned BAR register: EINVAL");
	CHECK_EQ(pci_get_bar(vdi, 0x28, &base, &size, &io_), EINVAL, "past BAR 5: EINVAL");
	CHECK_EQ(pci_get_bar(-1, PCI_BAR, &base, &size, &io_), EINVAL, "bad devind: EINVAL");
	put32(fdevs[3].cfg, PCI_BAR_6, 1);   /* the high half of BAR 4 */
	CHECK_EQ(pci_get_bar(vdi, PCI_BAR_5, &base, &size, &io_), ENXIO, "64-bit BAR above 4 GiB: ENXIO");

	CHECK_EQ(pci_irq(vdi), 11, "pci_irq: line 11");
	pci_find_class(0x01, 0x01, 0x8a, 0, &di);
	CHECK_EQ(pci_irq(di), -1, "pci_irq: line 0xff is none");
	pci_find_class(0x01, 0x01, 0x80, 0, &di);
	CHECK_EQ(pci_irq(di), -1, "pci_irq: no pin is none");

	CHECK_EQ(pci_enable(vdi, PCI_CR_MAST_EN), OK, "pci_enable");
	CHECK_EQ(pci_attr_r16(vdi, PCI_CR), 0x0007, "bus master bit added, others kept");
	CHECK_EQ(pci_enable(77, PCI_CR_IO_EN), EINVAL, "pci_enable bad devind");
	pci_attr_w8(vdi, PCI_ILR, 10);
	CHECK_EQ(pci_attr_r8(vdi, PCI_ILR), 10, "pci_attr_w8");
	pci_attr_w32(vdi, 0x41, 5);
	CHECK_EQ(pci_attr_r8(vdi, 0x41), 0, "misaligned write: nothing written");

	steal_next_read = 1;
	CHECK_EQ(pci_attr_r16(vdi, PCI_DID), 0x1001, "a read interleaved with another process is retried");

	setup();
	devio_fail = 1;
	CHECK_EQ(pci_init(), EPERM, "pci_init without the ports: the SYS_DEVIO error");
	CHECK_EQ(pci_first_dev(&di, &vid, &did), ENODEV, "and no devices");
	return tap_done();
}
