/* dev.c - requests to the drivers of device nodes: character devices
 * (CDEV_*) and the callers that wait for them, block device files
 * (BDEV_*), the major -> driver table, mknod.
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
 *
 * A block device node (S_IFBLK) opened as a file is read and written
 * with BDEV_READ/BDEV_WRITE straight to its driver (no cache), one request
 * per call, the worker waiting for the BDEV_REPLY; a signal does not cut
 * such a wait short (block I/O is not interruptible), the driver's death
 * does (EIO).  mount finds the driver of a block node with dev_block().
 */
#include <termios.h>
#include <sys/ioctl.h>
#include <sys/ioc_disk.h>
#include <stdio.h>
#include <minix/ds.h>
#include <minix/rs.h>
#include "vfs.h"

/* Request ids: a counter above the low 8 bits; a read, write or ioctl
 * puts its caller's fproc slot + 1 in those (dev_start), so that the
 * answer finds its caller at once.  Unique while fewer than 2^24 requests
 * are in flight. */
#define ID_SLOT_MASK	0xffu
static uint32_t next_id = 1;

static uint32_t new_id(void)
{
	uint32_t id = next_id++ << 8;

	if (next_id == 1u << 24)
		next_id = 1;
	return id;
}

/* The requests whose answers VFS drops on purpose (a close's, those of a
 * caller that exited, an open's whose caller was interrupted): an answer
 * that is neither awaited nor one of these is a protocol violation.  The
 * cancel of a caller that exited is still due within CDEV_TIMEOUT (an
 * answer to the request or to the cancel): a driver that answers nothing
 * would otherwise keep its other callers waiting unseen (due). */
#define NR_DROPPED 64
static struct {
	endpoint_t ep;
	uint32_t id;
	int due_set;
	clock_t due;
} dropped[NR_DROPPED];
static unsigned dropped_next;

void dev_forget(endpoint_t driver, uint32_t id)
{
	int i;

	/* A slot whose answer is still due is kept (closes come by many). */
	for (i = 0; i < NR_DROPPED && dropped[dropped_next].due_set; i++)
		dropped_next = (dropped_next + 1) % NR_DROPPED;
	dropped[dropped_next].ep = driver;
	dropped[dropped_next].id = id;
	dropped[dropped_next].due_set = 0;
	dropped_next = (dropped_next + 1) % NR_DROPPED;
}

static int was_dropped(endpoint_t driver, uint32_t id)
{
	int i;

	for (i = 0; i < NR_DROPPED; i++)
		if (dropped[i].ep == driver && dropped[i].id == id) {
			dropped[i].due_set = 0;	/* answered */
			return 1;	/* kept: a cancel may bring a second */
		}
	return 0;
}

/* The drivers of the major device numbers (MINIX's dmap).  The boot
 * drivers' entries are here from the start (they serve init's console
 * before anyone could say so); `service up ... -dev NODE` adds the others
 * (VFS_MAPDRIVER).  A major without an entry, or whose driver is not in
 * DS, is ENXIO. */
#define NR_DMAP 16
static struct dmap dmap[NR_DMAP] = {
	{ 1, "memory", 1 },	/* null (minor 0), zero (1) */
	{ 4, "tty", 0 },	/* console and tty (minor 0) */
};

static struct dmap *dmap_of(int major)
{
	int i;

	for (i = 0; i < NR_DMAP; i++)
		if (dmap[i].dm_major == major && major != 0)
			return &dmap[i];
	return NULL;
}

/* The driver of label now (a restarted driver has a new endpoint), or
 * NONE if DS does not know it. */
static endpoint_t dev_driver(const char *label)
{
	endpoint_t ep;

	if (ds_retrieve_label_endpt(label, &ep) == OK)
		return ep;
	return NONE;
}

/* VFS_MAPDRIVER: buf/len the label, fd the major, flags 1 if seekable:
 * the driver of that major from now on.  EINVAL for a major outside
 * 1..255 or a label too long, ENOSPC if the table is full. */
int do_mapdriver(struct fproc *fp, message *m)
{
	char label[VFS_PATH_MAX];
	struct dmap *d;
	int major = m->m_vfs.fd, r, i;

	if ((r = path_fetch(fp->fp_endpoint, m->m_vfs.buf, m->m_vfs.len, label)) != OK)
		return r;
	if (major < 1 || major > 255 || strlen(label) >= sizeof(d->dm_label))
		return EINVAL;
	if ((d = dmap_of(major)) == NULL) {
		for (i = 0; i < NR_DMAP && dmap[i].dm_major != 0; i++)
			;
		if (i == NR_DMAP)
			return ENOSPC;
		d = &dmap[i];
	}
	d->dm_major = major;
	strcpy(d->dm_label, label);
	d->dm_seekable = m->m_vfs.flags & 1;
	return OK;
}

