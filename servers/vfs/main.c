/* main.c - VFS: start-up (mount the root device named on the kernel
 * command line, root=LABEL:MINOR, as /: entry 0 of the mount table; give
 * init its table), the receive loop and the dispatch of user calls, PM's
 * notices and the answers of file systems and drivers.
 *
 * The loop never waits for anything but its next message.  A user's call
 * or one of PM's notices becomes a job that runs on a worker (worker.c);
 * a job waiting for the file system server or for a driver's answer to an
 * open parks its worker, and the loop goes on with other messages.  A
 * call that waits longer (a pipe, a device read, write or ioctl) returns
 * SUSPEND and holds no worker: the caller is answered later, with
 * ipc_sendnb like every reply (it waits in SENDREC, so the reply always
 * lands).  docs/vfs.md has the design and its invariants.
 *
 * PM and VFS never SENDREC each other: PM's notices come with asynsend
 * and VFS answers them with VFS_PM_REPLY the same way; VFS asks PM for a
 * SIGPIPE (PM_KILL) with asynsend, and PM does not answer.
 */
#include <stdio.h>
#include <signal.h>
#include <minix/ds.h>
#include <minix/sef.h>
#include "vfs.h"

struct fproc *cur_fp;
struct vnode vfs_root;

/* Answer who (waiting in SENDREC) with result and nothing else. */
void reply(endpoint_t who, int result)
{
	static message m;	/* only m_type is ever set: the rest is 0 */

	m.m_type = result;
	ipc_sendnb(who, &m);
}

/* Make a magic grant to `to` for [addr, addr+len) of `owner`.  OK, or
 * EFAULT for a range past the end of the address space, ENOMEM if the
 * table cannot grow. */
int make_magic(endpoint_t to, endpoint_t owner, vir_bytes addr, size_t len,
	int access, cp_grant_id_t *gp)
{
	cp_grant_id_t g;

	if (len > 0 && addr + (len - 1) < addr)
		return EFAULT;
	if ((g = cpf_grant_magic(to, owner, addr, len, access)) == GRANT_INVALID)
		return errno == -EINVAL ? EFAULT : ENOMEM;
	*gp = g;
	return OK;
}

/* Have PM send SIGPIPE to who (asynsend; PM does not answer).  PM runs
 * above the user processes, so the signal comes before the writer sees
 * its EPIPE. */
void queue_sigpipe(endpoint_t who)
{
	message m;
	int r;

	memset(&m, 0, sizeof(m));
	m.m_type = PM_KILL;
	m.m_pm.i1 = 0;
	m.m_pm.i2 = SIGPIPE;
	m.m_pm.i4 = who;
	if ((r = asynsend(PM_PROC_NR, &m)) != OK)
		printf("vfs: PM_KILL of %d: %d\n", who, r);
}

