/* path.c - path names: fetching them from the caller, walking them one
 * component at a time (symbolic links followed, search permission
 * checked), permission checks, and the requests to the
 * file system that name things (REQ_LOOKUP and the name-changing REQ_*).
 *
 * A walk starts at / (absolute) or the caller's cwd.  "." stays, ".." of /
 * is /, and every other name is asked of the directory's file system
 * with REQ_LOOKUP, the name granted to it (cpf_grant_direct, read-only).
 * Mount points are crossed both ways (mount.c): a directory another file
 * system is mounted on is replaced by that one's root, and ".." of a
 * mounted root is ".." of the directory it is mounted on.  /dev is an
 * ordinary directory of the root file system.  A symbolic link met on the
 * way (and at the end, when the call follows it) is read with
 * REQ_RDLINK and its target walked in its place, from the link's
 * directory or from / for an absolute target; more than SYMLOOP_MAX links
 * in one walk is ELOOP.
 */
#include <dirent.h>
#include "vfs.h"

/* Copy the path [addr, addr+len) of who into buf (VFS_PATH_MAX bytes) as
 * a string.  The length may or may not count a terminating NUL; the name
 * ends at the first NUL.  ENOENT for an empty name, ENAMETOOLONG for one
 * of more than VFS_PATH_MAX - 1 bytes, EFAULT for a bad address. */
int path_fetch(endpoint_t who, vir_bytes addr, vir_bytes len, char *buf)
{
	if (len == 0)
		return ENOENT;
	if (len > VFS_PATH_MAX)
		return ENAMETOOLONG;
	if (sys_vircopy(who, addr, SELF, (vir_bytes)buf, len, 0) != OK)
		return EFAULT;
	if (len == VFS_PATH_MAX && memchr(buf, '\0', len) == NULL)
		return ENAMETOOLONG;
	buf[len < VFS_PATH_MAX ? len : VFS_PATH_MAX - 1] = '\0';
	return buf[0] == '\0' ? ENOENT : OK;
}

/* Send a request to the file system of mount mnt; its status (or EIO). */
int fs_request(int mnt, message *m)
{
	if (mnt < 0 || mnt >= NR_MNTS || !vmnt[mnt].m_used || vmnt[mnt].m_dead)
		return EIO;
	if (fs_sendrec(mnt, m) != OK || m->m_type != FS_REPLY)
		return EIO;
	return m->m_fs.status;
}

/* A request naming `name` in directory dir (REQ_LOOKUP, REQ_CREATE,
 * REQ_MKDIR, REQ_UNLINK, REQ_RMDIR, REQ_LINK) to dir's file system: ino =
 * dir, the name granted to the file system (count = its length, no NUL),
 * flags as given. */
int fs_name_request(int type, const struct vnode *dir, const char *name,
	uint32_t flags, message *m)
{
	size_t len = strlen(name);
	cp_grant_id_t g;
	int r;

	if (!vmnt[dir->v_mnt].m_used)
		return EIO;
	if ((g = cpf_grant_direct(fs_ep(dir->v_mnt), (vir_bytes)name, len,
	    CPF_READ)) == GRANT_INVALID)
		return ENOMEM;
	memset(m, 0, sizeof(*m));
	m->m_type = type;
	m->m_fs.ino = dir->v_ino;
	m->m_fs.grant = g;
	m->m_fs.count = (uint32_t)len;
	m->m_fs.flags = flags;
	m->m_fs.uid = cur_fp ? cur_fp->fp_uid : 0;
	m->m_fs.gid = cur_fp ? cur_fp->fp_gid : 0;
	r = fs_request(dir->v_mnt, m);
	cpf_revoke(g);
	return r;
}

/* Is directory dir empty (only "." and "..")?  1, 0, or an error. */
int fs_dir_empty(const struct vnode *dir)
{
	uint8_t buf[2048] __attribute__((aligned(8)));
	uint64_t pos = 0;
	cp_grant_id_t g;
	message m;
	int r, off;

	if ((g = cpf_grant_direct(fs_ep(dir->v_mnt), (vir_bytes)buf, sizeof(buf),
	    CPF_WRITE)) == GRANT_INVALID)
		return ENOMEM;
	for (;;) {
		memset(&m, 0, sizeof(m));
		m.m_type = REQ_GETDENTS;
		m.m_fs.ino = dir->v_ino;
		m.m_fs.pos_lo = (uint32_t)pos;
		m.m_fs.pos_hi = (uint32_t)(pos >> 32);
		m.m_fs.grant = g;
		m.m_fs.count = sizeof(buf);
		if ((r = fs_request(dir->v_mnt, &m)) <= 0)
			break;		/* 0: the end, all of it was dots */
		for (off = 0; off + (int)DIRENT_RECLEN(0) <= r; ) {
			struct dirent *d = (struct dirent *)(buf + off);
			if (d->d_reclen < DIRENT_RECLEN(0) || off + d->d_reclen > r)
				break;
			if (d->d_ino != 0 && strcmp(d->d_name, ".") != 0 &&
			    strcmp(d->d_name, "..") != 0) {
				cpf_revoke(g);
				return 0;
			}
			off += d->d_reclen;
		}
		pos = ((uint64_t)m.m_fs.pos_hi << 32) | m.m_fs.pos_lo;
	}
	cpf_revoke(g);
	return r < 0 ? r : 1;
}

