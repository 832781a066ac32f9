/* sys/select.h - select(): wait until descriptors are ready to read, to
 * write, or have an exceptional condition, or a time has passed
 * (lib/libposix/select.c: VFS_SELECT; docs/vfs.md "select").
 *
 * An fd_set holds FD_SETSIZE bits (MINIX's 256; a process has at most 64
 * descriptors open, so a set bit at 64 or above is EBADF).
 */
#ifndef _SYS_SELECT_H
#define _SYS_SELECT_H

#include <stdint.h>
#include <sys/types.h>
#include <sys/time.h>	/* struct timeval */

#define FD_SETSIZE	256
#define __NFDBITS	32	/* bits in one word of an fd_set */

typedef struct {
	uint32_t fds_bits[FD_SETSIZE / __NFDBITS];
} fd_set;

#define __FD_WORD(n)	((unsigned)(n) / __NFDBITS)
#define __FD_BIT(n)	(1u << ((unsigned)(n) % __NFDBITS))
#define FD_SET(n, p)	((p)->fds_bits[__FD_WORD(n)] |= __FD_BIT(n))
#define FD_CLR(n, p)	((p)->fds_bits[__FD_WORD(n)] &= ~__FD_BIT(n))
#define FD_ISSET(n, p)	(((p)->fds_bits[__FD_WORD(n)] & __FD_BIT(n)) != 0)
#define FD_ZERO(p)	do {						\
		unsigned __i;						\
		for (__i = 0; __i < FD_SETSIZE / __NFDBITS; __i++)	\
			(p)->fds_bits[__i] = 0;				\
	} while (0)
#define FD_COPY(f, t)	(*(t) = *(f))

/* The number of bits set in the three sets on return (each set keeps the
 * descriptors that are ready), 0 when timeout passed, or -1 and errno:
 * EBADF (a set bit is not an open descriptor), EINVAL (nfds < 0 or above
 * FD_SETSIZE, a negative or malformed timeout), EINTR (a signal), EIO (the
 * driver of a device waited on died), EFAULT.  timeout NULL: wait as long
 * as it takes; {0, 0}: look and return. */
int select(int nfds, fd_set *restrict readfds, fd_set *restrict writefds,
	fd_set *restrict errorfds, struct timeval *restrict timeout);

#endif /* _SYS_SELECT_H */
