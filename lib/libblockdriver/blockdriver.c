/* blockdriver.c - libblockdriver: decode the BDEV_* requests
 * (m_lbdev_lblockdriver_msg), fetch the I/O vector of a gather/scatter
 * request through the caller's grant, call the driver, reply
 * (m_lblockdriver_lbdev_reply).  Positions are 64-bit.  A piece of zero
 * bytes, a negative count or a total beyond SSIZE_MAX is refused
 * (EINVAL); the driver cuts the range at its device's end, as MINIX's
 * drivers: 0 bytes (end of file) at or past it, a transfer cut short
 * across it (blockdriver_range(), blockdriver_clip()).
 * For a BLOCKDRIVER_TYPE_DISK driver DIOCGETP, DIOCSETP and DIOCOPENCT
 * are answered here through bdr_part; every other ioctl goes to
 * bdr_ioctl with the endpoint it is for (MINIX's user_endpt).
 * Single-threaded: one request at a time, in the order they come, or in
 * the order a driver queues them (blockdriver_mq_queue()).
 */
#include <string.h>
#include <minix/blockdriver.h>
#include <minix/ds.h>
#include <minix/syslib.h>
#include <minix/sef.h>
#include <sys/ioc_disk.h>

#define NR_OPEN_MINORS 64	/* minors whose opens DIOCOPENCT counts */
#define MQ_SIZE 16		/* requests a driver may keep for later */

static int running = 1;
static struct { devminor_t minor; int count; } opens[NR_OPEN_MINORS];
static struct { message m; int status; } mq[MQ_SIZE];
static unsigned int mq_head, mq_len;

/* Send a reply: a caller in SENDREC (a file system) waits for it; one
 * that sent asynchronously (VFS) may be busy now, so it goes by asynsend
 * (as MINIX's libblockdriver). */
static void send_reply(endpoint_t endpt, message *m, int ipc_status)
{
	if (IPC_STATUS_CALL(ipc_status) == SENDREC)
		ipc_sendnb(endpt, m);
	else
		asynsend(endpt, m);
}

void blockdriver_reply(message *m_ptr, int ipc_status, int reply)
{
	message m;

	if (reply == EDONTREPLY)
		return;
	memset(&m, 0, sizeof(m));
	m.m_type = BDEV_REPLY;
	m.m_lblockdriver_lbdev_reply.status = reply;
	m.m_lblockdriver_lbdev_reply.id = m_ptr->m_lbdev_lblockdriver_msg.id;
	send_reply(m_ptr->m_source, &m, ipc_status);
}

/* Every piece has a byte at least, and the total fits an ssize_t. */
static int check_sizes(const iovec_t *iov, unsigned int n)
{
	u64_t total = 0;
	unsigned int i;

	for (i = 0; i < n; i++) {
		if (iov[i].iov_size == 0 || iov[i].iov_size > 0x7fffffffu)
			return EINVAL;
		total += iov[i].iov_size;
	}
	return total > 0x7fffffffu ? EINVAL : OK;
}

/* Check that endpt's grants of iov[0..count) let us write (a read from the
 * device) or read (a write) each piece whole, moving nothing: one
 * SYS_VSAFECOPY of zero-byte copies at each piece's end.  OK, or the
 * first grant's error (as a safecopy would give it).  The driver's own
 * grants (endpt is itself: partition()'s reads) are not checked. */
int blockdriver_check_iov(endpoint_t endpt, const iovec_t *iov,
	unsigned int count, int do_write)
{
	struct vscp_vec v[NR_IOREQS];
	unsigned int i;

	if (count == 0 || count > NR_IOREQS)
		return EINVAL;
	if (endpt == sef_self())
		return OK;	/* our own buffers (partition()): nothing to check */
	for (i = 0; i < count; i++) {
		v[i].v_from = do_write ? endpt : SELF;
		v[i].v_to = do_write ? SELF : endpt;
		v[i].v_gid = (cp_grant_id_t)iov[i].iov_addr;
		v[i].v_offset = iov[i].iov_size;
		v[i].v_addr = 0;
		v[i].v_bytes = 0;
	}
	return sys_vsafecopy(v, (int)count);
}

