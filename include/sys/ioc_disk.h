/* sys/ioc_disk.h - disk ioctl requests, MINIX's numbers: a block driver
 * of BLOCKDRIVER_TYPE_DISK answers DIOCGETP and DIOCSETP in libblockdriver
 * (struct part_geom, <minix/partition.h>), DIOCOPENCT in libblockdriver
 * too (the number of opens of the minor); the others go to bdr_ioctl.
 */
#ifndef _SYS_IOC_DISK_H
#define _SYS_IOC_DISK_H

/* The ioctl encoding of MINIX's <sys/ioccom.h>: direction (bits 29-31),
 * a "big" flag (bit 28, which no request here uses), the size of the
 * argument (bits 16-27), group letter, number.  _MINIX_IOCTL_*() take a
 * request apart, as a driver that builds BDEV_IOCTL itself does. */
#ifndef _IOC
#define IOCPARM_MASK	0xfff
#define IOCPARM_SHIFT	16
#define IOC_BIG		0x10000000UL
#define IOC_VOID	0x20000000UL
#define IOC_OUT		0x40000000UL
#define IOC_IN		0x80000000UL
#define IOC_INOUT	(IOC_IN | IOC_OUT)
#define _IOC(inout, group, num, len) \
	((unsigned long)((inout) | (((unsigned long)(len) & IOCPARM_MASK) << IOCPARM_SHIFT) | \
	((group) << 8) | (num)))
#define _IO(g, n)	_IOC(IOC_VOID, (g), (n), 0)
#define _IOR(g, n, t)	_IOC(IOC_OUT, (g), (n), sizeof(t))
#define _IOW(g, n, t)	_IOC(IOC_IN, (g), (n), sizeof(t))
#define _IOWR(g, n, t)	_IOC(IOC_IN | IOC_OUT, (g), (n), sizeof(t))
#define _MINIX_IOCTL_SIZE(i)	(((i) >> IOCPARM_SHIFT) & IOCPARM_MASK)
#define _MINIX_IOCTL_IOR(i)	((i) & IOC_OUT)
#define _MINIX_IOCTL_IOW(i)	((i) & IOC_IN)
#define _MINIX_IOCTL_IORW(i)	((i) & IOC_INOUT)
#define _MINIX_IOCTL_BIG(i)	((i) & IOC_BIG)
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
