/* fproc.c - the per-process tables (descriptors, close-on-exec bits,
 * working directory, a waiting call) and the filps they point to.
 *
 * A process's entry is found by the slot of its endpoint and is valid only
 * for that exact endpoint; a stale entry (a process that went away
 * without PM telling us) is cleaned up when its slot is used again.  Init
 * has an entry from the start; PM's VFS_PM_FORK makes the others, and a
 * system process that calls VFS directly gets a fresh one (no fds, cwd /).
 *
 * A filp is shared by every fd that dup() or fork() made from it and
 * counted; the last release closes the device or the pipe end.
 */
#include <stdio.h>
#include "vfs.h"

struct fproc fproc_tab[NR_PROCS];
static struct filp filps[NR_FILPS];

static int slot_of(endpoint_t ep)
{
	int s;

	if (ep == ANY || ep == NONE || ep == SELF)
		return -1;
	s = _ENDPOINT_P(ep);
	return s >= 0 && s < NR_PROCS ? s : -1;
}

static void fproc_clear(struct fproc *fp, endpoint_t ep)
{
	memset(fp, 0, sizeof(*fp));
	fp->fp_endpoint = ep;
	fp->fp_blocked = BLK_NONE;
	fp->fp_bgrant = GRANT_INVALID;
	fp->fp_cwd = vfs_root;
	strcpy(fp->fp_cwd_path, "/");
	fp->fp_umask = 022;
}

void fproc_init(void)
{
	int i;

	for (i = 0; i < NR_PROCS; i++)
		fproc_clear(&fproc_tab[i], NONE);
	fproc_new(INIT_PROC_NR);
}

/* The entry of ep, or NULL if VFS does not know it. */
struct fproc *fproc_get(endpoint_t ep)
{
	int s = slot_of(ep);

	if (s < 0 || fproc_tab[s].fp_endpoint != ep)
		return NULL;
	return &fproc_tab[s];
}

/* A fresh entry for ep (no fds, cwd /), replacing a stale one. */
struct fproc *fproc_new(endpoint_t ep)
{
	int s = slot_of(ep);
	struct fproc *fp;

	if (s < 0)
		return NULL;
	fp = &fproc_tab[s];
	if (fp->fp_endpoint != NONE && fproc_busy(fp))
		return NULL;	/* a stale entry whose job still runs */
	if (fp->fp_endpoint != NONE)
		fproc_forget(fp);
	fproc_clear(fp, ep);
	return fp;
}

/* The process is gone: end its waiting call, close everything. */
void fproc_forget(struct fproc *fp)
{
	int fd;

	if (fp->fp_endpoint == NONE)
		return;
	if (fp->fp_blocked == BLK_DEV_READ)
		dev_unblock(fp, 1);
	else if (fp->fp_blocked == BLK_FS_RW)
		fs_loop_forget(fp);
	else if (fp->fp_blocked == BLK_SELECT)
		select_unblock(fp, 1);
	else if (fp->fp_blocked != BLK_NONE)
		pipe_unblock(fp, 1);
	for (fd = 0; fd < VFS_OPEN_MAX; fd++)
		if (fp->fp_filp[fd])
			fd_close(fp, fd);
	fproc_clear(fp, NONE);
}

/* A free filp with one reference, or NULL (ENFILE). */
struct filp *filp_alloc(void)
{
	int i;

	for (i = 0; i < NR_FILPS; i++)
		if (filps[i].f_count == 0) {
			memset(&filps[i], 0, sizeof(filps[i]));
			filps[i].f_count = 1;
			filps[i].f_driver = NONE;
			return &filps[i];
		}
	return NULL;
}

/* Driver ep died: the files open on it give EIO from now on. */
void filp_driver_dead(endpoint_t ep)
{
	int i;

	for (i = 0; i < NR_FILPS; i++)
		if (filps[i].f_count > 0 && FILP_IS_DEV(&filps[i]) &&
		    filps[i].f_driver == ep)
			filps[i].f_driver = NONE;
}

void filp_hold(struct filp *f)
{
	f->f_count++;
}

/* Is inode ino of mount mnt open in some filp?  (ino 0: any inode of
 * it, for umount's EBUSY.) */
int fs_is_open(int mnt, uint32_t ino)
{
	int i;

	for (i = 0; i < NR_FILPS; i++)
		if (filps[i].f_count > 0 && filps[i].f_vn.v_kind == VN_FS &&
		    filps[i].f_vn.v_mnt == mnt &&
		    (ino == 0 || filps[i].f_vn.v_ino == ino))
			return 1;
	return 0;
}

/* The last name of open inode ino of mount mnt went: the file system
 * frees it when its last filp closes (REQ_PUTNODE). */
void fs_orphaned(int mnt, uint32_t ino)
{
	int i;

	for (i = 0; i < NR_FILPS; i++)
		if (filps[i].f_count > 0 && filps[i].f_vn.v_kind == VN_FS &&
		    filps[i].f_vn.v_mnt == mnt && filps[i].f_vn.v_ino == ino)
			filps[i].f_orphan = 1;
}

static void fs_putnode(int mnt, uint32_t ino)
{
	message m;

	memset(&m, 0, sizeof(m));
	m.m_type = REQ_PUTNODE;
	m.m_fs.ino = ino;
	m.m_fs.count = 1;
	if (fs_request(mnt, &m) != OK)
		printf("vfs: freeing unlinked inode %u failed\n", ino);
}

/* Drop a reference; the last one closes the device or pipe end, or
 * frees an unlinked inode nothing else has open. */
void filp_release(struct filp *f)
{
	uint32_t ino;
	int mnt;

	if (f->f_count <= 0 || --f->f_count > 0)
		return;
	f->f_count = 1;		/* still ours while it is being closed */
	if (FILP_IS_DEV(f))
		dev_close(f);
	else if (f->f_vn.v_kind == VN_PIPE)
		pipe_close_end(f);
	ino = f->f_vn.v_kind == VN_FS && f->f_orphan ? f->f_vn.v_ino : 0;
	mnt = f->f_vn.v_mnt;
	memset(f, 0, sizeof(*f));
	if (ino != 0 && !fs_is_open(mnt, ino))
		fs_putnode(mnt, ino);
}

/* The lowest free fd >= from, or EMFILE. */
int fd_free(struct fproc *fp, int from)
{
	int fd;

	for (fd = from < 0 ? 0 : from; fd < VFS_OPEN_MAX; fd++)
		if (fp->fp_filp[fd] == NULL)
			return fd;
	return EMFILE;
}

/* The filp of fd, or NULL for a bad or closed fd (EBADF). */
struct filp *fd_get(struct fproc *fp, int fd)
{
	if (fd < 0 || fd >= VFS_OPEN_MAX)
		return NULL;
	return fp->fp_filp[fd];
}

/* Put f (a reference the caller hands over) in the free slot fd. */
void fd_install(struct fproc *fp, int fd, struct filp *f, int cloexec)
{
	fp->fp_filp[fd] = f;
	if (cloexec)
		fp->fp_cloexec |= 1ull << fd;
	else
		fp->fp_cloexec &= ~(1ull << fd);
}

int fd_close(struct fproc *fp, int fd)
{
	struct filp *f = fd_get(fp, fd);

	if (f == NULL)
		return EBADF;
	fp->fp_filp[fd] = NULL;
	fp->fp_cloexec &= ~(1ull << fd);
	filp_release(f);
	return OK;
}
