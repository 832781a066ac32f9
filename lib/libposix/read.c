/* read.c - read() and write(): VFS_READ / VFS_WRITE(fd, buf, len) ->
 * bytes.  VFS passes the buffer on to the file system or driver with a
 * magic grant, so a bad buffer is EFAULT and the data is copied once.
 */
#include <unistd.h>
#include "posix.h"

static ssize_t rw(int type, int fd, const void *buf, size_t n)
{
	message m;	/* VFS reads fd, buf and len only: no memset */

	if (n > 0x7fffffffu)
		n = 0x7fffffffu;	/* the count must fit the reply */
	m.m_vfs.fd = fd;
	m.m_vfs.buf = (vir_bytes)buf;
	m.m_vfs.len = (vir_bytes)n;
	return __vfs_call(type, &m);
}

ssize_t read(int fd, void *buf, size_t n)
{
	return rw(VFS_READ, fd, buf, n);
}

ssize_t write(int fd, const void *buf, size_t n)
{
	return rw(VFS_WRITE, fd, buf, n);
}
