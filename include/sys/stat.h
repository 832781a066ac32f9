/* sys/stat.h - file status: struct stat, the mode bits and their tests.
 *
 * struct stat is what VFS copies out for stat(), lstat() and fstat(), so
 * its layout is ABI (i386: 60 bytes, st_size at offset 28; see the
 * assertions in lib/libc/dirent.c).  The S_IF* type values and permission
 * bits are the traditional ones that ext2 stores in i_mode.
 */
#ifndef _SYS_STAT_H
#define _SYS_STAT_H

#include <sys/types.h>

struct stat {
	dev_t st_dev;		/* device of the file system holding it */
	ino_t st_ino;		/* inode number */
	mode_t st_mode;		/* type and permissions (S_IF*, S_I*) */
	nlink_t st_nlink;	/* hard links */
	uid_t st_uid;
	gid_t st_gid;
	dev_t st_rdev;		/* device number of a special file */
	off_t st_size;		/* bytes (64 bits) */
	time_t st_atime;	/* last access, seconds since the epoch */
	time_t st_mtime;	/* last modification */
	time_t st_ctime;	/* last status change */
	blksize_t st_blksize;	/* preferred I/O size */
	blkcnt_t st_blocks;	/* 512-byte blocks allocated */
};

/* File type: the S_IFMT bits of st_mode. */
#define S_IFMT		0170000
#define S_IFSOCK	0140000
#define S_IFLNK		0120000
#define S_IFREG		0100000
#define S_IFBLK		0060000
#define S_IFDIR		0040000
#define S_IFCHR		0020000
#define S_IFIFO		0010000

#define S_ISSOCK(m)	(((m) & S_IFMT) == S_IFSOCK)
#define S_ISLNK(m)	(((m) & S_IFMT) == S_IFLNK)
#define S_ISREG(m)	(((m) & S_IFMT) == S_IFREG)
#define S_ISBLK(m)	(((m) & S_IFMT) == S_IFBLK)
#define S_ISDIR(m)	(((m) & S_IFMT) == S_IFDIR)
#define S_ISCHR(m)	(((m) & S_IFMT) == S_IFCHR)
#define S_ISFIFO(m)	(((m) & S_IFMT) == S_IFIFO)

/* Set-id and sticky bits. */
#define S_ISUID		0004000
#define S_ISGID		0002000
#define S_ISVTX		0001000

/* Permissions: owner, group, others. */
#define S_IRWXU		0000700
#define S_IRUSR		0000400
#define S_IWUSR		0000200
#define S_IXUSR		0000100
#define S_IRWXG		0000070
#define S_IRGRP		0000040
#define S_IWGRP		0000020
#define S_IXGRP		0000010
#define S_IRWXO		0000007
#define S_IROTH		0000004
#define S_IWOTH		0000002
#define S_IXOTH		0000001

#define ACCESSPERMS	(S_IRWXU | S_IRWXG | S_IRWXO)		/* 0777 */
#define ALLPERMS	(S_ISUID | S_ISGID | S_ISVTX | ACCESSPERMS) /* 07777 */
#define DEFFILEMODE	(S_IRUSR | S_IWUSR | S_IRGRP | S_IWGRP | S_IROTH | \
	S_IWOTH)						/* 0666 */

/* The system calls (stubs in lib/libposix). */
int stat(const char *restrict path, struct stat *restrict st);
int lstat(const char *restrict path, struct stat *restrict st);
int fstat(int fd, struct stat *st);
int mkdir(const char *path, mode_t mode);
int mknod(const char *path, mode_t mode, dev_t dev);
int chmod(const char *path, mode_t mode);
int fchmod(int fd, mode_t mode);
mode_t umask(mode_t mask);

#endif /* _SYS_STAT_H */
