/* fcntl.h - open() flags and fcntl() commands.
 *
 * The values are Linux's (i386), so that tools and tests written against
 * Linux agree with ours bit for bit.  VFS interprets them; libc only
 * passes them through (open, fcntl) or builds them (fopen, opendir).
 */
#ifndef _FCNTL_H
#define _FCNTL_H

#include <sys/types.h>

/* Access mode: the low two bits. */
#define O_RDONLY	0
#define O_WRONLY	1
#define O_RDWR		2
#define O_ACCMODE	3

/* Open-time and status flags (octal, as Linux). */
#define O_CREAT		0100
#define O_EXCL		0200
#define O_NOCTTY	0400
#define O_TRUNC		01000
#define O_APPEND	02000
#define O_NONBLOCK	04000
#define O_NDELAY	O_NONBLOCK
#define O_DIRECTORY	0200000		/* ENOTDIR unless a directory */
#define O_NOFOLLOW	0400000		/* fail with ELOOP on a final symlink */
#define O_CLOEXEC	02000000	/* set FD_CLOEXEC on the new fd */
#define O_EXEC		040000000	/* ours, with O_RDONLY: a program to run;
					   EACCES unless a regular file with an
					   x bit (PM_EXEC names this fd) */

/* fcntl() commands. */
#define F_DUPFD		0	/* lowest free fd >= arg */
#define F_GETFD		1	/* fd flags (FD_CLOEXEC) */
#define F_SETFD		2
#define F_GETFL		3	/* status flags and access mode */
#define F_SETFL		4	/* only O_APPEND and O_NONBLOCK change */
#define F_DUPFD_CLOEXEC	1030

/* File descriptor flags (F_GETFD, F_SETFD). */
#define FD_CLOEXEC	1

/* The system calls (stubs in lib/libposix). */
int open(const char *path, int flags, ...);	/* mode_t mode with O_CREAT */
int creat(const char *path, mode_t mode);	/* O_WRONLY|O_CREAT|O_TRUNC */
int fcntl(int fd, int cmd, ...);

#endif /* _FCNTL_H */
