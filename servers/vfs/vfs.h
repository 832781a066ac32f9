/* vfs.h - what the parts of VFS share: the node, filp and per-process
 * tables, the waiting-call states, and the functions each file offers.
 *
 * VFS is a system process (built with _SYSTEM: E* values are negative).
 * Users reach it with SENDREC; every request handler runs on a worker
 * (worker.c, docs/vfs.md) and returns the reply's m_type (>= 0 or a
 * negative E*), or SUSPEND when the caller must wait and is answered later
 * without holding a worker (a pipe, a device read, write or ioctl).  The layout:
 *
 *	main.c	start-up, the receive loop, dispatch, replies, SIGPIPE requests
 *	worker.c the workers calls run on, waits for file systems and drivers
 *	fproc.c	per-process tables: fds, close-on-exec bits, cwd; filps
 *	path.c	path names: fetching, walking, ext2 lookups
 *	file.c	open close read write lseek stat fstat getdents and the
 *		name-changing calls (mkdir rmdir unlink rename)
 *	link.c	links and attributes: link symlink readlink lstat truncate
 *		ftruncate chmod chown utime fsync umask, credentials
 *	pipe.c	pipes in VFS memory, waiting readers and writers
 *	dev.c	character driver requests, cancels, the major -> driver table,
 *		mknod, a driver's death
 *	select.c select(): pipes, files, CDEV_SELECT, timeouts
 *	misc.c	dup dup2 fcntl chdir getcwd sync, PM's notices
 *	mount.c	the mount table: mount, umount, crossing mount points
 */
#ifndef _VFS_VFS_H
#define _VFS_VFS_H

#include <string.h>
#include <stdlib.h>
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <minix/syslib.h>
#include <minix/callnr.h>

#define VFS_OPEN_MAX	64		/* descriptors per process */
#define NR_FILPS	512		/* open files, all processes */
#define NR_PIPES	64
#define PIPE_SIZE	4096		/* bytes in one pipe's ring */
#define VFS_PATH_MAX	1024		/* a path name with its NUL */
#define VFS_NAME_MAX	255		/* a path component */
#define VFS_IO_MAX	0x7fffffffu	/* a count must fit a reply */

/* A handler's result: no reply now, the caller waits. */
#define SUSPEND		EDONTREPLY

/* What a name or an open file refers to. */
#define VN_NONE		0
#define VN_FS		1	/* an inode of the root file system (ext2) */
#define VN_PIPE		4	/* a pipe (v_ino: index of the pipe) */

struct vnode {
	int v_kind;		/* VN_* */
	uint32_t v_ino;
	uint32_t v_mode;	/* S_IF* and permissions */
	uint64_t v_size;
	uint32_t v_nlink;
	uint32_t v_uid, v_gid;	/* owner */
	int v_mnt;		/* VN_FS: the mount (index in vmnt[]) */
};

#define VN_ISDIR(v)	((v)->v_kind == VN_FS && S_ISDIR((v)->v_mode))

struct pipe;

/* A major device number's driver (dev.c: the table VFS_MAPDRIVER fills). */
struct dmap {
	int dm_major;		/* 0: a free entry */
	char dm_label[16];	/* the driver's label in DS */
	int dm_seekable;	/* reads and writes advance the position */
};

/* An open file: shared by dup() and fork(), counted. */
struct filp {
	int f_count;		/* 0: free */
	struct vnode f_vn;
	uint64_t f_pos;
	int f_flags;		/* access mode, O_APPEND, O_NONBLOCK, O_EXEC */
	const struct dmap *f_dmap; /* a device node: its driver; else NULL */
	endpoint_t f_driver;	/* a device: the driver (NONE: it died), minor */
	int f_minor;
	struct pipe *f_pipe;	/* VN_PIPE */
	int f_orphan;		/* VN_FS: its last name went while open */
};

#define FILP_IS_DEV(f)	  ((f)->f_dmap != NULL)
#define FILP_CAN_READ(f)  (((f)->f_flags & O_ACCMODE) != O_WRONLY)
#define FILP_CAN_WRITE(f) (((f)->f_flags & O_ACCMODE) != O_RDONLY)

