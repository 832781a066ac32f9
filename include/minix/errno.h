/* minix/errno.h - error numbers (included by <errno.h>).
 *
 * As in MINIX: code built with _SYSTEM (kernel, servers, drivers, libsys and
 * the system tests) sees every E* value negative, so a kernel call or a
 * request returns OK (0) or a negative E*; ordinary programs see positive
 * values in errno.  POSIX numbers follow Linux/NetBSD for 1..34.
 */
#ifndef _MINIX_ERRNO_H
#define _MINIX_ERRNO_H

#ifdef _SYSTEM
#define _SIGN -
#ifndef OK
#define OK 0
#endif
#else
#define _SIGN
#endif

#define EGENERIC     (_SIGN 99)
#define EPERM        (_SIGN 1)
#define ENOENT       (_SIGN 2)
#define ESRCH        (_SIGN 3)
#define EINTR        (_SIGN 4)
#define EIO          (_SIGN 5)
#define ENXIO        (_SIGN 6)
#define E2BIG        (_SIGN 7)
#define ENOEXEC      (_SIGN 8)
#define EBADF        (_SIGN 9)
#define ECHILD       (_SIGN 10)
#define EAGAIN       (_SIGN 11)
#define ENOMEM       (_SIGN 12)
#define EACCES       (_SIGN 13)
#define EFAULT       (_SIGN 14)
#define ENOTBLK      (_SIGN 15)
#define EBUSY        (_SIGN 16)
#define EEXIST       (_SIGN 17)
#define EXDEV        (_SIGN 18)
#define ENODEV       (_SIGN 19)
#define ENOTDIR      (_SIGN 20)
#define EISDIR       (_SIGN 21)
#define EINVAL       (_SIGN 22)
#define ENFILE       (_SIGN 23)
#define EMFILE       (_SIGN 24)
#define ENOTTY       (_SIGN 25)
#define ETXTBSY      (_SIGN 26)
#define EFBIG        (_SIGN 27)
#define ENOSPC       (_SIGN 28)
#define ESPIPE       (_SIGN 29)
#define EROFS        (_SIGN 30)
#define EMLINK       (_SIGN 31)
#define EPIPE        (_SIGN 32)
#define EDOM         (_SIGN 33)
#define ERANGE       (_SIGN 34)
#define EDEADLK      (_SIGN 35)
#define ENAMETOOLONG (_SIGN 36)
#define ENOLCK       (_SIGN 37)
#define ENOSYS       (_SIGN 38)
#define ENOTEMPTY    (_SIGN 39)
#define ELOOP        (_SIGN 40)
#define ENOTSUP      (_SIGN 95)
#define ETIMEDOUT    (_SIGN 110)

/* MINIX-specific codes of the IPC layer and kernel calls. */
#define ERESTART     (_SIGN 185)
#define ELOCKED      (_SIGN 201) /* send would deadlock */
#define EBADCALL     (_SIGN 202) /* unknown kernel call or IPC primitive */
#define ECALLDENIED  (_SIGN 204) /* privileges forbid the call or target */
#define EDEADSRCDST  (_SIGN 205) /* source or destination dead or stale */
#define EDEADEPT     EDEADSRCDST
#define ENOTREADY    (_SIGN 206) /* non-blocking send: target not ready */
#define EBADREQUEST  (_SIGN 207) /* target cannot handle the request */
#define ETRAPDENIED  (_SIGN 210) /* IPC primitive not allowed */
#define EDONTREPLY   (_SIGN 301) /* internal: do not reply */


#endif /* _MINIX_ERRNO_H */
