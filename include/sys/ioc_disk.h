/* sys/ioc_disk.h - disk ioctl requests, MINIX's numbers: a block driver
 * of BLOCKDRIVER_TYPE_DISK answers DIOCGETP and DIOCSETP in libblockdriver
 * (struct part_geom, <minix/partition.h>), DIOCOPENCT in libblockdriver
 * too (the number of opens of the minor); the others go to bdr_ioctl.
 */
#ifndef _SYS_IOC_DISK_H
#define _SYS_IOC_DISK_H

/* NetBSD's ioctl encoding, as MINIX's <minix/ioctl.h>: direction, size
 * of the argument, group letter, number. */
#ifndef _IOC
#define IOCPARM_MASK	0x1fff
#define IOC_VOID	0x20000000UL
#define IOC_OUT		0x40000000UL
#define IOC_IN		0x80000000UL
#define _IOC(inout, group, num, len) \
	((unsigned long)((inout) | (((unsigned long)(len) & IOCPARM_MASK) << 16) | \
	((group) << 8) | (num)))
#define _IO(g, n)	_IOC(IOC_VOID, (g), (n), 0)
#define _IOR(g, n, t)	_IOC(IOC_OUT, (g), (n), sizeof(t))
#define _IOW(g, n, t)	_IOC(IOC_IN, (g), (n), sizeof(t))
#define _IOWR(g, n, t)	_IOC(IOC_IN | IOC_OUT, (g), (n), sizeof(t))
#endif

#include <minix/partition.h>

#define DIOCSETP	_IOW('d', 3, struct part_geom)
#define DIOCGETP	_IOR('d', 4, struct part_geom)
#define DIOCEJECT	_IO('d', 5)
#define DIOCTIMEOUT	_IOWR('d', 6, int)
#define DIOCOPENCT	_IOR('d', 7, int)
#define DIOCFLUSH	_IO('d', 8)
#define DIOCSETWC	_IOW('d', 9, int)
#define DIOCGETWC	_IOR('d', 10, int)

#endif
