/* exec.c - the ELF loader (boot modules and SYS_EXEC) and the boot story
 * of the modules: each GRUB module is an ELF executable named by its
 * command line; it becomes a process, in its own address space, in ring 3,
 * in the slot the boot image (table.c) gives its name or a free one.  All
 * but RS start stopped; RS gets a copy of every module (minix/bootmods.h)
 * and lets each run once it has installed its privileges.  A module named
 * *.conf or *.img is data, copied to RS like the others and not run (RS
 * reads the .conf files; it lends an .img to the memory driver, which
 * serves it as its RAM disk: the kernel knows nothing of disks).
 */
#include "proc.h"
#include "memory.h"
#include "table.h"
#include "exec.h"
#include "grant.h"
#include "interrupt.h"
#include "clock.h"
#include <minix/bootmods.h>

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

/* A boot module's command line (name and arguments, one word per
 * argument) may have up to BOOT_ARGS words in BOOT_ARGS_BYTES bytes; a
 * longer one stops the boot with an error naming the module, never cut
 * short silently. */
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

/* The boot modules, recorded for RS (minix/bootmods.h). */
static struct boot_mods bmods;
static const struct multiboot_mod *bmod_src[NR_BOOT_MODS];

/* Split a module's command line "name arg ..." into words. */
static int split_words(const char *s, char *words, size_t size, char **argv)
{
	char *w = words;
	int argc = 0;

	while (*s) {
		while (*s == ' ')
			s++;
		if (!*s)
			break;
		if (argc == BOOT_ARGS || strlen(s) >= (size_t)(words + size - w))
			panic("boot module '%s': command line longer than %d words or %d bytes",
			    argc ? argv[0] : "?", BOOT_ARGS, BOOT_ARGS_BYTES);
		argv[argc++] = w;
		while (*s && *s != ' ')
			*w++ = *s++;
		*w++ = '\0';
	}
	return argc;
}

/* Remember module mod (process e, or NONE for data) for RS. */
static void record_mod(const struct multiboot_mod *mod, const char *name, endpoint_t e)
{
	struct boot_mod *bm;
	const char *args = (const char *)mod->string;

	if (bmods.bm_count == NR_BOOT_MODS)
		panic("boot: more than %d boot modules", NR_BOOT_MODS);
	bmod_src[bmods.bm_count] = mod;
	bm = &bmods.bm[bmods.bm_count++];
	strlcpy_k(bm->bm_name, name, sizeof(bm->bm_name));
	while (*args == ' ')
		args++;
	while (*args && *args != ' ')
		args++;
	while (*args == ' ')
		args++;
	if (strlen(args) >= sizeof(bm->bm_args))
		panic("boot module '%s': arguments longer than %d bytes", name,
		    (int)sizeof(bm->bm_args) - 1);
	strlcpy_k(bm->bm_args, args, sizeof(bm->bm_args));
	bm->bm_endpt = e;
	bm->bm_size = mod->mod_end - mod->mod_start;
}

/* The process for boot module name: its fixed slot if the boot image
 * names one, else a free slot. */
static struct proc *boot_slot(const char *name)
{
	struct proc *p;
	int i;

	for (i = 0; i < nr_boot_image; i++) {
		if (strcmp(boot_image[i].name, name) != 0)
			continue;
		p = proc_addr(boot_image[i].nr);
		if (!isemptyp(p))
			panic("boot module '%s': slot %d already used", name, boot_image[i].nr);
		memset(p, 0, sizeof(*p));
		p->p_nr = boot_image[i].nr;
		p->p_endpoint = _ENDPOINT(0, p->p_nr);
		p->p_rts_flags = RTS_NO_PRIV;
		return p;
	}
	if (!(p = proc_alloc()))
		panic("boot module '%s': no free slot", name);
	return p;
}

/* Start one boot process from a module, stopped until RS gives it its
 * privileges (RS itself: with the kernel's); a bad module is a panic. */
