/* select.c - select(): VFS_SELECT with the three sets' addresses (VFS
 * reads them and writes back the ready descriptors) and the timeout by
 * value.
 */
#include <sys/select.h>
#include "posix.h"

int select(int nfds, fd_set *restrict readfds, fd_set *restrict writefds,
	fd_set *restrict errorfds, struct timeval *restrict timeout)
{
	message m = { 0 };

	m.m_vfs.fd = nfds;
	m.m_vfs.buf = (vir_bytes)readfds;
	m.m_vfs.len = (vir_bytes)writefds;
	m.m_vfs.path2 = (vir_bytes)errorfds;
	if (timeout != NULL) {
		if (timeout->tv_sec < 0 || timeout->tv_usec < 0 ||
		    timeout->tv_usec >= 1000000)
			return __posix_err(EINVAL);
		m.m_vfs.mode = 1;
		m.m_vfs.off_lo = (uint32_t)timeout->tv_sec;
		m.m_vfs.off_hi = (uint32_t)timeout->tv_usec;
	}
	return __vfs_call(VFS_SELECT, &m);
}
