/* memory.c - physical page frames and per-process address spaces.
 *
 * Physical memory below USER_BASE (1 GiB) is identity-mapped, supervisor
 * only, in every address space (the first page is left out to catch NULL
 * pointers in the kernel).  User space is [USER_BASE, USER_TOP), mapped with
 * 4 KiB pages through per-process page tables.  Frames are reference
 * counted so that mappings (safemap), DMA holds (vumap) and fork's
 * copy-on-write sharing can share them.
 *
 * Copy-on-write (docs/kernel.md, "fork"): fork shares every private page
 * read-only (PTE_COW, plus PTE_COWW if it was writable) and the first
 * write, by the process or by the kernel on its behalf, gives the writer
 * a copy (or the frame itself, once no one else has it).  Only frames
 * referenced by nothing but page tables are shared this way: a page that
 * another process has mapped or a driver holds for DMA is copied at fork,
 * and a shared page is unshared before it is mapped or held, so neither a
 * mapping nor a DMA hold ever sees its page replaced.
 *
 * Entry points: mem_init, frame_*, as_*, and the checked copy routines.
 */
#include "memory.h"
#include "proc.h"

#define MAX_FRAMES (USER_BASE / PAGE_SIZE)

static uint32_t kernel_pd[1024] __attribute__((aligned(4096)));
static uint32_t low_pt[1024] __attribute__((aligned(4096)));
static uint32_t refcnt[MAX_FRAMES]; /* 32 bits: mappings cannot wrap it */
static phys_bytes free_head;
static unsigned nr_free, nr_total;
uint32_t loaded_cr3; /* the page directory in CR3 */
static phys_bytes ram_top; /* end of the highest RAM below USER_BASE */

static void free_push(phys_bytes pa)
{
	*(phys_bytes *)pa = free_head;
	free_head = pa;
	nr_free++;
}

static void add_region(uint64_t start, uint64_t end, uint32_t reserved_end)
{
	if (start < reserved_end)
		start = reserved_end;
	if (end > USER_BASE)
		end = USER_BASE;
	start = (start + PAGE_SIZE - 1) & PAGE_MASK;
	end &= PAGE_MASK;
	/* Push from the top down, so that frames come out in ascending order
	 * and pages allocated together tend to be physically contiguous. */
	for (; end > start; end -= PAGE_SIZE) {
		free_push((phys_bytes)(end - PAGE_SIZE));
		nr_total++;
	}
}

/* Build the free list from the memory map and turn paging on. */
void mem_init(struct multiboot_info *mbi, uint32_t reserved_end)
{
	uint32_t top = 0, i, cr0, cr4;

	if (mbi->flags & MBI_FLAG_MMAP) {
		uint32_t a = mbi->mmap_addr;
		while (a < mbi->mmap_addr + mbi->mmap_length) {
			struct multiboot_mmap *m = (struct multiboot_mmap *)a;
			if (m->type == 1) {
				add_region(m->addr, m->addr + m->len, reserved_end);
				if (m->addr + m->len > top)
					top = m->addr + m->len > USER_BASE ?
					    USER_BASE : (uint32_t)(m->addr + m->len);
			}
			a += m->size + 4;
		}
	} else {
		top = 0x100000 + mbi->mem_upper * 1024;
		add_region(0x100000, top, reserved_end);
	}
	if (nr_total < 256)
		panic("only %u free page frames", nr_total);
	ram_top = top;

	for (i = 1; i < 1024; i++)
		low_pt[i] = (i << 12) | PTE_P | PTE_W;
	kernel_pd[0] = (uint32_t)low_pt | PTE_P | PTE_W;
	for (i = 1; i < KERNEL_PDES && (i << 22) < top; i++)
		kernel_pd[i] = (i << 22) | PTE_P | PTE_W | PTE_PS;

	__asm__ volatile("mov %%cr4, %0" : "=r"(cr4));
	__asm__ volatile("mov %0, %%cr4" : : "r"(cr4 | 0x10)); /* PSE */
	loaded_cr3 = (uint32_t)kernel_pd;
	write_cr3(loaded_cr3);
	__asm__ volatile("mov %%cr0, %0" : "=r"(cr0));
	cr0 |= 0x80010000u; /* PG, WP: the kernel honours read-only user pages */
	cr0 |= 0x4;         /* EM: no FPU for now; a use traps (#NM) */
	__asm__ volatile("mov %0, %%cr0" : : "r"(cr0));
}

