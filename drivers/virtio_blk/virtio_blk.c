/* virtio_blk.c - the virtio block driver: virtio PCI block devices, as
 * QEMU's virtio-blk-pci, transitional (1af4:1001) or modern-only
 * (1af4:1042).  A device with the virtio 1.x vendor capabilities is driven
 * through the modern transport (VERSION_1; ACCESS_PLATFORM when offered,
 * so that its DMA goes through the IOMMU), its registers reached through
 * the PCI configuration access window; one without them through the
 * legacy I/O BAR (docs/storage.md, "Two transports").
 *
 * Device N is the N-th such device on the PCI bus (0 the first), with
 * MINIX's minors (minix/drvlib.h): N * 5 its whole disk (dN), N * 5 + 1..4
 * its primary partitions, 128 + N * 16 + ... its subpartitions, read from
 * its MBR by partition() at the first request for a partition and again
 * at each first open of the device.  Each device has one virtqueue in pages of our own whose physical
 * addresses we learn with SYS_VUMAP (the legacy interface wants the ring
 * in physically consecutive pages: we find a run in a pool of pages; the
 * modern one takes its three parts' addresses one by one).  A
 * transfer maps the caller's grants to physical ranges with SYS_VUMAP
 * (the kernel holds those frames), hands them to the device as the data
 * descriptors of one request (several if the device takes fewer
 * segments), waits for the interrupt, and releases the holds with
 * SYS_VUMAP_RELEASE: the device DMAs straight into the caller's buffers,
 * the driver copies nothing.
 *
 * Refused before the device is touched: a minor with no device (ENXIO),
 * a position or piece size not a multiple of 512 (EINVAL), a bad grant (SYS_VUMAP's error, e.g. EPERM),
 * a write to a read-only device (EROFS).  A request the device fails
 * (status not OK) is EIO.  A range at or past the minor's end moves 0
 * bytes, one across it stops there (MINIX's).  Requests are served one
 * at a time.
 *
 * A restarted instance brings the device back whatever the dead one left:
 * the PCI configuration the first instance found (BARs, command register,
 * interrupt line; kept in DS, since a dead instance's wild configuration
 * writes through cf8/cfc can change them) is written back first, then the
 * device is reset (status 0) and set up from scratch.
 */
#include <minix/syslib.h>
#include <minix/sef.h>
#include <minix/blockdriver.h>
#include <minix/drvlib.h>
#include <minix/pci.h>
#include <minix/fi.h>
#include <minix/ds.h>
#include <stdio.h>
#include <string.h>

#define VIRTIO_VID	0x1af4
#define VIRTIO_BLK_DID	0x1001	/* transitional virtio-blk */
#define VIRTIO_BLK_DID1	0x1042	/* modern-only (virtio 1.0) virtio-blk */

/* Legacy virtio PCI registers, offsets in the I/O BAR. */
#define VIO_DEV_FEATURES	0x00
#define VIO_DRV_FEATURES	0x04
#define VIO_QUEUE_PFN		0x08
#define VIO_QUEUE_SIZE		0x0c
#define VIO_QUEUE_SEL		0x0e
#define VIO_QUEUE_NOTIFY	0x10
#define VIO_STATUS		0x12
#define VIO_ISR			0x13
#define VIO_CONFIG		0x14	/* device config (MSI-X off) */

/* Device status bits. */
#define VS_ACK		0x01
#define VS_DRIVER	0x02
#define VS_DRIVER_OK	0x04
#define VS_FEATURES_OK	0x08
#define VS_FAILED	0x80

/* The modern (virtio 1.x) PCI transport: vendor capabilities (PCI
 * capability ID 9) in configuration space name the regions.  Their
 * layout: cfg_type at +3, bar at +4, offset at +8, length at +12; the
 * notify capability's multiplier at +16; the configuration access
 * capability's data window at +16. */
#define PCI_SR_CAPL	0x10	/* status: a capability list */
#define PCI_CAPP	0x34	/* the first capability */
#define PCI_CAP_VNDR	0x09
#define VCAP_COMMON	1
#define VCAP_NOTIFY	2
#define VCAP_ISR	3
#define VCAP_DEVICE	4
#define VCAP_PCI_CFG	5
#define NR_VCAP		5

/* Common configuration registers (offsets in its region). */
#define VC_DFSELECT	0x00	/* u32: device feature word select */
#define VC_DF		0x04	/* u32: device features, that word */
#define VC_GFSELECT	0x08	/* u32: driver (guest) feature word select */
#define VC_GF		0x0c	/* u32 */
#define VC_STATUS	0x14	/* u8 */
#define VC_Q_SELECT	0x16	/* u16 */
#define VC_Q_SIZE	0x18	/* u16 */
#define VC_Q_ENABLE	0x1c	/* u16 */
#define VC_Q_NOFF	0x1e	/* u16: the queue's notify offset */
#define VC_Q_DESC	0x20	/* u64 */
#define VC_Q_DRIVER	0x28	/* u64: the available ring */
#define VC_Q_DEVICE	0x30	/* u64: the used ring */

