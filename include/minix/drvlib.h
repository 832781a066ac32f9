/* minix/drvlib.h - MBR partitions for disk drivers (libblockdriver),
 * MINIX's minor numbering:
 *
 *   minor d * DEV_PER_DRIVE           dD, the whole disk D
 *   minor d * DEV_PER_DRIVE + 1 + p   dDpP, primary partition P (0..3)
 *   MINOR_d0p0s0 + (d * 4 + p) * 4 + s  dDpPsS, subpartition S of dDpP:
 *       of a MINIX partition (type 0x81, a table of its own) or the
 *       logical partitions of an extended one (0x05, 0x0f), in order.
 *
 * partition(bdp, minor, P_PRIMARY, 0) reads disk minor's table (through
 * bdp->bdr_transfer, with a grant of the driver's to itself: endpt is
 * sef_self(), not SELF as in MINIX) and fills the struct devices that
 * bdp->bdr_part() gives for its partitions and their subpartitions; a
 * partition that sticks out of its disk is cut at the disk's end.  An
 * unused entry gives a partition of 0 bytes.  atapi is ignored.
 */
#ifndef _MINIX_DRVLIB_H
#define _MINIX_DRVLIB_H
#include <minix/blockdriver.h>

void partition(const struct blockdriver *bdp, int device, int style, int atapi);

#define DEV_PER_DRIVE	(1 + NR_PARTITIONS)
#define SUB_PER_DRIVE	(NR_PARTITIONS * NR_PARTITIONS)
#define MINOR_t0	64
#define MINOR_r0	120
#define MINOR_d0p0s0	128
#define MINOR_fd0p0	(28 << 2)
#define P_FLOPPY	0
#define P_PRIMARY	1
#define P_SUB		2

/* Ours: minor's struct device in a driver's tables of ndrives drives,
 * part[drive][0] the whole disk, [1..4] its primary partitions, and
 * subpart[drive][p * 4 + s]; *drive set.  NULL if minor is none of them. */
struct device *drvlib_minor(struct device (*part)[DEV_PER_DRIVE],
	struct device (*subpart)[SUB_PER_DRIVE], int ndrives, devminor_t minor,
	int *drive);

#endif