/* The end of RAM below USER_BASE: no frame is at or above it. */
phys_bytes mem_top(void)
{
	return ram_top;
}

/* Device registers at physical pa (below 4 GiB, above the RAM) for the
 * kernel: the 4 MiB around pa as one uncached large page at the top of
 * the identity-mapped area (the PDE just below USER_BASE, which RAM
 * under 1020 MiB never uses).  Before the first address space is made
 * (as_new copies the kernel's PDEs); one such window.  NULL if the PDE
 * is taken. */
void *kmap_mmio(phys_bytes pa)
{
	int i = KERNEL_PDES - 1;

	if (kernel_pd[i] & PTE_P)
		return NULL;
	kernel_pd[i] = (pa & 0xffc00000u) | PTE_P | PTE_W | PTE_PS | 0x18; /* PCD, PWT */
	write_cr3(loaded_cr3);
	return (void *)((uint32_t)i << 22 | (pa & 0x3fffffu));
}

/* Give the whole pages inside [start, end) to the allocator (boot
 * modules, once loaded). */
void mem_free_range(uint32_t start, uint32_t end)
{
	start = (start + PAGE_SIZE - 1) & PAGE_MASK;
	end &= PAGE_MASK;
	for (; start < end && end <= USER_BASE; start += PAGE_SIZE) {
		free_push(start);
		nr_total++;
	}
}

/* A frame with one reference, its contents left as they are. */
static phys_bytes frame_take(void)
{
	phys_bytes pa = free_head;

	if (!pa)
		return 0;
	free_head = *(phys_bytes *)pa;
	nr_free--;
	KASSERT(refcnt[pa / PAGE_SIZE] == 0);
	refcnt[pa / PAGE_SIZE] = 1;
	return pa;
}

phys_bytes frame_alloc(void)
{
	phys_bytes pa = frame_take();

	if (pa)
		memset((void *)pa, 0, PAGE_SIZE);
	return pa;
}

/* n physically contiguous frames, each zeroed with one reference, all
 * below `below` and the first aligned to `align` (a power of two, at
 * least a page); 0 if there is no such run.  For alloc_contig (SYS_VMCTL
 * VMCTL_ALLOC_CONTIG): rare, so it walks the free list twice, marking
 * the free frames in a bitmap, then taking the run out of the list. */
phys_bytes frames_take_contig(unsigned n, phys_bytes below, phys_bytes align)
{
	static uint32_t freemap[MAX_FRAMES / 32];
	phys_bytes pa, *link, first = 0;
	unsigned f, k, lim;

	if (n == 0 || n > nr_free)
		return 0;
	memset(freemap, 0, sizeof(freemap));
	for (pa = free_head; pa; pa = *(phys_bytes *)pa)
		freemap[pa / PAGE_SIZE / 32] |= 1u << (pa / PAGE_SIZE % 32);
	lim = (below > USER_BASE ? USER_BASE : below) / PAGE_SIZE;
	for (f = 0; f + n <= lim; f += align / PAGE_SIZE) {
		for (k = 0; k < n && (freemap[(f + k) / 32] >> ((f + k) % 32) & 1); k++)
			;
		if (k == n) {
			first = (phys_bytes)f * PAGE_SIZE;
			break;
		}
	}
	if (!first)
		return 0;
	for (link = &free_head; *link; ) {
		pa = *link;
		if (pa >= first && pa < first + n * PAGE_SIZE) {
			*link = *(phys_bytes *)pa;
			nr_free--;
			KASSERT(refcnt[pa / PAGE_SIZE] == 0);
			refcnt[pa / PAGE_SIZE] = 1;
		} else {
			link = (phys_bytes *)pa;
		}
	}
	memset((void *)first, 0, n * PAGE_SIZE);
	return first;
}

void frame_ref(phys_bytes pa)
{
	KASSERT(refcnt[pa / PAGE_SIZE] > 0);
	refcnt[pa / PAGE_SIZE]++;
}

void frame_unref(phys_bytes pa)
{
	KASSERT(refcnt[pa / PAGE_SIZE] > 0);
	if (--refcnt[pa / PAGE_SIZE] == 0)
		free_push(pa);
}

