/* dma.c - at_wini's bus-master DMA: the IDE controller's PCI function
 * (PIIX3 in QEMU's pc machine: class 01/01, BAR4 = the bus-master
 * registers, the primary channel's eight first).  The caller's grants are
 * vumapped (SYS_VUMAP: the frames, held until SYS_VUMAP_RELEASE), written
 * into a physical region descriptor table (PRD), and the controller moves
 * the data straight between the disk and those frames.
 *
 * A command moves at most MAX_DMA_SECTORS; a request is cut into such
 * pieces, each vumapped, run and released before the next.  A buffer at
 * an odd address or of an odd length cannot be described to the
 * controller: such a request goes by PIO.  No usable BAR4 (or one outside
 * the .conf's ports): dma_init() leaves wini.dma 0 and everything goes by
 * PIO; so does a disk without DMA (IDENTIFY word 49).
 */
#include <minix/syslib.h>
#include <minix/sef.h>
#include <minix/pci.h>
#include <minix/fi.h>
#include <stdio.h>
#include <string.h>
#include "at_wini.h"

#define BM_CMD       0     /* bus-master registers, from wini.bm_base */
#define BM_STATUS    2
#define BM_PRD       4
#define BM_CMD_START 0x01
#define BM_CMD_TOMEM 0x08  /* the controller writes memory (a disk read) */
#define BM_ST_ACTIVE 0x01
#define BM_ST_ERR    0x02
#define BM_ST_INTR   0x04

#define PRD_EOT      0x80000000u
#define NR_PRD       (4096 / 8)
#define MAX_DMA_SECTORS 256	/* 128 KiB a command */

struct prd { uint32_t addr; uint32_t count; };	/* count: bytes, 0 = 64 KiB; bit 31 EOT */
static struct prd prd[NR_PRD] __attribute__((aligned(4096)));
static phys_bytes prd_phys;

/* Where the bus-master registers of the primary channel are, if the
 * controller and the disk can do DMA. */
void dma_init(void)
{
	struct vumap_vir v;
	struct vumap_phys p;
	uint32_t base, size;
	int devind, io, n = 1, r;
	char name[24];
	cp_grant_id_t g;

	if (pci_init() != OK || pci_find_class(1, 1, -1, 0, &devind) != OK) {
		printf("at_wini: no PCI IDE controller: PIO\n");
		return;
	}
	/* BAR4, at 0x20: MINIX's names count from 1 (PCI_BAR_5). */
	if ((r = pci_get_bar(devind, PCI_BAR_5, &base, &size, &io)) != OK || !io || size < 8) {
		printf("at_wini: the IDE controller %s has no bus-master BAR (%d, %x): PIO\n",
		    pci_slot_name(devind, name), r, pci_attr_r32(devind, PCI_BAR_5));
		return;
	}
	/* The PRD table's frame: vumap a grant of it to ourselves. */
	g = cpf_grant_direct(sef_self(), (vir_bytes)prd, sizeof(prd), CPF_READ | CPF_WRITE);
	v.vv_grant = g;
	v.vv_size = sizeof(prd);
	if (g == GRANT_INVALID || sys_vumap(sef_self(), &v, 1, 0, VUA_READ | VUA_WRITE,
	    &p, &n) != OK || n != 1) {
		printf("at_wini: cannot find the PRD table's frame: PIO\n");
		return;
	}
	prd_phys = p.vp_addr;
	wini.bm_base = (int)base;
	/* The .conf must give us the registers: a port outside it fails here. */
	if (sys_outb(wini.bm_base + BM_CMD, 0) != OK) {
		printf("at_wini: bus-master ports %x not in at_wini.conf: PIO\n", base);
		return;
	}
	pci_enable(devind, PCI_CR_IO_EN | PCI_CR_MAST_EN);
	sys_outb(wini.bm_base + BM_STATUS, BM_ST_ERR | BM_ST_INTR);
	wini.dma = 1;
}

/* PRD entries 0..k-1, as the controller will read them: each inside one
 * of the ranges p[0..n) vumap gave us?  Without an IOMMU nothing but this
 * stops a fault in fill_prd (a bound not applied) from sending the
 * controller to memory the caller never granted. */
static int prd_held(const struct vumap_phys *p, int n, int k)
{
	int i, j;

	for (j = 0; j < k; j++) {
		volatile struct prd *e = &prd[j];
		uint32_t a = e->addr, len = e->count & 0xffff;

		if (len == 0)
			len = 0x10000;
		for (i = 0; i < n; i++)
			if (a >= p[i].vp_addr && len <= p[i].vp_size &&
			    a - p[i].vp_addr <= p[i].vp_size - len)
				break;
		if (i == n)
			return 0;
	}
	return 1;
}

/* Describe ranges p[0..n) (use bytes of them) in the PRD table, split at
 * 64 KiB boundaries as the controller wants.  0, or -1 if a range is at an
 * odd address or of an odd length. */