/* The user calls, by number. */
typedef int (*handler_t)(struct fproc *fp, message *m);
static const handler_t calls[] = {
	[VFS_OPEN - VFS_BASE] = do_open,
	[VFS_CLOSE - VFS_BASE] = do_close,
	[VFS_READ - VFS_BASE] = do_read,
	[VFS_WRITE - VFS_BASE] = do_write,
	[VFS_LSEEK - VFS_BASE] = do_lseek,
	[VFS_STAT - VFS_BASE] = do_stat,
	[VFS_FSTAT - VFS_BASE] = do_fstat,
	[VFS_GETDENTS - VFS_BASE] = do_getdents,
	[VFS_MKDIR - VFS_BASE] = do_mkdir,
	[VFS_RMDIR - VFS_BASE] = do_rmdir,
	[VFS_UNLINK - VFS_BASE] = do_unlink,
	[VFS_RENAME - VFS_BASE] = do_rename,
	[VFS_CHDIR - VFS_BASE] = do_chdir,
	[VFS_GETCWD - VFS_BASE] = do_getcwd,
	[VFS_DUP - VFS_BASE] = do_dup,
	[VFS_DUP2 - VFS_BASE] = do_dup2,
	[VFS_PIPE - VFS_BASE] = do_pipe,
	[VFS_IOCTL - VFS_BASE] = do_ioctl,
	[VFS_FCNTL - VFS_BASE] = do_fcntl,
	[VFS_SYNC - VFS_BASE] = do_sync,
	[VFS_LSTAT - VFS_BASE] = do_lstat,
	[VFS_LINK - VFS_BASE] = do_link,
	[VFS_SYMLINK - VFS_BASE] = do_symlink,
	[VFS_READLINK - VFS_BASE] = do_readlink,
	[VFS_TRUNCATE - VFS_BASE] = do_truncate,
	[VFS_FTRUNCATE - VFS_BASE] = do_ftruncate,
	[VFS_CHMOD - VFS_BASE] = do_chmod,
	[VFS_FCHMOD - VFS_BASE] = do_fchmod,
	[VFS_CHOWN - VFS_BASE] = do_chown,
	[VFS_FCHOWN - VFS_BASE] = do_fchown,
	[VFS_UTIME - VFS_BASE] = do_utime,
	[VFS_FSYNC - VFS_BASE] = do_fsync,
	[VFS_UMASK - VFS_BASE] = do_umask,
	[VFS_GETID - VFS_BASE] = do_getid,
	[VFS_SETID - VFS_BASE] = do_setid,
	[VFS_STATVFS - VFS_BASE] = do_statvfs,
	[VFS_MKNOD - VFS_BASE] = do_mknod,
	[VFS_MAPDRIVER - VFS_BASE] = do_mapdriver,
	[VFS_MOUNT - VFS_BASE] = do_mount,
	[VFS_UMOUNT - VFS_BASE] = do_umount,
	[VFS_GETMNT - VFS_BASE] = do_getmnt,
	[VFS_SELECT - VFS_BASE] = do_select,
};
#define NR_CALLS ((int)(sizeof(calls) / sizeof(calls[0])))

static handler_t call_of(int type)
{
	int n = type - VFS_BASE;

	return n >= 0 && n < NR_CALLS ? calls[n] : NULL;
}

/* A user's call, on its worker: run the handler, answer unless the
 * caller waits. */
void do_call(struct fproc *fp, message *m)
{
	endpoint_t who = m->m_source;
	handler_t h = call_of(m->m_type);
	int r;

	r = h ? h(fp, m) : ENOSYS;
	if (r == SUSPEND)
		return;
	m->m_type = r;
	ipc_sendnb(who, m);
}

/* Does fp's call m never wait on a worker?  A read or write of a pipe
 * or a character device is answered at once or later (SUSPEND, holding
 * no worker), so is one of a file whose server is free (the FS_REPLY
 * ends it: worker.c, fs_loop_send), an lseek but to the end at once: the
 * loop runs them itself, without a job (docs/vfs.md). */
static int runs_in_loop(struct fproc *fp, const message *m)
{
	struct filp *f;

	if (m->m_type == VFS_LSEEK)
		return m->m_vfs.whence != SEEK_END;	/* the end: a REQ_STAT */
	if (m->m_type != VFS_READ && m->m_type != VFS_WRITE)
		return 0;
	if ((f = fd_get(fp, m->m_vfs.fd)) == NULL)
		return 1;	/* EBADF */
	if (FILP_IS_DEV(f))
		return !S_ISBLK(f->f_vn.v_mode);
	return f->f_vn.v_kind == VN_PIPE || (f->f_vn.v_kind == VN_FS &&
	    S_ISREG(f->f_vn.v_mode) && fs_idle(f->f_vn.v_mnt));
}