/* Feature bits 32 and up, in word 1. */
#define VF1_VERSION_1		(1u << 0)	/* bit 32 */
#define VF1_ACCESS_PLATFORM	(1u << 1)	/* bit 33: DMA through the IOMMU */

/* virtio-blk features and config (offsets from VIO_CONFIG). */
#define VBF_SEG_MAX	(1u << 2)
#define VBF_RO		(1u << 5)
#define VBC_CAPACITY	0x00	/* u64, 512-byte sectors */
#define VBC_SEG_MAX	0x0c	/* u32 */

/* Requests. */
#define VB_T_IN		0
#define VB_T_OUT	1
#define VB_S_OK		0

#define VRING_DESC_F_NEXT	1
#define VRING_DESC_F_WRITE	2	/* the device writes this buffer */

#define SECTOR		512
#define PAGE		4096
#define MAX_DEVS	4
#define MAX_QSIZE	256	/* so no ring part crosses a page */
#define RING_PAGES	3	/* enough for MAX_QSIZE */
#define POOL_PAGES	32	/* where the rings' page runs are found */
#define MAX_PHYS	256	/* physical ranges of one transfer */
#define HOOK_BASE	1	/* notification bit of device 0's IRQ */

struct vring_desc { uint64_t addr; uint32_t len; uint16_t flags, next; };
struct vb_hdr { uint32_t type, reserved; uint64_t sector; };

struct vdev {
	int devind, irq, hook;
	uint16_t port;           /* legacy: the I/O BAR */
	int modern;              /* virtio 1.x, through the PCI_CFG window */
	int cfgcap;              /* configuration offset of that window */
	uint32_t reg[NR_VCAP + 1]; /* modern: region offsets in their BAR */
	uint8_t bar[NR_VCAP + 1];  /* and the BAR */
	uint32_t notify;         /* modern: queue 0's notify offset in its BAR */
	int winbar;              /* the window's BAR, offset and length as set */
	uint32_t winoff, winlen;
	int platform;            /* modern: VIRTIO_F_ACCESS_PLATFORM agreed */
	uint64_t sectors;        /* capacity */
	int read_only;
	unsigned qsize, maxseg;  /* ring entries; data segments per request */
	uint8_t *page[RING_PAGES]; /* the ring pages, physically consecutive */
	uint16_t avail_idx, used_idx;
	unsigned desc_off, avail_off, used_off;
};

static struct vdev devs[MAX_DEVS];
static int nr_devs;
static struct device part[MAX_DEVS][DEV_PER_DRIVE];
static struct device subpart[MAX_DEVS][SUB_PER_DRIVE];
static int parted[MAX_DEVS], open_ct[MAX_DEVS];
static const struct blockdriver vb_bdr;

/* The device of minor (*dv its place), or NULL; the first use of a
 * partition reads the device's partition table. */
static struct vdev *dev_of(devminor_t minor, struct device **dv)
{
	struct device *p;
	int i;

	if ((p = drvlib_minor(part, subpart, nr_devs, minor, &i)) == NULL)
		return NULL;
	if (p != &part[i][0] && !parted[i]) {
		parted[i] = 1;
		partition(&vb_bdr, i * DEV_PER_DRIVE, P_PRIMARY, 0);
	}
	if (dv)
		*dv = p;
	return &devs[i];
}

static uint8_t pool[POOL_PAGES][PAGE] __attribute__((aligned(PAGE)));
static phys_bytes pool_phys[POOL_PAGES];
static int pool_used[POOL_PAGES];
/* The request header and status byte live in one pool page. */
static struct vb_hdr *req_hdr;
static volatile uint8_t *req_status;
static phys_bytes req_hdr_phys, req_status_phys;

static struct vumap_phys phys[MAX_PHYS];

#define barrier() __asm__ __volatile__("" ::: "memory")

static uint32_t in(struct vdev *d, int reg, int size)
{
	uint32_t v = 0;

	if (size == 1)
		sys_inb(d->port + reg, &v);
	else if (size == 2)
		sys_inw(d->port + reg, &v);
	else
		sys_inl(d->port + reg, &v);
	return v;
}

static void out(struct vdev *d, int reg, int size, uint32_t v)
{
	if (size == 1)
		sys_outb(d->port + reg, v);
	else if (size == 2)
		sys_outw(d->port + reg, v);
	else
		sys_outl(d->port + reg, v);
}

