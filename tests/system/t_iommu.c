/* t_iommu.c - DMA under the IOMMU (iommu.iso: QEMU's q35 machine with
 * -device intel-iommu, at_wini's disk on a PIIX3 IDE controller and
 * virtio_blk's on a modern-only virtio-blk-pci with iommu_platform=on;
 * `runner iommu` runs these tests only, tools/test.sh).  The disk tests
 * run once for each driver (test_iommu_vblk_*: virtio_blk, through the
 * virtio 1.0 transport with VIRTIO_F_ACCESS_PLATFORM).
 *
 *  - test_iommu_disk_io: at_wini's bus-master DMA works under translation:
 *    a pattern written is read back byte-exact.
 *  - test_iommu_wild_dma: a `wilddma` fault aimed (RS_FI -addr) at a page
 *    of ours that at_wini's device wrote by right just before (a hold,
 *    released: the IOTLB must have forgotten it), now filled with a
 *    canary: at_wini's next read tells the device to
 *    write the disk's data there.  The IOMMU blocks it (the page is no hold
 *    of at_wini's), the kernel logs the fault record and kills the driver
 *    before it answers (the request sees EDEADSRCDST), RS restarts it, and
 *    then: the canary is intact byte for byte, the data reads back right,
 *    and a new write and read work.  The canary's physical address is
 *    printed ("iommu: canary at 0x... (LABEL)") so the host can find the kernel's
 *    fault record for exactly that page.
 *
 *  - test_iommu_vumap_cost: the mean cost of a vumap and its release, for
 *    a process that drives a device (printed; docs/kernel.md).
 *
 * `runner iommu-off` runs test_iommu_wild_dma_unconfined on the same image
 * booted without an IOMMU (the pc machine): the same wild DMA then lands
 * in the canary, which shows the canary check can fail.
 */
#include <minix/ds.h>
#include <minix/blockdriver.h>
#include <minix/rs.h>
#include <minix/fi.h>
#include "t.h"

#define SEC     512
#define POS     (64 * SEC)
#define LEN     4096
#define CANARY  0xa5

static uint8_t canary[4096] __attribute__((aligned(4096)));
static uint8_t wbuf[LEN] __attribute__((aligned(4096)));
static uint8_t rbuf[LEN] __attribute__((aligned(4096)));

static void pattern(uint8_t *p, size_t n, unsigned seed)
{
	size_t i;

	for (i = 0; i < n; i++)
		p[i] = (uint8_t)(seed * 131 + i * 7 + (i >> 9));
}

static int xfer(endpoint_t ep, int write, uint64_t pos, uint8_t *p, size_t n)
{
	cp_grant_id_t g = cpf_grant_direct(ep, (vir_bytes)p, n, write ? CPF_READ : CPF_WRITE);
	int r;

	if (g == GRANT_INVALID)
		return ENOMEM;
	r = t_bdev(ep, write ? BDEV_WRITE : BDEV_READ, 0, pos, g, (uint32_t)n);
	cpf_revoke(g);
	return r;
}

static int open_ok(endpoint_t ep)
{
	return t_bdev(ep, BDEV_OPEN, 0, 0, GRANT_INVALID, 0) == OK;
}

/* Physical address of our page p (vumap of a grant to ourselves). */
static phys_bytes phys_of(void *p)
{
	struct vumap_vir v;
	struct vumap_phys ph;
	int n = 1;
	cp_grant_id_t g = cpf_grant_direct(t_self(), (vir_bytes)p, 4096, CPF_READ | CPF_WRITE);

	v.vv_grant = g;
	v.vv_size = 4096;
	if (g == GRANT_INVALID || sys_vumap(t_self(), &v, 1, 0, VUA_READ | VUA_WRITE, &ph, &n) != OK)
		return 0;
	sys_vumap_release(&ph, n);
	cpf_revoke(g);
	return ph.vp_addr;
}

