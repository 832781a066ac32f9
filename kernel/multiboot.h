/* multiboot.h - the parts of the multiboot (v1) information GRUB gives us. */
#ifndef MULTIBOOT_H
#define MULTIBOOT_H
#include <stdint.h>

#define MULTIBOOT_BOOTLOADER_MAGIC 0x2BADB002
#define MBI_FLAG_CMDLINE 0x004
#define MBI_FLAG_MODS 0x008
#define MBI_FLAG_MMAP 0x040

struct multiboot_info {
	uint32_t flags, mem_lower, mem_upper, boot_device, cmdline;
	uint32_t mods_count, mods_addr;
	uint32_t syms[4];
	uint32_t mmap_length, mmap_addr;
};

struct multiboot_mod {
	uint32_t mod_start, mod_end, string, reserved;
};

struct multiboot_mmap {
	uint32_t size; /* of the rest of this entry */
	uint64_t addr, len;
	uint32_t type; /* 1: usable RAM */
} __attribute__((packed));

#endif
