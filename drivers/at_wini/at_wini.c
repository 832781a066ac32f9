/* at_wini.c - the ATA disk driver: the primary channel's disks on the
 * legacy ports (1f0-1f7, 3f6, IRQ 14), as QEMU's PIIX IDE gives them
 * (`-drive file=X,if=ide,format=raw,index=N`).  MINIX's minors
 * (minix/drvlib.h): 0 the master's whole disk (index 0, d0), 5 the
 * slave's (index 1, d1), 1-4 and 6-9 their primary partitions, 128-159
 * their subpartitions, read from the MBR by partition() at the first
 * request for a partition, and again at each first open of the disk.
 * Its size comes from IDENTIFY DEVICE (LBA28, or LBA48 when the disk has
 * it); commands are LBA28 when they fit, else LBA48.
 *
 * Data moves without a copy in the driver:
 *  - PIO: each sector goes between the data port and the caller's granted
 *    buffer in one SYS_SDEVIO (sys_safe_insw/sys_safe_outsw), checked
 *    against the grant in the kernel like every safecopy;
 *  - DMA: through the PIIX bus-master function (dma.c), when the disk's
 *    controller has a bus-master BAR: the grants are vumapped and the
 *    controller reads or writes the caller's frames.
 * Every wait is interrupt-driven (the IRQ's NOTIFY), with a 5-second
 * alarm per command; a request that arrives meanwhile waits in a queue.
 *
 * Requests are checked before the disk is touched: a position or a piece
 * that is not a multiple of 512 is EINVAL, a bad grant anywhere in the
 * vector is the grant's error: nothing moves.  A range at or past the
 * minor's end moves 0 bytes, one across it stops there (MINIX's).
 * A device error or a timeout is EIO (the channel is reset).
 */
#include <minix/syslib.h>
#include <minix/sef.h>
#include <minix/blockdriver.h>
#include <stdio.h>
#include <string.h>
#include <minix/at_wini.h>
#include "at_wini.h"

struct wini wini;

/* ---- requests that arrive while a command runs ---- */

#define QUEUE_LEN 16
static struct { message m; int status; } queue[QUEUE_LEN];
static int q_head, q_len;

static void enqueue(const message *m, int status)
{
	message r;

	if (q_len == QUEUE_LEN) {
		/* Cannot happen with fewer than 16 clients; answer rather than
		 * leave the caller waiting. */
		memset(&r, 0, sizeof(r));
		r.m_type = BDEV_REPLY;
		r.m_lblockdriver_lbdev_reply.id = m->m_lbdev_lblockdriver_msg.id;
		r.m_lblockdriver_lbdev_reply.status = EAGAIN;
		ipc_sendnb(m->m_source, &r);
		return;
	}
	queue[(q_head + q_len) % QUEUE_LEN].m = *m;
	queue[(q_head + q_len) % QUEUE_LEN].status = status;
	q_len++;
}

/* ---- registers and waits ---- */

uint8_t w_in(int reg)
{
	uint32_t v = 0xff;

	sys_inb(reg, &v);
	return (uint8_t)v;
}

void w_out(int reg, int v)
{
	sys_outb(reg, (uint32_t)v);
}

/* The 400 ns a device needs after a select or a reset: four reads of the
 * alternate status. */
static void delay400(void)
{
	int i;

	for (i = 0; i < 4; i++)
		w_in(REG_ALTSTATUS);
}

/* Poll the alternate status (which acknowledges nothing) until the disk is
 * not busy and (st & mask) == want; the status, or -1 after many tries. */
static int poll_status(int mask, int want)
{
	int i, st;

	for (i = 0; i < 100000; i++) {
		st = w_in(REG_ALTSTATUS);
		if (!(st & ST_BSY) && (st & mask) == want)
			return st;
	}
	return -1;
}

/* Arm the command's alarm. */
void w_alarm_start(void)
{
	wini.deadline = getticks() + W_TIMEOUT_S * sys_hz();
	sys_setalarm(W_TIMEOUT_S * sys_hz(), 0);
}