/* The device number of device node vn: OK, or an error. */
static int node_rdev(const struct vnode *vn, dev_t *rdev)
{
	struct stat st;
	int r = fs_stat_vnode(vn, &st);

	*rdev = r == OK ? st.st_rdev : 0;
	return r;
}

/* VFS_MKNOD: path (buf/len), mode (S_IFCHR or S_IFBLK and permissions,
 * less the umask), the device number in off_lo.  EEXIST if the name
 * exists, EINVAL for another file type. */
int do_mknod(struct fproc *fp, message *m)
{
	uint32_t mode = (uint32_t)m->m_vfs.mode;
	struct lookup lk;
	cp_grant_id_t g;
	message fm;
	int r;

	if (!S_ISCHR(mode) && !S_ISBLK(mode))
		return EINVAL;
	if ((r = fetch_walk(fp, m, &lk, 0)) != OK)
		return r;
	if (lk.found || lk.last[0] == '\0' || strcmp(lk.last, ".") == 0 ||
	    strcmp(lk.last, "..") == 0)
		return EEXIST;
	if (lk.err != ENOENT)
		return lk.err;
	if ((r = forbidden(fp, &lk.dir, 3)) != OK)
		return r;
	if ((g = cpf_grant_direct(fs_ep(lk.dir.v_mnt), (vir_bytes)lk.last,
	    strlen(lk.last), CPF_READ)) == GRANT_INVALID)
		return ENOMEM;
	memset(&fm, 0, sizeof(fm));
	fm.m_type = REQ_CREATE;
	fm.m_fs.ino = lk.dir.v_ino;
	fm.m_fs.grant = g;
	fm.m_fs.count = (uint32_t)strlen(lk.last);
	fm.m_fs.flags = (mode & S_IFMT) | (mode & 07777 & ~fp->fp_umask);
	fm.m_fs.pos_lo = m->m_vfs.off_lo;	/* the device number */
	fm.m_fs.uid = fp->fp_uid;
	fm.m_fs.gid = fp->fp_gid;
	r = fs_request(lk.dir.v_mnt, &fm);
	cpf_revoke(g);
	return r;
}

/* The driver of device node vn now (its major through the table, the
 * label through DS): OK, or ENXIO if there is none or it is not running. */
static int node_driver(const struct vnode *vn, const struct dmap **d,
	endpoint_t *ep, int *minor_nr)
{
	dev_t rdev;
	int r;

	if ((r = node_rdev(vn, &rdev)) != OK)
		return r;
	if ((*d = dmap_of((int)major(rdev))) == NULL)
		return ENXIO;
	*minor_nr = (int)minor(rdev);
	if ((*ep = dev_driver((*d)->dm_label)) == NONE)
		return ENXIO;	/* its driver is not running */
	return OK;
}

/* The block device of node vn, for mount: its driver's endpoint and the
 * minor.  ENOTBLK if vn is not a block device node, ENXIO if no driver
 * serves its major now. */
int dev_block(const struct vnode *vn, endpoint_t *ep, int *minor_nr)
{
	const struct dmap *d;

	if (vn->v_kind != VN_FS || !S_ISBLK(vn->v_mode))
		return ENOTBLK;
	return node_driver(vn, &d, ep, minor_nr);
}

static void bdev_msg(message *m, int type, const struct filp *f)
{
	memset(m, 0, sizeof(*m));
	m->m_type = type;
	m->m_lbdev_lblockdriver_msg.minor = f->f_minor;
	m->m_lbdev_lblockdriver_msg.pos = f->f_pos;
	m->m_lbdev_lblockdriver_msg.grant = GRANT_INVALID;
	m->m_lbdev_lblockdriver_msg.id = (int)new_id();
}

/* Send block request m to f's driver and wait for its answer: the
 * driver's status, EIO if it died meanwhile, ENXIO if it was gone. */
static int bdev_sendrec(struct filp *f, message *m)
{
	int r;

	if ((r = dev_sendrec_worker(f->f_driver, f->f_dmap->dm_label, m)) != OK)
		return r == EDEADSRCDST ? ENXIO : r;
	return m->m_type == BDEV_REPLY ? m->m_lblockdriver_lbdev_reply.status : EIO;
}

