/* minix/const.h - small constants shared by the kernel and user space. */
#ifndef _MINIX_CONST_H
#define _MINIX_CONST_H
#ifndef OK
#define OK 0
#endif
#define TRUE  1
#define FALSE 0
#endif
