/* stat.c - stat(), lstat() and fstat(): VFS copies a struct stat
 * (<sys/stat.h>) to the caller.  lstat() describes a final symbolic link
 * itself (VFS_LSTAT), stat() what it points to.
 */
#include <sys/stat.h>
#include "posix.h"

int stat(const char *restrict path, struct stat *restrict st)
{
	message m = { 0 };
	int r;

	if ((r = __vfs_path(&m, path)) != OK)
		return __posix_err(r);
	m.m_vfs.path2 = (vir_bytes)st;	/* VFS_STAT: the struct stat */
	return __vfs_call(VFS_STAT, &m) < 0 ? -1 : 0;
}

int lstat(const char *restrict path, struct stat *restrict st)
{
	message m = { 0 };
	int r;

	if ((r = __vfs_path(&m, path)) != OK)
		return __posix_err(r);
	m.m_vfs.path2 = (vir_bytes)st;
	return __vfs_call(VFS_LSTAT, &m) < 0 ? -1 : 0;
}

int fstat(int fd, struct stat *st)
{
	message m = { 0 };

	m.m_vfs.fd = fd;
	m.m_vfs.buf = (vir_bytes)st;
	return __vfs_call(VFS_FSTAT, &m) < 0 ? -1 : 0;
}
