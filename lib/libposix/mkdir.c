/* mkdir.c - mkdir() and rmdir(): VFS_MKDIR(path, mode), VFS_RMDIR(path). */
#include <unistd.h>
#include <sys/stat.h>
#include "posix.h"

int mkdir(const char *path, mode_t mode)
{
	message m = { 0 };
	int r;

	if ((r = __vfs_path(&m, path)) != OK)
		return __posix_err(r);
	m.m_vfs.mode = (int)mode;
	return __vfs_call(VFS_MKDIR, &m) < 0 ? -1 : 0;
}

int rmdir(const char *path)
{
	message m = { 0 };
	int r;

	if ((r = __vfs_path(&m, path)) != OK)
		return __posix_err(r);
	return __vfs_call(VFS_RMDIR, &m) < 0 ? -1 : 0;
}
