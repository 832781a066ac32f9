/* link.c - links and attributes: lstat, link, symlink, readlink,
 * truncate, ftruncate, chmod, fchmod, chown, fchown, utime, fsync, umask,
 * statvfs, and the caller's credentials (getuid and friends, setuid, setgid).
 *
 * Credentials live here, in VFS's per-process table, inherited at fork:
 * VFS is the only server that checks them (file permissions).  Real and
 * effective ids are one.  Root (uid 0) may change any id; others may only
 * "change" to the id they have.  Changing attributes: chmod and utime
 * with explicit times need the owner (or root), chown needs root, utime
 * with "now" needs the owner or write permission.
 */
#include <unistd.h>
#include <sys/statvfs.h>
#include "vfs.h"

#define lpath (worker_bufs()->wb_path3)	/* per worker (worker.c) */

/* A request about one inode: type, ino; the rest zero.  Its status. */
static int inode_request(int type, uint32_t ino, message *m)
{
	memset(m, 0, sizeof(*m));
	m->m_type = type;
	m->m_fs.ino = ino;
	return OK;
}

/* The file the caller's path (buf/len) names, following symlinks. */
static int fetch_node(struct fproc *fp, const message *m, struct vnode *vn,
	int follow)
{
	struct lookup lk;
	int r;

	if ((r = fetch_walk(fp, m, &lk, follow)) != OK)
		return r;
	if (lk.err != OK)
		return lk.err;
	*vn = lk.node;
	return OK;
}

/* VFS_LSTAT: as stat, but a final symbolic link is described itself. */
int do_lstat(struct fproc *fp, message *m)
{
	struct vnode vn;
	cp_grant_id_t g;
	message fm;
	int r;

	if ((r = fetch_node(fp, m, &vn, 0)) != OK)
		return r;
	if (vn.v_kind != VN_FS || !S_ISLNK(vn.v_mode)) {
		/* Not a link: as stat (devices and /dev made up by VFS). */
		return do_stat(fp, m);
	}
	if ((r = make_magic(fs_ep(vn.v_mnt), fp->fp_endpoint, m->m_vfs.path2,
	    sizeof(struct stat), CPF_WRITE, &g)) != OK)
		return r;
	inode_request(REQ_STAT, vn.v_ino, &fm);
	fm.m_fs.grant = g;
	fm.m_fs.count = sizeof(struct stat);
	r = fs_request(vn.v_mnt, &fm);
	cpf_revoke(g);
	return r;
}

/* The second path of a call (path2/path2_len) walked without following
 * a final link: where a new name goes. */
static int walk_new(struct fproc *fp, const message *m, struct lookup *lk)
{
	int r;

	if ((r = path_fetch(fp->fp_endpoint, m->m_vfs.path2,
	    m->m_vfs.path2_len, lpath)) != OK)
		return r;
	if ((r = path_walk(fp, lpath, lk, 0)) != OK)
		return r;
	if (lk->found || lk->last[0] == '\0' || strcmp(lk->last, ".") == 0 ||
	    strcmp(lk->last, "..") == 0)
		return EEXIST;
	if (lk->err != ENOENT)
		return lk->err;
	if (lk->dir.v_kind != VN_FS)
		return EROFS;
	return forbidden(fp, &lk->dir, 3);
}

/* VFS_LINK: path (an existing file, not followed) gets the name path2. */
int do_link(struct fproc *fp, message *m)
{
	struct lookup to;
	struct vnode vn;
	message fm;
	int r;

	if ((r = fetch_node(fp, m, &vn, 0)) != OK)
		return r;
	if (VN_ISDIR(&vn))
		return EPERM;
	if ((r = walk_new(fp, m, &to)) != OK)
		return r;
	if (vn.v_kind != VN_FS || vn.v_mnt != to.dir.v_mnt)
		return EXDEV;
	if (to.slash)
		return ENOENT;
	return fs_name_request(REQ_LINK, &to.dir, to.last, vn.v_ino, &fm);
}

/* VFS_SYMLINK: path2 becomes a symbolic link holding the string path. */
int do_symlink(struct fproc *fp, message *m)
{
	char buf[VFS_NAME_MAX + 1 + VFS_PATH_MAX];
	struct lookup to;
	size_t nl, tl;
	cp_grant_id_t g;
	message fm;
	int r;

	if ((r = path_fetch(fp->fp_endpoint, m->m_vfs.buf, m->m_vfs.len,
	    buf + VFS_NAME_MAX + 1)) != OK)
		return r;
	if ((r = walk_new(fp, m, &to)) != OK)
		return r;
	if (to.slash)
		return ENOENT;
	/* One buffer "name\0target" for REQ_SLINK. */
	nl = strlen(to.last);
	tl = strlen(buf + VFS_NAME_MAX + 1);
	memmove(buf + nl + 1, buf + VFS_NAME_MAX + 1, tl);
	memcpy(buf, to.last, nl + 1);
	if ((g = cpf_grant_direct(fs_ep(to.dir.v_mnt), (vir_bytes)buf,
	    nl + 1 + tl, CPF_READ)) == GRANT_INVALID)
		return ENOMEM;
	memset(&fm, 0, sizeof(fm));
	fm.m_type = REQ_SLINK;
	fm.m_fs.ino = to.dir.v_ino;
	fm.m_fs.grant = g;
	fm.m_fs.count = (uint32_t)(nl + 1 + tl);
	fm.m_fs.pos_lo = (uint32_t)nl;
	fm.m_fs.uid = fp->fp_uid;
	fm.m_fs.gid = fp->fp_gid;
	r = fs_request(to.dir.v_mnt, &fm);
	cpf_revoke(g);
	return r;
}