static int fill_prd(const struct vumap_phys *p, int n, vir_bytes use)
{
	int i, j, k = 0;

	for (i = 0; i < n && use > 0; i++) {
		phys_bytes a = p[i].vp_addr;
		vir_bytes left = p[i].vp_size < use ? p[i].vp_size : use;

		if ((a | left) & 1)
			return -1;
		use -= left;
		while (left > 0) {
			vir_bytes chunk = 0x10000 - (a & 0xffff);
			if (chunk > left)
				chunk = left;
			if (k == NR_PRD)
				return -1;
			prd[k].addr = (uint32_t)a;
			prd[k].count = (uint32_t)chunk & 0xffff;
			k++;
			a += chunk;
			left -= chunk;
		}
	}
	if (k == 0)
		return -1;
	if (!prd_held(p, n, k))
		panic("a request's PRD entries reach past its DMA holds");
	/* sef_fi_dma: the wild-DMA fault's hook */
	for (j = 0; j < k; j++)
		prd[j].addr = (uint32_t)sef_fi_dma(prd[j].addr);
	prd[k - 1].count |= PRD_EOT;
	return 0;
}

/* One DMA command: count sectors at lba, the PRD table filled. */
static int dma_command(const struct drive *d, int do_write, uint64_t lba,
	unsigned int count)
{
	int ext = lba + count > LBA28_LIMIT, st, bst, r = OK;

	sys_outb(wini.bm_base + BM_CMD, 0);
	sys_outb(wini.bm_base + BM_STATUS, BM_ST_ERR | BM_ST_INTR);
	sys_outl(wini.bm_base + BM_PRD, (uint32_t)prd_phys);
	sys_outb(wini.bm_base + BM_CMD, do_write ? 0 : BM_CMD_TOMEM);
	w_alarm_start();
	if (w_command(d, do_write ? (ext ? CMD_WRITE_DMA_EXT : CMD_WRITE_DMA)
	    : (ext ? CMD_READ_DMA_EXT : CMD_READ_DMA), lba, count, ext) != OK) {
		r = EIO;
		goto out;
	}
	sys_outb(wini.bm_base + BM_CMD, (do_write ? 0 : BM_CMD_TOMEM) | BM_CMD_START);
	st = w_intr_wait();
	bst = w_in(wini.bm_base + BM_STATUS);
	if (st < 0 || (st & (ST_ERR | ST_DF | ST_DRQ)) || (bst & BM_ST_ERR))
		r = EIO;
out:
	sys_outb(wini.bm_base + BM_CMD, 0);
	sys_outb(wini.bm_base + BM_STATUS, BM_ST_ERR | BM_ST_INTR);
	w_alarm_stop();
	if (r != OK) {
		wini.errors++;
		w_reset();
	}
	return r;
}

/* The *left bytes (sector multiples, within the disk) at *lba from or
 * into the caller's pieces from cursor c: vumapped a command at a time;
 * *lba, *left and c advance as commands complete.  OK, EIO, the grant
 * error, or EAGAIN when a piece cannot be described to the controller
 * (an odd address or length): the caller moves the rest by PIO. */
int dma_transfer(const struct drive *d, int do_write, uint64_t *lba, uint64_t *left,
	endpoint_t endpt, const iovec_t *iov, unsigned int count, struct cursor *c)
{
	static struct vumap_vir v[NR_IOREQS];
	static struct vumap_phys p[SCPVEC_NR];
	unsigned int nv, k;
	vir_bytes want, got, use;
	int n, r;

	while (*left > 0) {
		/* The pieces of the next command, from c. */
		want = *left > MAX_DMA_SECTORS * SECTOR_SIZE ?
		    MAX_DMA_SECTORS * SECTOR_SIZE : (vir_bytes)*left;
		for (nv = 0, got = 0; got < want && c->i + nv < count; nv++) {
			vir_bytes sz = iov[c->i + nv].iov_size - (nv ? 0 : c->off);
			if (sz > want - got)
				sz = want - got;
			v[nv].vv_grant = (cp_grant_id_t)iov[c->i + nv].iov_addr;
			/* MINIX's vumap: the first piece's size counts from
			 * the grant's start, offset c->off into it. */
			v[nv].vv_size = sz + (nv ? 0 : c->off);
			got += sz;
		}
		n = SCPVEC_NR;
		r = sys_vumap(endpt, v, (int)nv, c->off, do_write ? VUA_READ : VUA_WRITE, p, &n);
		if (r != OK)
			return r;
		for (k = 0, got = 0; k < (unsigned int)n; k++)
			got += p[k].vp_size;
		use = got < want ? got - got % SECTOR_SIZE : want;
		if (use == 0 || fill_prd(p, n, use) != 0) {
			sys_vumap_release(p, n);
			return EAGAIN;
		}
		r = dma_command(d, do_write, *lba, (unsigned int)(use / SECTOR_SIZE));
		sys_vumap_release(p, n);
		if (r != OK)
			return r;
		*left -= use, *lba += use / SECTOR_SIZE;
		cursor_advance(c, iov, use);
	}
	return OK;
}
