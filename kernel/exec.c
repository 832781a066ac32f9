/* exec.c - the boot image loader: each GRUB module is an ELF executable
 * named by its command line; it becomes the process of the boot-image entry
 * with that name, in its own address space, in ring 3.
 */
#include "proc.h"
#include "memory.h"
#include "table.h"
#include "exec.h"
#include "grant.h"
#include "interrupt.h"
#include "clock.h"

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

/* Where an image comes from: kernel memory (a boot module) or a process's
 * memory (SYS_EXEC: PM read the file into its own buffer). */
struct elf_src {
	struct proc *p;        /* NULL: kimg */
	const uint8_t *kimg;
	vir_bytes uimg;
	size_t size;
};

/* Copy [off, off+len) of the image to kernel address dst. */
static int src_read(const struct elf_src *s, uint32_t off, void *dst, size_t len)
{
	if (off > s->size || len > s->size - off)
		return ENOEXEC;
	if (s->p)
		return copy_from_proc(s->p, s->uimg + off, dst, len) == OK ? OK : EFAULT;
	memcpy(dst, s->kimg + off, len);
	return OK;
}

/* Copy len bytes from image offset off to va in p, through the physical
 * map (the pages may be read-only for p). */
static int src_load(const struct elf_src *s, struct proc *p, vir_bytes va, uint32_t off, size_t len)
{
	while (len) {
		phys_bytes pa;
		size_t chunk = PAGE_SIZE - (va & ~PAGE_MASK);
		int r;
		if (chunk > len)
			chunk = len;
		CHECK(as_translate(p, va, 0, &pa) == OK);
		if ((r = src_read(s, off, (void *)pa, chunk)) != OK)
			return r;
		va += chunk, off += chunk, len -= chunk;
	}
	return OK;
}

#define MAX_PHDRS 16

/* Read and check the headers: all segments inside the image and in user
 * space.  Nothing is changed. */
static int elf_check(const struct elf_src *s, struct elf_ehdr *eh,
	struct elf_phdr *ph, int *nph)
{
	int i, r;

	if ((r = src_read(s, 0, eh, sizeof(*eh))) != OK)
		return r;
	if (eh->e_magic != ELF_MAGIC || eh->e_class != 1 || eh->e_machine != 3 ||
	    eh->e_type != 2 || eh->e_phentsize != sizeof(struct elf_phdr) ||
	    eh->e_phnum == 0 || eh->e_phnum > MAX_PHDRS ||
	    !user_range_ok(eh->e_entry, 1))
		return ENOEXEC;
	if ((r = src_read(s, eh->e_phoff, ph, eh->e_phnum * sizeof(*ph))) != OK)
		return r;
	for (i = 0; i < eh->e_phnum; i++) {
		if (ph[i].p_type != PT_LOAD || ph[i].p_memsz == 0)
			continue;
		if (ph[i].p_filesz > ph[i].p_memsz || ph[i].p_offset > s->size ||
		    ph[i].p_filesz > s->size - ph[i].p_offset ||
		    !user_range_ok(ph[i].p_vaddr, ph[i].p_memsz) ||
		    ph[i].p_vaddr + ph[i].p_memsz > USER_STACK_TOP - USER_STACK_PAGES * PAGE_SIZE)
			return ENOEXEC;
	}
	*nph = eh->e_phnum;
	return OK;
}

/* Is page va covered by a writable segment? */
static int writable_page(const struct elf_phdr *ph, int nph, vir_bytes va)
{
	int i;

	for (i = 0; i < nph; i++)
		if (ph[i].p_type == PT_LOAD && (ph[i].p_flags & PF_W) &&
		    va + PAGE_SIZE > ph[i].p_vaddr && va < ph[i].p_vaddr + ph[i].p_memsz)
			return 1;
	return 0;
}

/* Load a checked image into p's (empty) address space and point its
 * registers at the entry, with the stack pointer at sp. */
