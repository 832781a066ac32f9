/* minix/at_wini.h - at_wini's own BDEV_IOCTL requests (ours, for tests
 * and measurements): the argument is an int through the request's grant.
 */
#ifndef _MINIX_AT_WINI_H
#define _MINIX_AT_WINI_H

#define ATAIOCSPIO 0x41540001 /* 1: PIO only from now on; 0: DMA when possible */
#endif
