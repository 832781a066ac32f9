/* chdir.c - chdir() and getcwd(): VFS_CHDIR(path), VFS_GETCWD(buf, len)
 * -> the length of the name with its NUL (ERANGE if it does not fit).
 * getcwd(NULL, size) allocates the buffer (size bytes, or PATH_MAX if 0).
 */
#include <stdlib.h>
#include <unistd.h>
#include "posix.h"

#define CWD_MAX	1024	/* PATH_MAX of VFS */

int chdir(const char *path)
{
	message m = { 0 };
	int r;

	if ((r = __vfs_path(&m, path)) != OK)
		return __posix_err(r);
	return __vfs_call(VFS_CHDIR, &m) < 0 ? -1 : 0;
}

char *getcwd(char *buf, size_t size)
{
	message m = { 0 };
	char *mine = NULL;

	if (buf == NULL) {
		if (size == 0)
			size = CWD_MAX;
		if ((buf = mine = malloc(size)) == NULL)
			return NULL;
	} else if (size == 0) {
		__posix_err(EINVAL);
		return NULL;
	}
	m.m_vfs.buf = (vir_bytes)buf;
	m.m_vfs.len = (vir_bytes)size;
	if (__vfs_call(VFS_GETCWD, &m) < 0) {
		free(mine);
		return NULL;
	}
	return buf;
}