int blockdriver_range(const struct device *dv, u64_t disk_size, u64_t pos,
	u64_t *bytes, u64_t *abs)
{
	u64_t end;

	if (dv == NULL)
		return ENXIO;
	/* The minor's end, and the disk's for a partition set beyond it. */
	end = dv->dv_size;
	if (dv->dv_base >= disk_size)
		end = 0;
	else if (end > disk_size - dv->dv_base)
		end = disk_size - dv->dv_base;
	if (pos >= end)
		*bytes = 0;
	else if (*bytes > end - pos)
		*bytes = end - pos;
	*abs = dv->dv_base + pos;
	/* Read back: a fault that changed the position the device is told
	 * would read or write another sector, which nothing else can see. */
	if (*(volatile u64_t *)abs != dv->dv_base + pos)
		panic("blockdriver_range: the position did not hold");
	return OK;
}

unsigned int blockdriver_clip(iovec_t *iov, unsigned int count, u64_t bytes)
{
	unsigned int i;

	for (i = 0; i < count && bytes > 0; i++) {
		if (iov[i].iov_size > bytes)
			iov[i].iov_size = (vir_bytes)bytes;
		bytes -= iov[i].iov_size;
	}
	return i;
}

static int do_transfer(const struct blockdriver *bdp, const message *m)
{
	const mess_lbdev_lblockdriver_msg *b = &m->m_lbdev_lblockdriver_msg;
	int write = m->m_type == BDEV_WRITE || m->m_type == BDEV_SCATTER;
	iovec_t iov[NR_IOREQS];
	unsigned int n = 1;
	int r;

	if (!bdp->bdr_transfer)
		return EIO;
	if (b->count <= 0)
		return EINVAL;
	if (m->m_type == BDEV_READ || m->m_type == BDEV_WRITE) {
		iov[0].iov_addr = (vir_bytes)b->grant;
		iov[0].iov_size = (vir_bytes)b->count;
	} else {
		/* The caller's iovec_s_t vector: the same layout as iovec_t. */
		if (b->count > NR_IOREQS)
			return EINVAL;
		n = (unsigned int)b->count;
		if ((r = sys_safecopyfrom(m->m_source, b->grant, 0, (vir_bytes)iov,
		    n * sizeof(iov[0]))) != OK)
			return r;
	}
	if ((r = check_sizes(iov, n)) != OK)
		return r;
	return (int)bdp->bdr_transfer(b->minor, write, b->pos, m->m_source, iov,
	    n, b->flags);
}

/* The open count of minor (DIOCOPENCT): a slot, or NULL if all are
 * taken by other minors. */
static int *open_count(devminor_t minor, int make)
{
	int i, free_i = -1;

	for (i = 0; i < NR_OPEN_MINORS; i++) {
		if (opens[i].count > 0 && opens[i].minor == minor)
			return &opens[i].count;
		if (opens[i].count == 0 && free_i < 0)
			free_i = i;
	}
	if (!make || free_i < 0)
		return NULL;
	opens[free_i].minor = minor;
	return &opens[free_i].count;
}

/* DIOCGETP, DIOCSETP, DIOCOPENCT of a disk driver: MINIX's answers. */
static int disk_ioctl(const struct blockdriver *bdp, devminor_t minor,
	unsigned long request, endpoint_t endpt, cp_grant_id_t grant)
{
	struct part_geom entry;
	struct device *dv;
	int r, *ct, n;

	if (request == DIOCOPENCT) {
		n = (ct = open_count(minor, 0)) ? *ct : 0;
		return sys_safecopyto(endpt, grant, 0, (vir_bytes)&n, sizeof(n));
	}
	if (!bdp->bdr_part || (dv = bdp->bdr_part(minor)) == NULL)
		return ENXIO;
	if (request == DIOCSETP) {
		if ((r = sys_safecopyfrom(endpt, grant, 0, (vir_bytes)&entry,
		    sizeof(entry))) != OK)
			return r;
		dv->dv_base = entry.base;
		dv->dv_size = entry.size;
		return OK;
	}
	memset(&entry, 0, sizeof(entry));
	entry.base = dv->dv_base;
	entry.size = dv->dv_size;
	if (bdp->bdr_geometry) {
		bdp->bdr_geometry(minor, &entry);
	} else {	/* made up, as MINIX: 64 heads, 32 sectors */
		entry.cylinders = (unsigned)(entry.size / SECTOR_SIZE / (64 * 32));
		entry.heads = 64;
		entry.sectors = 32;
	}
	return sys_safecopyto(endpt, grant, 0, (vir_bytes)&entry, sizeof(entry));
}