/* Why a process waits in VFS (fp_blocked). */
#define BLK_NONE	0
#define BLK_PIPE_READ	1
#define BLK_PIPE_WRITE	2
#define BLK_DEV_READ	3	/* a CDEV_READ, WRITE or IOCTL sent, its
				   CDEV_REPLY not yet in */
#define BLK_SELECT	4	/* select(): nothing ready yet (select.c) */
#define BLK_FS_RW	5	/* a file's REQ_READ or REQ_WRITE sent by the
				   loop (worker.c: fs_loop_send), its
				   FS_REPLY not yet in */

/* What a worker waits for (worker.c). */
#define WAIT_NONE	0
#define WAIT_FSQ	1	/* its turn at the file system server */
#define WAIT_FS		2	/* the file system's FS_REPLY */
#define WAIT_DEV	3	/* a driver's CDEV_REPLY (an open; deadline) */
#define WAIT_BDEV	4	/* a block driver's BDEV_REPLY (dev.c) */

struct worker;

/* A worker's own buffers for path names (file.c, link.c). */
struct worker_bufs {
	char wb_path1[VFS_PATH_MAX], wb_path2[VFS_PATH_MAX];
	char wb_path3[VFS_PATH_MAX];
};

struct fproc {
	endpoint_t fp_endpoint;		/* NONE: the slot is free */
	uint32_t fp_uid, fp_gid;	/* credentials (real = effective) */
	uint32_t fp_umask;
	struct filp *fp_filp[VFS_OPEN_MAX];
	uint64_t fp_cloexec;		/* bit n: close fd n on exec */
	struct vnode fp_cwd;
	char fp_cwd_path[VFS_PATH_MAX];	/* normalised, for getcwd */
	/* The call it waits in, when fp_blocked != BLK_NONE. */
	int fp_blocked;
	struct filp *fp_bfilp;
	vir_bytes fp_bbuf;
	size_t fp_blen;
	size_t fp_bdone;		/* pipe write: bytes already written */
	struct pipe *fp_bpipe;		/* BLK_PIPE_*: the pipe waited on */
	struct fproc *fp_pnext;		/* BLK_PIPE_*: its next waiter */
	uint32_t fp_bid;		/* BLK_DEV_READ: the request id */
	endpoint_t fp_bdriver;
	cp_grant_id_t fp_bgrant;
	int fp_bcancel;			/* CDEV_CANCEL sent */
	clock_t fp_bdeadline;		/* fp_bcancel: the cancel's answer is due */
	int fp_bseek;			/* BLK_DEV_READ: advance f_pos by the result */
	int fp_bmoved;			/* BLK_DEV_READ: a read; its answer's count
					 * must have moved through fp_bgrant */
	const char *fp_blabel;		/* BLK_DEV_READ: the driver's label,
					   BLK_FS_RW: the mount's */
	struct worker *fp_worker;	/* the worker running its job */
	int fp_queued;			/* its jobs waiting for a worker */
};

/* The result of walking a path (path_walk). */
struct lookup {
	struct vnode dir;	/* the directory holding the last component */
	struct vnode node;	/* what the last component names (err == OK) */
	char last[VFS_NAME_MAX + 1];	/* "" for "/" */
	int err;		/* OK, or why the last component cannot be used */
	int found;		/* the last component exists (node is valid) */
	int slash;		/* the path ended in '/' */
};

/* A mounted file system (mount.c).  Entry 0 is the root. */
#define NR_MNTS		8
#define MNT_DEV_LEN	32	/* the device as named at mount */
#define MNT_DIR_LEN	256	/* the mount point, normalised */
#define MNT_LABEL_LEN	16	/* RS label of the file system process */

struct vmnt {
	int m_used;
	endpoint_t m_fs_e;		/* its file system process */
	char m_label[MNT_LABEL_LEN];
	char m_type[16];		/* "ext2" */
	char m_dev[MNT_DEV_LEN];
	char m_dir[MNT_DIR_LEN];
	endpoint_t m_dev_e;		/* the block driver and the minor */
	int m_minor;
	struct vnode m_root;		/* its root directory */
	struct vnode m_covered;		/* the directory it hides (not for 0) */
	int m_pending;			/* being mounted (waits for its superblock) */
	int m_dead;			/* its process is gone: EIO */
};