static int elf_map(const struct elf_src *s, struct proc *p, const struct elf_ehdr *eh,
	const struct elf_phdr *ph, int nph, vir_bytes sp)
{
	int i, r;

	for (i = 0; i < nph; i++) {
		vir_bytes va;
		if (ph[i].p_type != PT_LOAD || ph[i].p_memsz == 0)
			continue;
		if ((r = as_alloc_range(p, ph[i].p_vaddr, ph[i].p_memsz, 1)) != OK ||
		    (r = src_load(s, p, ph[i].p_vaddr, ph[i].p_offset, ph[i].p_filesz)) != OK)
			return r;
		if (ph[i].p_flags & PF_W)
			continue;
		/* Text and read-only data: take the write bit away. */
		for (va = ph[i].p_vaddr & PAGE_MASK; va < ph[i].p_vaddr + ph[i].p_memsz; va += PAGE_SIZE)
			if (!writable_page(ph, nph, va))
				*as_pte(p, va) &= ~PTE_W;
	}
	if ((r = as_alloc_range(p, USER_STACK_TOP - USER_STACK_PAGES * PAGE_SIZE,
	    USER_STACK_PAGES * PAGE_SIZE, 1)) != OK)
		return r;
	memset(&p->p_reg, 0, sizeof(p->p_reg));
	p->p_reg.cs = USER_CS;
	p->p_reg.ds = p->p_reg.es = p->p_reg.fs = p->p_reg.gs = p->p_reg.ss = USER_DS;
	p->p_reg.eflags = EFLAGS_IF | 0x2;
	p->p_reg.eip = eh->e_entry;
	p->p_reg.esp = sp;
	return OK;
}

/* Load ELF image [img, img+size) of kernel memory into p (a boot module). */
int elf_load(struct proc *p, const uint8_t *img, size_t size)
{
	struct elf_src s = { NULL, img, 0, size };
	struct elf_phdr ph[MAX_PHDRS];
	struct elf_ehdr eh;
	int nph, r;

	if ((r = elf_check(&s, &eh, ph, &nph)) != OK)
		return r;
	return elf_map(&s, p, &eh, ph, nph, USER_STACK_TOP - 16);
}

/* SYS_EXEC's work: replace p's program by the image at [img, img+len) in
 * src's memory, with the argument block [frame, frame+flen) of src at the
 * top of the new stack.  Before the point of no return (the old memory
 * going away) every error leaves p as it was; after it, an error (out of
 * memory) leaves p empty and the caller must remove it. */
