/* exec.c - the boot image loader: each GRUB module is an ELF executable
 * named by its command line; it becomes the process of the boot-image entry
 * with that name, in its own address space, in ring 3.
 */
#include "proc.h"
#include "memory.h"
#include "table.h"
#include "exec.h"

#define ELF_MAGIC 0x464c457f
#define PT_LOAD 1
#define PF_W 2

struct elf_ehdr {
	uint32_t e_magic;
	uint8_t e_class, e_data, e_version, e_pad[9];
	uint16_t e_type, e_machine;
	uint32_t e_version2, e_entry, e_phoff, e_shoff, e_flags;
	uint16_t e_ehsize, e_phentsize, e_phnum, e_shentsize, e_shnum, e_shstrndx;
};
struct elf_phdr {
	uint32_t p_type, p_offset, p_vaddr, p_paddr, p_filesz, p_memsz, p_flags, p_align;
};

/* Copy into p's memory through the physical map (pages may be read-only). */
static void load_bytes(struct proc *p, vir_bytes va, const uint8_t *src, size_t n)
{
	while (n) {
		phys_bytes pa;
		size_t chunk = PAGE_SIZE - (va & ~PAGE_MASK);
		if (chunk > n)
			chunk = n;
		CHECK(as_translate(p, va, 0, &pa) == OK);
		memcpy((void *)pa, src, chunk);
		va += chunk, src += chunk, n -= chunk;
	}
}

/* Load ELF image [img, img+size) into p; set its entry point and stack. */
int elf_load(struct proc *p, const uint8_t *img, size_t size)
{
	const struct elf_ehdr *eh = (const struct elf_ehdr *)img;
	int i, r;

	if (size < sizeof(*eh) || eh->e_magic != ELF_MAGIC || eh->e_class != 1 ||
	    eh->e_machine != 3 || eh->e_type != 2 ||
	    eh->e_phentsize != sizeof(struct elf_phdr) ||
	    eh->e_phoff > size || eh->e_phnum > (size - eh->e_phoff) / sizeof(struct elf_phdr))
		return ENOEXEC;
	for (i = 0; i < eh->e_phnum; i++) {
		const struct elf_phdr *ph = (const struct elf_phdr *)(img + eh->e_phoff) + i;
		if (ph->p_type != PT_LOAD || ph->p_memsz == 0)
			continue;
		if (ph->p_filesz > ph->p_memsz || ph->p_offset > size ||
		    ph->p_filesz > size - ph->p_offset ||
		    !user_range_ok(ph->p_vaddr, ph->p_memsz))
			return ENOEXEC;
		if ((r = as_alloc_range(p, ph->p_vaddr, ph->p_memsz, ph->p_flags & PF_W)) != OK)
			return r;
		load_bytes(p, ph->p_vaddr, img + ph->p_offset, ph->p_filesz);
	}
	if ((r = as_alloc_range(p, USER_STACK_TOP - USER_STACK_PAGES * PAGE_SIZE,
	    USER_STACK_PAGES * PAGE_SIZE, 1)) != OK)
		return r;
	memset(&p->p_reg, 0, sizeof(p->p_reg));
	p->p_reg.cs = USER_CS;
	p->p_reg.ds = p->p_reg.es = p->p_reg.fs = p->p_reg.gs = p->p_reg.ss = USER_DS;
	p->p_reg.eflags = EFLAGS_IF | 0x2;
	p->p_reg.eip = eh->e_entry;
	p->p_reg.esp = USER_STACK_TOP - 16;
	return OK;
}

static void set_priv(struct priv_desc *d, const struct boot_image *b)
{
	int i;

	memset(d, 0, sizeof(*d));
	d->pd_flags = b->flags;
	d->pd_trap_mask = b->traps;
	if (b->calls[0] == ALL_CALLS)
		memset(d->pd_call_mask, 0xff, sizeof(d->pd_call_mask));
	else
		for (i = 0; b->calls[i]; i++)
			PD_SET(d->pd_call_mask, SYS_CALL_NR(b->calls[i]));
	if (b->ipc_to[0] == ALL_IPC)
		memset(d->pd_ipc_to, 0xff, sizeof(d->pd_ipc_to));
	else
		for (i = 0; b->ipc_to[i] != NONE; i++)
			PD_SET(d->pd_ipc_to, b->ipc_to[i] + NR_TASKS);
	for (i = 0; b->io[i].ior_limit && i < NR_IO_RANGE; i++)
		d->pd_io[d->pd_nr_io++] = b->io[i];
	for (i = 0; b->irqs[i] && i < NR_IRQ_LINE; i++)
		d->pd_irq[d->pd_nr_irq++] = b->irqs[i];
}

/* Start one boot process from a module; a bad module is a panic. */
static void start_boot_proc(const struct multiboot_mod *mod)
{
	const char *name = (const char *)mod->string;
	const struct boot_image *b = NULL;
	struct proc *p;
	int i, r;

	for (i = 0; i < nr_boot_image; i++)
		if (strcmp(boot_image[i].name, name) == 0)
			b = &boot_image[i];
	if (!b)
		panic("boot module '%s' is not in the boot image table", name);
	p = proc_addr(b->nr);
	if (!isemptyp(p))
		panic("boot module '%s': slot %d already used", name, b->nr);
	memset(p, 0, sizeof(*p));
	p->p_nr = b->nr;
	p->p_endpoint = _ENDPOINT(0, b->nr);
	p->p_rts_flags = RTS_NO_PRIV;
	p->p_priority = b->priority;
	p->p_quantum = p->p_ticks_left = b->quantum;
	p->p_sig_mgr = NONE;
	p->p_getfrom_e = p->p_sendto_e = NONE;
	strlcpy_k(p->p_name, name, sizeof(p->p_name));
	set_priv(&p->p_priv.s_desc, b);
	if ((r = as_new(p)) != OK ||
	    (r = elf_load(p, (const uint8_t *)mod->mod_start, mod->mod_end - mod->mod_start)) != OK)
		panic("boot module '%s' cannot be loaded: error %d", name, r);
	proc_resume(p, RTS_NO_PRIV);
	kprintf("boot: %s (endpoint %d) at %p\n", name, p->p_endpoint, p->p_reg.eip);
}

void load_boot_image(struct multiboot_info *mbi)
{
	const struct multiboot_mod *mods = (const struct multiboot_mod *)mbi->mods_addr;
	uint32_t i;

	if (!(mbi->flags & MBI_FLAG_MODS) || mbi->mods_count == 0)
		panic("no boot modules: nothing to run");
	for (i = 0; i < mbi->mods_count; i++)
		start_boot_proc(&mods[i]);
}