/* main.c */
extern struct fproc *cur_fp;	/* the caller of the call being handled */
extern struct vnode vfs_root;	/* vmnt[0].m_root */
void reply(endpoint_t who, int result);
void queue_sigpipe(endpoint_t who);
void do_call(struct fproc *fp, message *m);
int make_magic(endpoint_t to, endpoint_t owner, vir_bytes addr, size_t len,
	int access, cp_grant_id_t *gp);

/* fproc.c */
extern struct fproc fproc_tab[NR_PROCS];
void fproc_init(void);
struct fproc *fproc_get(endpoint_t ep);
struct fproc *fproc_new(endpoint_t ep);
void fproc_forget(struct fproc *fp);
struct filp *filp_alloc(void);
void filp_hold(struct filp *f);
void filp_driver_dead(endpoint_t ep);
void filp_release(struct filp *f);
int fd_free(struct fproc *fp, int from);
struct filp *fd_get(struct fproc *fp, int fd);
void fd_install(struct fproc *fp, int fd, struct filp *f, int cloexec);
int fd_close(struct fproc *fp, int fd);

/* path.c */
int path_fetch(endpoint_t who, vir_bytes addr, vir_bytes len, char *buf);
#define SYMLOOP_MAX	8	/* symbolic links followed in one path */
#define WALK_FOLLOW	1	/* path_walk: follow a final symbolic link */
int path_walk(struct fproc *fp, const char *path, struct lookup *lk,
	int follow);
int path_resolve(struct fproc *fp, const char *path, struct vnode *vn);
void vnode_of_reply(const message *m, int mnt, struct vnode *vn);
int forbidden(const struct fproc *fp, const struct vnode *vn, int mask);
int fs_is_open(int mnt, uint32_t ino);
void fs_orphaned(int mnt, uint32_t ino);
int path_normalise(const char *cwd, const char *path, char *out);
int fs_request(int mnt, message *m);
int fs_name_request(int type, const struct vnode *dir, const char *name,
	uint32_t flags, message *m);
int fs_dir_empty(const struct vnode *dir);

/* file.c */
int do_open(struct fproc *fp, message *m);
int do_close(struct fproc *fp, message *m);
int do_read(struct fproc *fp, message *m);
int do_write(struct fproc *fp, message *m);
int do_lseek(struct fproc *fp, message *m);
int do_stat(struct fproc *fp, message *m);
int do_fstat(struct fproc *fp, message *m);
int do_getdents(struct fproc *fp, message *m);
int do_mkdir(struct fproc *fp, message *m);
int do_rmdir(struct fproc *fp, message *m);
int do_unlink(struct fproc *fp, message *m);
int do_rename(struct fproc *fp, message *m);
int fetch_walk(struct fproc *fp, const message *m, struct lookup *lk,
	int follow);
int fs_stat_vnode(const struct vnode *vn, struct stat *st);
int fs_size(const struct vnode *vn, uint64_t *size);

/* link.c */
int do_lstat(struct fproc *fp, message *m);
int do_link(struct fproc *fp, message *m);
int do_symlink(struct fproc *fp, message *m);
int do_readlink(struct fproc *fp, message *m);
int do_truncate(struct fproc *fp, message *m);
int do_ftruncate(struct fproc *fp, message *m);
int do_chmod(struct fproc *fp, message *m);
int do_fchmod(struct fproc *fp, message *m);
int do_chown(struct fproc *fp, message *m);
int do_fchown(struct fproc *fp, message *m);
int do_utime(struct fproc *fp, message *m);
int do_fsync(struct fproc *fp, message *m);
int do_umask(struct fproc *fp, message *m);
int do_getid(struct fproc *fp, message *m);
int do_setid(struct fproc *fp, message *m);
int do_statvfs(struct fproc *fp, message *m);

/* pipe.c */
int do_pipe(struct fproc *fp, message *m);
int pipe_read(struct fproc *fp, struct filp *f, vir_bytes buf, size_t len);
int pipe_write(struct fproc *fp, struct filp *f, vir_bytes buf, size_t len);
size_t pipe_bytes(const struct filp *f);
void pipe_close_end(struct filp *f);
void pipe_unblock(struct fproc *fp, int exiting);
int pipe_select(const struct filp *f, int ops);

