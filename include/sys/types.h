/* sys/types.h - POSIX scalar types for user programs.
 *
 * Typedefs that <minix/type.h> also defines are guarded by the same macros
 * (_CLOCK_T, _TIME_T, _SSIZE_T, _PID_T, _OFF_T), so both headers can be included in
 * either order.  off_t is 64 bits, as in MINIX 3.2 and later.
 */
#ifndef _SYS_TYPES_H
#define _SYS_TYPES_H

#include <stddef.h>	/* size_t */
#include <stdint.h>

#ifndef _SSIZE_T
#define _SSIZE_T
typedef __PTRDIFF_TYPE__ ssize_t;	/* as in <minix/type.h> */
#endif
#ifndef _PID_T
#define _PID_T
typedef int pid_t;
#endif
#ifndef _CLOCK_T
#define _CLOCK_T
typedef long clock_t;
#endif
#ifndef _TIME_T
#define _TIME_T
typedef long time_t;
#endif

#ifndef _OFF_T
#define _OFF_T
typedef int64_t  off_t;		/* as in <minix/type.h> */
#endif
typedef uint32_t mode_t;
typedef uint32_t uid_t;
typedef uint32_t gid_t;
typedef uint32_t dev_t;
/* A device number: major and minor, 8 bits each (MINIX's encoding). */
#define major(d)		(((dev_t)(d) >> 8) & 0xff)
#define minor(d)		((dev_t)(d) & 0xff)
#define makedev(ma, mi)		((dev_t)((((ma) & 0xff) << 8) | ((mi) & 0xff)))
typedef uint32_t ino_t;
typedef uint32_t nlink_t;
typedef int32_t  blksize_t;	/* st_blksize */
typedef int64_t  blkcnt_t;	/* st_blocks: 512-byte units */

#endif /* _SYS_TYPES_H */