static int do_ioctl(const struct blockdriver *bdp, const message *m)
{
	const mess_lbdev_lblockdriver_msg *b = &m->m_lbdev_lblockdriver_msg;
	unsigned long request = (unsigned long)(unsigned)b->request;

	if (bdp->bdr_type == BLOCKDRIVER_TYPE_DISK && (request == DIOCGETP ||
	    request == DIOCSETP || request == DIOCOPENCT))
		return disk_ioctl(bdp, b->minor, request, m->m_source, b->grant);
	if (!bdp->bdr_ioctl)
		return ENOTTY;
	return bdp->bdr_ioctl(b->minor, request, m->m_source, b->grant, b->user);
}

static int do_open(const struct blockdriver *bdp, const message *m)
{
	const mess_lbdev_lblockdriver_msg *b = &m->m_lbdev_lblockdriver_msg;
	int r = bdp->bdr_open ? bdp->bdr_open(b->minor, b->access) : OK;
	int *ct;

	if (r == OK && (ct = open_count(b->minor, 1)) != NULL)
		(*ct)++;
	return r;
}

static int do_close(const struct blockdriver *bdp, const message *m)
{
	devminor_t minor = m->m_lbdev_lblockdriver_msg.minor;
	int *ct = open_count(minor, 0);

	if (ct != NULL)
		(*ct)--;
	return bdp->bdr_close ? bdp->bdr_close(minor) : OK;
}

void blockdriver_process(const struct blockdriver *bdp, message *m, int ipc_status)
{
	int r;

	if (is_notify(m->m_type)) {
		if (m->m_source == HARDWARE && bdp->bdr_intr)
			bdp->bdr_intr(m->m_notify.interrupts);
		else if (m->m_source == CLOCK && bdp->bdr_alarm)
			bdp->bdr_alarm(m->m_notify.timestamp);
		else if (m->m_source != HARDWARE && m->m_source != CLOCK &&
		    bdp->bdr_other)
			bdp->bdr_other(m, ipc_status);
		return;
	}
	if (!IS_BDEV_RQ(m->m_type)) {
		if (bdp->bdr_other)
			bdp->bdr_other(m, ipc_status);
		return;
	}
	switch (m->m_type) {
	case BDEV_OPEN: r = do_open(bdp, m); break;
	case BDEV_CLOSE: r = do_close(bdp, m); break;
	case BDEV_IOCTL: r = do_ioctl(bdp, m); break;
	default: r = do_transfer(bdp, m); break;
	}
	if (bdp->bdr_cleanup)
		bdp->bdr_cleanup();
	blockdriver_reply(m, ipc_status, r);
}

int blockdriver_mq_queue(message *m_ptr, int status)
{
	unsigned int i;

	if (mq_len == MQ_SIZE)
		return 0;
	i = (mq_head + mq_len++) % MQ_SIZE;
	mq[i].m = *m_ptr;
	mq[i].status = status;
	return 1;
}

int blockdriver_receive_mq(message *m_ptr, int *status_ptr)
{
	if (mq_len > 0) {
		*m_ptr = mq[mq_head].m;
		*status_ptr = mq[mq_head].status;
		mq_head = (mq_head + 1) % MQ_SIZE;
		mq_len--;
		return OK;
	}
	return sef_receive_status(ANY, m_ptr, status_ptr);
}

void blockdriver_terminate(void)
{
	running = 0;
}

/* The message loop: until blockdriver_terminate(), the kept requests
 * first, then what arrives. */
void blockdriver_task(const struct blockdriver *bdp)
{
	message m;
	int status, r;

	while (running) {
		r = blockdriver_receive_mq(&m, &status);
		if (r == OK)
			blockdriver_process(bdp, &m, status);
	}
}

void blockdriver_announce(int type)
{
	char label[PROC_NAME_LEN];
	endpoint_t me;
	int r;

	(void)type;	/* callers in SENDREC see a restarted driver's
			 * EDEADSRCDST from the kernel already */
	if ((r = sys_whoami(&me, label, sizeof(label), NULL, NULL)) != OK)
		panic("blockdriver_announce: sys_whoami failed: %d", r);
	if ((r = ds_publish_label(label, me, DSF_OVERWRITE)) != OK)
		panic("blockdriver_announce: cannot publish %s: %d", label, r);
}