int elf_exec(struct proc *p, struct proc *src, vir_bytes img, size_t len,
	vir_bytes frame, size_t flen, int check_only, int *gone)
{
	struct elf_src s = { src, NULL, img, len };
	struct elf_phdr ph[MAX_PHDRS];
	struct elf_ehdr eh;
	vir_bytes sp;
	int nph, r;

	*gone = 0;
	if (flen > USER_STACK_PAGES * PAGE_SIZE / 2)
		return E2BIG;
	if (flen && !user_range_ok(frame, flen))
		return EFAULT;
	if ((r = elf_check(&s, &eh, ph, &nph)) != OK)
		return r;
	if (flen && user_readable(src, frame, flen) != OK)
		return EFAULT;
	if (user_readable(src, img, len) != OK)
		return EFAULT;
	if (check_only)
		return OK;
	sp = (USER_STACK_TOP - flen) & ~15u;
	/* The point of no return: the old program's grants, mappings, IRQ
	 * hooks, alarm and SENDA table go with its memory. */
	*gone = 1;
	grant_proc_exit(p);
	irq_cleanup(p);
	clock_set_alarm(p, 0);
	priv(p)->s_asyntab = 0;
	priv(p)->s_asynsize = 0;
	as_clear(p);
	if ((r = elf_map(&s, p, &eh, ph, nph, sp)) != OK)
		return r;
	if (flen && vir_copy(src, frame, p, sp, flen) != OK)
		return EFAULT;
	*gone = 0;
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

/* Start one boot process from a module; a bad module is a panic.  Its
 * command line (name and arguments, one word per argument) may have up to
 * BOOT_ARGS words in BOOT_ARGS_BYTES bytes; a longer one stops the boot
 * with an error naming the module, never cut short silently. */
#define BOOT_ARGS 256
#define BOOT_ARGS_BYTES 4096

/* Put the words of the module's command line at the top of p's stack as
 * argc, argv[], NULL, envp = NULL, the strings (what SYS_EXEC gives a
 * program), and point the stack pointer at argc. */
static void boot_args(struct proc *p, char *const *argv, int argc)
{
	static uint32_t frame[(BOOT_ARGS + 3) + BOOT_ARGS_BYTES / 4];
	char *str = (char *)&frame[argc + 3];
	size_t len;
	vir_bytes base;
	int i;

	for (i = 0, len = 0; i < argc; i++)
		len += strlen(argv[i]) + 1;
	len += (argc + 3) * 4;
	if (len > sizeof(frame))
		panic("boot module '%s': arguments too long", argv[0]);
	base = (USER_STACK_TOP - len) & ~15u;
	frame[0] = (uint32_t)argc;
	for (i = 0; i < argc; i++) {
		frame[1 + i] = base + (vir_bytes)(str - (char *)frame);
		strlcpy_k(str, argv[i], strlen(argv[i]) + 1);
		str += strlen(argv[i]) + 1;
	}
	frame[1 + argc] = 0;
	frame[2 + argc] = 0;
	CHECK(copy_to_proc(p, base, frame, len) == OK);
	p->p_reg.esp = base;
}

static void start_boot_proc(const struct multiboot_mod *mod)
{
	static char words[BOOT_ARGS_BYTES];
	static char *argv[BOOT_ARGS];
	char *w = words;
	const char *s = (const char *)mod->string, *name;
	const struct boot_image *b = NULL;
	struct proc *p;
	int i, r, argc = 0;

	/* "name arg ...": the name picks the boot image entry. */
	while (*s) {
		while (*s == ' ')
			s++;
		if (!*s)
			break;
		if (argc == BOOT_ARGS || strlen(s) >= (size_t)(words + sizeof(words) - w))
			panic("boot module '%s': command line longer than %d words or %d bytes",
			    argc ? argv[0] : "?", BOOT_ARGS, BOOT_ARGS_BYTES);
		argv[argc++] = w;
		while (*s && *s != ' ')
			*w++ = *s++;
		*w++ = '\0';
	}
	if (argc == 0)
		panic("boot module without a name");
	name = argv[0];
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
	p->p_sig_mgr = b->sig_mgr;
	p->p_getfrom_e = p->p_sendto_e = NONE;
	strlcpy_k(p->p_name, name, sizeof(p->p_name));
	set_priv(&p->p_priv.s_desc, b);
	if ((r = as_new(p)) != OK ||
	    (r = elf_load(p, (const uint8_t *)mod->mod_start, mod->mod_end - mod->mod_start)) != OK)
		panic("boot module '%s' cannot be loaded: error %d", name, r);
	boot_args(p, argv, argc);
	proc_resume(p, RTS_NO_PRIV);
	kprintf("boot: %s (endpoint %d) at %p\n", name, p->p_endpoint, p->p_reg.eip);
}

uint32_t ramdisk_size;

static int is_image(const char *name)
{
	size_t n = strlen(name);

	return n > 4 && strcmp(name + n - 4, ".img") == 0;
}

/* A module named *.img is the RAM disk: its bytes go to the memory
 * driver's address space at RAMDISK_BASE. */
static void load_ramdisk(const struct multiboot_mod *mod)
{
	struct proc *mem = proc_addr(MEM_PROC_NR);
	uint32_t size = mod->mod_end - mod->mod_start, off;

	if (isemptyp(mem)) {
		kprintf("boot: %s ignored: no memory driver\n", (const char *)mod->string);
		return;
	}
	if (ramdisk_size || size > (USER_TOP - RAMDISK_BASE) / 2 ||
	    as_alloc_range(mem, RAMDISK_BASE, size, 1) != OK)
		panic("boot: RAM disk %s (%u bytes) does not fit", (const char *)mod->string, size);
	for (off = 0; off < size; off += PAGE_SIZE) {
		phys_bytes pa;
		uint32_t chunk = size - off < PAGE_SIZE ? size - off : PAGE_SIZE;
		CHECK(as_translate(mem, RAMDISK_BASE + off, 1, &pa) == OK);
		memcpy((void *)pa, (const void *)(mod->mod_start + off), chunk);
	}
	ramdisk_size = size;
	kprintf("boot: RAM disk %s, %u KiB\n", (const char *)mod->string, size / 1024);
}

void load_boot_image(struct multiboot_info *mbi)
{
	const struct multiboot_mod *mods = (const struct multiboot_mod *)mbi->mods_addr;
	uint32_t i;

	if (!(mbi->flags & MBI_FLAG_MODS) || mbi->mods_count == 0)
		panic("no boot modules: nothing to run");
	for (i = 0; i < mbi->mods_count; i++)
		if (!is_image((const char *)mods[i].string))
			start_boot_proc(&mods[i]);
	for (i = 0; i < mbi->mods_count; i++)
		if (is_image((const char *)mods[i].string))
			load_ramdisk(&mods[i]);
	/* The modules' own pages are not needed any more. */
	for (i = 0; i < mbi->mods_count; i++)
		mem_free_range(mods[i].mod_start, mods[i].mod_end);
}
