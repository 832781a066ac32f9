/* link.c - link(), symlink(), readlink(): VFS_LINK, VFS_SYMLINK,
 * VFS_READLINK (two paths, or a path and a buffer).
 */
#include <unistd.h>
#include "posix.h"

/* path in buf/len, path2 in path2/path2_len. */
static int two_paths(int type, const char *a, const char *b)
{
	message m = { 0 };
	int r;

	if ((r = __vfs_path(&m, a)) != OK)
		return __posix_err(r);
	if (b == NULL)
		return __posix_err(EFAULT);
	m.m_vfs.path2 = (vir_bytes)b;
	m.m_vfs.path2_len = (vir_bytes)strlen(b) + 1;
	return __vfs_call(type, &m) < 0 ? -1 : 0;
}

int link(const char *existing, const char *new)
{
	return two_paths(VFS_LINK, existing, new);
}

int symlink(const char *target, const char *linkpath)
{
	return two_paths(VFS_SYMLINK, target, linkpath);
}

ssize_t readlink(const char *restrict path, char *restrict buf, size_t size)
{
	message m = { 0 };
	int r;

	if ((r = __vfs_path(&m, path)) != OK)
		return __posix_err(r);
	m.m_vfs.path2 = (vir_bytes)buf;
	m.m_vfs.path2_len = size;
	return __vfs_call(VFS_READLINK, &m);
}
