/* file.c - the calls on files and names: open, close, read, write, lseek,
 * stat, fstat, getdents, mkdir, rmdir, unlink, rename.
 *
 * Data never passes through VFS: a read or write of a file, a getdents or
 * a stat of an ext2 inode gives the file system a magic grant to the
 * caller's buffer (cpf_grant_magic), revoked as soon as the reply is in,
 * and the file system copies straight to or from the caller.  A bad
 * buffer makes its safecopy fail, and that EFAULT is the answer.  What VFS
 * makes up itself (the stat of a device or pipe, the listing of /dev) it
 * copies out with sys_vircopy.
 *
 * VFS makes the checks that come first (ENOENT, EEXIST, ENOTDIR, EISDIR,
 * ENOTEMPTY, EBUSY, EXDEV, and permissions: EACCES) and the file system
 * the rest (ENOSPC, EMLINK...).  The built-in /dev cannot change: EROFS.
 */
#include <dirent.h>
#include <unistd.h>
#include "vfs.h"

#define PIPEFS_DEV	0xff00u	/* st_dev of pipes */

/* Each worker has its own path buffers (worker.c): calls run at once. */
#define path1 (worker_bufs()->wb_path1)
#define path2buf (worker_bufs()->wb_path2)

/* Copy the caller's path (m_vfs.buf, len) into path1 and walk it. */
int fetch_walk(struct fproc *fp, const message *m, struct lookup *lk,
	int follow)
{
	int r = path_fetch(fp->fp_endpoint, m->m_vfs.buf, m->m_vfs.len, path1);

	return r != OK ? r : path_walk(fp, path1, lk, follow);
}

/* May fp add or remove names in directory dir?  (write and search) */
static int dir_writable(const struct fproc *fp, const struct vnode *dir)
{
	if (dir->v_kind != VN_FS)
		return EROFS;	/* /dev is VFS's own and fixed */
	return forbidden(fp, dir, 3);
}

/* May fp remove (or rename away) node from directory dir?  Write and
 * search on dir; in a sticky directory (/tmp's S_ISVTX), only the owner
 * of the node or of the directory, or root (EPERM). */
static int may_remove(const struct fproc *fp, const struct vnode *dir,
	const struct vnode *node)
{
	int r;

	if ((r = dir_writable(fp, dir)) != OK)
		return r;
	if ((dir->v_mode & S_ISVTX) && fp->fp_uid != 0 &&
	    fp->fp_uid != node->v_uid && fp->fp_uid != dir->v_uid)
		return EPERM;
	return OK;
}

/* The attributes of vn from its file system (REQ_STAT): OK or an error. */
int fs_stat_vnode(const struct vnode *vn, struct stat *st)
{
	cp_grant_id_t g;
	message m;
	int r;

	if ((g = cpf_grant_direct(fs_ep(vn->v_mnt), (vir_bytes)st, sizeof(*st),
	    CPF_WRITE)) == GRANT_INVALID)
		return ENOMEM;
	memset(&m, 0, sizeof(m));
	m.m_type = REQ_STAT;
	m.m_fs.ino = vn->v_ino;
	m.m_fs.grant = g;
	m.m_fs.count = sizeof(*st);
	r = fs_request(vn->v_mnt, &m);
	cpf_revoke(g);
	return r;
}

/* The size of file vn now (another filp may have changed it). */
int fs_size(const struct vnode *vn, uint64_t *size)
{
	struct stat st;
	int r = fs_stat_vnode(vn, &st);

	if (r == OK)
		*size = (uint64_t)st.st_size;
	return r;
}

static int is_dots(const char *name)
{
	return strcmp(name, ".") == 0 || strcmp(name, "..") == 0;
}

/* Is vn the root of a file system (/ or a mount point), which cannot be
 * removed or renamed? */
static int is_busy_dir(const struct vnode *vn)
{
	return mnt_is_root(vn);
}

/* O_CREAT of a missing name: the file system makes it, owned by the
 * caller, with the mode less the caller's umask. */
static int create_file(struct fproc *fp, const struct lookup *lk, int mode,
	struct vnode *vn)
{
	message m;
	int r;