/* From directory dir, one step to name; the result in *out. */
static int step(const struct vnode *dir, const char *name, struct vnode *out)
{
	message m;
	int r;

	if (!VN_ISDIR(dir))
		return ENOTDIR;
	if (strcmp(name, ".") == 0) {
		*out = *dir;
		return OK;
	}
	if (strcmp(name, "..") == 0 && mnt_is_root(dir))
		return mnt_parent(dir, out);	/* / or across a mount point */
	if ((r = fs_name_request(REQ_LOOKUP, dir, name, 0, &m)) != OK)
		return r;
	vnode_of_reply(&m, dir->v_mnt, out);
	mnt_cross_down(out);	/* a mount point: the mounted root */
	return OK;
}

/* The node a reply of mount mnt's file system describes (r_ino, r_mode,
 * ...). */
void vnode_of_reply(const message *m, int mnt, struct vnode *vn)
{
	memset(vn, 0, sizeof(*vn));
	vn->v_kind = VN_FS;
	vn->v_mnt = mnt;
	vn->v_ino = m->m_fs.r_ino;
	vn->v_mode = m->m_fs.r_mode;
	vn->v_size = ((uint64_t)m->m_fs.r_size_hi << 32) | m->m_fs.r_size_lo;
	vn->v_nlink = m->m_fs.r_nlink;
	vn->v_uid = m->m_fs.uid;
	vn->v_gid = m->m_fs.gid;
}

/* May fp do `mask` (R_OK 4, W_OK 2, X_OK 1, or-ed) to vn?  OK or EACCES.
 * Root may read and write anything, search any directory, and execute a
 * file with at least one x bit; others get the owner's, the group's or
 * the others' bits, whichever class they are in first. */
int forbidden(const struct fproc *fp, const struct vnode *vn, int mask)
{
	uint32_t bits;

	if (fp->fp_uid == 0) {
		if ((mask & 1) && !S_ISDIR(vn->v_mode) && !(vn->v_mode & 0111))
			return EACCES;
		return OK;
	}
	if (fp->fp_uid == vn->v_uid)
		bits = vn->v_mode >> 6;
	else if (fp->fp_gid == vn->v_gid)
		bits = vn->v_mode >> 3;
	else
		bits = vn->v_mode;
	return ((uint32_t)mask & ~bits & 7) ? EACCES : OK;
}

/* Read the target of symlink vn into buf (VFS_PATH_MAX bytes) as a
 * string.  ENOENT for an empty target, ENAMETOOLONG for one too long. */
static int read_link(const struct vnode *vn, char *buf)
{
	cp_grant_id_t g;
	message m;
	int r;

	if ((g = cpf_grant_direct(fs_ep(vn->v_mnt), (vir_bytes)buf, VFS_PATH_MAX,
	    CPF_WRITE)) == GRANT_INVALID)
		return ENOMEM;
	memset(&m, 0, sizeof(m));
	m.m_type = REQ_RDLINK;
	m.m_fs.ino = vn->v_ino;
	m.m_fs.grant = g;
	m.m_fs.count = VFS_PATH_MAX;
	r = fs_request(vn->v_mnt, &m);
	cpf_revoke(g);
	if (r < 0)
		return r;
	if (r == 0)
		return ENOENT;
	if (r >= VFS_PATH_MAX)
		return ENAMETOOLONG;
	buf[r] = '\0';
	return OK;
}

/* Replace the walk's path by link's target followed by "/rest" (rest
 * may be empty).  *restart: 1 if the target is absolute. */
static int splice_link(const struct vnode *link, const char *rest, int slash,
	char *path, int *absolute)
{
	char target[VFS_PATH_MAX];
	size_t tl, rl = strlen(rest);
	int r;

	if ((r = read_link(link, target)) != OK)
		return r;
	tl = strlen(target);
	if (tl + 1 + rl + 1 > VFS_PATH_MAX)
		return ENAMETOOLONG;
	memmove(path + tl + 1, rest, rl + 1);	/* rest may be inside path */
	memcpy(path, target, tl);
	path[tl] = rl > 0 || slash ? '/' : '\0';
	if (rl == 0 && slash)
		path[tl + 1] = '\0';
	*absolute = target[0] == '/';
	return OK;
}

