/* arch/i386/protect.c - GDT, TSS and IDT.
 *
 * Flat 4 GiB segments for kernel and user; one TSS whose esp0 is moved to
 * the current process's register frame on every switch (see mpx.asm).
 */
#include "arch.h"

struct seg_desc { uint16_t limit_lo, base_lo; uint8_t base_mid, access, gran, base_hi; } __attribute__((packed));
struct gate_desc { uint16_t off_lo, sel; uint8_t zero, attr; uint16_t off_hi; } __attribute__((packed));
struct desc_ptr { uint16_t limit; uint32_t base; } __attribute__((packed));

struct tss {
	uint32_t link, esp0, ss0, esp1, ss1, esp2, ss2, cr3, eip, eflags;
	uint32_t eax, ecx, edx, ebx, esp, ebp, esi, edi;
	uint32_t es, cs, ss, ds, fs, gs, ldt;
	uint16_t trap, iomap_base;
}; /* naturally aligned: no padding (checked below) */
_Static_assert(sizeof(struct tss) == 104, "TSS layout");
_Static_assert(sizeof(struct seg_desc) == 8 && sizeof(struct gate_desc) == 8, "descriptor size");

static struct seg_desc gdt[6];
static struct gate_desc idt[256];
static struct tss tss;
uint32_t *const tss_esp0 = &tss.esp0;

extern char k_stack_top[];
extern void exc0(void), exc1(void), exc2(void), exc3(void), exc4(void),
	exc5(void), exc6(void), exc7(void), exc8(void), exc9(void), exc10(void),
	exc11(void), exc12(void), exc13(void), exc14(void), exc15(void),
	exc16(void), exc17(void), exc18(void), exc19(void);
extern void irq0(void), irq1(void), irq2(void), irq3(void), irq4(void),
	irq5(void), irq6(void), irq7(void), irq8(void), irq9(void), irq10(void),
	irq11(void), irq12(void), irq13(void), irq14(void), irq15(void);
extern void ipc_entry(void), kcall_entry(void);

static void set_seg(int i, uint32_t base, uint32_t limit, uint8_t access, uint8_t gran)
{
	gdt[i].limit_lo = limit & 0xffff;
	gdt[i].base_lo = base & 0xffff;
	gdt[i].base_mid = (base >> 16) & 0xff;
	gdt[i].access = access;
	gdt[i].gran = (uint8_t)(gran | ((limit >> 16) & 0x0f));
	gdt[i].base_hi = (base >> 24) & 0xff;
}

static void set_gate(int vec, void (*fn)(void), int dpl)
{
	uint32_t off = (uint32_t)fn;
	idt[vec].off_lo = off & 0xffff;
	idt[vec].sel = KERN_CS;
	idt[vec].zero = 0;
	idt[vec].attr = (uint8_t)(0x8e | (dpl << 5)); /* present interrupt gate */
	idt[vec].off_hi = off >> 16;
}

void prot_init(void)
{
	static void (*const exc[])(void) = { exc0, exc1, exc2, exc3, exc4,
		exc5, exc6, exc7, exc8, exc9, exc10, exc11, exc12, exc13, exc14,
		exc15, exc16, exc17, exc18, exc19 };
	static void (*const irq[])(void) = { irq0, irq1, irq2, irq3, irq4,
		irq5, irq6, irq7, irq8, irq9, irq10, irq11, irq12, irq13, irq14,
		irq15 };
	struct desc_ptr p;
	unsigned i;

	set_seg(1, 0, 0xfffff, 0x9a, 0xc0); /* kernel code */
	set_seg(2, 0, 0xfffff, 0x92, 0xc0); /* kernel data */
	set_seg(3, 0, 0xfffff, 0xfa, 0xc0); /* user code */
	set_seg(4, 0, 0xfffff, 0xf2, 0xc0); /* user data */
	tss.ss0 = KERN_DS;
	tss.esp0 = (uint32_t)k_stack_top;
	tss.iomap_base = sizeof(tss); /* no I/O bitmap: ring 3 has no ports */
	set_seg(5, (uint32_t)&tss, sizeof(tss) - 1, 0x89, 0x00);

	p.limit = sizeof(gdt) - 1;
	p.base = (uint32_t)gdt;
	__asm__ volatile("lgdt %0\n\t"
		"ljmp %1, $1f\n1:\n\t"
		"mov %2, %%ax\n\tmov %%ax, %%ds\n\tmov %%ax, %%es\n\t"
		"mov %%ax, %%fs\n\tmov %%ax, %%gs\n\tmov %%ax, %%ss"
		: : "m"(p), "i"(KERN_CS), "i"(KERN_DS) : "eax", "memory");
	__asm__ volatile("ltr %w0" : : "r"(TSS_SEL));

	for (i = 0; i < sizeof(exc) / sizeof(exc[0]); i++)
		set_gate(i, exc[i], 0);
	for (i = 0; i < NR_IRQ_VECTORS; i++)
		set_gate(IRQ0_VECTOR + i, irq[i], 0);
	set_gate(KERN_CALL_VECTOR, kcall_entry, 3);
	set_gate(IPC_VECTOR, ipc_entry, 3);
	p.limit = sizeof(idt) - 1;
	p.base = (uint32_t)idt;
	__asm__ volatile("lidt %0" : : "m"(p));
}
