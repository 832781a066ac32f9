/* b_disk.c - what a disk read costs through a block driver: 1 MiB read
 * from at_wini (the scratch IDE disk tools/bench.sh gives bench.iso) in
 * one BDEV_GATHER of 64 pieces of 16 KiB, by bus-master DMA and by PIO
 * (ATAIOCSPIO), and the same 1 MiB written.  Skipped when there is no
 * at_wini.
 */
#include <string.h>
#include <stdio.h>
#include <minix/ds.h>
#include <minix/blockdriver.h>
#include <minix/at_wini.h>
#include "bench.h"

#define MIB   (1024 * 1024)
#define PIECE (MIB / NR_IOREQS)
#define DISK_ITERS 5

static uint8_t buf[MIB] __attribute__((aligned(4096)));
static endpoint_t drv;

static int breq(int type, uint64_t pos, cp_grant_id_t g, uint32_t count)
{
	message m;

	memset(&m, 0, sizeof(m));
	m.m_type = type;
	m.m_lbdev_lblockdriver_msg.minor = 0;
	m.m_lbdev_lblockdriver_msg.pos = pos;
	m.m_lbdev_lblockdriver_msg.grant = g;
	if (type == BDEV_IOCTL)
		m.m_lbdev_lblockdriver_msg.request = (int)count;
	else
		m.m_lbdev_lblockdriver_msg.count = (int)count;
	if (ipc_sendrec(drv, &m) != OK || m.m_type != BDEV_REPLY)
		return EGENERIC;
	return m.m_lblockdriver_lbdev_reply.status;
}

static int set_pio(int on)
{
	cp_grant_id_t g = cpf_grant_direct(drv, (vir_bytes)&on, sizeof(on), CPF_READ);
	int r = breq(BDEV_IOCTL, 0, g, ATAIOCSPIO);

	cpf_revoke(g);
	return r;
}

/* 1 MiB at 1 MiB on the disk, in one vectored request. */
static void time_mib(const char *name, int write)
{
	static iovec_s_t iov[NR_IOREQS];
	static uint64_t s[DISK_ITERS];
	cp_grant_id_t gv;
	int i, k;

	for (k = 0; k < DISK_ITERS; k++) {
		for (i = 0; i < NR_IOREQS; i++) {
			iov[i].iov_grant = cpf_grant_direct(drv, (vir_bytes)buf + i * PIECE,
			    PIECE, write ? CPF_READ : CPF_WRITE);
			iov[i].iov_size = PIECE;
		}
		gv = cpf_grant_direct(drv, (vir_bytes)iov, sizeof(iov), CPF_READ);
		uint64_t t0 = rdtsc64();
		int r = breq(write ? BDEV_SCATTER : BDEV_GATHER, MIB, gv, NR_IOREQS);
		s[k] = rdtsc64() - t0;
		cpf_revoke(gv);
		for (i = 0; i < NR_IOREQS; i++)
			cpf_revoke(iov[i].iov_grant);
		if (r != MIB) {
			printf("bench: %s: %d\n", name, r);
			return;
		}
	}
	report(name, s, DISK_ITERS);
}

void bench_disk(void)
{
	if (ds_retrieve_label_endpt("at_wini", &drv) != OK ||
	    breq(BDEV_OPEN, 0, GRANT_INVALID, 0) != OK)
		return;
	memset(buf, 0x5a, sizeof(buf));
	time_mib("ata_dma_write_1m", 1);
	time_mib("ata_dma_read_1m", 0);
	if (set_pio(1) != OK)
		return;
	time_mib("ata_pio_write_1m", 1);
	time_mib("ata_pio_read_1m", 0);
	set_pio(0);
}
