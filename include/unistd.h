/* unistd.h - POSIX system call interface (declarations only), and
 * getopt() (lib/libc/getopt.c).
 *
 * The system call stubs themselves live elsewhere in libc.
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

ssize_t read(int fd, void *buf, size_t n);
ssize_t write(int fd, const void *buf, size_t n);
int close(int fd);
off_t lseek(int fd, off_t offset, int whence);
int isatty(int fd);		/* 1 if fd is a terminal, else 0 + errno */
void _exit(int status) __attribute__((__noreturn__));
pid_t getpid(void);

/* The program break (lib/libc/sbrk.c): the heap above _end. */
int brk(void *addr);
void *sbrk(intptr_t incr);

/* Command-line options (lib/libc/getopt.c). */
int getopt(int argc, char *const argv[], const char *optstring);
extern char *optarg;	/* argument of the last option, or NULL */
extern int optind;	/* next argv element to look at; 1 to restart */
extern int opterr;	/* 0: no messages on stderr */
extern int optopt;	/* the option character of an error */

#endif /* _UNISTD_H */