/* The driver's endpoint once it is up (virtio_blk may still be starting). */
static int driver_up(const char *label, endpoint_t *ep)
{
	clock_t end;

	for (end = t_now() + 5 * sys_hz(); t_now() < end; t_sleep(1))
		if (ds_retrieve_label_endpt(label, ep) == OK && open_ok(*ep))
			return 1;
	return 0;
}

static int disk_io(const char *label)
{
	endpoint_t ep;

	T_TRUE(driver_up(label, &ep));
	pattern(wbuf, LEN, 3);
	T_EQ(xfer(ep, 1, POS, wbuf, LEN), LEN);
	memset(rbuf, 0, LEN);
	T_EQ(xfer(ep, 0, POS, rbuf, LEN), LEN);
	T_EQ(memcmp(wbuf, rbuf, LEN), 0);
	return 0;
}

int test_iommu_disk_io(void) { return disk_io("at_wini"); }
int test_iommu_vblk_disk_io(void) { return disk_io("virtio_blk"); }

static int count_not(const uint8_t *p, size_t n, int v)
{
	int k = 0;

	while (n--)
		k += *p++ != v;
	return k;
}

/* The wild DMA of a read aimed at our canary page; confined: whether the
 * IOMMU must stop it.  Then the driver's restart and the data. */
static int wild_dma(const char *label, int confined)
{
	endpoint_t ep0, ep1 = NONE;
	struct fi_log log;
	phys_bytes pa;
	message m;
	clock_t end;
	int r;

	T_TRUE(driver_up(label, &ep0));
	pattern(wbuf, LEN, 9);
	T_EQ(xfer(ep0, 1, POS, wbuf, LEN), LEN);
	/* The canary page was at_wini's a moment ago: the device wrote it by
	 * right (a hold, released since).  A stale IOTLB entry would let the
	 * wild write through. */
	T_EQ(xfer(ep0, 0, POS, canary, LEN), LEN);
	T_EQ(memcmp(canary, wbuf, LEN), 0);
	memset(canary, CANARY, sizeof(canary));
	T_TRUE((pa = phys_of(canary)) != 0);
	printf("iommu: canary at 0x%x (%s)\n", (unsigned)pa, label);

	memset(&m, 0, sizeof(m));
	m.m_type = RS_FI;
	strcpy(m.m_rs_fi.label, label);
	m.m_rs_fi.op = FI_OP_INJECT;
	m.m_rs_fi.type = FI_WILDDMA;
	m.m_rs_fi.addr = (uint32_t)pa;
	m.m_rs_fi.buf = (vir_bytes)&log;
	m.m_rs_fi.len = sizeof(log);
	T_EQ(ipc_sendrec(RS_PROC_NR, &m), OK);
	T_EQ(m.m_type, OK);
	T_EQ(log.value, pa);

	memset(rbuf, 0, LEN);
	r = xfer(ep0, 0, POS, rbuf, LEN);
	if (confined) {
		/* Killed at the fault, before its answer. */
		T_EQ(r, EDEADSRCDST);
		T_EQ(count_not(canary, sizeof(canary), CANARY), 0);
		for (end = t_now() + 5 * sys_hz(); t_now() < end; t_sleep(1))
			if (ds_retrieve_label_endpt(label, &ep1) == OK && ep1 != ep0 &&
			    open_ok(ep1))
				break;
		T_TRUE(ep1 != ep0 && ep1 != NONE);
	} else {
		/* Nothing stops it: the disk's data is in the canary page. */
		T_EQ(r, LEN);
		T_EQ(memcmp(canary, wbuf, LEN), 0);
		ep1 = ep0;
	}
	/* The data is right, reading and writing. */
	memset(rbuf, 0, LEN);
	T_EQ(xfer(ep1, 0, POS, rbuf, LEN), LEN);
	T_EQ(memcmp(wbuf, rbuf, LEN), 0);
	pattern(wbuf, LEN, 10);
	T_EQ(xfer(ep1, 1, POS, wbuf, LEN), LEN);
	memset(rbuf, 0, LEN);
	T_EQ(xfer(ep1, 0, POS, rbuf, LEN), LEN);
	T_EQ(memcmp(wbuf, rbuf, LEN), 0);
	if (confined)
		T_EQ(count_not(canary, sizeof(canary), CANARY), 0);
	return 0;
}

