/* arch/i386/serial.c - output channels: the console on COM1 (16550, polled
 * by the kernel) and the kernel log on port 0xE9 (QEMU's debugcon).
 */
#include "arch.h"

#define COM1 0x3f8

void serial_init(void)
{
	outb(COM1 + 1, 0x00); /* no interrupts */
	outb(COM1 + 3, 0x80); /* DLAB */
	outb(COM1 + 0, 0x01); /* 115200 baud */
	outb(COM1 + 1, 0x00);
	outb(COM1 + 3, 0x03); /* 8N1 */
	outb(COM1 + 2, 0xc7); /* FIFO on */
	outb(COM1 + 4, 0x0b); /* DTR, RTS, OUT2 (interrupts to the PIC) */
	outb(COM1 + 1, 0x01); /* interrupt on received data */
}

/* A character typed on COM1, or -1. */
int cons_getc(void)
{
	return (inb(COM1 + 5) & 1) ? inb(COM1) : -1;
}

int cons_lsr(void)
{
	return inb(COM1 + 5);
}

void cons_putc(int c)
{
	int spin = 100000;

	if (c == '\n')
		cons_putc('\r');
	while (!(inb(COM1 + 5) & 0x20) && --spin)
		;
	outb(COM1, (uint8_t)c);
}

void klog_putc(int c)
{
	outb(0xe9, (uint8_t)c);
}
