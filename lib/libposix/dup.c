/* dup.c - dup() and dup2(): VFS_DUP(fd) -> the lowest free fd,
 * VFS_DUP2(fd, fd2) -> fd2 (closed first if it was open).
 */
#include <unistd.h>
#include "posix.h"

int dup(int fd)
{
	message m = { 0 };

	m.m_vfs.fd = fd;
	return __vfs_call(VFS_DUP, &m);
}

int dup2(int fd, int fd2)
{
	message m = { 0 };

	m.m_vfs.fd = fd;
	m.m_vfs.fd2 = fd2;
	return __vfs_call(VFS_DUP2, &m);
}