	if (lk->slash)
		return EISDIR;
	if ((r = dir_writable(fp, &lk->dir)) != OK)
		return r;
	r = fs_name_request(REQ_CREATE, &lk->dir, lk->last,
	    (uint32_t)(S_IFREG | (mode & 07777 & ~fp->fp_umask)), &m);
	if (r != OK)
		return r;
	vnode_of_reply(&m, lk->dir.v_mnt, vn);
	return OK;
}

/* May vn be opened with these flags?  (created: no permission check,
 * the creator may write what it made) */
static int open_check(struct fproc *fp, const struct vnode *vn, int flags,
	int created)
{
	int acc = flags & O_ACCMODE, mask = 0, r;

	if (acc != O_WRONLY)
		mask |= 4;
	if (acc != O_RDONLY || (flags & O_TRUNC))
		mask |= 2;
	if (!created && vn->v_kind == VN_FS && !(flags & O_EXEC) &&
	    !(vn->v_kind == VN_FS && S_ISLNK(vn->v_mode)) &&
	    (r = forbidden(fp, vn, mask)) != OK)
		return r;

	if (flags & O_EXEC) {
		/* A program to run: a regular file with at least one x bit
		 * (everyone is root: any x bit will do, as for root on
		 * Linux).  Directories and devices too are EACCES. */
		if (acc != O_RDONLY || (flags & O_CREAT) || vn->v_kind != VN_FS ||
		    !S_ISREG(vn->v_mode) || !(vn->v_mode & 0111))
			return EACCES;
	}
	if (VN_ISDIR(vn))
		return acc != O_RDONLY || (flags & O_CREAT) ? EISDIR : OK;
	if (flags & O_DIRECTORY)
		return ENOTDIR;
	if (vn->v_kind != VN_FS)
		return OK;
	if (S_ISLNK(vn->v_mode))
		return ELOOP;	/* O_NOFOLLOW on a symbolic link */
	if (S_ISCHR(vn->v_mode) || S_ISBLK(vn->v_mode))
		return OK;	/* a device node: dev_open() finds its driver */
	if (!S_ISREG(vn->v_mode))
		return ENXIO;	/* FIFOs on disk: none yet */
	if (flags & O_EXEC)
		return forbidden(fp, vn, 5);
	return OK;
}

/* Set the size of file vn (and of every filp of it). */
static int set_size(struct vnode *vn, uint64_t size)
{
	message m;
	int r;

	memset(&m, 0, sizeof(m));
	m.m_type = REQ_FTRUNC;
	m.m_fs.ino = vn->v_ino;
	m.m_fs.pos_lo = (uint32_t)size;
	m.m_fs.pos_hi = (uint32_t)(size >> 32);
	if ((r = fs_request(vn->v_mnt, &m)) == OK)
		vn->v_size = size;
	return r;
}

int do_open(struct fproc *fp, message *m)
{
	int flags = m->m_vfs.flags, fd, excl, created = 0, r;
	struct lookup lk;
	struct vnode vn;
	struct filp *f;

	if ((flags & O_ACCMODE) == O_ACCMODE)
		return EINVAL;
	if ((r = path_fetch(fp->fp_endpoint, m->m_vfs.buf, m->m_vfs.len, path1)) != OK)
		return r;
	if ((fd = fd_free(fp, 0)) < 0)
		return fd;
	excl = (flags & O_CREAT) && (flags & O_EXCL);
	if ((r = path_walk(fp, path1, &lk, excl || (flags & O_NOFOLLOW) ? 0 :
	    WALK_FOLLOW)) != OK)
		return r;
	if (!lk.found && lk.err == ENOENT && (flags & O_CREAT)) {
		if ((r = create_file(fp, &lk, m->m_vfs.mode, &vn)) != OK)
			return r;
		created = 1;
	} else if (lk.found && excl) {
		return EEXIST;
	} else if (lk.err != OK) {
		return lk.err;
	} else {
		vn = lk.node;
	}
	if ((r = open_check(fp, &vn, flags, created)) != OK)
		return r;
	if ((flags & O_TRUNC) && (flags & O_ACCMODE) != O_RDONLY &&
	    vn.v_kind == VN_FS && vn.v_size > 0 && (r = set_size(&vn, 0)) != OK)
		return r;
	if ((f = filp_alloc()) == NULL)
		return ENFILE;
	f->f_vn = vn;
	f->f_flags = flags & (O_ACCMODE | O_APPEND | O_NONBLOCK | O_EXEC);
	if (vn.v_kind == VN_FS && (S_ISCHR(vn.v_mode) || S_ISBLK(vn.v_mode)) &&
	    (r = dev_open(fp, f, flags)) != OK) {
		f->f_count = 0;		/* never opened: nothing to close */
		return r;
	}
	fd_install(fp, fd, f, flags & O_CLOEXEC);
	return fd;
}

