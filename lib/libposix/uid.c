/* uid.c - getuid(), geteuid(), getgid(), getegid(), setuid(), setgid():
 * VFS_GETID and VFS_SETID.  VFS keeps the credentials (it is the one
 * that checks them); real and effective ids are the same.
 */
#include <unistd.h>
#include "posix.h"

static int getid(int which)
{
	message m = { 0 };

	if (_syscall(VFS_PROC_NR, VFS_GETID, &m) < 0)
		return 0;
	return which ? m.m_vfs.fd2 : m.m_vfs.fd;
}

uid_t getuid(void)
{
	return (uid_t)getid(0);
}

uid_t geteuid(void)
{
	return (uid_t)getid(0);
}

gid_t getgid(void)
{
	return (gid_t)getid(1);
}

gid_t getegid(void)
{
	return (gid_t)getid(1);
}

static int setid(int which, uint32_t id)
{
	message m = { 0 };

	m.m_vfs.flags = which;
	m.m_vfs.mode = (int)id;
	return __vfs_call(VFS_SETID, &m) < 0 ? -1 : 0;
}

int setuid(uid_t uid)
{
	return setid(0, uid);
}

int setgid(gid_t gid)
{
	return setid(1, gid);
}
