/* mount.c - the mount table (MINIX's vmnt): which file system process
 * serves which part of the tree, mount and umount, and crossing mount
 * points both ways.
 *
 * Entry 0 is the root, mounted at start-up (mount_root).  Every VN_FS
 * vnode carries the index of its mount (v_mnt), and every request about
 * it goes to that mount's process (fs_request, fs_ep).  An entry i > 0
 * records the directory it hides (m_covered, a vnode of another mount)
 * and its own root (m_root):
 *
 *	- a lookup that lands on a covered directory gives the mounted root
 *	  instead (mnt_cross_down), so a stat of the mount point describes
 *	  the mounted root, as on Linux and MINIX;
 *	- ".." of a mounted root is ".." of the covered directory, looked up
 *	  in the parent's file system (mnt_parent); ".." of / is /.
 *
 * The file system process of a mount is started beforehand by the caller
 * through RS (lib/libposix/mount.c: `service up /sbin/ext2`-like, label
 * fs_DEV), and named here by that label; VFS finds its endpoint in DS,
 * where RS publishes every service's label before it runs, so only a
 * process RS runs under that label is ever trusted as a file system.
 * umount answers the label, and the caller has RS stop the process.  Only
 * root may mount and unmount (EPERM).
 *
 * Requests go through fs_sendrec (worker.c): one at a time per mount, a
 * worker waits for its answer.  A mount being set up is reserved
 * (m_pending) while its worker waits for REQ_READSUPER.  When DS says a
 * mount's process is gone or restarted (dev.c's driver_dead), the mount
 * is dead: its waiting requests and every later one fail with EIO, and
 * umount drops it without asking.
 */
#include <stdio.h>
#include <sys/mount.h>
#include <minix/ds.h>
#include <minix/rs.h>
#include "vfs.h"

struct vmnt vmnt[NR_MNTS];

#define mpath (worker_bufs()->wb_path1)	/* per worker (worker.c) */
#define mpath2 (worker_bufs()->wb_path2)

endpoint_t fs_ep(int mnt)
{
	return mnt >= 0 && mnt < NR_MNTS ? vmnt[mnt].m_fs_e : NONE;
}

/* Copy a file system's root from a REQ_READSUPER reply into mount mnt. */
static void set_root(int mnt, const message *m)
{
	vnode_of_reply(m, mnt, &vmnt[mnt].m_root);
}

/* Mount the root file system: entry 0.  dev names the device for the
 * listing ("memory:2"), fs is the file system process, drv and minor the
 * block device.  OK or the file system's error. */
int mount_root(const char *dev, endpoint_t fs, endpoint_t drv, int minor)
{
	struct vmnt *vm = &vmnt[0];
	message m;
	int r;

	memset(vm, 0, sizeof(*vm));
	vm->m_fs_e = fs;
	vm->m_dev_e = drv;
	vm->m_minor = minor;
	snprintf(vm->m_dev, sizeof(vm->m_dev), "%s", dev);
	strcpy(vm->m_dir, "/");
	strcpy(vm->m_label, "ext2");
	strcpy(vm->m_type, "ext2");
	vm->m_root.v_kind = VN_FS;
	vm->m_root.v_mode = S_IFDIR | 0755;
	vm->m_root.v_nlink = 2;
	memset(&m, 0, sizeof(m));
	m.m_type = REQ_READSUPER;
	m.m_fs.dev = drv;
	m.m_fs.minor = minor;
	r = ipc_sendrec(fs, &m);
	if (r == OK && m.m_type == FS_REPLY && m.m_fs.status == OK) {
		set_root(0, &m);
	} else if (r == OK && m.m_type == FS_REPLY && m.m_fs.status == EBUSY) {
		/* Mounted already (a test drove ext2 before us): its root. */
		vm->m_root.v_ino = 2;
		printf("vfs: ext2 was mounted already; using inode 2 as /\n");
	} else {
		printf("vfs: mounting the root file system failed (%d, %d)\n", r,
		    r == OK ? m.m_fs.status : 0);
		vfs_root = vm->m_root;
		return r != OK ? r : m.m_fs.status;
	}
	vm->m_used = 1;
	vfs_root = vm->m_root;
	return OK;
}

/* Is vn the root directory of a mounted file system (/ included)? */
int mnt_is_root(const struct vnode *vn)
{
	return vn->v_kind == VN_FS && vn->v_mnt >= 0 && vn->v_mnt < NR_MNTS &&
	    vmnt[vn->v_mnt].m_used && vn->v_ino == vmnt[vn->v_mnt].m_root.v_ino;
}

/* The mount whose covered directory vn is, or -1. */
static int covering(const struct vnode *vn)
{
	int i;

	if (vn->v_kind != VN_FS)
		return -1;
	for (i = 1; i < NR_MNTS; i++)
		if (vmnt[i].m_used && vmnt[i].m_covered.v_mnt == vn->v_mnt &&
		    vmnt[i].m_covered.v_ino == vn->v_ino)
			return i;
	return -1;
}