void w_alarm_stop(void)
{
	sys_setalarm(0, 0);
}

/* Wait for the disk's interrupt and for it to leave BSY; the status
 * (reading it acknowledges the interrupt), or -1 on timeout.  Requests
 * that come meanwhile are queued; an earlier interrupt's late NOTIFY is
 * harmless, since BSY is checked. */
int w_intr_wait(void)
{
	message m;
	int ipc_status, st;

	for (;;) {
		if (sef_receive_status(ANY, &m, &ipc_status) != OK)
			continue;
		if (!is_notify(m.m_type)) {
			enqueue(&m, ipc_status);
			continue;
		}
		if (m.m_source == HARDWARE) {
			st = w_in(REG_STATUS);
			if (!(st & ST_BSY))
				return st;
		} else if (m.m_source == CLOCK) {
			if ((long)(getticks() - wini.deadline) >= 0)
				return -1;	/* else a cancelled alarm's NOTIFY */
		}
	}
}

/* Reset the channel after an error or a timeout. */
void w_reset(void)
{
	w_out(REG_CTL, CTL_SRST | CTL_NIEN);
	delay400();
	w_out(REG_CTL, 0);
	poll_status(0, 0);
}

/* Load the task file for count sectors at lba and start cmd (the LBA28
 * or the LBA48 form, chosen by the caller). */
int w_command(const struct drive *d, int cmd, uint64_t lba, unsigned int count, int ext)
{
	if (poll_status(0, 0) < 0)
		return EIO;
	if (ext) {
		w_out(REG_DEVICE, DEV_LBA | d->sel);
		w_out(REG_COUNT, (count >> 8) & 0xff);
		w_out(REG_LBA0, (int)(lba >> 24) & 0xff);
		w_out(REG_LBA1, (int)(lba >> 32) & 0xff);
		w_out(REG_LBA2, (int)(lba >> 40) & 0xff);
	} else {
		w_out(REG_DEVICE, DEV_LBA | d->sel | ((int)(lba >> 24) & 0x0f));
	}
	w_out(REG_COUNT, count & 0xff);
	w_out(REG_LBA0, (int)lba & 0xff);
	w_out(REG_LBA1, (int)(lba >> 8) & 0xff);
	w_out(REG_LBA2, (int)(lba >> 16) & 0xff);
	w_out(REG_COMMAND, cmd);
	return OK;
}

/* ---- PIO ---- */

/* Move c on by n bytes. */
void cursor_advance(struct cursor *c, const iovec_t *iov, vir_bytes n)
{
	while (n > 0) {
		vir_bytes rest = iov[c->i].iov_size - c->off;
		if (n < rest) {
			c->off += n;
			return;
		}
		n -= rest;
		c->i++, c->off = 0;
	}
}

/* Move one DRQ block of bytes between the data port and the caller's
 * pieces at c: one SYS_SDEVIO per piece it touches. */
static int pio_block(int do_write, endpoint_t endpt, const iovec_t *iov,
	struct cursor *c, vir_bytes bytes)
{
	vir_bytes chunk;
	int r;

	for (; bytes > 0; bytes -= chunk) {
		chunk = iov[c->i].iov_size - c->off;
		if (chunk > bytes)
			chunk = bytes;
		cp_grant_id_t g = (cp_grant_id_t)iov[c->i].iov_addr;
		r = do_write ? sys_safe_outsw(REG_DATA, endpt, g, c->off, (int)chunk)
		    : sys_safe_insw(REG_DATA, endpt, g, c->off, (int)chunk);
		if (r != OK)
			return r;
		cursor_advance(c, iov, chunk);
	}
	return OK;
}

/* count sectors at lba of d by PIO, in DRQ blocks of d->multiple sectors
 * (READ/WRITE MULTIPLE; one sector with READ/WRITE SECTORS): each block
 * goes straight to or from the caller's grants, and the disk interrupts
 * once per block. */
