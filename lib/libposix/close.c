/* close.c - close(): VFS_CLOSE(fd). */
#include <unistd.h>
#include "posix.h"

int close(int fd)
{
	message m = { 0 };

	m.m_vfs.fd = fd;
	return __vfs_call(VFS_CLOSE, &m) < 0 ? -1 : 0;
}
