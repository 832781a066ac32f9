/* pci.c - libpci: PCI configuration space through ports 0xCF8/0xCFC
 * (configuration mechanism #1) with SYS_DEVIO, a scan of the buses into
 * a small device table, BAR decoding and size probing, and the command
 * register bits a driver needs (include/minix/pci.h has the interface).
 *
 * Each access is two kernel calls: the address to 0xCF8, then the data
 * at 0xCFC.  Two drivers doing this at once could interleave between the
 * two calls; a read checks that 0xCF8 still holds its address afterwards
 * and retries if not.  Writes are not checked: drivers write their
 * configuration at start-up, a few registers once, and a PCI server that
 * owns the ports is the cure if that ever stops being enough.
 */
#include <minix/pci.h>
#include <minix/syslib.h>
#include <string.h>

#define PCI_ADDR_PORT	0xCF8
#define PCI_DATA_PORT	0xCFC
#define PCI_CFG_ENABLE	0x80000000u
#define READ_RETRIES	8

struct pci_dev {
	uint8_t bus, dev, func;
	uint16_t vid, did;
	uint8_t bclass, subclass, pif;
};

static struct pci_dev devs[PCI_MAX_DEVS];
static int nr_devs;

static uint32_t cfg_addr(int bus, int dev, int func, int port)
{
	return PCI_CFG_ENABLE | (uint32_t)bus << 16 | (uint32_t)dev << 11 |
		(uint32_t)func << 8 | (uint32_t)(port & 0xfc);
}

/* Read size (1, 2, 4) bytes at port of bus/dev/func; all ones on error. */
static int cfg_read(int bus, int dev, int func, int port, int size, uint32_t *v)
{
	uint32_t a = cfg_addr(bus, dev, func, port), back;
	int r, i;

	for (i = 0; i < READ_RETRIES; i++) {
		if ((r = sys_outl(PCI_ADDR_PORT, a)) != OK)
			break;
		if (size == 4)
			r = sys_inl(PCI_DATA_PORT, v);
		else if (size == 2)
			r = sys_inw(PCI_DATA_PORT + (port & 2), v);
		else
			r = sys_inb(PCI_DATA_PORT + (port & 3), v);
		if (r != OK)
			break;
		if ((r = sys_inl(PCI_ADDR_PORT, &back)) != OK)
			break;
		if (back == a)
			return OK;
	}
	*v = 0xffffffffu;
	return r != OK ? r : EIO;
}

static int cfg_write(int bus, int dev, int func, int port, int size, uint32_t v)
{
	int r;

	if ((r = sys_outl(PCI_ADDR_PORT, cfg_addr(bus, dev, func, port))) != OK)
		return r;
	if (size == 4)
		return sys_outl(PCI_DATA_PORT, v);
	if (size == 2)
		return sys_outw(PCI_DATA_PORT + (port & 2), v);
	return sys_outb(PCI_DATA_PORT + (port & 3), v);
}

/* Record bus/dev/func if present; queue a bridge's secondary bus. */
static int probe_func(int bus, int dev, int func, uint8_t *buses, int *nbus)
{
	struct pci_dev *d;
	uint32_t id, cls, sec;
	int r, i;

	if ((r = cfg_read(bus, dev, func, PCI_VID, 4, &id)) != OK)
		return r;
	if ((id & 0xffff) == 0xffff || nr_devs == PCI_MAX_DEVS)
		return ENODEV;
	cfg_read(bus, dev, func, PCI_REV, 4, &cls);
	d = &devs[nr_devs++];
	d->bus = bus, d->dev = dev, d->func = func;
	d->vid = id & 0xffff, d->did = id >> 16;
	d->pif = cls >> 8, d->subclass = cls >> 16, d->bclass = cls >> 24;
	if (d->bclass == 0x06 && d->subclass == 0x04 &&
	    cfg_read(bus, dev, func, PPB_SECBN, 1, &sec) == OK && sec != 0) {
		for (i = 0; i < *nbus && buses[i] != sec; i++)
			;
		if (i == *nbus && *nbus < 256)
			buses[(*nbus)++] = sec;
	}
	return OK;
}

int pci_init(void)
{
	static uint8_t buses[256];
	uint32_t ht;
	int nbus = 1, b, dev, func, r;

	nr_devs = 0;
	buses[0] = 0;
	for (b = 0; b < nbus; b++) {
		for (dev = 0; dev < 32; dev++) {
			r = probe_func(buses[b], dev, 0, buses, &nbus);
			if (r != OK && r != ENODEV)
				return r;
			if (r != OK)
				continue;
			cfg_read(buses[b], dev, 0, PCI_HEADT, 1, &ht);
			for (func = 1; (ht & 0x80) && func < 8; func++)
				probe_func(buses[b], dev, func, buses, &nbus);
		}
	}
	return OK;
}

static int valid(int devind)
{
	return devind >= 0 && devind < nr_devs;
}

int pci_next_dev(int *devind, uint16_t *vid, uint16_t *did)
{
	int i = *devind + 1;

	if (i < 0 || i >= nr_devs)
		return ENODEV;
	*devind = i;
	*vid = devs[i].vid;
	*did = devs[i].did;
	return OK;
}