unsigned frame_refcount(phys_bytes pa)
{
	return pa < USER_BASE ? refcnt[pa / PAGE_SIZE] : 0;
}

void frames_count(unsigned *nfree, unsigned *total)
{
	*nfree = nr_free;
	*total = nr_total;
}

int as_new(struct proc *p)
{
	phys_bytes pd = frame_alloc();

	if (!pd)
		return ENOMEM;
	memcpy((void *)pd, kernel_pd, KERNEL_PDES * 4);
	p->p_cr3 = pd;
	return OK;
}

/* Drop every user page and page table of p; keep its page directory. */
void as_clear(struct proc *p)
{
	uint32_t *pd = (uint32_t *)p->p_cr3;
	int i, j;

	for (i = KERNEL_PDES; i < 1024; i++) {
		uint32_t *pt;
		if (!(pd[i] & PTE_P))
			continue;
		pt = (uint32_t *)(pd[i] & PAGE_MASK);
		for (j = 0; j < 1024; j++)
			if (pt[j] & PTE_P)
				frame_unref(pt[j] & PAGE_MASK);
		frame_unref((phys_bytes)pt);
		pd[i] = 0;
	}
	if (loaded_cr3 == p->p_cr3)
		write_cr3(loaded_cr3); /* flush the TLB */
}

void as_free(struct proc *p)
{
	if (!p->p_cr3)
		return;
	as_clear(p);
	if (loaded_cr3 == p->p_cr3) {
		loaded_cr3 = (uint32_t)kernel_pd;
		write_cr3(loaded_cr3);
	}
	frame_unref(p->p_cr3);
	p->p_cr3 = 0;
}

uint32_t *as_pte(struct proc *p, vir_bytes va)
{
	uint32_t pde = ((uint32_t *)p->p_cr3)[va >> 22];

	if (!(pde & PTE_P) || va < USER_BASE)
		return NULL;
	return &((uint32_t *)(pde & PAGE_MASK))[(va >> 12) & 1023];
}

/* Map one page; the mapping takes over the caller's reference to pa. */
int as_map_page(struct proc *p, vir_bytes va, phys_bytes pa, uint32_t flags)
{
	uint32_t *pd = (uint32_t *)p->p_cr3, *pte;

	if (va < USER_BASE || va >= USER_TOP)
		return EFAULT;
	if (!(pd[va >> 22] & PTE_P)) {
		phys_bytes pt = frame_alloc();
		if (!pt)
			return ENOMEM;
		pd[va >> 22] = pt | PTE_P | PTE_W | PTE_U;
	}
	pte = as_pte(p, va);
	if (*pte & PTE_P)
		return EEXIST;
	*pte = (pa & PAGE_MASK) | (flags & (PTE_W | PTE_MAPPED | PTE_COW | PTE_COWW)) |
	    PTE_P | PTE_U;
	if (p->p_cr3 == loaded_cr3)
		invlpg(va);
	return OK;
}

int as_alloc_range(struct proc *p, vir_bytes va, vir_bytes len, int writable)
{
	vir_bytes end = va + len;
	int r;

	if (!user_range_ok(va, len))
		return EFAULT;
	for (va &= PAGE_MASK; va < end; va += PAGE_SIZE) {
		uint32_t *pte = as_pte(p, va);
		phys_bytes pa;
		if (pte && (*pte & PTE_P)) {
			if (*pte & PTE_MAPPED)
				return EEXIST; /* a grant mapping keeps its rights */
			if (writable)
				*pte |= (*pte & PTE_COW) ? PTE_COWW : PTE_W;
			continue;
		}
		if (!(pa = frame_alloc()))
			return ENOMEM;
		if ((r = as_map_page(p, va, pa, writable ? PTE_W : 0)) != OK) {
			frame_unref(pa);
			return r;
		}
	}
	return OK;
}

