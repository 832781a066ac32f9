/* misc.c - descriptor calls (dup, dup2, fcntl, ioctl), the working
 * directory (chdir, getcwd), sync, and PM's notices about processes
 * (fork, exit, exec, a signal for a process waiting in VFS).
 *
 * PM's notices come with asynsend and each runs as a job on a worker
 * (VFS_PM_UNPAUSE at once in the loop); VFS answers with VFS_PM_REPLY,
 * asynsend too, when the job is done.  VFS_GETWAITS tells ps who waits
 * in VFS on what.
 */
#include <stdio.h>
#include <minix/vfs.h>
#include "vfs.h"

int do_dup(struct fproc *fp, message *m)
{
	struct filp *f = fd_get(fp, m->m_vfs.fd);
	int fd;

	if (f == NULL)
		return EBADF;
	if ((fd = fd_free(fp, 0)) < 0)
		return fd;
	filp_hold(f);
	fd_install(fp, fd, f, 0);
	return fd;
}

int do_dup2(struct fproc *fp, message *m)
{
	struct filp *f = fd_get(fp, m->m_vfs.fd);
	int fd2 = m->m_vfs.fd2;

	if (f == NULL || fd2 < 0 || fd2 >= VFS_OPEN_MAX)
		return EBADF;
	if (fd2 == m->m_vfs.fd)
		return fd2;
	filp_hold(f);
	if (fp->fp_filp[fd2])
		fd_close(fp, fd2);
	fd_install(fp, fd2, f, 0);
	return fd2;
}

/* VFS_FCNTL: fd, cmd in flags, the argument in mode. */
int do_fcntl(struct fproc *fp, message *m)
{
	struct filp *f = fd_get(fp, m->m_vfs.fd);
	int fd = m->m_vfs.fd, arg = m->m_vfs.mode, nfd;
	const int settable = O_APPEND | O_NONBLOCK;

	if (f == NULL)
		return EBADF;
	switch (m->m_vfs.flags) {
	case F_DUPFD:
	case F_DUPFD_CLOEXEC:
		if (arg < 0 || arg >= VFS_OPEN_MAX)
			return EINVAL;
		if ((nfd = fd_free(fp, arg)) < 0)
			return nfd;
		filp_hold(f);
		fd_install(fp, nfd, f, m->m_vfs.flags == F_DUPFD_CLOEXEC);
		return nfd;
	case F_GETFD:
		return (fp->fp_cloexec >> fd) & 1 ? FD_CLOEXEC : 0;
	case F_SETFD:
		if (arg & FD_CLOEXEC)
			fp->fp_cloexec |= 1ull << fd;
		else
			fp->fp_cloexec &= ~(1ull << fd);
		return OK;
	case F_GETFL:
		return f->f_flags;
	case F_SETFL:
		f->f_flags = (f->f_flags & ~settable) | (arg & settable);
		return OK;
	}
	return EINVAL;
}

/* VFS_IOCTL: fd, the request in flags, its argument at buf. */
int do_ioctl(struct fproc *fp, message *m)
{
	struct filp *f = fd_get(fp, m->m_vfs.fd);

	if (f == NULL)
		return EBADF;
	if (!FILP_IS_DEV(f))
		return ENOTTY;
	return dev_ioctl(fp, f, (unsigned long)(unsigned)m->m_vfs.flags, m->m_vfs.buf);
}

int do_chdir(struct fproc *fp, message *m)
{
	char path[VFS_PATH_MAX], norm[VFS_PATH_MAX];
	struct vnode vn;
	int r;

	if ((r = path_fetch(fp->fp_endpoint, m->m_vfs.buf, m->m_vfs.len, path)) != OK)
		return r;
	if ((r = path_resolve(fp, path, &vn)) != OK)
		return r;
	if (!VN_ISDIR(&vn))
		return ENOTDIR;
	if ((r = forbidden(fp, &vn, 1)) != OK)
		return r;
	if ((r = path_normalise(fp->fp_cwd_path, path, norm)) != OK)
		return r;
	fp->fp_cwd = vn;
	strcpy(fp->fp_cwd_path, norm);
	return OK;
}

/* VFS_GETCWD: buf, len -> the length with the NUL (ERANGE if len is
 * smaller). */
int do_getcwd(struct fproc *fp, message *m)
{
	size_t n = strlen(fp->fp_cwd_path) + 1;

	if (m->m_vfs.len < n)
		return ERANGE;
	if (sys_vircopy(SELF, (vir_bytes)fp->fp_cwd_path, fp->fp_endpoint, m->m_vfs.buf,
	    n, 0) != OK)
		return EFAULT;
	return (int)n;
}

int do_sync(struct fproc *fp, message *m)
{
	(void)fp, (void)m;
	return sync_all();
}

int is_pm_notice(const message *m)
{
	return m->m_type >= VFS_PM_FORK && m->m_type <= VFS_PM_REBOOT;
}