/* select.c */
int do_select(struct fproc *fp, message *m);
void select_pipe_event(void);
void select_reply1(const message *m);
void select_reply2(const message *m);
void select_timeout(void);
void select_driver_dead(endpoint_t ep);
void select_unblock(struct fproc *fp, int exiting);

/* dev.c */
int do_mknod(struct fproc *fp, message *m);
int do_mapdriver(struct fproc *fp, message *m);
int dev_block(const struct vnode *vn, endpoint_t *ep, int *minor_nr);
int dev_open(struct fproc *fp, struct filp *f, int oflags);
void dev_close(struct filp *f);
int dev_io(struct fproc *fp, struct filp *f, int write, vir_bytes buf,
	size_t len);
int dev_ioctl(struct fproc *fp, struct filp *f, unsigned long request,
	vir_bytes arg);
void dev_reply(message *m);
void dev_forget(endpoint_t driver, uint32_t id);
void dev_driver_fault(endpoint_t ep, const char *why);
int dev_unknown_message(endpoint_t ep, int type);
void dev_unblock(struct fproc *fp, int exiting);
int dev_cancel_deadline(clock_t *first);
void dev_cancel_timeout(void);
void dev_ds_event(void);
void dev_ds_init(void);

/* worker.c */
struct worker_bufs *worker_bufs(void);
int in_worker(void);
int job_add(struct fproc *fp, const message *m);
int fproc_busy(const struct fproc *fp);
void workers_run(void);
int fs_sendrec(int mnt, message *m);
int worker_fs_reply(const message *m);
void worker_fs_dead(endpoint_t ep);
int fs_idle(int mnt);
int fs_loop_send(int mnt, struct fproc *fp, struct filp *f, int write,
	cp_grant_id_t g, message *m);
void fs_loop_forget(struct fproc *fp);
void fs_rw_done(struct fproc *fp, struct filp *f, int write, cp_grant_id_t g,
	const message *m);
int dev_sendrec_worker(endpoint_t ep, const char *label, message *m);
int worker_dev_reply(const message *m);
int worker_bdev_deadline(clock_t *first);
void worker_bdev_timeout(void);
void vfs_alarm_update(void);
/* Seconds a block driver has to answer a request before VFS counts it as
 * lost and has RS restart the driver (docs/vfs.md, driver faults). */
#ifndef BDEV_TIMEOUT
#define BDEV_TIMEOUT	5
#endif
/* Seconds a character driver has to answer a CDEV_OPEN or a CDEV_CANCEL
 * (its reads and writes may wait for ever): a driver that does not is
 * restarted the same way. */
#ifndef CDEV_TIMEOUT
#define CDEV_TIMEOUT	5
#endif
int worker_dev_abort(struct fproc *fp, endpoint_t driver, int r);
void worker_dev_dead(endpoint_t ep);
const char *worker_wait_label(const struct fproc *fp, int *what);

/* misc.c */
int do_dup(struct fproc *fp, message *m);
int do_dup2(struct fproc *fp, message *m);
int do_fcntl(struct fproc *fp, message *m);
int do_chdir(struct fproc *fp, message *m);
int do_getcwd(struct fproc *fp, message *m);
int do_sync(struct fproc *fp, message *m);
int do_ioctl(struct fproc *fp, message *m);
int is_pm_notice(const message *m);
void do_pm_notice(message *m);
void pm_unpause_now(message *m);
int do_getwaits(struct fproc *fp, message *m);

/* mount.c */
extern struct vmnt vmnt[NR_MNTS];
endpoint_t fs_ep(int mnt);
int mount_root(const char *dev, endpoint_t fs, endpoint_t drv, int minor);
int mnt_is_root(const struct vnode *vn);
void mnt_cross_down(struct vnode *vn);
int mnt_parent(const struct vnode *dir, struct vnode *out);
int do_mount(struct fproc *fp, message *m);
int do_umount(struct fproc *fp, message *m);
int do_getmnt(struct fproc *fp, message *m);
int sync_all(void);
void mnt_fs_dead(endpoint_t ep);

#endif /* _VFS_VFS_H */
