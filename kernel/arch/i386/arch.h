/* arch/i386/arch.h - x86 specifics: the saved register frame, segment
 * selectors, port I/O, control registers and the arch entry points.
 */
#ifndef ARCH_H
#define ARCH_H

#include <stdint.h>

/* Segment selectors (GDT layout in protect.c). */
#define KERN_CS 0x08
#define KERN_DS 0x10
#define USER_CS (0x18 | 3)
#define USER_DS (0x20 | 3)
#define TSS_SEL 0x28

/* Interrupt vectors. */
#define KERN_CALL_VECTOR 0x20
#define IPC_VECTOR       0x21
#define IRQ0_VECTOR      0x50
#define NR_IRQ_VECTORS   16

/* CPU exceptions. */
#define EX_DE 0  /* divide error */
#define EX_UD 6  /* invalid opcode */
#define EX_NM 7  /* device not available */
#define EX_GP 13 /* general protection */
#define EX_PF 14 /* page fault */

/*
 * The registers of a process, saved by the trap stubs (mpx.asm) into the
 * process table entry itself: the TSS's esp0 points just past this struct,
 * so the CPU pushes ss..eip here and the stub pushes the rest below.
 */
struct stackframe {
	uint32_t gs, fs, es, ds;
	uint32_t edi, esi, ebp, esp_pusha, ebx, edx, ecx, eax; /* pushad */
	uint32_t vector, errcode;
	uint32_t eip, cs, eflags, esp, ss; /* pushed by the CPU */
};
_Static_assert(sizeof(struct stackframe) == 76, "mpx.asm knows this size");

#define EFLAGS_IF   0x200
#define EFLAGS_IOPL 0x3000

static inline void outb(uint16_t port, uint8_t v)
{ __asm__ volatile("outb %0, %1" : : "a"(v), "Nd"(port)); }
static inline void outw(uint16_t port, uint16_t v)
{ __asm__ volatile("outw %0, %1" : : "a"(v), "Nd"(port)); }
static inline void outl(uint16_t port, uint32_t v)
{ __asm__ volatile("outl %0, %1" : : "a"(v), "Nd"(port)); }
static inline uint8_t inb(uint16_t port)
{ uint8_t v; __asm__ volatile("inb %1, %0" : "=a"(v) : "Nd"(port)); return v; }
static inline uint16_t inw(uint16_t port)
{ uint16_t v; __asm__ volatile("inw %1, %0" : "=a"(v) : "Nd"(port)); return v; }
static inline uint32_t inl(uint16_t port)
{ uint32_t v; __asm__ volatile("inl %1, %0" : "=a"(v) : "Nd"(port)); return v; }

static inline uint32_t read_cr2(void)
{ uint32_t v; __asm__ volatile("mov %%cr2, %0" : "=r"(v)); return v; }
static inline uint32_t read_cr3(void)
{ uint32_t v; __asm__ volatile("mov %%cr3, %0" : "=r"(v)); return v; }
static inline void write_cr3(uint32_t v)
{ __asm__ volatile("mov %0, %%cr3" : : "r"(v) : "memory"); }
static inline void invlpg(uint32_t va)
{ __asm__ volatile("invlpg (%0)" : : "r"(va) : "memory"); }
static inline uint64_t rdtsc(void)
{ uint32_t lo, hi; __asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi)); return ((uint64_t)hi << 32) | lo; }

/* protect.c */
void prot_init(void);
extern uint32_t *const tss_esp0; /* where the CPU saves user state on a trap */
static inline void tss_set_esp0(uint32_t esp0) { *tss_esp0 = esp0; }
/* i8259.c */
void pic_init(void);
void pic_mask(int irq);
void pic_unmask(int irq);
void pic_eoi(int irq);
/* i8253.c */
void pit_init(int hz);
/* serial.c */
void serial_init(void);
void cons_putc(int c);   /* COM1: the console */
void klog_putc(int c);   /* port 0xE9: the kernel log (QEMU -debugcon) */
int cons_getc(void);     /* COM1 input, -1 if none */
int cons_lsr(void);      /* COM1's line status register */
#define CONS_LSR_PORT 0x3fd /* ... its port */
#define CONS_LSR_DR 0x01 /* a character has come */
#define CONS_LSR_BI 0x10 /* ... and it is the NUL of a BREAK */
/* mpx.asm */
void restart_frame(struct stackframe *f) __attribute__((noreturn));
void idle_halt(void); /* sti; hlt; cli */
extern char ucopy_start[], ucopy_end[], ucopy_fault[];
int ucopy(void *dst, const void *src, uint32_t n); /* 0 or -1 on a fault */
/* Copy nwords 32-bit words to or from user memory of the loaded space;
 * 0, or -1 if a page fault stopped it (exception.c finds the fixup in the
 * .ex_table section).  Inline: the message copies of the IPC fast paths. */
static inline int ucopy_words(void *dst, const void *src, uint32_t nwords)
{
	int err = 0;

	__asm__ volatile(
		"1:	rep movsl\n"
		"2:\n"
		".pushsection .ex_table, \"a\"\n"
		"	.long 1b, 3f\n"
		".popsection\n"
		".pushsection .fixup, \"ax\"\n"
		"3:	movl $-1, %0\n"
		"	jmp 2b\n"
		".popsection\n"
		: "+r"(err), "+D"(dst), "+S"(src), "+c"(nwords) : : "memory");
	return err;
}

/* exception.c */
void exception_handler(struct stackframe *f, int from_user);

#endif
