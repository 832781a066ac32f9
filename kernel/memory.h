/* memory.h - physical frames and per-process address spaces. */
#ifndef MEMORY_H
#define MEMORY_H

#include "kernel.h"
#include "multiboot.h"
#include "proc.h"

#define PTE_P   0x001
#define PTE_W   0x002
#define PTE_U   0x004
#define PTE_PS  0x080  /* 4 MiB page in a PDE */
#define PTE_MAPPED 0x200 /* frame belongs to another process (safemap) */
#define PTE_COW    0x400 /* shared since a fork: copied before it is changed */
#define PTE_COWW   0x800 /* (with PTE_COW) writable once copied */
#define PTE_PWT 0x008
#define PTE_PCD 0x010
/* A device page (vm_map_phys: a PCI memory BAR above USER_BASE, cache
 * disabled): no frame, never counted, copied, shared or held; RAM pages
 * never have PCD set.  docs/kernel.md, "Device memory mappings". */
#define PTE_DEV PTE_PCD
#define PAGE_MASK 0xfffff000u
#define KERNEL_PDES (USER_BASE >> 22) /* PDEs shared by every space */

void mem_init(struct multiboot_info *mbi, uint32_t reserved_end);
void mem_free_range(uint32_t start, uint32_t end);
void *kmap_mmio(phys_bytes pa);
phys_bytes mem_top(void);        /* end of RAM: frames are below it */  /* device registers: before the first as_new */
phys_bytes frame_alloc(void);  /* zeroed, one reference; 0 when out */
phys_bytes frames_take_contig(unsigned n, phys_bytes below, phys_bytes align);
void frame_ref(phys_bytes pa);
void frame_unref(phys_bytes pa);
unsigned frame_refcount(phys_bytes pa);
void frames_count(unsigned *free, unsigned *total);

int as_new(struct proc *p);
void as_free(struct proc *p);
void as_clear(struct proc *p);
int as_copy(struct proc *dst, struct proc *src);
int as_alloc_range(struct proc *p, vir_bytes va, vir_bytes len, int writable);
int as_map_page(struct proc *p, vir_bytes va, phys_bytes pa, uint32_t flags);
uint32_t *as_pte(struct proc *p, vir_bytes va); /* NULL if no page table */
int as_translate(struct proc *p, vir_bytes va, int write, phys_bytes *pa);
/* Copy-on-write: give the page at *ptep (va in page directory pd) a frame
 * of its own, writable if PTE_COWW; the new PTE, or 0 when out of frames. */
uint32_t cow_break(uint32_t *ptep, uint32_t pd, vir_bytes va);
int cow_fault(vir_bytes va);      /* a write fault in the loaded space */
uint32_t as_unshare(struct proc *p, vir_bytes va); /* PTE, 0 if none/out */
extern uint32_t loaded_cr3;
static inline void as_load(struct proc *p)
{
	if (p->p_cr3 != loaded_cr3) {
		loaded_cr3 = p->p_cr3;
		write_cr3(loaded_cr3);
	}
}

/* Copies between the kernel and a process, or two processes.  OK, or
 * EFAULT if any byte is outside user space, unmapped or (for the
 * destination) read-only; nothing is written unless every page checks. */
int copy_from_proc(struct proc *p, vir_bytes src, void *dst, size_t n);
int copy_to_proc(struct proc *p, vir_bytes dst, const void *src, size_t n);
int vir_copy(struct proc *sp, vir_bytes src, struct proc *dp, vir_bytes dst, size_t n);
int vir_memset(struct proc *p, vir_bytes dst, int c, size_t n);
int user_writable_slow(struct proc *p, vir_bytes va, size_t n);
int user_readable(struct proc *p, vir_bytes va, size_t n); /* OK or EFAULT */

/* Is [va, va+n) inside user space? */
static inline int user_range_ok(vir_bytes va, size_t n)
{
	return va >= USER_BASE && va <= USER_TOP && n <= USER_TOP - va;
}

/* PTE of user address va in page directory pd if present (and writable,
 * if asked), else 0 (also for addresses outside user space and for
 * device pages). */
static inline uint32_t pd_pte(uint32_t pd, vir_bytes va, int write)
{
	uint32_t pde, pte;
	uint32_t need = write ? PTE_P | PTE_W : PTE_P;

	if (va < USER_BASE || va >= USER_TOP)
		return 0; /* kernel PDEs map 4 MiB pages, not page tables */
	pde = ((uint32_t *)pd)[va >> 22];
	if (!(pde & PTE_P))
		return 0;
	pte = ((uint32_t *)(pde & PAGE_MASK))[(va >> 12) & 1023];
	if ((pte & (need | PTE_DEV)) == need)
		return pte; /* a device page is no memory the kernel reaches */
	/* A write to a page shared since a fork: copy it first. */
	if (write && (pte & (PTE_P | PTE_COWW)) == (PTE_P | PTE_COWW))
		return cow_break(&((uint32_t *)(pde & PAGE_MASK))[(va >> 12) & 1023], pd, va);
	return 0;
}

/* Physical address of [va, va+n) in the space pd if it is user memory
 * inside one writable page, else 0 (take the general path). */
static inline phys_bytes pd_msg_phys(uint32_t pd, vir_bytes va, size_t n)
{
	uint32_t pte;

	if (!n || !user_range_ok(va, n) || ((va ^ (va + n - 1)) & PAGE_MASK))
		return 0;
	pte = pd_pte(pd, va, 1);
	return pte ? (pte & PAGE_MASK) | (va & ~PAGE_MASK) : 0;
}
/* OK if [va, va+n) is writable user memory of p, else EFAULT. */
static inline int user_writable(struct proc *p, vir_bytes va, size_t n)
{
	if (n && user_range_ok(va, n) && ((va ^ (va + n - 1)) & PAGE_MASK) == 0)
		return pd_pte(p->p_cr3, va, 1) ? OK : EFAULT; /* one page */
	return user_writable_slow(p, va, n);
}

#define pte_of(p, va, w)       pd_pte((p)->p_cr3, (va), (w))
#define umsg_phys(p, va, n)    pd_msg_phys((p)->p_cr3, (va), (n))

#endif