/* A directory something is mounted on stands for the mounted root. */
void mnt_cross_down(struct vnode *vn)
{
	int i, n;

	for (n = 0; n < NR_MNTS && (i = covering(vn)) >= 0; n++)
		*vn = vmnt[i].m_root;
}

/* ".." of dir, the root of its file system: / for the root, else ".." of
 * the directory it is mounted on, in the file system holding that. */
int mnt_parent(const struct vnode *dir, struct vnode *out)
{
	struct vnode cur = *dir;
	message m;
	int n, r;

	for (n = 0; n < NR_MNTS && mnt_is_root(&cur); n++) {
		if (cur.v_mnt == 0) {
			*out = vfs_root;
			return OK;
		}
		cur = vmnt[cur.v_mnt].m_covered;
	}
	if ((r = fs_name_request(REQ_LOOKUP, &cur, "..", 0, &m)) != OK)
		return r;
	vnode_of_reply(&m, cur.v_mnt, out);
	mnt_cross_down(out);
	return OK;
}

/* Write back every mounted file system; the first error, or OK. */
int sync_all(void)
{
	message m;
	int i, r, result = OK;

	for (i = 0; i < NR_MNTS; i++) {
		if (!vmnt[i].m_used)
			continue;
		memset(&m, 0, sizeof(m));
		m.m_type = REQ_SYNC;
		if ((r = fs_request(i, &m)) != OK && result == OK)
			result = r;
	}
	return result;
}

/* The endpoint of service label (DS, published by RS); ESRCH if none. */
static int label_endpoint(const char *label, endpoint_t *ep)
{
	return ds_retrieve_label_endpt(label, ep) == OK && *ep != NONE ? OK : ESRCH;
}

/* The process ep is gone (DS: its label was deleted or names another
 * now): the mounts it served are dead, their waiting requests get EIO. */
void mnt_fs_dead(endpoint_t ep)
{
	int i;

	for (i = 1; i < NR_MNTS; i++)
		if ((vmnt[i].m_used || vmnt[i].m_pending) && vmnt[i].m_fs_e == ep) {
			vmnt[i].m_dead = 1;
			worker_fs_dead(ep);
		}
}

/* The block device named dev: a block device node (its major through
 * VFS's driver table, dev.c; ENOTBLK for another kind of file), or
 * "label:minor" (a driver by its DS label).  Its driver's endpoint and the
 * minor. */
static int find_device(struct fproc *fp, const char *dev, endpoint_t *ep,
	int *minor)
{
	char label[MNT_LABEL_LEN], *end;
	const char *colon = strchr(dev, ':');
	struct vnode vn;
	long v;
	int r;

	if (dev[0] != '/' && colon != NULL) {
		if ((size_t)(colon - dev) >= sizeof(label) || colon == dev)
			return ENXIO;
		memcpy(label, dev, (size_t)(colon - dev));
		label[colon - dev] = '\0';
		v = strtol(colon + 1, &end, 10);
		if (colon[1] == '\0' || *end != '\0' || v < 0 || v > 255)
			return ENXIO;
		*minor = (int)v;
		return ds_retrieve_label_endpt(label, ep) == OK ? OK : ENXIO;
	}
	if ((r = path_resolve(fp, dev, &vn)) != OK)
		return r;
	return dev_block(&vn, ep, minor);
}

/* VFS_MOUNT: path the device, path2 the directory, off_lo/off_hi the
 * struct mnt_args (label of the file system process, type). */
int do_mount(struct fproc *fp, message *m)
{
	struct mnt_args args;
	struct vnode dir;
	struct vmnt *vm;
	endpoint_t fs, drv;
	message fm;
	int i, slot = -1, minor, r;

	if (fp->fp_uid != 0)
		return EPERM;
	if ((r = path_fetch(fp->fp_endpoint, m->m_vfs.buf, m->m_vfs.len, mpath)) != OK ||
	    (r = path_fetch(fp->fp_endpoint, m->m_vfs.path2, m->m_vfs.path2_len,
	    mpath2)) != OK)
		return r;
	if (m->m_vfs.off_hi != sizeof(args))
		return EINVAL;
	if (sys_vircopy(fp->fp_endpoint, (vir_bytes)m->m_vfs.off_lo, SELF,
	    (vir_bytes)&args, sizeof(args), 0) != OK)
		return EFAULT;
	args.ma_label[sizeof(args.ma_label) - 1] = '\0';
	args.ma_type[sizeof(args.ma_type) - 1] = '\0';
	if (strlen(mpath) >= MNT_DEV_LEN)
		return ENAMETOOLONG;
	if ((r = find_device(fp, mpath, &drv, &minor)) != OK)
		return r;
	if ((r = path_resolve(fp, mpath2, &dir)) != OK)
		return r;
	if (!VN_ISDIR(&dir))
		return ENOTDIR;
	if (dir.v_kind != VN_FS || mnt_is_root(&dir))
		return EBUSY;	/* /, or a mount point already */
	for (i = 0; i < NR_MNTS; i++) {
		vm = &vmnt[i];
		if (!vm->m_used && !vm->m_pending) {
			if (slot < 0 && i > 0)
				slot = i;
			continue;
		}
		if ((vm->m_dev_e == drv && vm->m_minor == minor) ||
		    strcmp(vm->m_label, args.ma_label) == 0)
			return EBUSY;	/* the device or the process in use */
	}
	if (slot < 0)
		return ENFILE;
	vm = &vmnt[slot];
	memset(vm, 0, sizeof(*vm));
	if ((r = path_normalise(fp->fp_cwd_path, mpath2, vm->m_dir)) != OK)
		return r;
	if (strlen(vm->m_dir) >= MNT_DIR_LEN)
		return ENAMETOOLONG;
	if (label_endpoint(args.ma_label, &fs) != OK)
		return EINVAL;	/* no such file system process */
	/* Reserved while its worker waits for the superblock. */
	vm->m_pending = 1;
	vm->m_fs_e = fs;
	vm->m_dev_e = drv;
	vm->m_minor = minor;
	strcpy(vm->m_label, args.ma_label);
	memset(&fm, 0, sizeof(fm));
	fm.m_type = REQ_READSUPER;
	fm.m_fs.dev = drv;
	fm.m_fs.minor = minor;
	if (fs_sendrec(slot, &fm) != OK || fm.m_type != FS_REPLY || vm->m_dead)
		r = EIO;
	else
		r = fm.m_fs.status;
	if (r != OK) {
		memset(vm, 0, sizeof(*vm));
		return r;
	}
	vm->m_pending = 0;
	vm->m_used = 1;
	strcpy(vm->m_type, args.ma_type[0] ? args.ma_type : "ext2");
	strcpy(vm->m_dev, mpath);
	vm->m_covered = dir;
	set_root(slot, &fm);
	return OK;
}