/* Did driver move at least r > 0 bytes through grant g (the kernel's
 * count, cp_moved)?  If not, it answered for a transfer it did not make
 * (a fault took its copy away): its reader would take old bytes for data,
 * or its writer would believe them stored.  A driver fault: RS restarts
 * it.  1 if it did, else 0. */
static int moved_all(endpoint_t driver, cp_grant_id_t g, int r)
{
	static char why[64];
	vir_bytes moved;

	if (cpf_moved(g, &moved) != 0 || moved >= (vir_bytes)r)
		return 1;
	snprintf(why, sizeof(why), "answered for %d bytes but moved %u",
	    r, (unsigned)moved);
	dev_driver_fault(driver, why);
	return 0;
}

/* Read or write len > 0 bytes of block device file f at its position,
 * straight from or into fp's buffer: the bytes, or an error (ENOSPC for a
 * write at the end of the device). */
static int bdev_io(struct fproc *fp, struct filp *f, int write, vir_bytes buf,
	size_t len)
{
	cp_grant_id_t g;
	message m;
	int r;

	if ((r = make_magic(f->f_driver, fp->fp_endpoint, buf, len,
	    write ? CPF_READ : CPF_WRITE, &g)) != OK)
		return r;
	bdev_msg(&m, write ? BDEV_WRITE : BDEV_READ, f);
	m.m_lbdev_lblockdriver_msg.grant = g;
	m.m_lbdev_lblockdriver_msg.count = (int)len;
	r = bdev_sendrec(f, &m);
	/* A block device never drops what it is given, and never answers
	 * for bytes it did not move. */
	if (r > 0 && !moved_all(f->f_driver, g, r))
		r = EIO;
	cpf_revoke(g);
	if (r > 0)
		f->f_pos += (uint64_t)r;
	return r == 0 && write ? ENOSPC : r;
}

/* An ioctl of block device file f for fp: BDEV_IOCTL with a grant of the
 * argument, its size and direction from the request's encoding (MINIX's
 * _IOR/_IOW: DIOCGETP and the other DIOC*), the caller as the user; the
 * driver's answer.  ENOTTY for a request without that encoding. */
static int bdev_ioctl(struct fproc *fp, struct filp *f, unsigned long request,
	vir_bytes arg)
{
	size_t size = (request >> 16) & IOCPARM_MASK;
	int access = ((request & IOC_OUT) ? CPF_WRITE : 0) |
	    ((request & IOC_IN) ? CPF_READ : 0);
	cp_grant_id_t g = GRANT_INVALID;
	message m;
	int r;

	if ((request & (IOC_IN | IOC_OUT | IOC_VOID)) == 0 ||
	    (size == 0) != !(request & (IOC_IN | IOC_OUT)))
		return ENOTTY;
	if (f->f_driver == NONE)
		return EIO;
	if (size && (r = make_magic(f->f_driver, fp->fp_endpoint, arg, size,
	    access, &g)) != OK)
		return r;
	bdev_msg(&m, BDEV_IOCTL, f);
	m.m_lbdev_lblockdriver_msg.grant = g;
	m.m_lbdev_lblockdriver_msg.request = (int)request;
	m.m_lbdev_lblockdriver_msg.user = fp->fp_endpoint;
	r = bdev_sendrec(f, &m);
	if (size)
		cpf_revoke(g);
	return r;
}

/* A CDEV_OPEN or CDEV_CLOSE of f (MINIX's openclose layout). */
static void cdev_oc_msg(message *m, int type, const struct filp *f, endpoint_t user)
{
	memset(m, 0, sizeof(*m));
	m->m_type = type;
	m->m_vfs_lchardriver_openclose.minor = f->f_minor;
	/* MINIX's bits, not the O_* flags. */
	if (type == CDEV_OPEN)
		m->m_vfs_lchardriver_openclose.access =
		    (FILP_CAN_READ(f) ? CDEV_R_BIT : 0) |
		    (FILP_CAN_WRITE(f) ? CDEV_W_BIT : 0);
	m->m_vfs_lchardriver_openclose.id = (endpoint_t)new_id();
	m->m_vfs_lchardriver_openclose.user = user;
}

