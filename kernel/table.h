/* table.h - the boot image: which programs GRUB loads and their privileges. */
#ifndef TABLE_H
#define TABLE_H
#include "kernel.h"

#define ALL_CALLS (-1)
#define ALL_IPC   (-1)

struct boot_image {
	int nr;                 /* slot */
	const char *name;       /* the GRUB module's command line */
	uint32_t flags;         /* SYS_PROC, PREEMPTIBLE, ... */
	int priority, quantum;
	uint32_t traps;
	const int *calls;       /* kernel calls, ended by 0; or ALL_CALLS alone */
	const int *ipc_to;      /* slots, ended by NONE; or ALL_IPC alone */
	const struct io_range *io; /* ended by {0, 0} */
	const int *irqs;        /* ended by 0 */
	endpoint_t sig_mgr;     /* told about its faults (NONE: the kernel) */
};

extern const struct boot_image boot_image[];
extern const int nr_boot_image;
#endif
