/* dev.c - requests to the character drivers of /dev (CDEV_*), and the
 * callers that wait for a tty read.
 *
 * Opens, closes, writes, ioctls and reads of the memory devices are
 * answered at once: VFS sends them with SENDREC.  A tty read may take
 * forever, so VFS only SENDs it and goes back to its loop; the caller is
 * marked BLK_DEV_READ with the request id, and the driver's CDEV_REPLY
 * with that id (received in the loop, or met while VFS waits for another
 * answer of the same driver) ends the call.  VFS_PM_UNPAUSE sends
 * CDEV_CANCEL with the same id; the driver's answer (EINTR, or the bytes
 * if the read had finished) comes the same way.  Ids are a counter.
 *
 * The data moves through a magic grant to the caller's buffer, made for
 * the driver and revoked when the answer is in.
 */
#include <termios.h>
#include <sys/ioctl.h>
#include <minix/ds.h>
#include "vfs.h"

static uint32_t next_id = 1;

static uint32_t new_id(void)
{
	uint32_t id = next_id++;

	if (next_id == 0)
		next_id = 1;
	return id;
}

/* The driver of d now: DS knows it (a restarted driver has a new
 * endpoint), or its boot slot. */
endpoint_t dev_driver(const struct vfs_dev *d)
{
	endpoint_t ep;

	if (ds_retrieve_label_endpt(d->d_label, &ep) == OK)
		return ep;
	return d->d_fallback;
}

static void cdev_msg(message *m, int type, const struct filp *f, endpoint_t user)
{
	memset(m, 0, sizeof(*m));
	m->m_type = type;
	m->m_cdev.minor = f->f_minor;
	m->m_cdev.pos_lo = (uint32_t)f->f_pos;
	m->m_cdev.pos_hi = (uint32_t)(f->f_pos >> 32);
	m->m_cdev.grant = GRANT_INVALID;
	m->m_cdev.flags = (uint32_t)f->f_flags;
	m->m_cdev.id = new_id();
	m->m_cdev.user = user;
}

/* Send a request that the driver answers at once, and wait for that
 * answer.  Answers to earlier requests (a tty read) that arrive first are
 * handed to dev_reply().  The status, or EIO if the driver is gone. */
static int dev_sendrec(endpoint_t ep, message *m)
{
	uint32_t id = m->m_cdev.id;
	int r;

	r = ipc_sendrec(ep, m);
	while (r == OK && m->m_type == CDEV_REPLY && m->m_cdev.id != id) {
		dev_reply(m);
		r = ipc_receive(ep, m, NULL);
	}
	if (r != OK || m->m_type != CDEV_REPLY)
		return EIO;
	return m->m_cdev.status;
}

int dev_open(struct fproc *fp, struct filp *f)
{
	const struct vfs_dev *d = dev_entry(f->f_vn.v_ino);
	message m;
	int r;

	if (d == NULL)
		return ENXIO;
	f->f_driver = dev_driver(d);
	f->f_minor = d->d_minor;
	cdev_msg(&m, CDEV_OPEN, f, fp->fp_endpoint);
	r = dev_sendrec(f->f_driver, &m);
	return r < 0 ? r : OK;
}

void dev_close(struct filp *f)
{
	message m;

	cdev_msg(&m, CDEV_CLOSE, f, NONE);
	(void)dev_sendrec(f->f_driver, &m);
}

/* Read or write len > 0 bytes of a device for fp: the result, or
 * SUSPEND for a read that may wait. */