/* A CDEV_READ, CDEV_WRITE or CDEV_IOCTL of f (the readwrite layout). */
static void cdev_rw_msg(message *m, int type, const struct filp *f, endpoint_t user)
{
	memset(m, 0, sizeof(*m));
	m->m_type = type;
	m->m_vfs_lchardriver_readwrite.minor = f->f_minor;
	m->m_vfs_lchardriver_readwrite.pos = (off_t)f->f_pos;
	m->m_vfs_lchardriver_readwrite.grant = GRANT_INVALID;
	/* Whether to wait: MINIX's bit, not O_NONBLOCK. */
	m->m_vfs_lchardriver_readwrite.flags = (f->f_flags & O_NONBLOCK) ?
	    CDEV_NONBLOCK : CDEV_NOFLAGS;
	m->m_vfs_lchardriver_readwrite.id = (endpoint_t)new_id();
	m->m_vfs_lchardriver_readwrite.user = user;
}

/* Open device node f (its inode's mode S_IFCHR or S_IFBLK; oflags the
 * open's O_* flags): find the driver of its major and ask it (CDEV_OPEN
 * or BDEV_OPEN).  ENXIO if there is none, or it is not running. */
int dev_open(struct fproc *fp, struct filp *f, int oflags)
{
	const struct dmap *d;
	message m;
	int r;

	if ((r = node_driver(&f->f_vn, &d, &f->f_driver, &f->f_minor)) != OK)
		return r;
	f->f_dmap = d;
	if (S_ISBLK(f->f_vn.v_mode)) {
		bdev_msg(&m, BDEV_OPEN, f);
		m.m_lbdev_lblockdriver_msg.access = (FILP_CAN_READ(f) ? BDEV_R_BIT : 0) |
		    (FILP_CAN_WRITE(f) ? BDEV_W_BIT : 0);
		r = bdev_sendrec(f, &m);
		return r < 0 ? r : OK;
	}
	cdev_oc_msg(&m, CDEV_OPEN, f, fp->fp_endpoint);
	if (oflags & O_NOCTTY)
		m.m_vfs_lchardriver_openclose.access |= CDEV_NOCTTY;
	if ((r = dev_sendrec_worker(f->f_driver, d->dm_label, &m)) != OK)
		return r == EDEADSRCDST ? ENXIO : r;	/* a driver gone for good */
	if (m.m_type != CDEV_REPLY)
		return EIO;
	r = m.m_lchardriver_vfs_reply.status;
	return r < 0 ? r : OK;
}

/* The last close: tell the driver, do not wait. */
void dev_close(struct filp *f)
{
	message m;

	if (f->f_driver == NONE)
		return;		/* its driver died */
	if (S_ISBLK(f->f_vn.v_mode))
		bdev_msg(&m, BDEV_CLOSE, f);	/* its answer is dropped */
	else
		cdev_oc_msg(&m, CDEV_CLOSE, f, NONE);
	if (asynsend(f->f_driver, &m) == OK && !S_ISBLK(f->f_vn.v_mode))
		dev_forget(f->f_driver, (uint32_t)m.m_vfs_lchardriver_openclose.id);
}

/* Send request m (with grant g) for fp and make fp wait for the answer.
 * SUSPEND, or EIO if the driver is gone. */
static int dev_start(struct fproc *fp, struct filp *f, message *m,
	cp_grant_id_t g, int seek)
{
	/* The caller's slot in the id's low bits: see new_id(). */
	m->m_vfs_lchardriver_readwrite.id |= (endpoint_t)(fp - fproc_tab) + 1;
	if (asynsend(f->f_driver, m) != OK) {
		cpf_revoke(g);
		return EIO;
	}
	fp->fp_blocked = BLK_DEV_READ;
	fp->fp_bfilp = f;
	fp->fp_bid = (uint32_t)m->m_vfs_lchardriver_readwrite.id;
	fp->fp_bdriver = f->f_driver;
	fp->fp_bgrant = g;
	fp->fp_bcancel = 0;
	fp->fp_bseek = seek;
	fp->fp_bmoved = m->m_type == CDEV_READ;
	fp->fp_blabel = f->f_dmap->dm_label;
	return SUSPEND;
}

/* Read or write len > 0 bytes of a device for fp: SUSPEND (the driver's
 * answer ends the call), the bytes of a block device, or an error. */