int test_iommu_wild_dma(void) { return wild_dma("at_wini", 1); }
int test_iommu_wild_dma_unconfined(void) { return wild_dma("at_wini", 0); }
int test_iommu_vblk_wild_dma(void) { return wild_dma("virtio_blk", 1); }

/* ---- the cost of a vumap ---- */

#define COST_REPORT 0x7e60
#define COST_ROUNDS 100
#define STD_VGA     0x12341111u	/* QEMU's VGA: a PCI function no driver uses */

static endpoint_t cost_parent;
static uint8_t cost_page[4096] __attribute__((aligned(4096)));

static inline uint64_t rdtsc64(void)
{
	uint32_t lo, hi;

	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return (uint64_t)hi << 32 | lo;
}

/* COST_ROUNDS vumaps of one page, each released: the mean per pair. */
static void vumap_loop(void *arg)
{
	struct vumap_vir v;
	struct vumap_phys p;
	uint64_t t0, t1;
	int i, n, r = OK;

	(void)arg;
	v.vv_grant = cpf_grant_direct(t_self(), (vir_bytes)cost_page, 4096, CPF_READ | CPF_WRITE);
	v.vv_size = 4096;
	t0 = rdtsc64();
	for (i = 0; i < COST_ROUNDS && r == OK; i++) {
		n = 1;
		if ((r = sys_vumap(t_self(), &v, 1, 0, VUA_READ | VUA_WRITE, &p, &n)) == OK)
			r = sys_vumap_release(&p, n);
	}
	t1 = rdtsc64();
	t_reply(cost_parent, COST_REPORT, r == OK ? (int)((t1 - t0) / COST_ROUNDS) : r);
	for (;;)
		t_sleep(100);
}

/* A process that drives a device (the VGA function: its .conf would say
 * "pci device 1234/1111") vumaps and releases one page: with an IOMMU each
 * pair maps the frame in its domain, unmaps it and invalidates the IOTLB.
 * The mean is printed, in TSC ticks: guest instructions under QEMU's
 * -icount shift=0 (docs/kernel.md); the test checks that it works. */
int test_iommu_vumap_cost(void)
{
	struct priv_desc d;
	endpoint_t c;
	int v;

	cost_parent = t_self();
	c = t_fork_stopped(vumap_loop, NULL);
	T_TRUE(c != NONE);
	memset(&d, 0, sizeof(d));
	d.pd_flags = SYS_PROC | PREEMPTIBLE | DMA_OK;
	d.pd_trap_mask = TRAPS_ALL;
	memset(d.pd_call_mask, 0xff, sizeof(d.pd_call_mask));
	memset(d.pd_ipc_to, 0xff, sizeof(d.pd_ipc_to));
	d.pd_nr_pci = 1;
	d.pd_pci[0] = STD_VGA;
	d.pd_sig_mgr = SELF;
	T_EQ(sys_privctl(c, SYS_PRIV_SET_SYS, &d), OK);
	d.pd_nr_pci = NR_PCI_ID + 1;
	T_EQ(sys_privctl(c, SYS_PRIV_SET_SYS, &d), EINVAL);
	T_EQ(sys_privctl(c, SYS_PRIV_ALLOW, NULL), OK);
	T_EQ(t_expect(c, COST_REPORT, &v), OK);
	T_TRUE(v > 0);
	printf("iommu: vumap + release of one page: %d TSC ticks\n", v);
	T_EQ(sys_clear(c), OK);
	return 0;
}