static int pio_transfer(const struct drive *d, int do_write, uint64_t lba,
	unsigned int count, endpoint_t endpt, const iovec_t *iov, struct cursor *c)
{
	int ext = lba + count > LBA28_LIMIT, mult = d->multiple > 1, st, r = OK;
	unsigned int s, n;
	int cmd;

	if (do_write)
		cmd = mult ? (ext ? CMD_WRITE_MULT_EXT : CMD_WRITE_MULT)
		    : (ext ? CMD_WRITE_EXT : CMD_WRITE);
	else
		cmd = mult ? (ext ? CMD_READ_MULT_EXT : CMD_READ_MULT)
		    : (ext ? CMD_READ_EXT : CMD_READ);
	w_alarm_start();
	if (w_command(d, cmd, lba, count, ext) != OK) {
		r = EIO;
		goto out;
	}
	for (s = 0; s < count; s += n) {
		n = count - s < (unsigned int)d->multiple ? count - s
		    : (unsigned int)d->multiple;
		if (do_write) {
			/* The disk asks for each block with DRQ; the
			 * interrupt comes once it has taken it. */
			if (s == 0 && poll_status(ST_DRQ | ST_ERR, ST_DRQ) < 0) {
				r = EIO;
				break;
			}
			if (pio_block(1, endpt, iov, c, n * SECTOR_SIZE) != OK) {
				r = EIO;
				break;
			}
			st = w_intr_wait();
			if (st < 0 || (st & (ST_ERR | ST_DF)) ||
			    (s + n < count && !(st & ST_DRQ))) {
				r = EIO;
				break;
			}
		} else {
			st = w_intr_wait();
			if (st < 0 || (st & (ST_ERR | ST_DF)) || !(st & ST_DRQ) ||
			    pio_block(0, endpt, iov, c, n * SECTOR_SIZE) != OK) {
				r = EIO;
				break;
			}
		}
	}
out:
	w_alarm_stop();
	if (r != OK) {
		wini.errors++;
		w_reset();
	}
	return r;
}

/* ---- the block protocol ---- */

/* Each disk's minors: [0] the whole disk, [1..4] its primary
 * partitions; subpart its subpartitions (MINIX's numbering). */
static struct device part[NR_DRIVES][DEV_PER_DRIVE];
static struct device subpart[NR_DRIVES][SUB_PER_DRIVE];
static int parted[NR_DRIVES];	/* its partition table was read */
static int open_ct[NR_DRIVES];	/* opens of its minors */
static const struct blockdriver w_dtab;

/* The disk of a minor (*dv its place), or NULL.  The first use of a
 * partition reads the disk's partition table. */
static struct drive *drive_of(devminor_t minor, struct device **dv)
{
	struct device *p;
	int i;

	if ((p = drvlib_minor(part, subpart, NR_DRIVES, minor, &i)) == NULL ||
	    !wini.d[i].present)
		return NULL;
	if (p != &part[i][0] && !parted[i]) {
		parted[i] = 1;
		partition(&w_dtab, i * DEV_PER_DRIVE, P_PRIMARY, 0);
	}
	if (dv)
		*dv = p;
	return &wini.d[i];
}

/* The first open of a disk's minors reads its partition table again. */
static int w_open(devminor_t minor, int access)
{
	struct drive *d = drive_of(minor, NULL);
	int i;

	(void)access;
	if (!d)
		return ENXIO;
	i = (int)(d - wini.d);
	if (open_ct[i]++ == 0) {
		parted[i] = 1;
		partition(&w_dtab, i * DEV_PER_DRIVE, P_PRIMARY, 0);
	}
	return OK;
}

static int w_close(devminor_t minor)
{
	struct drive *d = drive_of(minor, NULL);

	if (!d)
		return ENXIO;
	if (open_ct[d - wini.d] > 0)
		open_ct[d - wini.d]--;
	return OK;
}

static struct device *w_part(devminor_t minor)
{
	struct device *dv;

	return drive_of(minor, &dv) ? dv : NULL;
}

