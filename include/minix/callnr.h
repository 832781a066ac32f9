/* minix/callnr.h - system calls: requests of user processes to PM and VFS
 * (SENDREC), and PM's notices to VFS.  Payloads: m_pm and m_vfs in
 * <minix/ipc.h>.  A reply's m_type is the result: >= 0, or a negative
 * E* (libc turns it into -1 and errno).  docs/os.md has the protocol.
 */
#ifndef _MINIX_CALLNR_H
#define _MINIX_CALLNR_H

/* PM: m_pm (i1..i4 numbers, p1..p3 addresses in the caller). */
#define PM_BASE        0x0100
#define PM_EXIT        (PM_BASE + 1)  /* i1 status; no reply */
#define PM_FORK        (PM_BASE + 2)  /* -> child pid; 0 in the child */
#define PM_WAITPID     (PM_BASE + 3)  /* i1 pid, i2 options -> pid, i3 status */
#define PM_GETPID      (PM_BASE + 4)  /* -> pid, i1 ppid */
#define PM_KILL        (PM_BASE + 5)  /* i1 pid (or -pgrp, 0, -1), i2 sig; from VFS
                                         also i1 0 and i4 the endpoint (SIGPIPE),
                                         sent with asynsend and not answered */
#define PM_SIGACTION   (PM_BASE + 6)  /* i1 sig, p1 new or 0, p2 old or 0, p3 trampoline */
#define PM_SIGPROCMASK (PM_BASE + 7)  /* i1 how, i2 set -> i3 old set */
#define PM_SIGRETURN   (PM_BASE + 8)  /* p1 struct sigcontext *; no reply */
#define PM_EXEC        (PM_BASE + 9)  /* p1 image, i1 its length, p2 stack block,
                                         i2 its length, i3 the descriptor it was
                                         read from (opened O_EXEC), name; no
                                         reply on success */
#define PM_BRK         (PM_BASE + 10) /* p1 page-aligned address, i1 bytes (a page
                                         multiple): > 0 map zeroed pages, < 0
                                         unmap -> OK, p2 end of the mapped heap */
#define PM_TIME        (PM_BASE + 11) /* -> i1 seconds, i2 microseconds */
#define PM_SLEEP       (PM_BASE + 12) /* i1 milliseconds -> OK or EINTR, i2 left */
#define PM_SETPGID     (PM_BASE + 13) /* i1 pid, i2 pgid */
#define PM_GETPGRP     (PM_BASE + 14) /* -> pgrp */
#define PM_SETSID      (PM_BASE + 15) /* -> the new session/group id */
#define PM_GETPROCTAB  (PM_BASE + 16) /* p1 buffer, i1 its size -> entries */
#define PM_REBOOT      (PM_BASE + 17) /* i1 how (RBT_*), i2 exit code for tests;
                                         init only */
#define PM_SIGPENDING  (PM_BASE + 18) /* -> i3 pending set */
#define PM_GETSYSINFO  (PM_BASE + 19) /* i1 what (GET_KINFO, GET_PROCTAB,
                                         GET_GRANTS), i2 endpoint (GET_GRANTS),
                                         p1 buffer, i3 its size */
#define PM_TTY_SIGNAL  0x0b00         /* from tty (SENDA, no reply): i1 -pgrp, i2 sig */

