/* posix.h - what the system call stubs of lib/libposix share.
 *
 * libposix is built with _SYSTEM, like libsys: the E* constants are
 * negative, as in the replies of PM and VFS.  errno (the libc global) holds
 * positive numbers, so a stub that fails stores -r there.
 */
#ifndef _LIBPOSIX_POSIX_H
#define _LIBPOSIX_POSIX_H

#include <stddef.h>
#include <string.h>
#include <errno.h>
#include <minix/ipc.h>
#include <minix/com.h>		/* PM_PROC_NR, VFS_PROC_NR */
#include <minix/callnr.h>

/* Send request type to who and wait for the reply, which replaces *m.
 * Returns the reply's m_type (a result >= 0 or a negative E*), or the
 * negative E* of the IPC itself.
 */
int _syscall(endpoint_t who, int type, message *m);

/* r >= 0 is returned as it is; a negative E* becomes -1 with errno. */
static inline int __posix_ret(int r)
{
	if (r < 0) {
		errno = -r;
		return -1;
	}
	return r;
}

/* Fail with the (negative) E* e: -1 and errno. */
static inline int __posix_err(int e)
{
	errno = -e;
	return -1;
}

/* Send a request (zeroed by the caller, then filled) to PM or VFS and
 * return the result as a system call does: -1 and errno on an error.
 */
static inline int __pm_call(int type, message *m)
{
	return __posix_ret(_syscall(PM_PROC_NR, type, m));
}

static inline int __vfs_call(int type, message *m)
{
	return __posix_ret(_syscall(VFS_PROC_NR, type, m));
}

/* Put a path name in the message: buf and len (the NUL included).
 * OK, or EFAULT for a null pointer.
 */
static inline int __vfs_path(message *m, const char *path)
{
	if (path == NULL)
		return EFAULT;
	m->m_vfs.buf = (vir_bytes)path;
	m->m_vfs.len = (vir_bytes)strlen(path) + 1;
	return OK;
}

#endif /* _LIBPOSIX_POSIX_H */
