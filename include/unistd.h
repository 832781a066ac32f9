/* unistd.h - POSIX system call interface (declarations only).
 *
 * The system call stubs themselves live elsewhere in libc.
 */
#ifndef _UNISTD_H
#define _UNISTD_H

#include <sys/types.h>

#define STDIN_FILENO	0
#define STDOUT_FILENO	1
#define STDERR_FILENO	2

ssize_t write(int fd, const void *buf, size_t n);
void _exit(int status) __attribute__((__noreturn__));
pid_t getpid(void);

/* The program break (lib/libc/sbrk.c): the heap above _end. */
int brk(void *addr);
void *sbrk(intptr_t incr);

#endif /* _UNISTD_H */