/* Modern registers: through the PCI configuration access capability, a
 * window in configuration space onto any offset of the device's BARs
 * (virtio 1.x, 4.1.4.8): set bar, offset and length, then read or write
 * its data.  Only what changes is set again. */
static uint32_t win_rw(struct vdev *d, int kind, uint32_t off, int size,
	int write, uint32_t v)
{
	uint32_t at = d->reg[kind] + off;

	if (d->winbar != d->bar[kind]) {
		pci_attr_w8(d->devind, d->cfgcap + 4, d->bar[kind]);
		d->winbar = d->bar[kind];
	}
	if (d->winoff != at) {
		pci_attr_w32(d->devind, d->cfgcap + 8, at);
		d->winoff = at;
	}
	if (d->winlen != (uint32_t)size) {
		pci_attr_w32(d->devind, d->cfgcap + 12, (uint32_t)size);
		d->winlen = (uint32_t)size;
	}
	if (write) {
		pci_attr_w32(d->devind, d->cfgcap + 16, v);
		return 0;
	}
	v = pci_attr_r32(d->devind, d->cfgcap + 16);
	return size == 4 ? v : v & ((1u << (8 * size)) - 1);
}

static uint32_t cread(struct vdev *d, int off, int size)
{
	return win_rw(d, VCAP_COMMON, (uint32_t)off, size, 0, 0);
}

static void cwrite(struct vdev *d, int off, int size, uint32_t v)
{
	win_rw(d, VCAP_COMMON, (uint32_t)off, size, 1, v);
}

/* The same few operations on either transport. */
static void set_status(struct vdev *d, uint8_t v)
{
	if (d->modern)
		cwrite(d, VC_STATUS, 1, v);
	else
		out(d, VIO_STATUS, 1, v);
}

static uint8_t get_status(struct vdev *d)
{
	return (uint8_t)(d->modern ? cread(d, VC_STATUS, 1) : in(d, VIO_STATUS, 1));
}

/* Reading the ISR status acknowledges the interrupt. */
static void isr_ack(struct vdev *d)
{
	if (d->modern)
		win_rw(d, VCAP_ISR, 0, 1, 0, 0);
	else
		in(d, VIO_ISR, 1);
}

/* A 32-bit word of the device configuration (virtio-blk's). */
static uint32_t dcfg32(struct vdev *d, int off)
{
	if (d->modern)
		return win_rw(d, VCAP_DEVICE, (uint32_t)off, 4, 0, 0);
	return in(d, VIO_CONFIG + off, 4);
}

static void notify(struct vdev *d)
{
	if (d->modern)
		win_rw(d, VCAP_NOTIFY, d->notify, 2, 1, 0);
	else
		out(d, VIO_QUEUE_NOTIFY, 2, 0);
}

/* A pointer to ring offset off: no ring part crosses a page. */
static void *qptr(struct vdev *d, unsigned off)
{
	return d->page[off / PAGE] + off % PAGE;
}

static struct vring_desc *desc(struct vdev *d, unsigned i)
{
	return (struct vring_desc *)qptr(d, d->desc_off) + i;
}

static volatile uint16_t *avail(struct vdev *d)
{
	return qptr(d, d->avail_off);  /* flags, idx, ring[qsize] */
}

static volatile uint16_t *used_idx(struct vdev *d)
{
	return (volatile uint16_t *)qptr(d, d->used_off) + 1;
}

/* Learn the pool's physical pages (and hold them for good: the device
 * writes the used rings, so after our death the frames must stay out of
 * use until the next instance resets the device; RS sees to that). */
static int pool_init(void)
{
	struct vumap_vir v;
	static struct vumap_phys pv[POOL_PAGES];
	cp_grant_id_t g;
	int i, j, n = POOL_PAGES, r, page = 0;

	for (i = 0; i < POOL_PAGES; i++)
		pool[i][0] = 0;           /* mapped now */
	g = cpf_grant_direct(sef_self(), (vir_bytes)pool, sizeof(pool),
	    CPF_READ | CPF_WRITE);
	if (g < 0)
		return ENOMEM;
	v.vv_grant = g;
	v.vv_size = sizeof(pool);
	if ((r = sys_vumap(sef_self(), &v, 1, 0, VUA_READ | VUA_WRITE, pv, &n)) != OK)
		return r;
	cpf_revoke(g);
	for (i = 0; i < n; i++)
		for (j = 0; j < (int)(pv[i].vp_size / PAGE); j++)
			if (page < POOL_PAGES)
				pool_phys[page++] = pv[i].vp_addr + (phys_bytes)j * PAGE;
	if (page != POOL_PAGES)
		return EFAULT;
	/* The last page: request header and status byte. */
	pool_used[POOL_PAGES - 1] = 1;
	req_hdr = (struct vb_hdr *)pool[POOL_PAGES - 1];
	req_hdr_phys = pool_phys[POOL_PAGES - 1];
	req_status = pool[POOL_PAGES - 1] + 64;
	req_status_phys = req_hdr_phys + 64;
	return OK;
}

