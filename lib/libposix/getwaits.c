/* getwaits.c - minix_getwaits(): VFS_GETWAITS fills buf (size bytes) with
 * one struct vfs_wait per process waiting in VFS and returns how many
 * (for ps).
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
