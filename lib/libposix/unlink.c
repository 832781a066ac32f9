/* unlink.c - unlink() and rename(): VFS_UNLINK(path), VFS_RENAME(path,
 * path2).
 */
#include <stdio.h>
#include <unistd.h>
#include "posix.h"

int unlink(const char *path)
{
	message m = { 0 };
	int r;

	if ((r = __vfs_path(&m, path)) != OK)
		return __posix_err(r);
	return __vfs_call(VFS_UNLINK, &m) < 0 ? -1 : 0;
}

int rename(const char *from, const char *to)
{
	message m = { 0 };
	int r;

	if ((r = __vfs_path(&m, from)) != OK)
		return __posix_err(r);
	if (to == NULL)
		return __posix_err(EFAULT);
	m.m_vfs.path2 = (vir_bytes)to;
	m.m_vfs.path2_len = (vir_bytes)strlen(to) + 1;
	return __vfs_call(VFS_RENAME, &m) < 0 ? -1 : 0;
}