/* k free pool pages at consecutive physical addresses, into d->page[]. */
static int pool_take_run(struct vdev *d, int k)
{
	int i, j, m;

	for (i = 0; i < POOL_PAGES; i++) {
		int idx[RING_PAGES];
		if (pool_used[i])
			continue;
		idx[0] = i;
		for (j = 1; j < k; j++) {
			for (m = 0; m < POOL_PAGES; m++)
				if (!pool_used[m] && pool_phys[m] == pool_phys[i] + (phys_bytes)j * PAGE)
					break;
			if (m == POOL_PAGES)
				break;
			idx[j] = m;
		}
		if (j < k)
			continue;
		for (j = 0; j < k; j++) {
			pool_used[idx[j]] = 1;
			d->page[j] = pool[idx[j]];
			memset(d->page[j], 0, PAGE);
		}
		return OK;
	}
	return ENOMEM;
}

/* A free pool page's index, taken; -1 if none. */
static int pool_take(void)
{
	int i;

	for (i = 0; i < POOL_PAGES; i++)
		if (!pool_used[i]) {
			pool_used[i] = 1;
			memset(pool[i], 0, PAGE);
			return i;
		}
	return -1;
}

static phys_bytes page_phys(struct vdev *d, int j)
{
	return pool_phys[(d->page[j] - pool[0]) / PAGE];
}

/* Walk the capability list for the virtio vendor capabilities; the first
 * of each type counts (virtio 1.x, 4.1.4).  1 if every region a block
 * driver needs is there (the device speaks virtio 1.x), else 0. */
static int find_caps(struct vdev *d)
{
	int pos, n, type, found = 0;
	uint32_t mult = 0;

	if (!(pci_attr_r16(d->devind, PCI_SR) & PCI_SR_CAPL))
		return 0;
	pos = pci_attr_r8(d->devind, PCI_CAPP) & ~3;
	for (n = 0; pos >= 0x40 && n < 48; n++, pos = pci_attr_r8(d->devind, pos + 1) & ~3) {
		if (pci_attr_r8(d->devind, pos) != PCI_CAP_VNDR)
			continue;
		type = pci_attr_r8(d->devind, pos + 3);
		if (type < 1 || type > NR_VCAP || (found & (1 << type)) ||
		    pci_attr_r8(d->devind, pos + 4) > 5)
			continue;
		found |= 1 << type;
		d->bar[type] = pci_attr_r8(d->devind, pos + 4);
		d->reg[type] = pci_attr_r32(d->devind, pos + 8);
		if (type == VCAP_NOTIFY)
			mult = pci_attr_r32(d->devind, pos + 16);
		if (type == VCAP_PCI_CFG)
			d->cfgcap = pos;
	}
	d->notify = mult;   /* times the queue's notify offset, later */
	d->winbar = -1;
	d->winoff = d->winlen = ~0u;
	return found == 0x3e;
}

/* The PCI configuration the device had when the first instance found it,
 * in DS under virtio_blk.pci.BUS.DEV.FUNC.N (N 0..5 the BARs, 6 the
 * command register | the interrupt line << 16; published after the
 * announce: published before it, runs of test.iso hung the driver at
 * random requests later, cause not found): a restarted instance writes
 * it back (decoding off while the BARs change) before it trusts any of
 * it.
 * A dead instance may have written anything there: it reaches
 * configuration space itself (libpci through cf8/cfc), e.g. seed 6 fault
 * 27 (docs/fault-injection.md), whose descriptors went over the struct
 * vdev and whose "notify" then zeroed BAR 0. */
static void pci_key(int devind, char *key, int i)
{
	int bus, dev, func;

	pci_location(devind, &bus, &dev, &func);
	snprintf(key, DS_MAX_KEYLEN, "virtio_blk.pci.%d.%d.%d.%d", bus, dev, func, i);
}

/* Restarted: write back what the first instance kept, if it did. */
static void pci_restore(int devind)
{
	uint32_t v[7];
	char key[DS_MAX_KEYLEN];
	int i;

	for (i = 0; i < 7; i++) {
		pci_key(devind, key, i);
		if (ds_retrieve_u32(key, &v[i]) != OK)
			return;
	}
	pci_attr_w16(devind, PCI_CR, 0);
	for (i = 0; i < 6; i++)
		pci_attr_w32(devind, PCI_BAR + 4 * i, v[i]);
	pci_attr_w8(devind, PCI_ILR, (uint8_t)(v[6] >> 16));
	pci_attr_w16(devind, PCI_CR, (uint16_t)v[6]);
}

