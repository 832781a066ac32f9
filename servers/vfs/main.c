/* main.c - VFS: start-up (mount the root device named on the kernel
 * command line, root=LABEL:MINOR, as /; give init its table), the receive loop and the dispatch of user calls, PM's notices
 * and driver replies.
 *
 * Every message is handled to the end before the next is received.  A
 * call that must wait (a tty read, an empty or full pipe) is not answered
 * at once: its handler returns SUSPEND and the caller gets its reply
 * later, with ipc_sendnb like every reply (the caller waits in SENDREC,
 * so the reply always lands, and a caller that does not wait cannot stop
 * VFS).  VFS itself never waits for a user or a tty read.
 *
 * SIGPIPE: VFS asks PM with PM_KILL (SENDREC).  These requests are queued
 * and sent from the loop only, never while VFS handles one of PM's
 * notices: PM waits for VFS's reply then, and a SENDREC to PM would meet
 * PM's own SENDREC.  If PM answers a PM_KILL with a notice of its own
 * first (VFS_PM_EXIT of the killed writer), VFS handles that notice and
 * does not wait further; PM's answer, when it comes, is ignored.
 */
#include <stdio.h>
#include <signal.h>
#include <minix/ds.h>
#include <minix/sef.h>
#include "vfs.h"

endpoint_t fs_e = FS_PROC_NR;
struct fproc *cur_fp;
int fs_mounted;
struct vnode vfs_root;

#define KILL_QUEUE 32
static endpoint_t kill_q[KILL_QUEUE];
static int kill_n;

/* Answer who (waiting in SENDREC) with result and nothing else. */
void reply(endpoint_t who, int result)
{
	message m;

	memset(&m, 0, sizeof(m));
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

/* Have PM send SIGPIPE to who (from the loop, see flush_kills). */
void queue_sigpipe(endpoint_t who)
{
	int i;

	for (i = 0; i < kill_n; i++)
		if (kill_q[i] == who)
			return;
	if (kill_n < KILL_QUEUE)
		kill_q[kill_n++] = who;
	else
		printf("vfs: SIGPIPE queue full, %d not signalled\n", who);
}

static void flush_kills(void)
{
	static int busy;
	message m;
	int r;

	if (busy)
		return;
	busy = 1;
	while (kill_n > 0) {
		memset(&m, 0, sizeof(m));
		m.m_type = PM_KILL;
		m.m_pm.i1 = 0;
		m.m_pm.i2 = SIGPIPE;
		m.m_pm.i4 = kill_q[0];
		r = ipc_sendrec(PM_PROC_NR, &m);
		if (r == ELOCKED)
			break;	/* PM is sending us a notice: take it first */
		memmove(kill_q, kill_q + 1, (size_t)--kill_n * sizeof(kill_q[0]));
		if (r != OK)
			printf("vfs: PM_KILL of %d: %d\n", m.m_pm.i4, r);
		else if (is_pm_notice(&m))
			do_pm_notice(&m);	/* PM spoke first; answers it */
	}
	busy = 0;
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
};
#define NR_CALLS ((int)(sizeof(calls) / sizeof(calls[0])))

static handler_t call_of(int type)
{
	int n = type - VFS_BASE;

	return n >= 0 && n < NR_CALLS ? calls[n] : NULL;
}

static void handle(message *m)
{
	endpoint_t who = m->m_source;
	struct fproc *fp;
	handler_t h;
	int r;

	if (is_notify(m->m_type))
		return;		/* nothing subscribed yet */
	if (m->m_type == CDEV_REPLY) {
		dev_reply(m);
		return;
	}
	if (is_pm_notice(m)) {
		if (who == PM_PROC_NR)
			do_pm_notice(m);
		else
			reply(who, EPERM);
		return;
	}
	if ((h = call_of(m->m_type)) == NULL) {
		/* PM's late answer to a PM_KILL, a stray FS reply: no one
		 * waits for an answer from us. */
		if (who != PM_PROC_NR && m->m_type != FS_REPLY)
			reply(who, ENOSYS);
		return;
	}
	if ((fp = fproc_get(who)) == NULL && (fp = fproc_new(who)) == NULL) {
		reply(who, EINVAL);
		return;
	}
	if (fp->fp_blocked != BLK_NONE) {
		reply(who, EBUSY);	/* sent a call without waiting for the last */
		return;
	}
	cur_fp = fp;
	r = h(fp, m);
	cur_fp = NULL;
	if (r == SUSPEND)
		return;
	flush_kills();		/* SIGPIPE before the writer sees EPIPE */
	m->m_type = r;
	ipc_sendnb(who, m);
}

/* The root device: "root=LABEL:MINOR" on the kernel command line
 * (root=virtio_blk:0, root=memory:2); the driver is found in DS by its
 * label, waiting up to 5 s for it to announce itself.  OK or an error,
 * said on the console. */
static int root_device(endpoint_t *ep, int *minor)
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
	endpoint_t ep, dev_e = NONE;
	message m;
	int r, minor = 0;

	if (ds_retrieve_label_endpt("ext2", &ep) == OK)
		fs_e = ep;
	if (root_device(&dev_e, &minor) != OK) {
		fproc_init();
		return;
	}
	cpf_prealloc(16);	/* the grant table now, not in the middle of a call */
	memset(&vfs_root, 0, sizeof(vfs_root));
	vfs_root.v_kind = VN_FS;
	vfs_root.v_mode = S_IFDIR | 0755;
	vfs_root.v_nlink = 2;
	memset(&m, 0, sizeof(m));
	m.m_type = REQ_READSUPER;
	m.m_fs.dev = dev_e;
	m.m_fs.minor = minor;
	r = ipc_sendrec(fs_e, &m);
	if (r == OK && m.m_type == FS_REPLY && m.m_fs.status == OK) {
		vfs_root.v_ino = m.m_fs.r_ino;
		vfs_root.v_mode = m.m_fs.r_mode;
		vfs_root.v_size = ((uint64_t)m.m_fs.r_size_hi << 32) | m.m_fs.r_size_lo;
		vfs_root.v_nlink = m.m_fs.r_nlink;
		vfs_root.v_uid = m.m_fs.uid;
		vfs_root.v_gid = m.m_fs.gid;
		fs_mounted = 1;
	} else if (r == OK && m.m_type == FS_REPLY && m.m_fs.status == EBUSY) {
		/* Mounted already (a test drove ext2 before us): its root. */
		vfs_root.v_ino = 2;
		fs_mounted = 1;
		printf("vfs: ext2 was mounted already; using inode 2 as /\n");
	} else {
		printf("vfs: mounting the root file system failed (%d, %d)\n", r,
		    r == OK ? m.m_fs.status : 0);
	}
	fproc_init();
}

int main(void)
{
	message m;

	sef_startup();
	vfs_startup();
	for (;;) {
		flush_kills();
		if (sef_receive_status(ANY, &m, NULL) != OK)
			continue;
		handle(&m);
	}
}