/* Walk path up to its last component, and look that one up too
 * (following a final symbolic link with WALK_FOLLOW, or when the path
 * ends in '/').  The result is an error if the directory part cannot be
 * walked (ENOENT, ENOTDIR, ENAMETOOLONG, EACCES, ELOOP, EIO); otherwise
 * OK, with lk->err saying whether the last component exists (ENOENT: the
 * directory does, the name not). */
int path_walk(struct fproc *fp, const char *path, struct lookup *lk,
	int follow)
{
	char buf[VFS_PATH_MAX];
	struct vnode cur = path[0] == '/' ? vfs_root : fp->fp_cwd, next;
	char name[VFS_NAME_MAX + 1];
	const char *s;
	char *p = buf;
	int links = 0, slash, abs, r;
	size_t len;

	memset(lk, 0, sizeof(*lk));
	memset(&next, 0, sizeof(next));
	if (strlen(path) >= VFS_PATH_MAX)
		return ENAMETOOLONG;
	strcpy(buf, path);
	for (;;) {
		while (*p == '/')
			p++;
		if (*p == '\0') {
			/* Only slashes left: the path named cur itself ("/"). */
			lk->dir = cur;
			lk->node = cur;
			lk->found = 1;
			lk->err = VN_ISDIR(&cur) ? OK : ENOTDIR;
			lk->slash = 1;
			return OK;
		}
		for (s = p; *p != '\0' && *p != '/'; p++)
			;
		if ((len = (size_t)(p - s)) > VFS_NAME_MAX)
			return ENAMETOOLONG;
		memcpy(name, s, len);
		name[len] = '\0';
		slash = *p == '/';
		for (s = p; *s == '/'; s++)
			;
		if (VN_ISDIR(&cur) && (r = forbidden(fp, &cur, 1)) != OK)
			return r;
		r = step(&cur, name, &next);
		if (r == OK && next.v_kind == VN_FS && S_ISLNK(next.v_mode) &&
		    (*s != '\0' || follow || slash)) {
			/* A symbolic link: walk its target instead. */
			if (++links > SYMLOOP_MAX)
				return ELOOP;
			if ((r = splice_link(&next, s, slash, buf, &abs)) != OK)
				return r;
			if (abs)
				cur = vfs_root;
			p = buf;
			continue;
		}
		if (*s == '\0') {
			/* The last component. */
			lk->dir = cur;
			strcpy(lk->last, name);
			lk->slash = slash;
			lk->err = r;
			lk->node = next;
			lk->found = r == OK;
			if (lk->found && lk->slash && !VN_ISDIR(&lk->node))
				lk->err = ENOTDIR;
			return lk->err == ENOTDIR && !VN_ISDIR(&cur) ? ENOTDIR : OK;
		}
		if (r != OK)
			return r;
		cur = next;
	}
}

/* What path names, or an error. */
int path_resolve(struct fproc *fp, const char *path, struct vnode *vn)
{
	struct lookup lk;
	int r;

	if ((r = path_walk(fp, path, &lk, WALK_FOLLOW)) != OK)
		return r;
	if (lk.err != OK)
		return lk.err;
	*vn = lk.node;
	return OK;
}

/* The normalised absolute form of path (relative to cwd) in out
 * (VFS_PATH_MAX bytes): no ".", "..", or repeated slashes. */
int path_normalise(const char *cwd, const char *path, char *out)
{
	const char *parts[2] = { path[0] == '/' ? "" : cwd, path };
	size_t n = 0;
	int i;

	out[0] = '\0';
	for (i = 0; i < 2; i++) {
		const char *p = parts[i], *s;
		for (;;) {
			size_t len;
			while (*p == '/')
				p++;
			if (*p == '\0')
				break;
			for (s = p; *p != '\0' && *p != '/'; p++)
				;
			len = (size_t)(p - s);
			if (len == 1 && s[0] == '.')
				continue;
			if (len == 2 && s[0] == '.' && s[1] == '.') {
				while (n > 0 && out[n - 1] != '/')
					n--;
				if (n > 0)
					n--;	/* the slash before it */
				out[n] = '\0';
				continue;
			}
			if (n + 1 + len >= VFS_PATH_MAX)
				return ENAMETOOLONG;
			out[n++] = '/';
			memcpy(out + n, s, len);
			n += len;
			out[n] = '\0';
		}
	}
	if (n == 0)
		strcpy(out, "/");
	return OK;
}