/* Fresh, once the device works: keep its configuration in DS. */
static void pci_keep(int devind)
{
	uint32_t v[7];
	char key[DS_MAX_KEYLEN];
	int i;

	for (i = 0; i < 6; i++)
		v[i] = pci_attr_r32(devind, PCI_BAR + 4 * i);
	v[6] = pci_attr_r16(devind, PCI_CR) | (uint32_t)pci_attr_r8(devind, PCI_ILR) << 16;
	for (i = 0; i < 7; i++) {
		pci_key(devind, key, i);
		if (ds_publish_u32(key, v[i], DSF_OVERWRITE) != OK)
			printf("virtio_blk: cannot keep %s in DS\n", key);
	}
}

/* Legacy: features (the first 32 bits), the ring in consecutive pages
 * given by its page number. */
static int legacy_setup(struct vdev *d, uint32_t *feat)
{
	uint32_t base, size;
	int ioflag;
	char name[24];

	if (pci_get_bar(d->devind, PCI_BAR, &base, &size, &ioflag) != OK || !ioflag) {
		printf("virtio_blk: %s: no I/O BAR 0\n", pci_slot_name(d->devind, name));
		return ENXIO;
	}
	d->port = (uint16_t)base;
	pci_enable(d->devind, PCI_CR_IO_EN | PCI_CR_MAST_EN);
	out(d, VIO_STATUS, 1, 0);                     /* reset: no DMA now */
	out(d, VIO_STATUS, 1, VS_ACK);
	out(d, VIO_STATUS, 1, VS_ACK | VS_DRIVER);
	*feat = in(d, VIO_DEV_FEATURES, 4);
	out(d, VIO_DRV_FEATURES, 4, *feat & (VBF_SEG_MAX | VBF_RO));
	out(d, VIO_QUEUE_SEL, 2, 0);
	d->qsize = in(d, VIO_QUEUE_SIZE, 2);
	if (d->qsize < 3 || d->qsize > MAX_QSIZE) {
		printf("virtio_blk: %s: queue size %u not in 3..%d\n",
		    pci_slot_name(d->devind, name), d->qsize, MAX_QSIZE);
		return ENXIO;
	}
	d->desc_off = 0;
	d->avail_off = 16 * d->qsize;
	d->used_off = (d->avail_off + 6 + 2 * d->qsize + PAGE - 1) & ~(PAGE - 1);
	if (pool_take_run(d, d->used_off / PAGE + 1) != OK) {
		printf("virtio_blk: no %u consecutive pages for the ring\n",
		    d->used_off / PAGE + 1);
		return ENOMEM;
	}
	out(d, VIO_QUEUE_PFN, 4, (uint32_t)(page_phys(d, 0) / PAGE));
	return OK;
}

/* Modern: VERSION_1 required, ACCESS_PLATFORM taken when offered (the
 * device's DMA then goes through the platform's IOMMU: the addresses we
 * give are the physical ones of our holds, which the kernel maps 1:1 in
 * our domain); FEATURES_OK; the ring's three parts in three pages of
 * their own, each given by its address. */
