/* unistd.h - POSIX system call interface (declarations only), and
 * getopt() (lib/libc/getopt.c).
 *
 * The system call stubs are in lib/libposix (user programs); system
 * processes get stand-ins from libsys (posix_stubs.c, sys_diagctl.c).
 */
#ifndef _UNISTD_H
#define _UNISTD_H

#include <sys/types.h>

#define STDIN_FILENO	0
#define STDOUT_FILENO	1
#define STDERR_FILENO	2

/* lseek() whence (also in <stdio.h> for fseek). */
#ifndef SEEK_SET
#define SEEK_SET	0
#define SEEK_CUR	1
#define SEEK_END	2
#endif

/* Files (lib/libposix: messages to VFS). */
ssize_t read(int fd, void *buf, size_t n);
ssize_t write(int fd, const void *buf, size_t n);
int close(int fd);
off_t lseek(int fd, off_t offset, int whence);
int isatty(int fd);		/* 1 if fd is a terminal, else 0 + errno */
int dup(int fd);
int dup2(int fd, int fd2);
int pipe(int fds[2]);		/* fds[0] reads, fds[1] writes */
int unlink(const char *path);
int rmdir(const char *path);
int chdir(const char *path);
char *getcwd(char *buf, size_t size);
void sync(void);
int fsync(int fd);
int link(const char *existing, const char *new);
int symlink(const char *target, const char *linkpath);
ssize_t readlink(const char *restrict path, char *restrict buf, size_t size);
int truncate(const char *path, off_t length);
int ftruncate(int fd, off_t length);
int chown(const char *path, uid_t uid, gid_t gid);
int lchown(const char *path, uid_t uid, gid_t gid);
int fchown(int fd, uid_t uid, gid_t gid);
/* Credentials (kept by VFS; real and effective ids are the same). */
uid_t getuid(void);
uid_t geteuid(void);
gid_t getgid(void);
gid_t getegid(void);
int setuid(uid_t uid);
int setgid(gid_t gid);

/* Processes (lib/libposix: messages to PM). */
pid_t fork(void);
int execve(const char *path, char *const argv[], char *const envp[]);
int execv(const char *path, char *const argv[]);
int execvp(const char *file, char *const argv[]);	/* PATH, default /bin */
int execl(const char *path, const char *arg, ...);	/* NULL-terminated */
int execlp(const char *file, const char *arg, ...);
void _exit(int status) __attribute__((__noreturn__));
pid_t getpid(void);
pid_t getppid(void);
int setpgid(pid_t pid, pid_t pgid);
pid_t getpgrp(void);
pid_t setsid(void);
pid_t tcgetpgrp(int fd);	/* ioctl TIOCGPGRP */
int tcsetpgrp(int fd, pid_t pgrp);	/* ioctl TIOCSPGRP */
unsigned int sleep(unsigned int seconds);	/* seconds left if interrupted */
int usleep(unsigned int usec);	/* 0, or -1 and EINTR */

extern char **environ;		/* set by crt0 */

/* The program break (lib/libc/sbrk.c): the heap above _end. */
int brk(void *addr);
void *sbrk(intptr_t incr);
/* sbrk's page mapper: map (map != 0) or unmap len bytes of whole pages at
 * addr.  0, or a negative E*.  libsys has it for system processes
 * (SYS_VMCTL on themselves), libposix for user programs (PM_BRK).
 */
int __brk_map(uint32_t addr, uint32_t len, int map);

/* Command-line options (lib/libc/getopt.c). */
int getopt(int argc, char *const argv[], const char *optstring);
extern char *optarg;	/* argument of the last option, or NULL */
extern int optind;	/* next argv element to look at; 1 to restart */
extern int opterr;	/* 0: no messages on stderr */
extern int optopt;	/* the option character of an error */

#endif /* _UNISTD_H */
