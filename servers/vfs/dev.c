/* dev.c - requests to the character drivers of /dev (CDEV_*), and the
 * callers that wait for them.
 *
 * Every request goes with asynsend and carries an id (a counter); the
 * driver's CDEV_REPLY echoes it, and VFS never waits for a driver.  An
 * open waits on its worker (worker.c: dev_sendrec_worker), since the call
 * goes on after it.  A read, write or ioctl holds no worker: the caller is
 * marked BLK_DEV_READ with the id, and the CDEV_REPLY with that id,
 * received in the loop, ends the call.  A close is sent and not waited
 * for (its answer is dropped).  VFS_PM_UNPAUSE sends CDEV_CANCEL with the
 * same id; the driver's answer (EINTR, or the bytes if the request had
 * finished) comes the same way.  An exit cancels and forgets the request.
 *
 * The data moves through a magic grant to the caller's buffer, made for
 * the driver and revoked when the answer is in.
 */
#include <termios.h>
#include <sys/ioctl.h>
#include <stdio.h>
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

int dev_open(struct fproc *fp, struct filp *f)
{
	const struct vfs_dev *d = dev_entry(f->f_vn.v_ino);
	message m;
	int r;

	if (d == NULL)
		return ENXIO;
	f->f_driver = dev_driver(d);
	f->f_minor = d->d_minor;
	if (f->f_driver == NONE)
		return ENXIO;	/* its driver is not running */
	cdev_msg(&m, CDEV_OPEN, f, fp->fp_endpoint);
	if ((r = dev_sendrec_worker(f->f_driver, d->d_label, &m)) != OK)
		return r == EDEADSRCDST ? ENXIO : r;	/* a driver gone for good */
	if (m.m_type != CDEV_REPLY)
		return EIO;
	return m.m_cdev.status < 0 ? m.m_cdev.status : OK;
}

/* The last close: tell the driver, do not wait. */
void dev_close(struct filp *f)
{
	message m;

	if (f->f_driver == NONE)
		return;		/* its driver died */
	cdev_msg(&m, CDEV_CLOSE, f, NONE);
	(void)asynsend(f->f_driver, &m);
}

/* Send request m (with grant g) for fp and make fp wait for the answer.
 * SUSPEND, or EIO if the driver is gone. */
static int dev_start(struct fproc *fp, struct filp *f, message *m,
	cp_grant_id_t g, const struct vfs_dev *d, int seek)
{
	if (asynsend(f->f_driver, m) != OK) {
		cpf_revoke(g);
		return EIO;
	}
	fp->fp_blocked = BLK_DEV_READ;
	fp->fp_bfilp = f;
	fp->fp_bid = m->m_cdev.id;
	fp->fp_bdriver = f->f_driver;
	fp->fp_bgrant = g;
	fp->fp_bcancel = 0;
	fp->fp_bseek = seek;
	fp->fp_blabel = d->d_label;
	return SUSPEND;
}

/* Read or write len > 0 bytes of a device for fp: SUSPEND (the driver's
 * answer ends the call), or an error. */
