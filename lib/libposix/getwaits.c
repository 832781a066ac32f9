/* getwaits.c - minix_getwaits(): VFS_GETWAITS fills buf (size bytes) with
 * one struct vfs_wait per process waiting in VFS and returns how many
 * (for ps); minix_mapdriver(): VFS_MAPDRIVER (for service up -dev).
 */
#include <minix/vfs.h>
#include "posix.h"

int minix_getwaits(struct vfs_wait *buf, size_t size)
{
	message m = { 0 };

	m.m_vfs.buf = (vir_bytes)buf;
	m.m_vfs.len = size;
	return __vfs_call(VFS_GETWAITS, &m);
}

int minix_mapdriver(const char *label, int major, int seekable)
{
	message m = { 0 };
	int r;

	if ((r = __vfs_path(&m, label)) != OK)
		return __posix_err(r);
	m.m_vfs.fd = major;
	m.m_vfs.flags = seekable ? 1 : 0;
	return __vfs_call(VFS_MAPDRIVER, &m);
}