/* Copy-on-write: see the top of this file. */
uint32_t cow_break(uint32_t *ptep, uint32_t pd, vir_bytes va)
{
	uint32_t pte = *ptep;
	phys_bytes old = pte & PAGE_MASK, pa = old;

	if (!(pte & PTE_COW))
		return pte;
	if (refcnt[old / PAGE_SIZE] > 1) {
		if (!(pa = frame_take()))
			return 0;
		memcpy((void *)pa, (const void *)old, PAGE_SIZE);
		frame_unref(old);
	}
	pte = pa | (pte & ~(PAGE_MASK | PTE_COW | PTE_COWW | PTE_W)) |
	    ((pte & PTE_COWW) ? PTE_W : 0);
	*ptep = pte;
	if (pd == loaded_cr3)
		invlpg(va & PAGE_MASK);
	return pte;
}

/* A write fault at va in the loaded space: 1 if it was a copy-on-write
 * page, now copied (the instruction can run again), else 0. */
int cow_fault(vir_bytes va)
{
	uint32_t pde, *ptep;

	if (va < USER_BASE || va >= USER_TOP)
		return 0;
	pde = ((uint32_t *)loaded_cr3)[va >> 22];
	if (!(pde & PTE_P))
		return 0;
	ptep = &((uint32_t *)(pde & PAGE_MASK))[(va >> 12) & 1023];
	if ((*ptep & (PTE_P | PTE_COW | PTE_COWW)) != (PTE_P | PTE_COW | PTE_COWW))
		return 0;
	return cow_break(ptep, loaded_cr3, va) != 0;
}

/* The PTE of va in p, its page no longer shared copy-on-write (before it
 * is mapped by another process or held for DMA); 0 if not present or
 * out of frames. */
uint32_t as_unshare(struct proc *p, vir_bytes va)
{
	uint32_t *pte;

	if (va < USER_BASE || va >= USER_TOP || !(pte = as_pte(p, va)) || !(*pte & PTE_P))
		return 0;
	return cow_break(pte, p->p_cr3, va);
}

/* fork: dst gets src's pages.  A private page (only this page table
 * refers to its frame) or one already shared copy-on-write is shared
 * copy-on-write; a page mapped from or by another process, or held for
 * DMA, is copied now. */
int as_copy(struct proc *dst, struct proc *src)
{
	uint32_t *pd = (uint32_t *)src->p_cr3;
	int i, j, r = OK;

	for (i = KERNEL_PDES; i < 1024 && r == OK; i++) {
		uint32_t *pt;
		if (!(pd[i] & PTE_P))
			continue;
		pt = (uint32_t *)(pd[i] & PAGE_MASK);
		for (j = 0; j < 1024; j++) {
			uint32_t pte = pt[j], flags;
			phys_bytes pa = pte & PAGE_MASK;
			vir_bytes va = ((uint32_t)i << 22) | ((uint32_t)j << 12);
			if (!(pte & PTE_P))
				continue;
			if (!(pte & PTE_MAPPED) &&
			    ((pte & PTE_COW) || refcnt[pa / PAGE_SIZE] == 1)) {
				if (!(pte & PTE_COW)) {
					pte = (pte & ~PTE_W) | PTE_COW |
					    ((pte & PTE_W) ? PTE_COWW : 0);
					pt[j] = pte;
				}
				flags = pte & (PTE_COW | PTE_COWW);
				frame_ref(pa);
			} else {
				flags = pte & PTE_W;
				if (!(pa = frame_take())) {
					r = ENOMEM;
					break;
				}
				memcpy((void *)pa, (void *)(pte & PAGE_MASK), PAGE_SIZE);
			}
			if ((r = as_map_page(dst, va, pa, flags)) != OK) {
				frame_unref(pa);
				break;
			}
		}
	}
	/* src's writable pages became read-only: drop stale TLB entries. */
	if (src->p_cr3 == loaded_cr3)
		write_cr3(loaded_cr3);
	return r;
}

int as_translate(struct proc *p, vir_bytes va, int write, phys_bytes *pa)
{
	uint32_t *pte;

	uint32_t e;

	if (va < USER_BASE || va >= USER_TOP || !(pte = as_pte(p, va)) ||
	    !((e = *pte) & PTE_P))
		return EFAULT;
	if (write && !(e & PTE_W)) {
		if (!(e & PTE_COWW) || !(e = cow_break(pte, p->p_cr3, va)))
			return EFAULT;
	}
	*pa = (e & PAGE_MASK) | (va & ~PAGE_MASK);
	return OK;
}