int dev_io(struct fproc *fp, struct filp *f, int write, vir_bytes buf,
	size_t len)
{
	cp_grant_id_t g;
	message m;
	int r;

	if (f->f_driver == NONE)
		return EIO;		/* its driver died: open it again */
	if (S_ISBLK(f->f_vn.v_mode))
		return bdev_io(fp, f, write, buf, len);
	if ((r = make_magic(f->f_driver, fp->fp_endpoint, buf, len,
	    write ? CPF_READ : CPF_WRITE, &g)) != OK)
		return r;
	cdev_rw_msg(&m, write ? CDEV_WRITE : CDEV_READ, f, fp->fp_endpoint);
	m.m_vfs_lchardriver_readwrite.grant = g;
	m.m_vfs_lchardriver_readwrite.count = len;
	return dev_start(fp, f, &m, g, f->f_dmap->dm_seekable);
}

/* The tty's ioctls; the argument's size and direction by request. */
int dev_ioctl(struct fproc *fp, struct filp *f, unsigned long request,
	vir_bytes arg)
{
	size_t size;
	int access, r;
	cp_grant_id_t g;
	message m;

	if (S_ISBLK(f->f_vn.v_mode))
		return bdev_ioctl(fp, f, request, arg);
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
	cdev_rw_msg(&m, CDEV_IOCTL, f, fp->fp_endpoint);
	m.m_vfs_lchardriver_readwrite.grant = g;
	m.m_vfs_lchardriver_readwrite.request = (int)request;
	return dev_start(fp, f, &m, g, 0);
}

static int waits_for(const struct fproc *fp, endpoint_t driver, uint32_t id)
{
	return fp != NULL && fp->fp_endpoint != NONE &&
	    fp->fp_blocked == BLK_DEV_READ && fp->fp_bdriver == driver &&
	    fp->fp_bid == id;
}

/* The caller waiting for driver's answer id (its slot is in the id). */
static struct fproc *waiting_for(endpoint_t driver, uint32_t id)
{
	uint32_t slot = id & ID_SLOT_MASK;
	struct fproc *fp;

	if (slot == 0 || slot > NR_PROCS)
		return NULL;	/* an open's, a close's (a worker's) */
	fp = &fproc_tab[slot - 1];
	return waits_for(fp, driver, id) ? fp : NULL;
}

/* A driver's CDEV_REPLY: to an open a worker waits for, or to a read,
 * write or ioctl: answer its caller.  An answer no one waits for (the
 * caller exited, a close) is dropped. */
