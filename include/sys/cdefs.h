/* sys/cdefs.h - compiler attributes under NetBSD's and MINIX's names. */
#ifndef _SYS_CDEFS_H
#define _SYS_CDEFS_H
#define __dead        __attribute__((__noreturn__))
#define __unused      __attribute__((__unused__))
#define __packed      __attribute__((__packed__))
#define __aligned(x)  __attribute__((__aligned__(x)))
#define __UNCONST(p)  ((void *)(unsigned long)(const void *)(p))
#define UNUSED(v)     __unused v     /* a parameter the function ignores */
#ifdef __cplusplus
#define __BEGIN_DECLS extern "C" {
#define __END_DECLS   }
#else
#define __BEGIN_DECLS
#define __END_DECLS
#endif
#endif
