/* lseek.c - lseek(): VFS_LSEEK(fd, 64-bit offset, whence) -> the new
 * offset, in the same two halves of the reply.
 */
#include <unistd.h>
#include "posix.h"

off_t lseek(int fd, off_t offset, int whence)
{
	message m = { 0 };

	m.m_vfs.fd = fd;
	m.m_vfs.off_lo = (uint32_t)offset;
	m.m_vfs.off_hi = (uint32_t)((uint64_t)offset >> 32);
	m.m_vfs.whence = whence;
	if (__vfs_call(VFS_LSEEK, &m) < 0)
		return -1;
	return (off_t)((uint64_t)m.m_vfs.off_hi << 32 | m.m_vfs.off_lo);
}
