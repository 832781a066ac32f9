/* chmod.c - chmod(), fchmod(), chown(), lchown(), fchown(), utime(),
 * utimes(), umask(), statvfs(): VFS_CHMOD, VFS_FCHMOD, VFS_CHOWN,
 * VFS_FCHOWN, VFS_UTIME, VFS_UMASK, VFS_STATVFS.
 */
#include <unistd.h>
#include <utime.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/time.h>
#include "posix.h"

int chmod(const char *path, mode_t mode)
{
	message m = { 0 };
	int r;

	if ((r = __vfs_path(&m, path)) != OK)
		return __posix_err(r);
	m.m_vfs.mode = (int)mode;
	return __vfs_call(VFS_CHMOD, &m) < 0 ? -1 : 0;
}

int fchmod(int fd, mode_t mode)
{
	message m = { 0 };

	m.m_vfs.fd = fd;
	m.m_vfs.mode = (int)mode;
	return __vfs_call(VFS_FCHMOD, &m) < 0 ? -1 : 0;
}

static int do_chown(const char *path, uid_t uid, gid_t gid, int nofollow)
{
	message m = { 0 };
	int r;

	if ((r = __vfs_path(&m, path)) != OK)
		return __posix_err(r);
	m.m_vfs.flags = (int)uid;
	m.m_vfs.mode = (int)gid;
	m.m_vfs.fd2 = nofollow;
	return __vfs_call(VFS_CHOWN, &m) < 0 ? -1 : 0;
}

int chown(const char *path, uid_t uid, gid_t gid)
{
	return do_chown(path, uid, gid, 0);
}

int lchown(const char *path, uid_t uid, gid_t gid)
{
	return do_chown(path, uid, gid, 1);
}

int fchown(int fd, uid_t uid, gid_t gid)
{
	message m = { 0 };

	m.m_vfs.fd = fd;
	m.m_vfs.flags = (int)uid;
	m.m_vfs.mode = (int)gid;
	return __vfs_call(VFS_FCHOWN, &m) < 0 ? -1 : 0;
}

int utime(const char *path, const struct utimbuf *times)
{
	message m = { 0 };
	int r;

	if ((r = __vfs_path(&m, path)) != OK)
		return __posix_err(r);
	if (times == NULL) {
		m.m_vfs.flags = 1;	/* now */
	} else {
		m.m_vfs.off_lo = (uint32_t)times->actime;
		m.m_vfs.off_hi = (uint32_t)times->modtime;
	}
	return __vfs_call(VFS_UTIME, &m) < 0 ? -1 : 0;
}

/* The files keep whole seconds: the microseconds are dropped (as a file
 * system with 1 s timestamps does); a negative or too large tv_usec is
 * EINVAL. */
int utimes(const char *path, const struct timeval tv[2])
{
	struct utimbuf t;

	if (tv == NULL)
		return utime(path, NULL);
	if (tv[0].tv_usec < 0 || tv[0].tv_usec >= 1000000 ||
	    tv[1].tv_usec < 0 || tv[1].tv_usec >= 1000000)
		return __posix_err(EINVAL);
	t.actime = tv[0].tv_sec;
	t.modtime = tv[1].tv_sec;
	return utime(path, &t);
}

int statvfs(const char *restrict path, struct statvfs *restrict buf)
{
	message m = { 0 };
	int r;

	if ((r = __vfs_path(&m, path)) != OK)
		return __posix_err(r);
	m.m_vfs.path2 = (vir_bytes)buf;
	return __vfs_call(VFS_STATVFS, &m) < 0 ? -1 : 0;
}

mode_t umask(mode_t mask)
{
	message m = { 0 };

	m.m_vfs.mode = (int)(mask & 0777);
	return (mode_t)__vfs_call(VFS_UMASK, &m);
}
