/* table.h - the boot image: the fixed slots of the boot services, and the
 * privileges of RS, the one process whose privileges come from the kernel.
 */
#ifndef TABLE_H
#define TABLE_H
#include "kernel.h"

struct boot_image {
	int nr;                 /* slot (its endpoint is generation 0) */
	const char *name;       /* the GRUB module's name */
};

extern const struct boot_image boot_image[];
extern const int nr_boot_image;

#define RS_PRIORITY (TASK_Q + 1)
void rs_privileges(struct priv_desc *d);
#endif
