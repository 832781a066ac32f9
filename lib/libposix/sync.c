/* sync.c - sync(): VFS_SYNC (the file systems write out their caches). */
#include <unistd.h>
#include "posix.h"

void sync(void)
{
	message m = { 0 };

	_syscall(VFS_PROC_NR, VFS_SYNC, &m);
}
