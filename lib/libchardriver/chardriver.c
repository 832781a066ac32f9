/* chardriver.c - libchardriver: decode CDEV_* requests (MINIX's message
 * layouts, <minix/ipc.h>), call the driver's functions, reply.  NOTIFYs go
 * to cdr_intr/cdr_alarm, other messages to cdr_other.  A missing function
 * answers ENXIO (open, read, write), ENOTTY (ioctl), EINTR (cancel) or
 * EBADF (select: the device cannot be selected on), as MINIX's does.
 */
#include <string.h>
#include <minix/chardriver.h>
#include <minix/ds.h>
#include <minix/sef.h>
#include <minix/syslib.h>
#include <minix/errno.h>

static int running;

/* Answer the process that asked (VFS), which may be busy when a late
 * answer is ready: asynsend.  An answer that cannot go (no such process,
 * or not one that may ask us) was addressed wrongly, by a fault: the
 * request it answers would wait for ever, so stop and be restarted
 * (MINIX only prints it).  A full table (ENOSPC) is not a wrong address. */
static void answer(endpoint_t endpt, message *m)
{
	int r = asynsend(endpt, m);

	if (r != OK && r != ENOSPC)
		panic("cannot answer %d: %d", endpt, r);
}

void chardriver_reply_task(endpoint_t endpt, cdev_id_t id, int r)
{
	message m;

	memset(&m, 0, sizeof(m));
	m.m_type = CDEV_REPLY;
	m.m_lchardriver_vfs_reply.status = r;
	m.m_lchardriver_vfs_reply.id = id;
	answer(endpt, &m);
}

static void reply_sel(endpoint_t endpt, int type, devminor_t minor, int status)
{
	message m;

	memset(&m, 0, sizeof(m));
	m.m_type = type;
	m.m_lchardriver_vfs_sel1.status = status;	/* sel2: the same layout */
	m.m_lchardriver_vfs_sel1.minor = minor;
	answer(endpt, &m);
}

void chardriver_reply_select(endpoint_t endpt, devminor_t minor, int ops)
{
	reply_sel(endpt, CDEV_SEL2_REPLY, minor, ops);
}

int chardriver_get_minor(message *m, devminor_t *minor)
{
	switch (m->m_type) {
	case CDEV_OPEN:
	case CDEV_CLOSE:
		*minor = m->m_vfs_lchardriver_openclose.minor;
		return OK;
	case CDEV_READ:
	case CDEV_WRITE:
	case CDEV_IOCTL:
		*minor = m->m_vfs_lchardriver_readwrite.minor;
		return OK;
	case CDEV_CANCEL:
		*minor = m->m_vfs_lchardriver_cancel.minor;
		return OK;
	case CDEV_SELECT:
		*minor = m->m_vfs_lchardriver_select.minor;
		return OK;
	}
	return EINVAL;
}

static int do_transfer(const struct chardriver *cdp, const message *m)
{
	const mess_vfs_lchardriver_readwrite *rw = &m->m_vfs_lchardriver_readwrite;
	ssize_t (*f)(devminor_t, u64_t, endpoint_t, cp_grant_id_t, size_t, int,
	    cdev_id_t) = m->m_type == CDEV_READ ? cdp->cdr_read : cdp->cdr_write;

	if (rw->count > 0x7fffffff || rw->pos < 0)
		return EINVAL;
	if (f == NULL)
		return ENXIO;
	return (int)f(rw->minor, (u64_t)rw->pos, m->m_source, rw->grant, rw->count,
	    rw->flags, (cdev_id_t)rw->id);
}

/* CDEV_SELECT: answered at once, with the ready ops or an error. */
static void do_select(const struct chardriver *cdp, const message *m)
{
	const mess_vfs_lchardriver_select *s = &m->m_vfs_lchardriver_select;
	int r = cdp->cdr_select ? cdp->cdr_select(s->minor, (unsigned)s->ops,
	    m->m_source) : EBADF;

	reply_sel(m->m_source, CDEV_SEL1_REPLY, s->minor, r);
}

void chardriver_process(const struct chardriver *cdp, message *m, int ipc_status)
{
	const mess_vfs_lchardriver_openclose *oc = &m->m_vfs_lchardriver_openclose;
	const mess_vfs_lchardriver_readwrite *rw = &m->m_vfs_lchardriver_readwrite;
	const mess_vfs_lchardriver_cancel *c = &m->m_vfs_lchardriver_cancel;
	cdev_id_t id;
	int r;

	if (is_notify(m->m_type)) {
		if (m->m_source == HARDWARE && cdp->cdr_intr)
			cdp->cdr_intr(m->m_notify.interrupts);
		else if (m->m_source == CLOCK && cdp->cdr_alarm)
			cdp->cdr_alarm(m->m_notify.timestamp);
		else if (cdp->cdr_other)
			cdp->cdr_other(m, ipc_status);
		return;
	}
	if (!IS_CDEV_RQ(m->m_type)) {
		if (cdp->cdr_other)
			cdp->cdr_other(m, ipc_status);
		return;
	}
	switch (m->m_type) {
	case CDEV_OPEN:
		id = (cdev_id_t)oc->id;
		r = cdp->cdr_open ? cdp->cdr_open(oc->minor, oc->access, oc->user) : ENXIO;
		break;
	case CDEV_CLOSE:
		id = (cdev_id_t)oc->id;
		r = cdp->cdr_close ? cdp->cdr_close(oc->minor) : OK;
		break;
	case CDEV_READ:
	case CDEV_WRITE:
		id = (cdev_id_t)rw->id;
		r = do_transfer(cdp, m);
		break;
	case CDEV_IOCTL:
		id = (cdev_id_t)rw->id;
		r = cdp->cdr_ioctl ? cdp->cdr_ioctl(rw->minor,
		    (unsigned long)(unsigned)rw->request, m->m_source, rw->grant,
		    rw->flags, rw->user, id) : ENOTTY;
		break;
	case CDEV_CANCEL:
		id = (cdev_id_t)c->id;
		r = cdp->cdr_cancel ? cdp->cdr_cancel(c->minor, m->m_source, id) : EINTR;
		break;
	case CDEV_SELECT:
		do_select(cdp, m);
		return;
	default:
		return;
	}
	if (r != EDONTREPLY)
		chardriver_reply_task(m->m_source, id, r);
}

void chardriver_terminate(void)
{
	running = 0;
}

void chardriver_task(const struct chardriver *cdp)
{
	message m;
	int status;

	running = 1;
	while (running)
		if (sef_receive_status(ANY, &m, &status) == OK)
			chardriver_process(cdp, &m, status);
}

int chardriver_announce(void)
{
	char label[PROC_NAME_LEN];
	endpoint_t me;
	int r;

	if ((r = sys_whoami(&me, label, sizeof(label), NULL, NULL)) != OK)
		return r;
	return ds_publish_label(label, me, DSF_OVERWRITE);
}
