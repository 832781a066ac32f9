/* minix/bootmods.h - the boot modules as RS sees them.
 *
 * The kernel copies every boot module into RS's address space: this
 * table at BOOT_MODS_BASE, then each module's bytes, page-aligned.  RS
 * reads the services' privileges from the data module system.conf (the
 * .conf files of the image's services, put together by the build),
 * restarts a boot service from its ELF copy here, and lends the data
 * module *.img, if any, to the memory driver as its RAM disk (a grant it
 * maps), so that the disk outlives the driver's restarts.
 */
#ifndef _MINIX_BOOTMODS_H
#define _MINIX_BOOTMODS_H

#include <stdint.h>
#include <minix/type.h>
#include <minix/endpoint.h>
#include <minix/config.h>

#define BOOT_MODS_BASE 0x80000000u
#define NR_BOOT_MODS   16
#define BOOT_ARGS_LEN  512 /* longer: the boot stops, naming the module */

struct boot_mod {
	char bm_name[PROC_NAME_LEN]; /* first word of the command line */
	char bm_args[BOOT_ARGS_LEN]; /* the rest of it ("" if none) */
	endpoint_t bm_endpt;         /* the process started from it; NONE: data */
	vir_bytes bm_addr;           /* its bytes in RS's address space */
	uint32_t bm_size;
};

struct boot_mods {
	int bm_count;
	struct boot_mod bm[NR_BOOT_MODS];
};

#endif
