/* mknod.c - mknod(): VFS_MKNOD(path, mode, dev): a character or block
 * device node (mode S_IFCHR or S_IFBLK with its permissions). */
#include <sys/stat.h>
#include "posix.h"

int mknod(const char *path, mode_t mode, dev_t dev)
{
	message m = { 0 };
	int r;

	if ((r = __vfs_path(&m, path)) != OK)
		return __posix_err(r);
	m.m_vfs.mode = (int)mode;
	m.m_vfs.off_lo = (uint32_t)dev;
	return __vfs_call(VFS_MKNOD, &m) < 0 ? -1 : 0;
}