int dev_io(struct fproc *fp, struct filp *f, int write, vir_bytes buf,
	size_t len)
{
	const struct vfs_dev *d = dev_entry(f->f_vn.v_ino);
	cp_grant_id_t g;
	message m;
	int r;

	if (d == NULL)
		return ENXIO;
	if (f->f_driver == NONE)
		return EIO;		/* its driver died: open it again */
	if ((r = make_magic(f->f_driver, fp->fp_endpoint, buf, len,
	    write ? CPF_READ : CPF_WRITE, &g)) != OK)
		return r;
	cdev_msg(&m, write ? CDEV_WRITE : CDEV_READ, f, fp->fp_endpoint);
	m.m_cdev.grant = g;
	m.m_cdev.count = (uint32_t)len;
	return dev_start(fp, f, &m, g, d, d->d_seekable);
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
	if (f->f_driver == NONE)
		return EIO;
	if ((r = make_magic(f->f_driver, fp->fp_endpoint, arg, size, access, &g)) != OK)
		return r;
	cdev_msg(&m, CDEV_IOCTL, f, fp->fp_endpoint);
	m.m_cdev.grant = g;
	m.m_cdev.count = (uint32_t)request;
	return dev_start(fp, f, &m, g, dev_entry(f->f_vn.v_ino), 0);
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

/* A driver's CDEV_REPLY: to an open a worker waits for, or to a read,
 * write or ioctl: answer its caller.  An answer no one waits for (the
 * caller exited, a close) is dropped. */
void dev_reply(message *m)
{
	struct fproc *fp;
	int r = m->m_cdev.status;

	if (worker_dev_reply(m))
		return;
	fp = waiting_for(m->m_source, m->m_cdev.id);
	if (fp == NULL || r == EDONTREPLY)
		return;
	cpf_revoke(fp->fp_bgrant);
	fp->fp_bgrant = GRANT_INVALID;
	fp->fp_blocked = BLK_NONE;
	if (r > 0 && fp->fp_bseek)
		fp->fp_bfilp->f_pos += (uint64_t)r;
	reply(fp->fp_endpoint, r);
}

/* The labels VFS has seen in DS and their endpoints, to see a driver
 * come back with a new endpoint (RS restarted it) or go. */
#define NR_LABELS 32
static struct {
	char l_label[DS_MAX_KEYLEN];
	endpoint_t l_ep;
} labels[NR_LABELS];

/* Driver ep is gone: its requests in flight and its open files fail with
 * EIO (a file opened again reaches the new instance). */
static void driver_dead(endpoint_t ep)
{
	int i;

	worker_dev_dead(ep);
	mnt_fs_dead(ep);	/* a mounted file system's process (mount.c) */
	for (i = 0; i < NR_PROCS; i++) {
		struct fproc *fp = &fproc_tab[i];
		if (fp->fp_endpoint == NONE || fp->fp_blocked != BLK_DEV_READ ||
		    fp->fp_bdriver != ep)
			continue;
		cpf_revoke(fp->fp_bgrant);
		fp->fp_bgrant = GRANT_INVALID;
		fp->fp_blocked = BLK_NONE;
		reply(fp->fp_endpoint, fp->fp_bcancel ? EINTR : EIO);
	}
	filp_driver_dead(ep);
}

static void label_seen(const char *label, endpoint_t ep)
{
	int i, free_slot = -1;

	for (i = 0; i < NR_LABELS; i++) {
		if (labels[i].l_label[0] == '\0') {
			if (free_slot < 0)
				free_slot = i;
			continue;
		}
		if (strcmp(labels[i].l_label, label) != 0)
			continue;
		if (labels[i].l_ep != ep && labels[i].l_ep != NONE)
			driver_dead(labels[i].l_ep);
		labels[i].l_ep = ep;
		return;
	}
	if (free_slot >= 0 && ep != NONE) {
		strcpy(labels[free_slot].l_label, label);
		labels[free_slot].l_ep = ep;
	}
}

/* Subscribe to every key in DS, those there already too (at start-up). */
void dev_ds_init(void)
{
	int r;

	if ((r = ds_subscribe(".*", DSF_INITIAL)) != OK)
		printf("vfs: cannot subscribe to DS: %d\n", r);
}

/* DS has news: a label published again (a restarted driver) or deleted. */
void dev_ds_event(void)
{
	char key[DS_MAX_KEYLEN];
	endpoint_t owner, ep;
	int type;

	while (ds_check(key, &type, &owner) == OK) {
		if (type == 0)
			label_seen(key, NONE);	/* deleted (a service down) */
		else if ((type & DSF_TYPE_LABEL) &&
		    ds_retrieve_label_endpt(key, &ep) == OK)
			label_seen(key, ep);
	}
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
	r = asynsend(fp->fp_bdriver, &m);
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