int do_close(struct fproc *fp, message *m)
{
	return fd_close(fp, m->m_vfs.fd);
}

/* A read or write of f moved bytes: the position (and a write's size)
 * from the file system's answer m. */
static void rw_moved(struct filp *f, int write, const message *m)
{
	f->f_pos = ((uint64_t)m->m_fs.pos_hi << 32) | m->m_fs.pos_lo;
	if (write)
		f->f_vn.v_size = ((uint64_t)m->m_fs.r_size_hi << 32) |
		    m->m_fs.r_size_lo;
}

/* The answer m (NULL: the server died) to the read or write of filp f
 * (NULL: its caller exited) that the loop sent for fp (NULL: exited)
 * through grant g: revoke the grant, move the position, answer. */
void fs_rw_done(struct fproc *fp, struct filp *f, int write, cp_grant_id_t g,
	const message *m)
{
	int r = m != NULL && m->m_type == FS_REPLY ? m->m_fs.status : EIO;

	cpf_revoke(g);
	if (r > 0 && f != NULL)
		rw_moved(f, write, m);
	if (fp != NULL) {
		fp->fp_blocked = BLK_NONE;
		reply(fp->fp_endpoint, r);
	}
}

/* Read or write an ext2 file at the filp's position: on a worker, wait
 * for the answer; in the loop (a free server, see runs_in_loop), send the
 * request and let the answer end the call (SUSPEND). */
static int fs_rw(struct fproc *fp, struct filp *f, int write, vir_bytes buf,
	size_t len)
{
	uint64_t pos = f->f_pos;
	cp_grant_id_t g;
	message m;
	int r;

	if ((r = make_magic(fs_ep(f->f_vn.v_mnt), fp->fp_endpoint, buf, len,
	    write ? CPF_READ : CPF_WRITE, &g)) != OK)
		return r;
	memset(&m, 0, sizeof(m));
	m.m_type = write ? REQ_WRITE : REQ_READ;
	m.m_fs.ino = f->f_vn.v_ino;
	m.m_fs.pos_lo = (uint32_t)pos;
	m.m_fs.pos_hi = (uint32_t)(pos >> 32);
	m.m_fs.grant = g;
	m.m_fs.count = (uint32_t)len;
	if (write && (f->f_flags & O_APPEND))
		m.m_fs.flags = FS_APPEND;	/* at the size the disk has */
	if (!in_worker()) {
		if ((r = fs_loop_send(f->f_vn.v_mnt, fp, f, write, g, &m)) != SUSPEND)
			cpf_revoke(g);
		return r;
	}
	r = fs_request(f->f_vn.v_mnt, &m);
	cpf_revoke(g);
	if (r > 0)
		rw_moved(f, write, &m);
	return r;
}

static int rw(struct fproc *fp, message *m, int write)
{
	struct filp *f = fd_get(fp, m->m_vfs.fd);
	vir_bytes buf = m->m_vfs.buf;
	size_t len = m->m_vfs.len;

	if (f == NULL || !(write ? FILP_CAN_WRITE(f) : FILP_CAN_READ(f)))
		return EBADF;
	if (len > VFS_IO_MAX)
		len = VFS_IO_MAX;
	if (FILP_IS_DEV(f))
		return len == 0 ? 0 : dev_io(fp, f, write, buf, len);
	switch (f->f_vn.v_kind) {
	case VN_PIPE:
		return write ? pipe_write(fp, f, buf, len) : pipe_read(fp, f, buf, len);
	case VN_FS:
		if (S_ISDIR(f->f_vn.v_mode))
			return EISDIR;
		return len == 0 ? 0 : fs_rw(fp, f, write, buf, len);
	}
	return EISDIR;
}