int dev_io(struct fproc *fp, struct filp *f, int write, vir_bytes buf,
	size_t len)
{
	const struct vfs_dev *d = dev_entry(f->f_vn.v_ino);
	cp_grant_id_t g;
	message m;
	int r;

	if (d == NULL)
		return ENXIO;
	if ((r = make_magic(f->f_driver, fp->fp_endpoint, buf, len,
	    write ? CPF_READ : CPF_WRITE, &g)) != OK)
		return r;
	cdev_msg(&m, write ? CDEV_WRITE : CDEV_READ, f, fp->fp_endpoint);
	m.m_cdev.grant = g;
	m.m_cdev.count = (uint32_t)len;
	if (!write && d->d_waits) {
		if (ipc_send(f->f_driver, &m) != OK) {
			cpf_revoke(g);
			return EIO;
		}
		fp->fp_blocked = BLK_DEV_READ;
		fp->fp_bfilp = f;
		fp->fp_bbuf = buf;
		fp->fp_blen = len;
		fp->fp_bid = m.m_cdev.id;
		fp->fp_bdriver = f->f_driver;
		fp->fp_bgrant = g;
		fp->fp_bcancel = 0;
		return SUSPEND;
	}
	r = dev_sendrec(f->f_driver, &m);
	cpf_revoke(g);
	if (r > 0 && d->d_seekable)
		f->f_pos += (uint64_t)r;
	return r;
}

/* The tty's ioctls; the argument's size and direction by request. */
int dev_ioctl(struct fproc *fp, struct filp *f, unsigned long request,
	vir_bytes arg)
{
	size_t size;
	int access, r;
	cp_grant_id_t g;
	message m;

	switch (request) {
	case TCGETS: size = sizeof(struct termios), access = CPF_WRITE; break;
	case TCSETS: size = sizeof(struct termios), access = CPF_READ; break;
	case TIOCGPGRP: size = sizeof(int), access = CPF_WRITE; break;
	case TIOCSPGRP: size = sizeof(int), access = CPF_READ; break;
	default: return ENOTTY;
	}
	if ((r = make_magic(f->f_driver, fp->fp_endpoint, arg, size, access, &g)) != OK)
		return r;
	cdev_msg(&m, CDEV_IOCTL, f, fp->fp_endpoint);
	m.m_cdev.grant = g;
	m.m_cdev.count = (uint32_t)request;
	r = dev_sendrec(f->f_driver, &m);
	cpf_revoke(g);
	return r;
}

static struct fproc *waiting_for(endpoint_t driver, uint32_t id)
{
	int i;

	for (i = 0; i < NR_PROCS; i++) {
		struct fproc *fp = &fproc_tab[i];
		if (fp->fp_endpoint != NONE && fp->fp_blocked == BLK_DEV_READ &&
		    fp->fp_bdriver == driver && fp->fp_bid == id)
			return fp;
	}
	return NULL;
}

/* A driver's CDEV_REPLY to a read that waited: answer its caller.  An
 * answer no one waits for (the caller exited) is dropped. */
void dev_reply(message *m)
{
	struct fproc *fp = waiting_for(m->m_source, m->m_cdev.id);
	int r = m->m_cdev.status;

	if (fp == NULL || r == EDONTREPLY)
		return;
	cpf_revoke(fp->fp_bgrant);
	fp->fp_bgrant = GRANT_INVALID;
	fp->fp_blocked = BLK_NONE;
	reply(fp->fp_endpoint, r);
}

/* End fp's waiting read: a signal (answer when the driver has answered
 * the cancel) or an exit (drop it now, ignore the driver's answer). */
void dev_unblock(struct fproc *fp, int exiting)
{
	message m;
	int r;

	if (fp->fp_blocked != BLK_DEV_READ || (!exiting && fp->fp_bcancel))
		return;
	memset(&m, 0, sizeof(m));
	m.m_type = CDEV_CANCEL;
	m.m_cdev.minor = fp->fp_bfilp->f_minor;
	m.m_cdev.id = fp->fp_bid;
	m.m_cdev.user = fp->fp_endpoint;
	m.m_cdev.grant = GRANT_INVALID;
	r = ipc_send(fp->fp_bdriver, &m);
	if (!exiting && r == OK) {
		fp->fp_bcancel = 1;
		return;
	}
	cpf_revoke(fp->fp_bgrant);
	fp->fp_bgrant = GRANT_INVALID;
	fp->fp_blocked = BLK_NONE;
	if (!exiting)
		reply(fp->fp_endpoint, EINTR);	/* the driver is gone */
}
