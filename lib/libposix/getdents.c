/* getdents.c - getdents(): VFS_GETDENTS(fd, buf, len) -> bytes of whole
 * records (the format is in <dirent.h>), 0 at the end of the directory.
 */
#include <dirent.h>
#include "posix.h"

int getdents(int fd, void *buf, size_t nbytes)
{
	message m = { 0 };

	m.m_vfs.fd = fd;
	m.m_vfs.buf = (vir_bytes)buf;
	m.m_vfs.len = (vir_bytes)nbytes;
	return __vfs_call(VFS_GETDENTS, &m);
}