/* Check that every page of [va, va+n) is mapped (writable if asked). */
static int range_mapped(struct proc *p, vir_bytes va, size_t n, int write)
{
	phys_bytes pa;
	vir_bytes end = va + n;

	if (!user_range_ok(va, n))
		return EFAULT;
	if (n && ((va ^ (end - 1)) & PAGE_MASK) == 0) /* one page */
		return pte_of(p, va, write) ? OK : EFAULT;
	for (va &= PAGE_MASK; va < end; va += PAGE_SIZE)
		if (as_translate(p, va, write, &pa) != OK)
			return EFAULT;
	return OK;
}

int user_readable(struct proc *p, vir_bytes va, size_t n)
{
	return range_mapped(p, va, n, 0);
}

int user_writable_slow(struct proc *p, vir_bytes va, size_t n)
{
	return range_mapped(p, va, n, 1);
}

int copy_from_proc(struct proc *p, vir_bytes src, void *dst, size_t n)
{
	uint32_t pte;

	if (!user_range_ok(src, n))
		return EFAULT;
	if (p->p_cr3 == loaded_cr3)
		return ucopy(dst, (void *)src, n) == 0 ? OK : EFAULT;
	if (n && ((src ^ (src + n - 1)) & PAGE_MASK) == 0) { /* one page */
		if (!(pte = pte_of(p, src, 0)))
			return EFAULT;
		memcpy(dst, (void *)((pte & PAGE_MASK) | (src & ~PAGE_MASK)), n);
		return OK;
	}
	if (range_mapped(p, src, n, 0) != OK)
		return EFAULT;
	while (n) {
		phys_bytes pa;
		size_t chunk = PAGE_SIZE - (src & ~PAGE_MASK);
		if (chunk > n)
			chunk = n;
		as_translate(p, src, 0, &pa);
		memcpy(dst, (void *)pa, chunk);
		src += chunk, dst = (char *)dst + chunk, n -= chunk;
	}
	return OK;
}

int copy_to_proc(struct proc *p, vir_bytes dst, const void *src, size_t n)
{
	phys_bytes pa;

	if (!user_range_ok(dst, n))
		return EFAULT;
	/* The loaded space: the MMU checks (CR0.WP covers read-only pages);
	 * a fault may leave a prefix written in the caller's own memory. */
	if (p->p_cr3 == loaded_cr3)
		return ucopy((void *)dst, src, n) == 0 ? OK : EFAULT;
	if ((pa = umsg_phys(p, dst, n))) { /* one page */
		memcpy((void *)pa, src, n);
		return OK;
	}
	if (range_mapped(p, dst, n, 1) != OK)
		return EFAULT;
	while (n) {
		size_t chunk = PAGE_SIZE - (dst & ~PAGE_MASK);
		if (chunk > n)
			chunk = n;
		as_translate(p, dst, 1, &pa);
		memcpy((void *)pa, src, chunk);
		dst += chunk, src = (const char *)src + chunk, n -= chunk;
	}
	return OK;
}

/* A cursor over one address space's page tables that remembers the last
 * page table, so walking consecutive pages costs a few instructions each. */
struct pwalk {
	const uint32_t *pd, *pt;
	uint32_t pdi;
};

static inline void pw_init(struct pwalk *w, struct proc *p)
{
	w->pd = (const uint32_t *)p->p_cr3;
	w->pt = NULL;
	w->pdi = 0; /* never a user PDE */
}

/* PTE of va if it has all the bits in need, else 0. */
static inline uint32_t pw_pte(struct pwalk *w, vir_bytes va, uint32_t need)
{
	uint32_t i = va >> 22, pte;

	if (i != w->pdi) {
		w->pdi = i;
		w->pt = (w->pd[i] & PTE_P) ? (const uint32_t *)(w->pd[i] & PAGE_MASK) : NULL;
	}
	if (!w->pt)
		return 0;
	pte = w->pt[(va >> 12) & 1023];
	if ((pte & need) == need)
		return pte;
	if ((need & PTE_W) && (pte & (PTE_P | PTE_COWW)) == (PTE_P | PTE_COWW))
		return cow_break((uint32_t *)&w->pt[(va >> 12) & 1023], (uint32_t)w->pd, va);
	return 0;
}