static void handle(message *m)
{
	endpoint_t who = m->m_source;
	struct fproc *fp;
	int r;

	if (is_notify(m->m_type)) {
		if (who == DS_PROC_NR)
			dev_ds_event();
		else if (who == CLOCK) {
			worker_bdev_timeout();	/* worker.c's deadlines */
			select_timeout();	/* select.c's; sets the alarm */
		}
		return;
	}
	if (m->m_type == CDEV_SEL1_REPLY || m->m_type == CDEV_SEL2_REPLY) {
		if (m->m_type == CDEV_SEL1_REPLY)
			select_reply1(m);
		else
			select_reply2(m);
		return;
	}
	if (m->m_type == CDEV_REPLY) {
		dev_reply(m);
		return;
	}
	if (m->m_type == BDEV_REPLY) {
		(void)worker_dev_reply(m);	/* else a close's, dropped */
		return;
	}
	if (m->m_type == FS_REPLY) {
		(void)worker_fs_reply(m);	/* else a stray answer */
		return;
	}
	if (is_pm_notice(m)) {
		if (who != PM_PROC_NR) {
			reply(who, EPERM);
			return;
		}
		fp = fproc_get(m->m_vfs.who);
		if (m->m_type == VFS_PM_UNPAUSE) {
			pm_unpause_now(m);	/* never waits: here */
			return;
		}
		if (m->m_type == VFS_PM_EXIT)	/* stop waiting for an open */
			(void)worker_dev_abort(fp, NONE, EINTR);
		if (job_add(fp, m) != OK)
			printf("vfs: job queue full, PM's notice %#x lost\n", m->m_type);
		return;
	}
	if (call_of(m->m_type) == NULL && m->m_type != VFS_GETWAITS) {
		if (who != PM_PROC_NR && !dev_unknown_message(who, m->m_type))
			reply(who, ENOSYS);
		return;
	}
	if ((fp = fproc_get(who)) == NULL &&
	    (fp = fproc_new(who)) == NULL) {
		reply(who, EINVAL);
		return;
	}
	if (fp->fp_blocked != BLK_NONE || fproc_busy(fp)) {
		reply(who, EBUSY);	/* sent a call without waiting for the last */
		return;
	}
	if (m->m_type == VFS_GETWAITS) {
		r = do_getwaits(fp, m);	/* a look at the tables: here */
		m->m_type = r;
		ipc_sendnb(who, m);
		return;
	}
	if (runs_in_loop(fp, m)) {
		cur_fp = fp;
		do_call(fp, m);
		cur_fp = NULL;
		return;
	}
	if (job_add(fp, m) != OK)
		reply(who, EAGAIN);
}

/* The root device: "root=LABEL:MINOR" on the kernel command line
 * (root=virtio_blk:0, root=memory:2), copied to name; the driver is found
 * in DS by its label, waiting up to 5 s for it to announce itself.  OK or
 * an error, said on the console. */
static int root_device(char *name, size_t len, endpoint_t *ep, int *minor)
{
	char arg[48], *colon, *p;
	message m;
	int i, r, n = 0;

	if ((r = sys_getkenv("root", arg, sizeof(arg))) != OK) {
		printf("vfs: no root=LABEL:MINOR on the kernel command line\n");
		return r;
	}
	colon = strchr(arg, ':');
	for (p = colon ? colon + 1 : NULL; p && *p >= '0' && *p <= '9' && n < 1000; p++)
		n = n * 10 + (*p - '0');
	if (!colon || colon == arg || !colon[1] || *p) {
		printf("vfs: bad root=%s (want LABEL:MINOR)\n", arg);
		return EINVAL;
	}
	snprintf(name, len, "%s", arg);
	*colon = '\0';
	for (i = 0; (r = ds_retrieve_label_endpt(arg, ep)) != OK && i < 5 * sys_hz(); i++) {
		sys_setalarm(1, 0);
		ipc_receive(CLOCK, &m, NULL);
	}
	if (r != OK)
		printf("vfs: root device driver '%s' is not running\n", arg);
	*minor = n;
	return r;
}

/* Mount the root device as / and set up the boot processes' tables. */
static void vfs_startup(void)
{
	endpoint_t ep, fs_e = FS_PROC_NR, dev_e = NONE;
	char name[48];
	int minor = 0;

	if (ds_retrieve_label_endpt("ext2", &ep) == OK)
		fs_e = ep;
	cpf_prealloc(16);	/* the grant table now, not in the middle of a call */
	if (root_device(name, sizeof(name), &dev_e, &minor) == OK)
		mount_root(name, fs_e, dev_e, minor);
	fproc_init();
	dev_ds_init();
}

int main(void)
{
	message m;

	sef_startup();
	vfs_startup();
	for (;;) {
		if (sef_receive_status(ANY, &m, NULL) != OK)
			continue;
		handle(&m);
		workers_run();
	}
}