static ssize_t w_transfer(devminor_t minor, int do_write, u64_t pos,
	endpoint_t endpt, iovec_t *iov, unsigned int count, int flags)
{
	struct device *dv;
	struct drive *d = drive_of(minor, &dv);
	uint64_t lba, total = 0, left;
	struct cursor c = { 0, 0 };
	unsigned int i, n;
	int r;

	(void)flags;
	if (!d)
		return ENXIO;
	if (pos % SECTOR_SIZE)
		return EINVAL;
	for (i = 0; i < count; i++) {
		if (iov[i].iov_size % SECTOR_SIZE)
			return EINVAL;
		total += iov[i].iov_size;
	}
	/* Cut at the end of the minor and the disk, as MINIX: 0 bytes at or
	 * past it, a short transfer across it. */
	if ((r = blockdriver_range(dv, d->sectors * SECTOR_SIZE, pos, &total, &pos)) != OK)
		return r;
	if (total == 0)
		return 0;
	count = blockdriver_clip(iov, count, total);
	/* Commands move the request a part at a time: check every grant
	 * first, so that a bad one anywhere leaves the disk and the buffers
	 * untouched. */
	if ((r = blockdriver_check_iov(endpt, iov, count, do_write)) != OK)
		return r;
	lba = pos / SECTOR_SIZE;
	left = total;
	if (wini.dma && d->dma && (r = dma_transfer(d, do_write, &lba, &left,
	    endpt, iov, count, &c)) != EAGAIN)
		return r == OK ? (ssize_t)total : r;
	for (; left > 0; left -= n * SECTOR_SIZE, lba += n) {
		n = left / SECTOR_SIZE > MAX_PIO_SECTORS ? MAX_PIO_SECTORS
		    : (unsigned int)(left / SECTOR_SIZE);
		if ((r = pio_transfer(d, do_write, lba, n, endpt, iov, &c)) != OK)
			return r;
	}
	return (ssize_t)total;
}

/* ATAIOCSPIO: PIO only, or DMA again when the controller has it. */
static int w_ioctl(devminor_t minor, unsigned long request, endpoint_t endpt,
	cp_grant_id_t grant, endpoint_t user_endpt)
{
	int v, r;

	(void)user_endpt;
	if (!drive_of(minor, NULL))
		return ENXIO;
	if (request != ATAIOCSPIO)
		return ENOTTY;
	if ((r = sys_safecopyfrom(endpt, grant, 0, (vir_bytes)&v, sizeof(v))) != OK)
		return r;
	wini.pio_only = v != 0;
	wini.dma = !wini.pio_only && wini.bm_base != 0;
	return OK;
}

static const struct blockdriver w_dtab = {
	.bdr_type = BLOCKDRIVER_TYPE_DISK,
	.bdr_part = w_part,
	.bdr_open = w_open,
	.bdr_close = w_close,
	.bdr_transfer = w_transfer,
	.bdr_ioctl = w_ioctl,
};

/* ---- start ---- */

/* IDENTIFY DEVICE on drive d, polled (interrupts off); fills *d. */
static int identify(struct drive *d)
{
	static uint16_t id[256];
	int st, i;

	w_out(REG_CTL, CTL_NIEN);
	w_out(REG_DEVICE, DEV_LBA | d->sel);
	delay400();
	st = w_in(REG_STATUS);
	if (st == 0xff || st == 0)
		return ENXIO;		/* no device: a floating bus, or none here */
	w_out(REG_COMMAND, CMD_IDENTIFY);
	if ((st = poll_status(0, 0)) < 0 || (st & ST_ERR) || !(st & ST_DRQ))
		return ENXIO;		/* none, or ATAPI (it aborts IDENTIFY) */
	if (sys_insw(REG_DATA, SELF, id, sizeof(id)) != OK)
		return EIO;
	w_in(REG_STATUS);
	if (!(id[49] & ID_CAP_LBA))
		return ENXIO;		/* CHS only: not handled */
	d->dma = (id[49] & ID_CAP_DMA) != 0;
	d->max_multiple = id[47] & 0xff;
	d->sectors = id[60] | ((uint32_t)id[61] << 16);
	d->lba48 = (id[83] & ID_CMD_LBA48) != 0;
	if (d->lba48)
		d->sectors = id[100] | ((uint64_t)id[101] << 16) |
		    ((uint64_t)id[102] << 32) | ((uint64_t)id[103] << 48);
	for (i = 0; i < 20; i++) {
		d->model[2 * i] = (char)(id[27 + i] >> 8);
		d->model[2 * i + 1] = (char)(id[27 + i] & 0xff);
	}
	for (i = 40; i > 0 && d->model[i - 1] == ' '; i--)
		d->model[i - 1] = '\0';
	return d->sectors ? OK : ENXIO;
}