/* VFS: m_vfs. */
#define VFS_BASE       0x0200
#define VFS_OPEN       (VFS_BASE + 1)  /* path, path_len, flags, mode -> fd */
#define VFS_CLOSE      (VFS_BASE + 2)  /* fd */
#define VFS_READ       (VFS_BASE + 3)  /* fd, buf, len -> bytes */
#define VFS_WRITE      (VFS_BASE + 4)  /* fd, buf, len -> bytes */
#define VFS_LSEEK      (VFS_BASE + 5)  /* fd, offset, whence -> OK, offset */
#define VFS_STAT       (VFS_BASE + 6)  /* buf path, len, path2 the struct stat */
#define VFS_FSTAT      (VFS_BASE + 7)  /* fd, buf */
#define VFS_GETDENTS   (VFS_BASE + 8)  /* fd, buf, len -> bytes */
#define VFS_MKDIR      (VFS_BASE + 9)  /* path, path_len, mode */
#define VFS_RMDIR      (VFS_BASE + 10) /* path, path_len */
#define VFS_UNLINK     (VFS_BASE + 11) /* path, path_len */
#define VFS_RENAME     (VFS_BASE + 12) /* path, path_len, path2, path2_len */
#define VFS_CHDIR      (VFS_BASE + 13) /* path, path_len */
#define VFS_GETCWD     (VFS_BASE + 14) /* buf, len -> length with the NUL */
#define VFS_DUP        (VFS_BASE + 15) /* fd -> new fd */
#define VFS_DUP2       (VFS_BASE + 16) /* fd, fd2 -> fd2 */
#define VFS_PIPE       (VFS_BASE + 17) /* -> OK, fd (read end), fd2 (write end) */
#define VFS_IOCTL      (VFS_BASE + 18) /* fd, request (flags), buf */
#define VFS_FCNTL      (VFS_BASE + 19) /* fd, cmd (flags), arg (mode) -> result */
#define VFS_SYNC       (VFS_BASE + 20)
/* Storage: links, attributes, sizes, credentials (from 0x20 on). */
#define VFS_LSTAT      (VFS_BASE + 0x20) /* as VFS_STAT, a final symlink not followed */
#define VFS_LINK       (VFS_BASE + 0x21) /* path (existing), path2 (new) */
#define VFS_SYMLINK    (VFS_BASE + 0x22) /* path (target), path2 (the link) */
#define VFS_READLINK   (VFS_BASE + 0x23) /* path, path2 buf, path2_len -> bytes */
#define VFS_TRUNCATE   (VFS_BASE + 0x24) /* path, off -> OK */
#define VFS_FTRUNCATE  (VFS_BASE + 0x25) /* fd, off -> OK */
#define VFS_CHMOD      (VFS_BASE + 0x26) /* path, mode */
#define VFS_FCHMOD     (VFS_BASE + 0x27) /* fd, mode */
#define VFS_CHOWN      (VFS_BASE + 0x28) /* path, flags uid, mode gid, fd2 1: lchown */
#define VFS_FCHOWN     (VFS_BASE + 0x29) /* fd, flags uid, mode gid */
#define VFS_UTIME      (VFS_BASE + 0x2a) /* path, off_lo atime, off_hi mtime,
					    flags 1: now */
#define VFS_FSYNC      (VFS_BASE + 0x2b) /* fd */
#define VFS_UMASK      (VFS_BASE + 0x2c) /* mode -> the old mask */
#define VFS_GETID      (VFS_BASE + 0x2d) /* -> fd uid, fd2 gid (real = effective) */
#define VFS_SETID      (VFS_BASE + 0x2e) /* flags 0 uid / 1 gid, mode the id */
#define VFS_STATVFS    (VFS_BASE + 0x2f) /* path, path2 the struct statvfs */
/* The mount table (0x38 on; <sys/mount.h>). */
#define VFS_MOUNT      (VFS_BASE + 0x38) /* path device, path2 dir, off_lo a
					    struct mnt_args, off_hi its size */
#define VFS_UMOUNT     (VFS_BASE + 0x39) /* path dir or device, path2 16 bytes
					    for the file system's label */
#define VFS_GETMNT     (VFS_BASE + 0x3a) /* fd index, buf a struct mnt_info
					    -> OK, ENOENT past the last */
/* PM -> VFS notices.  Both sides send with asynsend (never SENDREC): VFS
 * answers each but VFS_PM_UNPAUSE with VFS_PM_REPLY (who, who2 as in the
 * notice, fd the notice's type, fd2 the result) when it is done. */
#define VFS_PM_FORK    (VFS_BASE + 0x40) /* who = parent, who2 = child */
#define VFS_PM_EXIT    (VFS_BASE + 0x41) /* who: close everything */
#define VFS_PM_EXEC    (VFS_BASE + 0x42) /* who, fd (opened O_EXEC: else EACCES):
                                            close-on-exec descriptors */
#define VFS_PM_UNPAUSE (VFS_BASE + 0x43) /* who: end a waiting call with EINTR */
#define VFS_PM_REBOOT  (VFS_BASE + 0x44) /* the machine stops: sync the file systems */
#define VFS_PM_REPLY   (VFS_BASE + 0x48) /* VFS -> PM: a notice is done */
/* Anyone -> VFS: which processes wait in VFS, and on what (ps). */
#define VFS_GETWAITS   (VFS_BASE + 0x30) /* buf, len: struct vfs_wait[] -> count */
#define VFS_MKNOD      (VFS_BASE + 0x31) /* path, mode, off_lo the device number */
#define VFS_MAPDRIVER  (VFS_BASE + 0x32) /* buf/len label, fd major, flags 1:
                                            seekable: the driver of a major */
#define VFS_SELECT     (VFS_BASE + 0x33) /* fd nfds, buf/len/path2 the read,
                                            write, error sets (0: none), mode 1:
                                            a timeout of off_lo s off_hi us
                                            -> the ready count, sets rewritten */

#endif