int do_read(struct fproc *fp, message *m)
{
	return rw(fp, m, 0);
}

int do_write(struct fproc *fp, message *m)
{
	return rw(fp, m, 1);
}

int do_lseek(struct fproc *fp, message *m)
{
	struct filp *f = fd_get(fp, m->m_vfs.fd);
	int64_t off = (int64_t)(((uint64_t)m->m_vfs.off_hi << 32) | m->m_vfs.off_lo);
	int64_t base, pos;

	if (f == NULL)
		return EBADF;
	if (f->f_vn.v_kind == VN_PIPE ||
	    (FILP_IS_DEV(f) && !S_ISBLK(f->f_vn.v_mode) &&
	    !f->f_dmap->dm_seekable))
		return ESPIPE;
	switch (m->m_vfs.whence) {
	case SEEK_SET: base = 0; break;
	case SEEK_CUR: base = (int64_t)f->f_pos; break;
	case SEEK_END:
		if (f->f_vn.v_kind == VN_FS && fs_size(&f->f_vn,
		    &f->f_vn.v_size) != OK)
			return EIO;
		base = f->f_vn.v_kind == VN_FS && !FILP_IS_DEV(f) ?
		    (int64_t)f->f_vn.v_size : 0;
		break;
	default:
		return EINVAL;
	}
	if (__builtin_add_overflow(base, off, &pos) || pos < 0)
		return EINVAL;
	f->f_pos = (uint64_t)pos;
	m->m_vfs.off_lo = (uint32_t)(uint64_t)pos;
	m->m_vfs.off_hi = (uint32_t)((uint64_t)pos >> 32);
	return OK;
}

/* Put the struct stat of vn at buf in the caller. */
static int stat_vnode(struct fproc *fp, const struct vnode *vn,
	const struct filp *f, vir_bytes buf)
{
	struct stat st;
	cp_grant_id_t g;
	message m;
	int r;

	if (vn->v_kind == VN_FS) {
		if ((r = make_magic(fs_ep(vn->v_mnt), fp->fp_endpoint, buf,
		    sizeof(st), CPF_WRITE, &g)) != OK)
			return r;
		memset(&m, 0, sizeof(m));
		m.m_type = REQ_STAT;
		m.m_fs.ino = vn->v_ino;
		m.m_fs.grant = g;
		m.m_fs.count = sizeof(st);
		r = fs_request(vn->v_mnt, &m);
		cpf_revoke(g);
		return r;
	}
	memset(&st, 0, sizeof(st));
	st.st_mode = vn->v_mode;
	st.st_nlink = vn->v_nlink;
	switch (vn->v_kind) {
	case VN_PIPE:
		st.st_dev = PIPEFS_DEV;
		st.st_ino = 1 + vn->v_ino;
		st.st_size = f ? (off_t)pipe_bytes(f) : 0;
		st.st_blksize = PIPE_SIZE;
		break;
	}
	if (sys_vircopy(SELF, (vir_bytes)&st, fp->fp_endpoint, buf, sizeof(st), 0) != OK)
		return EFAULT;
	return OK;
}

/* VFS_STAT: the path in buf/len, the struct stat at path2. */
int do_stat(struct fproc *fp, message *m)
{
	struct vnode vn;
	int r;

	if ((r = path_fetch(fp->fp_endpoint, m->m_vfs.buf, m->m_vfs.len, path1)) != OK)
		return r;
	if ((r = path_resolve(fp, path1, &vn)) != OK)
		return r;
	return stat_vnode(fp, &vn, NULL, m->m_vfs.path2);
}

int do_fstat(struct fproc *fp, message *m)
{
	struct filp *f = fd_get(fp, m->m_vfs.fd);

	if (f == NULL)
		return EBADF;
	return stat_vnode(fp, &f->f_vn, f, m->m_vfs.buf);
}

