/* arch/i386/i8259.c - the two 8259A interrupt controllers, remapped to
 * IRQ0_VECTOR.  Lines start masked; interrupt.c unmasks those in use.
 */
#include "arch.h"

#define PIC1 0x20
#define PIC2 0xa0

static uint16_t irq_mask = 0xffff & ~(1 << 2); /* cascade line stays open */

static void pic_write_mask(void)
{
	outb(PIC1 + 1, irq_mask & 0xff);
	outb(PIC2 + 1, irq_mask >> 8);
}

void pic_init(void)
{
	outb(PIC1, 0x11);             /* ICW1: init, ICW4 follows */
	outb(PIC2, 0x11);
	outb(PIC1 + 1, IRQ0_VECTOR);  /* ICW2: vector base */
	outb(PIC2 + 1, IRQ0_VECTOR + 8);
	outb(PIC1 + 1, 0x04);         /* ICW3: slave on line 2 */
	outb(PIC2 + 1, 0x02);
	outb(PIC1 + 1, 0x01);         /* ICW4: 8086 mode */
	outb(PIC2 + 1, 0x01);
	pic_write_mask();
}

void pic_mask(int irq)
{
	irq_mask |= (uint16_t)(1 << irq);
	pic_write_mask();
}

void pic_unmask(int irq)
{
	irq_mask &= (uint16_t)~(1 << irq);
	pic_write_mask();
}

void pic_eoi(int irq)
{
	if (irq >= 8)
		outb(PIC2, 0x20);
	outb(PIC1, 0x20);
}
