/* exec.h - loading ELF programs (boot modules). */
#ifndef EXEC_H
#define EXEC_H
#include "multiboot.h"
struct proc;
int elf_load(struct proc *p, const uint8_t *img, size_t size);
void load_boot_image(struct multiboot_info *mbi);
#endif