static int modern_setup(struct vdev *d, uint32_t *feat)
{
	uint32_t f1, qmax;
	int i, k, pg;
	char name[24];

	pci_enable(d->devind, PCI_CR_MAST_EN);
	set_status(d, 0);                            /* reset: no DMA now */
	for (k = 0; k < 1000 && get_status(d) != 0; k++)
		;
	set_status(d, VS_ACK);
	set_status(d, VS_ACK | VS_DRIVER);
	cwrite(d, VC_DFSELECT, 4, 0);
	*feat = cread(d, VC_DF, 4);
	cwrite(d, VC_DFSELECT, 4, 1);
	f1 = cread(d, VC_DF, 4);
	if (!(f1 & VF1_VERSION_1)) {
		printf("virtio_blk: %s: modern capabilities but no VERSION_1\n",
		    pci_slot_name(d->devind, name));
		return ENXIO;
	}
	cwrite(d, VC_GFSELECT, 4, 0);
	cwrite(d, VC_GF, 4, *feat & (VBF_SEG_MAX | VBF_RO));
	cwrite(d, VC_GFSELECT, 4, 1);
	cwrite(d, VC_GF, 4, f1 & (VF1_VERSION_1 | VF1_ACCESS_PLATFORM));
	set_status(d, VS_ACK | VS_DRIVER | VS_FEATURES_OK);
	if (!(get_status(d) & VS_FEATURES_OK)) {
		printf("virtio_blk: %s: the device refuses our features\n",
		    pci_slot_name(d->devind, name));
		return ENXIO;
	}
	d->platform = !!(f1 & VF1_ACCESS_PLATFORM);
	cwrite(d, VC_Q_SELECT, 2, 0);
	qmax = cread(d, VC_Q_SIZE, 2);
	d->qsize = qmax > MAX_QSIZE ? MAX_QSIZE : qmax;
	if (d->qsize < 3) {
		printf("virtio_blk: %s: queue size %u\n", pci_slot_name(d->devind, name), d->qsize);
		return ENXIO;
	}
	cwrite(d, VC_Q_SIZE, 2, d->qsize);
	for (i = 0; i < 3; i++) {
		if ((pg = pool_take()) < 0) {
			printf("virtio_blk: no pages for the ring\n");
			return ENOMEM;
		}
		d->page[i] = pool[pg];
	}
	d->desc_off = 0;
	d->avail_off = PAGE;
	d->used_off = 2 * PAGE;
	cwrite(d, VC_Q_DESC, 4, (uint32_t)page_phys(d, 0));
	cwrite(d, VC_Q_DESC + 4, 4, 0);
	cwrite(d, VC_Q_DRIVER, 4, (uint32_t)page_phys(d, 1));
	cwrite(d, VC_Q_DRIVER + 4, 4, 0);
	cwrite(d, VC_Q_DEVICE, 4, (uint32_t)page_phys(d, 2));
	cwrite(d, VC_Q_DEVICE + 4, 4, 0);
	d->notify *= cread(d, VC_Q_NOFF, 2);
	cwrite(d, VC_Q_ENABLE, 2, 1);
	return OK;
}

static int dev_init(struct vdev *d, int index)
{
	uint32_t feat;
	int r;
	char name[24];

	d->modern = find_caps(d);
	r = d->modern ? modern_setup(d, &feat) : legacy_setup(d, &feat);
	if (r != OK) {
		set_status(d, VS_FAILED);
		return r;
	}
	d->read_only = !!(feat & VBF_RO);
	d->sectors = dcfg32(d, VBC_CAPACITY) | (uint64_t)dcfg32(d, VBC_CAPACITY + 4) << 32;
	d->maxseg = d->qsize - 2;
	if ((feat & VBF_SEG_MAX) && dcfg32(d, VBC_SEG_MAX) > 0 &&
	    dcfg32(d, VBC_SEG_MAX) < d->maxseg)
		d->maxseg = dcfg32(d, VBC_SEG_MAX);

	d->irq = pci_irq(d->devind);
	d->hook = HOOK_BASE + index;
	if (d->irq < 0 || (r = sys_irqsetpolicy(d->irq, 0, &d->hook)) != OK) {
		printf("virtio_blk: %s: no interrupt line (irq %d)\n",
		    pci_slot_name(d->devind, name), d->irq);
		set_status(d, VS_FAILED);
		return ENXIO;
	}
	set_status(d, VS_ACK | VS_DRIVER | (d->modern ? VS_FEATURES_OK : 0) | VS_DRIVER_OK);
	printf("virtio_blk: %d: %s, %s, irq %d, %llu sectors (%llu KiB)%s\n", index,
	    pci_slot_name(d->devind, name),
	    d->modern ? (d->platform ? "virtio 1.0, DMA through the IOMMU" : "virtio 1.0") : "legacy",
	    d->irq, (unsigned long long)d->sectors,
	    (unsigned long long)d->sectors / 2, d->read_only ? ", read-only" : "");
	return OK;
}

/* Its interrupt line enabled again; a failure (a fault: it cannot fail
 * for a hook we hold) would leave requests unanswered for good, so we
 * stop and RS starts us again, as MINIX's drivers do. */
static void irq_on(struct vdev *d)
{
	int r;

	if ((r = sys_irqenable(&d->hook)) != OK)
		panic("sys_irqenable failed: %d", r);
}

/* Wait for the device to answer the request just queued. */
static void wait_used(struct vdev *d)
{
	message m;

	while (*used_idx(d) == d->used_idx) {
		if (sef_receive(HARDWARE, &m) != OK)
			continue;
		isr_ack(d);                 /* acknowledges, drops the line */
		irq_on(d);
	}
	barrier();
	d->used_idx++;
}

/* Descriptors 1..n-1 (the data), as the device will read them: each
 * inside one range vumap gave us?  Without an IOMMU nothing but this
 * stops a fault in the loop that builds them (a bound not applied) from
 * sending the device to memory the caller never granted. */