int do_getdents(struct fproc *fp, message *m)
{
	struct filp *f = fd_get(fp, m->m_vfs.fd);
	size_t len = m->m_vfs.len;
	cp_grant_id_t g;
	message fm;
	int r;

	if (f == NULL || !FILP_CAN_READ(f))
		return EBADF;
	if (!VN_ISDIR(&f->f_vn))
		return ENOTDIR;
	if (len > VFS_IO_MAX)
		len = VFS_IO_MAX;
	if ((r = make_magic(fs_ep(f->f_vn.v_mnt), fp->fp_endpoint, m->m_vfs.buf,
	    len, CPF_WRITE, &g)) != OK)
		return r;
	memset(&fm, 0, sizeof(fm));
	fm.m_type = REQ_GETDENTS;
	fm.m_fs.ino = f->f_vn.v_ino;
	fm.m_fs.pos_lo = (uint32_t)f->f_pos;
	fm.m_fs.pos_hi = (uint32_t)(f->f_pos >> 32);
	fm.m_fs.grant = g;
	fm.m_fs.count = (uint32_t)len;
	r = fs_request(f->f_vn.v_mnt, &fm);
	cpf_revoke(g);
	if (r > 0)
		f->f_pos = ((uint64_t)fm.m_fs.pos_hi << 32) | fm.m_fs.pos_lo;
	return r;
}

int do_mkdir(struct fproc *fp, message *m)
{
	struct lookup lk;
	message fm;
	int r;

	if ((r = fetch_walk(fp, m, &lk, 0)) != OK)
		return r;
	if (lk.found || lk.last[0] == '\0' || is_dots(lk.last))
		return EEXIST;
	if (lk.err != ENOENT)
		return lk.err;
	if ((r = dir_writable(fp, &lk.dir)) != OK)
		return r;
	return fs_name_request(REQ_MKDIR, &lk.dir, lk.last,
	    (uint32_t)(S_IFDIR | (m->m_vfs.mode & 07777 & ~fp->fp_umask)), &fm);
}

int do_rmdir(struct fproc *fp, message *m)
{
	struct lookup lk;
	message fm;
	int r;

	if ((r = fetch_walk(fp, m, &lk, 0)) != OK)
		return r;
	if (lk.err != OK)
		return lk.err;
	if (strcmp(lk.last, ".") == 0)
		return EINVAL;
	if (strcmp(lk.last, "..") == 0)
		return ENOTEMPTY;
	if (!VN_ISDIR(&lk.node))
		return ENOTDIR;
	if (lk.last[0] == '\0' || is_busy_dir(&lk.node))
		return EBUSY;
	if ((r = may_remove(fp, &lk.dir, &lk.node)) != OK)
		return r;
	if ((r = fs_dir_empty(&lk.node)) < 0)
		return r;
	if (r == 0)
		return ENOTEMPTY;
	return fs_name_request(REQ_RMDIR, &lk.dir, lk.last, 0, &fm);
}

int do_unlink(struct fproc *fp, message *m)
{
	struct lookup lk;
	message fm;
	int r;

	if ((r = fetch_walk(fp, m, &lk, 0)) != OK)
		return r;
	if (lk.err != OK)
		return lk.err;
	if (lk.last[0] == '\0' || VN_ISDIR(&lk.node))
		return EISDIR;
	if (lk.node.v_kind != VN_FS)
		return EROFS;	/* a device of /dev */
	if ((r = may_remove(fp, &lk.dir, &lk.node)) != OK)
		return r;
	r = fs_name_request(REQ_UNLINK, &lk.dir, lk.last,
	    fs_is_open(lk.node.v_mnt, lk.node.v_ino) ? FS_KEEP_OPEN : 0, &fm);
	if (r == OK && fm.m_fs.r_ino != 0)
		fs_orphaned(lk.dir.v_mnt, fm.m_fs.r_ino);
	return r;
}

/* Does directory dir lie inside directory anc (or is it anc)?  Walks up
 * with ".." lookups, in dir's file system (anc is in the same one).  1, 0,
 * or an error. */
static int inside(const struct vnode *dir, uint32_t anc)
{
	struct vnode cur = *dir;
	message fm;
	int depth, r;

	for (depth = 0; depth < 1024; depth++) {
		if (cur.v_kind != VN_FS)
			return 0;
		if (cur.v_ino == anc)
			return 1;
		if (mnt_is_root(&cur))
			return 0;
		if ((r = fs_name_request(REQ_LOOKUP, &cur, "..", 0, &fm)) != OK)
			return r;
		cur.v_ino = fm.m_fs.r_ino;
	}
	return ELOOP;
}

