/* blockdriver.c - libblockdriver: decode BDEV_* requests, fetch the I/O
 * vector of a gather/scatter request through the caller's grant, call the
 * driver, reply.  Positions are 64-bit.  A piece of zero bytes or a
 * total beyond SSIZE_MAX is refused (EINVAL); the driver checks the range
 * against its device (ENXIO at, past or across its end, wrapping
 * included).  blockdriver_check_iov() checks every grant of a vector
 * before a driver moves the first byte.
 */
#include <string.h>
#include <minix/blockdriver.h>
#include <minix/ds.h>
#include <minix/syslib.h>
#include <minix/sef.h>

/* Answer a request: a caller in SENDREC (a file system) waits for it; one
 * that sent it asynchronously (VFS, for a block device file) may be busy
 * now, so the answer goes by asynsend (as MINIX's libblockdriver). */
static void reply(endpoint_t endpt, uint32_t id, int r, int ipc_status)
{
	message m;

	memset(&m, 0, sizeof(m));
	m.m_type = BDEV_REPLY;
	m.m_bdev.id = id;
	m.m_bdev.status = r;
	if (IPC_STATUS_CALL(ipc_status) == SENDREC)
		ipc_sendnb(endpt, &m);
	else
		asynsend(endpt, &m);
}

/* Every piece has a byte at least, and the total fits an ssize_t. */
static int check_sizes(const iovec_s_t *iov, unsigned int n)
{
	uint64_t total = 0;
	unsigned int i;

	for (i = 0; i < n; i++) {
		if (iov[i].iov_size == 0 || iov[i].iov_size > 0x7fffffffu)
			return EINVAL;
		total += iov[i].iov_size;
	}
	if (total > 0x7fffffffu)
		return EINVAL;
	return OK;
}

/* Check that endpt's grants of iov[0..count) let us write (a read from the
 * device) or read (a write) each piece whole, moving nothing: one
 * SYS_VSAFECOPY of zero-byte copies at each piece's end.  OK, or the
 * first grant's error (as a safecopy would give it). */
int blockdriver_check_iov(endpoint_t endpt, const iovec_s_t *iov,
	unsigned int count, int do_write)
{
	struct vscp_vec v[NR_IOREQS];
	unsigned int i;

	if (count == 0 || count > NR_IOREQS)
		return EINVAL;
	for (i = 0; i < count; i++) {
		v[i].v_from = do_write ? endpt : SELF;
		v[i].v_to = do_write ? SELF : endpt;
		v[i].v_gid = iov[i].iov_grant;
		v[i].v_offset = iov[i].iov_size;
		v[i].v_addr = 0;
		v[i].v_bytes = 0;
	}
	return sys_vsafecopy(v, (int)count);
}

static int do_transfer(const struct blockdriver *bdp, const message *m)
{
	const mess_bdev *b = &m->m_bdev;
	uint64_t pos = ((uint64_t)b->pos_hi << 32) | b->pos_lo;
	int write = m->m_type == BDEV_WRITE || m->m_type == BDEV_SCATTER;
	iovec_s_t iov[NR_IOREQS];
	unsigned int n = 1;
	int r;

	if (!bdp->bdr_transfer)
		return EIO;
	if (m->m_type == BDEV_READ || m->m_type == BDEV_WRITE) {
		iov[0].iov_grant = b->grant;
		iov[0].iov_size = b->count;
	} else {
		if (b->count == 0 || b->count > NR_IOREQS)
			return EINVAL;
		n = b->count;
		if ((r = sys_safecopyfrom(m->m_source, b->grant, 0, (vir_bytes)iov,
		    n * sizeof(iov[0]))) != OK)
			return r;
	}
	if ((r = check_sizes(iov, n)) != OK)
		return r;
	return (int)bdp->bdr_transfer(b->minor, write, pos, m->m_source, iov, n, (int)b->flags);
}

void blockdriver_process(const struct blockdriver *bdp, message *m, int ipc_status)
{
	const mess_bdev *b = &m->m_bdev;
	int r;

	if (is_notify(m->m_type)) {
		if (m->m_source == HARDWARE && bdp->bdr_intr)
			bdp->bdr_intr(m->m_notify.interrupts);
		else if (m->m_source == CLOCK && bdp->bdr_alarm)
			bdp->bdr_alarm(m->m_notify.timestamp);
		else if (bdp->bdr_other)
			bdp->bdr_other(m, ipc_status);
		return;
	}
	if (!IS_BDEV_RQ(m->m_type)) {
		if (bdp->bdr_other)
			bdp->bdr_other(m, ipc_status);
		return;
	}
	switch (m->m_type) {
	case BDEV_OPEN: r = bdp->bdr_open ? bdp->bdr_open(b->minor, (int)b->flags) : OK; break;
	case BDEV_CLOSE: r = bdp->bdr_close ? bdp->bdr_close(b->minor) : OK; break;
	case BDEV_IOCTL:
		r = bdp->bdr_ioctl ? bdp->bdr_ioctl(b->minor, b->count, m->m_source, b->grant) : ENOTTY;
		break;
	default: r = do_transfer(bdp, m); break;
	}
	reply(m->m_source, b->id, r, ipc_status);
}

void blockdriver_task(const struct blockdriver *bdp)
{
	message m;
	int status;

	for (;;)
		if (sef_receive_status(ANY, &m, &status) == OK)
			blockdriver_process(bdp, &m, status);
}

int blockdriver_announce(void)
{
	char label[PROC_NAME_LEN];
	endpoint_t me;
	int r;

	if ((r = sys_whoami(&me, label, sizeof(label), NULL, NULL)) != OK)
		return r;
	return ds_publish_label(label, me, DSF_OVERWRITE);
}
