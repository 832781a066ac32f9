/* truncate.c - truncate(), ftruncate(), fsync(): VFS_TRUNCATE (a path),
 * VFS_FTRUNCATE and VFS_FSYNC (a descriptor).  The 64-bit length goes in
 * off_lo/off_hi.
 */
#include <unistd.h>
#include "posix.h"

int truncate(const char *path, off_t length)
{
	message m = { 0 };
	int r;

	if ((r = __vfs_path(&m, path)) != OK)
		return __posix_err(r);
	m.m_vfs.off_lo = (uint32_t)(uint64_t)length;
	m.m_vfs.off_hi = (uint32_t)((uint64_t)length >> 32);
	return __vfs_call(VFS_TRUNCATE, &m) < 0 ? -1 : 0;
}

int ftruncate(int fd, off_t length)
{
	message m = { 0 };

	m.m_vfs.fd = fd;
	m.m_vfs.off_lo = (uint32_t)(uint64_t)length;
	m.m_vfs.off_hi = (uint32_t)((uint64_t)length >> 32);
	return __vfs_call(VFS_FTRUNCATE, &m) < 0 ? -1 : 0;
}

int fsync(int fd)
{
	message m = { 0 };

	m.m_vfs.fd = fd;
	return __vfs_call(VFS_FSYNC, &m) < 0 ? -1 : 0;
}