void dev_reply(message *m)
{
	cp_grant_id_t g;
	struct fproc *fp;
	int r = m->m_lchardriver_vfs_reply.status;

	/* Request ids are unique: a caller's or a worker's (an open). */
	if ((fp = waiting_for(m->m_source, m->m_lchardriver_vfs_reply.id)) == NULL) {
		if (!worker_dev_reply(m) && !was_dropped(m->m_source,
		    (uint32_t)m->m_lchardriver_vfs_reply.id))
			dev_driver_fault(m->m_source, "protocol violation: an answer to no request");
		return;
	}
	if (r == EDONTREPLY)
		return;
	g = fp->fp_bgrant;
	fp->fp_bgrant = GRANT_INVALID;
	fp->fp_blocked = BLK_NONE;	/* before a fault ends its driver's calls */
	if (r > 0 && fp->fp_bmoved && !moved_all(m->m_source, g, r))
		r = EIO;
	cpf_revoke(g);
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
	select_driver_dead(ep);	/* its selects: EIO */
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

/* Driver ep broke the protocol (why): a client cannot tell what it will
 * do next, and whoever waits for it may wait forever (a lost answer), so
 * RS restarts it as if it had died, and its requests in flight end with
 * EIO now.  Once per instance. */
void dev_driver_fault(endpoint_t ep, const char *why)
{
	static endpoint_t last = NONE;
	message m;
	int i, r;

	if (ep == last)
		return;
	for (i = 0; i < NR_LABELS; i++)
		if (labels[i].l_label[0] != '\0' && labels[i].l_ep == ep)
			break;
	if (i == NR_LABELS) {
		printf("vfs: endpoint %d, no driver: %s\n", ep, why);
		return;
	}
	printf("vfs: driver %s: %s; restarting it\n",
	    labels[i].l_label, why);
	memset(&m, 0, sizeof(m));
	m.m_type = RS_DRIVER_FAULT;
	strncpy(m.m_rs.label, labels[i].l_label, sizeof(m.m_rs.label) - 1);
	if ((r = ipc_sendrec(RS_PROC_NR, &m)) == OK)
		r = m.m_type;
	if (r != OK) {
		printf("vfs: RS did not restart %s: %d\n", labels[i].l_label, r);
		return;
	}
	last = ep;
	driver_dead(ep);
}

/* A message from ep that is neither a driver's answer nor a call VFS
 * knows: from a device driver (a major's label), a protocol violation
 * (a fault changed the type of its answer, whose caller would wait for
 * ever); else 0, nothing done. */
int dev_unknown_message(endpoint_t ep, int type)
{
	static char why[48];
	int i, j;

	for (i = 0; i < NR_LABELS; i++)
		if (labels[i].l_label[0] != '\0' && labels[i].l_ep == ep)
			break;
	if (i == NR_LABELS)
		return 0;
	for (j = 0; j < NR_DMAP; j++)
		if (dmap[j].dm_major != 0 &&
		    strcmp(dmap[j].dm_label, labels[i].l_label) == 0)
			break;
	if (j == NR_DMAP)
		return 0;
	snprintf(why, sizeof(why), "a message of unknown type %#x", (unsigned)type);
	dev_driver_fault(ep, why);
	return 1;
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
	m.m_vfs_lchardriver_cancel.minor = fp->fp_bfilp->f_minor;
	m.m_vfs_lchardriver_cancel.id = (endpoint_t)fp->fp_bid;
	r = asynsend(fp->fp_bdriver, &m);
	if (r == OK)	/* the request's answer, or the cancel's, or both */
		dev_forget(fp->fp_bdriver, fp->fp_bid);
	if (r == OK && exiting) {	/* due all the same */
		unsigned last = (dropped_next + NR_DROPPED - 1) % NR_DROPPED;
		dropped[last].due_set = 1;
		dropped[last].due = getticks() + CDEV_TIMEOUT * sys_hz();
		vfs_alarm_update();
	}
	if (!exiting && r == OK) {
		fp->fp_bcancel = 1;	/* its answer is due: dev_cancel_timeout */
		fp->fp_bdeadline = getticks() + CDEV_TIMEOUT * sys_hz();
		vfs_alarm_update();
		return;
	}
	cpf_revoke(fp->fp_bgrant);
	fp->fp_bgrant = GRANT_INVALID;
	fp->fp_blocked = BLK_NONE;
	if (!exiting)
		reply(fp->fp_endpoint, EINTR);	/* the driver is gone */
}

/* The nearest deadline of a cancel sent for a waiting caller (1), or 0
 * if none. */
int dev_cancel_deadline(clock_t *first)
{
	int i, any = 0;

	for (i = 0; i < NR_PROCS; i++) {
		struct fproc *fp = &fproc_tab[i];
		if (fp->fp_endpoint == NONE || fp->fp_blocked != BLK_DEV_READ ||
		    !fp->fp_bcancel)
			continue;
		if (!any || fp->fp_bdeadline - *first < 0)
			*first = fp->fp_bdeadline;
		any = 1;
	}
	for (i = 0; i < NR_DROPPED; i++)
		if (dropped[i].due_set && (!any || dropped[i].due - *first < 0)) {
			*first = dropped[i].due;
			any = 1;
		}
	return any;
}

/* The alarm rang: a CDEV_CANCEL unanswered past CDEV_TIMEOUT.  A read or
 * write may wait for ever, but a driver must answer a cancel at once (with
 * EINTR or the bytes done): one that does not lost the request or sends
 * its answers nowhere, and its caller would wait for ever.  A driver
 * fault: RS restarts the driver, and the caller's call ends with EINTR
 * (driver_dead). */
void dev_cancel_timeout(void)
{
	clock_t now = getticks();
	int i;

	for (i = 0; i < NR_PROCS; i++) {
		struct fproc *fp = &fproc_tab[i];
		if (fp->fp_endpoint == NONE || fp->fp_blocked != BLK_DEV_READ ||
		    !fp->fp_bcancel || fp->fp_bdeadline - now > 0)
			continue;
		dev_driver_fault(fp->fp_bdriver, "a cancel unanswered in time");
		/* Still waiting (RS would not): give it time again. */
		fp->fp_bdeadline = now + CDEV_TIMEOUT * sys_hz();
	}
	for (i = 0; i < NR_DROPPED; i++)
		if (dropped[i].due_set && dropped[i].due - now <= 0) {
			dropped[i].due_set = 0;
			dev_driver_fault(dropped[i].ep, "a cancel unanswered in time");
		}
}