/* VFS_READLINK: the target of link path into path2 (path2_len bytes, no
 * NUL); the count.  The file system copies it to the caller itself. */
int do_readlink(struct fproc *fp, message *m)
{
	struct vnode vn;
	cp_grant_id_t g;
	message fm;
	size_t len = m->m_vfs.path2_len;
	int r;

	if ((r = fetch_node(fp, m, &vn, 0)) != OK)
		return r;
	if (vn.v_kind != VN_FS || !S_ISLNK(vn.v_mode))
		return EINVAL;
	if (len == 0)
		return EINVAL;
	if (len > VFS_IO_MAX)
		len = VFS_IO_MAX;
	if ((r = make_magic(fs_ep(vn.v_mnt), fp->fp_endpoint, m->m_vfs.path2,
	    len, CPF_WRITE, &g)) != OK)
		return r;
	inode_request(REQ_RDLINK, vn.v_ino, &fm);
	fm.m_fs.grant = g;
	fm.m_fs.count = (uint32_t)len;
	r = fs_request(vn.v_mnt, &fm);
	cpf_revoke(g);
	return r;
}

/* Set file vn's size to the 64-bit off_lo/off_hi of m. */
static int truncate_vnode(struct vnode *vn, const message *m)
{
	int64_t size = (int64_t)(((uint64_t)m->m_vfs.off_hi << 32) |
	    m->m_vfs.off_lo);
	message fm;
	int r;

	if (size < 0)
		return EINVAL;
	if (VN_ISDIR(vn))
		return EISDIR;
	if (vn->v_kind != VN_FS || !S_ISREG(vn->v_mode))
		return EINVAL;
	inode_request(REQ_FTRUNC, vn->v_ino, &fm);
	fm.m_fs.pos_lo = (uint32_t)size;
	fm.m_fs.pos_hi = (uint32_t)((uint64_t)size >> 32);
	if ((r = fs_request(vn->v_mnt, &fm)) == OK)
		vn->v_size = (uint64_t)size;
	return r;
}

int do_truncate(struct fproc *fp, message *m)
{
	struct vnode vn;
	int r;

	if ((r = fetch_node(fp, m, &vn, WALK_FOLLOW)) != OK)
		return r;
	if (!VN_ISDIR(&vn) && (r = forbidden(fp, &vn, 2)) != OK)
		return r;
	return truncate_vnode(&vn, m);
}

int do_ftruncate(struct fproc *fp, message *m)
{
	struct filp *f = fd_get(fp, m->m_vfs.fd);

	if (f == NULL)
		return EBADF;
	if (!FILP_CAN_WRITE(f))
		return EINVAL;
	return truncate_vnode(&f->f_vn, m);
}

/* Attribute changes on vn by fp: type is REQ_CHMOD (mode), REQ_CHOWN
 * (uid, gid) or REQ_UTIME (atime, mtime). */
static int set_attr(struct fproc *fp, struct vnode *vn, int type,
	uint32_t a, uint32_t b)
{
	message fm;
	int r;

	if (vn->v_kind != VN_FS)
		return EROFS;	/* /dev is VFS's own and fixed */
	if (type == REQ_CHOWN && fp->fp_uid != 0)
		return EPERM;
	if (type == REQ_CHMOD && fp->fp_uid != 0 && fp->fp_uid != vn->v_uid)
		return EPERM;
	inode_request(type, vn->v_ino, &fm);
	switch (type) {
	case REQ_CHMOD: fm.m_fs.flags = a & 07777; break;
	case REQ_CHOWN: fm.m_fs.uid = a; fm.m_fs.gid = b; break;
	default: fm.m_fs.pos_lo = a; fm.m_fs.pos_hi = b; break;
	}
	if ((r = fs_request(vn->v_mnt, &fm)) == OK && type != REQ_UTIME)
		vn->v_mode = fm.m_fs.r_mode, vn->v_uid = fm.m_fs.uid,
		    vn->v_gid = fm.m_fs.gid;
	return r;
}

int do_chmod(struct fproc *fp, message *m)
{
	struct vnode vn;
	int r;

	if ((r = fetch_node(fp, m, &vn, WALK_FOLLOW)) != OK)
		return r;
	return set_attr(fp, &vn, REQ_CHMOD, (uint32_t)m->m_vfs.mode, 0);
}

