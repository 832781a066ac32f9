/* main.c - the boot story.  GRUB has loaded us and the boot modules; each
 * step below depends only on the ones before it.
 */
#include "proc.h"
#include "memory.h"
#include "clock.h"
#include "system.h"
#include "exec.h"
#include "interrupt.h"
#include "iommu.h"

extern char _kernel_end[];
char kernel_cmdline[KERNEL_CMDLINE_LEN];

/* First byte above the kernel, the multiboot data and every module. */
static uint32_t reserved_end(struct multiboot_info *mbi)
{
	uint32_t end = (uint32_t)_kernel_end, i;
	const struct multiboot_mod *mods = (const struct multiboot_mod *)mbi->mods_addr;

	if (mbi->flags & MBI_FLAG_MODS)
		for (i = 0; i < mbi->mods_count; i++) {
			const char *s = (const char *)mods[i].string;
			if (mods[i].mod_end > end)
				end = mods[i].mod_end;
			if ((uint32_t)s + strlen(s) + 1 > end)
				end = (uint32_t)s + strlen(s) + 1;
		}
	return end;
}

void kmain(uint32_t magic, struct multiboot_info *mbi)
{
	serial_init();                 /* console and log: panics can print */
	if (magic != MULTIBOOT_BOOTLOADER_MAGIC)
		panic("not started by a multiboot loader (magic %x)", magic);
	if (mbi->flags & MBI_FLAG_CMDLINE)  /* for SYS_GETINFO */
		strlcpy_k(kernel_cmdline, (const char *)mbi->cmdline, sizeof(kernel_cmdline));
	prot_init();                   /* GDT, TSS, IDT */
	pic_init();                    /* IRQs remapped, all masked */
	mem_init(mbi, reserved_end(mbi)); /* frames, then paging on */
	iommu_init();                  /* VT-d, if there is one: all DMA blocked */
	proc_init();                   /* process table, kernel tasks */
	system_init();                 /* the kernel call table */
	load_boot_image(mbi);          /* boot modules become processes */
	clock_init();                  /* PIT at HZ, boot time */
	irq_init();                    /* console dump keys until a driver */
	kprintf("kernel: up, HZ=%d\n", HZ);
	if ((mbi->flags & MBI_FLAG_CMDLINE) && strstr_k((const char *)mbi->cmdline, "selftest=panic"))
		panic("self-test: panic requested on the command line");
	switch_to_user();              /* never returns */
}
