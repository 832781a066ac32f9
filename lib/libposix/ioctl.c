/* ioctl.c - ioctl(): VFS_IOCTL(fd, request, buf).  The argument is a
 * pointer to the request's data (<sys/ioctl.h>); VFS hands it to the
 * driver with a magic grant.
 */
#include <stdarg.h>
#include <sys/ioctl.h>
#include "posix.h"

int ioctl(int fd, unsigned long request, ...)
{
	message m = { 0 };
	va_list ap;

	va_start(ap, request);
	m.m_vfs.buf = (vir_bytes)va_arg(ap, void *);
	va_end(ap);
	m.m_vfs.fd = fd;
	m.m_vfs.flags = (int)request;
	return __vfs_call(VFS_IOCTL, &m);
}