int do_fchmod(struct fproc *fp, message *m)
{
	struct filp *f = fd_get(fp, m->m_vfs.fd);

	if (f == NULL)
		return EBADF;
	return set_attr(fp, &f->f_vn, REQ_CHMOD, (uint32_t)m->m_vfs.mode, 0);
}

/* VFS_CHOWN: fd2 1 is lchown (a final link itself). */
int do_chown(struct fproc *fp, message *m)
{
	struct vnode vn;
	int r;

	if ((r = fetch_node(fp, m, &vn, m->m_vfs.fd2 ? 0 : WALK_FOLLOW)) != OK)
		return r;
	return set_attr(fp, &vn, REQ_CHOWN, (uint32_t)m->m_vfs.flags,
	    (uint32_t)m->m_vfs.mode);
}

int do_fchown(struct fproc *fp, message *m)
{
	struct filp *f = fd_get(fp, m->m_vfs.fd);

	if (f == NULL)
		return EBADF;
	return set_attr(fp, &f->f_vn, REQ_CHOWN, (uint32_t)m->m_vfs.flags,
	    (uint32_t)m->m_vfs.mode);
}

/* VFS_UTIME: flags 1: both times now (owner or write permission), else
 * off_lo and off_hi (the owner). */
int do_utime(struct fproc *fp, message *m)
{
	struct vnode vn;
	clock_t up;
	time_t boot;
	uint32_t t;
	int r;

	if ((r = fetch_node(fp, m, &vn, WALK_FOLLOW)) != OK)
		return r;
	if (fp->fp_uid != 0 && fp->fp_uid != vn.v_uid &&
	    (!(m->m_vfs.flags & 1) || forbidden(fp, &vn, 2) != OK))
		return m->m_vfs.flags & 1 ? EACCES : EPERM;
	if (m->m_vfs.flags & 1) {
		if (sys_times(SELF, NULL, NULL, &up, &boot) != OK)
			return EIO;
		t = (uint32_t)(boot + up / sys_hz());
		return set_attr(fp, &vn, REQ_UTIME, t, t);
	}
	return set_attr(fp, &vn, REQ_UTIME, m->m_vfs.off_lo, m->m_vfs.off_hi);
}

/* VFS_FSYNC: the file system writes back everything it holds (more than
 * the file, never less). */
int do_fsync(struct fproc *fp, message *m)
{
	struct filp *f = fd_get(fp, m->m_vfs.fd);
	message fm;

	if (f == NULL)
		return EBADF;
	if (f->f_vn.v_kind != VN_FS)
		return OK;
	inode_request(REQ_SYNC, f->f_vn.v_ino, &fm);
	return fs_request(f->f_vn.v_mnt, &fm);
}

/* VFS_STATVFS: the file system of path (followed); /dev is VFS's own,
 * with nothing to count. */
int do_statvfs(struct fproc *fp, message *m)
{
	struct statvfs sv;
	struct vnode vn;
	cp_grant_id_t g;
	message fm;
	int r;

	if ((r = fetch_node(fp, m, &vn, WALK_FOLLOW)) != OK)
		return r;
	if (vn.v_kind != VN_FS) {
		memset(&sv, 0, sizeof(sv));
		sv.f_bsize = sv.f_frsize = 1024;
		sv.f_fsid = 0xfe00;
		sv.f_flag = ST_RDONLY;
		sv.f_namemax = VFS_NAME_MAX;
		if (sys_vircopy(SELF, (vir_bytes)&sv, fp->fp_endpoint,
		    m->m_vfs.path2, sizeof(sv), 0) != OK)
			return EFAULT;
		return OK;
	}
	if ((r = make_magic(fs_ep(vn.v_mnt), fp->fp_endpoint, m->m_vfs.path2,
	    sizeof(sv), CPF_WRITE, &g)) != OK)
		return r;
	inode_request(REQ_STATVFS, vn.v_ino, &fm);
	fm.m_fs.grant = g;
	fm.m_fs.count = sizeof(sv);
	r = fs_request(vn.v_mnt, &fm);
	cpf_revoke(g);
	return r;
}

int do_umask(struct fproc *fp, message *m)
{
	uint32_t old = fp->fp_umask;

	fp->fp_umask = (uint32_t)m->m_vfs.mode & 0777;
	return (int)old;
}

/* VFS_GETID -> fd uid, fd2 gid. */
int do_getid(struct fproc *fp, message *m)
{
	m->m_vfs.fd = (int)fp->fp_uid;
	m->m_vfs.fd2 = (int)fp->fp_gid;
	return OK;
}

/* VFS_SETID: flags 0 sets the uid, 1 the gid, to mode. */
int do_setid(struct fproc *fp, message *m)
{
	uint32_t id = (uint32_t)m->m_vfs.mode;
	uint32_t *p = m->m_vfs.flags ? &fp->fp_gid : &fp->fp_uid;

	if (m->m_vfs.mode < 0)
		return EINVAL;
	if (fp->fp_uid != 0 && id != *p)
		return EPERM;
	*p = id;
	return OK;
}
