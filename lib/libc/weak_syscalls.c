/* weak_syscalls.c - stand-ins for the system calls stdio and dirent use,
 * until their real stubs (messages to PM and VFS) exist.
 *
 * Each is weak, so a real definition linked from elsewhere wins.  But the
 * linker takes a symbol from the first archive member that defines it and
 * never swaps a weak definition from a loaded member for a strong one in
 * another member of the same archive: when the real stub of one of these
 * calls is added to libc, delete its stand-in here.
 *
 * Until then: read, open, close, lseek, fstat and getdents fail with
 * ENOSYS; isatty says yes for fds 1 and 2, which libsys's write() sends to
 * the kernel console (so printf in a system process stays line buffered);
 * _exit ends the process with sys_exit() from libsys.
 */

#include <stddef.h>
#include <dirent.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>
#include <minix/errno.h>

extern int errno;

#define WEAK	__attribute__((weak))

int sys_exit(int status) __attribute__((__noreturn__));	/* libsys */

WEAK ssize_t read(int fd, void *buf, size_t n)
{
	errno = ENOSYS;
	return -1;
}

WEAK int open(const char *path, int flags, ...)
{
	errno = ENOSYS;
	return -1;
}

WEAK int close(int fd)
{
	errno = ENOSYS;
	return -1;
}

WEAK off_t lseek(int fd, off_t offset, int whence)
{
	errno = ENOSYS;
	return -1;
}

WEAK int fstat(int fd, struct stat *st)
{
	errno = ENOSYS;
	return -1;
}

WEAK int getdents(int fd, void *buf, size_t nbytes)
{
	errno = ENOSYS;
	return -1;
}

WEAK int isatty(int fd)
{
	if (fd == STDOUT_FILENO || fd == STDERR_FILENO)
		return 1;
	errno = ENOTTY;
	return 0;
}

WEAK void _exit(int status)
{
	sys_exit(status);
}
