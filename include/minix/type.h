/* minix/type.h - basic scalar types shared by the kernel and user space. */
#ifndef _MINIX_TYPE_H
#define _MINIX_TYPE_H

#include <stddef.h>
#include <stdint.h>

typedef uint32_t vir_bytes;  /* virtual address or length in bytes */
typedef uint32_t phys_bytes; /* physical address or length in bytes */
typedef int32_t cp_grant_id_t; /* a grant ID (minix/safecopies.h) */
typedef uint32_t clock_t_;   /* ticks since boot (see clock_t below) */
typedef int      bitchunk_t_unused;

#ifndef _CLOCK_T
#define _CLOCK_T
typedef long clock_t;
#endif
#ifndef _TIME_T
#define _TIME_T
typedef long time_t;
#endif
#ifndef _SIZE_T_DEFINED
#define _SIZE_T_DEFINED
#endif
#ifndef _SSIZE_T
#define _SSIZE_T
typedef __PTRDIFF_TYPE__ ssize_t;
#endif
#ifndef _PID_T
#define _PID_T
typedef int pid_t;
#endif
#ifndef _OFF_T
#define _OFF_T
typedef int64_t off_t;       /* 64 bits, as in <sys/types.h> */
#endif
typedef uint32_t sigset_t_;

/* MINIX's short names. */
typedef uint8_t  u8_t;
typedef uint16_t u16_t;
typedef uint32_t u32_t;
typedef uint64_t u64_t;
typedef int8_t   i8_t;
typedef int16_t  i16_t;
typedef int32_t  i32_t;
typedef int64_t  i64_t;
typedef int devminor_t;      /* a device's minor number, in driver calls */
typedef uint32_t cdev_id_t;  /* a character request's ID (CDEV_CANCEL) */

/* An I/O vector element, MINIX's two kinds (both 8 bytes): iovec_t, what
 * a block driver's bdr_transfer gets (iov_addr holds a grant id, or an
 * address of the driver's own for a SELF transfer), and iovec_s_t, what a
 * client puts in the vector it grants for BDEV_GATHER/BDEV_SCATTER. */
typedef struct { vir_bytes iov_addr; vir_bytes iov_size; } iovec_t;
typedef struct { cp_grant_id_t iov_grant; vir_bytes iov_size; } iovec_s_t;

/* One physical range returned by SYS_VUMAP. */
struct vumap_phys {
	phys_bytes vp_addr;
	phys_bytes vp_size;
};

/* One virtual range passed to SYS_VUMAP: a grant and a length. */
struct vumap_vir {
	int vv_grant;    /* cp_grant_id_t of the caller's grantor */
	vir_bytes vv_size;
};

#endif
