/* chardriver.c - libchardriver: decode CDEV_* requests, call the driver's
 * functions, reply.  NOTIFYs go to cdr_intr/cdr_alarm, other messages to
 * cdr_other.  A missing function answers ENXIO (open, read, write) or
 * ENOTTY (ioctl).
 */
#include <string.h>
#include <minix/chardriver.h>
#include <minix/ds.h>
#include <minix/sef.h>
#include <minix/syslib.h>
#include <minix/errno.h>

void chardriver_reply_task(endpoint_t endpt, cdev_id_t id, int r)
{
	message m;

	memset(&m, 0, sizeof(m));
	m.m_type = CDEV_REPLY;
	m.m_cdev.id = id;
	m.m_cdev.status = r;
	/* The caller (VFS) may be busy when a late answer is ready. */
	asynsend(endpt, &m);
}

static uint64_t pos_of(const message *m)
{
	return ((uint64_t)m->m_cdev.pos_hi << 32) | m->m_cdev.pos_lo;
}

void chardriver_process(const struct chardriver *cdp, message *m, int ipc_status)
{
	const mess_cdev *c = &m->m_cdev;
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
		r = cdp->cdr_open ? cdp->cdr_open(c->minor, (int)c->flags, c->user) : ENXIO;
		break;
	case CDEV_CLOSE:
		r = cdp->cdr_close ? cdp->cdr_close(c->minor) : OK;
		break;
	case CDEV_READ:
	case CDEV_WRITE: {
		ssize_t (*f)(devminor_t, uint64_t, endpoint_t, cp_grant_id_t, size_t, int,
		    cdev_id_t) = m->m_type == CDEV_READ ? cdp->cdr_read : cdp->cdr_write;
		if (c->count > 0x7fffffff)
			r = EINVAL;
		else
			r = f ? (int)f(c->minor, pos_of(m), m->m_source, c->grant, c->count,
			    (int)c->flags, c->id) : ENXIO;
		break;
	}
	case CDEV_IOCTL:
		r = cdp->cdr_ioctl ? cdp->cdr_ioctl(c->minor, c->count, m->m_source, c->grant,
		    (int)c->flags, c->user, c->id) : ENOTTY;
		break;
	case CDEV_CANCEL:
		r = cdp->cdr_cancel ? cdp->cdr_cancel(c->minor, m->m_source, c->id) : EINTR;
		break;
	default:
		r = EINVAL;
	}
	if (r != EDONTREPLY)
		chardriver_reply_task(m->m_source, c->id, r);
}

void chardriver_task(const struct chardriver *cdp)
{
	message m;
	int status;

	for (;;)
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
