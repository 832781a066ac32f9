/* sys_diagctl.c - SYS_DIAGCTL, SYS_NULL, and write() and isatty() on
 * fds 1 and 2 for system processes: their output goes to the kernel
 * console.  (User programs get both from libc's system calls to VFS.)
 */
#include <unistd.h>
#include <minix/syslib.h>

int sys_diagctl_diag(const char *buf, int len)
{
	message m = { 0 };

	m.m_diag.code = DIAGCTL_CODE_DIAG;
	m.m_diag.buf = (vir_bytes)buf;
	m.m_diag.len = (vir_bytes)len;
	return _kernel_call(SYS_DIAGCTL, &m);
}

int sys_null(void)
{
	message m; /* nothing to pass: left uninitialised on purpose */

	return _kernel_call(SYS_NULL, &m);
}

/* SYS_ABORT: halt or power off (with an exit code for QEMU's tests). */
int sys_abort(int how, int code)
{
	message m = { 0 };

	m.m_diag.how = how;
	m.m_diag.code = code;
	return _kernel_call(SYS_ABORT, &m);
}

/* fds 1 and 2 are the console (line-buffered stdout). */
int isatty(int fd)
{
	return fd == 1 || fd == 2;
}

ssize_t write(int fd, const void *buf, size_t n)
{
	size_t done = 0;

	if (fd != 1 && fd != 2)
		return -1;
	while (done < n) {
		size_t chunk = n - done > 1024 ? 1024 : n - done;
		if (sys_diagctl_diag((const char *)buf + done, (int)chunk) != OK)
			return done ? (ssize_t)done : -1;
		done += chunk;
	}
	return (ssize_t)done;
}