/* Does anything use mount mnt: an open file, a working directory, a
 * mount on top of it? */
static int mnt_busy(int mnt)
{
	int i;

	if (fs_is_open(mnt, 0))
		return 1;
	for (i = 0; i < NR_PROCS; i++)
		if (fproc_tab[i].fp_endpoint != NONE &&
		    fproc_tab[i].fp_cwd.v_kind == VN_FS &&
		    fproc_tab[i].fp_cwd.v_mnt == mnt)
			return 1;
	for (i = 1; i < NR_MNTS; i++)
		if (vmnt[i].m_used && vmnt[i].m_covered.v_mnt == mnt)
			return 1;
	return 0;
}

/* VFS_UMOUNT: path the mount point (or the device as mounted); the file
 * system process's label to path2 (path2_len >= 16). */
int do_umount(struct fproc *fp, message *m)
{
	struct vnode vn;
	message fm;
	int i, mnt = -1, r;

	if (fp->fp_uid != 0)
		return EPERM;
	if ((r = path_fetch(fp->fp_endpoint, m->m_vfs.buf, m->m_vfs.len, mpath)) != OK)
		return r;
	if (m->m_vfs.path2_len < MNT_LABEL_LEN)
		return EINVAL;
	for (i = 1; i < NR_MNTS; i++)
		if (vmnt[i].m_used && strcmp(vmnt[i].m_dev, mpath) == 0)
			mnt = i;
	if (mnt < 0) {
		if ((r = path_resolve(fp, mpath, &vn)) != OK)
			return r;
		if (!mnt_is_root(&vn))
			return EINVAL;	/* not a mount point */
		mnt = vn.v_mnt;
	}
	if (mnt == 0 || mnt_busy(mnt))
		return EBUSY;
	if (sys_vircopy(SELF, (vir_bytes)vmnt[mnt].m_label, fp->fp_endpoint,
	    m->m_vfs.path2, MNT_LABEL_LEN, 0) != OK)
		return EFAULT;
	if (!vmnt[mnt].m_dead) {
		memset(&fm, 0, sizeof(fm));
		fm.m_type = REQ_UNMOUNT;
		if ((r = fs_request(mnt, &fm)) != OK && !vmnt[mnt].m_dead)
			return r;	/* its process refuses */
	}
	/* Unmounted, or its process is gone: nothing to ask. */
	if (mnt_busy(mnt))
		return EBUSY;	/* used meanwhile (we waited) */
	memset(&vmnt[mnt], 0, sizeof(vmnt[mnt]));
	return OK;
}

/* VFS_GETMNT: entry fd of the table (counting used entries only) into
 * the struct mnt_info at buf. */
int do_getmnt(struct fproc *fp, message *m)
{
	struct mnt_info mi;
	int i, n = 0;

	if (m->m_vfs.len != sizeof(mi))
		return EINVAL;
	for (i = 0; i < NR_MNTS; i++) {
		if (!vmnt[i].m_used || n++ != m->m_vfs.fd)
			continue;
		memset(&mi, 0, sizeof(mi));
		strcpy(mi.mi_dev, vmnt[i].m_dev);
		strcpy(mi.mi_dir, vmnt[i].m_dir);
		strcpy(mi.mi_type, vmnt[i].m_type);
		strcpy(mi.mi_label, vmnt[i].m_label);
		if (sys_vircopy(SELF, (vir_bytes)&mi, fp->fp_endpoint, m->m_vfs.buf,
		    sizeof(mi), 0) != OK)
			return EFAULT;
		return OK;
	}
	return ENOENT;
}