/* The child gets the parent's descriptors (the same filps) and cwd. */
static void pm_fork(endpoint_t parent, endpoint_t child)
{
	struct fproc *pp = fproc_get(parent), *cp;
	int fd;

	if (child == parent || (cp = fproc_new(child)) == NULL)
		return;
	if (pp == NULL)
		return;		/* unknown parent: a fresh table */
	for (fd = 0; fd < VFS_OPEN_MAX; fd++)
		if (pp->fp_filp[fd]) {
			filp_hold(pp->fp_filp[fd]);
			cp->fp_filp[fd] = pp->fp_filp[fd];
		}
	cp->fp_cloexec = pp->fp_cloexec;
	cp->fp_uid = pp->fp_uid;
	cp->fp_gid = pp->fp_gid;
	cp->fp_umask = pp->fp_umask;
	cp->fp_cwd = pp->fp_cwd;
	strcpy(cp->fp_cwd_path, pp->fp_cwd_path);
}

/* exec: the program must come from a descriptor opened with O_EXEC (so
 * checked for an x bit); then the close-on-exec descriptors go. */
static int pm_exec(struct fproc *fp, int exec_fd)
{
	struct filp *f;
	int fd;

	if (exec_fd < 0 || exec_fd >= VFS_OPEN_MAX ||
	    !(f = fp->fp_filp[exec_fd]) || !(f->f_flags & O_EXEC))
		return EACCES;
	for (fd = 0; fd < VFS_OPEN_MAX; fd++)
		if (fp->fp_filp[fd] && ((fp->fp_cloexec >> fd) & 1))
			fd_close(fp, fd);
	return OK;
}

/* VFS_PM_UNPAUSE (in the loop, not answered): a signal for who; end the
 * call it waits in with EINTR.  A device read or write is cancelled (the
 * driver's answer ends it); a worker waiting for a driver's open stops
 * waiting; a file system request is left to finish. */
void pm_unpause_now(message *m)
{
	struct fproc *fp = fproc_get(m->m_vfs.who);

	if (fp == NULL)
		return;
	if (fp->fp_blocked == BLK_DEV_READ)
		dev_unblock(fp, 0);
	else if (fp->fp_blocked == BLK_SELECT)
		select_unblock(fp, 0);
	else if (fp->fp_blocked != BLK_NONE)
		pipe_unblock(fp, 0);
	else
		(void)worker_dev_abort(fp, NONE, EINTR);
}

/* VFS_GETWAITS: buf, len -> the number of struct vfs_wait written. */
int do_getwaits(struct fproc *fp, message *m)
{
	struct vfs_wait w;
	const char *label;
	size_t max = m->m_vfs.len / sizeof(w), n = 0;
	int i, what;

	for (i = 0; i < NR_PROCS && n < max; i++) {
		struct fproc *q = &fproc_tab[i];
		if (q->fp_endpoint == NONE)
			continue;
		memset(&w, 0, sizeof(w));
		label = NULL;
		if (q->fp_blocked == BLK_PIPE_READ || q->fp_blocked == BLK_PIPE_WRITE) {
			w.vw_what = VW_PIPE;
			label = "pipe";
		} else if (q->fp_blocked == BLK_SELECT) {
			w.vw_what = VW_SELECT;
			label = "select";
		} else if (q->fp_blocked == BLK_DEV_READ) {
			w.vw_what = VW_DEV;
			label = q->fp_blabel;
		} else if (q->fp_blocked == BLK_FS_RW) {
			w.vw_what = VW_FS;
			label = q->fp_blabel;
		} else if ((label = worker_wait_label(q, &what)) != NULL) {
			w.vw_what = what == WAIT_DEV || what == WAIT_BDEV ? VW_DEV : VW_FS;
		}
		if (label == NULL)
			continue;
		w.vw_endpoint = q->fp_endpoint;
		strncpy(w.vw_label, label, sizeof(w.vw_label) - 1);
		if (sys_vircopy(SELF, (vir_bytes)&w, fp->fp_endpoint,
		    m->m_vfs.buf + n * sizeof(w), sizeof(w), 0) != OK)
			return EFAULT;
		n++;
	}
	return (int)n;
}

/* One of PM's notices (m_source is PM), on a worker; answers PM with
 * VFS_PM_REPLY: OK (or, for VFS_PM_EXEC, EACCES when m_vfs.fd is not a
 * program opened with O_EXEC: nothing is closed then). */
void do_pm_notice(message *m)
{
	struct fproc *fp = fproc_get(m->m_vfs.who);
	endpoint_t pm = m->m_source;
	message a;
	int r = OK;

	switch (m->m_type) {
	case VFS_PM_FORK:
		pm_fork(m->m_vfs.who, m->m_vfs.who2);
		break;
	case VFS_PM_EXIT:
		if (fp)
			fproc_forget(fp);
		break;
	case VFS_PM_EXEC:
		r = fp ? pm_exec(fp, m->m_vfs.fd) : EACCES;
		break;
	case VFS_PM_REBOOT:
		/* The last word before the kernel stops the machine: the
		 * file systems write out what they hold. */
		r = do_sync(NULL, m);
		break;
	}
	memset(&a, 0, sizeof(a));
	a.m_type = VFS_PM_REPLY;
	a.m_vfs.who = m->m_vfs.who;
	a.m_vfs.who2 = m->m_vfs.who2;
	a.m_vfs.fd = m->m_type;
	a.m_vfs.fd2 = r;
	if ((r = asynsend(pm, &a)) != OK)
		printf("vfs: answer to PM's notice %#x: %d\n", m->m_type, r);
}