static void start_boot_proc(const struct multiboot_mod *mod)
{
	static char words[BOOT_ARGS_BYTES];
	char *argv[BOOT_ARGS];
	const char *name;
	struct proc *p;
	int r, argc, is_rs;

	argc = split_words((const char *)mod->string, words, sizeof(words), argv);
	if (argc == 0)
		panic("boot module without a name");
	name = argv[0];
	is_rs = strcmp(name, "rs") == 0;
	p = boot_slot(name);
	p->p_priority = p->p_base_prio = is_rs ? RS_PRIORITY : USER_Q;
	p->p_quantum = p->p_ticks_left = DEFAULT_QUANTUM;
	p->p_sig_mgr = is_rs ? NONE : RS_PROC_NR;
	p->p_getfrom_e = p->p_sendto_e = NONE;
	strlcpy_k(p->p_name, name, sizeof(p->p_name));
	if (is_rs)
		rs_privileges(&p->p_priv.s_desc);
	if ((r = as_new(p)) != OK ||
	    (r = elf_load(p, (const uint8_t *)mod->mod_start, mod->mod_end - mod->mod_start)) != OK)
		panic("boot module '%s' cannot be loaded: error %d", name, r);
	boot_args(p, argv, argc);
	record_mod(mod, name, p->p_endpoint);
	if (is_rs)
		proc_resume(p, RTS_NO_PRIV);
	kprintf("boot: %s (endpoint %d) at %p\n", name, p->p_endpoint, p->p_reg.eip);
}

static int has_suffix(const char *name, const char *suffix)
{
	size_t n = strlen(name), k = strlen(suffix);

	return n > k && strcmp(name + n - k, suffix) == 0;
}

/* A module named *.conf (the services' privileges) or *.img (a disk
 * image, for the memory driver) is data. */
static int is_data(const char *name)
{
	return has_suffix(name, ".conf") || has_suffix(name, ".img");
}

/* Copy size bytes of kernel memory src to va in p's (fresh) pages. */
static int load_into(struct proc *p, vir_bytes va, const void *src, uint32_t size)
{
	uint32_t off;

	if (as_alloc_range(p, va, size ? size : 1, 1) != OK)
		return ENOMEM;
	for (off = 0; off < size; off += PAGE_SIZE) {
		phys_bytes pa;
		uint32_t chunk = size - off < PAGE_SIZE ? size - off : PAGE_SIZE;
		CHECK(as_translate(p, va + off, 1, &pa) == OK);
		memcpy((void *)pa, (const uint8_t *)src + off, chunk);
	}
	return OK;
}

/* Give RS the table of boot modules and a copy of each at BOOT_MODS_BASE
 * in its address space, page-aligned. */
static void give_mods_to_rs(void)
{
	struct proc *rs = proc_addr(RS_PROC_NR);
	vir_bytes va = BOOT_MODS_BASE + ((sizeof(bmods) + PAGE_SIZE - 1) & PAGE_MASK);
	int i;

	if (isemptyp(rs)) {
		kprintf("boot: no rs: the boot processes stay stopped\n");
		return;
	}
	for (i = 0; i < bmods.bm_count; i++) {
		struct boot_mod *bm = &bmods.bm[i];
		const void *src = (const void *)bmod_src[i]->mod_start;
		bm->bm_addr = va;
		if (bm->bm_size > USER_TOP - va || load_into(rs, va, src, bm->bm_size) != OK)
			panic("boot: no room for boot module %s (%u bytes) in rs",
			    bm->bm_name, bm->bm_size);
		va += (bm->bm_size + PAGE_SIZE - 1) & PAGE_MASK;
		if (!bm->bm_size)
			va += PAGE_SIZE;
	}
	if (as_alloc_range(rs, BOOT_MODS_BASE, sizeof(bmods), 1) != OK ||
	    copy_to_proc(rs, BOOT_MODS_BASE, &bmods, sizeof(bmods)) != OK)
		panic("boot: no room for the boot module table in rs");
}

void load_boot_image(struct multiboot_info *mbi)
{
	const struct multiboot_mod *mods = (const struct multiboot_mod *)mbi->mods_addr;
	uint32_t i;

	if (!(mbi->flags & MBI_FLAG_MODS) || mbi->mods_count == 0)
		panic("no boot modules: nothing to run");
	for (i = 0; i < mbi->mods_count; i++) {
		const char *name = (const char *)mods[i].string;
		if (is_data(name))
			record_mod(&mods[i], name, NONE);
		else
			start_boot_proc(&mods[i]);
	}
	give_mods_to_rs();
	/* The modules' own pages are not needed any more. */
	for (i = 0; i < mbi->mods_count; i++)
		mem_free_range(mods[i].mod_start, mods[i].mod_end);
}
