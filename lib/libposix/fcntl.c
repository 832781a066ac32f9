/* fcntl.c - fcntl(): VFS_FCNTL(fd, cmd, arg) -> the result (F_DUPFD:
 * the new fd; F_GETFD, F_GETFL: the flags; else 0).  The int argument is
 * read only for the commands that take one.
 */
#include <stdarg.h>
#include <fcntl.h>
#include "posix.h"

int fcntl(int fd, int cmd, ...)
{
	message m = { 0 };
	va_list ap;

	switch (cmd) {
	case F_DUPFD:
	case F_DUPFD_CLOEXEC:
	case F_SETFD:
	case F_SETFL:
		va_start(ap, cmd);
		m.m_vfs.mode = va_arg(ap, int);
		va_end(ap);
		break;
	}
	m.m_vfs.fd = fd;
	m.m_vfs.flags = cmd;
	return __vfs_call(VFS_FCNTL, &m);
}