int pci_first_dev(int *devind, uint16_t *vid, uint16_t *did)
{
	*devind = -1;
	return pci_next_dev(devind, vid, did);
}

int pci_find_id(uint16_t vid, uint16_t did, int index, int *devind)
{
	int i;

	for (i = 0; i < nr_devs; i++)
		if (devs[i].vid == vid && devs[i].did == did && index-- == 0) {
			*devind = i;
			return OK;
		}
	return ENODEV;
}

int pci_find_class(int bclass, int subclass, int pif, int index, int *devind)
{
	int i;

	for (i = 0; i < nr_devs; i++)
		if (devs[i].bclass == bclass && devs[i].subclass == subclass &&
		    (pif < 0 || devs[i].pif == pif) && index-- == 0) {
			*devind = i;
			return OK;
		}
	return ENODEV;
}

int pci_location(int devind, int *bus, int *dev, int *func)
{
	if (!valid(devind))
		return EINVAL;
	*bus = devs[devind].bus;
	*dev = devs[devind].dev;
	*func = devs[devind].func;
	return OK;
}

/* A register access of size bytes at port: inside the 256-byte space and
 * aligned to its size. */
static int attr_ok(int devind, int port, int size)
{
	return valid(devind) && port >= 0 && port + size <= 256 &&
		(port & (size - 1)) == 0;
}

static uint32_t attr_r(int devind, int port, int size)
{
	struct pci_dev *d;
	uint32_t v;

	if (!attr_ok(devind, port, size))
		return 0xffffffffu;
	d = &devs[devind];
	cfg_read(d->bus, d->dev, d->func, port, size, &v);
	return v;
}

static void attr_w(int devind, int port, int size, uint32_t v)
{
	struct pci_dev *d;

	if (!attr_ok(devind, port, size))
		return;
	d = &devs[devind];
	cfg_write(d->bus, d->dev, d->func, port, size, v);
}

uint8_t pci_attr_r8(int devind, int port) { return attr_r(devind, port, 1); }
uint16_t pci_attr_r16(int devind, int port) { return attr_r(devind, port, 2); }
uint32_t pci_attr_r32(int devind, int port) { return attr_r(devind, port, 4); }
void pci_attr_w8(int devind, int port, uint8_t v) { attr_w(devind, port, 1, v); }
void pci_attr_w16(int devind, int port, uint16_t v) { attr_w(devind, port, 2, v); }
void pci_attr_w32(int devind, int port, uint32_t v) { attr_w(devind, port, 4, v); }

int pci_get_bar(int devind, int port, uint32_t *base, uint32_t *size,
	int *ioflag)
{
	uint32_t bar, mask, high = 0;
	uint16_t cr;
	int is64;

	if (!valid(devind) || port < PCI_BAR || port > PCI_BAR_6 || (port & 3))
		return EINVAL;
	bar = pci_attr_r32(devind, port);
	*ioflag = bar & 1;
	is64 = !*ioflag && (bar & 6) == 4;
	if (is64 && port == PCI_BAR_6)
		return ENXIO;
	if (is64)
		high = pci_attr_r32(devind, port + 4);

	/* Probe the size with decoding off, then put everything back. */
	cr = pci_attr_r16(devind, PCI_CR);
	pci_attr_w16(devind, PCI_CR, cr & ~(PCI_CR_IO_EN | PCI_CR_MEM_EN));
	pci_attr_w32(devind, port, 0xffffffffu);
	mask = pci_attr_r32(devind, port);
	pci_attr_w32(devind, port, bar);
	pci_attr_w16(devind, PCI_CR, cr);

	mask &= *ioflag ? ~3u : ~15u;
	if (*ioflag)
		mask |= 0xffff0000u;   /* I/O BARs may leave the top bits 0 */
	if (mask == 0 || high != 0)
		return ENXIO;
	*base = bar & (*ioflag ? ~3u : ~15u);
	*size = ~mask + 1;
	return OK;
}

int pci_irq(int devind)
{
	uint8_t line;

	if (!valid(devind) || pci_attr_r8(devind, PCI_IPR) == 0)
		return -1;
	line = pci_attr_r8(devind, PCI_ILR);
	return line == PCI_ILR_NONE || line == 0 ? -1 : line;
}

int pci_enable(int devind, uint16_t bits)
{
	if (!valid(devind))
		return EINVAL;
	pci_attr_w16(devind, PCI_CR, pci_attr_r16(devind, PCI_CR) | bits);
	return OK;
}

static void hex(char *p, unsigned v, int digits)
{
	while (digits-- > 0) {
		p[digits] = "0123456789abcdef"[v & 15];
		v >>= 4;
	}
}

const char *pci_slot_name(int devind, char *buf)
{
	struct pci_dev *d;

	if (!valid(devind)) {
		strcpy(buf, "pci:bad");
		return buf;
	}
	d = &devs[devind];
	memcpy(buf, "00:00.0 0000:0000", 18);
	hex(buf, d->bus, 2);
	hex(buf + 3, d->dev, 2);
	hex(buf + 6, d->func, 1);
	hex(buf + 8, d->vid, 4);
	hex(buf + 13, d->did, 4);
	return buf;
}
