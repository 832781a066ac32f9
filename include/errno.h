/* errno.h - the E* numbers live in <minix/errno.h> (negative in _SYSTEM code). */
#ifndef _ERRNO_H
#define _ERRNO_H
#include <minix/errno.h>
extern int errno;
#endif
