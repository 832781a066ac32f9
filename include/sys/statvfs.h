/* sys/statvfs.h - statvfs(): the size and free space of the file system
 * holding a path (lib/libposix/chmod.c; VFS_STATVFS, REQ_STATVFS).
 */
#ifndef _SYS_STATVFS_H
#define _SYS_STATVFS_H
#include <sys/types.h>

typedef uint64_t fsblkcnt_t;
typedef uint64_t fsfilcnt_t;

struct statvfs {
	unsigned long f_bsize;	/* block size */
	unsigned long f_frsize;	/* fragment size: the unit of f_blocks */
	fsblkcnt_t f_blocks;	/* blocks in the file system */
	fsblkcnt_t f_bfree;	/* free blocks */
	fsblkcnt_t f_bavail;	/* free blocks for non-root users */
	fsfilcnt_t f_files;	/* inodes */
	fsfilcnt_t f_ffree;	/* free inodes */
	fsfilcnt_t f_favail;	/* free inodes for non-root users */
	unsigned long f_fsid;	/* file system id (st_dev) */
	unsigned long f_flag;	/* ST_RDONLY, ST_NOSUID */
	unsigned long f_namemax;	/* longest name */
};

#define ST_RDONLY	1
#define ST_NOSUID	2

int statvfs(const char *restrict path, struct statvfs *restrict buf);
#endif /* _SYS_STATVFS_H */