/* VFS_RENAME: path (buf/len) to path2 (path2/path2_len).  REQ_RENAME
 * carries ino = the old directory, pos_lo = the new directory, and one
 * granted buffer "old\0new" (count bytes, without a final NUL). */
int do_rename(struct fproc *fp, message *m)
{
	char names[2 * (VFS_NAME_MAX + 1)];
	struct lookup from, to;
	size_t n1, n2;
	cp_grant_id_t g;
	message fm;
	int r;

	if ((r = path_fetch(fp->fp_endpoint, m->m_vfs.buf, m->m_vfs.len, path1)) != OK)
		return r;
	if ((r = path_fetch(fp->fp_endpoint, m->m_vfs.path2, m->m_vfs.path2_len,
	    path2buf)) != OK)
		return r;
	if ((r = path_walk(fp, path1, &from, 0)) != OK)
		return r;
	if (from.err != OK)
		return from.err;
	if (from.last[0] == '\0' || is_dots(from.last) || is_busy_dir(&from.node))
		return EBUSY;
	if ((r = path_walk(fp, path2buf, &to, 0)) != OK)
		return r;
	if (to.last[0] == '\0' || is_dots(to.last))
		return EBUSY;
	if (to.err != OK && !(to.err == ENOENT && !to.found))
		return to.err;
	if (to.slash && !VN_ISDIR(&from.node))
		return ENOTDIR;
	if (from.dir.v_kind != VN_FS || to.dir.v_kind != VN_FS)
		return from.dir.v_kind == to.dir.v_kind ? EROFS : EXDEV;
	if (from.dir.v_mnt != to.dir.v_mnt)
		return EXDEV;	/* another file system */
	if ((r = may_remove(fp, &from.dir, &from.node)) != OK ||
	    (r = dir_writable(fp, &to.dir)) != OK ||
	    (to.found && (r = may_remove(fp, &to.dir, &to.node)) != OK))
		return r;
	if (to.found) {
		if (to.node.v_ino == from.node.v_ino &&
		    to.node.v_mnt == from.node.v_mnt)
			return OK;	/* the same file: nothing to do */
		if (VN_ISDIR(&from.node) && !VN_ISDIR(&to.node))
			return ENOTDIR;
		if (!VN_ISDIR(&from.node) && VN_ISDIR(&to.node))
			return EISDIR;
		if (VN_ISDIR(&to.node)) {
			if (is_busy_dir(&to.node))
				return EBUSY;
			if ((r = fs_dir_empty(&to.node)) < 0)
				return r;
			if (r == 0)
				return ENOTEMPTY;
		}
	}
	if (VN_ISDIR(&from.node)) {
		/* A directory cannot move into itself. */
		if ((r = inside(&to.dir, from.node.v_ino)) < 0)
			return r;
		if (r)
			return EINVAL;
	}
	n1 = strlen(from.last);
	n2 = strlen(to.last);
	memcpy(names, from.last, n1 + 1);
	memcpy(names + n1 + 1, to.last, n2 + 1);
	if ((g = cpf_grant_direct(fs_ep(from.dir.v_mnt), (vir_bytes)names,
	    n1 + 1 + n2, CPF_READ)) == GRANT_INVALID)
		return ENOMEM;
	memset(&fm, 0, sizeof(fm));
	fm.m_type = REQ_RENAME;
	fm.m_fs.ino = from.dir.v_ino;
	fm.m_fs.pos_lo = to.dir.v_ino;
	fm.m_fs.grant = g;
	fm.m_fs.count = (uint32_t)(n1 + 1 + n2);
	fm.m_fs.flags = to.found && fs_is_open(to.node.v_mnt, to.node.v_ino) ?
	    FS_KEEP_OPEN : 0;
	r = fs_request(from.dir.v_mnt, &fm);
	cpf_revoke(g);
	if (r == OK && fm.m_fs.r_ino != 0)
		fs_orphaned(from.dir.v_mnt, fm.m_fs.r_ino);
	return r;
}