static int descs_held(struct vdev *d, unsigned n, int nph)
{
	unsigned k;
	int i;

	for (k = 1; k < n; k++) {
		volatile struct vring_desc *v = desc(d, k);
		uint64_t a = v->addr, len = v->len;

		for (i = 0; i < nph; i++)
			if (a >= phys[i].vp_addr && len <= phys[i].vp_size &&
			    a - phys[i].vp_addr <= phys[i].vp_size - len)
				break;
		if (i == nph || len == 0)
			return 0;
	}
	return 1;
}

/* One device request: sector, and bytes [from, to) of the mapped ranges.
 * OK, or EIO if the device says no. */
static int one_request(struct vdev *d, int do_write, uint64_t sector,
	int nph, size_t from, size_t to)
{
	size_t at = 0, a, b;
	unsigned n = 1, k;
	int i;

	req_hdr->type = do_write ? VB_T_OUT : VB_T_IN;
	req_hdr->reserved = 0;
	req_hdr->sector = sector;
	*req_status = 0xff;
	*desc(d, 0) = (struct vring_desc){ req_hdr_phys, sizeof(*req_hdr), VRING_DESC_F_NEXT, 1 };
	for (i = 0; i < nph && at < to; at += phys[i].vp_size, i++) {
		a = from > at ? from - at : 0;
		b = to - at < phys[i].vp_size ? to - at : phys[i].vp_size;
		if (a >= b)
			continue;
		*desc(d, n) = (struct vring_desc){ phys[i].vp_addr + a, (uint32_t)(b - a),
			VRING_DESC_F_NEXT | (do_write ? 0 : VRING_DESC_F_WRITE), (uint16_t)(n + 1) };
		n++;
	}
	if (!descs_held(d, n, nph))
		panic("a request's descriptors reach past its DMA holds");
	/* sef_fi_dma: the wild-DMA fault's hook (docs/fault-injection.md) */
	for (k = 1; k < n; k++)
		desc(d, k)->addr = sef_fi_dma(desc(d, k)->addr);
	*desc(d, n) = (struct vring_desc){ req_status_phys, 1, VRING_DESC_F_WRITE, 0 };
	avail(d)[2 + d->avail_idx % d->qsize] = 0;
	barrier();
	avail(d)[1] = ++d->avail_idx;
	barrier();
	notify(d);
	wait_used(d);
	return *req_status == VB_S_OK ? OK : EIO;
}

/* The end of the next request starting at byte from: at most maxseg
 * segments, a whole number of sectors. */
static size_t request_end(struct vdev *d, int nph, size_t from, size_t total)
{
	size_t at = 0, end = from;
	unsigned segs = 0;
	int i;

	for (i = 0; i < nph && segs < d->maxseg; at += phys[i].vp_size, i++) {
		if (at + phys[i].vp_size <= from)
			continue;
		end = at + phys[i].vp_size;
		segs++;
	}
	if (end > total)
		end = total;
	return end == total ? end : from + (end - from) / SECTOR * SECTOR;
}

/* Give back the holds of phys[0..nph), and forget them: an entry is
 * zeroed once released.  A request whose count of entries a fault made
 * too large then finds empty entries (skipped, here and in one_request),
 * never the frames of an earlier request, held no more (seen in the
 * fault campaign: a superblock written to the disk from them). */
static void release(int nph)
{
	struct vumap_phys held[SCPVEC_NR];
	int i, n = 0, r;

	for (i = 0; i <= nph && i <= MAX_PHYS; i++) {
		if (i < nph && i < MAX_PHYS && phys[i].vp_size != 0) {
			held[n++] = phys[i];
			phys[i] = (struct vumap_phys){ 0, 0 };
		}
		if (n > 0 && (n == SCPVEC_NR || i == nph || i == MAX_PHYS)) {
			if ((r = sys_vumap_release(held, n)) != OK)
				printf("virtio_blk: releasing DMA holds failed (%d)\n", r);
			n = 0;
		}
	}
}

