/* memory.h - physical frames and per-process address spaces. */
#ifndef MEMORY_H
#define MEMORY_H

#include "kernel.h"
#include "multiboot.h"

struct proc;

#define PTE_P   0x001
#define PTE_W   0x002
#define PTE_U   0x004
#define PTE_PS  0x080  /* 4 MiB page in a PDE */
#define PTE_MAPPED 0x200 /* frame belongs to another process (safemap) */
#define PAGE_MASK 0xfffff000u
#define KERNEL_PDES (USER_BASE >> 22) /* PDEs shared by every space */

void mem_init(struct multiboot_info *mbi, uint32_t reserved_end);
phys_bytes frame_alloc(void);  /* zeroed, one reference; 0 when out */
void frame_ref(phys_bytes pa);
void frame_unref(phys_bytes pa);
unsigned frame_refcount(phys_bytes pa);
void frames_count(unsigned *free, unsigned *total);

int as_new(struct proc *p);
void as_free(struct proc *p);
int as_copy(struct proc *dst, struct proc *src);
int as_alloc_range(struct proc *p, vir_bytes va, vir_bytes len, int writable);
int as_map_page(struct proc *p, vir_bytes va, phys_bytes pa, uint32_t flags);
uint32_t *as_pte(struct proc *p, vir_bytes va); /* NULL if no page table */
int as_translate(struct proc *p, vir_bytes va, int write, phys_bytes *pa);
void as_load(struct proc *p);

/* Copies between the kernel and a process, or two processes.  OK, or
 * EFAULT if any byte is outside user space, unmapped or (for the
 * destination) read-only; nothing is written unless every page checks. */
int copy_from_proc(struct proc *p, vir_bytes src, void *dst, size_t n);
int copy_to_proc(struct proc *p, vir_bytes dst, const void *src, size_t n);
int vir_copy(struct proc *sp, vir_bytes src, struct proc *dp, vir_bytes dst, size_t n);
int vir_memset(struct proc *p, vir_bytes dst, int c, size_t n);
int user_range_ok(vir_bytes va, size_t n);
int user_writable(struct proc *p, vir_bytes va, size_t n); /* OK or EFAULT */

#endif
