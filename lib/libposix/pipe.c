/* pipe.c - pipe(): VFS_PIPE -> OK, the read end in fd, the write end in
 * fd2.
 */
#include <unistd.h>
#include "posix.h"

int pipe(int fds[2])
{
	message m = { 0 };

	if (__vfs_call(VFS_PIPE, &m) < 0)
		return -1;
	fds[0] = m.m_vfs.fd;
	fds[1] = m.m_vfs.fd2;
	return 0;
}
