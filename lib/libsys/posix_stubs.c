/* posix_stubs.c - the POSIX calls that libc's stdio, dirent and exit()
 * use, for system processes, which have no PM or VFS to ask: read, open,
 * close, lseek, fstat and getdents fail with ENOSYS, and _exit ends the
 * process with sys_exit().  (write and isatty, output to the kernel
 * console, are in sys_diagctl.c.)
 *
 * User programs get the real calls from lib/libposix, which comes before
 * libsys in their link group, so these are never pulled in for them.
 * They used to be weak stand-ins in libc; there they won over libposix,
 * because the linker never replaces a weak definition it has already
 * taken from an archive with a strong one from a later scan.
 */
#include <dirent.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>
#include <minix/syslib.h>

extern int errno;

/* Built with _SYSTEM: ENOSYS is negative, errno positive. */
#define NO_SUCH_CALL	(errno = -ENOSYS, -1)

ssize_t read(int fd, void *buf, size_t n)
{
	return NO_SUCH_CALL;
}

int open(const char *path, int flags, ...)
{
	return NO_SUCH_CALL;
}

int close(int fd)
{
	return NO_SUCH_CALL;
}

off_t lseek(int fd, off_t offset, int whence)
{
	return NO_SUCH_CALL;
}

int fstat(int fd, struct stat *st)
{
	return NO_SUCH_CALL;
}

int getdents(int fd, void *buf, size_t nbytes)
{
	return NO_SUCH_CALL;
}

void _exit(int status)
{
	sys_exit(status);
}
