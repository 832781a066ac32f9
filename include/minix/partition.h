/* minix/partition.h - where a partition lies on its disk and the disk's
 * geometry: the argument of DIOCGETP and DIOCSETP (<sys/ioc_disk.h>),
 * MINIX's struct part_geom.
 */
#ifndef _MINIX_PARTITION_H
#define _MINIX_PARTITION_H
#include <minix/type.h>

struct part_geom {
	u64_t base;		/* the partition's first byte on the disk */
	u64_t size;		/* its bytes */
	unsigned cylinders;	/* the disk's geometry (made up, for a disk */
	unsigned heads;		/* that has none) */
	unsigned sectors;
};

/* An MBR partition table entry (at PART_TABLE_OFF of sector 0, four of
 * them), MINIX's <machine/partition.h>. */
struct part_entry {
	u8_t bootind;		/* 0x80: the active partition */
	u8_t start_head, start_sec, start_cyl;
	u8_t sysind;		/* the partition's type, NO_PART if unused */
	u8_t last_head, last_sec, last_cyl;
	u32_t lowsec;		/* first sector, from the disk's (or for a
				 * logical partition its table's) start */
	u32_t size;		/* sectors */
} __attribute__((packed));

#define NR_PARTITIONS	4
#define PART_TABLE_OFF	0x1be
#define ACTIVE_FLAG	0x80
#define NO_PART		0x00
#define MINIX_PART	0x81	/* has a subpartition table of its own */
#define EXT_PART	0x05	/* extended: logical partitions inside */
#define EXT_PART_LBA	0x0f

#endif