static ssize_t vb_transfer(devminor_t minor, int do_write, u64_t pos,
	endpoint_t endpt, iovec_t *iov, unsigned int count, int flags)
{
	struct vdev *d;
	struct device *dv;
	struct vumap_vir v;
	uint64_t total = 0, bytes;
	size_t from, to;
	unsigned int i;
	int nph = 0, n, r = OK;

	(void)flags;
	if ((d = dev_of(minor, &dv)) == NULL)
		return ENXIO;
	if (pos % SECTOR)
		return EINVAL;
	for (i = 0; i < count; i++) {
		if (iov[i].iov_size == 0 || iov[i].iov_size % SECTOR)
			return EINVAL;
		total += iov[i].iov_size;
	}
	bytes = d->sectors * SECTOR;
	/* Cut at the end, as MINIX: 0 bytes at or past it, short across. */
	if ((r = blockdriver_range(dv, bytes, pos, &total, &pos)) != OK)
		return r;
	if (total == 0)
		return 0;
	count = blockdriver_clip(iov, count, total);
	if (do_write && d->read_only)
		return EROFS;
	/* Every grant first: a bad one refuses the request before the
	 * device sees any of it. */
	for (i = 0; i < count && r == OK; i++) {
		uint64_t got = 0;
		int k;
		v.vv_grant = (cp_grant_id_t)iov[i].iov_addr;
		v.vv_size = iov[i].iov_size;
		n = MAX_PHYS - nph;
		if (n > SCPVEC_NR)
			n = SCPVEC_NR;
		if (n == 0) {
			r = E2BIG;
			break;
		}
		r = sys_vumap(endpt, &v, 1, 0, do_write ? VUA_READ : VUA_WRITE, phys + nph, &n);
		if (r != OK)
			break;
		for (k = 0; k < n; k++)
			got += phys[nph + k].vp_size;
		nph += n;
		if (got != iov[i].iov_size)
			r = E2BIG;   /* more pieces than we keep */
	}
	for (from = 0; r == OK && from < total; from = to) {
		to = request_end(d, nph, from, total);
		if (to == from) {
			r = EIO;
			break;
		}
		r = one_request(d, do_write, (pos + from) / SECTOR, nph, from, to);
	}
	release(nph);
	return r == OK ? (ssize_t)total : r;
}

/* The first open of a device's minors reads its partition table again. */
static int vb_open(devminor_t minor, int access)
{
	struct vdev *d = dev_of(minor, NULL);
	int i;

	(void)access;
	if (d == NULL)
		return ENXIO;
	i = (int)(d - devs);
	if (open_ct[i]++ == 0) {
		parted[i] = 1;
		partition(&vb_bdr, i * DEV_PER_DRIVE, P_PRIMARY, 0);
	}
	return OK;
}

static int vb_close(devminor_t minor)
{
	struct vdev *d = dev_of(minor, NULL);

	if (d == NULL)
		return ENXIO;
	if (open_ct[d - devs] > 0)
		open_ct[d - devs]--;
	return OK;
}

static struct device *vb_part(devminor_t minor)
{
	struct device *dv;

	return dev_of(minor, &dv) ? dv : NULL;
}

/* An interrupt while idle (a config change, or a late one): acknowledge. */
static void vb_intr(unsigned int mask)
{
	int i;

	for (i = 0; i < nr_devs; i++)
		if (mask & (1u << devs[i].hook)) {
			isr_ack(&devs[i]);
			irq_on(&devs[i]);
		}
}

static const struct blockdriver vb_bdr = {
	.bdr_type = BLOCKDRIVER_TYPE_DISK,
	.bdr_part = vb_part,
	.bdr_open = vb_open,
	.bdr_close = vb_close,
	.bdr_transfer = vb_transfer,
	.bdr_intr = vb_intr,
};

static int init(int type, sef_init_info_t *info)
{
	int r, devind;
	uint16_t vid, did;

	(void)info;
	if ((r = pci_init()) != OK) {
		printf("virtio_blk: cannot read PCI configuration space (%d)\n", r);
		return r;
	}
	if ((r = pool_init()) != OK) {
		printf("virtio_blk: cannot map the ring pool (%d)\n", r);
		return r;
	}
	for (r = pci_first_dev(&devind, &vid, &did); r == OK && nr_devs < MAX_DEVS;
	    r = pci_next_dev(&devind, &vid, &did)) {
		if (vid != VIRTIO_VID || (did != VIRTIO_BLK_DID && did != VIRTIO_BLK_DID1))
			continue;
		devs[nr_devs].devind = devind;
		if (type == SEF_INIT_RESTART)
			pci_restore(devind);
		if (dev_init(&devs[nr_devs], nr_devs) != OK)
			break;
		part[nr_devs][0].dv_size = devs[nr_devs].sectors * SECTOR;
		nr_devs++;
	}
	if (nr_devs == 0)
		printf("virtio_blk: no virtio block device\n");
	blockdriver_announce(type);
	if (type != SEF_INIT_RESTART)
		for (r = 0; r < nr_devs; r++)
			pci_keep(devs[r].devind);
	return OK;
}

int main(void)
{
	sef_setcb_init_fresh(init);
	sef_setcb_init_restart(init);
	sef_startup();
	blockdriver_task(&vb_bdr);
	return 0;
}
