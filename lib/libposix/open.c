/* open.c - open() and creat(): VFS_OPEN(path, flags, mode) -> fd.  The
 * mode argument is read only with O_CREAT, as POSIX has it.
 */
#include <stdarg.h>
#include <fcntl.h>
#include "posix.h"

int open(const char *path, int flags, ...)
{
	message m = { 0 };
	va_list ap;
	int r;

	if ((r = __vfs_path(&m, path)) != OK)
		return __posix_err(r);
	m.m_vfs.flags = flags;
	if (flags & O_CREAT) {
		va_start(ap, flags);
		m.m_vfs.mode = (int)va_arg(ap, mode_t);
		va_end(ap);
	}
	return __vfs_call(VFS_OPEN, &m);
}

int creat(const char *path, mode_t mode)
{
	return open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);
}