/* SET MULTIPLE MODE to the largest DRQ block d takes (at most 16
 * sectors), polled; 1 (plain READ/WRITE SECTORS) if it has none or
 * refuses. */
static void set_multiple(struct drive *d)
{
	int n = d->max_multiple > 16 ? 16 : d->max_multiple, st;

	d->multiple = 1;
	if (n < 2)
		return;
	w_out(REG_DEVICE, DEV_LBA | d->sel);
	w_out(REG_COUNT, n);
	w_out(REG_COMMAND, CMD_SET_MULT);
	if ((st = poll_status(0, 0)) >= 0 && !(st & ST_ERR))
		d->multiple = n;
	w_in(REG_STATUS);
}

static int init(int type, sef_init_info_t *info)
{
	int pio_only = wini.pio_only, i, any = 0;
	struct drive *d;

	(void)info;
	memset(&wini, 0, sizeof(wini));
	memset(part, 0, sizeof(part));
	memset(subpart, 0, sizeof(subpart));
	memset(parted, 0, sizeof(parted));
	memset(open_ct, 0, sizeof(open_ct));
	wini.pio_only = pio_only;
	wini.hook = W_HOOK;
	for (i = 0; i < NR_DRIVES; i++) {
		d = &wini.d[i];
		d->sel = i ? DEV_SLAVE : 0;
		if (identify(d) == OK) {
			set_multiple(d);
			d->present = any = 1;
			part[i][0].dv_size = d->sectors * SECTOR_SIZE;
		}
	}
	if (!any) {
		printf("at_wini: no ATA disk on the primary channel\n");
		blockdriver_announce(type);
		return OK;
	}
	if (sys_irqsetpolicy(W_IRQ, IRQ_REENABLE, &wini.hook) != OK)
		return EIO;
	w_out(REG_CTL, 0);		/* interrupts on */
	dma_init();
	if (wini.pio_only)
		wini.dma = 0;
	for (i = 0; i < NR_DRIVES; i++) {
		d = &wini.d[i];
		if (!d->present)
			continue;
		printf("at_wini: disk %d: %s, %llu sectors (%llu MiB), %s, %s, "
		    "PIO %d sector%s a block\n", i, d->model,
		    (unsigned long long)d->sectors,
		    (unsigned long long)(d->sectors >> 11),
		    d->lba48 ? "LBA48" : "LBA28", wini.dma && d->dma ? "DMA" : "no DMA",
		    d->multiple, d->multiple > 1 ? "s" : "");
	}
	blockdriver_announce(type);	/* "at_wini" in DS */
	return OK;
}

int main(int argc, char **argv)
{
	message m;
	int status, i;

	for (i = 1; i < argc; i++)
		if (strcmp(argv[i], "pio") == 0)
			wini.pio_only = 1;
	sef_setcb_init_fresh(init);
	sef_setcb_init_restart(init);
	sef_startup();
	for (;;) {
		if (q_len > 0) {
			m = queue[q_head].m;
			status = queue[q_head].status;
			q_head = (q_head + 1) % QUEUE_LEN, q_len--;
		} else if (sef_receive_status(ANY, &m, &status) != OK) {
			continue;
		}
		blockdriver_process(&w_dtab, &m, status);
	}
}
