/* exec.h - loading ELF programs (boot modules). */
#ifndef EXEC_H
#define EXEC_H
#include "multiboot.h"
struct proc;
int elf_load(struct proc *p, const uint8_t *img, size_t size);
int elf_exec(struct proc *p, struct proc *src, vir_bytes img, size_t len,
	vir_bytes frame, size_t flen, int check_only, int *gone);
void load_boot_image(struct multiboot_info *mbi);
/* The kernel's command line ("root=virtio_blk:0 ..."), for GET_MONPARAMS. */
#define KERNEL_CMDLINE_LEN 256
extern char kernel_cmdline[KERNEL_CMDLINE_LEN];
#endif