static inline void copy_words(void *dst, const void *src, size_t n)
{
	size_t words = n >> 2, bytes = n & 3;

	__asm__ volatile("rep movsl" : "+D"(dst), "+S"(src), "+c"(words) : : "memory");
	if (bytes)
		__asm__ volatile("rep movsb" : "+D"(dst), "+S"(src), "+c"(bytes) : : "memory");
}

#define VC_KEEP 32 /* page frames remembered from the checking pass */

int vir_copy(struct proc *sp, vir_bytes src, struct proc *dp, vir_bytes dst, size_t n)
{
	phys_bytes fs[VC_KEEP], fd[VC_KEEP];
	struct pwalk ws, wd;
	vir_bytes s, d, left;
	uint32_t pte;
	int i;

	/* Small copies (issue 11): each side inside one page, one walk each
	 * (pd_pte checks the range; the destination's copy-on-write is
	 * broken as below). */
	if (n - 1 < PAGE_SIZE &&
	    !(((src ^ (src + n - 1)) | (dst ^ (dst + n - 1))) & PAGE_MASK)) {
		uint32_t ps = pd_pte(sp->p_cr3, src, 0), pdst;
		if (!ps || !(pdst = pd_pte(dp->p_cr3, dst, 1)))
			return EFAULT;
		copy_words((void *)((pdst & PAGE_MASK) | (dst & ~PAGE_MASK)),
		    (const void *)((ps & PAGE_MASK) | (src & ~PAGE_MASK)), n);
		return OK;
	}
	if (!user_range_ok(src, n) || !user_range_ok(dst, n))
		return EFAULT;
	/* Check every page of both sides first: a failing copy changes
	 * nothing.  The frames of the first pages are kept for the copy. */
	pw_init(&ws, sp);
	pw_init(&wd, dp);
	for (i = 0, s = src & PAGE_MASK; s < src + n; s += PAGE_SIZE, i++) {
		if (!(pte = pw_pte(&ws, s, PTE_P)))
			return EFAULT;
		if (i < VC_KEEP)
			fs[i] = pte & PAGE_MASK;
	}
	for (i = 0, d = dst & PAGE_MASK; d < dst + n; d += PAGE_SIZE, i++) {
		if (!(pte = pw_pte(&wd, d, PTE_P | PTE_W)))
			return EFAULT;
		if (i < VC_KEEP)
			fd[i] = pte & PAGE_MASK;
	}
	if (((src ^ dst) & ~PAGE_MASK) == 0) {
		/* Same offset in the page on both sides (the usual case):
		 * whole pages after the first. */
		vir_bytes off = src & ~PAGE_MASK;
		for (i = 0, left = n; left; i++, off = 0) {
			size_t chunk = PAGE_SIZE - off;
			phys_bytes ps, pd;
			if (chunk > left)
				chunk = left;
			if (i < VC_KEEP) {
				ps = fs[i], pd = fd[i];
			} else {
				ps = pw_pte(&ws, (src & PAGE_MASK) + i * PAGE_SIZE, PTE_P) & PAGE_MASK;
				pd = pw_pte(&wd, (dst & PAGE_MASK) + i * PAGE_SIZE, PTE_P) & PAGE_MASK;
			}
			copy_words((void *)(pd | off), (const void *)(ps | off), chunk);
			left -= chunk;
		}
		return OK;
	}
	for (s = src, d = dst, left = n; left; ) {
		size_t so = s & ~PAGE_MASK, dof = d & ~PAGE_MASK;
		size_t chunk = PAGE_SIZE - (so > dof ? so : dof);
		phys_bytes ps = pw_pte(&ws, s, PTE_P) & PAGE_MASK;
		phys_bytes pd = pw_pte(&wd, d, PTE_P) & PAGE_MASK;

		if (chunk > left)
			chunk = left;
		copy_words((void *)(pd | dof), (const void *)(ps | so), chunk);
		s += chunk, d += chunk, left -= chunk;
	}
	return OK;
}

int vir_memset(struct proc *p, vir_bytes dst, int c, size_t n)
{
	if (range_mapped(p, dst, n, 1) != OK)
		return EFAULT;
	while (n) {
		phys_bytes pa;
		size_t chunk = PAGE_SIZE - (dst & ~PAGE_MASK);
		if (chunk > n)
			chunk = n;
		as_translate(p, dst, 1, &pa);
		memset((void *)pa, c, chunk);
		dst += chunk, n -= chunk;
	}
	return OK;
}
